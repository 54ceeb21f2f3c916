import { constants, PerformanceObserver } from 'node:perf_hooks';

/** The server's garbage collections by kind, counted and timed since it started (read by `npm run bench`). */
export interface Collections {
    minor: { count: number; ms: number };
    major: { count: number; ms: number };
    other: { count: number; ms: number };
}

export function watchCollections(): Collections {
    const collections: Collections = { minor: { count: 0, ms: 0 }, major: { count: 0, ms: 0 }, other: { count: 0, ms: 0 } };
    new PerformanceObserver(list => {
        for (const entry of list.getEntries()) {
            const kind = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
            const bucket = kind === constants.NODE_PERFORMANCE_GC_MINOR ? collections.minor
                : kind === constants.NODE_PERFORMANCE_GC_MAJOR ? collections.major : collections.other;
            bucket.count++;
            bucket.ms += entry.duration;
        }
    }).observe({ entryTypes: ['gc'] });
    return collections;
}
