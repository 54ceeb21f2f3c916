import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { lastCacheRun } from '../../src/cli/cache.js';
import { started } from '../../src/cli/parallel.js';
import { run } from '../run-cli.js';

// Whole workspaces are built several times over: a minute or two on a busy 2-core machine.
// --jobs N spreads workspaces over worker threads (which run the built out/cli/worker.js); what the
// CLI prints, and its exit status, must be those of one process checking them in turn (--jobs 1).

let dir: string;
let examples: string;
let ok: string;
/** The workspace with errors, its folder name in decomposed Vietnamese (NFD), as a Mac writes it. */
let broken: string;

beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planspec-jobs-'));
    examples = path.join(dir, 'examples');
    ok = path.join(dir, 'ok');
    broken = path.join(dir, 'có-lỗi'.normalize('NFD'));
    fs.cpSync('examples', examples, { recursive: true });
    fs.cpSync('test/fixtures/cli/ok', ok, { recursive: true });
    fs.cpSync('test/fixtures/cli/errors', broken, { recursive: true });
});

afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
});

afterEach(() => {
    delete process.env.PLANSPEC_TEST_WORKER_CRASH;
});

describe('check --jobs', { timeout: 120_000 }, () => {
    test('three workspaces: the same output, summary and exit status with one job and with two, in every format', async () => {
        for (const format of ['stylish', 'json', 'sarif']) {
            const before = started.workers;
            const one = await run('check', examples, ok, broken, '--format', format, '--jobs', '1');
            expect(started.workers).toBe(before);
            const two = await run('check', examples, ok, broken, '--format', format, '--jobs', '2');
            expect(started.workers).toBe(before + 2);
            expect(two).toEqual(one);
            expect(one.status).toBe(1);
            expect(one.err).toBe('planspec: 18 tệp đã kiểm tra (files checked): 3 lỗi (errors), 67 cảnh báo (warnings), 4 thông tin (infos)\n');
        }
    });

    test('the errors of one workspace are reported with their file and place, among the others in path order', async () => {
        const two = await run('check', broken, examples, ok, '--jobs', '2');
        const lines = two.out.trimEnd().split('\n');
        const errors = lines.filter(l => / error /.test(l));
        expect(errors).toHaveLength(3);
        for (const line of errors) {
            expect(line.normalize('NFC')).toMatch(/có-lỗi\/[a-z-]+\.plan:\d+:\d+ error .+ \[[a-z-]+\]$/u);
        }
        expect(errors.some(l => l.endsWith('[missing-lead]'))).toBe(true);
        // Path order, whatever order the folders were named in or the workers finished in.
        const files = lines.map(l => l.slice(0, l.indexOf(':')));
        expect(files).toEqual([...files].sort());
        expect(two.status).toBe(1);
    });

    test('clean workspaces exit 0 with either; --quiet and --max-warnings count across workspaces', async () => {
        const one = await run('check', examples, ok, '--jobs', '1');
        const two = await run('check', examples, ok, '--jobs', '2');
        expect(two).toEqual(one);
        expect(two.status).toBe(0);
        const limited = await run('check', examples, ok, '--jobs', '2', '--quiet', '--max-warnings', '66');
        expect(limited.status).toBe(1);
        expect(limited.out).toBe('');
        expect(limited.err).toContain('67 cảnh báo, vượt --max-warnings 66');
    });

    test('a single workspace is checked in this process, whatever --jobs says', async () => {
        const before = started.workers;
        const result = await run('check', examples, '--jobs', '4');
        expect(started.workers).toBe(before);
        expect(result.status).toBe(0);
        expect(result.err).toMatch(/^planspec: 13 tệp đã kiểm tra/u);
    });

    test('no more workers than workspaces', async () => {
        const before = started.workers;
        expect((await run('check', examples, ok, '--jobs', '8')).status).toBe(0);
        expect(started.workers).toBe(before + 2);
    });

    test('--jobs takes a whole number of 1 or more', async () => {
        for (const bad of ['0', 'two', '-1', '1.5']) {
            const result = await run('check', examples, '--jobs', bad);
            expect(result.status).toBe(2);
            expect(result.err).toContain('expected a whole number, 1 or more');
        }
    });

    test('a worker that throws: a bilingual message naming the workspace, exit status 2, no findings printed', async () => {
        process.env.PLANSPEC_TEST_WORKER_CRASH = 'ok';
        const result = await run('check', examples, ok, broken, '--jobs', '2', '--format', 'json');
        expect(result.status).toBe(2);
        expect(result.out).toBe('');
        expect(result.err).toMatch(/^planspec: lỗi nội bộ khi kiểm tra không gian làm việc .*ok, đã dừng \(internal error while checking the workspace .*ok; stopped\): Error: PLANSPEC_TEST_WORKER_CRASH/u);
    });
});

describe('check --cache --jobs', { timeout: 120_000 }, () => {
    test('workers re-check the changed workspaces; the main thread writes one cache, and every run equals a full check', async () => {
        const cache = path.join(dir, 'cache-file');
        const full = await run('check', examples, ok, broken, '--jobs', '1');
        const before = started.workers;
        const first = await run('check', examples, ok, broken, '--cache', '--cache-location', cache, '--jobs', '2');
        expect(started.workers).toBe(before + 2);
        expect(first).toEqual(full);
        expect(lastCacheRun.validated).toHaveLength(18);
        expect(JSON.parse(fs.readFileSync(cache, 'utf8')).files).toSatisfy((files: object) => Object.keys(files).length === 18);

        // Unchanged: nothing loaded, no worker.
        const again = await run('check', examples, ok, broken, '--cache', '--cache-location', cache, '--jobs', '2');
        expect(again).toEqual(full);
        expect(lastCacheRun.loaded).toEqual([]);
        expect(started.workers).toBe(before + 2);

        // One workspace changed: it alone is re-checked, by the same path as with one job.
        const plan = path.join(ok, 'plan.plan');
        const text = fs.readFileSync(plan, 'utf8');
        try {
            fs.writeFileSync(plan, text.replace('chủ trì ', 'chủ tri '));
            const edited = await run('check', examples, ok, broken, '--jobs', '1');
            const cached = await run('check', examples, ok, broken, '--cache', '--cache-location', cache, '--jobs', '2');
            expect(cached).toEqual(edited);
            expect(cached.out).toContain('ok/plan.plan:');
            expect(lastCacheRun.loaded).toHaveLength(2);
            expect(lastCacheRun.loaded.every(f => f.startsWith(ok + path.sep))).toBe(true);
        } finally {
            fs.writeFileSync(plan, text);
        }
        const restored = await run('check', examples, ok, broken, '--cache', '--cache-location', cache, '--jobs', '2');
        expect(restored).toEqual(full);
    });
});

describe('compile --jobs', { timeout: 120_000 }, () => {
    test('the same JSON on stdout and the same files in --out-dir with one job and with two', async () => {
        const one = await run('compile', examples, ok, '--jobs', '1');
        const two = await run('compile', examples, ok, '--jobs', '2');
        expect(two).toEqual(one);
        expect(JSON.parse(one.out)).toHaveLength(6);
        const outOne = path.join(dir, 'out-1');
        const outTwo = path.join(dir, 'out-2');
        expect((await run('compile', examples, ok, '--jobs', '1', '--out-dir', outOne)).status).toBe(0);
        expect((await run('compile', examples, ok, '--jobs', '2', '--out-dir', outTwo)).status).toBe(0);
        const files = fs.readdirSync(outOne).sort();
        expect(files).toHaveLength(6);
        expect(fs.readdirSync(outTwo).sort()).toEqual(files);
        for (const file of files) {
            expect(fs.readFileSync(path.join(outTwo, file), 'utf8')).toBe(fs.readFileSync(path.join(outOne, file), 'utf8'));
        }
    });

    test('an error in one workspace: nothing written, the same errors and status as with one job', async () => {
        const out = path.join(dir, 'not-written');
        const one = await run('compile', examples, ok, broken, '--jobs', '1', '--out-dir', out);
        const two = await run('compile', examples, ok, broken, '--jobs', '2', '--out-dir', out);
        expect(two).toEqual(one);
        expect(two.status).toBe(1);
        expect(two.err).toContain('[missing-lead]');
        expect(fs.existsSync(out)).toBe(false);
    });

    test('one plan id in two workspaces: refused before anything is written', async () => {
        const twice = path.join(dir, 'twice');
        fs.cpSync('test/fixtures/cli/ok', path.join(twice, 'a'), { recursive: true });
        fs.cpSync('test/fixtures/cli/ok', path.join(twice, 'b'), { recursive: true });
        const out = path.join(dir, 'twice-out');
        const result = await run('compile', path.join(twice, 'a'), path.join(twice, 'b'), '--jobs', '2', '--out-dir', out);
        expect(result.status).toBe(2);
        expect(result.err).toContain("two plans with id 'VinhPhuc.KH_OK'");
        expect(fs.existsSync(out)).toBe(false);
    });

    test('a worker that throws: exit status 2 with a bilingual message, and no output file, not even half of one', async () => {
        const out = path.join(dir, 'crashed');
        process.env.PLANSPEC_TEST_WORKER_CRASH = 'ok';
        const result = await run('compile', examples, ok, '--jobs', '2', '--out-dir', out);
        expect(result.status).toBe(2);
        expect(result.out).toBe('');
        expect(result.err).toMatch(/lỗi nội bộ .*\(internal error while checking the workspace .*ok; stopped\)/u);
        expect(fs.existsSync(out)).toBe(false);
        const single = path.join(dir, 'single.json');
        expect((await run('compile', examples, ok, '--jobs', '2', '-o', single)).status).toBe(2);
        expect(fs.existsSync(single)).toBe(false);
        expect(fs.readdirSync(dir).filter(f => f.endsWith('.tmp'))).toEqual([]);
    });
});

describe('the real binary', { timeout: 120_000 }, () => {
    test('bin/planspec.js check --jobs 2 prints what one process prints', async () => {
        const one = await run('check', examples, ok, broken, '--format', 'json', '--jobs', '1');
        const child = spawnSync(process.execPath, [path.resolve('bin/planspec.js'), 'check', examples, ok, broken, '--format', 'json', '--jobs', '2'], { encoding: 'utf8' });
        expect(child.status).toBe(1);
        expect(child.stdout).toBe(one.out);
        expect(child.stderr).toBe(one.err);
    });
});
