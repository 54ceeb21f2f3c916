import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { URI } from 'langium';
import type { ConfigOverrides } from '../config/config.js';
import { ConfigError, PlanspecConfigProvider } from '../config/config.js';
import type { PlanspecServices } from '../language/planspec-module.js';
import { createPlanspecServices } from '../language/planspec-module.js';
import { instrumentServices } from '../linter/profile.js';
import { PlanspecFileSystem } from './file-system.js';
import type { ListingProblem } from './roots.js';
import { findWorkspaceRoot, isMarkedRoot, listPlanFiles, WorkspaceRoots } from './roots.js';

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
    const requested = [...requestedFiles].sort().map(f => documents.getDocument(URI.file(f))).filter((d): d is LangiumDocument => d !== undefined);
    await buildForCheck(services, loaded, requested);
    return { services, requested, all: loaded, problems: problems.map(p => ({ ...p, path: shownPath(p.path) })) };
}

/** One workspace root of a run and its files (absolute paths, sorted): a unit of work on its own. */
export interface Shard {
    root: string;
    /** Every `.plan` file of the workspace that is read (the requested ones included). */
    files: string[];
    /** The files the user named, directly or through a folder. */
    requested: string[];
}

/**
 * The workspaces a run over `paths` reads, in root order, and the problems met while listing them.
 * Stops the run (UsageError, ConfigError) as `loadWorkspaces` does, before any plan is read: a
 * named path that is missing, or a broken configuration of a requested file.
 */
export function listShards(paths: string[], overrides: ConfigOverrides = {}): { shards: Shard[]; problems: ListingProblem[] } {
    const { requestedFiles, allFiles, problems } = listWorkspaceFiles(paths);
    checkConfigurations(requestedFiles, overrides, new PlanspecConfigProvider());
    const roots = new WorkspaceRoots();
    const byRoot = new Map<string, Shard>();
    for (const file of [...allFiles].sort()) {
        const root = roots.rootOf(URI.file(file));
        let shard = byRoot.get(root);
        if (!shard) {
            shard = { root, files: [], requested: [] };
            byRoot.set(root, shard);
        }
        shard.files.push(file);
        if (requestedFiles.has(file)) {
            shard.requested.push(file);
        }
    }
    return { shards: [...byRoot.keys()].sort().map(root => byRoot.get(root)!), problems };
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
    const listed = listShards(paths, overrides);
    const services = runServices(overrides);
    const unread: ListingProblem[] = [];
    for (const shard of listed.shards) {
        const loaded = await loadShard(services, shard, unread);
        yield loaded;
        await releaseShard(loaded);
    }
    problems.push(...shownProblems(listed.problems, unread));
}

/** The listing problems, then the unread files in path order, with paths as the user writes them. */
export function shownProblems(listing: readonly ListingProblem[], unread: readonly ListingProblem[]): ListingProblem[] {
    const sorted = [...unread].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return [...listing, ...sorted].map(p => ({ ...p, path: shownPath(p.path) }));
}

/** Reads, links and validates one workspace with `services`; unreadable files it skips go to `unread`. */
export async function loadShard(services: PlanspecServices, shard: Shard, unread: ListingProblem[]): Promise<LoadedWorkspace> {
    const loaded = await readDocuments(services, shard.files, new Set(shard.requested), unread);
    const requestedUris = new Set(shard.requested.map(f => URI.file(f).toString()));
    const requested = loaded.filter(d => requestedUris.has(d.uri.toString()));
    await buildForCheck(services, loaded, requested);
    return { services, requested, all: loaded, problems: [] };
}

/**
 * Parses and links every document of a workspace (references resolve as in the editor), then runs
 * every rule on the requested ones, and on the others only what makes a file unreadable (syntax,
 * encoding: Langium's built-in category), which is all a check reports of them: `check one.plan`
 * in a workspace of a thousand plans ran every rule on all thousand. No rule reads another file's
 * findings, so the requested files' findings are those of validating everything.
 */
export async function buildForCheck(services: PlanspecServices, all: LangiumDocument[], requested: readonly LangiumDocument[]): Promise<void> {
    const builder = services.shared.workspace.DocumentBuilder;
    const wanted = new Set(requested);
    const others = all.filter(d => !wanted.has(d));
    if (others.length === 0) {
        await builder.build(all, { validation: true });
        return;
    }
    await builder.build(all, { validation: false });
    await builder.build(others, { validation: { categories: ['built-in'] } });
    await builder.build([...requested], { validation: true });
}

/** Deletes a workspace's documents: that drops them from the index, and every workspace cache with them. */
export async function releaseShard(loaded: LoadedWorkspace): Promise<void> {
    await loaded.services.shared.workspace.DocumentBuilder.update([], loaded.all.map(d => d.uri));
}

/** The services a run uses for every workspace it reads itself, with the command line's overrides. */
export function runServices(overrides: ConfigOverrides): PlanspecServices {
    const services = createPlanspecServices(PlanspecFileSystem).Planspec;
    instrumentServices(services);
    services.config.ConfigProvider.setOverrides(overrides);
    return services;
}

/** One set of services for a run, with the command line's overrides; a broken configuration of a requested file stops the run (exit status 2) before any plan is checked with it. */
function configuredServices(requestedFiles: ReadonlySet<string>, overrides: ConfigOverrides): PlanspecServices {
    const services = runServices(overrides);
    checkConfigurations(requestedFiles, overrides, services.config.ConfigProvider);
    return services;
}

/** Throws the ConfigError of the first requested file whose configuration is broken. */
function checkConfigurations(requestedFiles: ReadonlySet<string>, overrides: ConfigOverrides, config: PlanspecConfigProvider): void {
    config.setOverrides(overrides);
    for (const file of requestedFiles) {
        const settings = config.tryGetRuleSettings(URI.file(file));
        if (settings instanceof ConfigError) {
            throw settings;
        }
    }
}

/** How many files are read ahead of the one being parsed. */
const READ_AHEAD = 8;

/**
 * Reads `files` into documents, in order: an unreadable requested file stops the run, any other is
 * skipped and told in `unread`. The next files are read while one is parsed: awaiting each read in
 * turn left the thread idle for about a fifteenth of loading a workspace of 1,000 plans.
 */
async function readDocuments(services: PlanspecServices, files: readonly string[], requestedFiles: ReadonlySet<string>, unread: ListingProblem[]): Promise<LangiumDocument[]> {
    const documents = services.shared.workspace.LangiumDocuments;
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const fileSystem = services.shared.workspace.FileSystemProvider;
    const reads: Array<Promise<string> | undefined> = [];
    const startRead = (k: number): void => {
        if (k < files.length && !reads[k] && !documents.hasDocument(URI.file(files[k]))) {
            const read = fileSystem.readFile(URI.file(files[k]));
            // Awaited in turn below; until then a failed read must not count as unhandled.
            read.catch(() => undefined);
            reads[k] = read;
        }
    };
    const loaded: LangiumDocument[] = [];
    for (let i = 0; i < files.length; i++) {
        for (let k = i; k <= i + READ_AHEAD; k++) {
            startRead(k);
        }
        const uri = URI.file(files[i]);
        try {
            let document = documents.getDocument(uri);
            if (!document) {
                document = factory.fromString(await reads[i]!, uri);
                documents.addDocument(document);
            }
            loaded.push(document);
        } catch (error) {
            const code = (error as NodeJS.ErrnoException).code;
            const reason = code ?? (error instanceof Error ? error.message : String(error));
            if (requestedFiles.has(files[i])) {
                throw new UsageError(`${shownPath(files[i])}: không đọc được tệp (cannot read file): ${reason}`);
            }
            unread.push({ path: files[i], message: `không đọc được tệp, đã bỏ qua (cannot read the file, skipped): ${reason}` });
        } finally {
            reads[i] = undefined;
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
