import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { DocumentLink, DocumentSymbol, FoldingRange, InitializeResult, SemanticTokens, WorkspaceSymbol } from 'vscode-languageserver';

/** The navigation features as an editor sees them: announced at `initialize`, answered over stdio, on examples/. */
describe('language server: outline, workspace symbols, links, folding, semantic tokens', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'planspec-nav-'));
    const child = spawn(process.execPath, [path.resolve('bin/planspec-language-server.js'), '--stdio']);
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const plan = { uri: pathToFileURL(path.join(folder, 'ca-mau', 'kh-qd634.plan')).href };
    let initialized: InitializeResult;

    beforeAll(async () => {
        fs.cpSync('examples', folder, { recursive: true });
        connection.listen();
        connection.onRequest('client/registerCapability', () => null);
        initialized = await connection.sendRequest('initialize', {
            processId: process.pid,
            rootUri: pathToFileURL(folder).href,
            workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'examples' }],
            capabilities: { textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } } },
        });
        await connection.sendNotification('initialized', {});
    });

    afterAll(() => {
        connection.dispose();
        child.kill();
        fs.rmSync(folder, { recursive: true, force: true });
    });

    test('initialize announces each provider, with the semantic token legend', () => {
        const capabilities = initialized.capabilities;
        expect(capabilities.documentSymbolProvider).toBeTruthy();
        expect(capabilities.workspaceSymbolProvider).toBeTruthy();
        expect(capabilities.documentLinkProvider).toBeTruthy();
        expect(capabilities.foldingRangeProvider).toBeTruthy();
        const legend = (capabilities.semanticTokensProvider as { legend: { tokenTypes: string[] } }).legend;
        expect(legend.tokenTypes).toEqual(expect.arrayContaining(['namespace', 'class', 'struct', 'type', 'property', 'variable', 'function', 'event', 'enumMember', 'number', 'keyword', 'operator']));
    });

    test('answers each request on a plan of the folder', async () => {
        const symbols: WorkspaceSymbol[] = await connection.sendRequest('workspace/symbol', { query: 'cong an tinh' });
        expect(symbols.slice(0, 4).map(s => s.name)).toEqual(['CA_TINH', 'CA_TINH', 'CA_TINH', 'CA_TINH']);
        const outline: DocumentSymbol[] = await connection.sendRequest('textDocument/documentSymbol', { textDocument: plan });
        const kh = outline.find(s => s.name === 'KH_QD634')!;
        expect(kh.children!.slice(0, 4).map(s => s.name)).toEqual(['I. MỤC ĐÍCH, YÊU CẦU', 'II. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU', 'III. PHÂN CÔNG NHIỆM VỤ', 'IV. TỔ CHỨC THỰC HIỆN']);
        const links: DocumentLink[] = await connection.sendRequest('textDocument/documentLink', { textDocument: plan });
        expect(links.some(l => l.target?.includes('quoc-gia/van-ban.plan#L'))).toBe(true);
        const folds: FoldingRange[] = await connection.sendRequest('textDocument/foldingRange', { textDocument: plan });
        expect(folds.some(f => f.kind === 'comment')).toBe(true);
        const tokens: SemanticTokens = await connection.sendRequest('textDocument/semanticTokens/full', { textDocument: plan });
        expect(tokens.data.length % 5).toBe(0);
        expect(tokens.data.length / 5).toBeGreaterThan(500);
    });
});
