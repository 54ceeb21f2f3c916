import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Fix, Log, ReportingDescriptor, Result } from 'sarif';
import { allRules } from '../../linter/registry.js';
import { ruleDocPath, ruleDocUrl } from '../../linter/rule.js';
import { packageRoot } from '../../workspace/package-root.js';
import type { CliFinding, CliFix } from '../findings.js';

const SYNTAX_RULE: ReportingDescriptor = {
    id: 'syntax-error',
    name: 'SyntaxError',
    shortDescription: { text: 'Lỗi cú pháp / Syntax error' },
    fullDescription: { text: 'The file does not follow the planspec grammar; the parser says what it expected.' },
    defaultConfiguration: { level: 'error' },
    properties: { category: 'syntax' },
};

/**
 * SARIF 2.1.0 for code scanning (GitHub and others): every rule with its description, default level
 * and documentation (the doc page itself, as markdown help), and each finding located relative to
 * the folder the command ran in (%SRCROOT%).
 */
export function formatSarif(findings: CliFinding[], version: string, cwd = process.cwd()): string {
    const rules: ReportingDescriptor[] = [
        ...allRules.map((rule): ReportingDescriptor => {
            const markdown = readDoc(rule.meta.id);
            return {
                id: rule.meta.id,
                name: rule.meta.id.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()),
                shortDescription: { text: rule.meta.description },
                fullDescription: { text: rule.meta.description },
                helpUri: ruleDocUrl(rule.meta.id),
                ...(markdown ? { help: { text: rule.meta.description, markdown } } : {}),
                defaultConfiguration: { level: level(rule.meta.defaultSeverity), enabled: rule.meta.recommended },
                properties: { category: rule.meta.category, tags: ['planspec', rule.meta.category] },
            };
        }),
        SYNTAX_RULE,
    ];
    const index = new Map(rules.map((r, i) => [r.id, i]));
    const results: Result[] = findings.map(f => ({
        ruleId: f.ruleId,
        ...(index.has(f.ruleId) ? { ruleIndex: index.get(f.ruleId) } : {}),
        level: level(f.severity),
        message: { text: f.message },
        locations: [{
            physicalLocation: {
                artifactLocation: { uri: encodeURI(f.file), uriBaseId: '%SRCROOT%' },
                region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
            },
        }],
        ...(f.fixes ? { fixes: f.fixes.map(sarifFix) } : {}),
    }));
    const log: Log = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [{
            tool: {
                driver: {
                    name: 'planspec',
                    semanticVersion: version,
                    version,
                    informationUri: pathToFileURL(path.join(packageRoot(), 'README.md')).href,
                    rules,
                },
            },
            originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd + path.sep).href } },
            columnKind: 'utf16CodeUnits',
            results,
        }],
    };
    return JSON.stringify(log, null, 2) + '\n';
}

/** A quick fix as SARIF: the text each edit deletes (an empty region for an insertion) and inserts. */
function sarifFix(fix: CliFix): Fix {
    return {
        description: { text: fix.description },
        artifactChanges: fix.changes.map(change => ({
            artifactLocation: { uri: encodeURI(change.file), uriBaseId: '%SRCROOT%' },
            replacements: change.edits.map(e => ({
                deletedRegion: {
                    startLine: e.range.start.line + 1, startColumn: e.range.start.character + 1,
                    endLine: e.range.end.line + 1, endColumn: e.range.end.character + 1,
                },
                ...(e.text !== '' ? { insertedContent: { text: e.text } } : {}),
            })),
        })),
    };
}

function level(severity: string): 'error' | 'warning' | 'note' {
    return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

function readDoc(id: string): string | undefined {
    try {
        return fs.readFileSync(ruleDocPath(id), 'utf8');
    } catch {
        return undefined;
    }
}
