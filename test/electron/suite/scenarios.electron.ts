/**
 * The scenarios of test/e2e/extension.e2e.ts (code-server driven by playwright) in VS Code desktop,
 * written against the VS Code API instead of the DOM: what the extension and its language server
 * give the editor, read through the same commands VS Code's own UI calls. Runs in the extension
 * host (suite/index.ts) on the copy of examples/ that runTest.ts opens, with the two plans of
 * test/e2e/plans.ts added.
 *
 * Keywords: the API exposes semantic tokens (`vscode.provideDocumentSemanticTokens`) but not the
 * TextMate tokens or the colours a theme gives them, so the keyword scenario checks that the server
 * marks `chủ trì` as a `keyword` token (coloured by every theme) and that the extension contributes
 * its TextMate grammar for the language; the colour itself is checked by the code-server suite.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ruleIdOf } from '../../../src/extension/strings.js';
import { DUPLICATE_BASIS, MISSING_LEAD } from '../../e2e/plans.js';

// out/test-electron/suite/*.cjs → the repository.
const ROOT = path.resolve(__dirname, '..', '..', '..');

/** Polls `probe` until it gives a value (the language server answers asynchronously). */
async function waitFor<T>(what: string, probe: () => T | undefined | PromiseLike<T | undefined>, timeout = 60_000): Promise<T> {
    const deadline = Date.now() + timeout;
    for (;;) {
        const value = await probe();
        if (value !== undefined && value !== false) {
            return value;
        }
        if (Date.now() > deadline) {
            throw new Error(`hết thời gian chờ / timed out waiting for ${what}`);
        }
        await new Promise(resolve => setTimeout(resolve, 250));
    }
}

function workspaceFolder(): vscode.Uri {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'VS Code was started on the copy of examples/');
    return folder.uri;
}

async function open(relative: string): Promise<vscode.TextEditor> {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceFolder(), ...relative.split('/')));
    return vscode.window.showTextDocument(document);
}

function findings(uri: vscode.Uri, rule: string): vscode.Diagnostic[] {
    return vscode.languages.getDiagnostics(uri).filter(d => ruleIdOf(d.code) === rule);
}

function labelOf(item: vscode.CompletionItem): string {
    return typeof item.label === 'string' ? item.label : item.label.label;
}

function markdownOf(hovers: vscode.Hover[]): string {
    return hovers.flatMap(h => h.contents).map(c => typeof c === 'string' ? c : c.value).join('\n');
}

suite('the extension through the VS Code API, in the extension host', () => {

    suiteSetup(async () => {
        const extension = vscode.extensions.getExtension('planspec.planspec');
        assert.ok(extension, 'the extension under development is planspec.planspec');
        await extension.activate();
    });

    test('a plan with a missing lead gets its error', async () => {
        const editor = await open('e2e/thieu-chu-tri.plan');
        const [finding] = await waitFor('missing-lead', () => {
            const found = findings(editor.document.uri, 'missing-lead');
            return found.length > 0 ? found : undefined;
        });
        assert.equal(finding.severity, vscode.DiagnosticSeverity.Error);
        assert.match(finding.message, /Nhiệm vụ chưa có đơn vị chủ trì/);
        assert.equal(finding.source, 'planspec');
        const line = MISSING_LEAD.split('\n').findIndex(l => l.includes('NV_KHONG_CHU_TRI'));
        assert.equal(finding.range.start.line, line);
    });

    test('keywords are semantic tokens of type keyword, and the TextMate grammar is contributed', async () => {
        const editor = await open('e2e/thieu-chu-tri.plan');
        const uri = editor.document.uri;
        const legend = await waitFor('the semantic tokens legend', () =>
            vscode.commands.executeCommand<vscode.SemanticTokensLegend | undefined>('vscode.provideDocumentSemanticTokensLegend', uri));
        const tokens = await waitFor('semantic tokens', () =>
            vscode.commands.executeCommand<vscode.SemanticTokens | undefined>('vscode.provideDocumentSemanticTokens', uri));
        const decoded: { line: number; start: number; length: number; type: string }[] = [];
        let line = 0;
        let start = 0;
        for (let i = 0; i + 4 < tokens.data.length; i += 5) {
            line += tokens.data[i];
            start = tokens.data[i] === 0 ? start + tokens.data[i + 1] : tokens.data[i + 1];
            decoded.push({ line, start, length: tokens.data[i + 2], type: legend.tokenTypes[tokens.data[i + 3]] });
        }
        const lines = MISSING_LEAD.split('\n');
        const at = lines.findIndex(l => l.includes('{ chủ trì SO_TP }'));
        const tokenAt = (text: string) => decoded.find(t => t.line === at && t.start === lines[at].indexOf(text));
        assert.deepEqual(tokenAt('chủ trì'), { line: at, start: lines[at].indexOf('chủ trì'), length: 'chủ trì'.length, type: 'keyword' });
        assert.equal(tokenAt('SO_TP')?.type, 'class');
        // The TextMate grammar colours keywords before the server answers (and in virtual workspaces).
        const manifest = vscode.extensions.getExtension('planspec.planspec')!.packageJSON as {
            contributes: { grammars: { language: string; scopeName: string; path: string }[] };
        };
        const grammar = manifest.contributes.grammars.find(g => g.language === 'planspec');
        assert.equal(grammar?.scopeName, 'source.planspec');
        const json = fs.readFileSync(path.join(ROOT, grammar.path), 'utf8');
        assert.match(json, /"keyword\./);
    });

    test('"so tu phap" typed after `chủ trì ` offers Sở Tư pháp, as does "sở tư pháp" typed decomposed (NFD); choosing it removes the finding', async () => {
        const editor = await open('e2e/thieu-chu-tri.plan');
        const lineNumber = MISSING_LEAD.split('\n').findIndex(l => l.includes('NV_KHONG_CHU_TRI'));
        const column = MISSING_LEAD.split('\n')[lineNumber].indexOf('{  }') + 2;
        const start = new vscode.Position(lineNumber, column);
        /** Types `typed` into the empty task and gives the completion items in the order the editor shows them. */
        const offered = async (typed: string) => {
            assert.ok(await editor.edit(edit => edit.insert(start, typed)));
            const position = start.translate(0, typed.length);
            const list = await waitFor('completion items', async () => {
                const answer = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position);
                return answer.items.some(i => labelOf(i) === 'SO_TP') ? answer : undefined;
            });
            // By sortText, then label.
            return [...list.items].sort((a, b) => (a.sortText ?? labelOf(a)).localeCompare(b.sortText ?? labelOf(b)) || labelOf(a).localeCompare(labelOf(b)));
        };
        const decomposed = 'chủ trì sở tư pháp'.normalize('NFD');
        assert.equal(labelOf((await offered(decomposed))[0]), 'SO_TP');
        assert.ok(await editor.edit(edit => edit.delete(new vscode.Range(start, start.translate(0, decomposed.length)))));

        const [first] = await offered('chủ trì so tu phap');
        assert.equal(labelOf(first), 'SO_TP');
        const shown = [first.detail, typeof first.label === 'string' ? '' : first.label.detail].join(' ');
        assert.match(shown, /Sở Tư pháp/);
        const range = first.range instanceof vscode.Range ? first.range : first.range?.replacing;
        assert.ok(range, 'the item replaces what was typed');
        const insert = typeof first.insertText === 'string' ? first.insertText : first.insertText?.value ?? labelOf(first);
        assert.ok(await editor.edit(edit => edit.replace(range, insert)));
        assert.match(editor.document.lineAt(lineNumber).text, /\{\s+chủ trì SO_TP\s*\}/);
        await waitFor('missing-lead to go', () => findings(editor.document.uri, 'missing-lead').length === 0 ? true : undefined);
    });

    test('hover on a document reference shows its number and date', async () => {
        const editor = await open('ca-mau/kh-qd634.plan');
        const line = editor.document.getText().split('\n').findIndex(l => l.includes('ban hành kèm theo QD_1073'));
        assert.ok(line >= 0);
        const position = new vscode.Position(line, editor.document.lineAt(line).text.indexOf('QD_1073') + 3);
        const text = await waitFor('a hover', async () => {
            const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position);
            const markdown = markdownOf(hovers);
            return markdown.includes('Loại / Kind') ? markdown : undefined;
        });
        assert.match(text, /1073\/QĐ-UBND/);
        assert.match(text, /16\/6\/2020/);
    });

    test('a quick fix removes its finding', async () => {
        const editor = await open('e2e/trung-can-cu.plan');
        const uri = editor.document.uri;
        const [finding] = await waitFor('duplicate-basis', () => {
            const found = findings(uri, 'duplicate-basis');
            return found.length > 0 ? found : undefined;
        });
        const line = DUPLICATE_BASIS.split('\n').findIndex(l => l.includes('CT_39_2017, CT_39_2017'));
        assert.equal(finding.range.start.line, line);
        // Resolve up to 10 actions: the edit may come with codeAction/resolve.
        const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
            'vscode.executeCodeActionProvider', uri, finding.range, vscode.CodeActionKind.QuickFix.value, 10);
        const fix = actions.find((a): a is vscode.CodeAction => 'edit' in a && a.edit !== undefined && /CT_39_2017/.test(a.title));
        assert.ok(fix, `a quick fix naming CT_39_2017 among: ${actions.map(a => a.title).join(' | ')}`);
        assert.ok(await vscode.workspace.applyEdit(fix.edit!));
        assert.match(editor.document.getText(), /căn cứ CT_39_2017\s*\n/);
        assert.doesNotMatch(editor.document.getText(), /CT_39_2017, CT_39_2017/);
        await waitFor('duplicate-basis to go', () => findings(uri, 'duplicate-basis').length === 0 ? true : undefined);
    });

    test('"planspec: Compile to JSON" writes the plan as JSON valid against the schema', async () => {
        await open('vinh-phuc/ke-hoach-ct39.plan');
        // Named by the plan's qualified id, as `planspec compile --out-dir` names it.
        const written = path.join(workspaceFolder().fsPath, 'vinh-phuc', 'VinhPhuc.KH_CT39.json');
        assert.equal(fs.existsSync(written), false);
        // Not awaited: the command ends when its "Open" notification is dismissed.
        void vscode.commands.executeCommand('planspec.compile');
        await waitFor('VinhPhuc.KH_CT39.json beside the plan', () => fs.existsSync(written) ? true : undefined, 30_000);
        const ajv = new Ajv2020({ allErrors: true, strict: true });
        addFormats.default(ajv);
        const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'plan.schema.json'), 'utf8')));
        const json = JSON.parse(fs.readFileSync(written, 'utf8')) as { id: string };
        assert.ok(validate(json), JSON.stringify(validate.errors));
        assert.equal(json.id, 'VinhPhuc.KH_CT39');
    });

    test('the preview opens beside the plan, titled by the plan the server read', async () => {
        await open('dong-nai/kh-7488.plan');
        await vscode.commands.executeCommand('planspec.openPreviewToSide');
        // The title names the plan once the server's preview model arrived (before: the file name).
        const tab = await waitFor('the preview tab', () => vscode.window.tabGroups.all.flatMap(g => g.tabs).find(t =>
            t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('planspec.preview') && t.label === 'Xem trước: KH_7488 / Preview'));
        assert.notEqual(tab.group.viewColumn, vscode.window.tabGroups.all.find(g => g.tabs.some(t =>
            t.input instanceof vscode.TabInputText && t.input.uri.path.endsWith('/dong-nai/kh-7488.plan')))?.viewColumn);
    });
});
