import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { run } from '../run-cli.js';
import { ConfigError, loadConfigFile, recommendedSettings } from '../../src/config/config.js';
import { ruleDocUrl } from '../../src/linter/rule.js';
import { listPlanFiles } from '../../src/workspace/roots.js';

/**
 * The CLI and the file system, against the faults of the issue "Nothing a user types or feeds it
 * breaks it": outputs never overwrite sources or follow links, file-system problems are one-line
 * messages with exit status 2, input is read honestly, configuration is bounded.
 */
const REGISTRY = 'phạm vi VinhPhuc\ncơ quan UBND_TINH "UBND tỉnh"\ncơ quan CA_TINH "Công an tỉnh" thuộc UBND_TINH\n';
const PLAN = 'phạm vi VinhPhuc\nkế hoạch KH "Kế hoạch" { số "1/KH-UBND"  ngày 02/01/2020  của UBND_TINH\n    nhiệm vụ NV "Tuyên truyền" { chủ trì CA_TINH  hạn 30/6/2020 }\n}\n';

let dir: string;
let cwd: string;

function write(name: string, content: string | Buffer): string {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    return file;
}

beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planspec-files-'));
    cwd = process.cwd();
    write('planspec.config.json', '{}');
    write('registry.plan', REGISTRY);
    write('plan.plan', PLAN);
});

afterEach(() => {
    process.chdir(cwd);
    vi.restoreAllMocks();
    for (const entry of fs.readdirSync(dir)) {
        try {
            fs.chmodSync(path.join(dir, entry), 0o755);
        } catch {
            // a dangling link
        }
    }
    fs.rmSync(dir, { recursive: true, force: true });
});

describe('compile never overwrites what it should not', () => {
    test('-o onto an input plan, a registry or the configuration is refused, and the file is unchanged', async () => {
        for (const target of ['plan.plan', 'registry.plan', 'planspec.config.json']) {
            const before = fs.readFileSync(path.join(dir, target), 'utf8');
            const result = await run('compile', path.join(dir, 'plan.plan'), '-o', path.join(dir, target));
            expect(result.status).toBe(2);
            expect(result.err).toMatch(/not overwritten/);
            expect(fs.readFileSync(path.join(dir, target), 'utf8')).toBe(before);
        }
    });

    test('--out-dir . for a plan whose id is "planspec.config" does not replace the configuration', async () => {
        write('other/planspec.config.json', '{}');
        write('other/plan.plan', 'phạm vi planspec\nkế hoạch config "x" { số "1/KH-UBND"  ngày 02/01/2020 }\n');
        const result = await run('compile', path.join(dir, 'other'), '--out-dir', path.join(dir, 'other'));
        expect(result.status).toBe(2);
        expect(fs.readFileSync(path.join(dir, 'other/planspec.config.json'), 'utf8')).toBe('{}');
    });

    test('-o onto a symbolic link is refused: neither the link nor its target is written', async () => {
        const outside = write('outside.json', 'untouched');
        fs.symlinkSync(outside, path.join(dir, 'link.json'));
        const result = await run('compile', path.join(dir, 'plan.plan'), '-o', path.join(dir, 'link.json'));
        expect(result.status).toBe(2);
        expect(result.err).toMatch(/symbolic link/);
        expect(fs.lstatSync(path.join(dir, 'link.json')).isSymbolicLink()).toBe(true);
        expect(fs.readFileSync(outside, 'utf8')).toBe('untouched');
    });

    test('a link planted at the old predictable temp name is never followed', async () => {
        const outside = write('victim.txt', 'untouched');
        fs.symlinkSync(outside, path.join(dir, `.out.json.${process.pid}.tmp`));
        const result = await run('compile', path.join(dir, 'plan.plan'), '-o', path.join(dir, 'out.json'));
        expect(result.status).toBe(0);
        expect(fs.readFileSync(outside, 'utf8')).toBe('untouched');
        expect(JSON.parse(fs.readFileSync(path.join(dir, 'out.json'), 'utf8')).id).toBe('VinhPhuc.KH');
        expect(fs.readdirSync(dir).filter(f => f.endsWith('.tmp') && !f.startsWith(`.out.json.${process.pid}`))).toEqual([]);
    });

    test('-o into a missing folder or onto a folder, --out-dir onto a file: one line naming the path, exit 2', async () => {
        const cases: Array<[string[], RegExp]> = [
            [['-o', path.join(dir, 'missing', 'out.json')], /missing.*does not exist/],
            [['-o', dir], /is a folder/],
            [['--out-dir', path.join(dir, 'registry.plan')], /registry\.plan: .*is not a folder/],
        ];
        for (const [args, message] of cases) {
            const result = await run('compile', path.join(dir, 'plan.plan'), ...args);
            expect(result.status).toBe(2);
            expect(result.err).toMatch(message);
            expect(result.err.trim().split('\n')).toHaveLength(1);
            expect(result.err).not.toMatch(/ at |\.tmp|internal error/);
        }
    });

    test('a plan id too long for a file name is a clear message', async () => {
        const id = `K${'X'.repeat(300)}`;
        write('long/planspec.config.json', '{}');
        write('long/plan.plan', `kế hoạch ${id} "x" { số "1/KH-UBND"  ngày 02/01/2020 }\n`);
        const result = await run('compile', path.join(dir, 'long'), '--out-dir', path.join(dir, 'out'));
        expect(result.status).toBe(2);
        expect(result.err).toMatch(/longer than 255 bytes/);
        expect(result.err).not.toMatch(/\.tmp| at /);
    });

    test('a read-only output folder is a one-line message (unless running as root, which can write anyway)', async () => {
        const out = path.join(dir, 'ro');
        fs.mkdirSync(out);
        fs.chmodSync(out, 0o555);
        const result = await run('compile', path.join(dir, 'plan.plan'), '--out-dir', out);
        const root = process.getuid?.() === 0;
        expect(result.status).toBe(root ? 0 : 2);
        if (!root) {
            expect(result.err).toMatch(/cannot write the file.*permission denied/);
        }
        expect(result.err).not.toMatch(/ at |\.tmp/);
    });
});

describe('workspaces are bounded and honest', () => {
    test('a plan with no configuration or .git above it is its own workspace with the files directly in its folder', async () => {
        const free = fs.mkdtempSync(path.join(os.tmpdir(), 'planspec-free-'));
        try {
            fs.writeFileSync(path.join(free, 'registry.plan'), REGISTRY);
            fs.writeFileSync(path.join(free, 'plan.plan'), PLAN);
            fs.mkdirSync(path.join(free, 'deep'));
            fs.writeFileSync(path.join(free, 'deep', 'broken.plan'), 'kế hoạch {{{');
            expect(listPlanFiles(free)).toEqual([path.join(free, 'plan.plan'), path.join(free, 'registry.plan')]);
            const result = await run('check', path.join(free, 'plan.plan'));
            expect(result).toMatchObject({ status: 0, out: '' });
        } finally {
            fs.rmSync(free, { recursive: true, force: true });
        }
    });

    test('below a configuration, a registry in a subfolder is part of the workspace', async () => {
        fs.rmSync(path.join(dir, 'registry.plan'));
        write('registries/deep/registry.plan', REGISTRY);
        const result = await run('check', path.join(dir, 'plan.plan'));
        expect(result).toMatchObject({ status: 0, out: '' });
    });

    test('symbolic links to plans and folders are followed (each folder once)', async () => {
        fs.rmSync(path.join(dir, 'registry.plan'));
        const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'planspec-linked-'));
        try {
            fs.writeFileSync(path.join(elsewhere, 'registry.plan'), REGISTRY);
            fs.symlinkSync(path.join(elsewhere, 'registry.plan'), path.join(dir, 'linked.plan'));
            fs.symlinkSync(dir, path.join(dir, 'loop'));
            expect(listPlanFiles(dir).map(f => path.basename(f))).toEqual(['linked.plan', 'plan.plan']);
            expect((await run('check', path.join(dir, 'plan.plan'))).status).toBe(0);
        } finally {
            fs.rmSync(elsewhere, { recursive: true, force: true });
        }
    });

    test('a FIFO named .plan is never read: skipped with a message (exit 2), and named directly it is refused', async () => {
        execFileSync('mkfifo', [path.join(dir, 'pipe.plan')]);
        const inFolder = await run('check', dir);
        expect(inFolder.status).toBe(2);
        expect(inFolder.err).toMatch(/pipe\.plan: .*not a regular file, skipped/);
        const named = await run('check', path.join(dir, 'pipe.plan'));
        expect(named.status).toBe(2);
        expect(named.err).toMatch(/pipe\.plan: .*not a regular file; not read/);
    }, 20_000);

    test('an unreadable folder is skipped with a message, the other files are still checked', () => {
        const locked = path.join(dir, 'locked');
        fs.mkdirSync(locked);
        const read = (p: string) => {
            if (p === locked) {
                throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
            }
            return fs.readdirSync(p, { withFileTypes: true });
        };
        const problems: Array<{ path: string; message: string }> = [];
        expect(listPlanFiles(dir, problems, true, read).map(f => path.basename(f))).toEqual(['plan.plan', 'registry.plan']);
        expect(problems).toEqual([{ path: locked, message: expect.stringMatching(/cannot read the folder, skipped\): EACCES/) }]);
    });

    test('a registry with a syntax error is reported when checking a plan, and compile refuses without crashing', async () => {
        write('registry.plan', REGISTRY + 'văn bản X quyết định số\n');
        const checked = await run('check', path.join(dir, 'plan.plan'));
        expect(checked.status).toBe(1);
        expect(checked.out).toMatch(/registry\.plan:\d+:\d+ error .*\[syntax-error\]/);
        const compiled = await run('compile', path.join(dir, 'plan.plan'));
        expect(compiled.status).toBe(1);
        expect(compiled.err).toMatch(/not compiled/);
    });
});

describe('input read honestly', () => {
    test('a plan saved in Windows-1258 gets an error at the first invalid byte, and is not compiled', async () => {
        // "Tuyên truyền" with "ê" as the single byte 0xEA of Windows-1258 (line 3, after 20 characters).
        const text = Buffer.from(PLAN, 'utf8');
        const at = text.indexOf(Buffer.from('ê', 'utf8'));
        const bad = Buffer.concat([text.subarray(0, at), Buffer.from([0xea]), text.subarray(at + 2)]);
        write('plan.plan', bad);
        const checked = await run('check', path.join(dir, 'plan.plan'));
        expect(checked.status).toBe(1);
        expect(checked.out).toMatch(/plan\.plan:3:21 error .*not UTF-8: invalid byte 0xEA at line 3, column 21.*\[invalid-encoding\]/);
        const compiled = await run('compile', path.join(dir, 'plan.plan'));
        expect(compiled.status).toBe(1);
    });

    test('a byte-order mark is accepted in plans and in the configuration', async () => {
        write('plan.plan', '\uFEFF' + PLAN);
        write('planspec.config.json', '\uFEFF{ "extends": "planspec:recommended" }');
        expect(await run('check', path.join(dir, 'plan.plan'))).toMatchObject({ status: 0, out: '' });
    });

    test.each(['0 tháng', '0 năm', '0,5 tháng', '99999999999999999999 tháng'])('a recurrence every %s is a finding, and compile neither loops nor writes nonsense', async interval => {
        write('plan.plan', PLAN.replace('{ chủ trì CA_TINH  hạn 30/6/2020 }', `{ chủ trì CA_TINH  trước ngày 20/7  định kỳ ${interval} }`).replace('của UBND_TINH', 'của UBND_TINH  thời gian từ 2020 đến 2025'));
        const checked = await run('check', path.join(dir, 'plan.plan'));
        expect(checked.status).toBe(1);
        expect(checked.out).toMatch(/\[implausible-time\]/);
        const compiled = await run('compile', path.join(dir, 'plan.plan'));
        expect(compiled.status).toBe(1);
        expect(compiled.out).toBe('');
    });

    test('a period running to the year 9999999 is a finding, not 250 MB of dates', async () => {
        write('plan.plan', PLAN.replace('{ chủ trì CA_TINH  hạn 30/6/2020 }', '{ chủ trì CA_TINH  trước ngày 20/7 hằng năm }').replace('của UBND_TINH', 'của UBND_TINH  thời gian từ 2020 đến 9999999'));
        const checked = await run('check', path.join(dir, 'plan.plan'));
        expect(checked.status).toBe(1);
        expect(checked.out).toMatch(/\[implausible-time\]/);
    });
});

describe('configuration is bounded', () => {
    const config = (name: string, value: unknown) => write(name, typeof value === 'string' ? value : JSON.stringify(value));
    const problemsOf = (file: string) => {
        try {
            loadConfigFile(file);
        } catch (error) {
            expect(error).toBeInstanceOf(ConfigError);
            return (error as ConfigError).problems;
        }
        throw new Error('expected a ConfigError');
    };

    test('a 25-level diamond of extends resolves once per file, quickly', () => {
        for (let i = 0; i < 25; i++) {
            config(`d${i}a.json`, { extends: [`d${i + 1}a.json`, `d${i + 1}b.json`] });
            config(`d${i}b.json`, { extends: [`d${i + 1}a.json`, `d${i + 1}b.json`] });
        }
        // The last entry of `extends` wins: d25b's warning reaches d0a.
        config('d25a.json', {});
        config('d25b.json', { rules: { 'missing-lead': 'warning' } });
        const start = Date.now();
        // 2^25 paths through the diamond, but each of its 52 files is read once.
        expect(loadConfigFile(path.join(dir, 'd0a.json')).get('missing-lead')!.severity).toBe('warning');
        expect(Date.now() - start).toBeLessThan(5000);
    });

    test('a chain of extends longer than the limit is an error at the entry that goes too deep', () => {
        for (let i = 0; i < 40; i++) {
            config(`c${i}.json`, { extends: `c${i + 1}.json` });
        }
        config('c40.json', {});
        const problems = problemsOf(path.join(dir, 'c0.json'));
        expect(problems).toEqual([expect.objectContaining({ file: expect.stringMatching(/c31\.json$/), line: 1, message: expect.stringMatching(/deeper than 32/) })]);
    });

    test('100,000 unknown rules: bounded time and a bounded list of problems', () => {
        const rules = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`no-such-rule-${i}`, 'warning']));
        const file = config('many.json', { rules });
        const start = Date.now();
        const problems = problemsOf(file);
        expect(problems.length).toBeLessThanOrEqual(51);
        expect(problems.at(-1)!.message).toMatch(/more problems/);
        expect(Date.now() - start).toBeLessThan(15_000);
    }, 30_000);

    test('100,000 nested "[" is a clear error, not a stack overflow', () => {
        const problems = problemsOf(config('nested.json', '{ "rules": ' + '['.repeat(100_000)));
        expect(problems).toHaveLength(1);
        expect(problems[0].message).toMatch(/invalid JSON|nested too deeply/);
    });

    test('duplicate keys are reported (the first would be lost)', () => {
        const problems = problemsOf(config('dup.json', '{ "rules": { "missing-lead": "off" },\n  "rules": { "multiple-leads": "off" } }'));
        expect(problems).toEqual([expect.objectContaining({ line: 2, column: 3, message: expect.stringMatching(/duplicate key "rules"/) })]);
    });

    test('a missing extended file is reported on the configuration that names it, at the entry', () => {
        const problems = problemsOf(config('main.json', '{\n  "extends": ["planspec:recommended", "./missing.json"]\n}'));
        expect(problems).toEqual([expect.objectContaining({ file: path.join(dir, 'main.json'), line: 2, message: expect.stringMatching(/extended file not found/) })]);
    });

    test('a configuration outside the workspace is reported by place and reason, never with its contents', () => {
        const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'planspec-outside-'));
        try {
            fs.writeFileSync(path.join(outside, 'secret.json'), '{ "token-ghp_SECRET": "x" }');
            config('main.json', { extends: path.join(outside, 'secret.json') });
            const problems = problemsOf(path.join(dir, 'main.json'));
            expect(JSON.stringify(problems)).not.toContain('SECRET');
            expect(problems[0]).toMatchObject({ file: path.join(outside, 'secret.json'), line: 1 });
        } finally {
            fs.rmSync(outside, { recursive: true, force: true });
        }
    });

    test('extends: [] means the built-in defaults', () => {
        expect(loadConfigFile(config('empty.json', { extends: [] }))).toEqual(recommendedSettings());
    });

    test('PLANSPEC_DOCS_URL accepts only http(s) and file URLs', () => {
        const saved = process.env.PLANSPEC_DOCS_URL;
        try {
            process.env.PLANSPEC_DOCS_URL = 'javascript:alert(1)//';
            expect(ruleDocUrl('missing-lead')).toMatch(/^file:.*docs\/rules\/missing-lead\.md$/);
            process.env.PLANSPEC_DOCS_URL = 'https://example.org/planspec/docs/rules';
            expect(ruleDocUrl('missing-lead')).toBe('https://example.org/planspec/docs/rules/missing-lead.md');
        } finally {
            if (saved === undefined) delete process.env.PLANSPEC_DOCS_URL; else process.env.PLANSPEC_DOCS_URL = saved;
        }
    });
});
