import { afterEach, describe, expect, test } from 'vitest';
import { examplesWorkspace } from '../fix-helpers.js';
import { expectFindings, expectNoSyntaxErrors, expectSilent, findingsOf, inPlan, load, useRuleOptions, resetRuleSettings } from '../helpers.js';

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

    test.each([['NFC', (t: string) => t.normalize('NFC')], ['NFD', (t: string) => t.normalize('NFD')]])(
        '%s: silent when each leads in its own remit, stated with `theo chức năng` / `each in own remit`, on a task or a heading', async (_, form) => {
            const files = plan(`
    nhiệm vụ NV1 "Sở Tư pháp, Công an tỉnh tuyên truyền" { chủ trì STP, CA_TINH theo chức năng }
    task T2 "Propaganda" { lead STP, CA_TINH each in own remit }
    nhiệm vụ NV3 "Rà soát" { chủ trì STP, CA_TINH   Theo  Chức  Năng  phối hợp SO_NGANH }
    phần "5" "Sở Tư pháp, Công an tỉnh:" giao STP, CA_TINH theo chức năng {
        nhiệm vụ "Tuyên truyền"
    }`);
            await expectSilent('multiple-leads', Object.fromEntries(Object.entries(files).map(([k, v]) => [k, form(v)])));
        });

    test('silent when the text says each acts in its own remit ("theo chức năng, nhiệm vụ", "theo thẩm quyền", "trong phạm vi quản lý")', async () => {
        await expectSilent('multiple-leads', plan(`
    nhiệm vụ "Sở Tư pháp, Công an tỉnh theo chức năng, nhiệm vụ được giao chủ trì tuyên truyền" { chủ trì STP, CA_TINH }
    nhiệm vụ "Sở Tư pháp, Công an tỉnh căn cứ chức năng, nhiệm vụ được giao, xây dựng kế hoạch" { chủ trì STP, CA_TINH }
    nhiệm vụ "Sở Tư pháp, Công an tỉnh xử lý vi phạm theo thẩm quyền" { chủ trì STP, CA_TINH }
    nhiệm vụ "${'Sở Tư pháp, Công an tỉnh kiểm tra trong phạm vi quản lý'.normalize('NFD')}" { chủ trì STP, CA_TINH }
    phần "6" "Sở Tư pháp, Công an tỉnh theo chức năng, nhiệm vụ:" giao STP, CA_TINH { nhiệm vụ "Tuyên truyền" }`));
    });

    test('fires on the near-misses: "chức năng" or "thẩm quyền" that do not qualify the leads', async () => {
        await expectFindings('multiple-leads', plan(`
    nhiệm vụ "Sở Tư pháp, Công an tỉnh phối hợp với các lực lượng chức năng" { chủ trì STP, ⟦CA_TINH⟧ }
    nhiệm vụ "Sở Tư pháp, Công an tỉnh kiến nghị cơ quan có thẩm quyền" { chủ trì STP, ⟦CA_TINH⟧ }
    phần "6" "Sở Tư pháp, Công an tỉnh:" giao STP, ⟦CA_TINH⟧ { nhiệm vụ "Theo chức năng của mình" }`),
        /\(nếu bản gốc giao mỗi đơn vị phần việc theo chức năng của mình, ghi "theo chức năng" sau danh sách\)/);
    });

    test('with remitPhrases [], the text no longer counts, the language form still does', async () => {
        useRuleOptions('multiple-leads', { remitPhrases: [] });
        await expectFindings('multiple-leads', plan(`
    nhiệm vụ "Sở Tư pháp, Công an tỉnh theo chức năng, nhiệm vụ được giao tuyên truyền" { chủ trì STP, ⟦CA_TINH⟧ }
    nhiệm vụ "Sở Tư pháp, Công an tỉnh theo chức năng, nhiệm vụ được giao kiểm tra" { chủ trì STP, CA_TINH theo chức năng }`));
    });

    test('on the real plan (Đồng Nai): V.5 is a joint heading; VII.3 says "căn cứ chức năng, nhiệm vụ được giao"', async () => {
        const files = examplesWorkspace('dong-nai/kh-7488.plan');
        const lines = async (text: string) => {
            const loaded = await load({ ...files, 'dong-nai-kh-7488.plan': text });
            expectNoSyntaxErrors(loaded);
            return findingsOf(loaded, 'multiple-leads').map(d => d.range.start.line + 1);
        };
        const asWritten = files['dong-nai-kh-7488.plan'];
        expect(asWritten).toContain('chủ trì STC, SKHDT theo chức năng');
        expect(await lines(asWritten)).toEqual([305]);
        // Without the form, the text's own words still keep VII.3 silent; without them too, it is reported.
        const withoutForm = asWritten.replace('chủ trì STC, SKHDT theo chức năng', 'chủ trì STC, SKHDT');
        expect(await lines(withoutForm)).toEqual([305]);
        useRuleOptions('multiple-leads', { remitPhrases: [] });
        expect(await lines(withoutForm)).toEqual([305, 333]);
    });
});
