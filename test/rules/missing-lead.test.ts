import * as fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { examplesWorkspace, expectCleanFix, nfd } from '../fix-helpers.js';
import { expectFindings, expectSilent, inPlan } from '../helpers.js';

describe('missing-lead', () => {
    test('fires on a directed task without chủ trì, over its keyword and text', async () => {
        await expectFindings('missing-lead', inPlan(`
    phần "III" "Nhiệm vụ" {
        ⟦nhiệm vụ NV1 "Rà soát văn bản"⟧ { phối hợp CA_TINH }
        ⟦giao "Tuyên truyền"⟧
    }`), /chưa có đơn vị chủ trì.*no lead unit/);
    });

    test('fires in English keywords too', async () => {
        await expectFindings('missing-lead', inPlan(`
    section "III" "Tasks" {
        ⟦task T1 "Review the law"⟧ { support CA_TINH }
    }`));
    });

    test('is silent when the task or an enclosing task names a lead, and on requests', async () => {
        await expectSilent('missing-lead', inPlan(`
    phần "III" "Nhiệm vụ" {
        nhiệm vụ NV1 "Rà soát" { chủ trì STP  phối hợp CA_TINH }
        nhiệm vụ NV2 "Các sở có trách nhiệm:" {
            chủ trì SO_NGANH
            nhiệm vụ "Tuyên truyền"
            nhiệm vụ "Kiểm tra" { nhiệm vụ "Nested deeper" }
        }
        đề nghị NV3 "Đề nghị Mặt trận phối hợp"
    }`));
    });

    test('is silent under a heading addressed to a body, with "phối hợp với", and with "chủ trì không nêu"', async () => {
        await expectSilent('missing-lead', inPlan(`
    phần "1" "Công an tỉnh:" giao CA_TINH {
        nhiệm vụ "Tấn công trấn áp tội phạm"
        nhiệm vụ "Phối hợp với Sở Tư pháp" { phối hợp với STP }
    }
    nhiệm vụ "Cuối năm tổng kết" { chủ trì không nêu  hạn cuối năm 2020 }`));
    });
});

describe('missing-lead quick fixes', () => {
    const PLAN = `
    phần "III" "Nhiệm vụ" {
        nhiệm vụ NV1 "Rà soát văn bản" { phối hợp CA_TINH }
        giao "Tuyên truyền"
        nhiệm vụ NV3 "Kiểm tra" {
            phối hợp STP
            hạn 31/12/2019
        }
        task T4 "Review the law" {}
    }`;

    test.each([
        [0, '{ chủ trì CẦN_ĐIỀN  phối hợp CA_TINH }'],
        [1, 'giao "Tuyên truyền" { chủ trì CẦN_ĐIỀN }'],
        [2, 'nhiệm vụ NV3 "Kiểm tra" {\n            chủ trì CẦN_ĐIỀN\n            phối hợp STP\n'],
        [3, 'task T4 "Review the law" { lead CẦN_ĐIỀN }'],
    ])('finding %i: a lead placeholder, which unfilled-placeholder reports instead', async (index, expected) => {
        const applied = await expectCleanFix(inPlan(PLAN), { rule: 'missing-lead', index, added: ['unfilled-placeholder'] });
        expect(applied.files['plan.plan']).toContain(expected);
        expect(applied.action.title).toMatch(/cần điền đơn vị chủ trì\) \/ Add a lead unit to fill in$/);
        expect(applied.action.isPreferred).toBeUndefined();
    });

    test('or "chủ trì không nêu", which lead-not-stated reports as a defect of the original; in NFD too', async () => {
        const applied = await expectCleanFix(nfd(inPlan(PLAN)), { rule: 'missing-lead', title: /không nêu/, added: ['lead-not-stated'] });
        expect(applied.files['plan.plan'].normalize('NFC')).toContain('{ chủ trì không nêu  phối hợp CA_TINH }');
    });

    test('a lead given to a task is inherited: its sub-tasks no longer lack one either', async () => {
        const applied = await expectCleanFix(inPlan(`
    nhiệm vụ NV1 "Các sở có trách nhiệm:" {
        nhiệm vụ "Tuyên truyền"
    }`), { rule: 'missing-lead', added: ['unfilled-placeholder'], gone: ['missing-lead'] });
        expect(applied.files['plan.plan']).toContain('"Các sở có trách nhiệm:" {\n        chủ trì CẦN_ĐIỀN\n        nhiệm vụ "Tuyên truyền"');
    });

    test('on the Vĩnh Phúc plan with the lead of III.2 taken out', async () => {
        const files = examplesWorkspace('vinh-phuc/ke-hoach-ct39.plan', text => text.replace(/(giao TC2 [^\n]*\n)\s*chủ trì CA_TINH\n/, '$1'));
        const applied = await expectCleanFix(files, { rule: 'missing-lead', added: ['unfilled-placeholder'] });
        const original = fs.readFileSync('examples/vinh-phuc/ke-hoach-ct39.plan', 'utf8');
        expect(applied.files['vinh-phuc-ke-hoach-ct39.plan']).toBe(original.replace(/(giao TC2 [^\n]*\n\s*chủ trì )CA_TINH/, `$1CẦN_ĐIỀN`));
    });
});
