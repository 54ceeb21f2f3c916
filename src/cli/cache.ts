import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstNodeDescription, LangiumDocument } from 'langium';
import { AstUtils, URI } from 'langium';
import type { ConfigOverrides, RuleSetting } from '../config/config.js';
import { ConfigError, loadConfigFile, PlanspecConfigProvider, recommendedSettings } from '../config/config.js';
import { BROKEN_FILE_CODES } from '../compiler/documents.js';
import { isModel, isPlan } from '../language/generated/ast.js';
import type { PlanspecServices } from '../language/planspec-module.js';
import { createPlanspecServices } from '../language/planspec-module.js';
import { allRules } from '../linter/registry.js';
import { PlanspecFileSystem } from '../workspace/file-system.js';
import { listWorkspaceFiles, shownPath, UsageError } from '../workspace/load.js';
import { packageVersion } from '../workspace/package-root.js';
import type { ListingProblem } from '../workspace/roots.js';
import { WorkspaceRoots } from '../workspace/roots.js';
import type { Entry, Recheck } from './cache-entry.js';
import type { CliFinding } from './findings.js';
import { byPlace, collectFindings } from './findings.js';
import { runInWorkers } from './parallel.js';
import { collectGarbage } from './shard.js';
import { writeFileAtomic } from './write.js';

/*
 * `planspec check --cache`: what a check found in each file, kept between runs with the key it was
 * found under, so that a run re-checks only the files whose key changed.
 *
 * What a file's findings depend on (read from src/rules and src/semantics):
 * - its own bytes and its effective rule settings;
 * - the files its references resolve to, and theirs, transitively: a rule follows `thực hiện`,
 *   `căn cứ`, `của` into the plan or registry named and may read all of it (weaker-than-basis
 *   compares targets with the basis plan's);
 * - the workspace-wide indexes, which read every file of the workspace without a reference:
 *   exported names (duplicate-id, linking, suggestions), document and plan numbers with their year
 *   and issuer (document-number-format), names and parties (misspelled-name, unknown-recipient,
 *   empty-group). What a file shows them is its *surface*: for a pure plan file (only `kế hoạch`
 *   elements, no syntax error) its text with the members of each plan (sections, tasks, targets,
 *   annexes) cut out, plus where each plan and each exported name is (duplicate-id and
 *   duplicate-basis cite them as file:line); for anything else (a registry, a file
 *   declaring bodies, documents or indicators beside a plan, a broken file) its whole content.
 *   A plan's key covers the surfaces of every file of its workspace.
 * - a file that is not a pure plan (a registry) is also judged by what the plans do with its
 *   declarations (authority-unknown lists the tasks directing a group, agency-without-task looks for
 *   tasks): its key covers the content of every file of its workspace.
 * So editing the body of a plan re-checks it, the plans that reference it and the registries;
 * editing a registry or a plan's header or exports re-checks its whole workspace. Workspaces are
 * independent (names resolve only within their root), so an untouched workspace is never loaded.
 *
 * Every run also hashes the planspec version, its code, the rule catalog and the current folder
 * (findings hold paths relative to it); a change discards the whole cache. --format, --quiet and
 * --max-warnings only filter and print the stored findings, which are always all of them, so they
 * are not part of any key.
 */

const FORMAT = 'planspec-cache';
const SCHEMA = 1;
const DEFAULT_NAME = '.planspeccache';
/** The hash of a file that changed while it was being checked: matches nothing. */
const CHANGED = 'changed';


/** A configuration file's resolved settings (before --rule), and the hash of every file they were read from. */
interface ConfigEntry {
    files: Record<string, string | null>;
    settings: Array<[string, RuleSetting]>;
}

interface CacheFile {
    format: typeof FORMAT;
    schema: number;
    version: string;
    global: string;
    configs: Record<string, ConfigEntry>;
    files: Record<string, Entry>;
    /** Set when something must be written back. */
    changed?: boolean;
}

export interface CheckResult {
    /** Findings of the requested files, and the errors that break another file of their workspaces, by place. */
    findings: CliFinding[];
    /** How many requested files were checked. */
    requested: number;
    problems: ListingProblem[];
}

/** What the last cached run did, for the tests: the files it parsed and built, and those it validated. */
export const lastCacheRun: { loaded: string[]; validated: string[] } = { loaded: [], validated: [] };

/** Where the cache is kept: `location` (a folder gets `.planspeccache` inside), else `./.planspeccache`. */
export function cacheFile(location: string | undefined): string {
    if (!location) {
        return path.resolve(DEFAULT_NAME);
    }
    const full = path.resolve(location);
    let folder = /[\\/]$/.test(location);
    try {
        folder ||= fs.statSync(full).isDirectory();
    } catch {
        // Not there yet: a file of that name.
    }
    return folder ? path.join(full, DEFAULT_NAME) : full;
}

/**
 * Checks `paths` like a full check would, re-checking only the files whose key changed since the
 * run that wrote the cache; the result is the same as a full check's, in the same order.
 */
export async function checkWithCache(paths: string[], overrides: ConfigOverrides, location: string | undefined,
    warn: (text: string) => void, jobs = 1): Promise<CheckResult> {
    lastCacheRun.loaded = [];
    lastCacheRun.validated = [];
    const { requestedFiles, allFiles, problems } = listWorkspaceFiles(paths);
    const where = cacheFile(location);
    const global = globalKey();
    const cache = readCache(where, global, warn);
    const entries = cache.files;
    // As in a full check: a broken configuration stops the run before any plan is checked with it.
    const settingsKey = effectiveSettings(requestedFiles, overrides, cache);
    const hashes = new Map<string, string>();
    for (const file of [...allFiles].sort()) {
        try {
            hashes.set(file, sha256(fs.readFileSync(file)));
        } catch (error) {
            const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
            if (requestedFiles.has(file)) {
                throw new UsageError(`${shownPath(file)}: không đọc được tệp (cannot read file): ${reason}`);
            }
            problems.push({ path: file, message: `không đọc được tệp, đã bỏ qua (cannot read the file, skipped): ${reason}` });
        }
    }

    const roots = new WorkspaceRoots();
    const byRoot = new Map<string, string[]>();
    for (const file of hashes.keys()) {
        const root = roots.rootOf(URI.file(file));
        const files = byRoot.get(root);
        if (files) {
            files.push(file);
        } else {
            byRoot.set(root, [file]);
        }
    }
    // A workspace is clean when every file is as cached (same bytes) and keeps its key.
    const dirty: string[] = [];
    for (const [root, files] of byRoot) {
        const facts = new Map<string, Facts>();
        for (const file of files) {
            const entry = entries[file];
            if (entry && entry.hash === hashes.get(file)) {
                facts.set(file, entry);
            }
        }
        const keys = facts.size === files.length ? keysOf(files, hashes, facts, settingsKey) : undefined;
        if (!keys || files.some(f => keys.get(f) !== entries[f].key)) {
            dirty.push(root);
        }
    }
    if (dirty.length > 0) {
        await recheck(dirty.map(root => ({ root, files: byRoot.get(root)! })), hashes, entries, overrides, settingsKey, jobs);
    }

    const findings: CliFinding[] = [];
    for (const file of hashes.keys()) {
        const own = entries[file].findings;
        findings.push(...(requestedFiles.has(file) ? own : own.filter(f => f.severity === 'error' && BROKEN_FILE_CODES.has(f.ruleId))));
    }
    const requested = [...requestedFiles].filter(f => hashes.has(f)).length;

    const dropped = dropVanished(entries, hashes);
    if (dirty.length > 0 || dropped || cache.changed) {
        try {
            const { format, schema, version, configs, files } = cache;
            writeFileAtomic(where, JSON.stringify({ format, schema, version, global, configs, files }), shownPath(where));
        } catch (error) {
            // The findings are complete; only the next run is slower.
            warn(`planspec: ${error instanceof Error ? error.message : String(error)}; bộ nhớ đệm không được cập nhật (the cache was not updated)\n`);
        }
    }
    return { findings: findings.sort(byPlace), requested, problems: problems.map(p => ({ ...p, path: shownPath(p.path) })) };
}

/** What a key is computed from, as found by the last build of a file. */
type Facts = Pick<Entry, 'registry' | 'surface' | 'deps'>;

/**
 * The key of each file's effective rule settings, as a full check would resolve them (the nearest
 * planspec.config.json or --config, what it extends, then --rule); throws the ConfigError of a
 * requested file's configuration. A configuration whose files all have the bytes they had is not
 * parsed and validated again.
 */
function effectiveSettings(requested: Set<string>, overrides: ConfigOverrides, cache: CacheFile): (file: string) => string {
    const provider = new PlanspecConfigProvider();
    provider.setOverrides(overrides);
    const keys = new Map<string, string | ConfigError>();
    const keyOf = (file: string): string | ConfigError => {
        const configFile = provider.configFileFor(URI.file(file));
        let key = keys.get(configFile ?? '');
        if (key === undefined) {
            const settings = configFile ? configSettings(configFile, cache) : recommendedSettings();
            if (!(settings instanceof ConfigError)) {
                for (const [id, severity] of Object.entries(overrides.rules ?? {})) {
                    settings.set(id, { ...settings.get(id)!, severity });
                }
            }
            key = settings instanceof ConfigError ? settings : sha256(JSON.stringify([...settings]));
            keys.set(configFile ?? '', key);
        }
        return key;
    };
    for (const file of requested) {
        const key = keyOf(file);
        if (key instanceof ConfigError) {
            throw key;
        }
    }
    return file => {
        const key = keyOf(file);
        return key instanceof ConfigError ? sha256(`broken\u0000${key.message}`) : key;
    };
}

function configSettings(configFile: string, cache: CacheFile): Map<string, RuleSetting> | ConfigError {
    const known = cache.configs[configFile];
    if (known && Object.entries(known.files).every(([file, hash]) => hashOf(file) === hash)) {
        return new Map(known.settings);
    }
    const memo = new Map<string, Map<string, RuleSetting>>();
    try {
        const settings = new Map(loadConfigFile(configFile, [], memo));
        cache.configs[configFile] = {
            files: Object.fromEntries([...new Set([configFile, ...memo.keys()])].map(f => [f, hashOf(f)])),
            settings: [...settings],
        };
        cache.changed = true;
        return settings;
    } catch (error) {
        if (error instanceof ConfigError) {
            delete cache.configs[configFile];
            return error;
        }
        throw error;
    }
}

function hashOf(file: string): string | null {
    try {
        return sha256(fs.readFileSync(file));
    } catch {
        return null;
    }
}

/** The key of every file of one workspace (see the comment at the top). */
function keysOf(files: string[], hashes: Map<string, string>, facts: Map<string, Facts>, settingsKey: (file: string) => string): Map<string, string> {
    const sorted = [...files].sort();
    const content = sha256(JSON.stringify(sorted.map(f => [f, hashes.get(f)])));
    const surfaces = sha256(JSON.stringify(sorted.map(f => [f, facts.get(f)!.surface])));
    const keys = new Map<string, string>();
    for (const file of files) {
        const own = facts.get(file)!;
        const depends = own.registry ? ['content', content] : ['surfaces', surfaces, closure(file, facts).map(f => [f, hashes.get(f) ?? null])];
        keys.set(file, sha256(JSON.stringify([settingsKey(file), hashes.get(file), depends])));
    }
    return keys;
}

/** The files `file` depends on through references, transitively (itself excluded), sorted. */
function closure(file: string, facts: Map<string, Facts>): string[] {
    const seen = new Set<string>([file]);
    const pending = [file];
    while (pending.length > 0) {
        for (const dep of facts.get(pending.pop()!)?.deps ?? []) {
            if (!seen.has(dep)) {
                seen.add(dep);
                pending.push(dep);
            }
        }
    }
    seen.delete(file);
    return [...seen].sort();
}

/**
 * Re-checks the dirty workspaces, one at a time and each released before the next (memory holds one
 * workspace), or spread over worker threads with more than one job; the main thread merges what each
 * found into `hashes` and `entries`, and writes the cache once.
 */
async function recheck(workspaces: Array<{ root: string; files: string[] }>, hashes: Map<string, string>, entries: Record<string, Entry>,
    overrides: ConfigOverrides, settingsKey: (file: string) => string, jobs: number): Promise<void> {
    const tasks: Recheck[] = workspaces.map(({ files }) => ({
        files,
        hashes: files.map(f => [f, hashes.get(f)!]),
        settings: files.map(f => [f, settingsKey(f)]),
        entries: Object.fromEntries(files.filter(f => entries[f]).map(f => [f, entries[f]])),
    }));
    let done: Recheck[];
    if (jobs > 1 && tasks.length > 1) {
        done = await runInWorkers<Recheck>(tasks.map((recheck, i) => ({ kind: 'recheck', shard: { ...workspaces[i], requested: [] }, recheck })), jobs, overrides);
    } else {
        const services = createPlanspecServices(PlanspecFileSystem).Planspec;
        services.config.ConfigProvider.setOverrides(overrides);
        done = [];
        for (const task of tasks) {
            if (done.length > 0) {
                collectGarbage();
            }
            done.push(await recheckWorkspace(services, task));
        }
    }
    for (const result of done) {
        result.hashes.forEach(([file, hash]) => hashes.set(file, hash));
        Object.assign(entries, result.entries);
        lastCacheRun.loaded.push(...result.loaded ?? []);
        lastCacheRun.validated.push(...result.validated ?? []);
    }
}

/**
 * Loads the files of one dirty workspace as a full check would (every file, since the workspace
 * indexes read them all), links them, validates only the files whose key changed, and releases them.
 */
export async function recheckWorkspace(services: PlanspecServices, task: Recheck): Promise<Recheck> {
    const { files } = task;
    const hashes = new Map(task.hashes);
    const settings = new Map(task.settings);
    const entries = { ...task.entries };
    const documents = services.shared.workspace.LangiumDocuments;
    const loaded: LangiumDocument[] = [];
    for (const file of [...files].sort()) {
        loaded.push(await documents.getOrCreateDocument(URI.file(file)));
    }
    const builder = services.shared.workspace.DocumentBuilder;
    try {
        // A file written since it was hashed may have been read in either version: its findings are
        // kept under a hash no file has, so that it and what depends on it are checked again next time.
        for (const file of files) {
            if (hashOf(file) !== hashes.get(file)) {
                hashes.set(file, CHANGED);
            }
        }
        await builder.build(loaded, { validation: false });

        const exports = new Map<string, AstNodeDescription[]>();
        for (const description of services.shared.workspace.IndexManager.allElements()) {
            const uri = description.documentUri.toString();
            const list = exports.get(uri);
            if (list) {
                list.push(description);
            } else {
                exports.set(uri, [description]);
            }
        }
        const facts = new Map<string, Facts>();
        for (const document of loaded) {
            facts.set(document.uri.fsPath, factsOf(document, hashes.get(document.uri.fsPath)!, exports.get(document.uri.toString()) ?? []));
        }
        const keys = keysOf(files, hashes, facts, file => settings.get(file)!);
        const stale = loaded.filter(d => {
            const entry = entries[d.uri.fsPath];
            return !entry || entry.hash !== hashes.get(d.uri.fsPath) || entry.key !== keys.get(d.uri.fsPath);
        });
        await builder.build(stale, { validation: true });
        const validated = new Set(stale);
        for (const document of loaded) {
            const file = document.uri.fsPath;
            const findings = validated.has(document) ? collectFindings([document]) : entries[file].findings;
            entries[file] = { hash: hashes.get(file)!, ...facts.get(file)!, key: keys.get(file)!, findings };
        }
        return { files, hashes: [...hashes], settings: task.settings, entries, loaded: loaded.map(d => d.uri.fsPath), validated: stale.map(d => d.uri.fsPath) };
    } finally {
        // Deleting the documents drops them from the index, and every workspace cache with them.
        await builder.update([], loaded.map(d => d.uri));
    }
}

/** A built document's surface and references (see the comment at the top). */
function factsOf(document: LangiumDocument, hash: string, exports: AstNodeDescription[]): Facts {
    const file = document.uri.fsPath;
    const deps = new Set<string>();
    for (const reference of document.references) {
        const targets = 'items' in reference ? reference.items.map(i => i.ref) : [reference.ref];
        for (const target of targets) {
            if (target) {
                const uri = AstUtils.getDocument(target).uri;
                if (uri.fsPath !== file) {
                    deps.add(uri.fsPath);
                }
            }
        }
    }
    const { parseResult } = document;
    const model = parseResult.value;
    const purePlan = parseResult.lexerErrors.length === 0 && parseResult.parserErrors.length === 0 && isModel(model)
        && model.elements.length > 0 && model.elements.every(isPlan);
    if (!purePlan) {
        return { registry: true, surface: hash, deps: [...deps].sort() };
    }
    // The members cut out: what they hold reaches other files only through references. Where each
    // top-level element starts, and where its name is, are kept (messages cite them as file:line).
    const text = document.textDocument.getText();
    const plans = model.elements.filter(isPlan);
    const cuts = plans.flatMap(plan => plan.members.map(m => m.$cstNode).filter(c => c !== undefined))
        .map(c => [c.offset, c.end] as const).sort((a, b) => a[0] - b[0]);
    let header = '';
    let at = 0;
    for (const [start, end] of [...cuts, [text.length, text.length] as const]) {
        if (start < at) {
            continue;
        }
        const between = text.slice(at, start);
        // A clause written after a member moves with the member's length, and a fix in another file
        // may point into it (document-without-date adds a date after `số`): its place is kept.
        const moves = at > 0 && /[^\s}]/u.test(between.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gmu, ''));
        const place = moves ? document.textDocument.positionAt(at) : undefined;
        header += `${place ? `\u0001${at}:${place.line}:${place.character}` : ''}${between}${start < text.length ? '\u0000' : ''}`;
        at = end;
    }
    // Adding or removing a member is a body edit too.
    header = header.replace(/\u0000(?:\s*\u0000)+/g, '\u0000');
    const places = plans.map(p => [p.$cstNode?.offset ?? null, p.$cstNode?.range.start ?? null]);
    const names = exports.map(d => [d.name, d.type, d.path, d.nameSegment?.range ?? null]);
    return { registry: false, surface: sha256(JSON.stringify([header, places, names])), deps: [...deps].sort() };
}

function globalKey(): string {
    const catalog = allRules.map(r => [r.meta.id, r.meta.category, r.meta.defaultSeverity, r.meta.recommended, r.meta.defaultOptions ?? null]);
    return sha256(JSON.stringify([SCHEMA, packageVersion(), codeHash(), process.cwd(), catalog]));
}

/**
 * The hash of planspec's own code (out/, or src/ under the tests): a rule changed without a new
 * version number, as between two commits of a clone a pipeline checks with, finds other things.
 */
function codeHash(): string {
    const here = fileURLToPath(import.meta.url);
    const folder = path.dirname(here);
    const files = path.basename(folder) === 'cli' ? codeFiles(path.dirname(folder)) : [here];
    const hash = createHash('sha256');
    for (const file of files) {
        hash.update(`${path.relative(folder, file)}\u0000`).update(fs.readFileSync(file));
    }
    return hash.digest('hex');
}

function codeFiles(folder: string): string[] {
    const result: string[] = [];
    for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules') {
            result.push(...codeFiles(full));
        } else if (entry.isFile() && /\.(?:[cm]?js|ts)$/.test(entry.name)) {
            result.push(full);
        }
    }
    return result;
}

/** The cache at `file`, or an empty one when there is none, it is unreadable, or it was written under another key. */
function readCache(file: string, global: string, warn: (text: string) => void): CacheFile {
    const empty = (): CacheFile => ({ format: FORMAT, schema: SCHEMA, version: packageVersion(), global, configs: {}, files: {}, changed: true });
    let text: string;
    try {
        text = fs.readFileSync(file, 'utf8');
    } catch {
        return empty();
    }
    let value: unknown;
    try {
        value = JSON.parse(text);
    } catch {
        value = undefined;
    }
    const cache = value as Partial<CacheFile> | undefined;
    if (!cache || typeof cache !== 'object' || cache.format !== FORMAT || typeof cache.files !== 'object' || cache.files === null
        || !Object.values(cache.files).every(isEntry) || typeof cache.configs !== 'object' || cache.configs === null
        || !Object.values(cache.configs).every(isConfigEntry)) {
        warn(`planspec: ${shownPath(file)}: tệp bộ nhớ đệm hỏng hoặc không phải của planspec, bỏ qua và kiểm tra lại từ đầu (the cache file is corrupt or not planspec's; ignored, everything is checked)\n`);
        return empty();
    }
    if (cache.schema !== SCHEMA || cache.version !== packageVersion()) {
        warn(`planspec: ${shownPath(file)}: bộ nhớ đệm của phiên bản khác (${String(cache.version)}), bỏ qua và kiểm tra lại từ đầu (the cache was written by another version; ignored, everything is checked)\n`);
        return empty();
    }
    if (cache.global !== global) {
        // Another rule catalog or another current folder: nothing stored is valid, silently.
        return empty();
    }
    return cache as CacheFile;
}

function isConfigEntry(value: unknown): value is ConfigEntry {
    const e = value as Partial<ConfigEntry> | null;
    return typeof e === 'object' && e !== null && typeof e.files === 'object' && e.files !== null
        && Object.values(e.files).every(h => h === null || typeof h === 'string')
        && Array.isArray(e.settings) && e.settings.every(s => Array.isArray(s) && typeof s[0] === 'string' && typeof s[1]?.severity === 'string');
}

function isEntry(value: unknown): value is Entry {
    const e = value as Partial<Entry> | null;
    return typeof e === 'object' && e !== null && typeof e.hash === 'string' && typeof e.registry === 'boolean'
        && typeof e.surface === 'string' && typeof e.key === 'string' && Array.isArray(e.deps) && e.deps.every(d => typeof d === 'string')
        && Array.isArray(e.findings) && e.findings.every(f => typeof f === 'object' && f !== null && typeof f.file === 'string'
            && typeof f.line === 'number' && typeof f.column === 'number' && typeof f.severity === 'string' && typeof f.ruleId === 'string'
            && typeof f.message === 'string');
}

/** Drops the entries of files that no longer exist; true when there were any. */
function dropVanished(entries: Record<string, Entry>, seen: Map<string, string>): boolean {
    let dropped = false;
    for (const file of Object.keys(entries)) {
        if (!seen.has(file) && !fs.existsSync(file)) {
            delete entries[file];
            dropped = true;
        }
    }
    return dropped;
}

function sha256(data: string | Buffer): string {
    return createHash('sha256').update(data).digest('hex');
}
