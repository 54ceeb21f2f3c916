import type { LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import type { Model } from '../language/generated/ast.js';
import { isPlan } from '../language/generated/ast.js';
import type { SemanticServices } from '../semantics/services.js';
import { compilePlan } from './compile.js';
import type { PlanJson } from './plan-json.js';

/**
 * What decides whether plans may be compiled, shared by `planspec compile` and the editor's
 * `planspec/compile` request so that both refuse the same plans.
 */

/** Codes of the diagnostics that say a file could not be read as a plan at all (syntax, encoding, internal). */
export const BROKEN_FILE_CODES: ReadonlySet<string> = new Set(['syntax-error', 'invalid-encoding', 'internal-error']);

/** The rule id of a diagnostic; lexer and parser errors carry none and count as `syntax-error`. */
export function diagnosticCode(d: Diagnostic): string {
    return typeof d.code === 'string' ? d.code : typeof d.code === 'number' ? String(d.code) : 'syntax-error';
}

export interface BlockingError {
    document: LangiumDocument;
    diagnostic: Diagnostic;
}

/**
 * The errors that stop `requested` from being compiled: every error in them, and the errors that
 * make another file of their workspace unreadable (a registry with a syntax error), since the plans
 * are only as sound as the declarations they use.
 */
export function compileBlockers(requested: readonly LangiumDocument[], others: readonly LangiumDocument[]): BlockingError[] {
    const isError = (d: Diagnostic) => d.severity === 1;
    return [
        ...requested.flatMap(document => (document.diagnostics ?? []).filter(isError).map(diagnostic => ({ document, diagnostic }))),
        ...others.flatMap(document => (document.diagnostics ?? [])
            .filter(d => isError(d) && BROKEN_FILE_CODES.has(diagnosticCode(d)))
            .map(diagnostic => ({ document, diagnostic }))),
    ];
}

/** The plans of one validated document, compiled; `root` is its workspace root. */
export function compileDocument(document: LangiumDocument, root: string, services: SemanticServices): PlanJson[] {
    const model = document.parseResult.value as Model;
    return (model.elements ?? []).filter(isPlan).map(plan => compilePlan(plan, root, services));
}

/** A plan (or several) as written to a file: two-space JSON and a final newline. */
export function serializePlans(value: PlanJson | PlanJson[]): string {
    return JSON.stringify(value, null, 2) + '\n';
}
