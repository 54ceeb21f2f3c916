/**
 * `planspec.importPlan`: asks for a Word or text file (or takes the one chosen in the explorer), has
 * the server import it (`planspec/import`: Word read by docxToText, then the importer, against the
 * workspace of the file or else of the first folder), and opens the original text with the draft
 * beside it. The draft is untitled, named after the source in its folder, so that saving proposes it.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ImportResponse } from '../../ide/requests.js';
import { IMPORT_REQUEST } from '../../ide/requests.js';
import type { Feature } from '../feature.js';
import { guarded } from '../guard.js';
import { baseName, draftNames, IMPORT_FILTERS, importedMessage, isWordFile, MAX_IMPORT_BYTES, tooLargeMessage } from '../importing.js';
import { LANGUAGE_ID } from '../strings.js';

export const registerImportPlan: Feature = (context, client) => {
    context.subscriptions.push(vscode.commands.registerCommand('planspec.importPlan',
        guarded('nhập kế hoạch / import a plan', (resource?: unknown) => importPlan(client, resource))));
};

async function importPlan(client: LanguageClient, resource: unknown): Promise<void> {
    let source = resource instanceof vscode.Uri ? resource : undefined;
    if (!source) {
        const picked = await vscode.window.showOpenDialog({
            canSelectFiles: true, canSelectFolders: false, canSelectMany: false,
            filters: IMPORT_FILTERS,
            openLabel: 'Nhập / Import',
            title: 'Nhập kế hoạch từ tệp Word hoặc văn bản / Import a plan from a Word or text file',
            defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
        });
        source = picked?.[0];
        if (!source) return;
    }
    const fileName = baseName(source.path);
    const { size } = await vscode.workspace.fs.stat(source);
    if (size > MAX_IMPORT_BYTES) {
        void vscode.window.showErrorMessage(tooLargeMessage(size));
        return;
    }
    const bytes = await vscode.workspace.fs.readFile(source);
    // Names resolve against the source's own workspace, else the first open one.
    const inWorkspace = vscode.workspace.getWorkspaceFolder(source) !== undefined;
    const folder = inWorkspace ? vscode.Uri.joinPath(source, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
    const anchor = inWorkspace ? source : folder;
    const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `planspec: đang nhập / importing ${fileName}` },
        () => client.sendRequest<ImportResponse>(IMPORT_REQUEST, {
            fileName, data: Buffer.from(bytes).toString('base64'), workspace: anchor?.toString(),
        }));
    if (result.refusal !== undefined) {
        void vscode.window.showErrorMessage(`planspec: ${result.refusal}`);
        return;
    }
    const original = isWordFile(fileName)
        ? await vscode.workspace.openTextDocument({ language: 'plaintext', content: result.source })
        : await vscode.workspace.openTextDocument(source);
    const originalEditor = await vscode.window.showTextDocument(original, { preview: false });
    const beside = (originalEditor.viewColumn ?? vscode.ViewColumn.One) + 1;
    const names = draftNames(fileName);
    if (result.registry) {
        const registry = await untitled(folder, names.registry, result.registry);
        await vscode.window.showTextDocument(registry, { viewColumn: beside, preview: false, preserveFocus: true });
    }
    const draft = await untitled(folder, names.plan, result.plan);
    const draftEditor = await vscode.window.showTextDocument(draft, { viewColumn: beside, preview: false });
    const first = result.notes[0];
    if (first) {
        const at = new vscode.Position(Math.max(0, first.line - 1), 0);
        draftEditor.selection = new vscode.Selection(at, at);
        draftEditor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenter);
    }
    void vscode.window.showInformationMessage(importedMessage(fileName, result.notes.length, result.registry !== undefined));
}

/**
 * An untitled planspec document holding `content`: named `name` in `folder` when there is one (saving
 * then proposes that path), otherwise VS Code's own "Untitled-n".
 */
async function untitled(folder: vscode.Uri | undefined, name: string, content: string): Promise<vscode.TextDocument> {
    if (!folder) {
        return vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content });
    }
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, name).with({ scheme: 'untitled' }));
    // Imported twice: the document is already open; its text is replaced, not appended to.
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), content);
    await vscode.workspace.applyEdit(edit);
    return document.languageId === LANGUAGE_ID ? document : vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
}
