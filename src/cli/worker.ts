import { parentPort, workerData } from 'node:worker_threads';
import type { ConfigOverrides } from '../config/config.js';
import type { PlanspecServices } from '../language/planspec-module.js';
import { takeProfile } from '../linter/profile.js';
import { runServices } from '../workspace/load.js';
import type { WorkerReply, WorkerRequest } from './parallel.js';
import { serializeError } from './parallel.js';
import { recheckWorkspace } from './cache.js';
import { checkShard, collectGarbage, compileShard } from './shard.js';

/*
 * A worker thread of `planspec check|compile --jobs N`: it checks (or compiles) whole workspaces, one
 * at a time, with one set of services, releasing each workspace's documents before the next; it
 * posts plain results, and the main thread prints them.
 */

const port = parentPort!;
const { overrides } = workerData as { overrides: ConfigOverrides };
let services: PlanspecServices | undefined;

port.on('message', (request: WorkerRequest) => {
    void handle(request).then(reply => port.postMessage(reply));
});

async function handle(request: WorkerRequest): Promise<WorkerReply> {
    if (request.type === 'stop') {
        return { type: 'stopped', profile: takeProfile() };
    }
    try {
        // For the tests: a worker that fails on the workspace whose root ends with this name.
        const crash = process.env.PLANSPEC_TEST_WORKER_CRASH;
        if (crash && request.task.shard.root.endsWith(crash)) {
            throw new Error(`PLANSPEC_TEST_WORKER_CRASH (${crash})`);
        }
        if (services) {
            collectGarbage();
        }
        services ??= runServices(overrides);
        const { task } = request;
        const result = task.kind === 'check' ? await checkShard(services, task.shard)
            : task.kind === 'compile' ? await compileShard(services, task.shard, task.staging, task.prefix)
                : await recheckWorkspace(services, task.recheck);
        return { type: 'result', id: request.id, result };
    } catch (error) {
        return { type: 'failed', id: request.id, error: serializeError(error) };
    }
}
