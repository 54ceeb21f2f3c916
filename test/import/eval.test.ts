import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Category, Comparison, PlanFacts } from '../../src/import/eval.js';
import { CATEGORIES, compareFacts, factsOf, loadPlan, matchTasks, nameKey, numberKey, pool, rates, sentences, words } from '../../src/import/eval.js';

const REGISTRY = `phạm vi VinhPhuc "Tỉnh Vĩnh Phúc"
cơ quan UBND_TINH "Ủy ban nhân dân tỉnh Vĩnh Phúc" viết tắt "UBND tỉnh"
cơ quan CA_TINH "Công an tỉnh Vĩnh Phúc" viết tắt "Công an tỉnh" thuộc UBND_TINH
cơ quan STP "Sở Tư pháp tỉnh Vĩnh Phúc" thuộc UBND_TINH
cơ quan VKS_TINH "Viện kiểm sát nhân dân tỉnh Vĩnh Phúc" độc lập
`;

// Another province with the same alias: a Vĩnh Phúc plan's "Công an tỉnh" must not mean it.
const OTHER = `phạm vi DongNai "Tỉnh Đồng Nai"
cơ quan CA_DN "Công an tỉnh Đồng Nai" viết tắt "Công an tỉnh"
`;

const NATIONAL = `cơ quan TTG "Thủ tướng Chính phủ"
văn bản CT_39 chỉ thị số "39/CT-TTg" ngày 24/10/2017 của TTG "về tăng cường công tác phòng ngừa"
`;

const PLAN = `phạm vi VinhPhuc
kế hoạch KH "Triển khai Chỉ thị số 39/CT-TTg" {
    của UBND_TINH
    thực hiện CT_39
    "Thực hiện Chỉ thị số 39/CT-TTg ngày 24/10/2017 của Thủ tướng Chính phủ, UBND tỉnh xây dựng Kế hoạch triển khai. Cụ thể như sau:"
    phần "I" "NHIỆM VỤ" {
        [1.] nhiệm vụ NV1 "Công an tỉnh chủ trì, phối hợp với Sở Tư pháp rà soát các vụ án chống người thi hành công vụ." { chủ trì CA_TINH  phối hợp STP  hạn quý IV/2025 }
        [2.] nhiệm vụ NV2 "Sở Tư pháp tuyên truyền, phổ biến giáo dục pháp luật về phòng, chống tội phạm trong nhân dân." {
            chủ trì STP
            thường xuyên
            chỉ tiêu CT1 "Tỷ lệ xã, phường được tuyên truyền" trên 90%
        }
        [3.] đề nghị NV3 "Đề nghị Viện kiểm sát nhân dân tỉnh phối hợp chặt chẽ với lực lượng Công an trong điều tra, truy tố." { chủ trì VKS_TINH  phối hợp CA_TINH }
        báo cáo BC "Báo cáo kết quả thực hiện" { từ CA_TINH  gửi UBND_TINH  trước ngày 20/7  hằng năm }
    }
}
`;

const FILES = { 'vinh-phuc/co-quan.plan': REGISTRY, 'dong-nai/co-quan.plan': OTHER, 'quoc-gia/van-ban.plan': NATIONAL };
const MAIN = 'vinh-phuc/plan.plan';
const DRAFT = 'vinh-phuc/imported.plan';
const ADDITIONS = 'vinh-phuc/imported-registry.plan';

async function facts(plan: string, additions?: string, registry: Record<string, string> = {}): Promise<PlanFacts> {
    const files: Record<string, string> = { ...FILES, ...registry, [DRAFT]: plan };
    if (additions !== undefined) files[ADDITIONS] = additions;
    const loaded = await loadPlan(files, DRAFT, additions !== undefined ? [ADDITIONS] : [], 'VinhPhuc');
    expect(loaded.syntaxErrors, 'the fixture parses').toBe(0);
    expect(loaded.unresolved, 'the fixture links').toBe(0);
    expect(loaded.json).toBeDefined();
    return factsOf(loaded);
}

let expectedFacts: PlanFacts | undefined;
async function expected(): Promise<PlanFacts> {
    expectedFacts ??= factsOf(await loadPlan({ ...FILES, [MAIN]: PLAN }, MAIN));
    return expectedFacts;
}

async function compare(draft: string, additions?: string, registry?: Record<string, string>): Promise<Comparison> {
    return compareFacts(await expected(), await facts(draft, additions, registry));
}

function rate(c: Comparison, category: Category): [number | undefined, number | undefined] {
    const r = rates(c, category);
    return [r.precision, r.recall];
}

/** Every category with facts on either side reads 100% / 100%. */
function expectPerfect(c: Comparison): void {
    for (const category of CATEGORIES) {
        const count = c.scores[category];
        if (count.expected + count.found > 0) {
            expect(rate(c, category), category).toEqual([1, 1]);
        }
    }
}

describe('import evaluation: facts of a small plan', () => {
    test('the facts are those the plan states', async () => {
        const f = await expected();
        expect(f.documents).toEqual(['39/CT-TTG 2017-10-24']);
        expect(f.tasks.map(t => [t.key, t.mode, t.leads, t.supports])).toEqual([
            ['NV1', 'directed', [nameKey('Công an tỉnh Vĩnh Phúc')], [nameKey('Sở Tư pháp tỉnh Vĩnh Phúc')]],
            ['NV2', 'directed', [nameKey('Sở Tư pháp tỉnh Vĩnh Phúc')], []],
            ['NV3', 'requested', [nameKey('Viện kiểm sát nhân dân tỉnh Vĩnh Phúc')], [nameKey('Công an tỉnh Vĩnh Phúc')]],
        ]);
        expect(f.tasks.map(t => t.deadlines)).toEqual([['deadline 2025-Q4'], ['ongoing'], []]);
        expect(f.targets.map(t => [t.value, t.task])).toEqual([[' above 90', 'NV2']]);
        expect(f.reports).toEqual([`to ${nameKey('Ủy ban nhân dân tỉnh Vĩnh Phúc')} due --07-20`]);
        // The opening paragraph is two sentences; the title, headings and task texts are prose too.
        expect(f.prose.map(s => s.sentence)).toContain('Cụ thể như sau:');
        expect(f.prose.map(s => s.sentence)).toContain('NHIỆM VỤ');
    });

    test('identical plans score 100% precision and recall in every category', async () => {
        const c = await compare(PLAN);
        expectPerfect(c);
        expect(c.scores.tasks).toEqual({ matched: 3, found: 3, expected: 3 });
        expect(c.scores.targets.matched).toBe(1);
    });

    test('a dropped task lowers the recall of tasks only', async () => {
        const c = await compare(PLAN.replace(/ +\[3\.\] đề nghị NV3 .*\n/, ''));
        expect(rate(c, 'tasks')).toEqual([1, 2 / 3]);
        // Per-task facts are compared on matched pairs only: the other two tasks are still right.
        expect(rate(c, 'leads')).toEqual([1, 1]);
        expect(rate(c, 'mode')).toEqual([1, 1]);
    });

    test('an invented lead lowers the precision of leads only', async () => {
        const c = await compare(PLAN.replace('chủ trì STP\n', 'chủ trì STP, CA_TINH\n'));
        expect(rate(c, 'leads')).toEqual([3 / 4, 1]);
        expect(rate(c, 'tasks')).toEqual([1, 1]);
        expect(rate(c, 'supports')).toEqual([1, 1]);
    });

    test('a task given as requested where the plan directs it counts against directed/requested', async () => {
        const c = await compare(PLAN.replace('[2.] nhiệm vụ NV2', '[2.] đề nghị NV2'));
        expect(rate(c, 'mode')).toEqual([2 / 3, 2 / 3]);
        expect(rate(c, 'tasks')).toEqual([1, 1]);
    });

    test('NFC and NFD input compare equal', async () => {
        expect(PLAN.normalize('NFD')).not.toBe(PLAN);
        expectPerfect(await compare(PLAN.normalize('NFD')));
        expect(words('Ủy ban'.normalize('NFD'))).toEqual(words('Ủy ban'));
        expect(sentences('Một câu. Câu hai;'.normalize('NFD'))).toEqual(['Một câu.', 'Câu hai;']);
    });

    test('a body the draft declares with its printed name matches the registry by alias, case and tone placement', async () => {
        expect(nameKey('Uỷ ban nhân dân')).toBe(nameKey('Ủy ban nhân dân'));
        expect(nameKey('HOÀ BÌNH'.normalize('NFD'))).toBe(nameKey('Hòa Bình'));
        expect(nameKey('Hoà')).not.toBe(nameKey('Hóa'));
        const additions = `phạm vi VinhPhuc
cơ quan CA_MOI "Công an tỉnh"
cơ quan STP_MOI "sở tư pháp tỉnh Vĩnh Phúc"
cơ quan UB_MOI "Uỷ ban nhân dân tỉnh Vĩnh Phúc"
`;
        const draft = PLAN
            .replace(/CA_TINH/g, 'CA_MOI')
            .replace(/\bSTP\b/g, 'STP_MOI')
            .replace(/UBND_TINH/g, 'UB_MOI');
        expectPerfect(await compare(draft, additions));
    });

    test('a body whose printed name the registry does not know is not taken for another', async () => {
        const additions = 'phạm vi VinhPhuc\ncơ quan CA_MOI "Công an thành phố"\n';
        const c = await compare(PLAN.replace(/CA_TINH/g, 'CA_MOI'), additions);
        // NV1's lead, NV3's cooperating unit, the report's sender (not compared) are wrong.
        expect(rate(c, 'leads')).toEqual([2 / 3, 2 / 3]);
        expect(rate(c, 'supports')).toEqual([1 / 2, 1 / 2]);
    });

    test('documents match by number-symbol and date', async () => {
        // The draft declares the document itself (registry additions), with what it read.
        const additions = (n: string, d: string) => `văn bản CT_X chỉ thị số "${n}" ngày ${d} của TTG "về tăng cường"\n`;
        const withoutCt39 = { 'quoc-gia/van-ban.plan': NATIONAL.replace(/văn bản CT_39.*\n/, '') };
        const draft = (n: string, d: string) => [
            PLAN.replace('thực hiện CT_39', 'thực hiện CT_X').replace(/39\/CT-TTg/g, n).replace('24/10/2017', d), additions(n, d), withoutCt39,
        ] as const;
        expect(numberKey('39 /CT‑TTg')).toBe(numberKey('39/CT-TTG'));
        const same = await compare(...draft('39/CT-TTg', '24/10/2017'));
        expect(rate(same, 'documents')).toEqual([1, 1]);
        const otherDate = await compare(...draft('39/CT-TTg', '25/10/2017'));
        expect(rate(otherDate, 'documents')).toEqual([0, 0]);
        const otherNumber = await compare(...draft('38/CT-TTg', '24/10/2017'));
        expect(rate(otherNumber, 'documents')).toEqual([0, 0]);
        // The plan's own number left as prose (a header not read) is not a citation.
        const numbered = PLAN.replace('    của UBND_TINH', '    số "12/KH-UBND"  của UBND_TINH');
        const header = '    "Số: 12/KH-UBND"\n    của UBND_TINH';
        const ownExpected = factsOf(await loadPlan({ ...FILES, [MAIN]: numbered }, MAIN));
        expect(ownExpected.own).toEqual(['12/KH-UBND']);
        const headerAsProse = await facts(PLAN.replace('    của UBND_TINH', header));
        expect(headerAsProse.documents).toContain('12/KH-UBND ');
        const asProse = compareFacts(ownExpected, headerAsProse);
        expect(asProse.scores.documents).toEqual({ matched: 1, found: 1, expected: 1 });
    });

    test('a target matches by comparison and value, in its matched task', async () => {
        expect(rate(await compare(PLAN.replace('trên 90%', 'trên 80%')), 'targets')).toEqual([0, 0]);
        expect(rate(await compare(PLAN.replace('trên 90%', 'ít nhất 90%')), 'targets')).toEqual([0, 0]);
        // Moved out of its task to the section, with its text: still the same target.
        const moved = PLAN.replace(/\n *chỉ tiêu CT1 .*\n/, '\n').replace('        báo cáo BC', '        chỉ tiêu CT1 "Tỷ lệ xã, phường được tuyên truyền" trên 90%\n        báo cáo BC');
        expect(rate(await compare(moved), 'targets')).toEqual([1, 1]);
        // A level to reach is the same level whether or not the text says which way it moves; a change is not.
        const level = (phrase: string) => compare(PLAN.replace('trên 90%', phrase));
        expect(rate(await level('tăng lên trên 90%'), 'targets')).toEqual([1, 1]);
        expect(rate(await level('tăng trên 90% so với năm trước'), 'targets')).toEqual([0, 0]);
        const extra = PLAN.replace('trên 90%\n', 'trên 90%\n            chỉ tiêu CT2 "Tỷ lệ người dân được phổ biến" trên 70%\n');
        expect(rate(await compare(extra), 'targets')).toEqual([1 / 2, 1]);
    });

    test('deadlines and reports compare by their windows and due dates', async () => {
        const c = await compare(PLAN.replace('hạn quý IV/2025', 'hạn quý III/2025').replace('trước ngày 20/7', 'trước ngày 25/7'));
        expect(rate(c, 'deadlines')).toEqual([1 / 2, 1 / 2]);
        expect(rate(c, 'reports')).toEqual([0, 0]);
        const dropped = await compare(PLAN.replace('  hạn quý IV/2025', ''));
        expect(rate(dropped, 'deadlines')).toEqual([1, 1 / 2]);
    });

    test('prose counts the words of sentences kept verbatim', async () => {
        const c = await compare(PLAN.replace('Cụ thể như sau:', 'Cụ thể như sau :'));
        const [p, r] = rate(c, 'prose');
        expect(p).toBeLessThan(1);
        expect(r).toBeLessThan(1);
        expect(c.scores.prose.expected - c.scores.prose.matched).toBe(4);
        // A paragraph cut in two strings keeps its sentences verbatim.
        expectPerfect(await compare(PLAN.replace('triển khai. Cụ thể như sau:"', 'triển khai."\n    "Cụ thể như sau:"')));
        // Text the hand-written plan dropped (page noise) is still verbatim when the original has it.
        const noisy = PLAN.replace('    phần "I"', '    "Trang 2 / 5"\n    phần "I"');
        const original = 'KẾ HOẠCH\nThực hiện Chỉ thị số 39/CT-TTg ngày 24/10/2017 của Thủ tướng Chính phủ, UBND tỉnh xây dựng\nKế hoạch triển khai.\nTrang 2 / 5\nCụ thể như sau:';
        const withoutOriginal = await compare(noisy);
        expect(rate(withoutOriginal, 'prose')[0]).toBeLessThan(1);
        const withOriginal = compareFacts(await expected(), await facts(noisy), original);
        expect(rate(withOriginal, 'prose')).toEqual([1, 1]);
        // A review comment is not prose; a writer's `suy ra` reason is not either.
        const commented = PLAN.replace('    của UBND_TINH', '    // XEM LẠI (review): người ký?\n    của UBND_TINH  suy ra "không in trong bản gốc"');
        expectPerfect(await compare(commented));
    });

    test('tasks are matched one to one, best score first, from a stated threshold', () => {
        const task = (key: string, text: string) => ({ key, text, words: new Set(words(text)), section: '', mode: 'directed' as const, leads: [], supports: [], deadlines: [], inferred: [] });
        const a = task('a', 'Công an tỉnh rà soát các vụ án chống người thi hành công vụ');
        const twin = task('twin', 'Công an tỉnh rà soát các vụ án chống người thi hành công vụ');
        const near = task('near', 'Công an tỉnh rà soát các vụ án chống người thi hành công vụ năm 2025');
        const far = task('far', 'Sở Tư pháp tuyên truyền pháp luật');
        expect(matchTasks([a, twin], [near]).map(([e, d]) => [e.key, d.key])).toEqual([['a', 'near']]);
        expect(matchTasks([a], [far])).toEqual([]);
        expect(matchTasks([a, far], [far, twin]).map(([e, d]) => [e.key, d.key])).toEqual([['a', 'twin'], ['far', 'far']]);
    });

    test('a broken or partial draft is measured, never a crash', async () => {
        for (const cut of [1, 40, 200, 600, 900, PLAN.length - 3]) {
            const draft = PLAN.slice(0, cut);
            const loaded = await loadPlan({ ...FILES, [DRAFT]: draft }, DRAFT, [], 'VinhPhuc');
            const c = compareFacts(await expected(), factsOf(loaded));
            expect(loaded.syntaxErrors + (loaded.json ? 0 : 1), `cut at ${cut}`).toBeGreaterThan(0);
            expect(c.scores.tasks.matched).toBeLessThanOrEqual(3);
        }
    });

    test('each load starts from an empty workspace: nothing resolves to a file of the previous one', async () => {
        await loadPlan({ ...FILES, [MAIN]: PLAN }, MAIN);
        const alone = await loadPlan({ [DRAFT]: PLAN }, DRAFT, [], 'VinhPhuc');
        expect(alone.unresolved).toBeGreaterThan(0);
        expect(alone.table.size).toBe(0);
    });

    test('an empty draft has recall 0 and no precision to speak of', async () => {
        const empty = compareFacts(await expected(), factsOf(await loadPlan({ ...FILES, [DRAFT]: '' }, DRAFT, [], 'VinhPhuc')));
        expect(rate(empty, 'tasks')).toEqual([undefined, 0]);
        expect(rates(empty, 'tasks').pass).toBe(false);
        const pooled = pool([empty, await compare(PLAN)]);
        expect(rate(pooled, 'tasks')).toEqual([1, 1 / 2]);
    });
});

/** Every .plan of examples/, by its path there. */
function exampleFiles(): Record<string, string> {
    const files: Record<string, string> = {};
    for (const name of fs.readdirSync('examples', { recursive: true, encoding: 'utf8' }).sort()) {
        if (name.endsWith('.plan')) files[name.split(path.sep).join('/')] = fs.readFileSync(path.join('examples', name), 'utf8');
    }
    return files;
}

const EXAMPLES = ['vinh-phuc/ke-hoach-ct39.plan', 'thai-binh/nq-04.plan', 'ca-mau/kh-qd634.plan', 'tinh-khuyet-danh/ke-hoach-de-an-4170.plan', 'dong-nai/kh-7488.plan'];

describe('import evaluation on the real examples', () => {
    const examples = exampleFiles();

    /** The example `main` compared with `draft` standing in its place. */
    async function againstExample(main: string, draft: string): Promise<Comparison> {
        const expectedPlan = await loadPlan(examples, main);
        const files = { ...examples };
        delete files[main];
        const at = main.replace(/[^/]+$/, 'imported.plan');
        files[at] = draft;
        const found = await loadPlan(files, at, [], expectedPlan.plan?.$container.namespace?.name);
        expect(found.syntaxErrors).toBe(0);
        return compareFacts(factsOf(expectedPlan), factsOf(found));
    }

    test.each(EXAMPLES)('%s as its own draft: every category at 100 percent', async main => {
        const c = await againstExample(main, examples[main]);
        expectPerfect(c);
        expect(c.scores.tasks.expected).toBeGreaterThan(5);
        expect(c.scores.prose.expected).toBeGreaterThan(1000);
    });

    test('the examples state the facts the seeds README lists', async () => {
        const ca = factsOf(await loadPlan(examples, 'ca-mau/kh-qd634.plan'));
        expect(ca.documents).toEqual(expect.arrayContaining(['634/QĐ-TTG 2020-05-13', '96/2019/QH14 2019-11-27']));
        expect(ca.reports.map(r => r.replace(/.* due /, ''))).toEqual(expect.arrayContaining(['--07-20', '--09-20']));
        const dn = factsOf(await loadPlan(examples, 'dong-nai/kh-7488.plan'));
        // "Thông tư số 23/TT-BCA" is printed without its year.
        expect(dn.documents.some(d => d.startsWith('23/TT-BCA '))).toBe(true);
        expect(dn.reports.map(r => r.replace(/.* due /, ''))).toContain('--11-25');
    });

    test('a changed lead and a task left as prose in a real plan count where they should', async () => {
        const main = 'vinh-phuc/ke-hoach-ct39.plan';
        const base = await againstExample(main, examples[main]);
        const lead = await againstExample(main, examples[main].replace(/(nhiệm vụ NV2 "(?:[^"\\]|\\.)*" \{\s*chủ trì) SO_TP/, '$1 CA_TINH'));
        expect(lead.scores.leads.matched).toBe(base.scores.leads.matched - 1);
        expect(lead.scores.leads.found).toBe(base.scores.leads.found);
        expect(lead.scores.tasks).toEqual(base.scores.tasks);
        const prose = await againstExample(main, examples[main].replace(/\[3\.\] nhiệm vụ NV3 ("(?:[^"\\]|\\.)*") \{\s*chủ trì CA_TINH\s*\}/, '[3.] $1'));
        expect(prose.scores.tasks).toEqual({ matched: base.scores.tasks.matched - 1, found: base.scores.tasks.found - 1, expected: base.scores.tasks.expected });
        expect(rate(prose, 'prose')).toEqual([1, 1]);
    });
});

describe('npm run import:eval (scripts/import-eval.mjs)', () => {
    const script = path.resolve('scripts/import-eval.mjs');
    const run = (...args: string[]) => spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'import-eval-'));

    test('--self scores every seed 100% and writes the report only with --out', () => {
        const out = path.join(tmp, 'self.md');
        const result = run('--self', '--out', out);
        expect(result.status, result.stderr).toBe(0);
        const report = fs.readFileSync(out, 'utf8');
        expect(report).toBe(result.stdout.replace(/\n$/, ''));
        for (const label of ['000 vinh-phuc', '001 thai-binh', '002 ca-mau', '003 tinh-khuyet-danh', '004 dong-nai']) expect(report).toContain(label);
        const rows = report.split('\n').filter(l => /^\| (Văn bản|Nhiệm vụ|Chủ trì|Phối hợp|Giao|Chỉ tiêu|Thời hạn|Báo cáo)/.test(l));
        expect(rows).toHaveLength(CATEGORIES.length);
        for (const row of rows) {
            expect(row).toMatch(/\*\*100\.0% \/ 100\.0%\*\* \| PASS \|$/);
        }
        expect(report).toMatch(/Node v\d+/);
        expect(report).toContain('## What counts as a match');
    });

    test('--seed measures only the seeds named; --strict passes when every goal is met', () => {
        const result = run('--self', '--seed', '002', '--strict');
        expect(result.status, result.stderr).toBe(0);
        expect(result.stdout).toContain('| 002 ca-mau | total | goal |');
        expect(result.stdout).not.toContain('000 vinh-phuc');
        expect(run('--self', '--seed').status).toBe(2);
    });

    test('without an importer it says so in both languages and exits 2', () => {
        const result = run('--importer', path.join(tmp, 'missing.js'));
        expect(result.status).toBe(2);
        expect(result.stderr).toMatch(/Chưa có trình nhập/);
        expect(result.stderr).toMatch(/No importer/);
    });

    test('an importer is run on each seed, its draft put in place of the hand-written plan', () => {
        // A stand-in importer: the hand-written plan of each seed, its registry lines moved to the additions.
        const importer = path.join(tmp, 'importer.mjs');
        const examplesDir = path.resolve('examples');
        fs.writeFileSync(importer, `
import * as fs from 'node:fs';
const map = { '000': 'vinh-phuc/ke-hoach-ct39.plan', '001': 'thai-binh/nq-04.plan', '002': 'ca-mau/kh-qd634.plan', '003': 'tinh-khuyet-danh/ke-hoach-de-an-4170.plan', '004': 'dong-nai/kh-7488.plan' };
export async function importText(text, options) {
    if (options.workspace !== 'examples' || !text.includes('Căn cứ') && !text.includes('Thực hiện')) throw new Error('not a seed');
    const prefix = options.sourceName.slice(0, 3);
    if (prefix === '003') throw new Error('cannot read this one');
    const plan = fs.readFileSync(${JSON.stringify(examplesDir)} + '/' + map[prefix], 'utf8');
    return { plan: prefix === '001' ? plan.normalize('NFD') : plan, notes: [{ line: 1, message: 'xem lại' }] };
}
`);
        const out = path.join(tmp, 'run.md');
        const result = run('--importer', importer, '--out', out);
        expect(result.status, result.stderr).toBe(0);
        const strict = run('--importer', importer, '--out', path.join(tmp, 'strict.md'), '--strict');
        expect(strict.status).toBe(1);
        expect(strict.stderr).toMatch(/Chưa đạt mục tiêu \(goal not met\): .*tasks/);
        const report = fs.readFileSync(out, 'utf8');
        expect(report).not.toContain('self-check');
        const tasks = report.split('\n').find(l => l.startsWith('| Nhiệm vụ / Tasks'))!;
        // 003 failed to import: nothing found there, so the pooled recall falls and the goal fails.
        expect(tasks.split('|').map(c => c.trim()).slice(2, 7)).toEqual(['100.0% / 100.0%', '100.0% / 100.0%', '100.0% / 100.0%', '— / 0.0%', '100.0% / 100.0%']);
        expect(tasks).toMatch(/FAIL \|$/);
        expect(report).toMatch(/003_[0-9a-f]+\.txt: importText: cannot read this one/);
        expect(report).toMatch(/\| Ghi chú rà soát \/ Review notes \| 1 \| 1 \| 1 \| 0 \| 1 \| 4 \|/);
    });
});
