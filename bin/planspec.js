#!/usr/bin/env node
// Langium 4.4 (through chevrotain 13) needs Node 22; in a clone, `npx planspec` and `npm run`
// find the Node 22 that `npm install` put in node_modules/.bin.
if (Number(process.versions.node.split('.')[0]) < 22) {
    process.stderr.write(`planspec: cần Node.js 22 trở lên, đang chạy ${process.version} (Node.js >= 22 is required)\n`);
    process.exit(2);
}
// Node's on-disk cache of compiled code (in the temporary folder, or NODE_COMPILE_CACHE; off with
// NODE_DISABLE_COMPILE_CACHE=1): loading planspec's modules was about a third of a short check.
const { enableCompileCache } = await import('node:module');
enableCompileCache?.();
await import('../out/cli/bin.js');
