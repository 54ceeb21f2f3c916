import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { run } from '../run-cli.js';

const SEED = 'test/fixtures/seeds/000_884aeed52b446c06.txt';
let dir: string;

beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planspec-import-cli-'));
});
afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
});

describe('planspec import', () => {
    test('without -o: the draft on stdout, the review notes and their count on stderr', async () => {
        const result = await run('import', SEED, '--workspace', 'examples');
        expect(result.status).toBe(0);
        expect(result.out).toMatch(/^phạm vi VinhPhuc\n\n\/\/ Nhập từ \/ Imported from: 000_884aeed52b446c06\.txt/u);
        expect(result.err).toMatch(/planspec: \d+ chỗ cần xem lại \(places to review\)\n$/u);
    }, 30_000);

    test('with -o: the draft and the registry additions beside it; the draft checks with no syntax error in its workspace', async () => {
        fs.cpSync('examples', path.join(dir, 'examples'), { recursive: true });
        const out = path.join(dir, 'examples', 'tinh-khuyet-danh', 'draft.plan');
        const result = await run('import', 'test/fixtures/seeds/003_85034a7b8c9b370e.txt', '-o', out);
        expect(result.status).toBe(0);
        expect(fs.readFileSync(out, 'utf8')).toContain('// Nhập từ / Imported from: 003_85034a7b8c9b370e.txt');
        // The workspace of -o (marked by planspec.config.json) resolves the bodies it declares.
        const registry = path.join(dir, 'examples', 'tinh-khuyet-danh', 'draft.registry.plan');
        expect(result.err).toContain(`đã viết (wrote) ${out}`);
        const check = await run('check', out);
        expect(check.out).not.toMatch(/ error /u);
        expect(check.status).toBe(0);
        if (fs.existsSync(registry)) {
            expect(fs.readFileSync(registry, 'utf8')).toMatch(/^\/\/ Bổ sung sổ đăng ký \/ Registry additions/mu);
        }
    }, 60_000);

    test('into a new project with no plan yet: an empty registry, everything declared in the additions', async () => {
        fs.writeFileSync(path.join(dir, 'planspec.config.json'), '{}');
        const out = path.join(dir, 'draft.plan');
        const result = await run('import', 'test/fixtures/seeds/004_cfb696eb858ee58d.txt', '-o', out);
        expect(result.status).toBe(0);
        expect(fs.readFileSync(path.join(dir, 'draft.registry.plan'), 'utf8')).toContain('văn bản VB_7488_KH_UBND kế hoạch số "7488/KH-UBND" ngày 31/7/2017');
        const check = await run('check', out);
        expect(check.out).not.toMatch(/ error /u);
    }, 60_000);

    test('an earlier import is replaced; a hand-written file or the source is never overwritten', async () => {
        const out = path.join(dir, 'draft.plan');
        expect((await run('import', SEED, '-o', out)).status).toBe(0);
        expect((await run('import', SEED, '-o', out)).status).toBe(0);
        const hand = path.join(dir, 'hand.plan');
        fs.writeFileSync(hand, 'kế hoạch K "viết tay" { }\n');
        const refused = await run('import', SEED, '-o', hand);
        expect(refused.status).toBe(2);
        expect(refused.err).toContain('không phải bản nhập trước');
        expect(fs.readFileSync(hand, 'utf8')).toBe('kế hoạch K "viết tay" { }\n');
        const source = path.join(dir, 'plan.txt');
        fs.copyFileSync(SEED, source);
        expect((await run('import', source, '-o', source)).status).toBe(2);
        expect(fs.readFileSync(source, 'utf8')).toBe(fs.readFileSync(SEED, 'utf8'));
    }, 60_000);

    test('a damaged Word file, a missing file and a non-UTF-8 file are usage errors, in both languages', async () => {
        const damaged = path.join(dir, 'plan.docx');
        fs.writeFileSync(damaged, 'not a zip');
        const docx = await run('import', damaged);
        expect(docx.status).toBe(2);
        expect(docx.err).toContain('đây không phải tệp .docx');
        expect(docx.err).toContain('this is not a .docx file');
        const missing = await run('import', path.join(dir, 'none.txt'));
        expect(missing.status).toBe(2);
        expect(missing.err).toContain('không tìm thấy tệp (no such file)');
        const latin1 = path.join(dir, 'latin1.txt');
        fs.writeFileSync(latin1, Buffer.from([0x4b, 0xe9, 0x20, 0xff]));
        const bad = await run('import', latin1);
        expect(bad.status).toBe(2);
        expect(bad.err).toContain('không phải văn bản UTF-8 (not UTF-8 text)');
    });

    test('--help names the command and where the registry additions go', async () => {
        const help = await run('import', '--help');
        expect(help.status).toBe(0);
        expect(help.out).toContain('<name>.registry.plan');
        expect(help.out).toContain('--workspace <dir>');
    });
});
