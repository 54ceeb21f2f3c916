import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { LangiumDocument, URI } from 'langium';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { collectFindings } from '../../src/cli/findings.js';
import { formatJson } from '../../src/cli/formatters/json.js';
import { run } from '../run-cli.js';
import { compileDocument, serializePlans } from '../../src/compiler/documents.js';
import { loadShard, loadWorkspace, loadWorkspaces, runServices, UsageError } from '../../src/workspace/load.js';
import { findWorkspaceRoot } from '../../src/workspace/roots.js';

// check and compile read one workspace at a time and release it before the next; what they print
// must be what one load of everything gives.

let dir: string;
/** Two workspaces: the examples, and the clean CLI fixture (a second root with its own registry). */
let corpus: string;

beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planspec-workspaces-'));
    corpus = path.join(dir, 'corpus');
    fs.cpSync('examples', path.join(corpus, 'examples'), { recursive: true });
    fs.cpSync('test/fixtures/cli/ok', path.join(corpus, 'ok'), { recursive: true });
    // A marked folder above both, so that one path names them.
    fs.writeFileSync(path.join(corpus, 'planspec.config.json'), '{ "extends": "planspec:recommended" }\n');
});

afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
});

describe('workspace by workspace', () => {
    test('each workspace is built alone: the documents of the one before are released', async () => {
        const seen: string[][] = [];
        for await (const workspace of loadWorkspaces([corpus])) {
            const all = workspace.services.shared.workspace.LangiumDocuments.all.map(d => d.uri.fsPath).toArray();
            expect(all.sort()).toEqual(workspace.all.map(d => d.uri.fsPath).sort());
            seen.push(all.map(f => path.relative(corpus, f).split(path.sep)[0]));
        }
        expect(seen.map(files => [...new Set(files)])).toEqual([['examples'], ['ok']]);
        expect(seen[0]).toHaveLength(13);
    });

    test('check prints the findings of one load of everything, in the same order', async () => {
        const { requested } = await loadWorkspace([corpus]);
        const expected = collectFindings(requested);
        expect(expected.length).toBeGreaterThan(60);
        const result = await run('check', corpus, '--format', 'json');
        expect(result.out).toBe(formatJson(expected));
        expect(result.err).toMatch(/^planspec: 15 tệp đã kiểm tra \(files checked\)/u);
    });

    test('a check of one file runs the rules on it alone (the others only for syntax), with the findings of validating everything', async () => {
        const file = path.join(corpus, 'examples', 'ca-mau', 'kh-qd634.plan');
        const everything = await loadWorkspace([path.join(corpus, 'examples')]);
        const expected = collectFindings(everything.requested.filter(d => d.uri.fsPath === file));
        expect(expected.length).toBeGreaterThan(5);
        const one = await loadWorkspace([file]);
        expect(one.requested.map(d => d.uri.fsPath)).toEqual([file]);
        expect(collectFindings(one.requested)).toEqual(expected);
        // The other files were parsed and linked (so references into them resolved), not checked by the rules.
        const others = one.all.filter(d => d.uri.fsPath !== file);
        expect(others.length).toBe(12);
        expect(others.flatMap(d => d.diagnostics ?? []).filter(d => typeof d.code === 'string')).toEqual([]);
        expect(everything.all.filter(d => d.uri.fsPath !== file).flatMap(d => d.diagnostics ?? []).filter(d => typeof d.code === 'string').length).toBeGreaterThan(0);
    });

    test('files are read ahead of parsing, yet loaded in order; an unreadable file is skipped, or stops the run when named', async () => {
        const folder = path.join(corpus, 'examples');
        // More files than are read ahead of the one parsed.
        const files = (fs.readdirSync(folder, { recursive: true }) as string[]).filter(f => f.endsWith('.plan')).map(f => path.join(folder, f)).sort();
        expect(files.length).toBeGreaterThan(10);
        const missing = path.join(folder, 'ca-mau', 'khong-co.plan');
        const listed = [...files.slice(0, 2), missing, ...files.slice(2)];
        const services = runServices({});
        const reads: string[] = [];
        const fileSystem = services.shared.workspace.FileSystemProvider;
        const readFile = fileSystem.readFile.bind(fileSystem);
        fileSystem.readFile = uri => {
            reads.push(uri.fsPath);
            return readFile(uri);
        };
        // How many files had been asked for when each document was parsed.
        const readWhenParsed: number[] = [];
        const factory = services.shared.workspace.LangiumDocumentFactory;
        const fromString = factory.fromString.bind(factory) as (text: string, uri: URI) => LangiumDocument;
        factory.fromString = ((text: string, uri: URI) => {
            readWhenParsed.push(reads.length);
            return fromString(text, uri);
        }) as typeof factory.fromString;
        const unread: Array<{ path: string; message: string }> = [];
        const loaded = await loadShard(services, { root: corpus, files: listed, requested: files }, unread);
        expect(loaded.all.map(d => d.uri.fsPath)).toEqual(files);
        expect(services.shared.workspace.LangiumDocuments.all.map(d => d.uri.fsPath).toArray()).toEqual(files);
        expect(unread).toEqual([{ path: missing, message: expect.stringMatching(/cannot read the file, skipped\): ENOENT/) }]);
        expect(reads).toEqual(listed);
        expect(readWhenParsed[0]).toBeGreaterThan(5);

        const again = runServices({});
        await expect(loadShard(again, { root: corpus, files: listed, requested: listed }, [])).rejects.toThrow(UsageError);
        await expect(loadShard(runServices({}), { root: corpus, files: listed, requested: listed }, [])).rejects.toThrow(/khong-co\.plan: .*cannot read file\): ENOENT/);
    });

    test('compile to stdout prints the bytes of one load of everything', async () => {
        const { requested, services } = await loadWorkspace([corpus]);
        const plans = requested.flatMap(d => compileDocument(d, findWorkspaceRoot(d.uri.fsPath), services));
        expect(plans.length).toBe(6);
        const result = await run('compile', corpus);
        expect(result.status).toBe(0);
        expect(result.out).toBe(serializePlans(plans));
    });

    test('compile --out-dir writes one file per plan, all or none: an error in a later workspace stops every write', async () => {
        const out = path.join(dir, 'out');
        expect((await run('compile', corpus, '--out-dir', out)).status).toBe(0);
        expect(fs.readdirSync(out).sort()).toHaveLength(6);
        expect(JSON.parse(fs.readFileSync(path.join(out, 'VinhPhuc.KH_OK.json'), 'utf8')).id).toBe('VinhPhuc.KH_OK');

        // 'zz' sorts after 'examples': the error is met after the examples were compiled.
        const broken = path.join(dir, 'broken');
        fs.cpSync(corpus, broken, { recursive: true });
        fs.cpSync('test/fixtures/cli/errors', path.join(broken, 'zz'), { recursive: true });
        const none = path.join(dir, 'none');
        const result = await run('compile', broken, '--out-dir', none);
        expect(result.status).toBe(1);
        expect(result.err).toContain('[missing-lead]');
        expect(fs.existsSync(none)).toBe(false);
    });

    test('two plans with one id in two workspaces: --out-dir refuses before writing anything', async () => {
        const twice = path.join(dir, 'twice');
        fs.cpSync('test/fixtures/cli/ok', path.join(twice, 'a'), { recursive: true });
        fs.cpSync('test/fixtures/cli/ok', path.join(twice, 'b'), { recursive: true });
        fs.writeFileSync(path.join(twice, 'planspec.config.json'), '{ "extends": "planspec:recommended" }\n');
        const out = path.join(dir, 'twice-out');
        const result = await run('compile', twice, '--out-dir', out);
        expect(result.status).toBe(2);
        expect(result.err).toContain("two plans with id 'VinhPhuc.KH_OK'");
        expect(fs.existsSync(out)).toBe(false);
        // To stdout both are printed.
        const printed = await run('compile', twice);
        expect(JSON.parse(printed.out).map((p: { id: string }) => p.id)).toEqual(['VinhPhuc.KH_OK', 'VinhPhuc.KH_OK']);
    });
});
