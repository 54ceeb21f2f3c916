import { describe, expect, test } from 'vitest';
import { expectFindings, expectSilent, inPlan, expectNoInternalErrors, INCOMPLETE_TARGETS } from '../helpers.js';

describe('target-without-task', () => {
    test('fires on targets that no task serves, at the id (or the text when there is none)', async () => {
        const found = await expectFindings('target-without-task', inPlan(`
    chỉ tiêu ⟦A⟧ "Tỷ lệ giải quyết tin báo" trên 90%
    chỉ tiêu B "Tỷ lệ điều tra" trên 75%
    phần "II" "Chỉ tiêu khác" {
        chỉ tiêu ⟦"Số vụ phạm tội"⟧ giảm ít nhất 5% so với năm trước
    }
    nhiệm vụ NV1 "Điều tra, khám phá các vụ án" {
        chủ trì CA_TINH
        phục vụ B
    }`), /Chưa có nhiệm vụ nào phục vụ chỉ tiêu .*No task serves target/);
        expect(found.map(f => f.message).join('\n')).toContain('thêm "phục vụ A"');
        expect(found.map(f => f.message).join('\n')).toContain('"Số vụ phạm tội": đặt mã cho chỉ tiêu');
    });

    test('is silent when every target is served, by a task or a sub-task anywhere in the plan', async () => {
        await expectSilent('target-without-task', inPlan(`
    nhiệm vụ NV1 "Công an tỉnh" {
        chủ trì CA_TINH
        nhiệm vụ NV1_1 "Giải quyết tin báo" { phục vụ A, C }
    }
    phần "II" "Chỉ tiêu" {
        chỉ tiêu A "Tỷ lệ giải quyết tin báo" trên 90%
        chỉ tiêu C "Tỷ lệ điều tra" trên 75%
    }`));
    });

    test('leaves the targets of a document alone: a document holds no tasks', async () => {
        await expectSilent('target-without-task', `
văn bản QD quyết định số "634/QĐ-TTg" {
    chỉ tiêu CT_GQ "Tỷ lệ giải quyết" trên 90%
}`);
    });

    test('never throws on incomplete input (as typed in the editor)', async () => {
        await expectNoInternalErrors('target-without-task', INCOMPLETE_TARGETS);
    });
});
