import { afterEach, describe, expect, test } from 'vitest';
import { expectFindings, expectSilent, inPlan, useRuleOptions, resetRuleSettings } from '../helpers.js';

/** The plan with the test registries, plus a second group of the province. */
function plan(members: string): Record<string, string> {
    return {
        ...inPlan(members),
        'districts.plan': 'phạm vi VinhPhuc\nnhóm UBND_HUYEN "Ủy ban nhân dân các huyện, thành phố" thuộc UBND_TINH\n',
    };
}

describe('multiple-leads', () => {
    afterEach(resetRuleSettings);

    test('fires once per task, over the second and later leads, naming them all', async () => {
        const found = await expectFindings('multiple-leads', plan(`
    nhiệm vụ NV1 "Rà soát văn bản" { chủ trì STP, ⟦CA_TINH⟧  phối hợp SO_NGANH }
    giao NV2 "Tuyên truyền" { chủ trì CA_TINH, ⟦STP, SO_NGANH⟧ }
    task T3 "Inspect" { lead STP lead ⟦CA_TINH⟧ }`), /đơn vị chủ trì.*lead units/);
        expect(found.map(d => d.message)).toEqual([
            expect.stringMatching(/'NV1' có 2 đơn vị chủ trì \(STP, CA_TINH\)/),
            expect.stringMatching(/'NV2' có 3 đơn vị chủ trì \(CA_TINH, STP, SO_NGANH\)/),
            expect.stringMatching(/'T3' has 2 lead units \(STP, CA_TINH\)/),
        ]);
    });

    test('fires on an agency sharing the lead with a group, and on a sub-task naming its own leads', async () => {
        await expectFindings('multiple-leads', plan(`
    nhiệm vụ "Kiểm tra" { chủ trì SO_NGANH, ⟦CA_TINH⟧ }
    nhiệm vụ NV2 "Cha" {
        chủ trì STP
        nhiệm vụ NV2_1 "Con" { chủ trì STP, ⟦CA_TINH⟧ }
    }`), /2 đơn vị chủ trì \((SO_NGANH|STP), CA_TINH\)/);
    });

    test('is silent on one lead, a repeated lead, inherited leads, groups only and requests', async () => {
        await expectSilent('multiple-leads', plan(`
    nhiệm vụ NV1 "Rà soát" { chủ trì STP  phối hợp CA_TINH, SO_NGANH }
    nhiệm vụ NV2 "Nhóm" { chủ trì SO_NGANH }
    nhiệm vụ NV3 "Lặp" { chủ trì STP, STP }
    nhiệm vụ NV4 "Cha" {
        chủ trì STP
        nhiệm vụ NV4_1 "Con" { phối hợp CA_TINH }
        nhiệm vụ NV4_2 "Con" { phối hợp SO_NGANH }
    }
    nhiệm vụ NV5 "Các sở, ban, ngành, UBND các huyện có trách nhiệm:" { chủ trì SO_NGANH, UBND_HUYEN }
    đề nghị NV6 "Đề nghị Viện kiểm sát, Mặt trận" { chủ trì VKS_TINH, MTTQ_TINH }`));
    });

    test('with ignoreRequests false, requests to several bodies are reported too', async () => {
        useRuleOptions('multiple-leads', { ignoreRequests: false });
        await expectFindings('multiple-leads', plan(`
    đề nghị NV6 "Đề nghị Viện kiểm sát, Mặt trận" { chủ trì VKS_TINH, ⟦MTTQ_TINH⟧ }`));
    });

    test('with ignoreGroups false, several groups are reported too', async () => {
        useRuleOptions('multiple-leads', { ignoreGroups: false });
        await expectFindings('multiple-leads', plan(`
    nhiệm vụ NV5 "Các sở, ban, ngành, UBND các huyện" { chủ trì SO_NGANH, ⟦UBND_HUYEN⟧ }`));
    });

    test('fires on a heading addressed to several agencies, at the second to the last', async () => {
        await expectFindings('multiple-leads', inPlan(`
    phần "5" "Sở Tài chính, Sở Tư pháp:" giao CA_TINH, ⟦STP⟧ {
        nhiệm vụ "Lập dự toán kinh phí"
    }
    phần "6" "Các sở, ngành:" giao SO_NGANH {
        nhiệm vụ "Tuyên truyền"
    }`), /^Phần "Sở Tài chính, Sở Tư pháp:" có 2 đơn vị chủ trì/);
    });
});
