import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import type { WorkspaceLock } from 'langium';

/**
 * Full garbage collection when the server is idle.
 *
 * Every edit rebuilds the edited plan, and what an edit leaves behind ends up in V8's old space.
 * V8 lets that space grow to about twice its live size before it collects it, and even then keeps
 * the freed pages: after 1,000 edits of a plan of the 1,000-plan bench workspace the server held
 * 2 GB of RSS for 0.8 GB of live heap. Smaller growth limits (`--heap-growing-percent`) cost every
 * edit 2–3× its time; collecting once the user has stopped typing costs no edit anything.
 */
export interface IdleCollectionOptions {
    /** Quiet time (no message from the client, no workspace write running) before a collection. */
    idleMs: number;
    /** Collect only once the heap has grown by this factor since the last collection (or the load of the workspace). */
    growth: number;
    heapUsed: () => number;
    /** A full collection that also gives freed memory back to the system. */
    collect: () => void;
    now: () => number;
}

export interface IdleCollectionStats {
    count: number;
    ms: number;
    /** Heap used before minus after, summed over the collections. */
    freedBytes: number;
}

export const IDLE_COLLECTION_MS = 2000;
export const IDLE_COLLECTION_GROWTH = 1.5;

export class IdleCollector {
    readonly stats: IdleCollectionStats = { count: 0, ms: 0, freedBytes: 0 };
    private readonly options: IdleCollectionOptions;
    private lastActivity: number;
    private busy = 0;
    private baseline: number | undefined;
    private timer: ReturnType<typeof setTimeout> | undefined;

    constructor(options: Partial<IdleCollectionOptions> = {}) {
        this.options = {
            idleMs: IDLE_COLLECTION_MS,
            growth: IDLE_COLLECTION_GROWTH,
            heapUsed: () => v8.getHeapStatistics().used_heap_size,
            now: () => performance.now(),
            ...options,
            // Exposes V8's gc only where it is used.
            collect: options.collect ?? fullCollection(),
        };
        this.lastActivity = this.options.now();
    }

    /** Something happened (a message arrived, a build ended): the quiet time starts again. */
    activity(): void {
        this.lastActivity = this.options.now();
        this.schedule(this.options.idleMs);
    }

    /** Counts the workspace writes (builds) as they run: no collection starts while one does. */
    watch(lock: WorkspaceLock): void {
        const write = lock.write.bind(lock);
        lock.write = action => write(async token => {
            this.busy++;
            try {
                await action(token);
            } finally {
                this.busy--;
                // The first write loads the workspace: what is held then is mostly the workspace
                // itself, the size later growth is measured against.
                this.baseline ??= this.options.heapUsed();
                this.activity();
            }
        });
    }

    dispose(): void {
        clearTimeout(this.timer);
        this.timer = undefined;
    }

    private schedule(delay: number): void {
        if (this.timer === undefined) {
            this.timer = setTimeout(() => this.quiet(), delay);
            // A pending collection never keeps the process alive.
            this.timer.unref?.();
        }
    }

    private quiet(): void {
        this.timer = undefined;
        const waited = this.options.now() - this.lastActivity;
        if (this.busy > 0 || waited < this.options.idleMs) {
            this.schedule(this.busy > 0 ? this.options.idleMs : this.options.idleMs - waited);
            return;
        }
        const before = this.options.heapUsed();
        if (this.baseline === undefined) {
            this.baseline = before;
            return;
        }
        if (before < this.options.growth * this.baseline) {
            return;
        }
        const start = this.options.now();
        this.options.collect();
        this.stats.count++;
        this.stats.ms += this.options.now() - start;
        const after = this.options.heapUsed();
        this.stats.freedBytes += Math.max(0, before - after);
        this.baseline = after;
    }
}

/**
 * V8's `gc` with the flavour it uses before it gives up on memory ("last resort"): a plain full
 * collection frees the heap but keeps the pages (RSS unchanged); this one returns them.
 */
export function fullCollection(): () => void {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as (options?: object) => void;
    return () => gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
}
