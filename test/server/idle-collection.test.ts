// The server's idle collection: a full collection once the client has been quiet for a while, no
// build runs, and the heap has grown since the workspace was loaded (or since the last one).
import type { WorkspaceLock } from 'langium';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import * as v8 from 'node:v8';
import { fullCollection, IdleCollector } from '../../src/server/idle-collection.js';

/** A lock that runs each write as soon as it is given, as Langium's does when none is queued. */
function immediateLock(): WorkspaceLock {
    return {
        write: async action => {
            await action({ isCancellationRequested: false, onCancellationRequested: () => ({ dispose: () => undefined }) });
        },
        read: async action => action(),
        cancelWrite: () => undefined,
    } as WorkspaceLock;
}

describe('IdleCollector', () => {
    let heap: number;
    let collections: number;
    let collector: IdleCollector;

    beforeEach(() => {
        vi.useFakeTimers();
        heap = 800;
        collections = 0;
        collector = new IdleCollector({
            idleMs: 2000,
            growth: 1.5,
            heapUsed: () => heap,
            collect: () => {
                collections++;
                heap = 820;
            },
            now: () => Date.now(),
        });
    });
    afterEach(() => {
        collector.dispose();
        vi.useRealTimers();
    });

    /** A collection comes after exactly the quiet time (2 s) from now, not a millisecond before. */
    const expectCollectedAfterQuiet = (before: number) => {
        vi.advanceTimersByTime(1999);
        expect(collections).toBe(before);
        vi.advanceTimersByTime(1);
        expect(collections).toBe(before + 1);
    };

    async function load(lock: WorkspaceLock): Promise<void> {
        collector.watch(lock);
        await lock.write(() => undefined);
    }

    test('collects after the quiet time once the heap has grown by half since the load', async () => {
        const lock = immediateLock();
        await load(lock);
        heap = 1300;
        collector.activity();
        expectCollectedAfterQuiet(0);
        expect(collector.stats).toMatchObject({ count: 1, freedBytes: 480 });
    });

    test('does not collect while the heap has grown less than that', async () => {
        await load(immediateLock());
        heap = 1150;
        collector.activity();
        vi.advanceTimersByTime(10_000);
        expect(collections).toBe(0);
    });

    test('every message restarts the quiet time', async () => {
        await load(immediateLock());
        heap = 2000;
        for (let i = 0; i < 10; i++) {
            collector.activity();
            vi.advanceTimersByTime(1500);
        }
        expect(collections).toBe(0);
        vi.advanceTimersByTime(500);
        expect(collections).toBe(1);
    });

    test('waits for a running build to end, however long it takes', async () => {
        const lock = immediateLock();
        await load(lock);
        heap = 2000;
        let finish!: () => void;
        const build = lock.write(() => new Promise<void>(resolve => {
            finish = resolve;
        }));
        vi.advanceTimersByTime(30_000);
        expect(collections).toBe(0);
        finish();
        await build;
        expectCollectedAfterQuiet(0);
    });

    test('measures the next growth from what the collection left', async () => {
        await load(immediateLock());
        heap = 1300;
        collector.activity();
        vi.advanceTimersByTime(2000);
        expect(collections).toBe(1);
        // 820 after the collection: 1.5 × 820 = 1230 is the next threshold.
        heap = 1200;
        collector.activity();
        vi.advanceTimersByTime(2000);
        expect(collections).toBe(1);
        heap = 1240;
        collector.activity();
        vi.advanceTimersByTime(2000);
        expect(collections).toBe(2);
    });
});

describe('fullCollection', () => {
    test('frees what nothing refers to any more', () => {
        const collect = fullCollection();
        let garbage: Array<{ n: number; s: string }> | undefined = [];
        for (let i = 0; i < 500_000; i++) {
            garbage.push({ n: i, s: `chuỗi ${i}` });
        }
        const before = v8.getHeapStatistics().used_heap_size;
        garbage = undefined;
        collect();
        const after = v8.getHeapStatistics().used_heap_size;
        expect(garbage).toBeUndefined();
        expect(before - after).toBeGreaterThan(20 * 1024 * 1024);
    });
});
