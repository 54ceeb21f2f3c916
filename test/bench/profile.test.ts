// PLANSPEC_PROFILE=1 (src/linter/profile.ts): the per-phase and per-rule totals `npm run bench`
// reads from the CLI's stderr; nothing is printed without it.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';

const bin = path.resolve('bin/planspec.js');
const plan = 'examples/vinh-phuc/ke-hoach-ct39.plan';

interface Profile {
    phasesMs: Record<string, number>;
    rulesMs: Record<string, number>;
    rss: number;
}

function run(args: string[], env: Record<string, string | undefined>): { status: number | null; stderr: string; profile?: Profile } {
    const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
    const line = result.stderr.split('\n').find(l => l.startsWith('PLANSPEC_PROFILE '));
    return { status: result.status, stderr: result.stderr, profile: line ? JSON.parse(line.slice('PLANSPEC_PROFILE '.length)) as Profile : undefined };
}

describe('PLANSPEC_PROFILE', () => {
    test('check: lexing, parsing, the build phases and every enabled rule, as JSON on stderr', () => {
        const { status, profile } = run(['check', plan], { PLANSPEC_PROFILE: '1' });
        expect(status).toBe(0);
        expect(profile).toBeDefined();
        for (const phase of ['lexing', 'parsing', 'indexing', 'linking', 'validation']) {
            expect(profile!.phasesMs[phase], phase).toBeGreaterThan(0);
        }
        // The rules run inside validation: their total cannot exceed it.
        const rules = Object.values(profile!.rulesMs).reduce((a, b) => a + b, 0);
        expect(rules).toBeGreaterThan(0);
        expect(rules).toBeLessThanOrEqual(profile!.phasesMs.validation + 1);
        expect(Object.keys(profile!.rulesMs)).toContain('report-without-due-date');
        expect(Object.keys(profile!.rulesMs)).toContain('duplicate-text');
        expect(profile!.rss).toBeGreaterThan(0);
    }, 60_000);

    test('compile: the compiling and writing phases', () => {
        const out = fs.mkdtempSync(path.join(os.tmpdir(), 'planspec-profile-'));
        try {
            const { status, profile } = run(['compile', plan, '--out-dir', out], { PLANSPEC_PROFILE: '1' });
            expect(status).toBe(0);
            expect(profile!.phasesMs.compiling).toBeGreaterThan(0);
            expect(profile!.phasesMs.writing).toBeGreaterThan(0);
        } finally {
            fs.rmSync(out, { recursive: true, force: true });
        }
    }, 60_000);

    test('check --jobs 2 over two workspaces: one line, with the totals of both workers', () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planspec-profile-'));
        try {
            fs.cpSync('examples', path.join(dir, 'examples'), { recursive: true });
            fs.cpSync('test/fixtures/cli/ok', path.join(dir, 'ok'), { recursive: true });
            const args = ['check', path.join(dir, 'examples'), path.join(dir, 'ok')];
            const parallel = run([...args, '--jobs', '2'], { PLANSPEC_PROFILE: '1' });
            expect(parallel.status).toBe(0);
            expect(parallel.stderr.split('\n').filter(l => l.startsWith('PLANSPEC_PROFILE '))).toHaveLength(1);
            // The rules of both workspaces are there: ok/ has no document, examples/ has.
            expect(parallel.profile!.rulesMs['document-without-date']).toBeGreaterThan(0);
            expect(Object.keys(parallel.profile!.rulesMs).sort()).toEqual(Object.keys(run([...args, '--jobs', '1'], { PLANSPEC_PROFILE: '1' }).profile!.rulesMs).sort());
            for (const phase of ['lexing', 'parsing', 'linking', 'validation']) {
                expect(parallel.profile!.phasesMs[phase], phase).toBeGreaterThan(0);
            }
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    }, 120_000);

    test('off by default: no profile line, the usual summary', () => {
        const { status, stderr, profile } = run(['check', plan], { PLANSPEC_PROFILE: undefined });
        expect(status).toBe(0);
        expect(profile).toBeUndefined();
        expect(stderr).toContain('tệp đã kiểm tra (files checked)');
    }, 60_000);
});
