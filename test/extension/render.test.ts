import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { renderContent, renderMessage, renderPreview } from '../../src/extension/preview/render.js';
import type { PreviewModel, SourceRange } from '../../src/ide/preview-json.js';
import { previewModel } from '../../src/ide/preview-model.js';
import { load, services } from '../helpers.js';
import { loadPreview, PREVIEW_PLAN, previewFiles } from '../ide/preview-fixture.js';
import { BROKEN_INPUTS, EXAMPLE_PLANS, exampleFiles, textAt } from '../ide/support.js';
import type { Element } from './html.js';
import { all, byClass, byId, byTag, hasClass, parseHtml, textOf } from './html.js';

const OPTIONS = { nonce: 'n0nce+/=', cspSource: 'vscode-webview://abc' };

function render(model: PreviewModel, options = OPTIONS): { html: string; root: Element } {
    const html = renderPreview(model, options);
    return { html, root: parseHtml(html) };
}

function rangeOf(e: Element): SourceRange {
    const [a, b, c, d] = e.attrs['data-range'].split(',').map(Number);
    return { start: { line: a, character: b }, end: { line: c, character: d } };
}

/** What a page must never hold: anything loaded from elsewhere, inline styles the policy forbids, a script without the nonce. */
function expectSafe(html: string, root: Element): void {
    expect(html).not.toMatch(/https?:/i);
    expect(html).not.toMatch(/\sstyle="/);
    expect(html).not.toMatch(/\son[a-z]+="/i);
    expect(byTag(root, 'link')).toEqual([]);
    expect(byTag(root, 'img')).toEqual([]);
    expect(byTag(root, 'iframe')).toEqual([]);
    const csp = all(root, e => e.tag === 'meta' && e.attrs['http-equiv'] === 'Content-Security-Policy');
    expect(csp).toHaveLength(1);
    const policy = csp[0].attrs.content;
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain(`script-src 'nonce-${OPTIONS.nonce}'`);
    expect(policy).toContain(`style-src 'nonce-${OPTIONS.nonce}'`);
    expect(policy).toContain(`img-src ${OPTIONS.cspSource} data:`);
    expect(policy).not.toContain('unsafe');
    const scripts = byTag(root, 'script');
    expect(scripts).toHaveLength(1);
    expect(scripts.every(s => s.attrs.nonce === OPTIONS.nonce && s.attrs.src === undefined)).toBe(true);
    expect(byTag(root, 'style').every(s => s.attrs.nonce === OPTIONS.nonce)).toBe(true);
}

describe('the preview page of a small plan', () => {
    test('a strict Content-Security-Policy with the nonce, nothing loaded, no inline style', async () => {
        const { model } = await loadPreview(previewFiles());
        const { html, root } = render(model);
        expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
        expectSafe(html, root);
    });

    test('plan text is escaped: a title holding <script>, quotes and & shows as text', async () => {
        const { model } = await loadPreview(previewFiles());
        const { html, root } = render(model);
        expect(html).toContain('Kế hoạch &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;thử&quot;');
        expect(html).not.toContain('<script>alert');
        expect(html).toContain('Mở đầu: &lt;b&gt;không phải thẻ&lt;/b&gt;.');
        const title = byClass(byId(root, 'document')!, 'title')[0];
        expect(textOf(title)).toBe('Kế hoạch <script>alert("x")</script> & "thử"');
        expect(textOf(byTag(root, 'title')[0])).toBe('Xem trước / Preview: VinhPhuc.KH');
    });

    test('three panels with stable ids, and tabs for them', async () => {
        const { model } = await loadPreview(previewFiles());
        const { root } = render(model);
        for (const id of ['document', 'matrix', 'timeline']) {
            expect(byId(root, id)?.attrs.class).toBe('panel');
            expect(byId(root, `tab-${id}`)?.attrs['aria-controls']).toBe(id);
        }
        expect(byId(root, 'content')?.tag).toBe('main');
        expect(textOf(byId(root, 'tab-matrix')!)).toBe('Ma trận trách nhiệm / Responsibility matrix');
    });

    test('the document: numbering and headings as printed, tasks with their lead (inherited, said so), targets, reports', async () => {
        const { loaded, model } = await loadPreview(previewFiles());
        const { root } = render(model);
        const doc = byId(root, 'document')!;
        const heads = byClass(doc, 'sec-head').map(h => textOf(h));
        expect(heads[0]).toBe('I NHIỆM VỤ');
        expect(heads[1]).toBe('1 Công an tỉnh: giao / directed: Công an tỉnh Vĩnh Phúc');
        const tasks = byClass(doc, 'task');
        expect(tasks.map(t => t.attrs['data-key'])).toEqual(['task-1', 'NV2', 'NV2_1']);
        const facts = (e: Element) => byTag(byClass(e, 'facts')[0], 'div').map(d => `${textOf(byTag(d, 'dt')[0])}: ${textOf(byTag(d, 'dd')[0])}`);
        expect(facts(tasks[0])).toEqual([
            'Chủ trì / Lead: Công an tỉnh Vĩnh Phúc (kế thừa từ tiêu đề / inherited from the heading)',
            'Phối hợp / Support: Sở Tư pháp tỉnh Vĩnh Phúc',
            'Thời hạn / Timing: “hạn quý IV/2018” — từ 1/10/2018 đến 31/12/2018 / from 2018-10-01 to 2018-12-31',
        ]);
        expect(facts(tasks[2])).toEqual([
            'Chủ trì / Lead: Các sở, ban, ngành tỉnh (kế thừa từ nhiệm vụ bao quanh / inherited from the enclosing task)',
            'Phối hợp / Support: Viện kiểm sát nhân dân tỉnh Vĩnh Phúc (kế thừa / inherited)',
        ]);
        expect(textOf(tasks[1])).toContain('Đồng thời đề nghị / Also requested');
        expect(textOf(tasks[1])).toContain('“trong tháng 12/2019” — từ 1/12/2019 đến 31/12/2019 / from 2019-12-01 to 2019-12-31');
        const target = byClass(doc, 'target')[0];
        expect(textOf(target)).toContain('Tỷ lệ xã được tuyên truyền: phấn đấu đạt 90% đến năm 2020');
        expect(textOf(target)).toContain('Strive to reach at least 90% by 2020');
        const report = byClass(doc, 'report')[0];
        expect(facts(report)).toEqual([
            'Cơ quan báo cáo / From: Công an tỉnh Vĩnh Phúc', 'Gửi / To: Ủy ban nhân dân tỉnh Vĩnh Phúc',
            'Hạn gửi / Due: “trước ngày 20/11”', 'Lặp lại / Recurs: hằng năm / every year',
            'Các ngày đến hạn / Due dates: 19/11/2018, 19/11/2019, 19/11/2020',
        ]);
        // Each item's source range, as the click posts it, covers its own words.
        const header = (e: Element) => all(e, x => x.attrs['data-range'] !== undefined)[0];
        expect(tasks.map(t => textAt(loaded.main, rangeOf(header(t))))).toEqual([
            '[a)] nhiệm vụ "Rà soát"', '[2.] nhiệm vụ NV2 "Tuyên truyền"', 'nhiệm vụ NV2_1 "Tuyên truyền ở xã"',
        ]);
        expect(textAt(loaded.main, rangeOf(header(report)))).toBe('báo cáo BC1 "Báo cáo năm"');
        const focusable = all(doc, e => e.attrs['data-range'] !== undefined);
        expect(focusable.every(e => e.attrs.tabindex === '0')).toBe(true);
    });

    test('the matrix: a row per body, its counts (own, and through groups), L/P/Đ/B marks, inherited and group marks told apart', async () => {
        const { loaded, model } = await loadPreview(previewFiles());
        const { root } = render(model);
        const matrix = byId(root, 'matrix')!;
        const rows = all(matrix, e => e.tag === 'tr' && e.attrs['data-party'] !== undefined);
        expect(rows.map(r => r.attrs['data-party'])).toEqual(model.plans[0].matrix.rows.map(r => r.party.id));
        expect(rows).toHaveLength(5);
        const counts = (id: string) => byClass(rows.find(r => r.attrs['data-party'] === id)!, 'count').map(textOf);
        expect(counts('VinhPhuc.SO_NGANH')).toEqual(['2', '0', '0', '0']);
        expect(counts('VinhPhuc.CA_TINH')).toEqual(['1 +2', '0', '0', '1']);
        expect(counts('VinhPhuc.STP')).toEqual(['0 +2', '1', '0', '0']);
        expect(counts('VinhPhuc.VKS_TINH')).toEqual(['0', '2', '0', '0']);
        expect(counts('VinhPhuc.MTTQ_TINH')).toEqual(['0', '0', '1', '0']);
        const cells = (id: string) => byClass(rows.find(r => r.attrs['data-party'] === id)!, 'cell').map(c => byClass(c, 'mark')
            .map(m => `${textOf(m)}${hasClass(m, 'inherited') ? '*' : ''}${hasClass(m, 'via') ? '~' : ''}`).join(''));
        expect(cells('VinhPhuc.CA_TINH')).toEqual(['L*', 'L~', 'L*~', 'B']);
        expect(cells('VinhPhuc.SO_NGANH')).toEqual(['', 'L', 'L*', '']);
        expect(cells('VinhPhuc.VKS_TINH')).toEqual(['', 'P', 'P*', '']);
        expect(cells('VinhPhuc.MTTQ_TINH')).toEqual(['', 'Đ', '', '']);
        // Column headers reveal their task or report.
        const columns = byClass(matrix, 'col');
        expect(columns.map(textOf)).toEqual(['I.1.a', 'NV2', 'NV2_1', 'BC1']);
        expect(textAt(loaded.main, rangeOf(columns[1]))).toBe('[2.] nhiệm vụ NV2 "Tuyên truyền"');
        expect(columns[3].attrs.class).toContain('report');
        expect(textOf(byClass(matrix, 'legend')[0])).toContain('Chủ trì / Lead');
    });

    test('the timeline: an SVG with a year axis over the period, a bar per phase, markers within the axis for deadlines, reports and targets', async () => {
        const { loaded, model } = await loadPreview(previewFiles());
        const { root } = render(model);
        const timeline = byId(root, 'timeline')!;
        const svg = byTag(timeline, 'svg').find(s => hasClass(s, 'timeline-svg'))!;
        expect(svg).toBeDefined();
        const years = byClass(svg, 'year').map(textOf);
        expect(years).toEqual(['2018', '2019', '2020']);
        const axis = byClass(svg, 'axis')[0];
        const [x0, x1] = [Number(axis.attrs.x1), Number(axis.attrs.x2)];
        const phases = all(svg, e => e.tag === 'g' && hasClass(e, 'phase'));
        expect(phases).toHaveLength(2);
        // Phase bars: GD1 covers two of the three years, GD2 the last.
        const bar = (g: Element) => byTag(g, 'rect')[0];
        const width = x1 - x0;
        expect(Number(bar(phases[0]).attrs.x)).toBeCloseTo(x0, 0);
        expect(Number(bar(phases[0]).attrs.width) / width).toBeCloseTo(730 / 1096, 2);
        expect(Number(bar(phases[1]).attrs.x) + Number(bar(phases[1]).attrs.width)).toBeCloseTo(x1, 0);
        const markers = (kind: string) => all(svg, e => e.tag === 'g' && hasClass(e, kind));
        expect(markers('deadline')).toHaveLength(2);
        expect(markers('report')).toHaveLength(3);
        expect(markers('target')).toHaveLength(1);
        const xs = [...markers('deadline'), ...markers('report')].map(g => Number(/^M([\d.]+) /.exec(byTag(g, 'path')[0].attrs.d)![1]));
        xs.push(...markers('target').map(g => Number(byTag(g, 'circle')[0].attrs.cx)));
        for (const x of xs) {
            expect(x).toBeGreaterThanOrEqual(x0 - 7);
            expect(x).toBeLessThanOrEqual(x1);
        }
        // Reports fall in November: near the end of each year.
        const reportXs = markers('report').map(g => Number(/^M([\d.]+) /.exec(byTag(g, 'path')[0].attrs.d)![1]) + 6);
        reportXs.forEach((x, i) => expect((x - x0) / width).toBeCloseTo((i * 365 + 323 + (i > 1 ? 1 : 0)) / 1096, 2));
        // The windows of "hạn quý IV/2018" and "trong tháng 12/2019" are drawn too.
        expect(markers('deadline').map(g => byClass(g, 'window').length)).toEqual([1, 1]);
        const rows = all(svg, e => e.tag === 'g' && e.attrs['data-range'] !== undefined);
        expect(rows.map(r => textAt(loaded.main, rangeOf(r)))).toEqual([
            expect.stringMatching(/^kế hoạch KH/),
            'giai đoạn GD1 "Giai đoạn 1" từ 2018 đến 2019', 'giai đoạn GD2 "Giai đoạn 2" từ 2020 đến 2020',
            '[a)] nhiệm vụ "Rà soát"', '[2.] nhiệm vụ NV2 "Tuyên truyền"',
            'báo cáo BC1 "Báo cáo năm"',
            'chỉ tiêu CT1 "Tỷ lệ xã được tuyên truyền" phấn đấu đạt 90% đến năm 2020',
        ]);
        expect(textOf(byClass(timeline, 'timeline-legend')[0])).toContain('Hạn gửi báo cáo / Report due');
    });

    test('a plan without a period and without dates says so, with no chart; the duties without dates are listed with why', async () => {
        const text = PREVIEW_PLAN.replace('    thời gian từ 2018 đến 2020\n', '').replace(/giai đoạn.*\n/g, '')
            .replace('hạn quý IV/2018', '').replace('trong tháng 12/2019', '').replace(' đến năm 2020', '');
        const { model } = await loadPreview(previewFiles(text));
        const { html, root } = render(model);
        const timeline = byId(root, 'timeline')!;
        expect(byTag(timeline, 'svg').filter(s => hasClass(s, 'timeline-svg'))).toEqual([]);
        expect(textOf(timeline)).toContain('Kế hoạch không nêu thời gian thực hiện / The plan states no period');
        expect(textOf(timeline)).toContain('Không có mốc nào có ngày cụ thể để vẽ / No item has a concrete date to draw');
        expect(textOf(byClass(timeline, 'undated')[0])).toContain('BC1 Báo cáo năm: kế hoạch không nêu thời gian thực hiện');
        expectSafe(html, root);
    });

    test('a plan without a period but with a dated deadline: the axis spans the dated items, and says so', async () => {
        const text = PREVIEW_PLAN.replace('    thời gian từ 2018 đến 2020\n', '').replace(/giai đoạn.*\n/g, '');
        const { model } = await loadPreview(previewFiles(text));
        const { root } = render(model);
        const timeline = byId(root, 'timeline')!;
        expect(textOf(timeline)).toContain('Trục thời gian trải theo các mốc có ngày / The axis spans the dated items');
        const svg = byTag(timeline, 'svg').find(s => hasClass(s, 'timeline-svg'))!;
        expect(byClass(svg, 'year').map(textOf)).toEqual(['2018', '2019', '2020']);
        expect(all(svg, e => e.tag === 'rect' && hasClass(e, 'period'))).toEqual([]);
    });

    test('labels in one language when asked', async () => {
        const { model } = await loadPreview(previewFiles());
        const vi = renderPreview(model, { ...OPTIONS, language: 'vi' });
        const en = renderPreview(model, { ...OPTIONS, language: 'en' });
        expect(textOf(byId(parseHtml(vi), 'tab-matrix')!)).toBe('Ma trận trách nhiệm');
        expect(textOf(byId(parseHtml(en), 'tab-matrix')!)).toBe('Responsibility matrix');
        expect(en).toContain('<html lang="en">');
    });

    test('an update carries the same panels as the page', async () => {
        const { model } = await loadPreview(previewFiles());
        const page = renderPreview(model, OPTIONS);
        const content = renderContent(model);
        expect(page).toContain(`<main id="content">${content}</main>`);
        const root = parseHtml(`<main>${content}</main>`);
        expect(['document', 'matrix', 'timeline'].every(id => byId(root, id))).toBe(true);
    });

    test('a message page (loading, no answer) is escaped and safe', () => {
        const html = renderMessage('Lỗi <x>', 'Máy chủ "không" trả lời & <script>', OPTIONS);
        const root = parseHtml(html);
        expectSafe(html, root);
        expect(html).toContain('Máy chủ &quot;không&quot; trả lời &amp; &lt;script&gt;');
    });
});

describe('the preview page of broken input and of the examples', () => {
    test('broken files render without throwing; a syntax error is announced', async () => {
        for (const input of [...BROKEN_INPUTS, PREVIEW_PLAN.slice(0, PREVIEW_PLAN.indexOf('báo cáo BC1'))]) {
            const loaded = await load(previewFiles(input));
            const model = previewModel(services, loaded.main);
            const { html, root } = render(model);
            expectSafe(html, root);
            if (model.problems.syntax > 0) {
                expect(textOf(byClass(root, 'banner')[0])).toMatch(/lỗi cú pháp.*syntax error/);
            }
        }
    });

    test.each(EXAMPLE_PLANS)('%s: a safe page with every task, the matrix rows and a timeline panel', async main => {
        const loaded = await load(exampleFiles(main));
        const model = previewModel(services, loaded.main);
        const { html, root } = render(model);
        expectSafe(html, root);
        const plan = model.plans[0];
        const doc = byId(root, 'document')!;
        expect(all(doc, e => hasClass(e, 'task')).map(e => e.attrs['data-key']).sort()).toEqual(plan.tasks.map(t => t.key).sort());
        expect(all(doc, e => hasClass(e, 'target')).length).toBe(plan.targets.length);
        expect(all(doc, e => hasClass(e, 'report')).length).toBe(plan.reports.length);
        const rows = all(byId(root, 'matrix')!, e => e.tag === 'tr' && e.attrs['data-party'] !== undefined);
        expect(rows.length).toBe(plan.matrix.rows.length);
        // Every mark of the model is drawn, in its column.
        const drawn = rows.flatMap(r => byClass(r, 'cell').map(c => byClass(c, 'mark').length)).reduce((a, b) => a + b, 0);
        expect(drawn).toBe(plan.matrix.rows.reduce((n, r) => n + r.marks.length, 0));
        // Every click target reveals text of this file.
        for (const e of all(root, x => x.attrs['data-range'] !== undefined)) {
            expect(textAt(loaded.main, rangeOf(e)).trim()).not.toBe('');
        }
        const timeline = byId(root, 'timeline')!;
        expect(byTag(timeline, 'svg').some(s => hasClass(s, 'timeline-svg'))).toBe(plan.timeline.axis !== null);
        // PREVIEW_HTML_DIR=dir writes each page, to look at in a browser.
        const dir = process.env.PREVIEW_HTML_DIR;
        if (dir) {
            fs.mkdirSync(dir, { recursive: true });
            fs.writeFileSync(path.join(dir, `${path.basename(main, '.plan')}.html`), html);
        }
    });
});

describe('leads each in their own remit', () => {
    test('Đồng Nai: VII.3 and VII.2, written `theo chức năng`, say so beside their leads; the V.5 heading does not', async () => {
        const loaded = await load(exampleFiles('dong-nai/kh-7488.plan'));
        const model = previewModel(services, loaded.main);
        const plan = model.plans[0];
        expect(plan.tasks.filter(task => task.separateRemits).map(task => task.key)).toEqual(['NV_VII2', 'NV_VII3']);
        const { root } = render(model);
        const doc = byId(root, 'document')!;
        const lead = (key: string) => textOf(all(doc, e => hasClass(e, 'task') && e.attrs['data-key'] === key)[0]);
        expect(lead('NV_VII3')).toMatch(/mỗi đơn vị theo chức năng, nhiệm vụ của mình|each in its own remit/);
        expect(lead('NV_V5_KINH_PHI')).not.toMatch(/mỗi đơn vị theo chức năng, nhiệm vụ của mình|each in its own remit/);
    });
});
