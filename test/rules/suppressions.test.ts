import { describe, expect, test } from 'vitest';
import { actionsFor, expectCleanFix, nfd } from '../fix-helpers.js';
import { expectFindings, findingsOf, inPlan, load } from '../helpers.js';

const TASKS = (before: string, between = '') => inPlan(`
    ${before}
    nhiệm vụ NV1 "Rà soát" { phối hợp CA_TINH }
    ${between}
    nhiệm vụ NV2 "Tuyên truyền" { phối hợp CA_TINH }
    nhiệm vụ NV3 "Kiểm tra" { phối hợp CA_TINH }`);

describe('inline suppressions', () => {
    test('disable-next-line silences the named rule on the next line only', async () => {
        const loaded = await load(TASKS('// planspec-disable-next-line missing-lead -- giao cho cả hệ thống chính trị'));
        expect(findingsOf(loaded, 'missing-lead').map(d => d.range.start.line)).toEqual([7, 8]);
        expect(findingsOf(loaded, 'unused-suppression')).toEqual([]);
        expect(findingsOf(loaded, 'invalid-suppression')).toEqual([]);
    });

    test('a disable/enable block silences the rule in between, in block comments too', async () => {
        const loaded = await load(TASKS('/* planspec-disable missing-lead -- phân công chung */', '/* planspec-enable missing-lead */'));
        // NV1 (line 5) sits between the comments; NV2 and NV3 come after the enable.
        expect(findingsOf(loaded, 'missing-lead').map(d => d.range.start.line)).toEqual([7, 8]);
        expect(findingsOf(loaded, 'invalid-suppression')).toEqual([]);
    });

    test('a disable without enable runs to the end of the file', async () => {
        const loaded = await load(TASKS('// planspec-disable missing-lead -- phân công chung'));
        expect(findingsOf(loaded, 'missing-lead')).toEqual([]);
    });

    test('other rules are not silenced', async () => {
        const loaded = await load(TASKS('// planspec-disable-next-line rate-out-of-range -- không liên quan'));
        expect(findingsOf(loaded, 'missing-lead')).toHaveLength(3);
    });
});

describe('unused-suppression', () => {
    test('fires on a suppression that suppresses nothing', async () => {
        await expectFindings('unused-suppression', inPlan(`
    ⟦// planspec-disable-next-line missing-lead -- đã có chủ trì⟧
    nhiệm vụ NV1 "Rà soát" { chủ trì STP }`), /missing-lead.*suppresses nothing/);
    });

    test('fires only for the rule of a directive that was not needed', async () => {
        await expectFindings('unused-suppression', inPlan(`
    ⟦// planspec-disable-next-line missing-lead, rate-out-of-range -- thử⟧
    nhiệm vụ NV1 "Rà soát" { phối hợp STP }`), /rate-out-of-range/);
    });

    test('is silent when the suppression is used', async () => {
        const loaded = await load(TASKS('// planspec-disable-next-line missing-lead -- giao chung'));
        expect(findingsOf(loaded, 'unused-suppression')).toEqual([]);
    });
});

describe('invalid-suppression', () => {
    test('fires without a reason, without rule ids, on an unknown rule and on a stray enable', async () => {
        await expectFindings('invalid-suppression', inPlan(`
    ⟦// planspec-disable-next-line missing-lead⟧
    nhiệm vụ NV1 "Rà soát" { phối hợp STP }
    ⟦// planspec-disable-next-line -- không ghi quy tắc⟧
    ⟦// planspec-disable-next-line no-such-rule -- sai tên⟧
    ⟦// planspec-enable missing-lead⟧`), /reason|Name the rules|no rule|without a matching/);
    });

    test('is silent on a well-formed suppression', async () => {
        const loaded = await load(TASKS('// planspec-disable-next-line missing-lead -- giao chung'));
        expect(findingsOf(loaded, 'invalid-suppression')).toEqual([]);
    });
});

describe('suppression quick fixes', () => {
    test('an unused suppression goes with its line; preferred', async () => {
        const applied = await expectCleanFix(TASKS('// planspec-disable-next-line multiple-leads -- không cần'), { rule: 'unused-suppression' });
        expect(applied.files['plan.plan']).not.toContain('planspec-disable');
        expect(applied.files['plan.plan']).toContain('thời gian từ 2018 đến 2020\n\n    nhiệm vụ NV1');
        expect(applied.action.isPreferred).toBe(true);
    });

    test('of a suppression naming two rules, only the unused one goes; in block comments and NFD too', async () => {
        for (const files of [
            TASKS('/* planspec-disable-next-line missing-lead, multiple-leads -- giao chung */'),
            nfd(TASKS('// planspec-disable-next-line multiple-leads missing-lead -- giao chung')) as Record<string, string>,
        ]) {
            const applied = await expectCleanFix(files, { rule: 'unused-suppression' });
            expect(applied.files['plan.plan']).toMatch(/planspec-disable-next-line missing-lead -- giao chung/);
            expect(applied.action.title).toBe("Bỏ 'multiple-leads' khỏi chú thích tắt / Remove 'multiple-leads' from the suppression");
        }
    });

    test('a mistyped rule id: the rule it names, which then suppresses what it was meant to', async () => {
        const applied = await expectCleanFix(TASKS('// planspec-disable-next-line mising-lead -- giao chung'), { rule: 'invalid-suppression', gone: ['missing-lead'] });
        expect(applied.files['plan.plan']).toContain('// planspec-disable-next-line missing-lead -- giao chung');
        expect(applied.action.title).toBe("Sửa thành 'missing-lead' / Change to 'missing-lead'");
    });

    test('an enable without a disable above goes; a missing reason has no fix', async () => {
        const applied = await expectCleanFix(TASKS('/* planspec-enable missing-lead */'), { rule: 'invalid-suppression' });
        expect(applied.files['plan.plan']).not.toContain('planspec-enable');
        const loaded = await load(TASKS('// planspec-disable-next-line missing-lead'));
        expect(await actionsFor(loaded, findingsOf(loaded, 'invalid-suppression')[0])).toEqual([]);
    });
});
