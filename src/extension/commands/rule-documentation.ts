/**
 * `planspec.showRuleDocumentation`: a rule's page (docs/rules/<id>.md, shipped with the extension)
 * in the Markdown preview. Offered as a code action on each planspec diagnostic under the cursor;
 * from the command palette it asks among the rules of the diagnostics at the cursor, or all rules.
 */
import * as vscode from 'vscode';
import type { Feature } from '../feature.js';
import { docTitle, LANGUAGE_ID, RULE_ID, ruleIdOf } from '../strings.js';

export const SHOW_RULE_DOCUMENTATION = 'planspec.showRuleDocumentation';

export const registerRuleDocumentation: Feature = context => {
    const docs = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules');
    const rules = listRules(docs);
    context.subscriptions.push(
        vscode.commands.registerCommand(SHOW_RULE_DOCUMENTATION, async (id?: unknown, href?: unknown) => {
            const chosen = typeof id === 'string' ? id : await pickRule(await rules);
            if (chosen) {
                await showRule(docs, chosen, typeof href === 'string' ? href : undefined);
            }
        }),
        vscode.languages.registerCodeActionsProvider({ language: LANGUAGE_ID }, new RuleDocumentationActions(rules), {
            providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
        }),
    );
};

interface RuleEntry { id: string; description: string }

/** The rules with a page: docs/rules/*.md but the catalog, each with the summary line of its page. */
async function listRules(docs: vscode.Uri): Promise<RuleEntry[]> {
    try {
        const entries = await vscode.workspace.fs.readDirectory(docs);
        const ids = entries.map(([name]) => name).filter(name => name.endsWith('.md') && name !== 'README.md')
            .map(name => name.slice(0, -3)).filter(id => RULE_ID.test(id)).sort();
        return await Promise.all(ids.map(async id => {
            const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(docs, `${id}.md`)));
            return { id, description: /^>\s*(.+)$/m.exec(text)?.[1]?.trim() ?? '' };
        }));
    } catch {
        return [];
    }
}

function atCursor(): string[] {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== LANGUAGE_ID) {
        return [];
    }
    const ids = vscode.languages.getDiagnostics(editor.document.uri)
        .filter(d => d.source === LANGUAGE_ID && d.range.contains(editor.selection.active))
        .map(d => ruleIdOf(d.code)).filter((id): id is string => id !== undefined);
    return [...new Set(ids)];
}

async function pickRule(rules: RuleEntry[]): Promise<string | undefined> {
    const here = atCursor().filter(id => rules.some(r => r.id === id));
    if (here.length === 1) {
        return here[0];
    }
    const shown = here.length > 1 ? rules.filter(r => here.includes(r.id)) : rules;
    const picked = await vscode.window.showQuickPick(shown.map(r => ({ label: r.id, description: r.description })), {
        placeHolder: 'Chọn quy tắc / Choose a rule',
        matchOnDescription: true,
    });
    return picked?.label;
}

async function showRule(docs: vscode.Uri, id: string, href: string | undefined): Promise<void> {
    const page = vscode.Uri.joinPath(docs, `${id}.md`);
    if (RULE_ID.test(id) && await exists(page)) {
        await vscode.commands.executeCommand('markdown.showPreview', page);
    } else if (href && /^https?:/i.test(href)) {
        await vscode.env.openExternal(vscode.Uri.parse(href));
    } else {
        void vscode.window.showWarningMessage(`planspec: không có tài liệu cho '${id}' / no documentation for '${id}'`);
    }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
    try {
        await vscode.workspace.fs.stat(uri);
        return true;
    } catch {
        return false;
    }
}

/** One "Show documentation" action per rule among the planspec diagnostics of the range. */
class RuleDocumentationActions implements vscode.CodeActionProvider {
    private known: Set<string> | undefined;

    constructor(rules: Promise<RuleEntry[]>) {
        void rules.then(list => { this.known = new Set(list.map(r => r.id)); });
    }

    provideCodeActions(_document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
        const actions = new Map<string, vscode.CodeAction>();
        for (const diagnostic of context.diagnostics) {
            const id = diagnostic.source === LANGUAGE_ID ? ruleIdOf(diagnostic.code) : undefined;
            if (!id || actions.has(id) || (this.known && !this.known.has(id))) {
                continue;
            }
            const action = new vscode.CodeAction(docTitle(id), vscode.CodeActionKind.QuickFix);
            const target = typeof diagnostic.code === 'object' ? diagnostic.code.target : undefined;
            action.command = { title: docTitle(id), command: SHOW_RULE_DOCUMENTATION, arguments: [id, target?.toString()] };
            action.diagnostics = [diagnostic];
            actions.set(id, action);
        }
        return [...actions.values()];
    }
}
