import { URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { examplesWorkspace, expectCleanFix, nfd } from '../fix-helpers.js';
import { expectFindings, expectSilent, findingsOf, inPlan, load, services } from '../helpers.js';

/** A registry of groups, first (under test), then the plan that uses them and the shared registries. */
function groupsAndPlan(groups: string, members: string, header?: string): Record<string, string> {
    const plan = inPlan(members, header);
    return { 'groups.plan': `phạm vi VinhPhuc\n${groups}\n`, ...plan };
}

describe('authority-unknown', () => {
    test('fires once, at the group, however many tasks and headings direct it; they are its related places', async () => {
        const files = groupsAndPlan('nhóm ⟦CQ_LQ⟧ "Các cơ quan liên quan"', `
    nhiệm vụ NV1 "Các cơ quan liên quan tuyên truyền" { chủ trì CQ_LQ }
    giao NV2 "Các cơ quan liên quan kiểm tra" { chủ trì CA_TINH, CQ_LQ }
    phần "3" "Các cơ quan liên quan:" giao CQ_LQ {
        nhiệm vụ "Rà soát"
    }`);
        const [finding] = await expectFindings('authority-unknown', files,
            /^Nhóm 'CQ_LQ' được giao việc ở 3 chỗ nhưng không khai báo "thuộc", "gồm" hay "độc lập".* \/ The group 'CQ_LQ' is directed in 3 places/);
        expect(finding.relatedInformation?.map(r => [r.location.uri, r.location.range.start.line, r.message])).toEqual([
            ['file:///ws/plan.plan', 4, 'Giao cho \'CQ_LQ\' ở đây / Directed here'],
            ['file:///ws/plan.plan', 5, 'Giao cho \'CQ_LQ\' ở đây / Directed here'],
            ['file:///ws/plan.plan', 6, 'Giao cho \'CQ_LQ\' ở đây / Directed here'],
        ]);
        // The tasks themselves are not reported: nothing in the registry says the group is outside.
        const plan = await load({ ...files, 'groups.plan': files['groups.plan'].replace(/[⟦⟧]/g, '') });
        expect(findingsOf(plan, 'outside-authority')).toEqual([]);
    });

    test('the registry is checked again when the plan that directed the group goes (as the editor does)', async () => {
        const loaded = await load(groupsAndPlan('nhóm CQ_LQ "Các cơ quan liên quan"', `
    nhiệm vụ NV1 "Các cơ quan liên quan tuyên truyền" { chủ trì CQ_LQ }`));
        expect(findingsOf(loaded, 'authority-unknown')).toHaveLength(1);
        await services.shared.workspace.DocumentBuilder.update([], [URI.parse('file:///ws/plan.plan')]);
        expect((loaded.main.diagnostics ?? []).filter(d => d.code === 'authority-unknown')).toEqual([]);
    });

    test('fires at a group reached through the members of the group a task directs; in NFD too', async () => {
        const files = groupsAndPlan('nhóm LIEN_NGANH "Liên ngành" gồm CA_TINH, CQ_LQ\nnhóm ⟦CQ_LQ⟧ "Các cơ quan liên quan"', `
    nhiệm vụ NV1 "Liên ngành kiểm tra" { chủ trì LIEN_NGANH }`);
        for (const fixture of [files, nfd(files) as Record<string, string>]) {
            const [finding] = await expectFindings('authority-unknown', fixture, /được giao việc ở 1 chỗ/);
            expect(finding.relatedInformation?.[0].message.normalize('NFC'))
                .toBe('Giao cho \'LIEN_NGANH\', nhóm gồm \'CQ_LQ\' / Directed to \'LIEN_NGANH\', a group holding \'CQ_LQ\'');
        }
    });

    test('is silent when the registry states the group\'s place, when nobody directs it, and without an issuer', async () => {
        await expectSilent('authority-unknown', groupsAndPlan(`nhóm CQ_LQ "Các cơ quan liên quan"
nhóm CQ_THUOC "Các phòng" thuộc CA_TINH
nhóm CQ_GOM "Các sở" gồm STP
nhóm CQ_DOC_LAP "Các đoàn thể" độc lập`, `
    nhiệm vụ NV1 "Công an chủ trì" { chủ trì CA_TINH  phối hợp CQ_LQ }
    đề nghị NV2 "Đề nghị các cơ quan" { chủ trì CQ_LQ }
    nhiệm vụ NV3 "Các phòng, các sở, các đoàn thể" { chủ trì CQ_THUOC, CQ_GOM, CQ_DOC_LAP }
    nhiệm vụ NV4 "Phối hợp với các cơ quan" cho STP { phối hợp với CQ_LQ }
    báo cáo BC "Báo cáo" { từ CQ_LQ  gửi UBND_TINH }`));
        await expectSilent('authority-unknown', groupsAndPlan('nhóm CQ_LQ "Các cơ quan liên quan"', `
    nhiệm vụ NV1 "Các cơ quan liên quan" { chủ trì CQ_LQ }`, 'thời gian từ 2018 đến 2020'));
    });

    test('quick fix: `thuộc CẦN_ĐIỀN` at the end of the declaration, which unfilled-placeholder then holds (there and at the use)', async () => {
        for (const [groups, expected] of [
            ['nhóm CQ_LQ "Các cơ quan liên quan" viết tắt "các cơ quan có liên quan" // ghi chú', 'nhóm CQ_LQ "Các cơ quan liên quan" viết tắt "các cơ quan có liên quan" thuộc CẦN_ĐIỀN // ghi chú'],
            ['group CQ_LQ "Các cơ quan liên quan"', 'group CQ_LQ "Các cơ quan liên quan" under CẦN_ĐIỀN'],
        ]) {
            const applied = await expectCleanFix(groupsAndPlan(groups, `
    nhiệm vụ NV1 "Các cơ quan liên quan" { chủ trì CQ_LQ }`), { rule: 'authority-unknown', added: ['unfilled-placeholder', 'unfilled-placeholder'] });
            expect(applied.files['groups.plan']).toContain(expected);
            expect(applied.action.title).toMatch(/^Thêm "(thuộc|under) CẦN_ĐIỀN" \(cần điền cơ quan cấp trên của nhóm\) \/ Add the group's parent, to fill in$/);
        }
    });

    test('on the real plan: the forces of "theo chức năng" item 3 without their members are unknown, not outside', async () => {
        const registry = 'tinh-khuyet-danh/co-quan.plan';
        const asIs = await load(examplesWorkspace(registry));
        expect(Object.values(asIs.documents).flatMap(d => (d.diagnostics ?? []).filter(x => x.code === 'authority-unknown'))).toEqual([]);
        const files = examplesWorkspace(registry, text => text.replace(/\n\s*gồm CA_TINH, BCHQS_TINH, HAI_QUAN, KIEM_LAM, THANH_TRA_TINH, QLTT/u, ''));
        const loaded = await load(files);
        const found = findingsOf(loaded, 'authority-unknown');
        expect(found.map(d => [d.range.start.line + 1, loaded.main.textDocument.getText(d.range)])).toEqual([[79, 'LUC_LUONG_PHONG_NGUA']]);
        expect(found[0].relatedInformation?.map(r => r.location.range.start.line + 1)).toEqual([84]);
        const plan = loaded.documents['tinh-khuyet-danh-ke-hoach-de-an-4170.plan'];
        expect((plan.diagnostics ?? []).filter(d => d.code === 'outside-authority').map(d => d.range.start.line + 1)).toEqual([61, 134]);
    });
});
