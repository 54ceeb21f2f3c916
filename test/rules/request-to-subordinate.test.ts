import { describe, expect, test } from 'vitest';
import { examplesWorkspace, expectCleanFix, nfd } from '../fix-helpers.js';
import { expectFindings, expectSilent, inPlan } from '../helpers.js';

describe('request-to-subordinate', () => {
    test('fires at the keyword and text of a request whose leads are all under the issuer', async () => {
        await expectFindings('request-to-subordinate', inPlan(`
    ⟦đề nghị NV1 "Đề nghị Công an tỉnh tăng cường tuần tra"⟧ { chủ trì CA_TINH }
    ⟦đề nghị "Đề nghị các sở, ngành"⟧ { chủ trì SO_NGANH, STP }
    ⟦request R3 "Ask the department"⟧ { lead STP }`), /thuộc quyền chỉ đạo của UBND_TINH: giao bằng "nhiệm vụ".*under the authority of UBND_TINH/);
    });

    test('fires at a request nested in a directed task, which inherits its lead', async () => {
        await expectFindings('request-to-subordinate', inPlan(`
    nhiệm vụ NV1 "Công an tỉnh" {
        chủ trì CA_TINH
        ⟦đề nghị "Đề nghị phối hợp"⟧
    }`), /^CA_TINH thuộc quyền chỉ đạo/);
    });

    test('is silent on requests to outside bodies, mixed leads, nested requests, unresolved leads and without issuer', async () => {
        await expectSilent('request-to-subordinate', inPlan(`
    đề nghị NV1 "Đề nghị Viện kiểm sát" { chủ trì VKS_TINH }
    đề nghị NV2 "Đề nghị Viện kiểm sát, Công an" { chủ trì VKS_TINH, CA_TINH }
    đề nghị NV3 "Đề nghị Mặt trận" { chủ trì MTTQ_TINH  đề nghị "Con" }
    đề nghị NV4 "Chưa rõ" { chủ trì CA_TINH, KHONG_CO }
    đề nghị NV5 "Không có chủ trì"
    nhiệm vụ NV6 "Giao" { chủ trì CA_TINH }`));
        await expectSilent('request-to-subordinate', inPlan(`
    đề nghị NV1 "Đề nghị Công an tỉnh" { chủ trì CA_TINH }`, 'thời gian từ 2018 đến 2020'));
    });

    test('fires on a request heading addressed to subordinates, and on subordinates a duty also requests', async () => {
        await expectFindings('request-to-subordinate', inPlan(`
    phần "3" "Công an tỉnh:" đề nghị ⟦CA_TINH⟧ {
        đề nghị "Phối hợp"
    }
    nhiệm vụ NV1 "Các sở, Mặt trận tuyên truyền" { chủ trì SO_NGANH  đồng thời đề nghị MTTQ_TINH, ⟦STP⟧ }`),
        /thuộc quyền chỉ đạo/);
    });

    test('a request addressed with "cho" is judged by its addressees, not the bodies they cooperate with', async () => {
        await expectSilent('request-to-subordinate', inPlan(`
    đề nghị NV6 "Đề nghị Ủy ban MTTQ tỉnh phối hợp với các ngành" cho MTTQ_TINH { phối hợp với SO_NGANH }`));
        await expectFindings('request-to-subordinate', inPlan(`
    ⟦đề nghị NV7 "Đề nghị Công an tỉnh phối hợp với Mặt trận"⟧ cho CA_TINH { phối hợp với MTTQ_TINH }`));
    });
});

describe('request-to-subordinate quick fix', () => {
    // A directed task is held to a deadline: task-without-deadline then shows the one the original does not give.
    test('a request to subordinates becomes a directed task, a request heading "giao", with the requests under it', async () => {
        const task = await expectCleanFix(inPlan(`    đề nghị NV1 "Đề nghị Sở Tư pháp rà soát" { chủ trì STP }`), { rule: 'request-to-subordinate', added: ['task-without-deadline'] });
        expect(task.files['plan.plan']).toContain('nhiệm vụ NV1 "Đề nghị Sở Tư pháp rà soát" { chủ trì STP }');
        expect(task.action.isPreferred).toBeUndefined();
        const section = await expectCleanFix(nfd(inPlan(`
    phần "1" "Công an tỉnh:" đề nghị CA_TINH {
        đề nghị "Tuyên truyền"
        request "Investigate"
    }`)), { rule: 'request-to-subordinate', added: ['task-without-deadline', 'task-without-deadline'] });
        expect(section.files['plan.plan'].normalize('NFC')).toContain('phần "1" "Công an tỉnh:" giao CA_TINH {\n        nhiệm vụ "Tuyên truyền"\n        task "Investigate"');
    });

    test('on the Đồng Nai letter: the Sở Y tế request to its own units', async () => {
        const applied = await expectCleanFix(examplesWorkspace('dong-nai/kh-7488.plan'), { rule: 'request-to-subordinate', added: ['task-without-deadline'] });
        expect(applied.files['dong-nai-kh-7488.plan']).toContain('    nhiệm vụ CV_3833_TRIEN_KHAI "Giám đốc Sở Y tế đề nghị');
    });
});
