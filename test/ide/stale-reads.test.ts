import { clearDocuments } from 'langium/test';
import { afterAll, describe, expect, test } from 'vitest';
import type { MarkupContent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { builtView } from '../../src/ide/stale-reads.js';
import { load, services } from '../helpers.js';

afterAll(async () => {
    await clearDocuments(services.shared);
});

const registry = `không gian tên VP
cơ quan UBND_TINH "Ủy ban nhân dân tỉnh Vĩnh Phúc" viết tắt "UBND tỉnh"
cơ quan CA_TINH "Công an tỉnh Vĩnh Phúc" viết tắt "Công an tỉnh" thuộc UBND_TINH
`;

const plan = `// Kế hoạch thử
kế hoạch KH "Kế hoạch phòng, chống tội phạm" {
    nhiệm vụ NV1 "Tăng cường tuần tra" {
        chủ trì CA_TINH
    }
}
`;

/** Offsets of the editor's text and of the built one where the same characters are. */
function offsetPosition(text: string, offset: number) {
    return TextDocument.create('file:///x', 'planspec', 0, text).positionAt(offset);
}

describe('reading the last built AST while the editor holds a newer text (NFC and NFD)', () => {
    for (const [form, normalize] of [['NFC', (t: string) => t.normalize('NFC')], ['NFD', (t: string) => t.normalize('NFD')]] as const) {
        test(`${form}: positions before and after the edited span move; inside it, none`, async () => {
            const source = normalize(plan);
            const loaded = await load({ 'main.plan': source, 'co-quan.plan': normalize(registry) });
            const document = loaded.main;
            // Vietnamese typed into the comment line, composed or decomposed as the form says.
            const typed = normalize(' — bản sửa đổi lần thứ nhất\n//');
            const at = source.indexOf('\n');
            const newer = source.slice(0, at) + typed + source.slice(at);
            const current = TextDocument.create(document.uri.toString(), 'planspec', 2, newer);
            const view = builtView(document, current)!;
            expect(view).toBeDefined();
            expect(view.document.textDocument.getText()).toBe(source);

            // Before the edit: the same place.
            expect(view.toBuilt({ line: 0, character: 3 })).toEqual({ line: 0, character: 3 });
            // Inside the typed words: nothing to read there in the built text.
            expect(view.toBuilt(offsetPosition(newer, at + 5))).toBeUndefined();
            // After it: CA_TINH in the newer text is CA_TINH in the built one, a line higher.
            const newOffset = newer.indexOf('CA_TINH');
            const built = view.toBuilt(offsetPosition(newer, newOffset + 2))!;
            expect(built).toEqual(offsetPosition(source, source.indexOf('CA_TINH') + 2));
            expect(built.line).toBe(offsetPosition(newer, newOffset).line - 1);

            // The hover read from the built AST, its range moved back into the newer text.
            const hover = await services.lsp.HoverProvider!.getHoverContent(view.document, { textDocument: { uri: document.uri.toString() }, position: built });
            expect((hover!.contents as MarkupContent).value.normalize('NFC')).toContain('Công an tỉnh Vĩnh Phúc');
            expect(view.toCurrent(hover!.range!)).toEqual({ start: offsetPosition(newer, newOffset), end: offsetPosition(newer, newOffset + 'CA_TINH'.length) });
            // A range across the edited span has no place in the newer text.
            expect(view.toCurrent({ start: { line: 0, character: 0 }, end: { line: 1, character: 0 } })).toBeUndefined();
        });
    }

    test('NFC and NFD: the built text\'s lines and offsets are those of the built text, whatever the edit', async () => {
        for (const normalize of [(t: string) => t.normalize('NFC'), (t: string) => t.normalize('NFD')]) {
            const source = normalize(plan);
            const loaded = await load({ 'main.plan': source, 'co-quan.plan': normalize(registry) });
            const edits: Array<[number, number, string]> = [
                [0, 0, normalize('// Ghi chú đầu tệp\n')],
                [source.indexOf('\n'), source.indexOf('\n'), normalize(' — sửa đổi\n\n//')],
                [source.indexOf(normalize('nhiệm vụ')), source.indexOf(normalize('chủ trì')), ''],
                [source.length - 2, source.length, normalize('\n// hết\n')],
                [source.indexOf('CA_TINH'), source.indexOf('CA_TINH') + 2, 'SO'],
            ];
            for (const [from, to, typed] of edits) {
                const newer = source.slice(0, from) + typed + source.slice(to);
                const view = builtView(loaded.main, TextDocument.create(loaded.main.uri.toString(), 'planspec', 2, newer))!;
                const expected = TextDocument.create('file:///x', 'planspec', 0, source);
                const text = view.document.textDocument;
                expect(text.lineCount).toBe(expected.lineCount);
                for (let offset = 0; offset <= source.length; offset++) {
                    expect(text.positionAt(offset), `positionAt(${offset}) after ${JSON.stringify(typed)}`).toEqual(expected.positionAt(offset));
                }
                for (let line = 0; line < expected.lineCount; line++) {
                    for (let character = 0; character < 12; character++) {
                        expect(text.offsetAt({ line, character }), `offsetAt(${line}:${character}) after ${JSON.stringify(typed)}`).toBe(expected.offsetAt({ line, character }));
                    }
                }
                expect(text.getText({ start: { line: 1, character: 0 }, end: { line: 2, character: 4 } })).toBe(expected.getText({ start: { line: 1, character: 0 }, end: { line: 2, character: 4 } }));
            }
        }
    });

    test('no view of a document without a parse', async () => {
        const loaded = await load({ 'main.plan': '' });
        const view = builtView(loaded.main, TextDocument.create(loaded.main.uri.toString(), 'planspec', 2, '// x'));
        // An empty plan still has a root: its text is empty and nothing before the edit maps.
        expect(view?.toBuilt({ line: 0, character: 1 })).toBeUndefined();
    });
});
