import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { URI } from 'langium';
import type { Diagnostic, Range } from 'vscode-languageserver';
import { diagnosticCode } from '../compiler/documents.js';
import type { FindingData } from '../linter/rule.js';

export type FindingSeverity = 'error' | 'warning' | 'info';

/** One diagnostic of one file, in the shape every output format starts from. */
export interface CliFinding {
    file: string;
    /** 1-based */
    line: number;
    /** 1-based, in UTF-16 code units like the editor */
    column: number;
    endLine: number;
    endColumn: number;
    severity: FindingSeverity;
    message: string;
    ruleId: string;
    /** The finding's quick fixes (SARIF `fixes`), with paths like `file`. */
    fixes?: CliFix[];
}

export interface CliFix {
    description: string;
    changes: Array<{ file: string; edits: Array<{ range: Range; text: string }> }>;
}

export function collectFindings(documents: LangiumDocument[], cwd = process.cwd()): CliFinding[] {
    const findings: CliFinding[] = [];
    for (const document of documents) {
        const file = shown(document.uri.fsPath, cwd);
        for (const diagnostic of document.diagnostics ?? []) {
            const finding = toFinding(file, diagnostic);
            const fixes = fixesOf(diagnostic, document.uri.toString(), cwd);
            findings.push(fixes ? { ...finding, fixes } : finding);
        }
    }
    return findings.sort(byPlace);
}

/**
 * By file and position; at one place a syntax error first (what follows from it is read after the
 * cause), then errors before warnings before infos, then by rule.
 */
export function byPlace(a: CliFinding, b: CliFinding): number {
    return (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column
        || Number(b.ruleId === SYNTAX_ERROR) - Number(a.ruleId === SYNTAX_ERROR)
        || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]
        || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

/** The rule id the CLI shows for a syntax error (a diagnostic without a rule's code). */
export const SYNTAX_ERROR = 'syntax-error';

const SEVERITY_ORDER: Record<FindingSeverity, number> = { error: 0, warning: 1, info: 2 };

/** The line that ends every check: files checked and findings by severity, in both languages. */
export function formatSummary(files: number, findings: readonly CliFinding[]): string {
    const count = (severity: FindingSeverity) => findings.filter(f => f.severity === severity).length;
    return `planspec: ${files} tệp đã kiểm tra (files checked): ${count('error')} lỗi (errors), ${count('warning')} cảnh báo (warnings), ${count('info')} thông tin (infos)\n`;
}

function shown(fsPath: string, cwd: string): string {
    return (path.relative(cwd, fsPath) || fsPath).split(path.sep).join('/');
}

/** The fixes a rule attached to a diagnostic, each edit with the file it changes. */
function fixesOf(d: Diagnostic, ownUri: string, cwd: string): CliFix[] | undefined {
    const fixes = (d.data as Partial<FindingData> | undefined)?.fixes;
    if (!Array.isArray(fixes) || fixes.length === 0) {
        return undefined;
    }
    return fixes.map(fix => {
        const changes = new Map<string, Array<{ range: Range; text: string }>>();
        for (const e of fix.edits) {
            const file = shown(URI.parse(e.uri ?? ownUri).fsPath, cwd);
            changes.set(file, [...(changes.get(file) ?? []), { range: e.range, text: e.newText }]);
        }
        return { description: fix.title, changes: [...changes].map(([file, edits]) => ({ file, edits })) };
    });
}

function toFinding(file: string, d: Diagnostic): CliFinding {
    return {
        file,
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
        severity: d.severity === 1 ? 'error' : d.severity === 2 ? 'warning' : 'info',
        message: typeof d.message === 'string' ? d.message : d.message.value,
        ruleId: diagnosticCode(d),
    };
}

export function formatLine(f: CliFinding): string {
    return `${f.file}:${f.line}:${f.column} ${f.severity} ${f.message} [${f.ruleId}]`;
}
