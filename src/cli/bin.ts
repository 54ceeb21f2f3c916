import { runCli } from './main.js';

runCli(process.argv.slice(2)).then(status => {
    process.exitCode = status;
}, (error: unknown) => {
    process.stderr.write(`planspec: lỗi nội bộ (internal error): ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 2;
});
