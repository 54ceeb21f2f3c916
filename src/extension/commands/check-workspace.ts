/**
 * `planspec.checkWorkspace`: the server checks every .plan of the workspace again (also those no
 * editor has open, re-read from disk), so the Problems panel lists every finding; then the counts.
 */
import * as vscode from 'vscode';
import type { CheckWorkspaceResult } from '../../ide/requests.js';
import { CHECK_WORKSPACE_REQUEST } from '../../ide/requests.js';
import type { Feature } from '../feature.js';
import { guarded } from '../guard.js';
import { checkedMessage } from '../strings.js';

export const registerCheckWorkspace: Feature = (context, client) => {
    context.subscriptions.push(vscode.commands.registerCommand('planspec.checkWorkspace', guarded('kiểm tra / check', async () => {
        const result = await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Notification, title: 'planspec: đang kiểm tra không gian làm việc / checking the workspace', cancellable: true },
            (_progress, token) => client.sendRequest<CheckWorkspaceResult>(CHECK_WORKSPACE_REQUEST, {}, token));
        if (result.errors + result.warnings > 0) {
            await vscode.commands.executeCommand('workbench.actions.view.problems');
        }
        const message = checkedMessage(result);
        void (result.errors > 0 ? vscode.window.showWarningMessage(message) : vscode.window.showInformationMessage(message));
    })));
};
