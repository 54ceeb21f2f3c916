import * as path from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import type { PlanJson } from '../../src/compiler/plan-json.js';
import type { PreviewBlock, PreviewModel, PreviewPlan, SourceRange } from '../../src/ide/preview-json.js';
import { previewModel } from '../../src/ide/preview-model.js';
import { isPlan } from '../../src/language/generated/ast.js';
import { load, services } from '../helpers.js';
import { loadPreview, PREVIEW_PLAN, previewFiles } from './preview-fixture.js';
import { BROKEN_INPUTS, EXAMPLE_PLANS, exampleFiles, prefixes, textAt } from './support.js';

// The compiler, which the last tests make fail as it might on a plan being typed.
const failing = vi.hoisted(() => ({ compile: false }));
vi.mock('../../src/compiler/compile.js', async original => {
    const actual = await original<typeof import('../../src/compiler/compile.js')>();
    return {
        ...actual,
        compilePlan: (...args: Parameters<typeof actual.compilePlan>): PlanJson => {
            if (failing.compile) throw new Error('compiler failed');
            return actual.compilePlan(...args);
        },
    };
});

function plan(model: PreviewModel): PreviewPlan {
    expect(model.plans).toHaveLength(1);
    return model.plans[0];
}

/** Every block of a list, sections and annexes opened. */
function flatten(blocks: readonly PreviewBlock[]): PreviewBlock[] {
    return blocks.flatMap(b => (b.type === 'section' || b.type === 'annex' || b.type === 'article' ? [b, ...flatten(b.items)] : [b]));
}

/** The source text a range covers, in NFC with blanks collapsed. */
function source(loaded: Awaited<ReturnType<typeof load>>, range: SourceRange | null): string {
    expect(range).not.toBeNull();
    return textAt(loaded.main, range!).normalize('NFC').replace(/\s+/g, ' ');
}

describe('preview model of a small plan', () => {
    test('the header: kind, number, date, issuer, title as printed, period, basis', async () => {
        const { loaded, model } = await loadPreview(previewFiles());
        const p = plan(model);
        expect(p).toMatchObject({
            id: 'VinhPhuc.KH', kind: 'plan', kindLabel: 'Kế hoạch', number: '12/KH-UBND', date: '2018-03-15', dateFrom: 'own',
            title: 'Kế hoạch <script>alert("x")</script> & "thử"',
            issuer: { id: 'VinhPhuc.UBND_TINH', name: 'Ủy ban nhân dân tỉnh Vĩnh Phúc', type: 'agency' },
            period: { text: 'từ 2018 đến 2020', start: '2018-01-01', end: '2020-12-31', inferred: null },
            error: null,
        });
        expect(p.basis).toEqual([{ id: 'CT_39', label: 'Chỉ thị số 39/CT-TTg ngày 24/10/2017', summary: 'về tăng cường công tác phòng ngừa', range: expect.anything() }]);
        expect(source(loaded, p.basis[0].range)).toBe('CT_39');
        expect(source(loaded, p.range)).toBe('kế hoạch KH "Kế hoạch <script>alert(\\"x\\")</script> & \\"thử\\""');
        expect(model.problems).toEqual({
            syntax: 0, errors: 0, warnings: loaded.diagnostics.filter(d => d.severity === 2).length,
        });
    });

    test('sections in their original numbering hold paragraphs, phases and tasks in source order', async () => {
        const { loaded, model } = await loadPreview(previewFiles());
        const p = plan(model);
        expect(p.body.map(b => b.type)).toEqual(['text', 'phase', 'phase', 'section']);
        expect(p.body[0]).toMatchObject({ type: 'text', kind: 'paragraph', text: 'Mở đầu: <b>không phải thẻ</b>.' });
        const part = p.body[3];
        expect(part).toMatchObject({ type: 'section', number: 'I', heading: 'NHIỆM VỤ', mode: null });
        const sections = flatten(p.body).filter(b => b.type === 'section');
        expect(sections[1]).toMatchObject({ number: '1', heading: 'Công an tỉnh:', mode: 'directed', addressees: [{ id: 'VinhPhuc.CA_TINH' }] });
        expect(source(loaded, (sections[1] as { range: SourceRange }).range)).toBe('phần "1" "Công an tỉnh:"');
        expect(p.tasks.map(t => [t.key, t.label, t.path, t.text])).toEqual([
            ['task-1', 'a)', ['I', '1', 'a'], 'Rà soát'],
            ['NV2', '2.', ['I', '2'], 'Tuyên truyền'],
            ['NV2_1', null, ['I', '2'], 'Tuyên truyền ở xã'],
        ]);
        const nv2 = p.tasks[1];
        expect(nv2.items).toEqual([{ type: 'task', key: 'NV2_1' }, { type: 'target', key: 'CT1' }, { type: 'report', key: 'BC1' }]);
    });

    test('each item carries the range of its own words in the source', async () => {
        const { loaded, model } = await loadPreview(previewFiles());
        const p = plan(model);
        expect(p.tasks.map(t => source(loaded, t.range))).toEqual([
            '[a)] nhiệm vụ "Rà soát"', '[2.] nhiệm vụ NV2 "Tuyên truyền"', 'nhiệm vụ NV2_1 "Tuyên truyền ở xã"',
        ]);
        expect(source(loaded, p.targets[0].range)).toBe('chỉ tiêu CT1 "Tỷ lệ xã được tuyên truyền" phấn đấu đạt 90% đến năm 2020');
        expect(source(loaded, p.reports[0].range)).toBe('báo cáo BC1 "Báo cáo năm"');
        expect(p.phases.map(ph => source(loaded, ph.range))).toEqual([
            'giai đoạn GD1 "Giai đoạn 1" từ 2018 đến 2019', 'giai đoạn GD2 "Giai đoạn 2" từ 2020 đến 2020',
        ]);
        expect(source(loaded, (p.body[0] as { range: SourceRange }).range)).toBe('"Mở đầu: <b>không phải thẻ</b>."');
        // Matrix columns and timeline rows point to the same places.
        for (const column of p.matrix.columns) {
            const item = [...p.tasks, ...p.reports].find(i => i.key === column.key)!;
            expect(column.range).toEqual(item.range);
        }
        for (const event of p.timeline.events) {
            const item = [...p.tasks, ...p.reports, ...p.targets].find(i => i.key === event.key)!;
            expect(event.range).toEqual(item.range);
        }
    });

    test('tasks: mode, leads (inherited from a heading or a task, said so), supports, requests, timing in words', async () => {
        const { model } = await loadPreview(previewFiles());
        const [a, nv2, nv21] = plan(model).tasks;
        expect(a).toMatchObject({
            mode: 'directed', leads: [{ id: 'VinhPhuc.CA_TINH', name: 'Công an tỉnh Vĩnh Phúc' }], leadsFrom: 'heading', leadsInherited: true,
            supports: [{ id: 'VinhPhuc.STP', inherited: false, addressee: false }], requested: [],
            timings: [{ kind: 'deadline', text: 'hạn quý IV/2018', earliest: '2018-10-01', latest: '2018-12-31', words: 'từ 1/10/2018 đến 31/12/2018 / from 2018-10-01 to 2018-12-31' }],
        });
        expect(nv2).toMatchObject({
            leads: [{ id: 'VinhPhuc.SO_NGANH', type: 'group' }], leadsFrom: 'own', leadsInherited: false,
            supports: [{ id: 'VinhPhuc.VKS_TINH', inherited: false }], requested: [{ id: 'VinhPhuc.MTTQ_TINH' }],
        });
        expect(nv21).toMatchObject({
            leads: [{ id: 'VinhPhuc.SO_NGANH' }], leadsFrom: 'task', leadsInherited: true, supports: [{ id: 'VinhPhuc.VKS_TINH', inherited: true }],
            requested: [], timings: [], recurrence: null,
        });
    });

    test('a body asked to cooperate with another (`phối hợp với`) supports it: the addressee, own or from the heading', async () => {
        const text = PREVIEW_PLAN.replace('    phần "I" "NHIỆM VỤ" {', `    phần "I" "NHIỆM VỤ" {
        đề nghị "Phối hợp tuyên truyền" cho MTTQ_TINH { phối hợp với SO_NGANH }
        phần "3" "Sở Tư pháp:" giao STP {
            [-] nhiệm vụ "Phối hợp rà soát" { phối hợp với CA_TINH }
        }`);
        const { model } = await loadPreview(previewFiles(text));
        const [own, heading] = plan(model).tasks;
        expect(own).toMatchObject({
            mode: 'requested', leads: [{ id: 'VinhPhuc.SO_NGANH' }], leadsFrom: 'cooperatesWith', leadsInherited: false,
            supports: [{ id: 'VinhPhuc.MTTQ_TINH', addressee: true, inherited: false }],
        });
        expect(heading).toMatchObject({
            leads: [{ id: 'VinhPhuc.CA_TINH' }], leadsFrom: 'cooperatesWith', supports: [{ id: 'VinhPhuc.STP', addressee: true, inherited: true }],
        });
        const stp = plan(model).matrix.rows.find(r => r.party.id === 'VinhPhuc.STP')!;
        expect(stp.marks.filter(m => m.role === 'support').map(m => [plan(model).matrix.columns[m.column].title, m.inherited])).toEqual([
            ['Phối hợp rà soát', true], ['Rà soát', false],
        ]);
    });

    test('targets in words in both languages, reports with who, to whom and their due dates', async () => {
        const { model } = await loadPreview(previewFiles());
        const p = plan(model);
        expect(p.targets[0]).toMatchObject({
            key: 'CT1', statement: 'Tỷ lệ xã được tuyên truyền: phấn đấu đạt 90% đến năm 2020', english: 'Strive to reach at least 90% by 2020',
            owners: [{ id: 'VinhPhuc.SO_NGANH' }], commitment: 'aspirational', dueDates: ['2020-12-31'],
        });
        expect(p.reports[0]).toMatchObject({
            key: 'BC1', title: 'Báo cáo năm', reporters: [{ id: 'VinhPhuc.CA_TINH' }], recipients: [{ id: 'VinhPhuc.UBND_TINH' }],
            recurrence: 'hằng năm / every year', occurrences: [{ due: '2018-11-19' }, { due: '2019-11-19' }, { due: '2020-11-19' }], noDates: null,
        });
    });

    test('the responsibility matrix: a row per body with its marks and counts, inherited and through groups told apart', async () => {
        const { model } = await loadPreview(previewFiles());
        const { columns, rows } = plan(model).matrix;
        expect(columns.map(c => [c.kind, c.key, c.label])).toEqual([
            ['task', 'task-1', 'I.1.a'], ['task', 'NV2', 'NV2'], ['task', 'NV2_1', 'NV2_1'], ['report', 'BC1', 'BC1'],
        ]);
        const marks = (id: string) => rows.find(r => r.party.id === id)!.marks
            .map(m => `${columns[m.column].key}:${m.role}${m.inherited ? ' inherited' : ''}${m.via ? ` via ${m.via}` : ''}`);
        // UBND tỉnh only receives the report: it holds no mark, so it has no row.
        expect(rows.map(r => r.party.id).sort()).toEqual(['VinhPhuc.CA_TINH', 'VinhPhuc.MTTQ_TINH', 'VinhPhuc.SO_NGANH', 'VinhPhuc.STP', 'VinhPhuc.VKS_TINH']);
        expect(marks('VinhPhuc.SO_NGANH')).toEqual(['NV2:lead', 'NV2_1:lead inherited']);
        expect(marks('VinhPhuc.CA_TINH')).toEqual([
            'task-1:lead inherited', 'NV2:lead via VinhPhuc.SO_NGANH', 'NV2_1:lead inherited via VinhPhuc.SO_NGANH', 'BC1:reports',
        ]);
        expect(marks('VinhPhuc.STP')).toEqual(['task-1:support', 'NV2:lead via VinhPhuc.SO_NGANH', 'NV2_1:lead inherited via VinhPhuc.SO_NGANH']);
        expect(marks('VinhPhuc.VKS_TINH')).toEqual(['NV2:support', 'NV2_1:support inherited']);
        expect(marks('VinhPhuc.MTTQ_TINH')).toEqual(['NV2:requested']);
        const row = (id: string) => rows.find(r => r.party.id === id)!;
        expect(row('VinhPhuc.CA_TINH').counts).toEqual({ lead: 1, support: 0, requested: 0, reports: 1 });
        expect(row('VinhPhuc.CA_TINH').viaGroups).toEqual({ lead: 2, support: 0, requested: 0, reports: 0 });
        expect(row('VinhPhuc.SO_NGANH').counts).toEqual({ lead: 2, support: 0, requested: 0, reports: 0 });
        expect(row('VinhPhuc.VKS_TINH').counts).toEqual({ lead: 0, support: 2, requested: 0, reports: 0 });
        expect(rows[0].party.id).toBe('VinhPhuc.SO_NGANH');
    });

    test('the timeline: the period, phases as bars, deadlines with their windows, report due dates, the target year', async () => {
        const { model } = await loadPreview(previewFiles());
        const { timeline } = plan(model);
        expect(timeline.period).toEqual({ start: '2018-01-01', end: '2020-12-31', inferred: null });
        expect(timeline.axis).toEqual({ start: '2018-01-01', end: '2020-12-31' });
        expect(timeline.phases.map(p => [p.key, p.label, p.start, p.end])).toEqual([
            ['GD1', 'Giai đoạn 1', '2018-01-01', '2019-12-31'], ['GD2', 'Giai đoạn 2', '2020-01-01', '2020-12-31'],
        ]);
        expect(timeline.events.map(e => [e.kind, e.key, e.start, e.date, e.text])).toEqual([
            ['report', 'BC1', null, '2018-11-19', 'trước ngày 20/11'],
            ['deadline', 'task-1', '2018-10-01', '2018-12-31', 'hạn quý IV/2018'],
            ['report', 'BC1', null, '2019-11-19', 'trước ngày 20/11'],
            ['deadline', 'NV2', '2019-12-01', '2019-12-31', 'trong tháng 12/2019'],
            ['report', 'BC1', null, '2020-11-19', 'trước ngày 20/11'],
            ['target', 'CT1', null, '2020-12-31', 'đến năm 2020'],
        ]);
        expect(timeline.undated).toEqual([]);
        expect(timeline.tasksWithoutTiming).toBe(1);
    });

    test('a plan without a period: no period, no dates for a yearly report, and why', async () => {
        const text = PREVIEW_PLAN.replace('    thời gian từ 2018 đến 2020\n', '').replace(/giai đoạn.*\n/g, '')
            .replace('hạn quý IV/2018', '').replace('trong tháng 12/2019', '').replace(' đến năm 2020', '');
        const { model } = await loadPreview(previewFiles(text));
        const p = plan(model);
        expect(p.period).toBeNull();
        expect(p.timeline).toMatchObject({ period: null, axis: null, phases: [], events: [] });
        expect(p.timeline.undated).toEqual([{
            kind: 'report', key: 'BC1', label: 'BC1 Báo cáo năm', range: p.reports[0].range,
            reason: 'kế hoạch không nêu thời gian thực hiện, nên không có ngày cụ thể / the plan states no period, so there are no concrete dates',
        }]);
        expect(p.reports[0].occurrences).toEqual([]);
    });

    test('a period that is inferred is said so', async () => {
        const text = PREVIEW_PLAN.replace('thời gian từ 2018 đến 2020', 'thời gian từ 2018 đến 2020 suy ra "theo các giai đoạn"');
        const { model } = await loadPreview(previewFiles(text));
        const p = plan(model);
        expect(p.period).toMatchObject({ inferred: 'theo các giai đoạn' });
        expect(p.timeline.period).toMatchObject({ inferred: 'theo các giai đoạn' });
    });

    test('decomposed (NFD) input previews as its composed (NFC) twin, ranges pointing to the same words', async () => {
        const nfc = await loadPreview(previewFiles());
        const nfd = await loadPreview(Object.fromEntries(Object.entries(previewFiles()).map(([k, v]) => [k, v.normalize('NFD')])));
        const withoutRanges = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (k, v) => (k === 'range' || k === 'uri' ? undefined : v)));
        expect(withoutRanges(nfd.model)).toEqual(withoutRanges(nfc.model));
        expect(JSON.stringify(nfd.model)).toBe(JSON.stringify(nfd.model).normalize('NFC'));
        const nfdPlan = plan(nfd.model);
        expect(nfdPlan.tasks.map(t => source(nfd.loaded, t.range))).toEqual(plan(nfc.model).tasks.map(t => source(nfc.loaded, t.range)));
    });

    test('a registry file has no plan to preview', async () => {
        const { model } = await loadPreview({ 'registry.plan': previewFiles()['registry.plan'] });
        expect(model.plans).toEqual([]);
    });
});

describe('preview model of broken input', () => {
    test('never throws on half-typed and broken files, and every range lies in the document', async () => {
        const inputs = [...BROKEN_INPUTS, ...prefixes(PREVIEW_PLAN, 25)];
        for (const input of inputs) {
            const loaded = await load({ ...previewFiles(input) });
            const model = previewModel(services, loaded.main);
            expect(model.uri).toBe(loaded.main.uri.toString());
            const lines = loaded.main.textDocument.lineCount;
            JSON.stringify(model, (k, v) => {
                if (k === 'range' && v) {
                    expect(v.end.line).toBeLessThan(lines);
                }
                return v;
            });
        }
    });

    test('a plan with a syntax error shows what parses, and counts the error', async () => {
        const broken = PREVIEW_PLAN.replace('nhiệm vụ NV2_1 "Tuyên truyền ở xã"', 'nhiệm vụ NV2_1 "Tuyên truyền ở xã" { chủ trì } }}');
        const { model } = await loadPreview(previewFiles(broken));
        expect(model.problems.syntax).toBeGreaterThan(0);
        const p = model.plans[0];
        expect(p.title).toBe('Kế hoạch <script>alert("x")</script> & "thử"');
        expect(p.tasks.map(t => t.text)).toEqual(expect.arrayContaining(['Rà soát', 'Tuyên truyền']));
    });

    test('when the compiler fails, the plan is shown from its syntax tree, with the reason', async () => {
        failing.compile = true;
        try {
            const { loaded, model } = await loadPreview(previewFiles());
            const p = plan(model);
            expect(p.error).toMatch(/Không biên dịch được.*could not be compiled.*compiler failed/);
            expect(p.title).toBe('Kế hoạch <script>alert("x")</script> & "thử"');
            expect(p.tasks.map(t => [t.text, t.leads.map(l => l.id), t.leadsInherited])).toEqual([
                ['Rà soát', ['VinhPhuc.CA_TINH'], true], ['Tuyên truyền', ['VinhPhuc.SO_NGANH'], false], ['Tuyên truyền ở xã', ['VinhPhuc.SO_NGANH'], true],
            ]);
            expect(source(loaded, p.tasks[1].range)).toBe('[2.] nhiệm vụ NV2 "Tuyên truyền"');
            expect(p.matrix.rows.map(r => r.party.id)).toContain('VinhPhuc.SO_NGANH');
            // Without the compiler, nothing is dated: no date is guessed.
            expect(p.timeline.events).toEqual([]);
        } finally {
            failing.compile = false;
        }
    });
});

describe('preview model of the examples', () => {
    test.each(EXAMPLE_PLANS)('%s: every task, target and report, its range in the file, the matrix from the compiler\'s index', async main => {
        const loaded = await load(exampleFiles(main));
        const model = previewModel(services, loaded.main);
        const plans = loaded.model.elements.filter(isPlan);
        expect(model.plans.map(p => p.id.split('.').pop())).toEqual(plans.map(p => p.name));
        const { compilePlan } = await import('../../src/compiler/compile.js');
        for (const [i, p] of model.plans.entries()) {
            const json = compilePlan(plans[i], path.resolve('examples'), services);
            expect(p.error).toBeNull();
            expect(p.tasks.map(t => t.key).sort()).toEqual(json.tasks.map(t => t.key).sort());
            expect(p.targets.map(t => t.key).sort()).toEqual(json.targets.map(t => t.key).sort());
            expect(p.reports.map(r => r.key).sort()).toEqual(json.reports.map(r => r.key).sort());
            // Each item's range covers its own words.
            for (const item of [...p.tasks, ...p.targets]) {
                const words = item.text.replace(/["\\].*$/s, '').slice(0, 30);
                expect(source(loaded, item.range)).toContain(words.replace(/\s+/g, ' '));
            }
            for (const report of p.reports) {
                expect(source(loaded, report.range)).toMatch(/^(\[[^\]]+\] )?báo cáo/);
            }
            expect(p.matrix.columns.every(c => c.range !== null)).toBe(true);
            // Counts are the compiler's per-agency index.
            for (const row of p.matrix.rows) {
                const entry = json.agencies.find(a => a.agency.id === row.party.id)!;
                expect(row.counts).toEqual({ lead: entry.leads.length, support: entry.supports.length, requested: entry.requested.length, reports: entry.reports.length });
            }
            const withRole = json.agencies.filter(a => a.leads.length + a.supports.length + a.requested.length + a.reports.length > 0);
            expect(p.matrix.rows.length).toBeGreaterThanOrEqual(withRole.length);
            const blocks = flatten(p.body);
            expect(blocks.filter(b => b.type === 'task').length).toBeGreaterThan(0);
        }
    });

    test('Đồng Nai: the yearly report falls due on 24/11 of each year of the period; the forwarding letter\'s task is in the letter', async () => {
        const loaded = await load(exampleFiles('dong-nai/kh-7488.plan'));
        const p = plan(previewModel(services, loaded.main));
        expect(p.timeline.period).toEqual({ start: '2017-07-31', end: '2020-12-31', inferred: null });
        expect(p.timeline.events.filter(e => e.kind === 'report').map(e => e.date)).toEqual(['2017-11-24', '2018-11-24', '2019-11-24', '2020-11-24']);
        expect(p.instruments.map(i => [i.role, i.label])).toEqual([['forwardedBy', 'Công văn số 3833 /SYT-VP ngày 22/9/2017']]);
        expect(p.instruments[0].body.some(b => b.type === 'task' && b.key === 'CV_3833_TRIEN_KHAI')).toBe(true);
        expect(source(loaded, p.tasks.find(t => t.key === 'CV_3833_TRIEN_KHAI')!.range)).toMatch(/^đề nghị CV_3833_TRIEN_KHAI "Giám đốc Sở Y tế/);
    });

    test('Cà Mau: the plan takes its date from the decision; no period, so its reports have no dates and say why', async () => {
        const loaded = await load(exampleFiles('ca-mau/kh-qd634.plan'));
        const p = plan(previewModel(services, loaded.main));
        expect(p).toMatchObject({ date: '2020-06-16', dateFrom: 'issuedWith', period: null });
        expect(p.instruments[0]).toMatchObject({ role: 'issuedWith', label: 'Quyết định số 1073/QĐ-UBND ngày 16/6/2020' });
        expect(p.instruments[0].body.filter(b => b.type === 'article').map(b => (b as { number: string }).number)).toEqual(['1', '2', '3']);
        expect(p.timeline.axis).toBeNull();
        expect(p.timeline.undated.length).toBe(p.reports.length);
        const ca = p.matrix.rows.find(r => r.party.id === 'CaMau.CA_TINH')!;
        expect(ca.counts.lead).toBeGreaterThan(5);
        expect(ca.marks.some(m => m.inherited)).toBe(true);
    });

    test('tỉnh khuyết danh: two phases as bars within the period', async () => {
        const loaded = await load(exampleFiles('tinh-khuyet-danh/ke-hoach-de-an-4170.plan'));
        const p = plan(previewModel(services, loaded.main));
        expect(p.timeline.phases.map(ph => [ph.start, ph.end])).toEqual([['2017-01-01', '2018-12-31'], ['2019-01-01', '2020-12-31']]);
        expect(p.phases.map(ph => source(loaded, ph.range))).toEqual(p.phases.map(() => expect.stringMatching(/giai đoạn/)));
    });

    test.each(EXAMPLE_PLANS)('%s in NFD previews as in NFC', async main => {
        const files = exampleFiles(main);
        const nfc = previewModel(services, (await load(files)).main);
        const nfd = previewModel(services, (await load(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, v.normalize('NFD')])))).main);
        const withoutRanges = (value: unknown): string => JSON.stringify(value, (k, v) => (k === 'range' ? undefined : v));
        expect(withoutRanges(nfd)).toBe(withoutRanges(nfc));
    });
});
