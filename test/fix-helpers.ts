import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { expect } from 'vitest';
import type { CodeAction, Diagnostic, WorkspaceEdit } from 'vscode-languageserver';
import type { Loaded } from './helpers.js';
import { expectNoSyntaxErrors, load, messageOf, services } from './helpers.js';

/**
 * Quick fixes, tested the way an editor applies them: ask the code action provider for the actions
 * of one finding, apply the chosen action's WorkspaceEdit to the files, check the result again and
 * compare every finding of every file before and after.
 */

/** One finding, as compared before and after a fix: file, rule, the text it covers and its message. */
export interface Seen {
    file: string;
    code: string;
    text: string;
    message: string;
}

export interface Applied {
    action: CodeAction;
    /** The files after the fix (the markers of the fixture removed). */
    files: Record<string, string>;
    before: Loaded;
    after: Loaded;
    /** Findings before that are gone after, and findings after that were not there before. */
    removed: Seen[];
    added: Seen[];
}

/** The code actions the provider offers for one diagnostic of a loaded document. */
export async function actionsFor(loaded: Loaded, diagnostic: Diagnostic, file?: string): Promise<CodeAction[]> {
    const document = file ? loaded.documents[file] : loaded.main;
    const provider = services.lsp.CodeActionProvider;
    expect(provider, 'a code action provider is registered').toBeDefined();
    const result = await provider!.getCodeActions(document, {
        textDocument: { uri: document.uri.toString() },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic] },
    });
    return (result ?? []).filter((a): a is CodeAction => 'edit' in a);
}

/** The findings of a rule in a file of the workspace, in order of position. */
export function findingsIn(loaded: Loaded, ruleId: string, file?: string): Diagnostic[] {
    const document = file ? loaded.documents[file] : loaded.main;
    return (document.diagnostics ?? []).filter(d => d.code === ruleId)
        .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** Applies a WorkspaceEdit to in-memory files named as in `load` (file:///ws/<name>). */
export function applyWorkspaceEdit(files: Record<string, string>, edit: WorkspaceEdit | undefined): Record<string, string> {
    const result = { ...files };
    for (const [uri, edits] of Object.entries(edit?.changes ?? {})) {
        const name = decodeURIComponent(uri.replace(/^file:\/\/\/ws\//, ''));
        expect(Object.keys(result), `the edit names a file of the workspace: ${uri}`).toContain(name);
        const document = TextDocument.create(uri, 'planspec', 1, result[name]);
        result[name] = TextDocument.applyEdits(document, edits);
    }
    return result;
}

export interface FixOptions {
    rule: string;
    /** Which finding of the rule (in order of position in `file`); the first by default. */
    index?: number;
    /** The file that holds the finding; the first file by default. */
    file?: string;
    /** Which action, by title; the first by default. */
    title?: RegExp;
}

/** Applies one quick fix of one finding, checks the workspace again, and reports what changed. */
export async function applyFix(files: string | Record<string, string>, options: FixOptions): Promise<Applied> {
    const before = await load(files);
    expectNoSyntaxErrors(before);
    const texts = Object.fromEntries(Object.entries(before.documents).map(([name, d]) => [name, d.textDocument.getText()]));
    const findings = findingsIn(before, options.rule, options.file);
    const finding = findings[options.index ?? 0];
    expect(finding, `a finding of ${options.rule} (#${options.index ?? 0})`).toBeDefined();
    const actions = await actionsFor(before, finding, options.file);
    const action = options.title ? actions.find(a => options.title!.test(a.title)) : actions[0];
    expect(action, `an action${options.title ? ` titled ${options.title}` : ''} among ${JSON.stringify(actions.map(a => a.title))}`).toBeDefined();
    expect(action!.kind).toBe('quickfix');
    expect(action!.diagnostics).toContainEqual(finding);
    const beforeSeen = seen(before);
    const fixed = applyWorkspaceEdit(texts, action!.edit);
    const after = await load(fixed);
    expectNoSyntaxErrors(after);
    const afterSeen = seen(after);
    return { action: action!, files: fixed, before, after, removed: minus(beforeSeen, afterSeen), added: minus(afterSeen, beforeSeen) };
}

/**
 * Applies a fix and expects exactly the finding fixed to go (and the findings of the rules in
 * `gone`, which the same mistake caused) and nothing else to change but the findings of the rules
 * in `added` (a placeholder).
 */
export async function expectCleanFix(files: string | Record<string, string>, options: FixOptions & { added?: string[]; gone?: string[] }): Promise<Applied> {
    const applied = await applyFix(files, options);
    const removed = applied.removed.map(s => s.code).sort();
    expect(removed, JSON.stringify(applied.removed)).toEqual([options.rule, ...(options.gone ?? [])].sort());
    expect(applied.added.map(s => s.code).sort(), JSON.stringify(applied.added)).toEqual([...(options.added ?? [])].sort());
    return applied;
}

function seen(loaded: Loaded): Seen[] {
    return Object.entries(loaded.documents).flatMap(([file, document]) => (document.diagnostics ?? []).map(d => ({
        file,
        code: String(d.code ?? 'syntax'),
        text: document.textDocument.getText(d.range),
        // Line numbers in messages (one, or a list) move when a fix removes or adds lines.
        message: messageOf(d).replace(/\b(dòng|lines?) \d+(?:, \d+)*|\.plan:\d+/g, '$1 N'),
    })));
}

function key(s: Seen): string {
    return `${s.file}\u0000${s.code}\u0000${s.text}\u0000${s.message}`;
}

/** The elements of `a` not in `b`, as multisets. */
function minus(a: Seen[], b: Seen[]): Seen[] {
    const counts = new Map<string, number>();
    for (const s of b) {
        counts.set(key(s), (counts.get(key(s)) ?? 0) + 1);
    }
    return a.filter(s => {
        const n = counts.get(key(s)) ?? 0;
        if (n > 0) {
            counts.set(key(s), n - 1);
            return false;
        }
        return true;
    });
}

/** A fixture in decomposed Unicode (NFD), as some editors and copied text give it. */
export function nfd(files: string | Record<string, string>): string | Record<string, string> {
    return typeof files === 'string' ? files.normalize('NFD')
        : Object.fromEntries(Object.entries(files).map(([name, text]) => [name, text.normalize('NFD')]));
}

/**
 * The examples/ workspace in memory, each file named "<folder>-<file>" so that all of them share
 * one workspace root in `load`; `first` (e.g. "vinh-phuc/ke-hoach-ct39.plan") comes first, edited by
 * `change` when given.
 */
export function examplesWorkspace(first: string, change?: (text: string) => string): Record<string, string> {
    const files: Record<string, string> = {};
    const name = (relative: string) => relative.replace(/\//g, '-');
    const text = fs.readFileSync(path.join('examples', first), 'utf8');
    files[name(first)] = change ? change(text) : text;
    for (const folder of fs.readdirSync('examples', { withFileTypes: true }).filter(d => d.isDirectory()).map(d => d.name).sort()) {
        for (const file of fs.readdirSync(path.join('examples', folder)).filter(f => f.endsWith('.plan')).sort()) {
            const relative = `${folder}/${file}`;
            if (relative !== first) {
                files[name(relative)] = fs.readFileSync(path.join('examples', relative), 'utf8');
            }
        }
    }
    return files;
}
