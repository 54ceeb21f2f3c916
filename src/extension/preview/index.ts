/**
 * The plan preview: `planspec.openPreview` (in the active editor's column) and
 * `planspec.openPreviewToSide` (beside it), on the active plan or on the file given (explorer and
 * editor-title menus pass its URI).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Feature } from '../feature.js';
import { PreviewPanel } from './panel.js';

export const registerPreview: Feature = (context, client) => {
    context.subscriptions.push(
        vscode.commands.registerCommand('planspec.openPreview', (uri?: unknown) => openPreview(client, uri, false)),
        vscode.commands.registerCommand('planspec.openPreviewToSide', (uri?: unknown) => openPreview(client, uri, true)),
        { dispose: () => PreviewPanel.disposeAll() },
    );
};

async function openPreview(client: LanguageClient, uri: unknown, toSide: boolean): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const target = uri instanceof vscode.Uri ? uri : editor?.document.uri;
    if (!target) {
        void vscode.window.showInformationMessage('Hãy mở một tệp .plan để xem trước / Open a .plan file to preview it');
        return;
    }
    const document = await vscode.workspace.openTextDocument(target);
    if (document.languageId !== 'planspec' && !target.path.endsWith('.plan')) {
        void vscode.window.showInformationMessage('Chỉ xem trước được tệp .plan / Only .plan files can be previewed');
        return;
    }
    const column = toSide ? vscode.ViewColumn.Beside : editor?.viewColumn ?? vscode.ViewColumn.Active;
    PreviewPanel.show(client, document, column, toSide);
}
