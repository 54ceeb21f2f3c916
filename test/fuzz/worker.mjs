// @ts-check
/** Runs fuzz cases sent by fuzz.test.ts, one at a time; see exercise.mjs. */
import { parentPort } from 'node:worker_threads';
import { exercise } from './exercise.mjs';

if (!parentPort) throw new Error('worker.mjs runs as a worker thread');
const port = parentPort;
// Rule failures are already findings (and fuzz failures); their log lines would only be noise.
console.error = () => undefined;
port.on('message', async ({ id, input }) => {
    try {
        port.postMessage({ id, result: await exercise(input) });
    } catch (error) {
        port.postMessage({ id, error: error instanceof Error ? error.stack ?? error.message : String(error) });
    }
});
