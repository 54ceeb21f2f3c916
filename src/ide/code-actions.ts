import type { LangiumDocument, MaybePromise } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import type { CodeAction, CodeActionParams, Command, Diagnostic, Range, TextEdit } from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver';
import type { Fix, FixCommand, FindingData } from '../linter/rule.js';
import type { IdeServices } from './services.js';

/**
 * Quick fixes: the fixes a rule attached to a finding (the diagnostic's `data`, see
 * src/linter/runner.ts) as `quickfix` code actions, one per fix, with the rule's title, its edits as
 * a WorkspaceEdit (a declaration may go into another file, the workspace's registry), `isPreferred`
 * for the fix an editor may apply on its own, and the fix's command, if any.
 *
 * The fixes are taken from the document's own diagnostics, as last validated, matching those the
 * editor sends (rule, range, message): the editor's copy may come from an older version of the text,
 * and its edits would then land in the wrong place.
 */
export class PlanspecCodeActionProvider implements CodeActionProvider {

    constructor(_services: IdeServices) { }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction> | undefined> {
        const only = params.context?.only;
        if (only && !only.some(kind => kind === '' || CodeActionKind.QuickFix === kind || CodeActionKind.QuickFix.startsWith(`${kind}.`))) {
            return [];
        }
        const uri = document.uri.toString();
        const actions: CodeAction[] = [];
        const byKey = new Map<string, CodeAction>();
        for (const diagnostic of params.context?.diagnostics ?? []) {
            const current = currentDiagnostic(document, diagnostic);
            for (const fix of fixesOf(current)) {
                const edit = workspaceEdit(fix, uri);
                if (!edit) {
                    continue;
                }
                // The same fix offered by several findings (one per lead of a task) is one action.
                const key = JSON.stringify([fix.title, edit]);
                const known = byKey.get(key);
                if (known) {
                    known.diagnostics?.push(diagnostic);
                    continue;
                }
                const action: CodeAction = {
                    title: fix.title,
                    kind: CodeActionKind.QuickFix,
                    diagnostics: [diagnostic],
                    edit: { changes: edit },
                    ...(fix.preferred ? { isPreferred: true } : {}),
                    ...(isCommand(fix.command) ? { command: fix.command } : {}),
                };
                byKey.set(key, action);
                actions.push(action);
            }
        }
        return actions;
    }
}

/** The diagnostic of the last validation that the editor's one stands for, if it still exists. */
function currentDiagnostic(document: LangiumDocument, sent: Diagnostic): Diagnostic | undefined {
    if (!sent || typeof sent !== 'object') {
        return undefined;
    }
    return document.diagnostics?.find(d => d.code === sent.code && sameRange(d.range, sent.range) && messageOf(d) === messageOf(sent));
}

function messageOf(d: Diagnostic): string {
    const message = d.message as unknown;
    return typeof message === 'string' ? message : (message as { value?: string } | undefined)?.value ?? '';
}

function sameRange(a: Range | undefined, b: Range | undefined): boolean {
    return !!a && !!b && a.start?.line === b.start?.line && a.start?.character === b.start?.character
        && a.end?.line === b.end?.line && a.end?.character === b.end?.character;
}

/** The well-formed fixes a diagnostic carries. */
function fixesOf(diagnostic: Diagnostic | undefined): Fix[] {
    const data = diagnostic?.data as Partial<FindingData> | undefined;
    return Array.isArray(data?.fixes) ? data.fixes.filter(isFix) : [];
}

function isFix(value: unknown): value is Fix {
    const fix = value as Fix | undefined;
    return !!fix && typeof fix.title === 'string' && Array.isArray(fix.edits) && fix.edits.length > 0
        && fix.edits.every(e => !!e && typeof e.newText === 'string' && isRange(e.range) && (e.uri === undefined || typeof e.uri === 'string'));
}

function isRange(range: Range | undefined): boolean {
    const position = (p: unknown) => !!p && Number.isInteger((p as { line: unknown }).line) && Number.isInteger((p as { character: unknown }).character);
    return !!range && position(range.start) && position(range.end);
}

function isCommand(command: FixCommand | undefined): command is FixCommand {
    return !!command && typeof command.title === 'string' && typeof command.command === 'string'
        && (command.arguments === undefined || Array.isArray(command.arguments));
}

/** The edits of a fix by document; undefined when two edits of one document overlap. */
function workspaceEdit(fix: Fix, ownUri: string): Record<string, TextEdit[]> | undefined {
    const changes: Record<string, TextEdit[]> = {};
    for (const e of fix.edits) {
        (changes[e.uri ?? ownUri] ??= []).push({ range: e.range, newText: e.newText });
    }
    for (const edits of Object.values(changes)) {
        const sorted = [...edits].sort((a, b) => compare(a.range.start, b.range.start));
        for (let i = 1; i < sorted.length; i++) {
            if (compare(sorted[i - 1].range.end, sorted[i].range.start) > 0) {
                return undefined;
            }
        }
    }
    return changes;
}

function compare(a: Range['start'], b: Range['start']): number {
    return a.line - b.line || a.character - b.character;
}
