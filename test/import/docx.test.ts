import {
    AlignmentType, Document, ExternalHyperlink, Footer, Header, HeadingLevel, ImageRun, LevelFormat, Packer, Paragraph,
    Table, TableCell, TableRow, TextRun, type ILevelsOptions
} from 'docx';
import * as fs from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, test } from 'vitest';
import { DocxError, docxToText } from '../../src/import/docx.js';

type Block = Paragraph | Table;

/** A .docx made the way Word makes one, with the plan's usual list formats. */
async function docx(children: Block[], extra: { headers?: boolean } = {}): Promise<Uint8Array> {
    const level = (level: number, format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string, start = 1): ILevelsOptions =>
        ({ level, format, text, start, alignment: AlignmentType.START });
    const document = new Document({
        numbering: {
            config: [
                {
                    // I. / 1. / 1.1. / a) — how a plan's sections nest.
                    reference: 'plan',
                    levels: [
                        level(0, LevelFormat.UPPER_ROMAN, '%1.'),
                        level(1, LevelFormat.DECIMAL, '%2.'),
                        level(2, LevelFormat.DECIMAL, '%2.%3.'),
                        level(3, LevelFormat.LOWER_LETTER, '%4)')
                    ]
                },
                { reference: 'decimal', levels: [level(0, LevelFormat.DECIMAL, '%1.')] },
                { reference: 'from-three', levels: [level(0, LevelFormat.DECIMAL, '%1.', 3)] },
                { reference: 'zero', levels: [level(0, LevelFormat.DECIMAL_ZERO, '%1.')] },
                { reference: 'upper', levels: [level(0, LevelFormat.UPPER_LETTER, '%1.')] },
                { reference: 'dash', levels: [level(0, LevelFormat.BULLET, '-'), level(1, LevelFormat.BULLET, '+')] }
            ]
        },
        sections: [{
            headers: extra.headers ? { default: new Header({ children: [new Paragraph('Tiêu đề trang chạy')] }) } : undefined,
            footers: extra.headers ? { default: new Footer({ children: [new Paragraph('Trang 1')] }) } : undefined,
            children
        }]
    });
    return new Uint8Array(await Packer.toBuffer(document));
}

const item = (text: string, reference: string, level = 0, instance?: number) =>
    new Paragraph({ text, numbering: instance === undefined ? { reference, level } : { reference, level, instance } });

const cell = (text: string, options: { columnSpan?: number; rowSpan?: number } = {}) =>
    new TableCell({ children: [new Paragraph(text)], ...options });

const row = (...cells: TableCell[]) => new TableRow({ children: cells });

describe('docxToText: paragraphs and headings', () => {
    test('a plan-shaped document: one paragraph a line, a blank line between, headings as lines', async () => {
        const data = await docx([
            new Paragraph({ text: 'KẾ HOẠCH', heading: HeadingLevel.TITLE }),
            new Paragraph({ text: 'Triển khai thực hiện Chỉ thị số 39/CT-TTg ngày 24/10/2017', heading: HeadingLevel.HEADING_1 }),
            new Paragraph('Thực hiện Chỉ thị số 39/CT-TTg ngày 24/10/2017 của Thủ tướng Chính phủ, UBND tỉnh xây dựng Kế hoạch.'),
            new Paragraph(''),
            new Paragraph({ children: [new TextRun({ text: 'Sở Tài chính', bold: true }), new TextRun(' chủ trì, phối hợp với '), new TextRun({ text: 'Công an tỉnh', italics: true }), new TextRun('.')] })
        ]);
        expect(await docxToText(data)).toBe([
            'KẾ HOẠCH',
            '',
            'Triển khai thực hiện Chỉ thị số 39/CT-TTg ngày 24/10/2017',
            '',
            'Thực hiện Chỉ thị số 39/CT-TTg ngày 24/10/2017 của Thủ tướng Chính phủ, UBND tỉnh xây dựng Kế hoạch.',
            '',
            'Sở Tài chính chủ trì, phối hợp với Công an tỉnh.',
            ''
        ].join('\n'));
    });

    test('a soft line break inside a paragraph is joined with a space; tabs and runs of spaces are one space', async () => {
        const data = await docx([
            new Paragraph({
                children: [
                    new TextRun('Đồng Nai, ngày 20 tháng 11'),
                    new TextRun({ text: 'năm 2025', break: 1 }),
                    new TextRun({ children: ['\t', 'Số:   182/KH-UBND'] })
                ]
            })
        ]);
        expect(await docxToText(data)).toBe('Đồng Nai, ngày 20 tháng 11 năm 2025 Số: 182/KH-UBND\n');
    });

    test('decomposed (NFD) text comes out composed (NFC), with every diacritic', async () => {
        const composed = 'Ủy ban nhân dân tỉnh; Sở Giáo dục và Đào tạo; phấn đấu đạt trên 90%; hằng năm';
        const decomposed = composed.normalize('NFD');
        expect(decomposed).not.toBe(composed);
        const text = await docxToText(await docx([
            new Paragraph({ text: decomposed.toUpperCase().normalize('NFD'), heading: HeadingLevel.HEADING_1 }),
            new Paragraph(decomposed)
        ]));
        expect(text).toBe(`${composed.toUpperCase()}\n\n${composed}\n`);
        expect(text).toBe(text.normalize('NFC'));
    });

    test('running headers, footers and page numbers are left out; a hyperlink keeps its text', async () => {
        const data = await docx([
            new Paragraph({
                children: [
                    new TextRun('Xem '),
                    new ExternalHyperlink({ link: 'https://vanban.chinhphu.vn', children: [new TextRun('Cổng thông tin')] }),
                    new TextRun('.')
                ]
            })
        ], { headers: true });
        expect(await docxToText(data)).toBe('Xem Cổng thông tin.\n');
    });
});

describe('docxToText: what is not text', () => {
    test('an image (a seal, a signature) is left out, the text around it kept', async () => {
        const data = await docx([
            new Paragraph({
                children: [
                    new TextRun('KT. CHỦ TỊCH '),
                    new ImageRun({ type: 'png', data: fs.readFileSync('images/icon.png'), transformation: { width: 32, height: 32 } }),
                    new TextRun(' PHÓ CHỦ TỊCH')
                ]
            })
        ]);
        expect(await docxToText(data)).toBe('KT. CHỦ TỊCH PHÓ CHỦ TỊCH\n');
    });
});

describe('docxToText: list numbers as Word prints them', () => {
    test('nested numbering: I. / 1. / 1.1. / a), each level restarting when a higher one advances', async () => {
        const data = await docx([
            item('MỤC ĐÍCH, YÊU CẦU', 'plan', 0),
            item('Mục đích', 'plan', 1),
            item('Yêu cầu', 'plan', 1),
            item('NHIỆM VỤ, GIẢI PHÁP', 'plan', 0),
            item('Nhiệm vụ chung', 'plan', 1),
            item('Sở Tài chính:', 'plan', 2),
            item('Bảo đảm kinh phí', 'plan', 3),
            item('Hướng dẫn thanh quyết toán', 'plan', 3),
            item('Công an tỉnh:', 'plan', 2),
            item('Chủ trì tham mưu', 'plan', 3),
            item('Nhiệm vụ cụ thể', 'plan', 1),
            item('TỔ CHỨC THỰC HIỆN', 'plan', 0)
        ]);
        expect((await docxToText(data)).split('\n\n')).toEqual([
            'I. MỤC ĐÍCH, YÊU CẦU',
            '1. Mục đích',
            '2. Yêu cầu',
            'II. NHIỆM VỤ, GIẢI PHÁP',
            '1. Nhiệm vụ chung',
            '1.1. Sở Tài chính:',
            'a) Bảo đảm kinh phí',
            'b) Hướng dẫn thanh quyết toán',
            '1.2. Công an tỉnh:',
            'a) Chủ trì tham mưu',
            '2. Nhiệm vụ cụ thể',
            'III. TỔ CHỨC THỰC HIỆN\n'
        ]);
    });

    test('bullets: "-" for an item and "+" for a sub-item, whatever glyph Word draws', async () => {
        const data = await docx([
            new Paragraph({ text: 'Tuyên truyền', bullet: { level: 0 } }),
            new Paragraph({ text: 'trên báo chí', bullet: { level: 1 } }),
            new Paragraph({ text: 'trên mạng xã hội', bullet: { level: 2 } }),
            new Paragraph({ text: 'Kiểm tra', bullet: { level: 0 } }),
            item('Hằng năm', 'dash', 0),
            item('trước ngày 20/7', 'dash', 1)
        ]);
        expect((await docxToText(data)).split('\n\n')).toEqual([
            '- Tuyên truyền', '+ trên báo chí', '+ trên mạng xã hội', '- Kiểm tra', '- Hằng năm', '+ trước ngày 20/7\n'
        ]);
    });

    test('a list\'s start, zero-padded and capital-letter formats, and separate lists counting separately', async () => {
        const data = await docx([
            item('ba', 'from-three'),
            item('bốn', 'from-three'),
            item('một', 'decimal'),
            item('không một', 'zero'),
            item('không hai', 'zero'),
            item('A', 'upper'),
            item('hai', 'decimal'),
            item('B', 'upper')
        ]);
        expect((await docxToText(data)).split('\n\n')).toEqual([
            '3. ba', '4. bốn', '1. một', '01. không một', '02. không hai', 'A. A', '2. hai', 'B. B\n'
        ]);
    });

    test('a new instance of the same list restarts its numbering; a paragraph between items does not', async () => {
        const data = await docx([
            item('Một', 'decimal', 0, 1),
            new Paragraph('Đoạn văn giữa hai mục.'),
            item('Hai', 'decimal', 0, 1),
            item('Lại một', 'decimal', 0, 2),
            item('Lại hai', 'decimal', 0, 2)
        ]);
        expect((await docxToText(data)).split('\n\n')).toEqual([
            '1. Một', 'Đoạn văn giữa hai mục.', '2. Hai', '1. Lại một', '2. Lại hai\n'
        ]);
    });

    test('numbering written into the XML by hand: style-linked lists, lowerRoman, numId 0 (no list)', async () => {
        const zip = await JSZip.loadAsync(await docx([new Paragraph('x')]));
        const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
        zip.file('word/numbering.xml', `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${w}>`
            + '<w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>'
            + '<w:num w:numId="4"><w:abstractNumId w:val="7"/></w:num></w:numbering>');
        const styles = await zip.file('word/styles.xml')!.async('string');
        zip.file('word/styles.xml', styles.replace('</w:styles>',
            '<w:style w:type="paragraph" w:styleId="Muc"><w:name w:val="Muc"/><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style>'
            + '<w:style w:type="paragraph" w:styleId="MucCon"><w:name w:val="MucCon"/><w:basedOn w:val="Muc"/></w:style></w:styles>'));
        const p = (style: string, text: string, numPr = '') =>
            `<w:p><w:pPr><w:pStyle w:val="${style}"/>${numPr}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
        zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document ${w}><w:body>`
            + p('Muc', 'một') + p('MucCon', 'hai') + p('Muc', 'không đánh số', '<w:numPr><w:numId w:val="0"/></w:numPr>')
            + p('Muc', 'ba') + '</w:body></w:document>');
        const data = await zip.generateAsync({ type: 'uint8array' });
        expect((await docxToText(data)).split('\n\n')).toEqual(['i) một', 'ii) hai', 'không đánh số', 'iii) ba\n']);
    });
});

describe('docxToText: tables', () => {
    test('each row is one line of cells joined by " | "; a table is one block between paragraphs', async () => {
        const data = await docx([
            new Paragraph('PHỤ LỤC'),
            new Table({
                rows: [
                    row(cell('STT'), cell('Nội dung'), cell('Cơ quan chủ trì'), cell('Thời gian')),
                    row(cell('1'), cell('Tuyên truyền pháp luật'), cell('Sở Tư pháp'), cell('Quý IV/2025')),
                    row(cell('2'), cell('Báo cáo kết quả'), cell('Công an tỉnh'), cell('trước ngày 20/7 hằng năm'))
                ]
            }),
            new Paragraph('Nơi nhận:')
        ]);
        expect(await docxToText(data)).toBe([
            'PHỤ LỤC',
            '',
            'STT | Nội dung | Cơ quan chủ trì | Thời gian',
            '1 | Tuyên truyền pháp luật | Sở Tư pháp | Quý IV/2025',
            '2 | Báo cáo kết quả | Công an tỉnh | trước ngày 20/7 hằng năm',
            '',
            'Nơi nhận:',
            ''
        ].join('\n'));
    });

    test('merged cells keep every row\'s columns: a spanned or covered cell is an empty cell, not a repeated value', async () => {
        const data = await docx([
            new Table({
                rows: [
                    row(cell('STT'), cell('Nội dung'), cell('Phân công', { columnSpan: 2 })),
                    row(cell(''), cell(''), cell('Chủ trì'), cell('Phối hợp')),
                    row(cell('1'), cell('Rà soát'), cell('Sở Tư pháp', { rowSpan: 2 }), cell('Công an tỉnh')),
                    row(cell('2'), cell('Phổ biến'), cell('Sở Nội vụ'))
                ]
            })
        ]);
        expect(await docxToText(data)).toBe([
            'STT | Nội dung | Phân công | ',
            ' |  | Chủ trì | Phối hợp',
            '1 | Rà soát | Sở Tư pháp | Công an tỉnh',
            '2 | Phổ biến |  | Sở Nội vụ',
            ''
        ].join('\n'));
    });

    test('a cell with several paragraphs or a list reads as one cell; an empty row is dropped', async () => {
        const data = await docx([
            new Table({
                rows: [
                    row(
                        new TableCell({ children: [new Paragraph('Sở Y tế'), new Paragraph('Sở Tài chính')] }),
                        new TableCell({ children: [item('Quý I', 'decimal'), item('Quý II', 'decimal')] })
                    ),
                    row(cell(''), cell(''))
                ]
            })
        ]);
        expect(await docxToText(data)).toBe('Sở Y tế Sở Tài chính | 1. Quý I 2. Quý II\n');
    });
});

describe('docxToText: empty and broken input', () => {
    test('an empty document gives an empty text', async () => {
        expect(await docxToText(await docx([]))).toBe('');
        expect(await docxToText(await docx([new Paragraph(''), new Paragraph('   ')]))).toBe('');
    });

    const bilingual = /^Không đọc được tệp Word \(\.docx\): .+ \/ Could not read the Word file \(\.docx\): /u;

    test.each([
        ['an empty buffer', new Uint8Array()],
        ['plain text', new TextEncoder().encode('KẾ HOẠCH\n\nThực hiện Chỉ thị số 39/CT-TTg')],
        ['random bytes', Uint8Array.from({ length: 512 }, (_, i) => (i * 7919) % 256)]
    ])('%s is refused with a bilingual error, not a crash', async (_name, data) => {
        const error = await docxToText(data).then(() => undefined, (e: unknown) => e);
        expect(error).toBeInstanceOf(DocxError);
        expect((error as Error).message).toMatch(bilingual);
    });

    test('a truncated .docx is refused with a bilingual error', async () => {
        const whole = await docx([new Paragraph('Kế hoạch')]);
        const error = await docxToText(whole.slice(0, Math.floor(whole.length / 2))).then(() => undefined, (e: unknown) => e);
        expect(error).toBeInstanceOf(DocxError);
        expect((error as Error).message).toMatch(bilingual);
    });

    test('a zip that is not a Word document says what is missing', async () => {
        const zip = new JSZip();
        zip.file('content.xml', '<office:document/>');
        const error = await docxToText(await zip.generateAsync({ type: 'uint8array' })).then(() => undefined, (e: unknown) => e);
        expect(error).toBeInstanceOf(DocxError);
        expect((error as Error).message).toMatch(bilingual);
        expect((error as Error).message).toContain('word/document.xml');
    });

    test('a document whose XML is broken is refused with a bilingual error', async () => {
        const zip = await JSZip.loadAsync(await docx([item('một', 'decimal')]));
        zip.file('word/document.xml', '<w:document><w:body><w:p>');
        const error = await docxToText(await zip.generateAsync({ type: 'uint8array' })).then(() => undefined, (e: unknown) => e);
        expect(error).toBeInstanceOf(DocxError);
        expect((error as Error).message).toMatch(bilingual);
        // The parser's own words follow once, on the same line, after both languages.
        expect((error as Error).message).toMatch(/its content is damaged \(.+\)$/u);
        expect((error as Error).message).not.toContain('\n');
    });
});

describe('docxToText on the five real plans', () => {
    const seeds = fs.readdirSync('test/fixtures/seeds').filter(f => f.endsWith('.txt')).sort();

    test.each(seeds)('%s typed into Word, one paragraph a line, reads back as its paragraphs, composed', async seed => {
        const paragraphs = fs.readFileSync(`test/fixtures/seeds/${seed}`, 'utf8').split(/\r?\n/u)
            .map(line => line.replace(/\s+/gu, ' ').trim()).filter(line => line !== '');
        expect(paragraphs.length).toBeGreaterThan(20);
        // Decomposed as some Word files store it: the text must come back composed all the same.
        const data = await docx(paragraphs.map(p => new Paragraph(p.normalize('NFD'))));
        expect(await docxToText(data)).toBe(paragraphs.map(p => p.normalize('NFC')).join('\n\n') + '\n');
    });
});
