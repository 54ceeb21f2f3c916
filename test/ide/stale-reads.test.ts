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

    test('no view of a document without a parse', async () => {
        const loaded = await load({ 'main.plan': '' });
        const view = builtView(loaded.main, TextDocument.create(loaded.main.uri.toString(), 'planspec', 2, '// x'));
        // An empty plan still has a root: its text is empty and nothing before the edit maps.
        expect(view?.toBuilt({ line: 0, character: 1 })).toBeUndefined();
    });
});
