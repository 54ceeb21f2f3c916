import * as fs from 'node:fs';
import { afterEach, describe, expect, test } from 'vitest';
import { examplesWorkspace, expectCleanFix, nfd } from '../fix-helpers.js';
import { expectFindings, expectSilent, load, resetRuleSettings } from '../helpers.js';

const REGISTRY = `
phạm vi DongNai "Tỉnh Đồng Nai"
cơ quan UBND_TINH "Ủy ban nhân dân tỉnh Đồng Nai" viết tắt "UBND tỉnh", "Ủy ban nhân dân tỉnh"
cơ quan TINH_UY "Tỉnh ủy Đồng Nai"
cơ quan CAT "Công an tỉnh Đồng Nai" viết tắt "Công an tỉnh" thuộc UBND_TINH
cơ quan SKHDT "Sở Kế hoạch và Đầu tư Đồng Nai" viết tắt "Sở Kế hoạch và Đầu tư" thuộc UBND_TINH
cơ quan STTTT "Sở Thông tin và Truyền thông" thuộc UBND_TINH
nhóm SO_NGANH "Các sở, ban, ngành tỉnh" gồm CAT, SKHDT
cơ quan BCD "Ban Chỉ đạo 138 tỉnh" thuộc UBND_TINH
nhóm CQ_TRUYEN_THONG "Các cơ quan truyền thông" gồm STTTT
cơ quan SGDDT "Sở Giáo dục và Đào tạo" thuộc UBND_TINH
`;

/** A plan of Đồng Nai with one task whose text is `text`, and the registry beside it. */
function plan(text: string): Record<string, string> {
    return {
        'plan.plan': `phạm vi DongNai\nkế hoạch KH "Kế hoạch thử" {\n    của UBND_TINH\n    nhiệm vụ NV1 "${text}" { chủ trì CAT hạn 31/12/2025 }\n}\n`,
        'co-quan.plan': REGISTRY,
    };
}

describe('misspelled-name', () => {
    afterEach(resetRuleSettings);

    test('fires at a name with one interior word left out, at the words in the string', async () => {
        const found = await expectFindings('misspelled-name', plan('⟦Ủy ban nhân tỉnh⟧ chỉ đạo; ⟦Sở Kế hoạch Đầu tư⟧ bố trí kinh phí; ⟦các cơ quan thông⟧ đưa tin.'));
        expect(found[0].message).toBe('"Ủy ban nhân tỉnh" gần giống tên "Ủy ban nhân dân tỉnh" (UBND_TINH) nhưng thiếu chữ "dân": viết đúng tên chính thức / '
            + '"Ủy ban nhân tỉnh" nearly matches the name "Ủy ban nhân dân tỉnh" (UBND_TINH) but "dân" is missing: write the official name');
        expect(found[1].message).toMatch(/^"Sở Kế hoạch Đầu tư" gần giống tên "Sở Kế hoạch và Đầu tư" \(SKHDT\) nhưng thiếu chữ "và"/);
    });

    test('fires at a name with one word misspelt by one letter, in any case', async () => {
        const found = await expectFindings('misspelled-name', plan('Phối hợp với ⟦sở thông tin và truyền thong⟧ tuyên truyền.'));
        expect(found[0].message).toMatch(/ nhưng "thong" thay cho "thông": .* but "thong" for "thông": /);
    });

    test('fires at the title of a document, with the title in the message', async () => {
        const files = plan('Thực hiện ⟦Luật Tổ chức chính quyền địa phướng⟧; Luật Tổ chức chính quyền địa phương năm 2015.');
        files['van-ban.plan'] = 'cơ quan QH "Quốc hội"\nvăn bản LUAT_TCCQDP luật ngày 19/6/2015 của QH "Luật Tổ chức chính quyền địa phương"\n';
        const found = await expectFindings('misspelled-name', files);
        expect(found[0].message).toMatch(/gần giống tên văn bản "Luật Tổ chức chính quyền địa phương" \(LUAT_TCCQDP\) nhưng "phướng" thay cho "phương".* nearly matches the title /);
    });

    test('fires on NFD input at the same words', async () => {
        await expectFindings('misspelled-name', nfd(plan('⟦Ủy ban nhân tỉnh⟧ chỉ đạo; ⟦Sở Kế hoạch Đầu tư⟧ bố trí kinh phí.')) as Record<string, string>);
    });

    test('is silent on the name written right, in another tone placement, case or form of Unicode', async () => {
        for (const text of [
            'Uỷ ban nhân dân tỉnh chỉ đạo; UỶ BAN NHÂN DÂN TỈNH kiểm tra; Sở Kế hoạch và Đầu tư bố trí kinh phí.',
            'Ủy ban nhân dân tỉnh Đồng Nai chỉ đạo Sở Thông tin và Truyền thông.',
        ]) {
            await expectSilent('misspelled-name', plan(text));
            await expectSilent('misspelled-name', nfd(plan(text)) as Record<string, string>);
        }
    });

    test('is silent on near misses that are other words: a place, a number, a list element, short names, across a sentence', async () => {
        await expectSilent('misspelled-name', plan([
            'Nhân dân tỉnh Đồng Nai hưởng ứng', // "Tỉnh ủy Đồng Nai" without "ủy" is the province
            'Công an Đồng Nai', // the level word before the place name
            'Ban Chỉ đạo 139 tỉnh', // a number changed
            'các sở, ngành tỉnh', // a list element left out
            'Công an tình', // a name of two words
            'Sở Kế hoạch. Đầu tư công', // across a sentence break
            'các cơ quan thông tin đại chúng', // "thông tin" is a phrase (of "Sở Thông tin và Truyền thông")
            'các cơ sở giáo dục, đào tạo', // a list where the word would be
        ].join('; ')));
    });

    test('the quick fix writes the word left out or misspelt, keeping the text\'s own words and case', async () => {
        const applied = await expectCleanFix(plan('Giao Sở Kế hoạch Đầu tư bố trí kinh phí.'), { rule: 'misspelled-name' });
        expect(applied.files['plan.plan']).toContain('"Giao Sở Kế hoạch và Đầu tư bố trí kinh phí."');
        expect(applied.action.title).toBe('Viết đúng tên: "Sở Kế hoạch và Đầu tư" / Write the name right: "Sở Kế hoạch và Đầu tư"');
        const lower = await expectCleanFix(nfd(plan('phối hợp với ủy ban nhân dan tỉnh')), { rule: 'misspelled-name' });
        expect(lower.files['plan.plan'].normalize('NFC')).toContain('"phối hợp với ủy ban nhân dân tỉnh"');
    });

    test('on the examples: the seed\'s misspellings, and nothing else', async () => {
        const loaded = await load(examplesWorkspace('dong-nai/kh-7488.plan'));
        const seen = Object.entries(loaded.documents).flatMap(([file, document]) => (document.diagnostics ?? [])
            .filter(d => d.code === 'misspelled-name')
            .map(d => `${file}:${d.range.start.line + 1} ${document.textDocument.getText(d.range).normalize('NFC')}`));
        expect(seen.sort()).toEqual([
            'ca-mau-kh-qd634.plan:149 các cơ quan chức nẵng',
            'dong-nai-kh-7488.plan:305 Sở Kế hoạch Đầu tư',
            'dong-nai-kh-7488.plan:332 Sở Kế hoạch Đầu tư',
        ]);
        // The seeds print these: the examples keep them (see the LỖI GỐC remarks).
        expect(fs.readFileSync('examples/dong-nai/kh-7488.plan', 'utf8')).toMatch(/Sở Kế hoạch Đầu tư.*LỖI GỐC/);
        // VII.3 (the heading V.5 is quoted by multiple-leads, whose message the fix changes too).
        const fixed = await expectCleanFix(examplesWorkspace('dong-nai/kh-7488.plan'), { rule: 'misspelled-name', file: 'dong-nai-kh-7488.plan', index: 1 });
        expect(fixed.files['dong-nai-kh-7488.plan']).toContain('NV_VII3 "Sở Tài chính, Sở Kế hoạch và Đầu tư căn cứ chức năng');
    });

    test('never throws on incomplete input', async () => {
        for (const text of ['', 'Ủy ban', 'Ủy ban nhân', '\\"Sở Kế hoạch Đầu tư\\"']) {
            const loaded = await load(plan(text));
            expect(loaded.diagnostics.filter(d => /internal error|error occurred/i.test(d.message))).toEqual([]);
        }
    });
});
