import { afterEach, describe, expect, test } from 'vitest';
import { expectFindings, expectSilent, findingsOf, inPlan, load, useRuleOptions, resetRuleSettings, useOnlyRule } from '../helpers.js';
import { relatedOf } from './related.js';

const P1 = 'Tăng cường công tác tuyên truyền, phổ biến, giáo dục pháp luật cho nhân dân về phòng, chống tội phạm.';
const P2 = 'Thực hiện tuyên truyền phổ biến, kịp thời khắc phục những sơ hở, thiếu sót trong lĩnh vực quản lý nhà nước, kiến nghị cơ quan có thẩm quyền điều chỉnh, bổ sung hoặc thay thế cho phù hợp với tình hình thực tiễn.';

describe('duplicate-text', () => {
    afterEach(resetRuleSettings);

    test('fires at the later copy of a paragraph or task, whatever its case, punctuation and item number', async () => {
        const found = await expectFindings('duplicate-text', inPlan(`
    phần "III" "NHIỆM VỤ, GIẢI PHÁP" {
        "${P1}"
        nhiệm vụ NV1 "${P2}" { chủ trì STP }
    }
    phần "III" "NHIỆM VỤ, GIẢI PHÁP" {
        ⟦"2. ${P1.toUpperCase().replace(/,/g, ' ;')}"⟧
        nhiệm vụ NV2 ⟦"${P2}"⟧ { chủ trì STP }
        ⟦"${P2}"⟧
        mục tiêu ⟦"${P1}"⟧
    }`), /trùng nguyên văn với .* ở dòng \d+ \/ Same text as the .* at line \d+/);
        expect(found.map(f => f.message)).toEqual([
            expect.stringMatching(/^Nội dung trùng nguyên văn với đoạn văn ở dòng 6 \//),
            expect.stringMatching(/^Nội dung trùng nguyên văn với nhiệm vụ ở dòng 7 \//),
            expect.stringMatching(/^Nội dung trùng nguyên văn với nhiệm vụ ở dòng 7 \//),
            expect.stringMatching(/^Nội dung trùng nguyên văn với đoạn văn ở dòng 6 \//),
        ]);
    });

    test('fires at a nearly identical text, naming the similarity; similarity 1 keeps exact copies only', async () => {
        const files = inPlan(`
    "${P2}"
    ⟦"${P2.replace('Thực hiện', 'Đẩy mạnh việc')}"⟧`);
        const found = await expectFindings('duplicate-text', files, /gần như trùng \(giống 9\d%\) với đoạn văn ở dòng 5 \/ Nearly the same text \(9\d% similar\)/);
        expect(found).toHaveLength(1);
        useRuleOptions('duplicate-text', { similarity: 1 });
        await expectSilent('duplicate-text', files);
        useRuleOptions('duplicate-text', { similarity: 0.5 });
        await expectFindings('duplicate-text', inPlan(`
    "${P2}"
    ⟦"${P2.split(',').slice(0, 4).join(',')}."⟧`));
    });

    test('rechecked after an edit, finds the near duplicates of the new text: a moved line, another lead, a changed text', async () => {
        const near = P2.replace('Thực hiện', 'Đẩy mạnh việc');
        const plan = (lead: string, text: string, deadline: string, between = '') => inPlan(`
    nhiệm vụ NV1 "${P2}" { chủ trì STP  hạn ${deadline} }${between}
    nhiệm vụ NV2 "${text}" { chủ trì ${lead} }`);
        const lines = async (files: Record<string, string>) => findingsOf(await load(files), 'duplicate-text').map(f => [f.range.start.line, f.message.split(' / ')[1]]);
        const found = (line: number) => [[line, 'Nearly the same text (94% similar) as the task at line 5']];
        expect(await lines(plan('STP', near, '30/6/2019'))).toEqual(found(5));
        // No text changed: found again, also where the later task moved down a line.
        expect(await lines(plan('STP', near, '31/12/2019'))).toEqual(found(5));
        expect(await lines(plan('STP', near, '31/12/2019', '\n    // một dòng chú thích'))).toEqual(found(6));
        // Another lead: the same duty given to another body is not a repetition.
        expect(await lines(plan('CA_TINH', near, '31/12/2019'))).toEqual([]);
        expect(await lines(plan('STP', near, '31/12/2019'))).toEqual(found(5));
        // A text changed (to as many words): compared again.
        const rewritten = near.replace('kịp thời khắc phục những sơ hở', 'chậm trễ trong việc phát hiện lỗi');
        expect(rewritten.split(' ')).toHaveLength(near.split(' ').length);
        expect(await lines(plan('STP', rewritten, '31/12/2019'))).toEqual([]);
    });

    test('points to the earlier text (or sentence) as related information', async () => {
        const repeated = 'Tổ chức quán triệt các văn bản của Trung ương.';
        const loaded = await load(inPlan(`
    nhiệm vụ NV1 "${P2}" { chủ trì STP }
    "${P1}"
    nhiệm vụ NV2 "${P2}" { chủ trì STP }
    mục tiêu "${P1.replace('nhân dân', 'Nhân dân trong tỉnh')}"
    "${repeated} Phát huy vai trò người đứng đầu. ${repeated}"`));
        const found = findingsOf(loaded, 'duplicate-text').sort((a, b) => a.range.start.line - b.range.start.line);
        expect(found.map(f => f.message.split(' / ')[1])).toEqual([
            'Same text as the task at line 5',
            'Nearly the same text (90% similar) as the paragraph at line 6',
            `The sentence "${repeated}" is repeated within this paragraph`,
        ]);
        expect(found.map(f => relatedOf(f))).toEqual([
            [{ file: 'plan.plan', line: 5, text: `"${P2}"`, message: 'Nhiệm vụ có cùng nội dung / The task with the same text' }],
            [{ file: 'plan.plan', line: 6, text: `"${P1}"`, message: 'Đoạn văn có nội dung gần giống / The paragraph with nearly the same text' }],
            [{ file: 'plan.plan', line: 9, text: repeated, message: 'Câu này ở lần viết đầu / The sentence where it is first written' }],
        ]);
    });

    test('ignores texts shorter than minLength', async () => {
        const files = inPlan(`
    "Tuyên truyền pháp luật."
    ⟦"Tuyên truyền pháp luật."⟧`);
        await expectSilent('duplicate-text', files);
        useRuleOptions('duplicate-text', { minLength: 10 });
        await expectFindings('duplicate-text', files);
    });

    test('fires at a sentence repeated inside one text and at a phrase written again and again (seed 001, IV.4)', async () => {
        const found = await expectFindings('duplicate-text', inPlan(`
    "Tổ chức quán triệt các văn bản của Trung ương. Phát huy vai trò người đứng đầu cấp ủy. ⟦Tổ chức quán triệt các văn bản của Trung ương.⟧"
    nhiệm vụ NV4 "4- Các huyện ủy, Thành ủy cụ thể hóa Nghị quyết này thành ủy cụ thể hoặc ⟦Nghị quyết này thành ủy cụ thể hoặc Nghị quyết này thành ủy cụ thể⟧ để triển khai thực hiện có hiệu quả." {
        chủ trì UBND_HUYEN
    }`));
        expect(found.map(f => f.message)).toEqual([
            'Câu "Tổ chức quán triệt các văn bản của Trung ương." lặp lại trong cùng đoạn văn / The sentence "Tổ chức quán triệt các văn bản của Trung ương." is repeated within this paragraph',
            'Cụm từ "Nghị quyết này thành ủy cụ thể" được viết 3 lần liền nhau / The phrase "Nghị quyết này thành ủy cụ thể" is written 3 times in a row',
        ]);
    });

    test('reads a text again from what it remembered, at the place the text now stands (an edit above it)', async () => {
        const body = `
    "Tổ chức quán triệt các văn bản của Trung ương. ⟦Tổ chức quán triệt các văn bản của Trung ương.⟧"
    nhiệm vụ NV1 "Rà soát các văn bản quy phạm pháp luật về phòng, chống ma túy" { chủ trì STP }
    nhiệm vụ NV2 ⟦"Rà soát các văn bản quy phạm pháp luật về phòng, chống ma túy"⟧ { chủ trì STP }`;
        const first = await expectFindings('duplicate-text', inPlan(body));
        // The same texts, two lines lower and in decomposed form in the source: the same findings, moved.
        const again = await expectFindings('duplicate-text', inPlan(`\n    "Đoạn mới."\n${body.normalize('NFD')}`));
        expect(again.map(f => f.message)).toEqual(first.map(f => f.message.replace(/dòng (\d+)/, (_, n) => `dòng ${Number(n) + 2}`).replace(/line (\d+)/, (_, n) => `line ${Number(n) + 2}`)));
        expect(again.map(f => f.range.start.line)).toEqual(first.map(f => f.range.start.line + 2));
    });

    test('maps the range into a paragraph wrapped over lines and with escapes', async () => {
        await expectFindings('duplicate-text', inPlan(`
    "Xây dựng \\"thế trận lòng dân\\" vững chắc ở cơ sở;
        tổ chức tuyên truyền, vận động quần chúng; ⟦xây dựng \\"thế trận lòng dân\\"
        vững chắc ở cơ sở;⟧ sơ kết hằng năm."`), /Câu "xây dựng "thế trận lòng dân" vững chắc ở cơ sở;"/);
    });

    test('is silent on different texts, on one duty given to different bodies, on contrasts and across plans', async () => {
        await expectSilent('duplicate-text', inPlan(`
    "${P1}"
    "${P2}"
    nhiệm vụ "Phối hợp Công an tỉnh thực hiện có hiệu quả Nghị định số 03/2019/NĐ-CP về phối hợp bảo vệ an ninh quốc gia." { chủ trì STP }
    nhiệm vụ "Phối hợp Công an tỉnh thực hiện có hiệu quả Nghị định số 03/2019/NĐ-CP về phối hợp bảo vệ an ninh quốc gia." { chủ trì STTTT }
    "Bảo đảm việc phân loại án dân sự có điều kiện thi hành và chưa có điều kiện thi hành, ra quyết định kịp thời."
    "Tiếp tục thực hiện việc lấy kết quả công tác lãnh đạo, chỉ đạo là tiêu chí đánh giá; tiếp tục thực hiện việc lấy ý kiến Nhân dân."`));
        const files = inPlan(`    "${P1}"`);
        files['other.plan'] = `phạm vi VinhPhuc\nkế hoạch KH2 "Kế hoạch khác" {\n    của UBND_TINH\n    "${P1}"\n}\n`;
        files['registry.plan'] += '\ncơ quan STTTT "Sở Thông tin và Truyền thông" thuộc UBND_TINH\n';
        await expectSilent('duplicate-text', files);
    });

    test('a text like several before it names the earliest it may repeat: not one given to another body', async () => {
        // One word changed, always the same one: any two variants are 95% alike.
        const variant = (word: string) => P2.replace('kịp thời', `${word} thời`);
        const loaded = await load(inPlan(`
    nhiệm vụ "${variant('một')}" { chủ trì CA_TINH }
    nhiệm vụ "${variant('hai')}" { chủ trì STP }
    "${variant('ba')}"
    nhiệm vụ "${variant('bốn')}" { chủ trì STP }`));
        const found = findingsOf(loaded, 'duplicate-text').sort((a, b) => a.range.start.line - b.range.start.line);
        // Line 6 is like line 5 only, whose lead differs: not a repetition.
        expect(found.map(f => [f.range.start.line + 1, f.message.split(' / ')[1]])).toEqual([
            [7, 'Nearly the same text (95% similar) as the task at line 5'],
            [8, 'Nearly the same text (95% similar) as the task at line 6'],
        ]);
    });

    test('a plan of hundreds of variants of one paragraph: each names the first, and copies typed in NFD are copies', async () => {
        useOnlyRule('duplicate-text');
        const lines = Array.from({ length: 400 }, (_, i) => `    "${P2.replace('kịp thời', `đợt ${i} kịp thời`)}"`);
        lines.push(`    "${P2.normalize('NFD')}"`, `    "${P2}"`);
        try {
            const found = findingsOf(await load(inPlan(`\n${lines.join('\n')}`)), 'duplicate-text')
                .sort((a, b) => a.range.start.line - b.range.start.line);
            expect(found).toHaveLength(401);
            // The NFD text too is a near copy of the first variant; the NFC one, an exact copy of it.
            expect(found.slice(0, 400).every(f => / as the paragraph at line 5$/.test(f.message))).toBe(true);
            expect(found.at(-1)?.message).toMatch(/^Nội dung trùng nguyên văn với đoạn văn ở dòng 405 \//);
        } finally {
            resetRuleSettings();
        }
    }, 60_000);

    // Speed on 20,000-line plans is a benchmark's job; this checks the indexed search still finds
    // an exact and a near copy among thousands of similar texts.
    test('finds copies among thousands of similar paragraphs', async () => {
        useOnlyRule('duplicate-text');
        // Syllables from a few hundred combinations, so that texts share many word pairs.
        const syllables = ['tr', 'ph', 'ch', 'th', 'ng', 'kh', 'gi', 'b', 'c', 'd', 'đ', 'h', 'l', 'm', 'n', 's', 't', 'v', 'x']
            .flatMap(onset => ['a', 'ă', 'ươ', 'iê', 'o', 'ô', 'u', 'ư', 'ê', 'ai', 'ao', 'uy', 'ang', 'ông', 'inh'].map(rhyme => onset + rhyme));
        let state = 7;
        const random = () => {
            state = (Math.imul(state, 1103515245) + 12345) >>> 0;
            return state / 4294967296;
        };
        const lines: string[] = [];
        for (let i = 0; i < 3000; i++) {
            const length = 12 + Math.floor(random() * 30);
            lines.push(`    "${Array.from({ length }, () => syllables[Math.floor(random() * syllables.length)]).join(' ')}."`);
        }
        lines.push(lines[0]);
        lines.push(`    "${lines[1].trim().slice(1, -2)} thêm."`);
        try {
            const loaded = await load(inPlan(lines.join('\n')));
            const found = findingsOf(loaded, 'duplicate-text');
            expect(found.map(f => f.range.start.line)).toEqual([3003, 3004]);
        } finally {
            resetRuleSettings();
        }
    }, 60_000);
});
