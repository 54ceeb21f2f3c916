#!/usr/bin/env node
// The planspec language server; start it with --stdio (or --node-ipc, --socket=PORT).
if (Number(process.versions.node.split('.')[0]) < 22) {
    process.stderr.write(`planspec-language-server: cần Node.js 22 trở lên, đang chạy ${process.version} (Node.js >= 22 is required)\n`);
    process.exit(2);
}
await import('../out/server/main.js');
