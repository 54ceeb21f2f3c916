import type { CliFinding } from './findings.js';

/* The cache's data, apart from cache.ts: the worker threads that re-check workspaces take and give it. */

/** What the cache keeps of one file. */
export interface Entry {
    /** sha256 of its bytes */
    hash: string;
    /** Whether its findings depend on every file of its workspace (it is not a pure plan file). */
    registry: boolean;
    /** Hash of what the workspace-wide indexes read from it. */
    surface: string;
    /** The files its references resolved to. */
    deps: string[];
    /** The key its findings were found under. */
    key: string;
    findings: CliFinding[];
}

/** What re-checking one workspace needs and gives back, as plain data (a worker thread's task and result). */
export interface Recheck {
    files: string[];
    /** The hash of each file's bytes; a file that changed while it was read gets CHANGED. */
    hashes: Array<[string, string]>;
    /** The settings key of each file. */
    settings: Array<[string, string]>;
    /** The cached entries of the files that have one; the result holds one for every file. */
    entries: Record<string, Entry>;
    loaded?: string[];
    validated?: string[];
}
