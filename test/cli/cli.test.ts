import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { CliFinding } from '../../src/cli/findings.js';
import { byPlace } from '../../src/cli/findings.js';
import { run } from '../run-cli.js';

const OK = 'test/fixtures/cli/ok';
const ERRORS = 'test/fixtures/cli/errors';

describe('planspec check', () => {
    test('exits 0 for a clean workspace: no findings, and the summary line on stderr', async () => {
        const result = await run('check', OK);
        expect(result).toEqual({ status: 0, out: '', err: 'planspec: 2 tệp đã kiểm tra (files checked): 0 lỗi (errors), 0 cảnh báo (warnings), 0 thông tin (infos)\n' });
    });

    test('the summary line ends every check, in every format, counting also what --quiet leaves out', async () => {
        for (const format of ['stylish', 'json', 'sarif']) {
            const result = await run('check', ERRORS, '--format', format);
            expect(result.err.split('\n').filter(Boolean).at(-1)).toBe('planspec: 3 tệp đã kiểm tra (files checked): 3 lỗi (errors), 0 cảnh báo (warnings), 0 thông tin (infos)');
        }
        const quiet = await run('check', ERRORS, '--quiet', '--rule', 'missing-lead=warning');
        expect(quiet.out).not.toContain('missing-lead');
        expect(quiet.err).toMatch(/2 lỗi \(errors\), 1 cảnh báo \(warnings\), 0 thông tin \(infos\)\n$/);
    });

    test('one typo, one finding: a misspelled keyword is one syntax error, first at its place, in stylish and json', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planspec-typo-'));
        try {
            fs.copyFileSync(`${OK}/registry.plan`, path.join(dir, 'registry.plan'));
            fs.copyFileSync(`${OK}/planspec.config.json`, path.join(dir, 'planspec.config.json'));
            const plan = fs.readFileSync(`${OK}/plan.plan`, 'utf8');
            expect(plan).toMatch(/chủ trì /);
            fs.writeFileSync(path.join(dir, 'plan.plan'), plan.replace('chủ trì ', 'chủ tri '));
            const stylish = await run('check', dir);
            expect(stylish.status).toBe(1);
            const lines = stylish.out.trimEnd().split('\n');
            expect(lines).toHaveLength(1);
            expect(lines[0]).toMatch(/plan\.plan:\d+:\d+ error Không hiểu "chủ tri".*có phải "chủ trì"\? \/ .*did you mean "chủ trì".* \[syntax-error\]$/);
            const json = JSON.parse((await run('check', dir, '--format', 'json')).out);
            expect(json.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['syntax-error']);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    test('exits 1 and prints path:line:column severity message [rule], sorted by file and position', async () => {
        const result = await run('check', ERRORS);
        expect(result.status).toBe(1);
        const lines = result.out.trimEnd().split('\n');
        expect(lines.map(l => l.replace(/ .*\[/, ' [').replace(/\]$/, ']'))).toEqual([
            `${ERRORS}/a-plan.plan:3:25 [invalid-date]`,
            `${ERRORS}/b-plan.plan:5:9 [missing-lead]`,
            `${ERRORS}/b-plan.plan:6:34 [rate-out-of-range]`,
        ]);
        expect(lines[1]).toMatch(/^test\/fixtures\/cli\/errors\/b-plan\.plan:5:9 error .*chủ trì.* \[missing-lead\]$/);
        expect(result.err).toMatch(/3 lỗi \(errors\)/);
    });

    test('checking one file reports only that file but resolves names from its whole workspace', async () => {
        const result = await run('check', `${ERRORS}/b-plan.plan`);
        expect(result.status).toBe(1);
        expect(result.out).not.toContain('a-plan.plan');
        expect(result.out).not.toContain('unresolved-reference');
    });

    test('exits 2 on a path that does not exist, naming it', async () => {
        const result = await run('check', 'no/such/folder');
        expect(result.status).toBe(2);
        expect(result.err).toContain('no/such/folder');
    });

    test('exits 2 on a usage mistake and 0 for --help and --version', async () => {
        expect((await run('check')).status).toBe(2);
        expect((await run('frobnicate')).status).toBe(2);
        const help = await run('--help');
        expect(help.status).toBe(0);
        expect(help.out).toContain('check');
        expect(help.out).toContain('compile');
        const version = await run('--version');
        expect(version.status).toBe(0);
        expect(version.out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    });
});

describe('order of findings', () => {
    test('by file and place; at one place the syntax error first, then errors, warnings, infos, then by rule', () => {
        const at = (file: string, line: number, column: number, ruleId: string, severity: CliFinding['severity'] = 'error'): CliFinding =>
            ({ file, line, column, endLine: line, endColumn: column, severity, message: 'm', ruleId });
        const findings = [
            at('b.plan', 1, 1, 'missing-lead'), at('a.plan', 3, 5, 'unknown-recipient', 'info'), at('a.plan', 3, 5, 'missing-lead', 'warning'),
            at('a.plan', 3, 5, 'syntax-error'), at('a.plan', 3, 5, 'duplicate-id'), at('a.plan', 2, 9, 'zz-rule'), at('a.plan', 3, 4, 'zz-rule'),
        ];
        expect([...findings].sort(byPlace).map(f => `${f.file}:${f.line}:${f.column} ${f.ruleId}`)).toEqual([
            'a.plan:2:9 zz-rule', 'a.plan:3:4 zz-rule', 'a.plan:3:5 syntax-error', 'a.plan:3:5 duplicate-id',
            'a.plan:3:5 missing-lead', 'a.plan:3:5 unknown-recipient', 'b.plan:1:1 missing-lead',
        ]);
    });
});

describe('planspec compile', () => {
    test('prints the plan JSON to stdout, the same bytes every time', async () => {
        const first = await run('compile', `${OK}/plan.plan`);
        const second = await run('compile', `${OK}/plan.plan`);
        expect(first.status).toBe(0);
        expect(first.out).toBe(second.out);
        const plan = JSON.parse(first.out);
        expect(plan.id).toBe('VinhPhuc.KH_OK');
        expect(plan.source).toEqual({ file: 'plan.plan', line: 2 });
        // "trước ngày 20/7" (before 20 July) is read literally: due by the 19th.
        expect(plan.reports[0].occurrences.map((o: { due: string }) => o.due)).toEqual(['2020-07-19', '2021-07-19']);
    });

    test('writes -o and --out-dir files', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planspec-'));
        const out = path.join(dir, 'plan.json');
        expect((await run('compile', `${OK}/plan.plan`, '-o', out)).status).toBe(0);
        expect(JSON.parse(fs.readFileSync(out, 'utf8')).id).toBe('VinhPhuc.KH_OK');
        expect((await run('compile', OK, '--out-dir', path.join(dir, 'all'))).status).toBe(0);
        expect(fs.readdirSync(path.join(dir, 'all'))).toEqual(['VinhPhuc.KH_OK.json']);
        expect(fs.readdirSync(dir).filter(f => f.endsWith('.tmp'))).toEqual([]);
    });

    test('does not compile a plan with errors: prints them, exits 1 and writes no file', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planspec-'));
        const out = path.join(dir, 'plan.json');
        const result = await run('compile', `${ERRORS}/b-plan.plan`, '-o', out);
        expect(result.status).toBe(1);
        expect(result.err).toContain('[missing-lead]');
        expect(fs.existsSync(out)).toBe(false);
        expect(fs.readdirSync(dir)).toEqual([]);
    });

    test('exits 2 when -o is given several plans, or nothing to compile', async () => {
        expect((await run('compile', `${OK}/registry.plan`)).status).toBe(2);
        expect((await run('compile', `${OK}/plan.plan`, '-o', 'x.json', '--out-dir', 'y')).status).toBe(2);
    });
});

describe('the installed binary', () => {
    test('runs as `planspec` with the exit status of the check', () => {
        const bin = path.resolve('bin/planspec.js');
        const ok = spawnSync(process.execPath, [bin, 'check', OK], { encoding: 'utf8' });
        expect(ok.status).toBe(0);
        const bad = spawnSync(process.execPath, [bin, 'check', `${ERRORS}/b-plan.plan`], { encoding: 'utf8' });
        expect(bad.status).toBe(1);
        expect(bad.stdout).toMatch(/b-plan\.plan:5:9 error .*\[missing-lead\]/);
    });

    test('keeps its compiled code in Node\'s compile cache (in the temporary folder), and runs the same from it', () => {
        const bin = path.resolve('bin/planspec.js');
        const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'planspec-compile-cache-'));
        try {
            const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: tmp };
            delete env.NODE_COMPILE_CACHE;
            delete env.NODE_DISABLE_COMPILE_CACHE;
            const first = spawnSync(process.execPath, [bin, 'check', OK], { encoding: 'utf8', env });
            expect(first.status).toBe(0);
            const cached = fs.readdirSync(path.join(tmp, 'node-compile-cache'), { recursive: true }) as string[];
            expect(cached.length).toBeGreaterThan(50);
            const second = spawnSync(process.execPath, [bin, 'check', OK], { encoding: 'utf8', env });
            expect({ status: second.status, out: second.stdout, err: second.stderr }).toEqual({ status: first.status, out: first.stdout, err: first.stderr });
        } finally {
            fs.rmSync(tmp, { recursive: true, force: true });
        }
    });
});

describe('output formats', () => {
    test('--format json gives the findings and a summary', async () => {
        const result = await run('check', ERRORS, '--format', 'json');
        expect(result.status).toBe(1);
        const report = JSON.parse(result.out);
        expect(report.summary).toEqual({ errors: 3, warnings: 0, infos: 0 });
        expect(report.findings[1]).toMatchObject({ file: `${ERRORS}/b-plan.plan`, line: 5, column: 9, severity: 'error', ruleId: 'missing-lead' });
    });

    test('--format sarif is valid SARIF 2.1.0 with rule metadata and help', async () => {
        // The official SARIF 2.1.0 schema (shipped in @microsoft/jest-sarif) is a draft-04 schema.
        const { default: Ajv } = await import('ajv-draft-04') as unknown as { default: typeof import('ajv').default };
        const { default: addFormats } = await import('ajv-formats') as unknown as { default: (ajv: InstanceType<typeof import('ajv').default>) => void };
        const schema = JSON.parse(fs.readFileSync('node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json', 'utf8'));
        // Its pattern for `language` is not valid with the u flag, so patterns are compiled without it.
        const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
        addFormats(ajv);
        const validate = ajv.compile(schema);

        const result = await run('check', ERRORS, '--format', 'sarif');
        expect(result.status).toBe(1);
        const log = JSON.parse(result.out);
        expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
        const run0 = log.runs[0];
        expect(run0.tool.driver.name).toBe('planspec');
        const rule = run0.tool.driver.rules.find((r: { id: string }) => r.id === 'missing-lead');
        expect(rule.helpUri).toMatch(/docs\/rules\/missing-lead\.md$/);
        expect(rule.help.markdown).toContain('# missing-lead');
        expect(rule.defaultConfiguration.level).toBe('error');
        const finding = run0.results[1];
        expect(finding).toMatchObject({ ruleId: 'missing-lead', level: 'error' });
        expect(run0.tool.driver.rules[finding.ruleIndex].id).toBe('missing-lead');
        expect(finding.locations[0].physicalLocation).toMatchObject({
            artifactLocation: { uri: `${ERRORS}/b-plan.plan`, uriBaseId: '%SRCROOT%' },
            region: { startLine: 5, startColumn: 9 },
        });
    });

    test('planspec rules lists every rule with category, default severity and description', async () => {
        const { allRules } = await import('../../src/linter/registry.js');
        const text = await run('rules');
        expect(text.status).toBe(0);
        for (const rule of allRules) {
            expect(text.out).toMatch(new RegExp(`^${rule.meta.id} +${rule.meta.category} +${rule.meta.defaultSeverity} `, 'm'));
        }
        const json = JSON.parse((await run('rules', '--format', 'json')).out);
        expect(json.map((r: { id: string }) => r.id)).toEqual(allRules.map(r => r.meta.id));
    });
});

describe('quick fixes in SARIF', () => {
    async function sarifValidator() {
        const { default: Ajv } = await import('ajv-draft-04') as unknown as { default: typeof import('ajv').default };
        const { default: addFormats } = await import('ajv-formats') as unknown as { default: (ajv: InstanceType<typeof import('ajv').default>) => void };
        const schema = JSON.parse(fs.readFileSync('node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json', 'utf8'));
        const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
        addFormats(ajv);
        return ajv.compile(schema);
    }

    test('a finding with a fix carries it as SARIF fixes with artifact changes; JSON output stays without', async () => {
        const validate = await sarifValidator();
        const log = JSON.parse((await run('check', ERRORS, '--format', 'sarif')).out);
        expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
        const missingLead = log.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'missing-lead');
        expect(missingLead.fixes[0]).toEqual({
            description: { text: 'Thêm "chủ trì CẦN_ĐIỀN" (cần điền đơn vị chủ trì) / Add a lead unit to fill in' },
            artifactChanges: [{
                artifactLocation: { uri: `${ERRORS}/b-plan.plan`, uriBaseId: '%SRCROOT%' },
                replacements: [{
                    deletedRegion: { startLine: 5, startColumn: 43, endLine: 5, endColumn: 43 },
                    insertedContent: { text: ' chủ trì CẦN_ĐIỀN ' },
                }],
            }],
        });
        expect(missingLead.fixes).toHaveLength(2);
        expect(log.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'invalid-date').fixes).toBeUndefined();
        const json = JSON.parse((await run('check', ERRORS, '--format', 'json')).out);
        expect(json.findings.every((f: object) => !('fixes' in f))).toBe(true);
    });

    test('a fix that edits another file (a registry) names that file; a deletion has no inserted content', async () => {
        const { formatSarif } = await import('../../src/cli/formatters/sarif.js');
        const range = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });
        const log = JSON.parse(formatSarif([{
            file: 'plans/kế hoạch.plan', line: 3, column: 5, endLine: 3, endColumn: 9, severity: 'error', message: 'm', ruleId: 'unresolved-reference',
            fixes: [
                { description: 'declare', changes: [{ file: 'plans/co-quan.plan', edits: [{ range: range(4, 0, 0), text: '\ncơ quan X "…"' }] }] },
                { description: 'remove', changes: [{ file: 'plans/kế hoạch.plan', edits: [{ range: range(2, 4, 8), text: '' }] }] },
            ],
        }], '0.1.0'));
        const validate = await sarifValidator();
        expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
        const [declare, remove] = log.runs[0].results[0].fixes;
        expect(declare.artifactChanges[0].artifactLocation).toEqual({ uri: 'plans/co-quan.plan', uriBaseId: '%SRCROOT%' });
        expect(declare.artifactChanges[0].replacements[0]).toEqual({ deletedRegion: { startLine: 5, startColumn: 1, endLine: 5, endColumn: 1 }, insertedContent: { text: '\ncơ quan X "…"' } });
        expect(remove.artifactChanges[0].artifactLocation.uri).toBe('plans/k%E1%BA%BF%20ho%E1%BA%A1ch.plan');
        expect(remove.artifactChanges[0].replacements[0]).toEqual({ deletedRegion: { startLine: 3, startColumn: 5, endLine: 3, endColumn: 9 } });
    });
});

describe('placeholders left by quick fixes', () => {
    test('a plan naming a body whose declaration holds a placeholder is not compiled, even checked alone', async () => {
        const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'planspec-placeholder-'));
        try {
            fs.writeFileSync(path.join(folder, 'planspec.config.json'), '{}');
            fs.writeFileSync(path.join(folder, 'co-quan.plan'), 'cơ quan UBND "Ủy ban nhân dân tỉnh"\ncơ quan SO_MOI "[CẦN ĐIỀN: tên chính thức của cơ quan / TO FILL IN: official name of the body]" thuộc CẦN_ĐIỀN\n');
            fs.writeFileSync(path.join(folder, 'ke-hoach.plan'), 'kế hoạch KH "x" { số "1/KH-UBND"  ngày 01/02/2020  của UBND\n    nhiệm vụ NV "a" { chủ trì SO_MOI }\n}\n');
            const plan = path.join(folder, 'ke-hoach.plan');
            const compiled = await run('compile', plan);
            expect(compiled.status).toBe(1);
            expect(compiled.out).toBe('');
            expect(compiled.err).toMatch(/ke-hoach\.plan:2:\d+ error SO_MOI được khai báo với chỗ cần điền .*\[unfilled-placeholder\]/);
            expect((await run('check', plan)).status).toBe(1);
        } finally {
            fs.rmSync(folder, { recursive: true, force: true });
        }
    });
});
