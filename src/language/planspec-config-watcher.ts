import type { LangiumSharedServices } from 'langium/lsp';
import { DocumentState, URI } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { PlanspecConfigProvider } from '../config/config.js';
import { ConfigError } from '../config/config.js';
import type { WorkspaceRoots } from '../workspace/roots.js';

/** What the watcher needs of the language services. */
export interface ConfigWatcherServices {
    config: { ConfigProvider: PlanspecConfigProvider };
    workspace: { Roots: WorkspaceRoots };
}

/**
 * In the language server: re-checks every plan when a configuration file (planspec.config.json or
 * a JSON file it extends) changes, and shows the problems of a broken configuration on that file.
 * Plans under a broken configuration are checked with the recommended settings meanwhile.
 */
export class ConfigWatcher {
    /** Configuration files that had problems at the last publication, to clear them once fixed. */
    protected readonly published = new Set<string>();

    constructor(protected readonly services: ConfigWatcherServices, protected readonly shared: LangiumSharedServices) {
        shared.lsp.DocumentUpdateHandler.onWatchedFilesChange(params => {
            if (params.changes.some(change => change.uri.endsWith('.json'))) {
                void this.reload();
            }
        });
        shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => this.publish());
    }

    protected async reload(): Promise<void> {
        const { ConfigProvider } = this.services.config;
        ConfigProvider.clear();
        // A configuration file created or removed moves workspace roots, so names are resolved again.
        this.services.workspace.Roots.clear();
        await this.shared.workspace.WorkspaceLock.write(async token => {
            for (const document of this.shared.workspace.LangiumDocuments.all) {
                this.shared.workspace.DocumentBuilder.resetToState(document, DocumentState.ComputedScopes);
            }
            await this.shared.workspace.DocumentBuilder.update([], [], token);
        });
    }

    protected publish(): void {
        const connection = this.shared.lsp.Connection;
        if (!connection) {
            return;
        }
        const problemsByFile = new Map<string, Diagnostic[]>();
        for (const document of this.shared.workspace.LangiumDocuments.all) {
            const settings = this.services.config.ConfigProvider.tryGetRuleSettings(document.uri);
            if (!(settings instanceof ConfigError)) {
                continue;
            }
            for (const problem of settings.problems) {
                const uri = URI.file(problem.file).toString();
                const list = problemsByFile.get(uri) ?? [];
                if (!list.some(d => d.message === problem.message && d.range.start.line === problem.line - 1)) {
                    list.push({
                        range: { start: { line: problem.line - 1, character: problem.column - 1 }, end: { line: problem.line - 1, character: problem.column - 1 } },
                        severity: DiagnosticSeverity.Error,
                        source: 'planspec',
                        code: 'config',
                        message: problem.message,
                    });
                }
                problemsByFile.set(uri, list);
            }
        }
        for (const uri of this.published) {
            if (!problemsByFile.has(uri)) {
                void connection.sendDiagnostics({ uri, diagnostics: [] });
            }
        }
        this.published.clear();
        for (const [uri, diagnostics] of problemsByFile) {
            void connection.sendDiagnostics({ uri, diagnostics });
            this.published.add(uri);
        }
    }
}
