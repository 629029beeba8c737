// Imported first by every entry point (app server, worker, test runner): Duely runs on Node 22 LTS, the
// version `npm install` puts at node_modules/.bin/node and that every `npm run` / `npm start` / `npm test` uses.
// Started directly with an older `node` (the machine's), it stops here with the fix instead of failing later.
const major = Number(process.versions.node.split(".")[0]);
if (major < 22) {
  console.error(
    `Duely needs Node.js 22 or newer; this is Node.js ${process.versions.node} (${process.execPath}).\n` +
      `Start it through npm (npm start, npm run demo, npm run worker, npm test), which runs the project's own ` +
      `Node 22 from node_modules/.bin/node, or run node_modules/.bin/node directly. ` +
      `If node_modules/.bin/node is missing, run npm install.`,
  );
  process.exit(1);
}
