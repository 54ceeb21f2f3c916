/**
 * A status bar item with the planspec errors and warnings of the whole workspace; a click opens the
 * Problems panel. Shown while the workspace holds a .plan file (or one is open).
 */
import * as vscode from 'vscode';
import type { Feature } from './feature.js';
import { countDiagnostics, LANGUAGE_ID, statusText, statusTooltip } from './strings.js';

export const registerStatusBar: Feature = context => {
    const item = vscode.window.createStatusBarItem('planspec.problems', vscode.StatusBarAlignment.Left, 10);
    item.name = 'planspec';
    item.command = 'workbench.actions.view.problems';
    let hasPlans = false;
    const update = () => {
        const counts = countDiagnostics(vscode.languages.getDiagnostics());
        item.text = statusText(counts);
        item.tooltip = statusTooltip(counts);
        const planOpen = vscode.workspace.textDocuments.some(d => d.languageId === LANGUAGE_ID);
        if (hasPlans || planOpen) {
            item.show();
        } else {
            item.hide();
        }
    };
    const lookForPlans = async () => {
        hasPlans = (await vscode.workspace.findFiles('**/*.plan', '**/node_modules/**', 1)).length > 0;
        update();
    };
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.plan', false, true, false);
    context.subscriptions.push(
        item,
        watcher,
        watcher.onDidCreate(() => { hasPlans = true; update(); }),
        watcher.onDidDelete(() => void lookForPlans()),
        vscode.workspace.onDidChangeWorkspaceFolders(() => void lookForPlans()),
        vscode.languages.onDidChangeDiagnostics(update),
        vscode.workspace.onDidOpenTextDocument(update),
        vscode.workspace.onDidCloseTextDocument(update),
    );
    void lookForPlans();
};
