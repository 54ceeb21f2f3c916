import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ConfigOverrides } from '../config/config.js';
import type { ProfileTotals } from '../linter/profile.js';
import { addProfile } from '../linter/profile.js';
import type { Shard } from '../workspace/load.js';
import { shownPath, UsageError } from '../workspace/load.js';
import { packageRoot } from '../workspace/package-root.js';
import type { Recheck } from './cache-entry.js';
import type { CheckedShard, CompiledShard } from './shard.js';

/*
 * `--jobs N`: independent workspaces spread over worker threads. A worker loads and checks whole
 * workspaces (no index spans two), so each finding is the one a single process finds; the main
 * thread only collects the plain results, by workspace, and prints them in the usual order.
 */

export type WorkerTask =
    | { kind: 'check'; shard: Shard }
    | { kind: 'compile'; shard: Shard; staging: string; prefix: string }
    | { kind: 'recheck'; shard: Shard; recheck: Recheck };

export type WorkerRequest = { type: 'task'; id: number; task: WorkerTask } | { type: 'stop' };

export type WorkerReply =
    | { type: 'result'; id: number; result: CheckedShard | CompiledShard | Recheck }
    | { type: 'failed'; id: number; error: SerializedError }
    | { type: 'stopped'; profile: ProfileTotals };

export interface SerializedError {
    message: string;
    stack?: string;
    usage: boolean;
    code?: string;
    syscall?: string;
    path?: string;
}

/**
 * A worker's young generation: 64 MB semi-spaces instead of V8's 16 MB. Checking allocates short-lived
 * objects fast (a fifth of a check's time went to scavenges); the old generation keeps Node's default.
 */
const YOUNG_GENERATION_MB = 3 * 64;

/** How many worker threads this process has started (the tests read it). */
export const started = { workers: 0 };

/** A worker failed on a workspace for a reason that is not the user's (a bug, memory): the run stops. */
export class WorkerError extends Error { }

/**
 * The default number of workers: one per core the machine offers, but no more than its memory
 * holds at ~2 GB a worker (a workspace of 1,000 plans takes ~1 GB while it is checked).
 */
export function defaultJobs(): number {
    return Math.max(1, Math.min(os.availableParallelism(), Math.floor(os.totalmem() / 2 ** 31)));
}

export function serializeError(error: unknown): SerializedError {
    const e = error as Partial<NodeJS.ErrnoException> | undefined;
    return {
        message: error instanceof Error ? error.message : String(error),
        stack: error instanceof Error ? error.stack : undefined,
        usage: error instanceof UsageError,
        code: typeof e?.code === 'string' ? e.code : undefined,
        syscall: typeof e?.syscall === 'string' ? e.syscall : undefined,
        path: typeof e?.path === 'string' ? e.path : undefined,
    };
}

/** The error a worker's failure is in the main thread: as the user would have met it in one process. */
function restoredError(error: SerializedError, shard: Shard | undefined): Error {
    if (error.usage) {
        return new UsageError(error.message);
    }
    if (error.code && error.syscall) {
        return Object.assign(new Error(error.message), { code: error.code, syscall: error.syscall, path: error.path });
    }
    const where = shard ? ` ${shownPath(shard.root)}` : '';
    return new WorkerError(`lỗi nội bộ khi kiểm tra không gian làm việc${where}, đã dừng (internal error while checking the workspace${where}; stopped): ${error.stack ?? error.message}`);
}

/** The compiled worker (out/cli/worker.js): beside this module when it runs from out/, else in out/ of the package (the tests run src/). */
function workerFile(): string {
    const beside = path.join(path.dirname(fileURLToPath(import.meta.url)), 'worker.js');
    const file = fs.existsSync(beside) ? beside : path.join(packageRoot(), 'out', 'cli', 'worker.js');
    if (!fs.existsSync(file)) {
        throw new WorkerError(`không tìm thấy ${file}; hãy chạy npm run build (not found; run npm run build)`);
    }
    return file;
}

/**
 * Runs `tasks` on `jobs` worker threads (no more than there are tasks) and resolves to their results
 * in the order of `tasks`. The biggest workspaces go first, so that the last to finish is a small one.
 * On the first failure every worker is stopped (and has stopped writing) before the promise rejects.
 */
export function runInWorkers<R extends CheckedShard | CompiledShard | Recheck>(tasks: WorkerTask[], jobs: number, overrides: ConfigOverrides): Promise<R[]> {
    if (tasks.length === 0) {
        return Promise.resolve([]);
    }
    const file = workerFile();
    const weight = tasks.map(t => t.shard.files.reduce((sum, f) => sum + sizeOf(f), 0));
    const queue = tasks.map((_, i) => i).sort((a, b) => weight[b] - weight[a] || a - b);
    const results: R[] = new Array<R>(tasks.length);
    return new Promise<R[]>((resolve, reject) => {
        let failure: Error | undefined;
        let running = 0;
        const workers: Worker[] = [];
        const fail = (error: Error) => {
            if (failure) {
                return;
            }
            failure = error;
            void Promise.all(workers.map(w => w.terminate())).then(() => reject(error));
        };
        const next = (worker: Worker) => {
            const id = queue.shift();
            worker.postMessage(id === undefined ? { type: 'stop' } : { type: 'task', id, task: tasks[id] } satisfies WorkerRequest);
            return id;
        };
        for (let k = 0; k < Math.min(Math.max(1, jobs), tasks.length); k++) {
            const worker = new Worker(file, { workerData: { overrides }, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
            started.workers++;
            workers.push(worker);
            running++;
            let current: number | undefined;
            worker.on('message', (reply: WorkerReply) => {
                if (failure) {
                    return;
                }
                if (reply.type === 'result') {
                    results[reply.id] = reply.result as R;
                    current = next(worker);
                } else if (reply.type === 'failed') {
                    fail(restoredError(reply.error, tasks[reply.id]?.shard));
                } else {
                    addProfile(reply.profile);
                    current = undefined;
                    void worker.terminate();
                }
            });
            worker.on('error', error => fail(restoredError(serializeError(error), current === undefined ? undefined : tasks[current].shard)));
            worker.on('exit', () => {
                running--;
                if (current !== undefined) {
                    fail(new WorkerError(`một luồng kiểm tra đã dừng giữa chừng (a worker stopped before it finished ${shownPath(tasks[current].shard.root)})`));
                } else if (running === 0 && !failure) {
                    resolve(results);
                }
            });
            current = next(worker);
        }
    });
}

function sizeOf(file: string): number {
    try {
        return fs.statSync(file).size;
    } catch {
        return 0;
    }
}
