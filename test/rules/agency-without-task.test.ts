import { afterEach, describe, expect, test } from 'vitest';
import { expectFindings, expectSilent, inPlan, useRuleOptions, resetRuleSettings } from '../helpers.js';

/** The plan with the test registries and a few more bodies of the province. */
function plan(members: string, header?: string): Record<string, string> {
    return {
        ...inPlan(members, header),
        'more.plan': `phạm vi VinhPhuc
cơ quan STTTT "Sở Thông tin và Truyền thông" thuộc UBND_TINH
cơ quan BAO "Báo Vĩnh Phúc" thuộc UBND_TINH
nhóm BAO_CHI "Các cơ quan báo chí" thuộc UBND_TINH gồm BAO
nhóm LIEN_NGANH "Liên ngành" thuộc UBND_TINH gồm SO_NGANH, STTTT
nhóm UBND_HUYEN "Ủy ban nhân dân các huyện" thuộc UBND_TINH
`,
    };
}

describe('agency-without-task', () => {
    afterEach(resetRuleSettings);

    test('fires at a recipient under the issuer that no task or report names', async () => {
        const found = await expectFindings('agency-without-task', plan(`
    nơi nhận CA_TINH, ⟦STTTT⟧, ⟦UBND_HUYEN⟧, "Lưu: VT"
    nhiệm vụ NV1 "Tuyên truyền" { chủ trì CA_TINH }`), /có ở nơi nhận nhưng kế hoạch không giao việc gì.*gives it nothing to do/);
        expect(found[0].message).toMatch(/^'STTTT' /);
    });

    test('a group has work through its members, an agency through the groups that list it', async () => {
        // SO_NGANH has work through its member CA_TINH, BAO_CHI through BAO; STP (a sibling of CA_TINH) has none.
        await expectFindings('agency-without-task', plan(`
    nơi nhận ⟦STP⟧, SO_NGANH, BAO_CHI, ⟦STTTT⟧
    nhiệm vụ NV1 "Rà soát" { chủ trì CA_TINH }
    nhiệm vụ NV2 "Báo chí" { chủ trì BAO }`));
        // STP is a member of SO_NGANH, which is a member of LIEN_NGANH, which has work.
        await expectSilent('agency-without-task', plan(`
    nơi nhận STP, SO_NGANH, STTTT
    nhiệm vụ NV1 "Liên ngành" { chủ trì LIEN_NGANH }`));
    });

    test('is silent for supports, reports, the issuer itself, bodies outside its authority and a plan without issuer', async () => {
        await expectSilent('agency-without-task', plan(`
    nơi nhận UBND_TINH, CA_TINH, STP, STTTT, UBND_HUYEN, SO_NGANH, VKS_TINH, MTTQ_TINH, TTG
    nhiệm vụ NV1 "Rà soát" {
        chủ trì CA_TINH
        nhiệm vụ "Con" { phối hợp STP }
    }
    báo cáo BC1 "Báo cáo" { từ UBND_HUYEN  gửi UBND_TINH  qua STTTT }`));
        await expectSilent('agency-without-task', plan(`
    nơi nhận CA_TINH, STP`, 'thời gian từ 2018 đến 2020'));
    });

    test('with includeOutsideAuthority, bodies outside the issuer are checked too', async () => {
        useRuleOptions('agency-without-task', { includeOutsideAuthority: true });
        await expectFindings('agency-without-task', plan(`
    nơi nhận UBND_TINH, ⟦TTG⟧, VKS_TINH, ⟦MTTQ_TINH⟧
    đề nghị NV1 "Đề nghị Viện kiểm sát" { chủ trì VKS_TINH }`), /'(TTG|MTTQ_TINH)'/);
    });

    test('work given through a heading, "phối hợp với", an inherited support, a request or a report preparer counts', async () => {
        await expectSilent('agency-without-task', plan(`
    nơi nhận CA_TINH, STP, STTTT, UBND_HUYEN, BAO
    phần "1" "Công an tỉnh:" giao CA_TINH {
        nhiệm vụ "Phối hợp với Sở Tư pháp" { phối hợp với STP }
    }
    nhiệm vụ NV1 "Tuyên truyền" { chủ trì CA_TINH  phối hợp STTTT  đồng thời đề nghị BAO  nhiệm vụ "Con" }
    báo cáo BC "Báo cáo" { từ CA_TINH  gửi UBND_TINH  tham mưu UBND_HUYEN  trước ngày 15/12/2019 }`));
    });

    test('a plan issued with a decision in the same file has the decision\'s recipients', async () => {
        await expectFindings('agency-without-task', {
            'plan.plan': `phạm vi VinhPhuc
văn bản QD quyết định số "1/QĐ-UBND" ngày 02/01/2019 của UBND_TINH {
    điều "1" "Ban hành kèm theo Quyết định này Kế hoạch."
    nơi nhận CA_TINH, ⟦STP⟧, nội bộ "Lưu: VT"
}
kế hoạch KH "Kế hoạch thử" {
    của UBND_TINH  ban hành kèm theo QD
    nhiệm vụ NV1 "Tuyên truyền" { chủ trì CA_TINH }
}`,
            'registry.plan': 'phạm vi VinhPhuc\ncơ quan UBND_TINH "UBND tỉnh"\ncơ quan CA_TINH "Công an tỉnh" thuộc UBND_TINH\ncơ quan STP "Sở Tư pháp" thuộc UBND_TINH',
        }, /'STP'/);
    });
});
