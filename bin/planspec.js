#!/usr/bin/env node
// Langium 4.4 (through chevrotain 13) needs Node 22; in a clone, `npx planspec` and `npm run`
// find the Node 22 that `npm install` put in node_modules/.bin.
if (Number(process.versions.node.split('.')[0]) < 22) {
    process.stderr.write(`planspec: cần Node.js 22 trở lên, đang chạy ${process.version} (Node.js >= 22 is required)\n`);
    process.exit(2);
}
await import('../out/cli/bin.js');
