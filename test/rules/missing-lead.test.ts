import { describe, test } from 'vitest';
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
