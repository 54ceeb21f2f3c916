import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { BROKEN_FILE_CODES, compileDocument, serializePlans } from '../compiler/documents.js';
import { timePhase } from '../linter/profile.js';
import type { LoadedWorkspace, Shard } from '../workspace/load.js';
import { loadShard, releaseShard } from '../workspace/load.js';
import type { PlanspecServices } from '../language/planspec-module.js';
import type { ListingProblem } from '../workspace/roots.js';
import { findWorkspaceRoot } from '../workspace/roots.js';
import type { CliFinding } from './findings.js';
import { byPlace, collectFindings } from './findings.js';

/*
 * What check and compile do with one workspace, the same in the main thread (--jobs 1, a single
 * workspace) and in a worker: the results are plain data, so a worker posts them unchanged.
 */

export interface CheckedShard {
    findings: CliFinding[];
    /** How many requested files were read. */
    requested: number;
    /** Files skipped because they could not be read (absolute paths). */
    unread: ListingProblem[];
}

export async function checkShard(services: PlanspecServices, shard: Shard): Promise<CheckedShard> {
    const unread: ListingProblem[] = [];
    const workspace = await loadShard(services, shard, unread);
    try {
        return { findings: workspaceFindings(workspace), requested: workspace.requested.length, unread };
    } finally {
        await releaseShard(workspace);
    }
}

/** A compiled plan waiting in the staging folder until the whole run is known to be sound. */
export interface StagedPlan {
    id: string;
    /** Where the plan stands in the output: its file's path, then its place in the file. */
    source: string;
    index: number;
    staged: string;
}

export interface CompiledShard {
    /** The errors of the workspace (as check reports them); when there are any, nothing is compiled. */
    errors: CliFinding[];
    plans: StagedPlan[];
    /** The sources and configuration files of the workspace (real paths): never written over. */
    protectedFiles: string[];
    unread: ListingProblem[];
}

/**
 * Compiles the requested plans of one workspace into `staging` (files named `<prefix>-<n>.json`),
 * unless it has errors or `compile` is false (an earlier workspace had errors: this one is read only
 * for its errors).
 */
export async function compileShard(services: PlanspecServices, shard: Shard, staging: string, prefix: string, compile = true): Promise<CompiledShard> {
    const unread: ListingProblem[] = [];
    const workspace = await loadShard(services, shard, unread);
    try {
        const errors = workspaceFindings(workspace).filter(f => f.severity === 'error');
        const protectedFiles = new Set(workspace.all.map(d => realPath(d.uri.fsPath)));
        for (const document of workspace.requested) {
            const config = services.config.ConfigProvider.configFileFor(document.uri);
            if (config !== undefined) {
                protectedFiles.add(realPath(config));
            }
        }
        const plans: StagedPlan[] = [];
        if (compile && errors.length === 0) {
            for (const document of workspace.requested) {
                timePhase('compiling', () => compileDocument(document, findWorkspaceRoot(document.uri.fsPath), services)).forEach((plan, index) => {
                    const staged = path.join(staging, `${prefix}-${plans.length}.json`);
                    fs.writeFileSync(staged, serializePlans(plan));
                    plans.push({ id: plan.id, source: document.uri.fsPath, index, staged });
                });
            }
        }
        return { errors, plans, protectedFiles: [...protectedFiles], unread };
    } finally {
        await releaseShard(workspace);
    }
}

/**
 * The findings of the requested files, and the errors that make another file of their workspaces
 * unreliable (a registry with a syntax error): the requested plans are only as sound as the
 * declarations they use.
 */
export function workspaceFindings(loaded: LoadedWorkspace): CliFinding[] {
    const requested = new Set(loaded.requested);
    const others = loaded.all.filter(d => !requested.has(d));
    const broken = collectFindings(others).filter(f => f.severity === 'error' && BROKEN_FILE_CODES.has(f.ruleId));
    return [...collectFindings(loaded.requested), ...broken].sort(byPlace);
}

let collect: (() => void) | null | undefined;

/**
 * A full garbage collection, between two workspaces checked by one thread. Without it V8 lets the
 * heap grow past what the last workspace left alive (its growth limit follows the largest heap it
 * has seen), so each released workspace's garbage was still held while the next one was read: a
 * worker reached twice the RSS of one workspace. `gc` is exposed to one private context only, as
 * Jest does for --logHeapUsage.
 */
export function collectGarbage(): void {
    if (collect === undefined) {
        try {
            v8.setFlagsFromString('--expose-gc');
            collect = vm.runInNewContext('gc') as () => void;
            v8.setFlagsFromString('--no-expose-gc');
        } catch {
            collect = null;
        }
    }
    collect?.();
}

export function realPath(file: string): string {
    try {
        return fs.realpathSync(file);
    } catch {
        return path.resolve(file);
    }
}
