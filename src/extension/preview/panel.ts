/**
 * The preview panel: one webview per plan file, following its edits (debounced), asking the language
 * server for the model (`planspec/preview`) and revealing in the editor what is clicked in the page.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { PreviewModel, SourceRange } from '../../ide/preview-json.js';
import { PREVIEW_REQUEST } from '../../ide/preview-json.js';
import { renderContent, renderMessage, renderPreview } from './render.js';

export const PREVIEW_VIEW_TYPE = 'planspec.preview';

/** Wait this long after the last keystroke before asking for a new model. */
const DEBOUNCE_MS = 300;

export class PreviewPanel implements vscode.Disposable {
    private static readonly panels = new Map<string, PreviewPanel>();

    /** Shows the preview of a document, reusing its panel when one is open. */
    static show(client: LanguageClient, document: vscode.TextDocument, column: vscode.ViewColumn, preserveFocus: boolean): PreviewPanel {
        const key = document.uri.toString();
        const open = PreviewPanel.panels.get(key);
        if (open) {
            open.panel.reveal(column, preserveFocus);
            return open;
        }
        const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, panelTitle(undefined, document.uri), { viewColumn: column, preserveFocus }, {
            enableScripts: true,
            enableFindWidget: true,
            // The page loads nothing: no local resource either.
            localResourceRoots: [],
            retainContextWhenHidden: false,
        });
        const preview = new PreviewPanel(panel, client, document.uri, vscode.window.activeTextEditor?.viewColumn);
        PreviewPanel.panels.set(key, preview);
        return preview;
    }

    static disposeAll(): void {
        for (const panel of [...PreviewPanel.panels.values()]) {
            panel.panel.dispose();
        }
    }

    private readonly disposables: vscode.Disposable[] = [];
    private model: PreviewModel | undefined;
    /** The page shown is older than the model (updates were posted, or dropped while hidden). */
    private pageStale = false;
    private timer: ReturnType<typeof setTimeout> | undefined;
    /** Only the answer to the latest request is shown. */
    private sequence = 0;
    private disposed = false;

    private constructor(private readonly panel: vscode.WebviewPanel, private readonly client: LanguageClient, private readonly uri: vscode.Uri,
        private readonly sourceColumn: vscode.ViewColumn | undefined) {
        panel.webview.html = renderMessage('Đang tải… / Loading…', 'Đang chờ máy chủ ngôn ngữ / Waiting for the language server', this.options());
        this.disposables.push(
            vscode.workspace.onDidChangeTextDocument(e => {
                // A registry edit renames bodies and documents the plan names: previewed plans follow it too.
                if (e.contentChanges.length > 0 && (e.document.uri.toString() === this.uri.toString() || e.document.languageId === 'planspec')) {
                    this.schedule();
                }
            }),
            panel.webview.onDidReceiveMessage(message => this.onMessage(message)),
            panel.onDidDispose(() => this.dispose()),
        );
        void this.refresh();
    }

    dispose(): void {
        if (this.disposed) {
            return;
        }
        this.disposed = true;
        clearTimeout(this.timer);
        PreviewPanel.panels.delete(this.uri.toString());
        for (const d of this.disposables.splice(0)) {
            d.dispose();
        }
    }

    private schedule(): void {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.refresh(), DEBOUNCE_MS);
    }

    private async refresh(): Promise<void> {
        const mine = ++this.sequence;
        let model: PreviewModel;
        try {
            model = await this.client.sendRequest<PreviewModel>(PREVIEW_REQUEST, { uri: this.uri.toString() });
        } catch (e) {
            if (mine === this.sequence && !this.disposed && !this.model) {
                const reason = e instanceof Error ? e.message : String(e);
                this.panel.webview.html = renderMessage('Không xem trước được / No preview', `Máy chủ ngôn ngữ không trả lời / The language server did not answer: ${reason}`, this.options());
            }
            return;
        }
        if (mine !== this.sequence || this.disposed) {
            return;
        }
        const first = this.model === undefined;
        this.model = model;
        this.panel.title = panelTitle(model, this.uri);
        if (first || !this.panel.visible) {
            // A hidden webview drops messages: it gets the whole page when shown again.
            this.panel.webview.html = renderPreview(model, this.options());
            this.pageStale = false;
        } else {
            void this.panel.webview.postMessage({ type: 'update', html: renderContent(model), title: this.panel.title });
            // The page was updated in place; if VS Code reloads it (hidden, then shown), it asks again.
            this.pageStale = true;
        }
    }

    private onMessage(message: unknown): void {
        const m = message as { type?: unknown; range?: unknown } | undefined;
        if (m?.type === 'ready' && this.pageStale && this.model) {
            void this.panel.webview.postMessage({ type: 'update', html: renderContent(this.model), title: this.panel.title });
        } else if (m?.type === 'reveal' && isRange(m.range)) {
            void this.reveal(m.range);
        }
    }

    private async reveal(range: SourceRange): Promise<void> {
        const document = await vscode.workspace.openTextDocument(this.uri);
        const selection = document.validateRange(new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character));
        const visible = vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === this.uri.toString());
        // Never cover the preview with its own source.
        const column = visible?.viewColumn
            ?? (this.sourceColumn !== undefined && this.sourceColumn !== this.panel.viewColumn ? this.sourceColumn : vscode.ViewColumn.Beside);
        const editor = await vscode.window.showTextDocument(document, { viewColumn: column, preserveFocus: false, selection });
        editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }

    private options(): { nonce: string; cspSource: string } {
        return { nonce: randomBytes(18).toString('base64'), cspSource: this.panel.webview.cspSource };
    }
}

/** "Xem trước: KH_7488 / Preview", with the file's name until the plan is known. */
export function panelTitle(model: PreviewModel | undefined, uri: vscode.Uri): string {
    const ids = model && model.plans.length > 0 ? model.plans.map(p => p.id.split('.').pop() ?? p.id).join(', ') : uri.path.split('/').pop() ?? '';
    return `Xem trước: ${ids} / Preview`;
}

function isRange(value: unknown): value is SourceRange {
    const r = value as SourceRange | undefined;
    const position = (p: unknown) => {
        const q = p as { line?: unknown; character?: unknown } | undefined;
        return Number.isInteger(q?.line) && Number.isInteger(q?.character) && (q!.line as number) >= 0 && (q!.character as number) >= 0;
    };
    return !!r && position(r.start) && position(r.end);
}
