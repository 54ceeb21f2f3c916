import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Diagnostic, DocumentSymbol, Hover, MarkupContent } from 'vscode-languageserver';
import { LspClient, positionAt } from './lsp-client.js';

/**
 * A burst of keystrokes through a real LSP client over stdio: the edits are built once the typing
 * pauses (one build, not one per keystroke), a hover meanwhile answers from the AST built before
 * the burst, a request that needs the new text gets it, and no finding is lost.
 */
const EXAMPLES = path.resolve('examples');
const CA_MAU = path.join(EXAMPLES, 'ca-mau', 'kh-qd634.plan');
const URI_CA_MAU = pathToFileURL(CA_MAU).href;
const planFiles = fs.readdirSync(EXAMPLES, { recursive: true, encoding: 'utf8' }).filter(f => f.endsWith('.plan')).map(f => path.join(EXAMPLES, f));
const original = fs.readFileSync(CA_MAU, 'utf8');
const commentLine = original.split('\n').findIndex(l => l.trimStart().startsWith('//'));

/** The first symbol, at any depth, below the comment line. */
const below = (symbols: DocumentSymbol[], line: number): DocumentSymbol | undefined => {
    for (const symbol of symbols) {
        if (symbol.range.start.line > line) {
            return symbol;
        }
        const child = below(symbol.children ?? [], line);
        if (child) {
            return child;
        }
    }
    return undefined;
};
const sortDiagnostics = (list: Diagnostic[]) => list.map(d => JSON.stringify([d.range, d.code, d.message])).sort();

describe('a typing burst in the language server', () => {
    const client = new LspClient();
    let version = 1;
    let lines = original.split('\n');
    const text = () => lines.join('\n');
    /** One keystroke at the end of the comment line, as an incremental change (typed, or deleted with `remove`). */
    const keystroke = (remove = false, typed = 'x') => {
        const end = lines[commentLine].length;
        const range = remove
            ? { start: { line: commentLine, character: end - typed.length }, end: { line: commentLine, character: end } }
            : { start: { line: commentLine, character: end }, end: { line: commentLine, character: end } };
        lines[commentLine] = remove ? lines[commentLine].slice(0, end - typed.length) : lines[commentLine] + typed;
        return client.connection.sendNotification('textDocument/didChange', {
            textDocument: { uri: URI_CA_MAU, version: ++version },
            contentChanges: [{ range, text: remove ? '' : typed }],
        });
    };
    const hoverAt = (offset: number) => client.request<Hover | null>('textDocument/hover', { textDocument: { uri: URI_CA_MAU }, position: positionAt(text(), offset) });
    let before: Diagnostic[];

    beforeAll(async () => {
        expect(commentLine).toBeGreaterThanOrEqual(0);
        await client.initialize(EXAMPLES, { textDocument: { hover: { contentFormat: ['markdown'] } } });
        await client.until(() => planFiles.every(f => client.diagnostics.has(pathToFileURL(f).href)), 'diagnostics of every example');
        await client.open(URI_CA_MAU, original, version);
        before = client.diagnostics.get(URI_CA_MAU)!;
    }, 120_000);

    afterAll(() => client.dispose());

    test('a burst is built once; a hover during it answers from the last build, at the right place in the new text', async () => {
        // Hover on a body id well after the edited comment line.
        const at = original.indexOf('CA_TINH', original.indexOf('\n', original.indexOf('//')) + 200);
        expect(at).toBeGreaterThan(0);
        const settled = await hoverAt(at + 2);
        expect((settled?.contents as MarkupContent).value).toContain('Công an tỉnh');

        const published = client.publications.get(URI_CA_MAU) ?? 0;
        // Vietnamese typed both composed and decomposed: offsets shift by its UTF-16 length.
        const typed = ['ệ', 'e\u0323\u0302', 'x'];
        for (let i = 0; i < 30; i++) {
            await keystroke(false, typed[i % 3]);
        }
        const shift = text().length - original.length;
        expect(shift).toBeGreaterThan(30);
        const during = await hoverAt(at + shift + 2);
        expect(during?.contents).toEqual(settled?.contents);
        // Its range is where CA_TINH is now, in the editor's text.
        expect(during?.range).toEqual({ start: positionAt(text(), at + shift), end: positionAt(text(), at + shift + 'CA_TINH'.length) });

        await client.until(() => (client.publications.get(URI_CA_MAU) ?? 0) > published, 'diagnostics after the burst');
        await new Promise(resolve => setTimeout(resolve, 500));
        // 30 keystrokes, one build (at most two if the client paused): not one per keystroke.
        expect((client.publications.get(URI_CA_MAU) ?? 0) - published).toBeLessThanOrEqual(2);
        // The hover after the build agrees with the one during the burst.
        expect(await hoverAt(at + shift + 2)).toEqual(during);
    }, 60_000);

    test('a hover inside the edited span waits for the build and describes the new text', async () => {
        // Replace the id under the cursor by another one.
        const at = text().indexOf('CA_TINH', text().indexOf('\n', text().indexOf('//')) + 200);
        const line = positionAt(text(), at).line;
        const character = positionAt(text(), at).character;
        const old = lines[line];
        lines[line] = old.slice(0, character) + 'SO_TC' + old.slice(character + 'CA_TINH'.length);
        await client.connection.sendNotification('textDocument/didChange', {
            textDocument: { uri: URI_CA_MAU, version: ++version },
            contentChanges: [{ range: { start: { line, character }, end: { line, character: character + 'CA_TINH'.length } }, text: 'SO_TC' }],
        });
        const hover = await hoverAt(at + 2);
        expect((hover?.contents as MarkupContent).value).toContain('Sở Tài chính');
        expect((hover?.contents as MarkupContent).value).not.toContain('Công an tỉnh');
        // Back to the plan as it was.
        lines[line] = old;
        await client.change(URI_CA_MAU, text(), ++version);
    }, 60_000);

    test('a request that needs the new text gets it at once, without waiting for the pause', async () => {
        const symbols = () => client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: URI_CA_MAU } });
        const first = below(await symbols(), commentLine)!;
        expect(first).toBeDefined();
        // A new line typed above every symbol: the symbols asked for right after it are one line lower.
        const end = lines[commentLine].length;
        await client.connection.sendNotification('textDocument/didChange', {
            textDocument: { uri: URI_CA_MAU, version: ++version },
            contentChanges: [{ range: { start: { line: commentLine, character: end }, end: { line: commentLine, character: end } }, text: '\n//' }],
        });
        const moved = below(await symbols(), commentLine + 1)!;
        expect(moved.name).toBe(first.name);
        expect(moved.range.start.line).toBe(first.range.start.line + 1);
        await client.connection.sendNotification('textDocument/didChange', {
            textDocument: { uri: URI_CA_MAU, version: ++version },
            contentChanges: [{ range: { start: { line: commentLine, character: end }, end: { line: commentLine + 1, character: 2 } }, text: '' }],
        });
        const back = below(await symbols(), commentLine)!;
        expect(back.range).toEqual(first.range);
    }, 60_000);

    test('after typing and deleting the same characters, the findings are those of the original text', async () => {
        // The file is back to its original text once every keystroke is deleted.
        const published = client.publications.get(URI_CA_MAU) ?? 0;
        const typed = text().split('\n')[commentLine].slice(original.split('\n')[commentLine].length);
        for (const ch of [...typed].reverse()) {
            await keystroke(true, ch);
        }
        expect(text()).toBe(original);
        await client.until(() => (client.publications.get(URI_CA_MAU) ?? 0) > published, 'diagnostics after deleting');
        await new Promise(resolve => setTimeout(resolve, 500));
        expect(sortDiagnostics(client.diagnostics.get(URI_CA_MAU)!)).toEqual(sortDiagnostics(before));
        expect(before.length).toBeGreaterThan(0);
    }, 60_000);
});
