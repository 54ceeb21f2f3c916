import { describe, expect, test } from 'vitest';
import { findAnnexMentions } from '../../src/semantics/annexes.js';
import { examplesWorkspace, expectCleanFix, nfd } from '../fix-helpers.js';
import { expectFindings, expectNoInternalErrors, expectSilent, findingsOf, inPlan, load } from '../helpers.js';
import { INCOMPLETE_DUTIES } from './incomplete-duties.js';
import { relatedOf } from './related.js';

const RULE = 'missing-annex';

describe('annex mentions in text', () => {
    test.each([
        ['Các nhiệm vụ cụ thể tại Phụ lục kèm theo.', [[]]],
        ['(có phụ lục kèm theo)', [[]]],
        ['theo Phụ lục I, các đơn vị', [['I']]],
        ['chi tiết tại PHỤ LỤC số 02 kèm theo Kế hoạch này', [['02']]],
        ['các Phụ lục I, II và III', [['I', 'II', 'III']]],
        ['Phụ lục I và Phụ lục 2', [['I'], ['2']]],
        ['theo Phụ lục III Nghị định số 30/2020/NĐ-CP', []],
        ['Phụ lục ban hành kèm theo Thông tư số 01/2011/TT-BNV', []],
        ['mẫu tại Phụ lục của Quyết định 634/QĐ-TTg', []],
        ['phụ lục cho các đơn vị', [[]]],
        ['phụ lục i', [[]]],
        ['bổ sung phụ lục hợp đồng', []],
        ['phụ lụcx', []],
    ])('%s', (text, expected) => {
        expect(findAnnexMentions(text).map(m => m.numbers)).toEqual(expected);
    });
});

describe(RULE, () => {
    test('fires at the first mention of each annex the plan does not contain, naming the others as related', async () => {
        const [first, ...rest] = await expectFindings(RULE, inPlan(`
    phần "II" "NHIỆM VỤ" {
        "Các nhiệm vụ cụ thể tại ⟦Phụ lục I⟧ kèm theo Kế hoạch này; kinh phí tại ⟦Phụ lục số 3⟧."
        nhiệm vụ NV "Thực hiện các nhiệm vụ tại Phụ lục I" { chủ trì STP  hạn 31/12/2019 }
    }
    phụ lục "II" "DANH MỤC DỰ ÁN" {
        [1] nhiệm vụ "Xây dựng cơ sở dữ liệu" { chủ trì CA_TINH  hạn quý IV/2019 }
    }`), /Văn bản nhắc ".*" nhưng kế hoạch không có phụ lục ".*".* \/ The text refers to .* but the plan contains no annex/);
        expect(first.message).toBe('Văn bản nhắc "Phụ lục I" nhưng kế hoạch không có phụ lục "I": thêm phụ lục như bản gốc (phụ lục "I" "tên" { … }), hoặc ghi chú nếu bản gốc không kèm theo / The text refers to "Phụ lục I" but the plan contains no annex "I": add the annex as in the original, or note that the original comes without it');
        expect(relatedOf(first)).toEqual([{ file: 'plan.plan', line: 7, text: 'Phụ lục I', message: 'Cũng nhắc "Phụ lục I" / Also refers to "Phụ lục I"' }]);
        expect(rest[0].message).toContain('không có phụ lục "3"');
    });

    test('an unnumbered mention with no annex at all; NFD input', async () => {
        const [finding] = await expectFindings(RULE, nfd(inPlan(`
    "Giao các sở, ngành thực hiện (có ⟦phụ lục⟧ kèm theo)."`)) as Record<string, string>);
        expect(finding.message.normalize('NFC')).toContain('nhưng kế hoạch không có phụ lục nào: ');
    });

    test('is silent when the annex is there (I = 1 = 01), on another document\'s annex, and on any annex for an unnumbered mention', async () => {
        await expectSilent(RULE, inPlan(`
    "Các nhiệm vụ tại Phụ lục 1 và Phụ lục số 01 kèm theo; mẫu báo cáo theo Phụ lục III Nghị định số 30/2020/NĐ-CP."
    "Chi tiết tại phụ lục kèm theo."
    phụ lục "I" "DANH MỤC NHIỆM VỤ" {
        [1] nhiệm vụ "Xây dựng đề án" { chủ trì CA_TINH  hạn quý IV/2019 }
    }`));
        // Annexes without numbers cannot be told apart: the one the text names is there.
        await expectSilent(RULE, inPlan(`
    "Các nhiệm vụ tại Phụ lục II."
    phụ lục "DANH MỤC NHIỆM VỤ" {
        [1] nhiệm vụ "Xây dựng đề án" { chủ trì CA_TINH  hạn quý IV/2019 }
    }`));
    });

    test('is silent on the examples, which announce no annex', async () => {
        for (const example of ['ca-mau/kh-qd634.plan', 'dong-nai/kh-7488.plan', 'thai-binh/nq-04.plan', 'tinh-khuyet-danh/ke-hoach-de-an-4170.plan', 'vinh-phuc/ke-hoach-ct39.plan']) {
            expect(findingsOf(await load(examplesWorkspace(example)), RULE), example).toEqual([]);
        }
    });

    test('never fails on half-typed input', async () => {
        await expectNoInternalErrors('missing-annex', INCOMPLETE_DUTIES);
    });
});

describe(`${RULE} quick fix`, () => {
    test('adds the annex with its number and a placeholder heading, which unfilled-placeholder reports instead', async () => {
        const applied = await expectCleanFix(inPlan(`
    "Các nhiệm vụ cụ thể tại Phụ lục I kèm theo."`), { rule: RULE, added: ['unfilled-placeholder'] });
        expect(applied.files['plan.plan']).toContain('    "Các nhiệm vụ cụ thể tại Phụ lục I kèm theo."\n    phụ lục "I" "[CẦN ĐIỀN: tên phụ lục như bản gốc / TO FILL IN: the annex heading as in the original]" { }\n}');
        expect(applied.action.title).toBe('Thêm phụ lục "I" (cần điền tên và nội dung) / Add the annex to fill in');
    });

    test('an unnumbered annex, in NFD text', async () => {
        const applied = await expectCleanFix(nfd(inPlan(`
    "Chi tiết tại phụ lục kèm theo."`)), { rule: RULE, added: ['unfilled-placeholder'] });
        expect(applied.files['plan.plan'].normalize('NFC')).toContain('\n    phụ lục "[CẦN ĐIỀN: tên phụ lục như bản gốc / TO FILL IN: the annex heading as in the original]" { }\n}');
    });
});
