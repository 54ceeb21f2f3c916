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

/** Parses and validates one configuration file and everything it extends; throws ConfigError. */
export function loadConfigFile(file: string, seen: string[] = []): Map<string, RuleSetting> {
    const absolute = path.resolve(file);
    if (seen.includes(absolute)) {
        throw new ConfigError([{ file: absolute, line: 1, column: 1, message: `\`extends\` vòng lặp (extends cycle): ${[...seen, absolute].join(' → ')}` }]);
    }
    let text: string;
    try {
        text = fs.readFileSync(absolute, 'utf8');
    } catch (error) {
        throw new ConfigError([{ file: absolute, line: 1, column: 1, message: `không đọc được tệp cấu hình (cannot read configuration): ${(error as Error).message}` }]);
    }
    const errors: jsonc.ParseError[] = [];
    const tree = jsonc.parseTree(text, errors, { allowTrailingComma: false, disallowComments: false });
    if (errors.length > 0 || !tree) {
        const problems = (errors.length > 0 ? errors : [{ error: jsonc.ParseErrorCode.ValueExpected, offset: 0, length: 0 }])
            .map(e => problemAt(absolute, text, e.offset, `JSON không hợp lệ (invalid JSON): ${jsonc.printParseErrorCode(e.error)}`));
        throw new ConfigError(problems);
    }
    const value = jsonc.getNodeValue(tree) as unknown;
    const validate = configValidator();
    if (!validate(value)) {
        throw new ConfigError(schemaProblems(absolute, text, tree, validate.errors ?? []));
    }
    const config = value as { extends?: string | string[]; rules?: Record<string, Severity | [Severity, Record<string, unknown>?]> };
    const extendsList = config.extends === undefined ? ['planspec:recommended'] : Array.isArray(config.extends) ? config.extends : [config.extends];
    let settings = new Map<string, RuleSetting>();
    // Without presets, every rule starts off: only what the file (or its bases) turns on runs.
    for (const rule of allRules) {
        settings.set(rule.meta.id, { severity: 'off', options: { ...rule.meta.defaultOptions } });
    }
    for (const entry of extendsList) {
        const base = entry === 'planspec:recommended' ? recommendedSettings()
            : entry === 'planspec:strict' ? strictSettings()
                : loadConfigFile(path.resolve(path.dirname(absolute), entry), [...seen, absolute]);
        settings = new Map([...settings, ...base]);
    }
    for (const [id, entry] of Object.entries(config.rules ?? {})) {
        const [severity, options] = Array.isArray(entry) ? entry : [entry, undefined];
        const rule = findRule(id)!;
        const previous = settings.get(id)!;
        settings.set(id, { severity, options: { ...rule.meta.defaultOptions, ...(options ?? previous.options) } });
    }
    return settings;
}

function schemaProblems(file: string, text: string, tree: jsonc.Node, errors: ErrorObject[]): ConfigProblem[] {
    const problems: ConfigProblem[] = [];
    // Of the alternatives (a severity, or [severity, options]) keep the errors that went deepest:
    // they are the ones that say what is wrong.
    const deepest = errors.filter(e => !errors.some(o => o.instancePath.startsWith(e.instancePath + '/')));
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

    useFixedSettings(settings: Map<string, RuleSetting>): void {
        this.fixed = settings;
    }

    /** Forget loaded files, after a configuration file changed. */
    clear(): void {
        this.byFolder.clear();
        this.byFile.clear();
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
                try {
                    cached = loadConfigFile(file);
                } catch (error) {
                    if (!(error instanceof ConfigError)) throw error;
                    cached = error;
                }
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
