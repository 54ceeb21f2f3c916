import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AlignmentType, Document, LevelFormat, Packer, Paragraph } from 'docx';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ImportParams, ImportResponse } from '../../src/ide/requests.js';
import { IMPORT_REQUEST } from '../../src/ide/requests.js';
import { docxToText } from '../../src/import/docx.js';
import { importText } from '../../src/import/index.js';
import { services } from '../helpers.js';
import { LspClient } from './lsp-client.js';

/** `planspec/import` over stdio, as the VS Code command sends it, resolved against examples/. */
const EXAMPLES = path.resolve('examples');
const base64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');

function syntaxErrors(plan: string): string[] {
    const result = services.parser.LangiumParser.parse(plan);
    return [...result.lexerErrors.map(e => e.message), ...result.parserErrors.map(e => e.message)];
}

/** A short plan in Word, its sections and items numbered by Word (I., 1., a)), not typed. */
async function wordPlan(): Promise<Uint8Array> {
    const level = (level: number, format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string) =>
        ({ level, format, text, alignment: AlignmentType.START });
    const numbered = (text: string, lvl: number) => new Paragraph({ text: text.normalize('NFD'), numbering: { reference: 'plan', level: lvl } });
    const document = new Document({
        numbering: { config: [{ reference: 'plan', levels: [level(0, LevelFormat.UPPER_ROMAN, '%1.'), level(1, LevelFormat.DECIMAL, '%2.'), level(2, LevelFormat.LOWER_LETTER, '%3)')] }] },
        sections: [{
            children: [
                new Paragraph('ỦY BAN NHÂN DÂN TỈNH CÀ MAU'),
                new Paragraph('Số: 99/KH-UBND'),
                new Paragraph('Cà Mau, ngày 16 tháng 6 năm 2020'),
                new Paragraph('KẾ HOẠCH'),
                new Paragraph('Triển khai thực hiện Quyết định số 634/QĐ-TTg ngày 13/5/2020 của Thủ tướng Chính phủ'),
                new Paragraph('Căn cứ Quyết định số 634/QĐ-TTg ngày 13/5/2020 của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện như sau:'),
                numbered('MỤC ĐÍCH, YÊU CẦU', 0),
                new Paragraph('Nâng cao hiệu quả công tác phòng, chống tội phạm trên địa bàn tỉnh.'),
                numbered('NHIỆM VỤ VÀ PHÂN CÔNG', 0),
                numbered('Công an tỉnh chủ trì, phối hợp với Sở Tư pháp tổ chức tuyên truyền pháp luật, hoàn thành trong Quý IV/2020.', 1),
                numbered('Sở Tài chính:', 1),
                numbered('Bảo đảm kinh phí thực hiện Kế hoạch.', 2),
                numbered('TỔ CHỨC THỰC HIỆN', 0),
                new Paragraph('Công an tỉnh báo cáo Ủy ban nhân dân tỉnh trước ngày 20/7 hằng năm.'),
            ],
        }],
    });
    return new Uint8Array(await Packer.toBuffer(document));
}

describe('planspec/import over stdio', () => {
    const client = new LspClient();
    const workspace = pathToFileURL(path.join(EXAMPLES, 'ca-mau', 'KH 99.docx')).href;

    const planFiles = fs.readdirSync(EXAMPLES, { recursive: true, encoding: 'utf8' }).filter(f => f.endsWith('.plan'));

    beforeAll(async () => {
        await client.initialize(EXAMPLES);
        await client.until(() => planFiles.every(f => client.diagnostics.has(pathToFileURL(path.join(EXAMPLES, f)).href)), 'diagnostics of every example');
    }, 120_000);

    afterAll(() => client.dispose());

    test('a Word file: its text as Word prints it, and the same draft as importing that text, with no syntax error', async () => {
        const data = await wordPlan();
        const response = await client.request<ImportResponse>(IMPORT_REQUEST, { fileName: 'KH 99.docx', data: base64(data), workspace } satisfies ImportParams);
        expect(response.refusal).toBeUndefined();
        const text = await docxToText(data);
        expect(response.source).toBe(text);
        expect(text).toContain('\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n');
        expect(text).toContain('\n\n1. Công an tỉnh chủ trì, phối hợp với Sở Tư pháp');
        expect(text).toContain('\n\na) Bảo đảm kinh phí');
        expect(text).toContain('\n\nIII. TỔ CHỨC THỰC HIỆN\n\n');
        const direct = await importText(text, { workspace: EXAMPLES, sourceName: 'KH 99.docx' });
        expect(response.plan).toBe(direct.plan);
        expect(response.registry).toBe(direct.registry);
        expect(response.notes).toEqual(direct.notes);
        expect(syntaxErrors(response.plan)).toEqual([]);
        if (response.registry) expect(syntaxErrors(response.registry)).toEqual([]);
        // Resolved against the Cà Mau registry of the workspace the request names.
        expect(response.plan).toMatch(/chủ trì CA_TINH\s+phối hợp SO_TP/u);
    });

    test('the same plan typed as text imports to the same draft as the Word file', async () => {
        const data = await wordPlan();
        const fromWord = await client.request<ImportResponse>(IMPORT_REQUEST, { fileName: 'KH 99.docx', data: base64(data), workspace });
        const typed = fromWord.source.normalize('NFD');
        const fromText = await client.request<ImportResponse>(IMPORT_REQUEST, { fileName: 'KH 99.docx'.replace('.docx', '.txt'), data: base64(typed), workspace });
        expect(fromText.refusal).toBeUndefined();
        expect(fromText.source).toBe(fromWord.source);
        // Only the header comment naming the source may differ.
        const withoutSource = (plan: string) => plan.replaceAll('KH 99.txt', 'KH 99.docx');
        expect(withoutSource(fromText.plan)).toBe(fromWord.plan);
    });

    test.each(fs.readdirSync('test/fixtures/seeds').filter(f => f.endsWith('.txt')).sort())(
        'the real plan %s, sent as text, comes back as a draft with no syntax error', async seed => {
            const text = fs.readFileSync(path.join('test/fixtures/seeds', seed), 'utf8');
            const response = await client.request<ImportResponse>(IMPORT_REQUEST, { fileName: seed, data: base64(text), workspace: pathToFileURL(EXAMPLES).href });
            expect(response.refusal).toBeUndefined();
            expect(response.plan.length).toBeGreaterThan(1000);
            expect(syntaxErrors(response.plan)).toEqual([]);
            if (response.registry) expect(syntaxErrors(response.registry)).toEqual([]);
        }, 60_000);

    test('a damaged Word file is refused in both languages, and the server goes on serving', async () => {
        const response = await client.request<ImportResponse>(IMPORT_REQUEST, { fileName: 'hỏng.docx', data: base64('PK\u0003\u0004 không phải docx'), workspace });
        expect(response.refusal).toMatch(/^Không đọc được tệp Word \(\.docx\): .+ \/ Could not read the Word file \(\.docx\): /u);
        expect(response.plan).toBe('');
        const again = await client.request<ImportResponse>(IMPORT_REQUEST, { fileName: 'kh.txt', data: base64('KẾ HOẠCH\n\nThực hiện Chỉ thị số 39/CT-TTg ngày 24/10/2017 của Thủ tướng Chính phủ.\n'), workspace });
        expect(again.refusal).toBeUndefined();
        expect(syntaxErrors(again.plan)).toEqual([]);
    });

    test('the draft opened untitled in the workspace\'s folder, as the command opens it, is checked against its registry', async () => {
        const data = await wordPlan();
        const response = await client.request<ImportResponse>(IMPORT_REQUEST, { fileName: 'KH 99.docx', data: base64(data), workspace });
        const unresolved = (uri: string) => (client.diagnostics.get(uri) ?? []).filter(d => d.code === 'unresolved-reference');
        // Where the command puts it: named after the source, in the source's folder.
        const inWorkspace = `untitled:${pathToFileURL(path.join(EXAMPLES, 'ca-mau', 'KH 99.plan')).pathname}`;
        await client.open(inWorkspace, response.plan);
        expect(client.diagnostics.get(inWorkspace)?.filter(d => d.code === 'syntax-error')).toEqual([]);
        expect(unresolved(inWorkspace)).toEqual([]);
        // The same draft with no folder knows none of the workspace's bodies.
        await client.open('untitled:Untitled-1', response.plan);
        expect(unresolved('untitled:Untitled-1').length).toBeGreaterThan(0);
    });
});
