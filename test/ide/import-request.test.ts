import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, test } from 'vitest';
import type { Importer } from '../../src/ide/import-request.js';
import { decodeText, importRequest, MAX_IMPORT_BYTES } from '../../src/ide/import-request.js';

/** `planspec/import` before the importer: reading the file, and every refusal (src/ide/import-request.ts). */

const base64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');
const notCalled: Importer = async () => {
    throw new Error('the importer must not be called');
};
const bilingual = / \/ [A-Z]/u;

describe('planspec/import: reading the file', () => {
    test('UTF-8 with or without its mark, and UTF-16 with its mark, read the same; decomposed text is composed', () => {
        const text = 'KẾ HOẠCH\n\nThực hiện Chỉ thị số 39/CT-TTg ngày 24/10/2017';
        const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
        const utf16be = Buffer.from(utf16le);
        utf16be.swap16();
        for (const bytes of [
            Buffer.from(text), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
            utf16le, utf16be, Buffer.from(text.normalize('NFD')),
        ]) {
            expect(decodeText(new Uint8Array(bytes))).toBe(text);
        }
    });

    test.each([
        ['a .doc (Word 97–2003)', 'KH.doc', base64('x'), /lưu thành \.docx \/ Cannot import .*save it as \.docx/u],
        ['a PDF', 'KH.PDF', base64('%PDF-1.4'), /\.txt \/ Cannot import a PDF file/u],
        ['a text in a legacy code page', 'kh.txt', base64(new Uint8Array([0x4b, 0xe1, 0xba])), /không phải văn bản UTF-8.* not UTF-8 text/u],
        ['binary bytes named .txt', 'kh.txt', base64(new Uint8Array([0x50, 0x4b, 0, 0])), /có byte 0.* zero bytes/u],
        ['an empty text', 'kh.txt', base64('  \n\n '), /không có nội dung .* no text to import/u],
        ['a corrupt .docx', 'kh.docx', base64('KẾ HOẠCH'), /^Không đọc được tệp Word .* Could not read the Word file/u],
        ['a file over the limit', 'kh.txt', 'A'.repeat(Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 4), /quá lớn .* too large/u],
    ])('%s is refused with a bilingual reason, without calling the importer', async (_what, fileName, data, reason) => {
        const response = await importRequest({ fileName, data }, notCalled);
        expect(response.refusal).toMatch(reason);
        expect(response.refusal).toMatch(bilingual);
        expect(response).toMatchObject({ source: '', plan: '', notes: [] });
    });

    test('a malformed request is refused, not thrown', async () => {
        expect((await importRequest(undefined as never, notCalled)).refusal).toMatch(/thiếu tên tệp .* lacks the file name/u);
        expect((await importRequest({ fileName: 'a.txt' } as never, notCalled)).refusal).toMatch(bilingual);
    });

    test('the importer gets the text read (a Word file\'s extracted text), the file name and the workspace root', async () => {
        const calls: Array<[string, unknown]> = [];
        const recording: Importer = async (text, options) => {
            calls.push([text, options]);
            return { plan: `// ${options?.sourceName}\n`, notes: [{ line: 1, message: 'xem lại / review' }] };
        };
        const word = new Uint8Array(await Packer.toBuffer(new Document({
            sections: [{ children: [new Paragraph('KẾ HOẠCH'), new Paragraph('Thực hiện Chỉ thị số 39/CT-TTg'.normalize('NFD'))] }],
        })));
        const workspace = new URL('../../examples/', import.meta.url);
        const response = await importRequest({ fileName: 'KH.docx', data: base64(word), workspace: workspace.href }, recording);
        expect(response).toEqual({
            source: 'KẾ HOẠCH\n\nThực hiện Chỉ thị số 39/CT-TTg\n',
            plan: '// KH.docx\n',
            registry: undefined,
            notes: [{ line: 1, message: 'xem lại / review' }],
        });
        expect(calls[0][1]).toEqual({ sourceName: 'KH.docx', workspace: expect.stringMatching(/examples$/u) });
        // An importer that fails is a refusal too.
        const failing: Importer = async () => { throw new Error('boom'); };
        expect((await importRequest({ fileName: 'kh.txt', data: base64('Kế hoạch') }, failing)).refusal)
            .toBe('Không nhập được kế hoạch / The plan could not be imported: boom');
    });
});
