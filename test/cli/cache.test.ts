import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { cacheFile, lastCacheRun } from '../../src/cli/cache.js';
import { run } from '../run-cli.js';

let dir: string;
let cache: string;

beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planspec-cache-'));
    cache = path.join(dir, 'cache-file');
});

afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
});

/** A copy of examples/ in the temp folder (beside the cache file, which is outside the workspace). */
function copyExamples(): string {
    const workspace = path.join(dir, 'examples');
    fs.cpSync('examples', workspace, { recursive: true });
    return workspace;
}

function edit(file: string, from: string | RegExp, to: string): void {
    const text = fs.readFileSync(file, 'utf8');
    const changed = text.replace(from, to);
    expect(changed, `${from} in ${file}`).not.toBe(text);
    fs.writeFileSync(file, changed);
}

/** Runs the cached check and a full check with the same arguments; they must agree in everything. */
async function expectSameAsFull(target: string, ...args: string[]) {
    const cached = await run('check', target, '--cache', '--cache-location', cache, ...args);
    const stats = { loaded: [...lastCacheRun.loaded], validated: [...lastCacheRun.validated] };
    const full = await run('check', target, ...args);
    expect(cached).toEqual(full);
    return { result: cached, ...stats };
}

const FORMATS = ['stylish', 'json', 'sarif'];
/** Each test runs a dozen full checks beside the cached ones. */
const SLOW = 180_000;

describe('planspec check --cache on the examples', () => {
    test('a first and an unchanged second run print what a full check prints, in every format; the second builds nothing', async () => {
        const workspace = copyExamples();
        const first = await expectSameAsFull(workspace);
        expect(first.result.status).toBe(0);
        expect(first.result.out).toMatch(/warning/);
        expect(first.validated).toHaveLength(13);
        for (const format of FORMATS) {
            const again = await expectSameAsFull(workspace, '--format', format);
            expect(again.loaded).toEqual([]);
            expect(again.validated).toEqual([]);
        }
        // --quiet, --max-warnings and one file of the workspace are read from the same cache.
        for (const args of [['--quiet'], ['--max-warnings', '3'], ['--format', 'json', '--quiet']]) {
            const again = await expectSameAsFull(workspace, ...args);
            expect(again.loaded).toEqual([]);
        }
        const oneFile = await expectSameAsFull(path.join(workspace, 'ca-mau', 'kh-qd634.plan'), '--format', 'json');
        expect(oneFile.loaded).toEqual([]);
        expect(JSON.parse(oneFile.result.out).findings.length).toBeGreaterThan(0);
    }, SLOW);

    test('after editing a plan, a registry, then the configuration, the cached run equals a full check each time', async () => {
        const workspace = copyExamples();
        const plan = path.join(workspace, 'ca-mau', 'kh-qd634.plan');
        const registry = path.join(workspace, 'ca-mau', 'co-quan.plan');
        const before = (await expectSameAsFull(workspace, '--format', 'json')).result.out;

        // A plan loses a lead: a new error in it.
        edit(plan, 'chủ trì SO_NGANH, UBND_HUYEN', 'phối hợp SO_NGANH, UBND_HUYEN');
        for (const format of FORMATS) {
            await expectSameAsFull(workspace, '--format', format);
        }
        const afterPlan = (await expectSameAsFull(workspace, '--format', 'json')).result;
        expect(afterPlan.out).not.toBe(before);
        expect(afterPlan.status).toBe(1);

        // A registry renames a body: every plan of the workspace is checked again.
        edit(registry, '"Công an tỉnh Cà Mau" viết tắt "Công an tỉnh"', '"Công an tỉnh Cà Mau (đổi tên)"');
        const afterRename = await expectSameAsFull(workspace, '--format', 'json');
        expect(afterRename.validated).toContain(plan);

        // A registry drops a body the plan directs: unresolved references in another file.
        edit(registry, /^cơ quan CA_TINH .*$/m, '');
        const afterRemove = await expectSameAsFull(workspace, '--format', 'json');
        const inPlan = JSON.parse(afterRemove.result.out).findings.filter((f: { file: string; ruleId: string }) => f.file.endsWith('kh-qd634.plan') && f.ruleId === 'unresolved-reference');
        expect(inPlan.length).toBeGreaterThan(0);
        for (const format of FORMATS) {
            await expectSameAsFull(workspace, '--format', format);
        }

        // The configuration turns a rule off, then on again.
        const config = path.join(workspace, 'planspec.config.json');
        const original = fs.readFileSync(config, 'utf8');
        fs.writeFileSync(config, JSON.stringify({ extends: 'planspec:recommended', rules: { 'unresolved-reference': 'off', 'missing-lead': 'off' } }));
        const off = await expectSameAsFull(workspace, '--format', 'json');
        expect(off.result.out).not.toMatch(/unresolved-reference|missing-lead/);
        expect(off.validated).toHaveLength(13);
        fs.writeFileSync(config, original);
        const on = await expectSameAsFull(workspace, '--format', 'json');
        expect(on.result.out).toBe(afterRemove.result.out);
        // --rule and --config are configuration too.
        const raised = await expectSameAsFull(workspace, '--rule', 'outside-authority=error');
        expect(raised.validated).toHaveLength(13);
        const strict = path.join(dir, 'strict.json');
        fs.writeFileSync(strict, JSON.stringify({ extends: 'planspec:strict' }));
        await expectSameAsFull(workspace, '--config', strict, '--format', 'sarif');
        fs.writeFileSync(strict, JSON.stringify({ extends: 'planspec:recommended' }));
        await expectSameAsFull(workspace, '--config', strict, '--format', 'sarif');
    }, SLOW);

    test('a plan that disappears is dropped from the cache, and one that appears is checked', async () => {
        const workspace = copyExamples();
        const plan = path.join(workspace, 'thai-binh', 'nq-04.plan');
        const text = fs.readFileSync(plan, 'utf8');
        await expectSameAsFull(workspace);
        expect(Object.keys(JSON.parse(fs.readFileSync(cache, 'utf8')).files)).toContain(plan);
        fs.rmSync(plan);
        await expectSameAsFull(workspace, '--format', 'json');
        expect(Object.keys(JSON.parse(fs.readFileSync(cache, 'utf8')).files)).not.toContain(plan);
        // Back under a decomposed (NFD) name, with decomposed text: checked, and as a full check says.
        const nfd = path.join(workspace, 'thai-binh', 'kế-hoạch.plan'.normalize('NFD'));
        fs.writeFileSync(nfd, text.normalize('NFD'));
        const added = await expectSameAsFull(workspace, '--format', 'json');
        expect(added.validated).toContain(nfd);
        // The same text composed again: other bytes, so checked again, and the same findings as a full check.
        fs.writeFileSync(nfd, text.normalize('NFC'));
        const composed = await expectSameAsFull(workspace, '--format', 'json');
        expect(composed.validated).toContain(nfd);
        expect((await expectSameAsFull(workspace)).loaded).toEqual([]);
    }, SLOW);

    test('a corrupt or foreign cache file is ignored with a warning, then replaced', async () => {
        const workspace = copyExamples();
        const full = await run('check', workspace);
        for (const content of ['{ not json', '[]', JSON.stringify({ format: 'planspec-cache', files: { x: 1 } }), '\u0000\u0001']) {
            fs.writeFileSync(cache, content);
            const cached = await run('check', workspace, '--cache', '--cache-location', cache);
            expect(cached.status).toBe(full.status);
            expect(cached.out).toBe(full.out);
            expect(cached.err).toMatch(/^planspec: .*cache-file: tệp bộ nhớ đệm hỏng .*\(the cache file is corrupt or not planspec's; ignored, everything is checked\)\n/);
            expect(cached.err.slice(cached.err.indexOf('\n') + 1)).toBe(full.err);
            expect(lastCacheRun.validated).toHaveLength(13);
        }
        const written = JSON.parse(fs.readFileSync(cache, 'utf8'));
        fs.writeFileSync(cache, JSON.stringify({ ...written, version: '0.0.0-other' }));
        const foreign = await run('check', workspace, '--cache', '--cache-location', cache);
        expect(foreign.err).toMatch(/bộ nhớ đệm của phiên bản khác \(0\.0\.0-other\).*\(the cache was written by another version/);
        expect(foreign.out).toBe(full.out);
        const clean = await expectSameAsFull(workspace);
        expect(clean.loaded).toEqual([]);
    }, SLOW);
});

// A small workspace where the dependencies are known: the district plan implements the province's.
const FILES: Record<string, string> = {
    'planspec.config.json': '{ "extends": "planspec:recommended" }\n',
    'national.plan': 'cơ quan UBND_TINH "Ủy ban nhân dân tỉnh"\ncơ quan CA_TINH "Công an tỉnh" thuộc UBND_TINH\nchỉ số TL_GQ "Tỷ lệ giải quyết tố giác, tin báo về tội phạm" đơn vị %\n',
    'province.plan': 'kế hoạch KH_TINH "Kế hoạch của tỉnh" {\n    số "12/KH-UBND"  ngày 02/01/2021  của UBND_TINH  thời gian từ 2021 đến 2025\n    chỉ tiêu A "Tỷ lệ" chỉ số TL_GQ trên 95% hạn 2025\n    nhiệm vụ NV1 "Rà soát" { chủ trì CA_TINH  hạn 30/6/2021 }\n}\n',
    'district.plan': 'kế hoạch KH_HUYEN "Kế hoạch cấp huyện" {\n    số "3/KH-UBND"  ngày 05/01/2021  của UBND_TINH  thời gian từ 2021 đến 2025\n    thực hiện KH_TINH\n    chỉ tiêu A "Tỷ lệ" chỉ số TL_GQ tối thiểu 92% hạn 2025\n    nhiệm vụ NV1 "Triển khai" { chủ trì CA_TINH  hạn 30/6/2021 }\n}\n',
    'other.plan': 'kế hoạch KH_KHAC "Kế hoạch khác" {\n    số "4/KH-UBND"  ngày 06/01/2021  của UBND_TINH  thời gian từ 2021 đến 2022\n    nhiệm vụ NV1 "Tuyên truyền" { chủ trì CA_TINH  hạn 30/6/2021 }\n}\n',
};

function small(name = 'ws'): string {
    const workspace = path.join(dir, name);
    fs.mkdirSync(workspace);
    for (const [name, text] of Object.entries(FILES)) {
        fs.writeFileSync(path.join(workspace, name), text);
    }
    return workspace;
}

describe('planspec check --cache: what is re-checked', () => {
    test('editing a plan\'s body re-checks it, the plans that reference it and the registries, and nothing else', async () => {
        const ws = small();
        const first = await expectSameAsFull(ws, '--format', 'json');
        expect(first.validated).toHaveLength(4);
        expect(first.result.out).toMatch(/weaker-than-basis/);
        // The province's target loosens: the district's is no longer weaker. Only the body changed.
        edit(path.join(ws, 'province.plan'), 'trên 95%', 'trên 9%');
        const second = await expectSameAsFull(ws, '--format', 'json');
        expect(second.result.out).not.toMatch(/weaker-than-basis/);
        expect(second.loaded).toHaveLength(4);
        expect(second.validated.map(f => path.basename(f)).sort()).toEqual(['district.plan', 'national.plan', 'province.plan']);
        // A body edit of a plan nothing references: it and the registry.
        edit(path.join(ws, 'other.plan'), 'hạn 30/6/2021', 'hạn 1/6/2019');
        const third = await expectSameAsFull(ws);
        expect(third.validated.map(f => path.basename(f)).sort()).toEqual(['national.plan', 'other.plan']);
        // A task more: more lines, still the body only.
        edit(path.join(ws, 'other.plan'), /\n}\n$/, '\n    nhiệm vụ NV2 "Kiểm tra" { chủ trì CA_TINH }\n}\n');
        const fourth = await expectSameAsFull(ws, '--format', 'json');
        expect(fourth.result.out).toMatch(/task-without-deadline/);
        expect(fourth.validated.map(f => path.basename(f)).sort()).toEqual(['national.plan', 'other.plan']);
    }, SLOW);

    test('editing what every plan sees (a plan\'s number, a registry) re-checks the whole workspace', async () => {
        const ws = small();
        await expectSameAsFull(ws);
        // The same number as the province's plan: a finding can appear in either file.
        edit(path.join(ws, 'other.plan'), '"4/KH-UBND"', '"12/KH-UBND"');
        const header = await expectSameAsFull(ws, '--format', 'json');
        expect(header.validated).toHaveLength(4);
        edit(path.join(ws, 'national.plan'), '"Công an tỉnh"', '"Công an tỉnh (mới)"');
        const registry = await expectSameAsFull(ws, '--format', 'json');
        expect(registry.validated).toHaveLength(4);
        edit(path.join(ws, 'national.plan'), /^cơ quan CA_TINH.*$/m, '');
        const removed = await expectSameAsFull(ws, '--format', 'json');
        expect(removed.result.status).toBe(1);
        expect(removed.result.out).toMatch(/unresolved-reference/);
    }, SLOW);

    test('a clause written after a task keeps its place in the surface: a fix in another file points into it', async () => {
        const ws = small();
        fs.writeFileSync(path.join(ws, 'province.plan'),
            'kế hoạch KH_TINH "Kế hoạch của tỉnh" {\n    của UBND_TINH  thời gian từ 2021 đến 2025\n    nhiệm vụ NV1 "Rà soát" { chủ trì CA_TINH  hạn 30/6/2021 }\n    số "12/KH-UBND"\n}\n');
        edit(path.join(ws, 'district.plan'), '    thực hiện KH_TINH\n', '    "Thực hiện Kế hoạch số 12/KH-UBND của Ủy ban nhân dân tỉnh."\n');
        const before = await expectSameAsFull(ws, '--format', 'sarif');
        expect(before.result.out).toMatch(/document-without-date/);
        // The task takes two lines: `số` moves down one, and with it the fix district.plan's finding offers.
        edit(path.join(ws, 'province.plan'), 'chủ trì CA_TINH  hạn', 'chủ trì CA_TINH\n        hạn');
        const after = await expectSameAsFull(ws, '--format', 'sarif');
        expect(after.result.out).not.toBe(before.result.out);
        expect(after.validated.map(f => path.basename(f))).toContain('district.plan');
    }, SLOW);

    test('a syntax error in a file not asked for is reported as in a full check, also from the cache', async () => {
        const ws = small();
        edit(path.join(ws, 'other.plan'), 'chủ trì', 'chủ tri');
        const broken = await expectSameAsFull(path.join(ws, 'district.plan'));
        expect(broken.result.out).toMatch(/other\.plan.*syntax-error/);
        const again = await expectSameAsFull(path.join(ws, 'district.plan'));
        expect(again.loaded).toEqual([]);
    }, SLOW);

    test('a workspace nothing changed in is not loaded when another one checked in the same run changed', async () => {
        const first = small('one');
        const second = small('two');
        const both = await run('check', first, second, '--cache', '--cache-location', cache);
        expect(lastCacheRun.validated).toHaveLength(8);
        edit(path.join(second, 'other.plan'), 'chủ trì CA_TINH', 'phối hợp CA_TINH');
        const changed = await expectSameAsFull(first, second);
        expect(changed.result).not.toEqual(both);
        expect(changed.loaded.every(f => f.startsWith(second + path.sep))).toBe(true);
        expect(changed.loaded).toHaveLength(4);
        // Checking the first alone, then both, reads both from the cache.
        expect((await expectSameAsFull(first)).loaded).toEqual([]);
        expect((await expectSameAsFull(first, second, '--format', 'sarif')).loaded).toEqual([]);
    }, SLOW);

    test('a configuration is followed through what it extends, and a broken one stops the run as in a full check', async () => {
        const ws = small();
        const config = path.join(ws, 'planspec.config.json');
        fs.writeFileSync(path.join(ws, 'base.json'), '{ "extends": "planspec:recommended" }\n');
        fs.writeFileSync(config, '{ "extends": "./base.json" }\n');
        await expectSameAsFull(ws);
        expect((await expectSameAsFull(ws)).loaded).toEqual([]);
        // Only the extended file changes: a rule turned off.
        fs.writeFileSync(path.join(ws, 'base.json'), '{ "extends": "planspec:recommended", "rules": { "weaker-than-basis": "off" } }\n');
        const off = await expectSameAsFull(ws, '--format', 'json');
        expect(off.validated).toHaveLength(4);
        expect(off.result.out).not.toMatch(/weaker-than-basis/);
        fs.writeFileSync(path.join(ws, 'base.json'), '{ "extends": "planspec:recommended", "rules": { "weaker-than-basis": "error" } }\n');
        const raised = await expectSameAsFull(ws, '--format', 'json');
        expect(raised.result.status).toBe(1);
        // A broken configuration: exit status 2 and the same messages, with or without the cache.
        fs.writeFileSync(path.join(ws, 'base.json'), '{ "rules": { "weaker-than-basis": "loud" } }\n');
        const broken = await expectSameAsFull(ws);
        expect(broken.result.status).toBe(2);
        expect(broken.result.err).toMatch(/base\.json.*\[config\]/);
        fs.writeFileSync(path.join(ws, 'base.json'), '{ "extends": "planspec:recommended", "rules": { "weaker-than-basis": "error" } }\n');
        const repaired = await expectSameAsFull(ws, '--format', 'json');
        expect(repaired.result.out).toBe(raised.result.out);
    }, SLOW);

    test('a cache that cannot be written is reported as a warning; the findings are those of a full check', async () => {
        const ws = small();
        const nowhere = path.join(dir, 'no-such-folder', 'cache');
        const cached = await run('check', ws, '--cache', '--cache-location', nowhere);
        const full = await run('check', ws);
        expect(cached.out).toBe(full.out);
        expect(cached.status).toBe(full.status);
        expect(cached.err).toMatch(/không tồn tại.*; bộ nhớ đệm không được cập nhật \(the cache was not updated\)\n/);
        expect(cached.err.endsWith(full.err)).toBe(true);
        expect(fs.existsSync(path.dirname(nowhere))).toBe(false);
    }, SLOW);

    test('the cache goes to ./.planspeccache by default, and into a folder given as its location', async () => {
        const ws = small();
        expect(cacheFile(undefined)).toBe(path.resolve('.planspeccache'));
        const folder = path.join(dir, 'caches');
        fs.mkdirSync(folder);
        expect(cacheFile(folder)).toBe(path.join(folder, '.planspeccache'));
        expect(cacheFile(cache)).toBe(cache);
        const result = await run('check', ws, '--cache', '--cache-location', folder);
        expect(result.status).toBe(0);
        expect(JSON.parse(fs.readFileSync(path.join(folder, '.planspeccache'), 'utf8')).format).toBe('planspec-cache');
    }, SLOW);
});
