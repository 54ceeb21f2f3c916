import { AstUtils } from 'langium';
import { describe, expect, test } from 'vitest';
import { isParagraph } from '../../src/language/generated/ast.js';
import { buildTree, splitLabel } from '../../src/import/structure.js';
import { clauses, importSnippet, loadDraft } from './import-helpers.js';

describe('numbering and sections', () => {
    test('each printed number or bullet is read with its scheme', () => {
        expect(splitLabel('I. MỤC TIÊU')).toEqual({ label: 'I.', scheme: 'roman', text: 'MỤC TIÊU' });
        expect(splitLabel('II- QUAN ĐIỂM')).toEqual({ label: 'II-', scheme: 'roman', text: 'QUAN ĐIỂM' });
        expect(splitLabel('2.1. Sở Tài chính:')).toEqual({ label: '2.1.', scheme: 'dotted-2', text: 'Sở Tài chính:' });
        expect(splitLabel('2.1- Mục tiêu tổng quát:')).toEqual({ label: '2.1-', scheme: 'dotted-2', text: 'Mục tiêu tổng quát:' });
        expect(splitLabel('1. Mục tiêu')).toEqual({ label: '1.', scheme: 'arabic', text: 'Mục tiêu' });
        expect(splitLabel('đ) Tổng kết')).toEqual({ label: 'đ)', scheme: 'letter', text: 'Tổng kết' });
        expect(splitLabel('- Tuyên truyền')).toEqual({ label: '-', scheme: 'bullet-', text: 'Tuyên truyền' });
        expect(splitLabel('+ Tuyên truyền')).toEqual({ label: '+', scheme: 'bullet+', text: 'Tuyên truyền' });
        // A year or a date at the start of a sentence is no number of an item.
        expect(splitLabel('2020 là năm cuối')).toEqual({ text: '2020 là năm cuối' });
        expect(splitLabel('20/7 hằng năm')).toEqual({ text: '20/7 hằng năm' });
    });

    test('"Trên đây là …", the closing formula, ends every list: it is not the last item\'s second paragraph', () => {
        const tree = buildTree(['IV. TỔ CHỨC THỰC HIỆN', '5. Ủy ban nhân dân các huyện', 'Xây dựng kế hoạch.', 'Trên đây là Kế hoạch thực hiện Chương trình; yêu cầu các cơ quan triển khai thực hiện./.']);
        expect(tree.map(i => i.label ?? i.text)).toEqual(['IV.', 'Trên đây là Kế hoạch thực hiện Chương trình; yêu cầu các cơ quan triển khai thực hiện./.']);
        expect(tree[0].children[0].children.map(i => i.text)).toEqual(['Xây dựng kế hoạch.']);
    });

    test('a scheme met again closes what opened after it; a paragraph without a number goes on with the item before it', () => {
        const tree = buildTree(['I. A', '1. B', '- c', '- d', 'Văn xuôi', '2. E', 'a) f', 'b) g', 'II. H']);
        expect(tree.map(i => i.label)).toEqual(['I.', 'II.']);
        expect(tree[0].children.map(i => i.label ?? i.text)).toEqual(['1.', '2.']);
        expect(tree[0].children[0].children.map(i => i.label ?? i.text)).toEqual(['-', '-']);
        expect(tree[0].children[0].children[1].children.map(i => i.text)).toEqual(['Văn xuôi']);
        expect(tree[0].children[1].children.map(i => i.label)).toEqual(['a)', 'b)']);
    });

    test('sections become phần with the number and heading as printed, items keep their labels, prose stays verbatim in order', async () => {
        const result = await importSnippet([
            'KẾ HOẠCH', 'Tuyên truyền pháp luật năm 2025', '',
            'I. MỤC ĐÍCH, YÊU CẦU', '1. Mục đích', '- Nâng cao nhận thức của người dân.', '- Phát huy vai trò của cơ sở.',
            'II. NỘI DUNG', 'Nội dung tuyên truyền gồm các văn bản mới.',
        ].join('\n\n'));
        expect(clauses(result.plan)).toEqual(expect.arrayContaining([
            'phần "I" "MỤC ĐÍCH, YÊU CẦU" {',
            'phần "1" "Mục đích" {',
            '[-] "Nâng cao nhận thức của người dân."',
            '[-] "Phát huy vai trò của cơ sở."',
            'phần "II" "NỘI DUNG" {',
            '"Nội dung tuyên truyền gồm các văn bản mới."',
        ]));
        const lines = clauses(result.plan);
        expect(lines.indexOf('[-] "Nâng cao nhận thức của người dân."')).toBeLessThan(lines.indexOf('[-] "Phát huy vai trò của cơ sở."'));
        await loadDraft(result);
    });

    test('a numbered sentence followed by paragraphs without a number is one item of several paragraphs', async () => {
        const result = await importSnippet('KẾ HOẠCH\n\nTuyên truyền\n\nI. NỘI DUNG\n\n8. Tổ chức tuyên truyền trên báo, đài.\n\nĐoạn thứ hai của mục 8.\n\n9. Tổng kết.');
        expect(clauses(result.plan)).toEqual(expect.arrayContaining(['[8.] {', '"Tổ chức tuyên truyền trên báo, đài."', '"Đoạn thứ hai của mục 8."', '[9.] "Tổng kết."']));
        await loadDraft(result);
    });

    test('quotes and backslashes in the text are escaped, and the draft parses', async () => {
        const result = await importSnippet('KẾ HOẠCH\n\nPhong trào "Toàn dân bảo vệ an ninh Tổ quốc"\n\nI. NỘI DUNG\n\n1. Thực hiện phương châm "bốn tại chỗ" \\ và “ba sẵn sàng”.\n');
        expect(result.plan).toContain('[1.] "Thực hiện phương châm \\"bốn tại chỗ\\" \\\\ và “ba sẵn sàng”."');
        const loaded = await loadDraft(result);
        // Read back by the parser, the paragraph is the text as printed.
        const texts = AstUtils.streamAst(loaded.model).filter(isParagraph).map(p => p.text).toArray();
        expect(texts).toContain('Thực hiện phương châm "bốn tại chỗ" \\ và “ba sẵn sàng”.');
    });

    test('an empty or meaningless text still gives a draft that parses', async () => {
        for (const text of ['', '   \n\n', '}}} {{{ "" \\', 'phần nhiệm vụ chủ trì {']) {
            const result = await importSnippet(text);
            await loadDraft(result);
        }
    });
});
