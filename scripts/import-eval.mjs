// `npm run import:eval`: imports each seed original (test/fixtures/seeds) with importText, puts the
// draft in place of the hand-written plan of that seed in the examples workspace, and compares the
// two (src/import/eval.ts): precision and recall per category, a table on stdout and in
// docs/import-eval.md.
//
//   node scripts/import-eval.mjs            the importer (out/import/index.js), writes docs/import-eval.md
//   node scripts/import-eval.mjs --self     sanity check: each hand-written plan as its own draft (must
//                                           score 100% everywhere); writes only with --out
//   --out FILE                              where to write the report (default docs/import-eval.md)
//   --seed 002                              only the seeds whose file name starts so (repeatable)
//   --verbose                               also lists the tasks left unmatched on each side
//   --importer FILE                         another build of importText (default out/import/index.js)
//   --strict                                exit 1 when a category misses the goal (for CI)

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

/** Seed → the hand-written plan of it (test/fixtures/seeds/README.md, examples/README.md). */
const SEEDS = [
    { prefix: '000', example: 'vinh-phuc/ke-hoach-ct39.plan' },
    { prefix: '001', example: 'thai-binh/nq-04.plan' },
    { prefix: '002', example: 'ca-mau/kh-qd634.plan' },
    { prefix: '003', example: 'tinh-khuyet-danh/ke-hoach-de-an-4170.plan' },
    { prefix: '004', example: 'dong-nai/kh-7488.plan' },
];

const args = process.argv.slice(2);
const self = args.includes('--self');
const verbose = args.includes('--verbose');
const strict = args.includes('--strict');
const outAt = args.indexOf('--out');
const out = outAt >= 0 ? args[outAt + 1] : self ? undefined : 'docs/import-eval.md';
const only = args.flatMap((a, i) => a === '--seed' ? [args[i + 1]] : []);
const importerAt = args.indexOf('--importer');
const WITH_VALUE = ['--out', '--seed', '--importer'];
const unknown = args.filter((a, i) => !['--self', '--verbose', '--strict', ...WITH_VALUE].includes(a) && !WITH_VALUE.includes(args[i - 1]));
const missing = args.some((a, i) => WITH_VALUE.includes(a) && (args[i + 1] === undefined || args[i + 1].startsWith('--')));
if (unknown.length > 0 || missing) {
    console.error(`Tham số không hợp lệ (invalid arguments): ${unknown.join(' ') || args.join(' ')}\n` +
        'Dùng (usage): node scripts/import-eval.mjs [--self] [--out FILE] [--seed PREFIX]… [--importer FILE] [--strict] [--verbose]');
    process.exit(2);
}

const evalJs = path.join(root, 'out/import/eval.js');
const indexJs = importerAt >= 0 ? path.resolve(args[importerAt + 1]) : path.join(root, 'out/import/index.js');
if (!fs.existsSync(evalJs)) {
    console.error('Chưa biên dịch: chạy `npm run build` trước (not built: run `npm run build` first).');
    process.exit(2);
}
let importText;
if (!self) {
    if (!fs.existsSync(indexJs)) {
        const shown = path.relative(root, indexJs) || indexJs;
        console.error(`Chưa có trình nhập: không thấy ${shown} (importText); chạy \`npm run build\` sau khi có src/import/index.ts, `
            + 'hoặc dùng --self để tự kiểm tra phép đo.\n'
            + `(No importer: ${shown} (importText) not found; build once src/import/index.ts exists, or use --self to check the measurement itself.)`);
        process.exit(2);
    }
    ({ importText } = await import(pathToFileURL(indexJs).href));
    if (typeof importText !== 'function') {
        console.error(`${path.relative(root, indexJs)} không xuất importText (does not export importText).`);
        process.exit(2);
    }
}
const E = await import(pathToFileURL(evalJs).href);

/** Every .plan file of examples/, by its path there. */
function exampleFiles() {
    const files = {};
    for (const name of fs.readdirSync('examples', { recursive: true, encoding: 'utf8' }).sort()) {
        if (name.endsWith('.plan')) {
            files[name.split(path.sep).join('/')] = fs.readFileSync(path.join('examples', name), 'utf8');
        }
    }
    return files;
}

const examples = exampleFiles();
const seedFiles = fs.readdirSync('test/fixtures/seeds').filter(f => f.endsWith('.txt')).sort();
const rows = [];
for (const seed of SEEDS) {
    if (only.length > 0 && !only.some(p => seed.prefix.startsWith(p) || p.startsWith(seed.prefix))) continue;
    const file = seedFiles.find(f => f.startsWith(`${seed.prefix}_`));
    if (!file) {
        console.error(`Không thấy bản gốc ${seed.prefix} (seed original not found) in test/fixtures/seeds`);
        process.exit(2);
    }
    const expected = await E.loadPlan(examples, seed.example);
    const namespace = expected.plan?.$container?.namespace?.name;
    const dir = path.posix.dirname(seed.example);
    const draftPath = `${dir}/imported.plan`;
    const registryPath = `${dir}/imported-registry.plan`;
    let result;
    let failure;
    const text = fs.readFileSync(path.join('test/fixtures/seeds', file), 'utf8');
    const started = performance.now();
    if (self) {
        result = { plan: examples[seed.example], notes: [] };
    } else {
        try {
            result = await importText(text, { workspace: 'examples', sourceName: file });
        } catch (error) {
            failure = `importText: ${error instanceof Error ? error.message : String(error)}`;
            result = { plan: '', notes: [] };
        }
    }
    const ms = performance.now() - started;
    // In place of the hand-written plan, so the draft's ids do not collide with it.
    const files = { ...examples };
    delete files[seed.example];
    files[draftPath] = result.plan ?? '';
    if (result.registry) files[registryPath] = result.registry;
    const draft = await E.loadPlan(files, draftPath, result.registry ? [registryPath] : [], namespace);
    const comparison = E.compareFacts(E.factsOf(expected), E.factsOf(draft), text);
    rows.push({ seed, file, comparison, draft, failure, ms, notes: result.notes?.length ?? 0 });
}

const total = E.pool(rows.map(r => r.comparison));
const pct = x => x === undefined ? '—' : `${(100 * x).toFixed(1)}%`;
const rateCell = (c, cat) => { const r = E.rates(c, cat); return `${pct(r.precision)} / ${pct(r.recall)}`; };
const lines = [];
lines.push(`# Import evaluation${self ? ' — self-check (--self)' : ''}`);
lines.push('');
lines.push(self
    ? '> **Self-check, not a measurement of the importer**: each hand-written example is used as its own draft, so every category must read 100% / 100%. It proves the extraction and matching; `npm run import:eval` measures the importer and rewrites this file.'
    : 'Each seed original (test/fixtures/seeds) imported with `importText(text, { workspace: "examples" })` and compared with its hand-written plan in examples/.');
lines.push('');
lines.push(`Command: \`npm run import:eval${args.length ? ' -- ' + args.join(' ') : ''}\` · ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · Node ${process.version} · ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length} · ${os.platform()} ${os.release()}`);
lines.push('');
lines.push('## What counts as a match');
lines.push('');
lines.push(E.METRIC_DEFINITIONS);
lines.push('');
lines.push('## Results');
lines.push('');
lines.push(`Goal: recall ≥ ${E.GOAL.recall * 100}% and precision ≥ ${E.GOAL.precision * 100}% in every category. Cells: precision / recall.`);
lines.push('');
lines.push(`| category | ${rows.map(r => r.seed.prefix + ' ' + path.posix.dirname(r.seed.example)).join(' | ')} | total | goal |`);
lines.push(`|---|${rows.map(() => '---|').join('')}---|---|`);
for (const cat of E.CATEGORIES) {
    const t = E.rates(total, cat);
    lines.push(`| ${E.CATEGORY_LABELS[cat]} | ${rows.map(r => rateCell(r.comparison, cat)).join(' | ')} | **${pct(t.precision)} / ${pct(t.recall)}** | ${t.pass === undefined ? 'n/a' : t.pass ? 'PASS' : 'FAIL'} |`);
}
lines.push(`| Lỗi cú pháp / Syntax errors (draft) | ${rows.map(r => r.draft.syntaxErrors).join(' | ')} | ${rows.reduce((n, r) => n + r.draft.syntaxErrors, 0)} | 0 |`);
lines.push(`| Tham chiếu không giải được / Unresolved references (draft) | ${rows.map(r => r.draft.unresolved).join(' | ')} | ${rows.reduce((n, r) => n + r.draft.unresolved, 0)} | |`);
lines.push(`| Ghi chú rà soát / Review notes | ${rows.map(r => r.notes).join(' | ')} | ${rows.reduce((n, r) => n + r.notes, 0)} | |`);
lines.push(`| Thời gian / Time (ms) | ${rows.map(r => Math.round(r.ms)).join(' | ')} | ${Math.round(rows.reduce((n, r) => n + r.ms, 0))} | |`);
lines.push('');
lines.push('Counts (matched / in the draft / in the hand-written plan; prose in words):');
lines.push('');
lines.push(`| category | ${rows.map(r => r.seed.prefix).join(' | ')} | total |`);
lines.push(`|---|${rows.map(() => '---|').join('')}---|`);
for (const cat of E.CATEGORIES) {
    const cell = c => `${c.scores[cat].matched}${c.recallMatched[cat] !== undefined && c.recallMatched[cat] !== c.scores[cat].matched ? ` (${c.recallMatched[cat]})` : ''} / ${c.scores[cat].found} / ${c.scores[cat].expected}`;
    lines.push(`| ${cat} | ${rows.map(r => cell(r.comparison)).join(' | ')} | ${cell(total)} |`);
}
const problems = rows.filter(r => r.failure || r.draft.problem);
if (problems.length > 0) {
    lines.push('');
    for (const r of problems) lines.push(`- ${r.file}: ${r.failure ?? r.draft.problem}`);
}
if (verbose) {
    lines.push('');
    for (const r of rows) {
        lines.push(`- ${r.seed.prefix}: hand-written tasks not matched: ${r.comparison.unmatchedExpected.join('; ') || '—'}`);
        lines.push(`- ${r.seed.prefix}: draft tasks not matched: ${r.comparison.unmatchedFound.join('; ') || '—'}`);
        for (const d of r.comparison.differences) lines.push(`- ${r.seed.prefix}: ${d}`);
    }
}
lines.push('');
const report = lines.join('\n');
console.log(report);
if (out) {
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    fs.writeFileSync(out, report);
    console.error(`→ ${out}`);
}
const failed = E.CATEGORIES.filter(cat => E.rates(total, cat).pass === false);
if (strict && failed.length > 0) {
    console.error(`Chưa đạt mục tiêu (goal not met): ${failed.join(', ')}`);
    process.exit(1);
}
