/**
 * `planspec/checkWorkspace`: checks every `.plan` of the workspace folders again, the files no editor
 * has open too, re-reading them from disk (a file created, changed or deleted outside the editor
 * counts), so the Problems panel lists every finding; answers with the counts.
 */
import * as fs from 'node:fs';
import { DocumentState, URI } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { ConfigError } from '../config/config.js';
import type { CheckWorkspaceResult } from './requests.js';
import type { IdeServices } from './services.js';

export { CHECK_WORKSPACE_REQUEST } from './requests.js';

export async function checkWorkspaceRequest(services: IdeServices, token?: CancellationToken): Promise<CheckWorkspaceResult> {
    const { workspace } = services.shared;
    await workspace.WorkspaceManager.ready;
    await workspace.WorkspaceLock.write(async cancel => {
        const folders = workspace.WorkspaceManager.workspaceFolders ?? [];
        const onDisk = (await Promise.all(folders.map(folder => workspace.WorkspaceManager.searchFolder(URI.parse(folder.uri))))).flat();
        // An open editor's text wins over the disk: only the others are re-read.
        const isOpen = (uri: URI) => workspace.TextDocuments.get(uri.toString()) !== undefined;
        const deleted = workspace.LangiumDocuments.all
            .filter(d => d.uri.scheme === 'file' && !isOpen(d.uri) && !fs.existsSync(d.uri.fsPath))
            .map(d => d.uri).toArray();
        // Configuration files may have changed unseen as well.
        services.config.ConfigProvider.clear();
        services.workspace.Roots.clear();
        for (const document of workspace.LangiumDocuments.all) {
            workspace.DocumentBuilder.resetToState(document, DocumentState.ComputedScopes);
        }
        await workspace.DocumentBuilder.update(onDisk.filter(uri => !isOpen(uri)), deleted, cancel);
    });
    // Typing during the check cancels it; the rebuild that follows finishes the work.
    await workspace.DocumentBuilder.waitUntil(DocumentState.Validated, token);
    return workspace.WorkspaceLock.read(() => {
        const result: CheckWorkspaceResult = { files: 0, errors: 0, warnings: 0, infos: 0 };
        // A broken configuration is shown on its file, once however many plans it governs.
        const configProblems = new Set<string>();
        for (const document of workspace.LangiumDocuments.all) {
            result.files++;
            const settings = services.config.ConfigProvider.tryGetRuleSettings(document.uri);
            if (settings instanceof ConfigError) {
                settings.problems.forEach(p => configProblems.add(`${p.file}:${p.line}:${p.column}:${p.message}`));
            }
            for (const diagnostic of document.diagnostics ?? []) {
                if (diagnostic.severity === 1) result.errors++;
                else if (diagnostic.severity === 2) result.warnings++;
                else result.infos++;
            }
        }
        result.errors += configProblems.size;
        return result;
    });
}
