import type { LangiumSharedServices } from 'langium/lsp';
import { DocumentState, URI } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { PlanspecConfigProvider } from '../config/config.js';
import { ConfigError } from '../config/config.js';
import { findRule } from '../linter/registry.js';
import type { Severity } from '../linter/rule.js';
import type { WorkspaceRoots } from '../workspace/roots.js';

/** The section of the editor's settings that planspec reads (`planspec.rules`, …). */
export const SETTINGS_SECTION = 'planspec';

/**
 * The rule severities of a `planspec.rules` setting, sorted by rule id; entries naming an unknown
 * rule or severity are left out and listed in `ignored`.
 */
export function ruleSeverities(value: unknown): { severities: Record<string, Severity>; ignored: string[] } {
    const severities: Record<string, Severity> = {};
    const ignored: string[] = [];
    if (value && typeof value === 'object' && !Array.isArray(value)) {
        for (const [id, severity] of Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
            if (findRule(id) && typeof severity === 'string' && SEVERITIES.includes(severity)) {
                severities[id] = severity as Severity;
            } else {
                ignored.push(`${id}: ${JSON.stringify(severity)}`);
            }
        }
    }
    return { severities, ignored };
}

const SEVERITIES: readonly string[] = ['off', 'info', 'warning', 'error'];

/** What the watcher needs of the language services. */
export interface ConfigWatcherServices {
    config: { ConfigProvider: PlanspecConfigProvider };
    workspace: { Roots: WorkspaceRoots };
}

/**
 * In the language server: re-checks every plan when a configuration file (planspec.config.json or
 * a JSON file it extends) changes, and shows the problems of a broken configuration on that file.
 * Plans under a broken configuration are checked with the recommended settings meanwhile. Also
 * applies the editor's `planspec.rules` setting on top of the files.
 */
export class ConfigWatcher {
    /** Configuration files that had problems at the last publication, to clear them once fixed. */
    protected readonly published = new Set<string>();

    constructor(protected readonly services: ConfigWatcherServices, protected readonly shared: LangiumSharedServices) {
        shared.lsp.DocumentUpdateHandler.onWatchedFilesChange(params => {
            const { ConfigProvider } = this.services.config;
            if (params.changes.some(change => change.uri.endsWith('.json') && ConfigProvider.affectsSettings(URI.parse(change.uri).fsPath))) {
                void this.reload();
            }
        });
        shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => this.publish());
        // The editor's `planspec.rules` setting overrides the files' severities, like `--rule`.
        const configuration = shared.workspace.ConfigurationProvider;
        configuration.onConfigurationSectionUpdate(update => {
            if (update.section === SETTINGS_SECTION) {
                void this.applySettings(update.configuration);
            }
        });
        void configuration.ready
            .then(() => configuration.getConfiguration(SETTINGS_SECTION, 'rules'))
            .then(rules => this.applySettings({ rules }));
    }

    /** Applies the `planspec` settings section; re-checks every plan when the rule severities changed. */
    protected async applySettings(section: unknown): Promise<void> {
        const rules = section && typeof section === 'object' ? (section as { rules?: unknown }).rules : undefined;
        const { severities, ignored } = ruleSeverities(rules);
        if (ignored.length > 0) {
            this.shared.lsp.Connection?.console.warn(`planspec.rules: bỏ qua / ignored: ${ignored.join(', ')}`);
        }
        const { ConfigProvider } = this.services.config;
        if (JSON.stringify(ConfigProvider.currentOverrides().rules ?? {}) === JSON.stringify(severities)) {
            return;
        }
        ConfigProvider.setOverrides({ ...ConfigProvider.currentOverrides(), rules: severities });
        await this.reload();
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
