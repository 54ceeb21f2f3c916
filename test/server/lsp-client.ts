import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';

/**
 * The language server as an editor drives it: `planspec-language-server --stdio` in a child process,
 * a JSON-RPC connection, and the latest diagnostics published for each URI.
 */
export class LspClient {
    readonly connection: MessageConnection;
    readonly diagnostics = new Map<string, Diagnostic[]>();
    /** How many times diagnostics were published for each URI. */
    readonly publications = new Map<string, number>();
    /** The document version the latest diagnostics of each URI are for, when the server says. */
    readonly versions = new Map<string, number>();
    private readonly child;
    private readonly waiters: Array<() => void> = [];

    /** `server`: the script to run, the installed binary unless given (e.g. the extension's bundle). */
    constructor(server = path.resolve('bin/planspec-language-server.js'), env: NodeJS.ProcessEnv = process.env) {
        this.child = spawn(process.execPath, [server, '--stdio'], { env });
        this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
        this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
            this.diagnostics.set(params.uri, params.diagnostics);
            if (params.version !== undefined) {
                this.versions.set(params.uri, params.version);
            }
            this.publications.set(params.uri, (this.publications.get(params.uri) ?? 0) + 1);
            this.waiters.splice(0).forEach(wake => wake());
        });
        this.connection.onRequest('client/registerCapability', () => null);
        this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
        this.connection.listen();
    }

    /** `initialize` and `initialized` for one workspace folder; returns the server's capabilities. */
    async initialize(folder: string, capabilities: object = {}): Promise<Record<string, unknown>> {
        const result = await this.connection.sendRequest('initialize', {
            processId: process.pid,
            rootUri: pathToFileURL(folder).href,
            workspaceFolders: [{ uri: pathToFileURL(folder).href, name: path.basename(folder) }],
            capabilities,
        }) as { capabilities: Record<string, unknown> };
        await this.connection.sendNotification('initialized', {});
        return result.capabilities;
    }

    async until(predicate: () => boolean, what: string, timeout = 90_000): Promise<void> {
        const deadline = Date.now() + timeout;
        while (!predicate()) {
            if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; have diagnostics for ${[...this.diagnostics.keys()].join(', ')}`);
            await new Promise<void>(resolve => { this.waiters.push(resolve); setTimeout(resolve, 200); });
        }
    }

    request<R>(method: string, params: object): Promise<R> {
        return this.connection.sendRequest(method, params) as Promise<R>;
    }

    async open(uri: string, text: string, version = 1): Promise<void> {
        const before = this.publications.get(uri) ?? 0;
        await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'planspec', version, text } });
        await this.until(() => this.publishedFor(uri, before, version), `diagnostics of ${uri} after opening it`);
    }

    async change(uri: string, text: string, version: number): Promise<void> {
        const before = this.publications.get(uri) ?? 0;
        await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
        await this.until(() => this.publishedFor(uri, before, version), `diagnostics of ${uri} after a change`);
    }

    /** Whether diagnostics came for the text of `version` (a later publication, of that version when the server says). */
    private publishedFor(uri: string, before: number, version: number): boolean {
        return (this.publications.get(uri) ?? 0) > before && (this.versions.get(uri) ?? version) >= version;
    }

    dispose(): void {
        this.connection.dispose();
        this.child.kill();
    }
}

/** The position of an offset in a text, as LSP counts it (UTF-16 code units per line). */
export function positionAt(text: string, offset: number): { line: number; character: number } {
    const before = text.slice(0, offset).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
}

/** Applies LSP text edits to a text (edits do not overlap, as the protocol requires). */
export function applyEdits(text: string, edits: Array<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }>): string {
    const lineStarts = [0];
    for (let i = 0; i < text.length; i++) {
        if (text[i] === '\n') lineStarts.push(i + 1);
    }
    const offset = (p: { line: number; character: number }) => Math.min(text.length, (lineStarts[p.line] ?? text.length) + p.character);
    return [...edits]
        .sort((a, b) => offset(b.range.start) - offset(a.range.start))
        .reduce((result, edit) => result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end)), text);
}
