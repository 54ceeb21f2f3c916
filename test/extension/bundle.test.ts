import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { isBuiltin } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Document, Packer, Paragraph } from 'docx';
import type { CheckWorkspaceResult, CompileResult, ImportResponse } from '../../src/ide/requests.js';
import { CHECK_WORKSPACE_REQUEST, COMPILE_REQUEST, IMPORT_REQUEST } from '../../src/ide/requests.js';
import { LspClient } from '../server/lsp-client.js';
import { copyWorkspace, installExtension, removeTemporaryFolders } from './installed.js';

/**
 * The extension's bundles (scripts/bundle.mjs) as VS Code runs them: from an installed folder with
 * no node_modules, the server over stdio on real workspaces, with the extension's own requests.
 */
const extension = installExtension();
const server = path.join(extension, 'dist/server.cjs');
const cli = path.resolve('bin/planspec.js');

afterAll(removeTemporaryFolders);

/** Every `require("…")` call of a bundle (a require inside a string, as ajv keeps for its standalone code, is not one). */
function requiredModules(file: string): string[] {
    const text = fs.readFileSync(file, 'utf8');
    return [...new Set([...text.matchAll(/(?<![\w$.'"`])require\("([^"]+)"\)/g)].map(m => m[1]))].sort();
}

describe('the bundles', () => {
    test('require nothing but Node built-ins (and vscode, which VS Code provides to the client)', () => {
        const server = requiredModules(path.join(extension, 'dist/server.cjs'));
        const client = requiredModules(path.join(extension, 'dist/extension.cjs'));
        expect(server.length).toBeGreaterThan(3);
        expect(server.filter(m => !isBuiltin(m))).toEqual([]);
        expect(client).toContain('vscode');
        expect(client.filter(m => !isBuiltin(m) && m !== 'vscode')).toEqual([]);
    });

    test('the client carries none of the language server (Langium, the rules): it starts it', () => {
        const server = fs.readFileSync(path.join(extension, 'dist/server.cjs'), 'utf8');
        const client = fs.readFileSync(path.join(extension, 'dist/extension.cjs'), 'utf8');
        for (const name of ['DefaultDocumentBuilder', 'PlanspecTokenBuilder', 'RuleRunner']) {
            expect(server).toContain(name);
            expect(client).not.toContain(name);
        }
    });

    test('are CommonJS with linked source maps, and no import.meta left', () => {
        for (const name of ['server.cjs', 'extension.cjs']) {
            const text = fs.readFileSync(path.join(extension, 'dist', name), 'utf8');
            expect(text).not.toMatch(/\bimport\.meta\b/);
            expect(text).toMatch(new RegExp(`//# sourceMappingURL=${name.replace('.', '\\.')}\\.map\\s*$`));
            expect(fs.existsSync(path.join(extension, 'dist', `${name}.map`))).toBe(true);
        }
    });

    test('the CLI still runs from out/ and finds its files there', () => {
        const version = execFileSync(process.execPath, [cli, '--version'], { encoding: 'utf8' }).trim();
        expect(version).toBe(JSON.parse(fs.readFileSync('package.json', 'utf8')).version);
        const sarif = JSON.parse(execFileSync(process.execPath, [cli, 'check', 'examples/', '--format', 'sarif'], { encoding: 'utf8' }));
        const rule = sarif.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'missing-lead');
        expect(rule.helpUri).toBe(pathToFileURL(path.resolve('docs/rules/missing-lead.md')).href);
        expect(rule.help.markdown).toContain('# missing-lead');
    });
});

describe('the bundled server on examples/', () => {
    const workspace = copyWorkspace('examples');
    let client: LspClient;
    const planFiles = fs.readdirSync(workspace, { recursive: true, encoding: 'utf8' }).filter(f => f.endsWith('.plan'));
    const uri = (file: string) => pathToFileURL(path.join(workspace, file)).href;

    beforeAll(async () => {
        client = new LspClient(server);
        await client.initialize(workspace);
        await client.until(() => planFiles.every(f => client.diagnostics.has(uri(f))), 'diagnostics of every example');
    });
    afterAll(() => client?.dispose());

    test('checks every example as the CLI does, linking each finding to a rule page installed with the extension', () => {
        const cliFindings = JSON.parse(execFileSync(process.execPath, [cli, 'check', '.', '--format', 'json'], { cwd: workspace, encoding: 'utf8' })) as { findings: Array<{ file: string; line: number; ruleId: string }> };
        const fromServer = [...client.diagnostics].flatMap(([u, list]) => list.map(d => `${path.relative(workspace, fileURLToPath(u)).split(path.sep).join('/')}:${d.range.start.line + 1} ${String(d.code)}`)).sort();
        expect(fromServer.length).toBeGreaterThan(20);
        expect(fromServer).toEqual(cliFindings.findings.map(f => `${f.file}:${f.line} ${f.ruleId}`).sort());
        for (const d of [...client.diagnostics.values()].flat()) {
            // The status bar and the documentation actions of the client count on the source.
            expect(d.source).toBe('planspec');
            const href = d.codeDescription?.href;
            expect(href?.startsWith(pathToFileURL(path.join(extension, 'docs/rules')).href + '/')).toBe(true);
            expect(fs.existsSync(fileURLToPath(href!))).toBe(true);
        }
    });

    test('planspec/compile: a plan without errors, as `planspec compile` writes it and valid against the schema', async () => {
        const plan = 'ca-mau/kh-qd634.plan';
        const result = await client.request<CompileResult>(COMPILE_REQUEST, { uri: uri(plan) });
        expect(result.errors).toEqual([]);
        expect(result.refusal).toBeUndefined();
        expect(result.files).toHaveLength(1);
        const [file] = result.files;
        expect(file.uri).toBe(uri(`ca-mau/${file.planId}.json`));
        const fromCli = execFileSync(process.execPath, [cli, 'compile', plan], { cwd: workspace, encoding: 'utf8' });
        expect(file.content).toBe(fromCli);
        const ajv = new Ajv2020({ allErrors: true, strict: true });
        addFormats.default(ajv);
        const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(extension, 'schemas/plan.schema.json'), 'utf8')));
        expect(validate(JSON.parse(file.content)), JSON.stringify(validate.errors)).toBe(true);
        // Nothing is written by the server: the editor writes the file.
        expect(fs.existsSync(fileURLToPath(file.uri))).toBe(false);
    });

    test('planspec/import: the bundle reads a Word file (mammoth inside) and imports it against the workspace', async () => {
        const word = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph({ text: 'Công an tỉnh chủ trì.', bullet: { level: 0 } })] }] }));
        const result = await client.request<ImportResponse>(IMPORT_REQUEST, { fileName: 'kh.docx', data: word.toString('base64'), workspace: uri('ca-mau/kh.docx') });
        expect(result.refusal).toBeUndefined();
        expect(result.source).toBe('- Công an tỉnh chủ trì.\n');
        expect(result.plan).toContain('kh.docx');
    });

    test('planspec/compile into an output folder; a link at the target, or a source there, is refused', async () => {
        const out = path.join(workspace, 'build', 'plans');
        const result = await client.request<CompileResult>(COMPILE_REQUEST, { uri: uri('dong-nai/kh-7488.plan'), outputFolder: pathToFileURL(out).href });
        expect(result.files.map(f => f.uri)).toEqual([pathToFileURL(path.join(out, `${result.files[0].planId}.json`)).href]);
        fs.mkdirSync(out, { recursive: true });
        fs.writeFileSync(path.join(workspace, 'elsewhere.json'), '{}\n');
        fs.symlinkSync(path.join(workspace, 'elsewhere.json'), path.join(out, `${result.files[0].planId}.json`));
        const refused = await client.request<CompileResult>(COMPILE_REQUEST, { uri: uri('dong-nai/kh-7488.plan'), outputFolder: pathToFileURL(out).href });
        expect(refused.files).toEqual([]);
        expect(refused.refusal).toMatch(/liên kết tượng trưng.*symbolic link/);
        // Compiling never writes over a source: here, the output folder is the plan's own folder, linked.
        fs.symlinkSync(path.join(workspace, 'dong-nai'), path.join(workspace, 'linked'));
        const id = result.files[0].planId;
        fs.renameSync(path.join(workspace, 'dong-nai/kh-7488.plan'), path.join(workspace, `dong-nai/${id}.json`));
        fs.symlinkSync(`${id}.json`, path.join(workspace, 'dong-nai/kh-7488.plan'));
        const source = await client.request<CompileResult>(COMPILE_REQUEST, { uri: uri('dong-nai/kh-7488.plan'), outputFolder: pathToFileURL(path.join(workspace, 'linked')).href });
        expect(source.refusal).toMatch(/tệp nguồn.*is a source, registry or configuration file/);
        fs.rmSync(path.join(workspace, 'dong-nai/kh-7488.plan'));
        fs.renameSync(path.join(workspace, `dong-nai/${id}.json`), path.join(workspace, 'dong-nai/kh-7488.plan'));
        fs.rmSync(path.join(workspace, 'linked'));
    });

    test('planspec/compile of a registry says there is no plan; of an unsaved document, that it must be saved', async () => {
        const registry = await client.request<CompileResult>(COMPILE_REQUEST, { uri: uri('ca-mau/co-quan.plan') });
        expect(registry).toEqual({ files: [], errors: [], refusal: expect.stringMatching(/không có kế hoạch.*no plan/) });
        const untitled = await client.request<CompileResult>(COMPILE_REQUEST, { uri: 'untitled:Untitled-1' });
        expect(untitled.refusal).toMatch(/saved on disk/);
    });

    test('planspec/compile compiles the text in the editor, not the file on disk', async () => {
        const plan = 'vinh-phuc/ke-hoach-ct39.plan';
        const text = fs.readFileSync(path.join(workspace, plan), 'utf8');
        const changed = text.replace(/kế hoạch (\w+) "/u, 'kế hoạch $1 "Đã sửa: ');
        expect(changed).not.toBe(text);
        await client.open(uri(plan), changed);
        const result = await client.request<CompileResult>(COMPILE_REQUEST, { uri: uri(plan) });
        expect(JSON.parse(result.files[0].content).title).toMatch(/^Đã sửa: /);
        await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri(plan) } });
    });

    test('planspec/checkWorkspace reads files created and deleted outside the editor, and counts the findings', async () => {
        const before = await client.request<CheckWorkspaceResult>(CHECK_WORKSPACE_REQUEST, {});
        expect(before.files).toBe(planFiles.length);
        const cli = JSON.parse(execFileSync(process.execPath, [path.resolve('bin/planspec.js'), 'check', '.', '--format', 'json'], { cwd: workspace, encoding: 'utf8' })) as { summary: { errors: number; warnings: number; infos: number } };
        expect(before.errors).toBe(cli.summary.errors);
        expect(before.warnings).toBe(cli.summary.warnings);
        expect(before.infos).toBe(cli.summary.infos);
        // Nobody tells the server about this file: only checking the workspace finds it.
        const added = path.join(workspace, 'ca-mau', 'them.plan');
        fs.writeFileSync(added, 'phạm vi CaMau\nkế hoạch KH_THEM "Thêm" {\n    của UBND_TINH\n    nhiệm vụ NV1 "Việc" { phối hợp CA_TINH }\n}\n');
        const after = await client.request<CheckWorkspaceResult>(CHECK_WORKSPACE_REQUEST, {});
        expect(after.files).toBe(planFiles.length + 1);
        expect(after.errors).toBeGreaterThan(before.errors);
        await client.until(() => (client.diagnostics.get(pathToFileURL(added).href) ?? []).some(d => d.code === 'missing-lead'), 'missing-lead in the new file');
        fs.rmSync(added);
        const removed = await client.request<CheckWorkspaceResult>(CHECK_WORKSPACE_REQUEST, {});
        expect(removed).toEqual(before);
    });
});

describe('the bundled server on plans with errors', () => {
    const workspace = copyWorkspace('test/fixtures/cli');
    const uri = (file: string) => pathToFileURL(path.join(workspace, file)).href;
    let client: LspClient;

    afterAll(() => client?.dispose());

    test('planspec/compile refuses a plan with errors, returning the errors the CLI prints', async () => {
        client = new LspClient(server);
        await client.initialize(workspace);
        await client.until(() => client.diagnostics.has(uri('errors/b-plan.plan')), 'diagnostics of b-plan');
        const result = await client.request<CompileResult>(COMPILE_REQUEST, { uri: uri('errors/b-plan.plan') });
        expect(result.files).toEqual([]);
        expect(result.errors.map(e => `${path.relative(workspace, fileURLToPath(e.uri))}:${e.range.start.line + 1}:${e.range.start.character + 1} ${e.code}`))
            .toEqual(['errors/b-plan.plan:5:9 missing-lead', 'errors/b-plan.plan:6:34 rate-out-of-range']);
        let stderr = '';
        try {
            execFileSync(process.execPath, [cli, 'compile', 'errors/b-plan.plan'], { cwd: workspace, encoding: 'utf8', stdio: 'pipe' });
        } catch (error) {
            stderr = (error as { stderr: string }).stderr;
        }
        expect(stderr).toContain('errors/b-plan.plan:5:9 error');
        expect(stderr).toContain('errors/b-plan.plan:6:34 error');
    });

    test('planspec/compile refuses a plan whose registry cannot be read, naming the registry', async () => {
        const registry = path.join(workspace, 'ok', 'registry.plan');
        const broken = fs.readFileSync(registry, 'utf8').replace('thuộc UBND_TINH', 'thuộc {');
        fs.writeFileSync(registry, broken);
        await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('ok/registry.plan'), type: 2 }] });
        await client.until(() => (client.diagnostics.get(uri('ok/registry.plan')) ?? []).length > 0, 'the syntax error of the registry');
        const result = await client.request<CompileResult>(COMPILE_REQUEST, { uri: uri('ok/plan.plan') });
        expect(result.files).toEqual([]);
        expect(result.errors.length).toBeGreaterThan(0);
        expect(result.errors.every(e => e.uri === uri('ok/registry.plan') && e.code === 'syntax-error')).toBe(true);
        expect((client.diagnostics.get(uri('ok/registry.plan')) ?? []).every(d => d.source === 'planspec')).toBe(true);
    });
});

describe('the planspec.rules setting', () => {
    const workspace = copyWorkspace('test/fixtures/cli/errors');
    const plan = pathToFileURL(path.join(workspace, 'b-plan.plan')).href;
    let client: LspClient;
    let rules: unknown = { 'missing-lead': 'off', 'no-such-rule': 'error', 'rate-out-of-range': 'loud' };

    afterAll(() => client?.dispose());

    const codes = () => (client.diagnostics.get(plan) ?? []).map(d => `${String(d.code)}:${d.severity}`).sort();

    test('read from the client overrides planspec.config.json; unknown rules and severities are ignored', async () => {
        client = new LspClient(server);
        client.connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) =>
            params.items.map(item => (item.section === 'planspec' ? { rules } : null)));
        await client.initialize(workspace, { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } });
        await client.until(() => codes().length > 0 && !codes().some(c => c.startsWith('missing-lead')), 'diagnostics without missing-lead');
        expect(codes()).toEqual(['rate-out-of-range:1']);
    });

    test('a change re-checks every plan, and compiling follows the same settings', async () => {
        rules = { 'missing-lead': 'off', 'rate-out-of-range': 'warning' };
        await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { planspec: { rules } } });
        await client.until(() => codes().includes('rate-out-of-range:2'), 'rate-out-of-range as a warning');
        expect(codes()).toEqual(['rate-out-of-range:2']);
        const compiled = await client.request<CompileResult>(COMPILE_REQUEST, { uri: plan });
        expect(compiled.errors).toEqual([]);
        expect(compiled.files.map(f => f.planId)).toEqual(['VinhPhuc.KH_LOI']);
        await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { planspec: {} } });
        await client.until(() => codes().includes('missing-lead:1'), 'missing-lead back');
        expect(codes()).toEqual(['missing-lead:1', 'rate-out-of-range:1']);
    });
});

describe('configuration files the server watches', () => {
    const workspace = copyWorkspace('test/fixtures/cli/errors');
    const plan = pathToFileURL(path.join(workspace, 'b-plan.plan')).href;
    const notify = (file: string) => client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(workspace, file)).href, type: 2 }] });
    let client: LspClient;

    afterAll(() => client?.dispose());

    test('a change to an extended file re-checks the plans; a JSON file no configuration reads (a compiled plan) does not', async () => {
        fs.writeFileSync(path.join(workspace, 'base.json'), '{ "rules": { "missing-lead": "off" } }\n');
        fs.writeFileSync(path.join(workspace, 'planspec.config.json'), '{ "extends": ["planspec:recommended", "./base.json"] }\n');
        client = new LspClient(server);
        await client.initialize(workspace);
        await client.until(() => (client.diagnostics.get(plan) ?? []).length > 0, 'diagnostics of b-plan');
        expect((client.diagnostics.get(plan) ?? []).map(d => d.code)).toEqual(['rate-out-of-range']);
        const published = client.publications.get(plan);
        fs.writeFileSync(path.join(workspace, 'VinhPhuc.KH_LOI.json'), '{}\n');
        await notify('VinhPhuc.KH_LOI.json');
        await new Promise(resolve => setTimeout(resolve, 1500));
        expect(client.publications.get(plan)).toBe(published);
        fs.writeFileSync(path.join(workspace, 'base.json'), '{ "rules": { "missing-lead": "error" } }\n');
        await notify('base.json');
        await client.until(() => (client.diagnostics.get(plan) ?? []).some(d => d.code === 'missing-lead'), 'missing-lead after base.json changed');
    });
});

