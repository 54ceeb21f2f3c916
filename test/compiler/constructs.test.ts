import * as fs from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, test } from 'vitest';
import { compilePlan } from '../../src/compiler/compile.js';
import type { PlanJson, TimingJson } from '../../src/compiler/plan-json.js';
import { isPlan } from '../../src/language/generated/ast.js';
import { expectNoSyntaxErrors, load, services } from '../helpers.js';

/**
 * Every construct of the language for real plans (issue "Real plans, written faithfully"), written
 * once with Vietnamese keywords and once with English ones: both parse, link, check without errors,
 * compile to the same JSON, and that JSON validates against schemas/plan.schema.json. The decomposed
 * (NFD) spelling of the Vietnamese file compiles to the same JSON as well.
 */
const REGISTRY = `
phạm vi DongNai "Tỉnh Đồng Nai"
cơ quan UBND_TINH "Ủy ban nhân dân tỉnh Đồng Nai" viết tắt "UBND tỉnh"
cơ quan CA_TINH "Công an tỉnh Đồng Nai" thuộc UBND_TINH
cơ quan SO_NV "Sở Nội vụ tỉnh Đồng Nai" thuộc UBND_TINH
cơ quan SO_GDDT "Sở Giáo dục và Đào tạo tỉnh Đồng Nai" thuộc UBND_TINH
cơ quan SO_TC "Sở Tài chính tỉnh Đồng Nai" thuộc UBND_TINH
cơ quan MTTQ_TINH "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Đồng Nai" độc lập
cơ quan HOI_PN "Hội Liên hiệp Phụ nữ tỉnh Đồng Nai" thuộc MTTQ_TINH
nhóm SO_NGANH "Các sở, ban, ngành tỉnh" thuộc UBND_TINH gồm CA_TINH, SO_NV, SO_GDDT, SO_TC
nhóm DOAN_THE "Các đoàn thể chính trị - xã hội tỉnh" độc lập gồm HOI_PN
cơ quan BCA "Bộ Công an"
văn bản LUAT_PCMT luật số "73/2021/QH14" ngày 30/3/2021 của BCA "Luật Phòng, chống ma túy" có hiệu lực từ ngày 01/01/2022
văn bản LUAT_NSNN luật năm 2015 "Luật Ngân sách nhà nước"
văn bản KL_132 kết luận số "132-KL/TW" ngày 18/3/2025 "về tiếp tục thực hiện Chỉ thị 36-CT/TW"
văn bản TTR_135 tờ trình số "135/TTr-CAT" ngày 08/6/2025 của CA_TINH
văn bản TT_1 thông tư liên tịch số "10/2013/TTLT-BTP-BCA" ngày 01/6/2013 của BCA, UBND_TINH thay thế LUAT_NSNN
văn bản CL_PCTP chiến lược "Chiến lược quốc gia phòng, chống tội phạm"
văn bản DE_AN đề án "Phòng, chống tội phạm có tổ chức" thuộc CL_PCTP
văn bản QD_4170 quyết định số "4170/QĐ-BCA-C41" ngày 14/11/2017 của BCA phê duyệt DE_AN
`;

const VIETNAMESE = `
phạm vi DongNai
văn bản QD_182 quyết định số "182/QĐ-UBND" ngày 16 tháng 6 năm 2025 tại "Đồng Nai" của UBND_TINH "Ban hành Kế hoạch phòng, chống ma túy" {
    căn cứ LUAT_PCMT
    theo đề nghị TTR_135
    điều "1" "Ban hành kèm theo Quyết định này Kế hoạch phòng, chống ma túy."
    điều "3" DIEU_3 "Chánh Văn phòng, Giám đốc Công an tỉnh, Thủ trưởng các sở chịu trách nhiệm thi hành." { thi hành CA_TINH, SO_NGANH }
    nơi nhận như DIEU_3, BCA để "báo cáo", "Thường trực: Tỉnh ủy, HĐND tỉnh" (UBND_TINH), nội bộ "Lưu: VT, NC"
    người ký "Võ Tấn Đức" chức vụ "PHÓ CHỦ TỊCH" thay mặt "ỦY BAN NHÂN DÂN" ký thay "CHỦ TỊCH"
}
kế hoạch KH_PCMT "Phòng, chống ma túy năm 2025" {
    của UBND_TINH  ban hành kèm theo QD_182
    thời gian từ nay đến năm 2030
    thực hiện KL_132
    phạm vi "Trên địa bàn tỉnh"
    đối tượng "Người nghiện ma túy, người sử dụng trái phép chất ma túy"
    "Thực hiện Kết luận số 132-KL/TW ngày 18/3/2025 và Luật Phòng, chống ma túy năm 2021." trích dẫn LUAT_PCMT ("Luật Phòng, chống ma túy năm 2021")
    "Tuân thủ Luật Ngân sách nhà nước." trích dẫn LUAT_NSNN ("Luật Ngân sách nhà nước") suy ra "không in năm; luật đang có hiệu lực"
    phần "II" "NHIỆM VỤ" {
        phần "2" "Sở Nội vụ:" giao SO_NV {
            [a)] nhiệm vụ NV_NV_A "Phối hợp với Sở Giáo dục và Đào tạo rà soát đội ngũ." { phối hợp với SO_GDDT  trong tháng 12/2025 }
            [b)] nhiệm vụ NV_NV_B "Tổng kết công tác." { hạn Quí IV-2025  hoặc đột xuất }
        }
        [1.] nhiệm vụ NV1 "Các sở, ban, ngành, đoàn thể tuyên truyền." {
            chủ trì SO_NGANH  phối hợp CA_TINH  đồng thời đề nghị DOAN_THE
            thường xuyên
            [-] nhiệm vụ NV1_A "Tổ chức hội nghị." { hạn 6 tháng đầu năm 2026 }
            chỉ tiêu CT_XA "Xã, phường không ma túy" phấn đấu đạt 20% trong năm 2025 đối với "các phường: Tân Phong, Tân Hiệp"
            chỉ tiêu CT_TY_LE "Tỷ lệ cai nghiện" ≥ 60%
            chỉ tiêu CT_SINH "Tổng tỷ suất sinh" khoảng 2,1 con/phụ nữ
            chỉ tiêu CT_GIOI "Tỷ số giới tính khi sinh" bảo đảm dưới 109 bé trai/100 bé gái đến năm 2030
            kinh phí "Từ nguồn ngân sách tỉnh." { nguồn "ngân sách tỉnh" 500.000.000 đồng năm 2025 }
        }
        nhiệm vụ NV2 "Triển khai khi Bộ Công an triển khai." { chủ trì CA_TINH  khi BCA "triển khai" }
        đề nghị NV5 "Đề nghị Ủy ban MTTQ tỉnh phối hợp với các ngành tuyên truyền." cho MTTQ_TINH { phối hợp với SO_NGANH }
        nhiệm vụ NV3 "Hướng dẫn ngay sau khi Luật có hiệu lực." { chủ trì CA_TINH  ngay sau khi LUAT_PCMT có hiệu lực  từ 01/7/2025 }
        nhiệm vụ NV4 "Cuối năm 2025 tổng kết." { chủ trì không nêu  hạn cuối năm 2025 }
        [8.] { "Đoạn một của mục 8." "Đoạn hai của mục 8." }
        báo cáo BC_NAM "Báo cáo kết quả" {
            từ SO_NGANH  gửi UBND_TINH  qua CA_TINH  tham mưu CA_TINH
            trước ngày 01/6 và 15 tháng 11  hằng năm  hoặc đột xuất
        }
        báo cáo BC_DK "Báo cáo định kỳ" { từ SO_NGANH  gửi UBND_TINH  định kỳ }
        chú thích "1" "Số liệu năm 2024."
    }
    phụ lục "I" "DANH MỤC NHIỆM VỤ" {
        [1] nhiệm vụ PL_1 "Xây dựng đề án" { chủ trì CA_TINH suy ra "cột chủ trì để trống"  phối hợp SO_NV  hạn quý IV/2025  sản phẩm "Đề án", "Quy chế" }
    }
}
`;

const ENGLISH = `
namespace DongNai
document QD_182 decision number "182/QĐ-UBND" dated 16 month 6 year 2025 at "Đồng Nai" by UBND_TINH "Ban hành Kế hoạch phòng, chống ma túy" {
    basis LUAT_PCMT
    proposed in TTR_135
    article "1" "Ban hành kèm theo Quyết định này Kế hoạch phòng, chống ma túy."
    article "3" DIEU_3 "Chánh Văn phòng, Giám đốc Công an tỉnh, Thủ trưởng các sở chịu trách nhiệm thi hành." { executed by CA_TINH, SO_NGANH }
    recipients as in DIEU_3, BCA for "báo cáo", "Thường trực: Tỉnh ủy, HĐND tỉnh" (UBND_TINH), internal "Lưu: VT, NC"
    signed by "Võ Tấn Đức" position "PHÓ CHỦ TỊCH" on behalf of "ỦY BAN NHÂN DÂN" signing for "CHỦ TỊCH"
}
plan KH_PCMT "Phòng, chống ma túy năm 2025" {
    by UBND_TINH  issued with QD_182
    period from now to year 2030
    implements KL_132
    scope "Trên địa bàn tỉnh"
    beneficiaries "Người nghiện ma túy, người sử dụng trái phép chất ma túy"
    "Thực hiện Kết luận số 132-KL/TW ngày 18/3/2025 và Luật Phòng, chống ma túy năm 2021." cites LUAT_PCMT ("Luật Phòng, chống ma túy năm 2021")
    "Tuân thủ Luật Ngân sách nhà nước." cites LUAT_NSNN ("Luật Ngân sách nhà nước") inferred "không in năm; luật đang có hiệu lực"
    section "II" "NHIỆM VỤ" {
        section "2" "Sở Nội vụ:" assign SO_NV {
            [a)] task NV_NV_A "Phối hợp với Sở Giáo dục và Đào tạo rà soát đội ngũ." { in support of SO_GDDT  during month 12/2025 }
            [b)] task NV_NV_B "Tổng kết công tác." { due quarter IV-2025  or on request }
        }
        [1.] task NV1 "Các sở, ban, ngành, đoàn thể tuyên truyền." {
            lead SO_NGANH  support CA_TINH  also request DOAN_THE
            ongoing
            [-] task NV1_A "Tổ chức hội nghị." { due first half of 2026 }
            target CT_XA "Xã, phường không ma túy" strive to reach 20% within year 2025 applies to "các phường: Tân Phong, Tân Hiệp"
            target CT_TY_LE "Tỷ lệ cai nghiện" >= 60%
            target CT_SINH "Tổng tỷ suất sinh" approximately 2,1 con/phụ nữ
            target CT_GIOI "Tỷ số giới tính khi sinh" ensure below 109 bé trai/100 bé gái by year 2030
            funding "Từ nguồn ngân sách tỉnh." { source "ngân sách tỉnh" 500.000.000 đồng year 2025 }
        }
        task NV2 "Triển khai khi Bộ Công an triển khai." { lead CA_TINH  when BCA "triển khai" }
        request NV5 "Đề nghị Ủy ban MTTQ tỉnh phối hợp với các ngành tuyên truyền." for MTTQ_TINH { in support of SO_NGANH }
        task NV3 "Hướng dẫn ngay sau khi Luật có hiệu lực." { lead CA_TINH  immediately after LUAT_PCMT takes effect  from 01/7/2025 }
        task NV4 "Cuối năm 2025 tổng kết." { lead not stated  due end of 2025 }
        [8.] { "Đoạn một của mục 8." "Đoạn hai của mục 8." }
        report BC_NAM "Báo cáo kết quả" {
            from SO_NGANH  to UBND_TINH  via CA_TINH  prepared by CA_TINH
            before 01/6 and 15 month 11  yearly  or on request
        }
        report BC_DK "Báo cáo định kỳ" { from SO_NGANH  to UBND_TINH  periodically }
        footnote "1" "Số liệu năm 2024."
    }
    annex "I" "DANH MỤC NHIỆM VỤ" {
        [1] task PL_1 "Xây dựng đề án" { lead CA_TINH inferred "cột chủ trì để trống"  support SO_NV  due quarter IV/2025  deliverable "Đề án", "Quy chế" }
    }
}
`;

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats.default(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync('schemas/plan.schema.json', 'utf8')));

async function compile(source: string): Promise<PlanJson> {
    const loaded = await load({ 'plan.plan': source, 'registry.plan': REGISTRY });
    expectNoSyntaxErrors(loaded);
    expect(loaded.diagnostics.filter(d => d.severity === 1).map(d => d.message)).toEqual([]);
    const json = compilePlan(loaded.model.elements.find(isPlan)!, '/ws', services);
    const written = JSON.parse(JSON.stringify(json));
    expect(validate(written), JSON.stringify(validate.errors, null, 2)).toBe(true);
    return written;
}

function task(json: PlanJson, key: string) {
    const t = json.tasks.find(x => x.key === key);
    expect(t, key).toBeDefined();
    return t!;
}

function target(json: PlanJson, key: string) {
    const t = json.targets.find(x => x.key === key);
    expect(t, key).toBeDefined();
    return t!;
}

describe('constructs for real plans', () => {
    test('Vietnamese, English and decomposed (NFD) spellings compile to the same plan', async () => {
        const vi = await compile(VIETNAMESE);
        const en = await compile(ENGLISH);
        const nfd = await compile(VIETNAMESE.normalize('NFD'));
        expect(JSON.stringify(nfd)).toBe(JSON.stringify(vi));
        // The English file writes the same plan; only the spelling of keywords inside `text` differs.
        const ids = (j: PlanJson) => ({
            tasks: j.tasks.map(t => [t.key, t.label, t.path, t.effectiveLeads.map(p => p.id), t.effectiveSupports.map(p => p.id), t.requested.map(p => p.id), t.leadsFrom, t.leadUnstated, t.dueDates, t.timings.map(x => [x.kind, 'earliest' in x ? x.earliest : null, 'latest' in x ? x.latest : null])]),
            targets: j.targets.map(t => [t.key, t.owners.map(p => p.id), t.commitment, t.comparison?.op, t.comparison?.value, t.comparison?.unit, t.dueDates, t.scope]),
            reports: j.reports.map(r => [r.key, r.preparedBy?.id, r.via?.id, r.timings.map(x => x.kind), r.recurrence?.interval, r.occurrences]),
            citations: j.citations.map(c => [c.document?.id, c.printed, c.explicit, c.offset]),
            recipients: j.recipients.map(r => [r.parties.map(p => p.id), r.purpose, r.internal, r.article]),
            signer: j.signer, period: j.period, date: j.date, inferred: j.inferred, footnotes: j.footnotes,
            instrument: [j.issuedWith?.articles.map(a => [a.number, a.executors.map(p => p.id)]), j.issuedWith?.proposals.map(p => p.id), j.issuedWith?.basis.map(b => b.id)],
            agencies: j.agencies.map(a => [a.agency.id, a.leads, a.supports, a.requested, a.throughGroups.length]),
        });
        expect(ids(en)).toEqual(ids(vi));
    });

    test('time: a month, a quarter, a half-year, a long-form date, "thường xuyên", "từ", events and "hoặc đột xuất"', async () => {
        const json = await compile(VIETNAMESE);
        const month = task(json, 'NV_NV_A').timings[0] as Extract<TimingJson, { kind: 'deadline' }>;
        expect(month).toMatchObject({ kind: 'deadline', relation: 'during', text: 'trong tháng 12/2025', earliest: '2025-12-01', latest: '2025-12-31' });
        expect(month.points[0]).toMatchObject({ kind: 'month', month: '2025-12', year: 2025, start: '2025-12-01', end: '2025-12-31' });
        // "tháng 12/2025" is never the year 12.
        expect(JSON.stringify(month)).not.toContain('"year":12');
        const quarter = task(json, 'NV_NV_B');
        expect(quarter.timings).toEqual([
            expect.objectContaining({ kind: 'deadline', relation: 'by', text: 'hạn Quí IV-2025', earliest: '2025-10-01', latest: '2025-12-31', points: [expect.objectContaining({ kind: 'quarter', quarter: 4, year: 2025 })] }),
            { kind: 'onRequest', text: 'hoặc đột xuất' },
        ]);
        expect(quarter.dueDates).toEqual(['2025-12-31']);
        expect(task(json, 'NV1_A').timings[0]).toMatchObject({ earliest: '2026-01-01', latest: '2026-06-30', points: [{ kind: 'half', half: 1, year: 2026 }] });
        // "thường xuyên": ongoing, over the plan period (from the plan's date, "nay", to the end of 2030).
        expect(task(json, 'NV1').timings).toEqual([{ kind: 'ongoing', text: 'thường xuyên', earliest: '2025-06-16', latest: '2030-12-31' }]);
        expect(json.period).toEqual({ start: '2025-06-16', end: '2030-12-31' });
        expect(json.date).toBe('2025-06-16'); // "ngày 16 tháng 6 năm 2025", the decision's date
        expect(task(json, 'NV2').timings).toEqual([expect.objectContaining({
            kind: 'event', relation: 'when', event: 'triển khai', party: expect.objectContaining({ id: 'DongNai.BCA' }), document: null, earliest: null,
        })]);
        expect(task(json, 'NV3').timings).toEqual([
            expect.objectContaining({ kind: 'event', relation: 'immediatelyAfter', takesEffect: true, document: expect.objectContaining({ id: 'DongNai.LUAT_PCMT' }), earliest: '2022-01-01' }),
            expect.objectContaining({ kind: 'start', earliest: '2025-07-01', latest: null, start: expect.objectContaining({ kind: 'date', date: '2025-07-01' }) }),
        ]);
    });

    test('recurring deadlines: several days a year, "hoặc đột xuất", and "định kỳ" without an interval', async () => {
        const json = await compile(VIETNAMESE);
        const report = json.reports.find(r => r.key === 'BC_NAM')!;
        expect(report.timings[0]).toMatchObject({ kind: 'deadline', relation: 'before', recurring: true, points: [{ monthDay: '--06-01' }, { monthDay: '--11-15' }] });
        expect(report.occurrences.slice(0, 3)).toEqual([
            { due: '2025-11-14' },
            { due: '2026-05-31' },
            { due: '2026-11-14' },
        ]);
        expect(report.occurrences.at(-1)!.due).toBe('2030-11-14');
        expect(report.preparedBy?.id).toBe('DongNai.CA_TINH');
        expect(report.via?.id).toBe('DongNai.CA_TINH');
        const periodic = json.reports.find(r => r.key === 'BC_DK')!;
        expect(periodic.recurrence).toEqual({ text: 'định kỳ', intervalMonths: null, interval: null });
    });

    test('targets: inside a task (owned by its lead), ≥, khoảng, decimal comma, ratio units, phấn đấu / bảo đảm, scope', async () => {
        const json = await compile(VIETNAMESE);
        expect(task(json, 'NV1').targets).toEqual(['CT_XA', 'CT_TY_LE', 'CT_SINH', 'CT_GIOI']);
        expect(target(json, 'CT_XA')).toMatchObject({
            task: 'NV1', owners: [{ id: 'DongNai.SO_NGANH' }], commitment: 'aspirational',
            comparison: { op: 'atLeast', value: 20, unit: '%' }, dueDates: ['2025-12-31'],
            scope: [{ party: null, text: 'các phường: Tân Phong, Tân Hiệp' }],
            statement: 'Xã, phường không ma túy: phấn đấu đạt 20% trong năm 2025 đối với các phường: Tân Phong, Tân Hiệp',
        });
        expect(target(json, 'CT_TY_LE')).toMatchObject({ commitment: null, comparison: { op: 'atLeast', value: 60, unit: '%', text: '≥ 60%' } });
        expect(target(json, 'CT_SINH').comparison).toMatchObject({ op: 'approximately', value: 2.1, unit: 'con/phụ nữ' });
        expect(target(json, 'CT_GIOI')).toMatchObject({
            commitment: 'firm', comparison: { op: 'below', value: 109, unit: 'bé trai/100 bé gái' }, dueDates: ['2030-12-31'],
        });
    });

    test('responsibility: a heading addressed to a body, "phối hợp với", a duty that also requests, an unstated lead, groups in the index', async () => {
        const json = await compile(VIETNAMESE);
        // "2. Sở Nội vụ: a) Phối hợp với Sở Giáo dục và Đào tạo …": Sở GD&ĐT leads, Sở Nội vụ supports.
        expect(task(json, 'NV_NV_A')).toMatchObject({
            leadsFrom: 'cooperatesWith', effectiveLeads: [{ id: 'DongNai.SO_GDDT' }], effectiveSupports: [{ id: 'DongNai.SO_NV' }],
            label: 'a)', path: ['II', '2', 'a'],
        });
        expect(task(json, 'NV_NV_B')).toMatchObject({ leadsFrom: 'heading', effectiveLeads: [{ id: 'DongNai.SO_NV' }] });
        const section = (json.body[4] as { items: unknown[] }).items[0];
        expect(section).toMatchObject({ type: 'section', number: '2', heading: 'Sở Nội vụ:', mode: 'directed', addressees: [{ id: 'DongNai.SO_NV' }] });
        // Sub-tasks inherit cooperating units as they inherit leads.
        expect(task(json, 'NV1_A')).toMatchObject({ leadsFrom: 'task', effectiveLeads: [{ id: 'DongNai.SO_NGANH' }], effectiveSupports: [{ id: 'DongNai.CA_TINH' }] });
        expect(task(json, 'NV1')).toMatchObject({ requested: [{ id: 'DongNai.DOAN_THE' }], mode: 'directed' });
        // "Đề nghị Ủy ban MTTQ tỉnh phối hợp với các ngành": addressed to the Front, which supports the departments.
        expect(task(json, 'NV5')).toMatchObject({
            mode: 'requested', addressees: [{ id: 'DongNai.MTTQ_TINH' }], leadsFrom: 'cooperatesWith',
            effectiveLeads: [{ id: 'DongNai.SO_NGANH' }], effectiveSupports: [{ id: 'DongNai.MTTQ_TINH' }],
        });
        expect(task(json, 'NV4')).toMatchObject({ leadUnstated: true, effectiveLeads: [], leadsFrom: null, inferred: {} });
        expect(task(json, 'PL_1').inferred).toEqual({ leads: 'cột chủ trì để trống' });
        // The index counts what a body holds through each group that lists it.
        const education = json.agencies.find(a => a.agency.id === 'DongNai.SO_GDDT')!;
        expect(education.leads).toEqual(['NV_NV_A']);
        expect(education.throughGroups).toEqual(expect.arrayContaining([
            { group: 'DongNai.SO_NGANH', role: 'leads', key: 'NV1' },
            { group: 'DongNai.SO_NGANH', role: 'reports', key: 'BC_NAM' },
            { group: 'DongNai.SO_NGANH', role: 'recipient', key: null },
        ]));
        expect(json.agencies.find(a => a.agency.id === 'DongNai.HOI_PN')!.throughGroups).toEqual([{ group: 'DongNai.DOAN_THE', role: 'requested', key: 'NV1' }]);
    });

    test('the issuing decision: basis, proposal, articles, recipients ("Như Điều 3" resolved), signer with position and two authorities (TM., KT.)', async () => {
        const json = await compile(VIETNAMESE);
        expect(json.issuedWith).toMatchObject({
            id: 'DongNai.QD_182', number: '182/QĐ-UBND', date: '2025-06-16', role: 'issuedWith',
            basis: [{ id: 'DongNai.LUAT_PCMT', effective: { date: '2022-01-01', onSigning: false } }],
            proposals: [{ id: 'DongNai.TTR_135' }],
            articles: [{ number: '1', executors: [] }, { number: '3', name: 'DIEU_3', executors: [{ id: 'DongNai.CA_TINH' }, { id: 'DongNai.SO_NGANH' }] }],
        });
        // The plan has no recipients or signer of its own: they are its decision's.
        expect(json.recipientsFrom).toBe('issuedWith');
        expect(json.recipients).toEqual([
            { text: 'Như Điều 3', party: null, parties: [expect.objectContaining({ id: 'DongNai.CA_TINH' }), expect.objectContaining({ id: 'DongNai.SO_NGANH' })], purpose: null, internal: false, article: '3', asAbove: false },
            expect.objectContaining({ party: expect.objectContaining({ id: 'DongNai.BCA' }), purpose: 'báo cáo' }),
            expect.objectContaining({ text: 'Thường trực: Tỉnh ủy, HĐND tỉnh', parties: [expect.objectContaining({ id: 'DongNai.UBND_TINH' })] }),
            expect.objectContaining({ text: 'Lưu: VT, NC', internal: true, parties: [] }),
        ]);
        expect(json.signerFrom).toBe('issuedWith');
        // "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH": both authorities, in the order printed; KT. is the signer's own.
        expect(json.signer).toEqual({
            person: 'Võ Tấn Đức', position: 'PHÓ CHỦ TỊCH', authority: { kind: 'signingFor', prefix: 'KT.', principal: 'CHỦ TỊCH' },
            authorities: [
                { kind: 'onBehalfOf', prefix: 'TM.', principal: 'ỦY BAN NHÂN DÂN' },
                { kind: 'signingFor', prefix: 'KT.', principal: 'CHỦ TỊCH' },
            ],
            text: 'TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Võ Tấn Đức',
        });
        expect(json.agencies.find(a => a.agency.id === 'DongNai.CA_TINH')!.recipient).toBe(true);
    });

    test('citations: number-symbols in prose are linked to the declared documents, with where they occur; "trích dẫn" links one without a number', async () => {
        const json = await compile(VIETNAMESE);
        const paragraph = 'Thực hiện Kết luận số 132-KL/TW ngày 18/3/2025 và Luật Phòng, chống ma túy năm 2021.';
        expect(json.citations).toEqual(expect.arrayContaining([
            expect.objectContaining({
                document: expect.objectContaining({ id: 'DongNai.KL_132', kind: 'conclusion' }), printed: '132-KL/TW', kindWord: 'Kết luận',
                printedDate: '18/3/2025', explicit: false, offset: paragraph.indexOf('132-KL/TW'), length: 9,
                in: expect.objectContaining({ type: 'paragraph', key: null, field: 'text' }),
            }),
            expect.objectContaining({
                document: expect.objectContaining({ id: 'DongNai.LUAT_PCMT' }), explicit: true, printed: null,
                offset: paragraph.indexOf('Luật Phòng, chống ma túy năm 2021'), length: 'Luật Phòng, chống ma túy năm 2021'.length,
            }),
        ]));
        expect(json.citations.find(c => c.document?.id === 'DongNai.LUAT_NSNN')).toMatchObject({ explicit: true, inferred: 'không in năm; luật đang có hiệu lực' });
        expect(json.citations.find(c => c.document?.id === 'DongNai.KL_132')!.inferred).toBeNull();
        // The instrument's prose is cited too.
        expect(json.citations.filter(c => c.document?.id === 'DongNai.QD_182').length).toBe(0);
    });

    test('structure: item labels and paths, items of several paragraphs, annexes whose rows are tasks, footnotes, funding with sources, scope and beneficiaries', async () => {
        const json = await compile(VIETNAMESE);
        expect(task(json, 'NV1')).toMatchObject({ label: '1.', path: ['II', '1'] });
        expect(task(json, 'NV1_A')).toMatchObject({ label: '-', path: ['II', '1'] });
        const part = json.body[4] as { items: Array<Record<string, unknown>> };
        expect(part.items.find(i => i.type === 'section' && i.label === '8.')).toEqual({
            type: 'section', number: null, label: '8.', heading: null, mode: null, addressees: [], separateRemits: false,
            items: [{ type: 'paragraph', label: null, text: 'Đoạn một của mục 8.' }, { type: 'paragraph', label: null, text: 'Đoạn hai của mục 8.' }],
        });
        expect(json.body.find(i => i.type === 'annex')).toMatchObject({ number: 'I', heading: 'DANH MỤC NHIỆM VỤ', items: [{ type: 'task', key: 'PL_1' }] });
        expect(task(json, 'PL_1')).toMatchObject({
            label: '1', path: ['I', '1'], dueDates: ['2025-12-31'], effectiveSupports: [{ id: 'DongNai.SO_NV' }], deliverables: ['Đề án', 'Quy chế'],
        });
        expect(json.footnotes).toEqual([{ number: '1', text: 'Số liệu năm 2024.' }]);
        expect(task(json, 'NV1').funding).toEqual([{
            label: null, text: 'Từ nguồn ngân sách tỉnh.',
            sources: [{ source: 'ngân sách tỉnh', amount: { value: 500000000, unit: 'đồng' }, period: null, year: 2025 }],
        }]);
        expect(json.body.slice(0, 2)).toEqual([
            { type: 'scope', label: null, text: 'Trên địa bàn tỉnh' },
            { type: 'beneficiaries', label: null, text: 'Người nghiện ma túy, người sử dụng trái phép chất ma túy' },
        ]);
    });

    test('documents: several issuers, a year-only law, relations, effective dates', async () => {
        const loaded = await load({ 'plan.plan': VIETNAMESE, 'registry.plan': REGISTRY });
        const json = compilePlan(loaded.model.elements.find(isPlan)!, '/ws', services);
        const law = json.issuedWith!.basis[0];
        expect(law).toMatchObject({ kind: 'law', number: '73/2021/QH14', effective: { date: '2022-01-01', onSigning: false } });
        const registry = loaded.documents['registry.plan'].parseResult.value;
        const joint = registry.elements.find(e => e.name === 'TT_1');
        expect(joint && 'coIssuers' in joint ? joint.coIssuers.map(r => r.ref?.name) : []).toEqual(['UBND_TINH']);
        const budget = registry.elements.find(e => e.name === 'LUAT_NSNN');
        expect(budget && 'year' in budget ? budget.year : undefined).toBe(2015);
        const scheme = registry.elements.find(e => e.name === 'DE_AN');
        expect(scheme && 'partOf' in scheme ? scheme.partOf.map(r => r.ref?.name) : []).toEqual(['CL_PCTP']);
        const decision = registry.elements.find(e => e.name === 'QD_4170');
        expect(decision && 'approves' in decision ? decision.approves.map(r => r.ref?.name) : []).toEqual(['DE_AN']);
    });

    test('leads each in their own remit ("theo chức năng"): same effective leads, marked separateRemits, inherited; in every spelling', async () => {
        const plan = (lead: string, heading: string) => `
phạm vi DongNai
kế hoạch KH "Kế hoạch" {
    của UBND_TINH
    nhiệm vụ NV1 "Các sở, ban, ngành theo chức năng, nhiệm vụ được giao tuyên truyền." {
        ${lead}
        nhiệm vụ NV1_A "Tổ chức hội nghị."
    }
    phần "2" "Sở Nội vụ, Sở Tài chính:" ${heading} {
        nhiệm vụ NV2 "Rà soát."
    }
    nhiệm vụ NV3 "Công an tỉnh, Sở Nội vụ phối hợp." { chủ trì CA_TINH, SO_NV }
}`;
        const forms = [
            plan('chủ trì SO_NGANH, CA_TINH theo chức năng', 'giao SO_NV, SO_TC theo chức năng'),
            plan('chủ trì SO_NGANH, CA_TINH theo chức năng'.normalize('NFD'), 'giao SO_NV, SO_TC THEO   CHỨC NĂNG'.normalize('NFD')),
            plan('lead SO_NGANH, CA_TINH each in own remit', 'assign SO_NV, SO_TC each in own remit'),
        ];
        const compiled = [];
        for (const source of forms) {
            const json = await compile(source);
            expect(task(json, 'NV1')).toMatchObject({ separateRemits: true, leads: [{ id: 'DongNai.SO_NGANH' }, { id: 'DongNai.CA_TINH' }] });
            expect(task(json, 'NV1_A')).toMatchObject({ separateRemits: true, leadsFrom: 'task', effectiveLeads: [{ id: 'DongNai.SO_NGANH' }, { id: 'DongNai.CA_TINH' }] });
            expect(task(json, 'NV2')).toMatchObject({ separateRemits: true, leadsFrom: 'heading' });
            expect(task(json, 'NV3')).toMatchObject({ separateRemits: false });
            expect(json.body[1]).toMatchObject({ type: 'section', separateRemits: true, addressees: [{ id: 'DongNai.SO_NV' }, { id: 'DongNai.SO_TC' }] });
            compiled.push(json);
        }
        expect(compiled[1]).toEqual(compiled[0]);
        expect(compiled[2].tasks).toEqual(compiled[0].tasks);
    });

    test('the recurring dates expand only inside a period the plan states: an inferred period gives none', async () => {
        const inferred = VIETNAMESE.replace('thời gian từ nay đến năm 2030', 'thời gian từ nay đến năm 2030 suy ra "bản gốc không nêu"');
        const json = await compile(inferred);
        expect(json.inferred).toEqual({ period: 'bản gốc không nêu' });
        expect(json.period).toEqual({ start: '2025-06-16', end: '2030-12-31' });
        expect(json.reports.find(r => r.key === 'BC_NAM')!.occurrences).toEqual([]);
        expect(task(json, 'NV1').timings).toEqual([{ kind: 'ongoing', text: 'thường xuyên', earliest: null, latest: null }]);
    });
});
