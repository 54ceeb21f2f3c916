import * as fs from 'node:fs';
import * as path from 'node:path';
import type { URI } from 'langium';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject } from 'ajv';
import * as jsonc from 'jsonc-parser';
import { allRules, findRule } from '../linter/registry.js';
import type { Severity } from '../linter/rule.js';
import { CONFIG_FILE } from '../workspace/roots.js';
import { PRESETS, renderConfigSchema } from './schema.js';

export interface RuleSetting {
    severity: Severity;
    options: Record<string, unknown>;
}

/** The effective settings of every rule for one file. */
export type ResolvedRuleSettings = ReadonlyMap<string, RuleSetting>;

/** A problem in a configuration file, with its place. */
export interface ConfigProblem {
    file: string;
    /** 1-based */
    line: number;
    column: number;
    message: string;
}

export class ConfigError extends Error {
    constructor(readonly problems: ConfigProblem[]) {
        super(problems.map(p => `${p.file}:${p.line}:${p.column} ${p.message}`).join('\n'));
    }
}

/** `planspec:recommended`: the recommended rules at their default severity, the others off. */
export function recommendedSettings(): Map<string, RuleSetting> {
    return new Map(allRules.map(rule => [rule.meta.id, {
        severity: rule.meta.recommended ? rule.meta.defaultSeverity : 'off',
        options: { ...rule.meta.defaultOptions },
    }]));
}

/** `planspec:strict`: every rule on, warnings raised to errors. */
export function strictSettings(): Map<string, RuleSetting> {
    return new Map(allRules.map(rule => [rule.meta.id, {
        severity: rule.meta.defaultSeverity === 'warning' ? 'error' : rule.meta.defaultSeverity,
        options: { ...rule.meta.defaultOptions },
    }]));
}

/** Every rule at its default severity: what the tests and the docs' examples run with. */
export function allRulesSettings(): Map<string, RuleSetting> {
    return new Map(allRules.map(rule => [rule.meta.id, {
        severity: rule.meta.defaultSeverity,
        options: { ...rule.meta.defaultOptions },
    }]));
}

let validateSchema: ReturnType<Ajv2020['compile']> | undefined;

function configValidator() {
    if (!validateSchema) {
        const ajv = new Ajv2020({ allErrors: true, strict: false });
        validateSchema = ajv.compile(renderConfigSchema(allRules));
    }
    return validateSchema;
}

/** How deep `extends` may chain: deeper is surely a mistake (or a loop through links). */
export const MAX_EXTENDS_DEPTH = 32;
/** Schema problems reported per configuration file; the rest are counted in one more. */
const MAX_PROBLEMS = 50;

/**
 * Parses and validates one configuration file and everything it extends; throws ConfigError.
 * Each file is read once per run however often it is extended (a diamond of `extends` resolves in
 * linear time); chains deeper than MAX_EXTENDS_DEPTH and cycles are errors at the `extends` entry
 * that makes them. A file outside `trustedRoot` (an `extends` that leaves the workspace) is reported
 * by place and reason only, never with its contents.
 */
export function loadConfigFile(file: string, seen: string[] = [], memo = new Map<string, Map<string, RuleSetting>>(), trustedRoot?: string): Map<string, RuleSetting> {
    const absolute = path.resolve(file);
    const root = trustedRoot ?? path.dirname(absolute);
    const cached = memo.get(absolute);
    if (cached) {
        return cached;
    }
    const outside = !isInside(absolute, root);
    let text: string;
    try {
        text = fs.readFileSync(absolute, 'utf8').replace(/^\uFEFF/, '');
    } catch (error) {
        throw new ConfigError([{ file: absolute, line: 1, column: 1, message: `không đọc được tệp cấu hình (cannot read configuration): ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` }]);
    }
    const errors: jsonc.ParseError[] = [];
    let tree: jsonc.Node | undefined;
    try {
        tree = jsonc.parseTree(text, errors, { allowTrailingComma: false, disallowComments: false });
    } catch (error) {
        // jsonc-parser descends recursively: 100,000 nested "[" overflow it.
        throw new ConfigError([{ file: absolute, line: 1, column: 1, message: `JSON lồng nhau quá sâu, không đọc được (JSON nested too deeply to read): ${(error as Error).message}` }]);
    }
    if (errors.length > 0 || !tree) {
        const problems = (errors.length > 0 ? errors : [{ error: jsonc.ParseErrorCode.ValueExpected, offset: 0, length: 0 }])
            .slice(0, MAX_PROBLEMS)
            .map(e => problemAt(absolute, text, e.offset, `JSON không hợp lệ (invalid JSON): ${jsonc.printParseErrorCode(e.error)}`));
        throw new ConfigError(problems);
    }
    const duplicates = duplicateKeys(tree);
    if (duplicates.length > 0) {
        throw new ConfigError(duplicates.slice(0, MAX_PROBLEMS).map(node => problemAt(absolute, text, node.offset,
            outside ? 'khóa bị lặp (duplicate key)' : `khóa ${String(node.value)} bị lặp, khóa trước sẽ bị bỏ qua (duplicate key ${JSON.stringify(node.value)}: the earlier one would be ignored)`)));
    }
    const value = jsonc.getNodeValue(tree) as unknown;
    const validate = configValidator();
    if (!validate(value)) {
        const problems = schemaProblems(absolute, text, tree, (validate.errors ?? []).slice(0, MAX_PROBLEMS * 4));
        const total = validate.errors?.length ?? 0;
        throw new ConfigError((outside ? problems.map(p => ({ ...p, message: 'cấu hình không hợp lệ (invalid configuration)' })) : problems)
            .slice(0, MAX_PROBLEMS)
            .concat(total > MAX_PROBLEMS * 4 ? [{ file: absolute, line: 1, column: 1, message: `còn ${total - MAX_PROBLEMS * 4} lỗi nữa (and ${total - MAX_PROBLEMS * 4} more problems)` }] : []));
    }
    const config = value as { extends?: string | string[]; rules?: Record<string, Severity | [Severity, Record<string, unknown>?]> };
    // No `extends`, and an empty `extends: []`, both mean the built-in defaults (planspec:recommended).
    const extendsList = config.extends === undefined || (Array.isArray(config.extends) && config.extends.length === 0)
        ? ['planspec:recommended'] : Array.isArray(config.extends) ? config.extends : [config.extends];
    let settings = new Map<string, RuleSetting>();
    // Every rule starts off: only what the file (or its bases) turns on runs.
    for (const rule of allRules) {
        settings.set(rule.meta.id, { severity: 'off', options: { ...rule.meta.defaultOptions } });
    }
    extendsList.forEach((entry, index) => {
        let base: Map<string, RuleSetting>;
        if (entry === 'planspec:recommended') {
            base = recommendedSettings();
        } else if (entry === 'planspec:strict') {
            base = strictSettings();
        } else {
            const target = path.resolve(path.dirname(absolute), entry);
            const at = extendsEntryOffset(tree!, config.extends, index);
            if (seen.includes(target) || target === absolute) {
                throw new ConfigError([problemAt(absolute, text, at, `\`extends\` vòng lặp (extends cycle): ${[...seen, absolute, target].map(f => path.basename(f)).join(' → ')}`)]);
            }
            if (seen.length + 1 >= MAX_EXTENDS_DEPTH) {
                throw new ConfigError([problemAt(absolute, text, at, `\`extends\` lồng quá ${MAX_EXTENDS_DEPTH} cấp (extends chained deeper than ${MAX_EXTENDS_DEPTH} files)`)]);
            }
            if (!fs.existsSync(target)) {
                // Reported where it is named, not on the missing file.
                throw new ConfigError([problemAt(absolute, text, at, `không tìm thấy tệp được mở rộng (extended file not found): ${outside ? path.basename(entry) : entry}`)]);
            }
            base = loadConfigFile(target, [...seen, absolute], memo, root);
        }
        for (const [id, setting] of base) {
            settings.set(id, setting);
        }
    });
    for (const [id, entry] of Object.entries(config.rules ?? {})) {
        const [severity, options] = Array.isArray(entry) ? entry : [entry, undefined];
        const rule = findRule(id)!;
        const previous = settings.get(id)!;
        settings.set(id, { severity, options: { ...rule.meta.defaultOptions, ...(options ?? previous.options) } });
    }
    memo.set(absolute, settings);
    return settings;
}

function isInside(file: string, root: string): boolean {
    const relative = path.relative(root, file);
    return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** The offset of the `index`-th entry of `extends` (a string or an array of them). */
function extendsEntryOffset(tree: jsonc.Node, value: unknown, index: number): number {
    const node = jsonc.findNodeAtLocation(tree, Array.isArray(value) ? ['extends', index] : ['extends']);
    return node?.offset ?? 0;
}

/** Keys given twice in one object (JSON keeps only the last: the first would be lost silently). */
function duplicateKeys(tree: jsonc.Node): jsonc.Node[] {
    const result: jsonc.Node[] = [];
    const pending: jsonc.Node[] = [tree];
    while (pending.length > 0) {
        const node = pending.pop()!;
        if (node.type === 'object') {
            const names = new Set<unknown>();
            for (const property of node.children ?? []) {
                const key = property.children?.[0];
                if (key && names.has(key.value)) {
                    result.push(key);
                }
                names.add(key?.value);
            }
        }
        for (const child of node.children ?? []) {
            pending.push(child);
        }
    }
    return result.sort((a, b) => a.offset - b.offset);
}

function schemaProblems(file: string, text: string, tree: jsonc.Node, errors: ErrorObject[]): ConfigProblem[] {
    const problems: ConfigProblem[] = [];
    // Of the alternatives (a severity, or [severity, options]) keep the errors that went deepest:
    // they are the ones that say what is wrong.
    const paths = new Set(errors.map(e => e.instancePath));
    const deepest = errors.filter(e => ![...paths].some(p => p.startsWith(e.instancePath + '/')));
    for (const error of deepest) {
        const segments = error.instancePath.split('/').slice(1).map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'))
            .map(s => (/^\d+$/.test(s) ? Number(s) : s));
        let message: string;
        if (error.keyword === 'additionalProperties' && error.instancePath === '/rules') {
            const id = String(error.params.additionalProperty);
            segments.push(id);
            message = `quy tắc không tồn tại (unknown rule) '${id}'; xem \`planspec rules\``;
        } else if (error.keyword === 'additionalProperties') {
            const key = String(error.params.additionalProperty);
            segments.push(key);
            message = `mục không hợp lệ (unknown property) '${key}'`;
        } else if (error.keyword === 'oneOf' || error.keyword === 'anyOf' || error.keyword === 'if') {
            continue; // the branch errors say more
        } else {
            const where = error.instancePath || '(root)';
            message = `${where}: ${error.message ?? 'không hợp lệ (invalid)'}${error.params && 'allowedValues' in error.params ? ` (${(error.params.allowedValues as unknown[]).join(', ')})` : ''}`;
        }
        const node = jsonc.findNodeAtLocation(tree, segments);
        const at = node?.parent?.type === 'property' && typeof segments.at(-1) === 'string' ? node.parent.children![0] : node;
        problems.push(problemAt(file, text, at?.offset ?? 0, message));
    }
    const unique = new Map(problems.map(p => [`${p.line}:${p.column}:${p.message}`, p]));
    return [...unique.values()];
}

function problemAt(file: string, text: string, offset: number, message: string): ConfigProblem {
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    return { file, line, column, message };
}

/** Overrides from the command line: a configuration file used for every plan, and per-rule severities. */
export interface ConfigOverrides {
    configFile?: string;
    rules?: Record<string, Severity>;
}

/**
 * Supplies rule settings per file: the nearest planspec.config.json from the file's folder upwards
 * (recommended settings when there is none), then the command-line overrides.
 */
export class PlanspecConfigProvider {
    protected overrides: ConfigOverrides = {};
    protected readonly byFolder = new Map<string, string | undefined>();
    protected readonly byFile = new Map<string, Map<string, RuleSetting> | ConfigError>();
    /** Every configuration file read since the last clear(), extended files included. */
    protected readonly readFiles = new Set<string>();
    protected broken = false;
    /** Used by the test helpers and the docs: every rule at its default severity, no file lookup. */
    protected fixed: Map<string, RuleSetting> | undefined;

    setOverrides(overrides: ConfigOverrides): void {
        for (const id of Object.keys(overrides.rules ?? {})) {
            if (!findRule(id)) {
                throw new ConfigError([{ file: '--rule', line: 1, column: 1, message: `quy tắc không tồn tại (unknown rule) '${id}'` }]);
            }
        }
        this.overrides = overrides;
        this.clear();
    }

    currentOverrides(): ConfigOverrides {
        return this.overrides;
    }

    useFixedSettings(settings: Map<string, RuleSetting>): void {
        this.fixed = settings;
    }

    /** Forget loaded files, after a configuration file changed. */
    clear(): void {
        this.byFolder.clear();
        this.byFile.clear();
        this.readFiles.clear();
        this.broken = false;
    }

    /**
     * Whether a change to this JSON file may change some plan's settings: a planspec.config.json
     * (created, changed or removed), a file one extends, or any JSON while a configuration is broken
     * (the change may be the missing file it extends). A compiled plan's JSON is none of these.
     */
    affectsSettings(file: string): boolean {
        return path.basename(file) === CONFIG_FILE || this.broken || this.readFiles.has(path.resolve(file));
    }

    /** The configuration file that applies to a plan file, if any. */
    configFileFor(uri: URI): string | undefined {
        if (this.overrides.configFile) {
            return path.resolve(this.overrides.configFile);
        }
        if (uri.scheme !== 'file') {
            return undefined;
        }
        const folder = path.dirname(uri.fsPath);
        if (!this.byFolder.has(folder)) {
            let dir = folder;
            let found: string | undefined;
            for (;;) {
                const candidate = path.join(dir, CONFIG_FILE);
                if (fs.existsSync(candidate)) {
                    found = candidate;
                    break;
                }
                const parent = path.dirname(dir);
                if (parent === dir) break;
                dir = parent;
            }
            this.byFolder.set(folder, found);
        }
        return this.byFolder.get(folder);
    }

    /** The settings for a file, or the ConfigError of its configuration file. */
    tryGetRuleSettings(uri: URI): ResolvedRuleSettings | ConfigError {
        if (this.fixed) {
            return this.fixed;
        }
        const file = this.configFileFor(uri);
        let settings: Map<string, RuleSetting> | ConfigError;
        if (!file) {
            settings = recommendedSettings();
        } else {
            let cached = this.byFile.get(file);
            if (!cached) {
                const memo = new Map<string, Map<string, RuleSetting>>();
                try {
                    cached = loadConfigFile(file, [], memo);
                } catch (error) {
                    if (!(error instanceof ConfigError)) throw error;
                    cached = error;
                    this.broken = true;
                }
                [path.resolve(file), ...memo.keys()].forEach(f => this.readFiles.add(f));
                this.byFile.set(file, cached);
            }
            settings = cached;
        }
        if (settings instanceof ConfigError || !this.overrides.rules) {
            return settings;
        }
        const result = new Map(settings);
        for (const [id, severity] of Object.entries(this.overrides.rules)) {
            result.set(id, { ...result.get(id)!, severity });
        }
        return result;
    }

    /** The settings for a file; a broken configuration falls back to the recommended settings. */
    getRuleSettings(uri: URI): ResolvedRuleSettings {
        const settings = this.tryGetRuleSettings(uri);
        return settings instanceof ConfigError ? recommendedSettings() : settings;
    }

    isKnownSeverity(value: string): value is Severity {
        return ['off', 'info', 'warning', 'error'].includes(value);
    }
}

export { PRESETS };
