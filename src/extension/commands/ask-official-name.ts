/**
 * `planspec.askOfficialName`: run by the quick fix that declares a missing body or document in the
 * registry. Asks for the official name (or title) and writes it over the placeholder; the file is
 * left unsaved, like any edit.
 */
import * as vscode from 'vscode';
import type { Feature } from '../feature.js';
import { isAskOfficialNameArgs, officialNameLiteral, placeholderColumns, prompt, validateOfficialName } from '../official-name.js';

export const registerAskOfficialName: Feature = context => {
    context.subscriptions.push(vscode.commands.registerCommand('planspec.askOfficialName', async (args?: unknown) => {
        if (!isAskOfficialNameArgs(args)) {
            void vscode.window.showWarningMessage('planspec: lệnh này chạy từ bản sửa nhanh khai báo cơ quan hoặc văn bản / this command runs from the quick fix that declares a body or document');
            return;
        }
        const name = await vscode.window.showInputBox({
            title: 'planspec',
            prompt: prompt(args),
            ignoreFocusOut: true,
            validateInput: validateOfficialName,
        });
        if (name === undefined) {
            return; // dismissed: the placeholder stays, and unfilled-placeholder keeps reporting it
        }
        const uri = vscode.Uri.parse(args.uri);
        const document = await vscode.workspace.openTextDocument(uri);
        const line = args.range.start.line;
        const columns = line < document.lineCount ? placeholderColumns(document.lineAt(line).text, args.range) : undefined;
        if (!columns) {
            void vscode.window.showWarningMessage(`planspec: không còn thấy chỗ cần điền của ${args.id} / the placeholder of ${args.id} is no longer there`);
            return;
        }
        const edit = new vscode.WorkspaceEdit();
        edit.replace(uri, new vscode.Range(line, columns.start, line, columns.end), officialNameLiteral(name));
        await vscode.workspace.applyEdit(edit);
    }));
};
