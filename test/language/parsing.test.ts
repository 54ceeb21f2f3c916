import { describe, expect, test } from 'vitest';
import type { Plan, Report, Section, Target, Task } from '../../src/language/generated/ast.js';
import { isPlan } from '../../src/language/generated/ast.js';
import { expectNoSyntaxErrors, load, services } from '../helpers.js';

const VIETNAMESE = `
phạm vi VinhPhuc "Tỉnh Vĩnh Phúc"
/** Cơ quan chủ quản. */
cơ quan UBND_TINH "Ủy ban nhân dân tỉnh Vĩnh Phúc" viết tắt "UBND tỉnh", "Ủy ban tỉnh"
cơ quan CA_TINH "Công an tỉnh Vĩnh Phúc" thuộc UBND_TINH
cơ quan VKS_TINH "Viện kiểm sát nhân dân tỉnh" độc lập
nhóm SO_NGANH "Các sở, ban, ngành tỉnh" thuộc UBND_TINH gồm CA_TINH
chỉ số TL "Tỷ lệ giải quyết tin báo" đơn vị %
văn bản CT_39 chỉ thị số "39/CT-TTg" ngày 24/10/2017 của UBND_TINH "về tăng cường công tác phòng ngừa"
văn bản QD_1 quyết định số "1/QĐ-UBND" ngày 2020-06-16 của UBND_TINH "Ban hành Kế hoạch" {
    căn cứ CT_39
    người ký "KT. CHỦ TỊCH"
    nơi nhận CA_TINH, "Lưu: VT"
    "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch."
    chỉ tiêu CT_QD "Tỷ lệ" chỉ số TL trên 85%
}
kế hoạch KH "Triển khai thực hiện Chỉ thị số 39/CT-TTg" {
    số "10/KH-UBND"  ngày 05/9/2018  tại "Vĩnh Phúc"  của UBND_TINH  người ký "Chủ tịch"
    thời gian từ năm 2018 đến năm 2020
    căn cứ CT_39  thực hiện CT_39  ban hành kèm theo QD_1
    nơi nhận CA_TINH, SO_NGANH, "Lưu: VT, NC1"
    "Đoạn mở đầu."
    phần "I" "Mục tiêu" {
        mục tiêu "Nâng cao nhận thức."
        chỉ tiêu CT1 "Tỷ lệ giải quyết" chỉ số TL trên 90% hằng năm
        chỉ tiêu CT2 "Số vụ" giảm ít nhất 5% so với năm trước hàng năm
        chỉ tiêu CT3 "Tỉ lệ phạm pháp" giảm từ 3% đến 5% so với "trước khi triển khai Đề án"
        chỉ tiêu CT4 "Tái phạm" giảm xuống dưới 15% hạn cuối năm 2020
        chỉ tiêu CT5 "Điều tra" 80% trở lên
        chỉ tiêu CT6 "Số hộ mỗi tổ" tối đa 40 hộ
        chỉ tiêu CT7 "Tham nhũng" giảm so với năm 2019
    }
    phần "II" "Nhiệm vụ" {
        phần "1" "Các sở" {
            nhiệm vụ NV1 "Các sở có trách nhiệm:" {
                chủ trì SO_NGANH  phối hợp CA_TINH  hạn 31/12/2019  sản phẩm "Báo cáo rà soát"  phục vụ CT1, CT2
                "Đoạn thêm."
                nhiệm vụ NV1A "Tuyên truyền" { hằng năm  trước ngày 15/12 }
            }
        }
        giao NV2 "Giao Công an tỉnh" { chủ trì CA_TINH  định kỳ 6 tháng }
        đề nghị NV3 "Đề nghị Viện kiểm sát" { chủ trì VKS_TINH }
    }
    phần "III" "Tổ chức thực hiện" {
        giai đoạn GD1 "Giai đoạn 1" từ 2018 đến 2019 { "Triển khai." }
        báo cáo BC "Báo cáo 10 tháng" {
            từ SO_NGANH  gửi UBND_TINH  qua CA_TINH
            kỳ từ ngày 15/9 năm trước đến ngày 14/7  trước ngày 20/7  hằng năm
            "Nội dung báo cáo."
        }
        kinh phí "Ngân sách nhà nước."
    }
}
`;

const ENGLISH = `
namespace VinhPhuc "Vinh Phuc province"
agency UBND_TINH "Provincial People's Committee" alias "UBND tỉnh"
agency CA_TINH "Provincial Police" under UBND_TINH
agency VKS_TINH "Provincial Procuracy" independent
group SO_NGANH "Provincial departments" under UBND_TINH members CA_TINH
indicator TL "Resolution rate of crime reports" unit %
document CT_39 directive number "39/CT-TTg" dated 24/10/2017 by UBND_TINH "on crime prevention"
document QD_1 decision number "1/QĐ-UBND" dated 2020-06-16 by UBND_TINH "Issuing the plan" {
    basis CT_39
    signed by "Chairman"
    recipients CA_TINH, "Archive"
    "Article 1."
    target CT_QD "Rate" indicator TL above 85%
}
plan KH "Implementing Directive 39/CT-TTg" {
    number "10/KH-UBND"  dated 05/9/2018  at "Vinh Phuc"  by UBND_TINH  signed by "Chairman"
    period from year 2018 to year 2020
    basis CT_39  implements CT_39  issued with QD_1
    recipients CA_TINH, SO_NGANH, "Archive"
    "Opening paragraph."
    section "I" "Objectives" {
        objective "Raise awareness."
        target CT1 "Resolution rate" indicator TL above 90% yearly
        target CT2 "Cases" decrease at least 5% compared to previous year annually
        target CT3 "Crime rate" decrease between 3% and 5% compared to "before the scheme"
        target CT4 "Reoffending" decrease down to below 15% due end of 2020
        target CT5 "Investigation" 80% or more
        target CT6 "Households per group" at most 40 hộ
        target CT7 "Corruption" decrease compared to year 2019
    }
    section "II" "Tasks" {
        section "1" "Departments" {
            task NV1 "Departments shall:" {
                lead SO_NGANH  support CA_TINH  due 31/12/2019  deliverable "Review report"  serves CT1, CT2
                "Extra paragraph."
                task NV1A "Communicate" { yearly  before 15/12 }
            }
        }
        assign NV2 "The police" { lead CA_TINH  every 6 months }
        request NV3 "The procuracy is requested" { lead VKS_TINH }
    }
    section "III" "Implementation" {
        phase GD1 "Phase 1" from 2018 to 2019 { "Roll out." }
        report BC "Ten-month report" {
            from SO_NGANH  to UBND_TINH  via CA_TINH
            covering from 15/9 previous year to 14/7  before 20/7  yearly
            "Report content."
        }
        funding "State budget."
    }
}
`;

/** The day of the first deadline of a task or report, as written in short form. */
function dueDay(node: Task | Report): string | undefined {
    const first = node.timings.find(t => t.$type === 'Deadline');
    return first?.$type === 'Deadline' ? first.points[0]?.day : undefined;
}

/** A structural digest of the plan, independent of the keyword language. */
function digest(plan: Plan) {
    const sections = plan.members.filter((m): m is Section => m.$type === 'Section');
    const targets = sections[0].members.filter((m): m is Target => m.$type === 'Target');
    const tasksSection = sections[1];
    const nv1 = ((tasksSection.members[0] as Section).members[0]) as Task;
    const report = sections[2].members.find((m): m is Report => m.$type === 'Report')!;
    return {
        number: plan.number, date: plan.date, place: plan.place, issuer: plan.issuer?.ref?.name,
        period: [plan.period?.start.year, plan.period?.end.year],
        basis: plan.basis.map(b => b.ref?.name), implements: plan.implements.map(b => b.ref?.name),
        issuedWith: plan.issuedWith?.ref?.name,
        recipients: plan.recipients.map(r => r.party?.ref?.name ?? r.text),
        sectionNumbers: sections.map(s => s.number),
        targets: targets.map(t => ({
            name: t.name, indicator: t.indicator?.ref?.name, value: t.comparison?.value?.value, upper: t.comparison?.upper?.value,
            unit: t.comparison?.value?.unit, change: t.change !== undefined, toLevel: t.change?.toLevel ?? false,
            baselinePrev: t.baseline?.previousYear ?? false, baselineYear: t.baseline?.year, hasBaselineText: t.baseline?.text !== undefined,
            recurring: t.recurrence !== undefined, dueYear: t.timings[0]?.points[0]?.year, endOfYear: t.timings[0]?.points[0]?.endOfYear ?? false,
        })),
        nv1: {
            leads: nv1.leads.map(l => l.ref?.name), supports: nv1.supports.map(s => s.ref?.name), due: dueDay(nv1),
            serves: nv1.serves.map(s => s.ref?.name), deliverable: nv1.deliverables.length > 0,
            members: nv1.members.map(m => m.$type),
        },
        tasks: tasksSection.members.filter((m): m is Task => m.$type === 'Task').map(t => [t.name, t.leads.map(l => l.ref?.name), t.recurrence?.count]),
        report: {
            reporters: report.reporters.map(r => r.ref?.name), recipients: report.recipients.map(r => r.ref?.name), via: report.via?.ref?.name,
            period: [report.period?.start.day, report.period?.start.previousYear, report.period?.end.day],
            due: dueDay(report), recurring: report.recurrence !== undefined, paragraphs: report.members.length,
        },
    };
}

describe('parsing and linking', () => {
    test('every construct parses and links with Vietnamese keywords', async () => {
        const loaded = await load(VIETNAMESE);
        expectNoSyntaxErrors(loaded);
        expect(loaded.diagnostics.filter(d => d.severity === 1)).toEqual([]);
        const plan = loaded.model.elements.find(isPlan)!;
        const d = digest(plan);
        expect(d.issuer).toBe('UBND_TINH');
        expect(d.period).toEqual([2018, 2020]);
        expect(d.nv1.leads).toEqual(['SO_NGANH']);
        expect(d.nv1.supports).toEqual(['CA_TINH']);
        expect(d.nv1.serves).toEqual(['CT1', 'CT2']);
        expect(d.nv1.members).toEqual(['Paragraph', 'Task']);
        expect(d.report).toEqual({
            reporters: ['SO_NGANH'], recipients: ['UBND_TINH'], via: 'CA_TINH',
            period: ['15/9', true, '14/7'], due: '20/7', recurring: true, paragraphs: 1,
        });
        expect(d.targets.map(t => t.value)).toEqual([90, 5, 3, 15, 80, 40, undefined]);
        expect(d.targets[6]).toMatchObject({ change: true, baselineYear: 2019 });
    });

    test('the English keywords give the same structure', async () => {
        const vi = await load(VIETNAMESE);
        const viDigest = digest(vi.model.elements.find(isPlan)!);
        const en = await load(ENGLISH);
        expectNoSyntaxErrors(en);
        expect(en.diagnostics.filter(d => d.severity === 1)).toEqual([]);
        const enDigest = digest(en.model.elements.find(isPlan)!);
        // Only the free text differs between the two files.
        expect({ ...enDigest, place: undefined, recipients: enDigest.recipients.map(r => r?.startsWith('A') ? '*' : r) })
            .toEqual({ ...viDigest, place: undefined, recipients: viDigest.recipients.map(r => r?.startsWith('L') ? '*' : r) });
    });

    test('keywords match in any case and with any blanks between their words', async () => {
        const loaded = await load(`
CƠ QUAN A "Cơ quan A"
Kế Hoạch KH "x" {
    Căn   cứ VB
    Phần "I" "Nhiệm vụ" { Nhiệm vụ "y" { Chủ trì A } }
}
Văn bản VB Chỉ thị số "1/CT-TTg"`);
        expectNoSyntaxErrors(loaded);
        expect(loaded.diagnostics.filter(d => d.severity === 1)).toEqual([]);
    });

    test('keywords and identifiers written in decomposed Unicode (NFD) parse like composed (NFC)', async () => {
        const nfd = VIETNAMESE.normalize('NFD');
        expect(nfd).not.toBe(VIETNAMESE);
        const loaded = await load(nfd);
        expectNoSyntaxErrors(loaded);
        expect(loaded.diagnostics.filter(d => d.severity === 1)).toEqual([]);
        const plan = loaded.model.elements.find(isPlan)!;
        // Strings are normalized to NFC, so diacritics survive and compare equal to composed text.
        expect(plan.title).toBe('Triển khai thực hiện Chỉ thị số 39/CT-TTg');
    });

    test('comments are skipped and a doc comment stays attached to its declaration', async () => {
        const loaded = await load(`
// line comment
/* block
   comment */
/** Công an tỉnh, cơ quan thường trực. */
cơ quan CA "Công an tỉnh"`);
        expectNoSyntaxErrors(loaded);
        const agency = loaded.model.elements[0];
        const { services } = await import('../helpers.js');
        expect(services.documentation.CommentProvider.getComment(agency)).toContain('cơ quan thường trực');
    });

    test('a syntax error is reported with its position', async () => {
        const loaded = await load('kế hoạch KH "x" {\n    phần {\n}\n}\n');
        expect(loaded.main.parseResult.parserErrors.length).toBeGreaterThan(0);
        expect(loaded.diagnostics.some(d => d.severity === 1 && d.range.start.line === 1)).toBe(true);
    });
});

describe('tasks that cite documents and carry reports', () => {
    test('a task cites documents with căn cứ / basis and holds its report; a document has a place', async () => {
        for (const source of [`
cơ quan A "A"
văn bản ND_208 nghị định số "208/2013/NĐ-CP" ngày 17/12/2013 tại "Hà Nội" của A "quy định các biện pháp"
kế hoạch KH "x" {
    số "1/KH-UBND"  ngày 02/01/2020  của A  thời gian từ 2020 đến 2021
    nhiệm vụ NV "Thực hiện nghiêm túc Nghị định số 208/2013/NĐ-CP" {
        chủ trì A  căn cứ ND_208
        báo cáo BC "Báo cáo kết quả" { từ A  gửi A  trước ngày 15/12  hằng năm }
    }
}`, `
agency A "A"
document ND_208 decree number "208/2013/NĐ-CP" dated 17/12/2013 at "Hà Nội" by A "on measures"
plan KH "x" {
    number "1/KH-UBND"  dated 02/01/2020  by A  period from 2020 to 2021
    task NV "Enforce Decree 208/2013/NĐ-CP" {
        lead A  basis ND_208
        report BC "Results" { from A  to A  before 15/12  yearly }
    }
}`]) {
            const loaded = await load(source);
            expectNoSyntaxErrors(loaded);
            expect(loaded.diagnostics.filter(d => d.severity === 1)).toEqual([]);
            const { compilePlan } = await import('../../src/compiler/compile.js');
            const json = compilePlan(loaded.model.elements.find(isPlan)!, '/', services);
            expect(json.tasks[0].cites.map(c => c.number)).toEqual(['208/2013/NĐ-CP']);
            expect(json.tasks[0].reports).toEqual(['BC']);
            // "before 15/12" is read literally: due by the 14th.
            expect(json.reports[0].occurrences.map(o => o.due)).toEqual(['2020-12-14', '2021-12-14']);
            const document = loaded.model.elements.find(e => e.$type === 'Document');
            expect(document && 'place' in document ? document.place : undefined).toBe('Hà Nội');
        }
    });

    test('a section or annex with a heading and no number parses, the string read as its heading', async () => {
        const loaded = await load('kế hoạch K "t" {\n    phần "NHIỆM VỤ" { "a" }\n    phần "I" "MỤC ĐÍCH" { "b" }\n    phụ lục "DANH MỤC" { "c" }\n}\n');
        expectNoSyntaxErrors(loaded);
        const plan = loaded.model.elements.find(isPlan)!;
        expect(plan.members.map(m => 'heading' in m ? [m.number ?? null, m.heading] : [])).toEqual([[null, 'NHIỆM VỤ'], ['I', 'MỤC ĐÍCH'], [null, 'DANH MỤC']]);
    });
});
