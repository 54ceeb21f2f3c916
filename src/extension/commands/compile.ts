/**
 * `planspec.compile`: compiles the active plan (or the .plan chosen in the explorer) through the
 * server's `planspec/compile`, which refuses a plan with errors as `planspec compile` does, and
 * writes `<plan-id>.json` beside the plan or into `planspec.compile.outputFolder`, each file
 * through a temporary file renamed into place.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { CompileResult } from '../../ide/requests.js';
import { COMPILE_REQUEST } from '../../ide/requests.js';
import type { Feature } from '../feature.js';
import { guarded } from '../guard.js';
import { compiledMessage, LANGUAGE_ID, notCompiledMessage, outputFolderOf, temporaryName } from '../strings.js';

export const registerCompile: Feature = (context, client) => {
    context.subscriptions.push(vscode.commands.registerCommand('planspec.compile',
        guarded('biên dịch / compile', (resource?: unknown) => compile(client, resource))));
};

async function compile(client: LanguageClient, resource: unknown): Promise<void> {
    const uri = resource instanceof vscode.Uri ? resource : vscode.window.activeTextEditor?.document.uri;
    const document = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri?.toString());
    if (!uri || !(uri.path.toLowerCase().endsWith('.plan') || document?.languageId === LANGUAGE_ID)) {
        void vscode.window.showWarningMessage('planspec: hãy mở hoặc chọn một tệp .plan / open or select a .plan file');
        return;
    }
    if (uri.scheme !== 'file') {
        void vscode.window.showWarningMessage('planspec: hãy lưu kế hoạch vào một tệp trước khi biên dịch / save the plan to a file before compiling it');
        return;
    }
    const outputFolder = outputFolderFor(uri);
    const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: 'planspec: đang biên dịch / compiling' },
        () => client.sendRequest<CompileResult>(COMPILE_REQUEST, { uri: uri.toString(), outputFolder: outputFolder?.toString() }));
    if (result.errors.length > 0) {
        const first = result.errors[0];
        const where = `${vscode.workspace.asRelativePath(vscode.Uri.parse(first.uri))}:${first.range.start.line + 1}:${first.range.start.character + 1}`;
        await vscode.commands.executeCommand('workbench.actions.view.problems');
        void vscode.window.showErrorMessage(notCompiledMessage(result.errors, where));
        return;
    }
    if (result.refusal !== undefined || result.files.length === 0) {
        void vscode.window.showErrorMessage(`planspec: ${result.refusal ?? 'không có gì để biên dịch / nothing to compile'}`);
        return;
    }
    const written: vscode.Uri[] = [];
    try {
        for (const file of result.files) {
            const target = vscode.Uri.parse(file.uri);
            await writeAtomically(target, file.content);
            written.push(target);
        }
    } catch (error) {
        void vscode.window.showErrorMessage(`planspec: không ghi được tệp / cannot write the file: ${error instanceof Error ? error.message : String(error)}`);
        return;
    }
    const open = 'Mở / Open';
    const choice = await vscode.window.showInformationMessage(compiledMessage(written.map(u => vscode.workspace.asRelativePath(u))), open);
    if (choice === open) {
        for (const target of written) {
            await vscode.window.showTextDocument(target, { preview: written.length === 1 });
        }
    }
}

/**
 * `planspec.compile.outputFolder`, relative to the plan's workspace folder (its own folder outside
 * any). In an untrusted workspace only the user's value counts: a workspace cannot make compiling
 * write elsewhere.
 */
function outputFolderFor(plan: vscode.Uri): vscode.Uri | undefined {
    const configuration = vscode.workspace.getConfiguration('planspec', plan);
    const setting = vscode.workspace.isTrusted
        ? configuration.get<string>('compile.outputFolder')
        : configuration.inspect<string>('compile.outputFolder')?.globalValue;
    const folder = outputFolderOf(setting);
    if (!folder) {
        return undefined;
    }
    if ('absolute' in folder) {
        return vscode.Uri.file(folder.absolute);
    }
    const base = vscode.workspace.getWorkspaceFolder(plan)?.uri ?? vscode.Uri.joinPath(plan, '..');
    return vscode.Uri.joinPath(base, ...folder.relative);
}

/** Writes a file through a temporary file in the same folder, renamed over the target: never half-written. */
async function writeAtomically(target: vscode.Uri, content: string): Promise<void> {
    const folder = vscode.Uri.joinPath(target, '..');
    await vscode.workspace.fs.createDirectory(folder);
    const name = target.path.slice(target.path.lastIndexOf('/') + 1);
    const temporary = vscode.Uri.joinPath(folder, temporaryName(name, randomBytes(12).toString('hex')));
    try {
        await vscode.workspace.fs.writeFile(temporary, new TextEncoder().encode(content));
        await vscode.workspace.fs.rename(temporary, target, { overwrite: true });
    } catch (error) {
        await Promise.resolve(vscode.workspace.fs.delete(temporary)).catch(() => undefined);
        throw error;
    }
}
