import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { URI } from 'langium';
import type { ConfigOverrides } from '../config/config.js';
import { ConfigError } from '../config/config.js';
import type { PlanspecServices } from '../language/planspec-module.js';
import { createPlanspecServices } from '../language/planspec-module.js';
import { instrumentServices } from '../linter/profile.js';
import { PlanspecFileSystem } from './file-system.js';
import type { ListingProblem } from './roots.js';
import { findWorkspaceRoot, isMarkedRoot, listPlanFiles } from './roots.js';

/** A problem with the command line or the file system, as opposed to a finding in a plan. */
export class UsageError extends Error { }

export interface LoadedWorkspace {
    services: PlanspecServices;
    /** The documents the user named (directly or through a folder), in path order. */
    requested: LangiumDocument[];
    /** Every document of their workspaces (the requested ones included). */
    all: LangiumDocument[];
    /** Files and folders that were skipped: unreadable, not regular files, broken links. */
    problems: ListingProblem[];
}

/**
 * Loads the named files and folders together with every `.plan` file of their workspaces, so that
 * references resolve exactly as they do in the editor, then parses, links and validates them.
 *
 * A folder with a `planspec.config.json` or `.git` (or below one) is checked to its depth; an
 * unmarked folder (and the folder of an unmarked file) contributes only the files directly in it.
 * Problems with a path the user named directly stop the run (UsageError); problems met while
 * listing a workspace are collected, and the caller reports them.
 */
export async function loadWorkspace(paths: string[], overrides: ConfigOverrides = {}): Promise<LoadedWorkspace> {
    const { requestedFiles, allFiles, problems } = listWorkspaceFiles(paths);
    const services = configuredServices(requestedFiles, overrides);
    const documents = services.shared.workspace.LangiumDocuments;
    const loaded = await readDocuments(services, [...allFiles].sort(), requestedFiles, problems);
    await services.shared.workspace.DocumentBuilder.build(loaded, { validation: true });
    const requested = [...requestedFiles].sort().map(f => documents.getDocument(URI.file(f))).filter((d): d is LangiumDocument => d !== undefined);
    return { services, requested, all: loaded, problems: problems.map(p => ({ ...p, path: shownPath(p.path) })) };
}

/**
 * As `loadWorkspace`, one workspace root at a time, for runs over many workspaces (a national corpus
 * of provincial workspaces): each root's files are parsed, linked and validated on their own, and
 * released when the caller asks for the next, so memory holds one workspace, not all. Every index and
 * scope is per root, so a file's findings are the same as in one load of everything. One set of
 * services serves all (building a parser costs more than a small workspace).
 *
 * `problems` receives, once the last workspace is done, the listing problems and then the files that
 * could not be read (in path order), as `loadWorkspace` reports them.
 */
export async function* loadWorkspaces(paths: string[], overrides: ConfigOverrides = {}, problems: ListingProblem[] = []): AsyncGenerator<LoadedWorkspace> {
    const listed = listWorkspaceFiles(paths);
    const { requestedFiles, allFiles } = listed;
    const services = configuredServices(requestedFiles, overrides);
    const requestedUris = new Set([...requestedFiles].map(f => URI.file(f).toString()));
    const byRoot = new Map<string, string[]>();
    for (const file of [...allFiles].sort()) {
        const root = services.workspace.Roots.rootOf(URI.file(file));
        const files = byRoot.get(root) ?? [];
        files.push(file);
        byRoot.set(root, files);
    }
    const unread: ListingProblem[] = [];
    const builder = services.shared.workspace.DocumentBuilder;
    for (const root of [...byRoot.keys()].sort()) {
        const loaded = await readDocuments(services, byRoot.get(root)!, requestedFiles, unread);
        await builder.build(loaded, { validation: true });
        const requested = loaded.filter(d => requestedUris.has(d.uri.toString()));
        yield { services, requested, all: loaded, problems: [] };
        // Deleting the documents drops them from the index, and every workspace cache with them.
        await builder.update([], loaded.map(d => d.uri));
    }
    unread.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    problems.push(...[...listed.problems, ...unread].map(p => ({ ...p, path: shownPath(p.path) })));
}

/** One set of services for a run, with the command line's overrides; a broken configuration of a requested file stops the run (exit status 2) before any plan is checked with it. */
function configuredServices(requestedFiles: ReadonlySet<string>, overrides: ConfigOverrides): PlanspecServices {
    const services = createPlanspecServices(PlanspecFileSystem).Planspec;
    instrumentServices(services);
    const config = services.config.ConfigProvider;
    config.setOverrides(overrides);
    for (const file of requestedFiles) {
        const settings = config.tryGetRuleSettings(URI.file(file));
        if (settings instanceof ConfigError) {
            throw settings;
        }
    }
    return services;
}

/** Reads `files` into documents: an unreadable requested file stops the run, any other is skipped and told in `unread`. */
async function readDocuments(services: PlanspecServices, files: readonly string[], requestedFiles: ReadonlySet<string>, unread: ListingProblem[]): Promise<LangiumDocument[]> {
    const documents = services.shared.workspace.LangiumDocuments;
    const loaded: LangiumDocument[] = [];
    for (const file of files) {
        try {
            loaded.push(await documents.getOrCreateDocument(URI.file(file)));
        } catch (error) {
            const code = (error as NodeJS.ErrnoException).code;
            const reason = code ?? (error instanceof Error ? error.message : String(error));
            if (requestedFiles.has(file)) {
                throw new UsageError(`${shownPath(file)}: không đọc được tệp (cannot read file): ${reason}`);
            }
            unread.push({ path: file, message: `không đọc được tệp, đã bỏ qua (cannot read the file, skipped): ${reason}` });
        }
    }
    return loaded;
}

/** The files a check of `paths` reads: those named (directly or through a folder), and every `.plan` file of their workspaces. */
export function listWorkspaceFiles(paths: string[]): { requestedFiles: Set<string>; allFiles: Set<string>; problems: ListingProblem[] } {
    const problems: ListingProblem[] = [];
    const requestedFiles = new Set<string>();
    for (const p of paths) {
        const full = path.resolve(p);
        let stat: fs.Stats;
        try {
            stat = fs.statSync(full);
        } catch (error) {
            const code = (error as NodeJS.ErrnoException).code;
            throw new UsageError(code === 'ENOENT' || code === 'ENOTDIR'
                ? `${p}: không tìm thấy tệp hoặc thư mục (no such file or folder)`
                : `${p}: không truy cập được (cannot access): ${code ?? String(error)}`);
        }
        if (stat.isDirectory()) {
            const root = findWorkspaceRoot(full);
            const files = listPlanFiles(full, problems, isMarkedRoot(root));
            if (files.length === 0) {
                throw new UsageError(`${p}: thư mục không có tệp .plan nào (no .plan files in this folder${isMarkedRoot(root) ? '' : '; without planspec.config.json or .git above it, only the files directly in it are read'})`);
            }
            files.forEach(f => requestedFiles.add(f));
        } else if (stat.isFile()) {
            requestedFiles.add(full);
        } else {
            throw new UsageError(`${p}: không phải tệp thông thường (FIFO, thiết bị…), không đọc (not a regular file; not read)`);
        }
    }
    const allFiles = new Set<string>(requestedFiles);
    for (const root of new Set([...requestedFiles].map(findWorkspaceRoot))) {
        listPlanFiles(root, problems).forEach(f => allFiles.add(f));
    }
    return { requestedFiles, allFiles, problems };
}

/** A path as the user would write it: relative to the current folder when inside it. */
export function shownPath(file: string): string {
    const relative = path.relative(process.cwd(), file);
    return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}
