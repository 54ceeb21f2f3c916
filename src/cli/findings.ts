import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';

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
}

export function collectFindings(documents: LangiumDocument[], cwd = process.cwd()): CliFinding[] {
    const findings: CliFinding[] = [];
    for (const document of documents) {
        const file = path.relative(cwd, document.uri.fsPath) || document.uri.fsPath;
        for (const diagnostic of document.diagnostics ?? []) {
            findings.push(toFinding(file, diagnostic));
        }
    }
    return findings.sort((a, b) =>
        (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column
        || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
}

function toFinding(file: string, d: Diagnostic): CliFinding {
    return {
        file: file.split(path.sep).join('/'),
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
        severity: d.severity === 1 ? 'error' : d.severity === 2 ? 'warning' : 'info',
        message: typeof d.message === 'string' ? d.message : d.message.value,
        ruleId: typeof d.code === 'string' ? d.code : syntaxCode(d),
    };
}

/** Lexer and parser errors carry no rule: they are reported as `syntax-error`. */
function syntaxCode(d: Diagnostic): string {
    return typeof d.code === 'number' ? String(d.code) : 'syntax-error';
}

export function formatLine(f: CliFinding): string {
    return `${f.file}:${f.line}:${f.column} ${f.severity} ${f.message} [${f.ruleId}]`;
}
