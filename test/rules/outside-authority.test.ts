import { describe, expect, test } from 'vitest';
import { examplesWorkspace, expectCleanFix, nfd } from '../fix-helpers.js';
import { expectFindings, expectSilent, inPlan } from '../helpers.js';

describe('outside-authority', () => {
    test('fires at each lead outside the issuer\'s authority: independent, under another body, or a group with one outside member', async () => {
        const files = inPlan(`
    nhiệm vụ NV1 "Tuyên truyền" { chủ trì ⟦MTTQ_TINH⟧ }
    giao NV2 "Điều tra, truy tố" { chủ trì CA_TINH, ⟦VKS_TINH⟧ }
    task T3 "Coordinate" { lead ⟦LIEN_NGANH⟧ }
    nhiệm vụ NV4 "Lặp lại" { chủ trì ⟦VKS_TINH⟧, VKS_TINH }`);
        files['groups.plan'] = 'phạm vi VinhPhuc\nnhóm LIEN_NGANH "Liên ngành tư pháp" gồm CA_TINH, VKS_TINH\n';
        const found = await expectFindings('outside-authority', files, /không thuộc quyền chỉ đạo của UBND_TINH.*"đề nghị"/);
        expect(found.map(d => d.message)).toEqual([
            expect.stringMatching(/^'MTTQ_TINH' là cơ quan độc lập, .*thay cho "nhiệm vụ" \/ 'MTTQ_TINH' is independent/),
            expect.stringMatching(/^'VKS_TINH' thuộc VKSNDTC, .*thay cho "giao"/),
            expect.stringMatching(/^'LIEN_NGANH' có thành viên ngoài quyền chỉ đạo/),
            expect.stringMatching(/^'VKS_TINH' thuộc VKSNDTC/),
        ]);
    });

    test('fires at the header of a directed sub-task of a request, which inherits its leads', async () => {
        await expectFindings('outside-authority', inPlan(`
    đề nghị NV1 "Đề nghị Ủy ban Mặt trận Tổ quốc tỉnh" {
        chủ trì MTTQ_TINH
        đề nghị "Tuyên truyền"
        ⟦nhiệm vụ NV1_2 "Vận động nhân dân"⟧
    }`), /giao cho MTTQ_TINH \(chủ trì của đề nghị bao ngoài\)/);
    });

    test('is silent on bodies under the issuer, on requests, on inherited directed leads, and without issuer or resolved lead', async () => {
        await expectSilent('outside-authority', inPlan(`
    nhiệm vụ NV1 "Rà soát" { chủ trì STP  phối hợp VKS_TINH, MTTQ_TINH }
    nhiệm vụ NV2 "Các sở" { chủ trì SO_NGANH, UBND_TINH }
    đề nghị NV3 "Đề nghị Viện kiểm sát" { chủ trì VKS_TINH  nhiệm vụ "Con" { chủ trì CA_TINH } }
    nhiệm vụ NV4 "Cha" { chủ trì CA_TINH  nhiệm vụ "Con" }
    nhiệm vụ NV5 "Chưa rõ" { chủ trì KHONG_CO }`));
        await expectSilent('outside-authority', inPlan(`
    nhiệm vụ NV1 "Tuyên truyền" { chủ trì MTTQ_TINH }`, 'thời gian từ 2018 đến 2020'));
    });

    test('decides by what the registry states: a group with neither thuộc nor gồm, or a place that does not resolve, is not judged', async () => {
        const files = inPlan(`
    nhiệm vụ NV1 "Các cơ quan liên quan" { chủ trì CQ_LQ }
    nhiệm vụ NV2 "Liên ngành" { chủ trì LIEN_NGANH }
    nhiệm vụ NV3 "Chưa rõ cấp trên" { chủ trì CHUA_RO }
    nhiệm vụ NV4 "Liên ngành có Mặt trận" { chủ trì ⟦CO_MAT_TRAN⟧ }`);
        files['groups.plan'] = `phạm vi VinhPhuc
nhóm CQ_LQ "Các cơ quan liên quan"
nhóm LIEN_NGANH "Liên ngành" gồm CA_TINH, CQ_LQ, KHONG_CO
nhóm CHUA_RO "Các đơn vị" thuộc KHONG_CO_CAP_TREN
nhóm CO_MAT_TRAN "Liên ngành có Mặt trận" gồm CQ_LQ, MTTQ_TINH
`;
        // An explicitly outside member decides, whatever the others are.
        await expectFindings('outside-authority', files, /^'CO_MAT_TRAN' có thành viên ngoài quyền chỉ đạo/);
    });

    test('a plan issued by a national body can direct its own subordinates only', async () => {
        await expectFindings('outside-authority', {
            'plan.plan': `kế hoạch KH "Kế hoạch của Chính phủ" {
    của CP
    nhiệm vụ NV1 "Bộ Công an" { chủ trì BCA }
    nhiệm vụ NV2 "Viện kiểm sát" { chủ trì ⟦VKSNDTC⟧ }
}`,
            'national.plan': `cơ quan CP "Chính phủ" độc lập
cơ quan BCA "Bộ Công an" thuộc CP
cơ quan VKSNDTC "Viện kiểm sát nhân dân tối cao" độc lập
`,
        }, /VKSNDTC/);
    });

    test('checks the bodies of a heading addressed with "giao" and independent groups, not the bodies cooperated with', async () => {
        await expectFindings('outside-authority', {
            ...inPlan(`
    phần "5" "Viện kiểm sát nhân dân tỉnh:" giao ⟦VKS_TINH⟧ {
        nhiệm vụ "Tăng cường kiểm sát"
    }
    phần "6" "Các đoàn thể:" đề nghị DOAN_THE {
        đề nghị "Tuyên truyền"
    }
    phần "7" "Công an tỉnh:" giao CA_TINH {
        nhiệm vụ NV1 "Phối hợp với Mặt trận tuyên truyền" { phối hợp với MTTQ_TINH }
    }
    nhiệm vụ NV2 "Các đoàn thể tuyên truyền" { chủ trì ⟦DOAN_THE⟧ }`),
            'groups.plan': 'phạm vi VinhPhuc\nnhóm DOAN_THE "Các đoàn thể chính trị - xã hội tỉnh" độc lập gồm MTTQ_TINH',
        }, /không thuộc quyền chỉ đạo của UBND_TINH/);
    });

    test('tasks inherit a heading\'s bodies: a directed task under a request heading is reported once, at the task', async () => {
        await expectFindings('outside-authority', inPlan(`
    phần "6" "Mặt trận:" đề nghị MTTQ_TINH {
        đề nghị "Tuyên truyền"
        ⟦nhiệm vụ "Vận động"⟧
    }
    phần "7" "Công an tỉnh:" giao CA_TINH {
        nhiệm vụ "Tấn công trấn áp tội phạm"
    }`), /chủ trì của đề nghị bao ngoài/);
    });

    test('a request addressed with "cho" is checked at its addressees, not at the bodies they cooperate with', async () => {
        await expectSilent('outside-authority', inPlan(`
    đề nghị NV6 "Đề nghị Ủy ban MTTQ tỉnh phối hợp với các ngành" cho MTTQ_TINH { phối hợp với SO_NGANH }`));
        await expectFindings('outside-authority', inPlan(`
    nhiệm vụ NV7 "Mặt trận phối hợp với các ngành" cho ⟦MTTQ_TINH⟧ { phối hợp với SO_NGANH }`));
    });
});

describe('outside-authority quick fix', () => {
    test('a directed task becomes a request, in the language of its keyword; preferred', async () => {
        // A request may name several bodies: multiple-leads judges directed tasks only.
        const cases: Array<[string, string, string[]?]> = [
            ['nhiệm vụ NV1 "Tuyên truyền" { chủ trì MTTQ_TINH }', 'đề nghị NV1 "Tuyên truyền"'],
            ['giao NV2 "Điều tra, truy tố" { chủ trì CA_TINH, VKS_TINH }', 'đề nghị NV2 "Điều tra', ['multiple-leads']],
            ['task T3 "Coordinate" { lead VKS_TINH }', 'request T3 "Coordinate"'],
            ['nhiệm vụ NV4 "Vận động" cho MTTQ_TINH { phối hợp với CA_TINH }', 'đề nghị NV4 "Vận động"'],
        ];
        // A request is not held to a deadline: task-without-deadline goes with the directed form.
        for (const [task, expected, gone] of cases) {
            const applied = await expectCleanFix(inPlan(`    ${task}`), { rule: 'outside-authority', gone: [...gone ?? [], 'task-without-deadline'] });
            expect(applied.files['plan.plan']).toContain(expected);
            expect(applied.action.isPreferred).toBe(true);
            expect(applied.action.title).toMatch(/^Chuyển thành đề nghị: "(đề nghị|request)" \/ Make it a request$/);
        }
    });

    test('a heading addressed to an outside body becomes a request with the directed tasks that inherit it; in NFD too', async () => {
        const plan = `
    phần "2" "Ủy ban Mặt trận Tổ quốc tỉnh:" giao MTTQ_TINH {
        nhiệm vụ "Tuyên truyền" { nhiệm vụ "Vận động" }
        nhiệm vụ "Phối hợp với Công an" { phối hợp với CA_TINH }
        nhiệm vụ "Sở Tư pháp hướng dẫn" { chủ trì STP }
        đề nghị "Giám sát"
    }`;
        for (const files of [inPlan(plan), nfd(inPlan(plan)) as Record<string, string>]) {
            // The two tasks made requests are no longer held to a deadline; the Sở Tư pháp's still is.
            const applied = await expectCleanFix(files, { rule: 'outside-authority', gone: ['task-without-deadline', 'task-without-deadline'] });
            const text = applied.files['plan.plan'].normalize('NFC');
            expect(text).toContain('phần "2" "Ủy ban Mặt trận Tổ quốc tỉnh:" đề nghị MTTQ_TINH {');
            expect(text).toContain('đề nghị "Tuyên truyền" { đề nghị "Vận động" }');
            expect(text).toContain('đề nghị "Phối hợp với Công an"');
            expect(text).toContain('nhiệm vụ "Sở Tư pháp hướng dẫn" { chủ trì STP }');
            expect(applied.action.title).toContain('(và 3 nhiệm vụ bên trong)');
        }
    });

    test('a directed sub-task of a request becomes a request', async () => {
        const applied = await expectCleanFix(inPlan(`
    đề nghị NV1 "Đề nghị Ủy ban Mặt trận Tổ quốc tỉnh" {
        chủ trì MTTQ_TINH
        nhiệm vụ NV1_2 "Vận động nhân dân"
    }`), { rule: 'outside-authority', gone: ['task-without-deadline'] });
        expect(applied.files['plan.plan']).toContain('đề nghị NV1_2 "Vận động nhân dân"');
    });

    test('on the examples: the Customs heading of Cà Mau and the mixed lead of the unnamed province', async () => {
        // The plan's task-without-deadline summary counts the Customs tasks no more: requests are not held to a deadline.
        const caMau = await expectCleanFix(examplesWorkspace('ca-mau/kh-qd634.plan'), { rule: 'outside-authority', index: 2, gone: ['task-without-deadline'], added: ['task-without-deadline'] });
        expect(caMau.added[0].message).toMatch(/^Kế hoạch KH_QD634: không nhiệm vụ nào trong 49 nhiệm vụ được giao có thời hạn/);
        const text = caMau.files['ca-mau-kh-qd634.plan'];
        expect(text).toContain('phần "4" "Cục Hải quan" đề nghị CUC_HQ {');
        expect(text.split('\n').filter(l => /^\s*\[-\] đề nghị "/.test(l)).length).toBe(3);
        const mixed = await expectCleanFix(examplesWorkspace('tinh-khuyet-danh/ke-hoach-de-an-4170.plan'), { rule: 'outside-authority', index: 0, gone: ['task-without-deadline'], added: ['task-without-deadline'] });
        expect(mixed.added[0].message).toMatch(/^Kế hoạch KH_DE_AN_4170: 14 trong 16 nhiệm vụ được giao không có thời hạn/);
        expect(mixed.files['tinh-khuyet-danh-ke-hoach-de-an-4170.plan']).toContain('đề nghị TT1 "Các sở, ban, ngành, các tổ chức');
    });
});
