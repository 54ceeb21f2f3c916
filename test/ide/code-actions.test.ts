import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { CodeAction, Diagnostic, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver';
import { actionsFor, applyWorkspaceEdit, expectCleanFix, findingsIn } from '../fix-helpers.js';
import { inPlan, load, services } from '../helpers.js';

const PLAN = `
    nhiệm vụ NV1 "Tuyên truyền" { chủ trì MTTQ_TINH, VKS_TINH }
    nhiệm vụ NV2 "Rà soát" { phối hợp CA_TINH }
    nhiệm vụ NV3 "Kiểm tra" { chủ trì SO_MOI }
    báo cáo BC "Báo cáo" { từ STP  gửi UBND_TINH  trước ngày 31/02/2019 }`;

async function request(files: Record<string, string>, diagnostics: Diagnostic[] | ((all: Diagnostic[]) => Diagnostic[]), only?: string[]) {
    const loaded = await load(files);
    const all = loaded.main.diagnostics ?? [];
    const sent = typeof diagnostics === 'function' ? diagnostics(all) : diagnostics;
    const result = await services.lsp.CodeActionProvider!.getCodeActions(loaded.main, {
        textDocument: { uri: loaded.main.uri.toString() },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: sent, ...(only ? { only } : {}) },
    });
    return { loaded, actions: (result ?? []) as CodeAction[] };
}

describe('quick fixes (code actions)', () => {
    test('each fix of each diagnostic in the request is a quickfix action for that diagnostic', async () => {
        const { loaded, actions } = await request(inPlan(PLAN), all => all);
        const [missingLead] = findingsIn(loaded, 'missing-lead');
        const forMissingLead = actions.filter(a => a.diagnostics?.some(d => d.code === 'missing-lead'));
        expect(forMissingLead.map(a => a.title)).toEqual([
            'Thêm "chủ trì CẦN_ĐIỀN" (cần điền đơn vị chủ trì) / Add a lead unit to fill in',
            'Ghi "chủ trì không nêu" (bản gốc không nêu đơn vị chủ trì) / The original names no lead',
        ]);
        expect(forMissingLead[0]).toEqual({
            title: forMissingLead[0].title,
            kind: 'quickfix',
            diagnostics: [missingLead],
            edit: { changes: { 'file:///ws/plan.plan': [{ range: { start: { line: 5, character: 28 }, end: { line: 5, character: 28 } }, newText: ' chủ trì CẦN_ĐIỀN ' }] } },
        });
        // No fix for a date that does not exist: only the drafter knows the right one.
        expect(actions.filter(a => a.diagnostics?.some(d => d.code === 'invalid-date'))).toEqual([]);
    });

    test('one fix offered by two findings (two leads outside authority) is one action naming both; preferred kept', async () => {
        const { loaded, actions } = await request(inPlan(PLAN), all => all.filter(d => d.code === 'outside-authority'));
        expect(findingsIn(loaded, 'outside-authority')).toHaveLength(2);
        expect(actions).toHaveLength(1);
        expect(actions[0].diagnostics).toHaveLength(2);
        expect(actions[0].isPreferred).toBe(true);
    });

    test('a declaration in the registry is an edit of that file, with the command that asks for the official name', async () => {
        const { actions } = await request(inPlan(PLAN), all => all.filter(d => d.code === 'unresolved-reference'));
        const declare = actions.find(a => a.title.startsWith('Khai báo cơ quan SO_MOI'))!;
        expect(Object.keys(declare.edit!.changes!)).toEqual(['file:///ws/registry.plan']);
        expect(declare.command).toMatchObject({ command: 'planspec.askOfficialName', arguments: [{ id: 'SO_MOI', declaration: 'agency' }] });
        const fixed = applyWorkspaceEdit(inPlan(PLAN), declare.edit);
        expect(fixed['registry.plan']).toContain('cơ quan SO_MOI "[CẦN ĐIỀN: tên chính thức của cơ quan / TO FILL IN: official name of the body]" thuộc CẦN_ĐIỀN');
    });

    test('only quick fixes are offered, and only when the request asks for them', async () => {
        for (const [only, count] of [[['quickfix'], 1], [[''], 1], [['refactor'], 0], [['source.fixAll'], 0], [['quickfix.planspec'], 0]] as Array<[string[], number]>) {
            const { actions } = await request(inPlan(PLAN), all => all.filter(d => d.code === 'outside-authority'), only);
            expect(actions.length, JSON.stringify(only)).toBe(count);
        }
    });

    test('a diagnostic that is no longer there (the text changed since) or that the client made up gets nothing', async () => {
        const { loaded } = await request(inPlan(PLAN), []);
        const [missingLead] = findingsIn(loaded, 'missing-lead');
        const moved = { ...missingLead, range: { start: { line: 9, character: 0 }, end: { line: 9, character: 4 } } };
        const forged = { ...missingLead, message: 'khác', data: { fixes: [{ title: 'x', edits: [{ range: missingLead.range, newText: 'rm -rf' }] }] } };
        for (const diagnostic of [moved, forged, { ...missingLead, code: 'other' }]) {
            const { actions } = await request(inPlan(PLAN), [diagnostic]);
            expect(actions).toEqual([]);
        }
        // The client's copy of the data is not trusted: the fixes are the server's own.
        const { actions } = await request(inPlan(PLAN), [{ ...missingLead, data: { fixes: [{ title: 'x', edits: [] }] } }]);
        expect(actions.map(a => a.title)).toHaveLength(2);
    });

    test('never fails on an empty or broken document, or a request without diagnostics', async () => {
        for (const text of ['', 'kế hoạch', 'kế hoạch KH "x" { nhiệm vụ "a" { chủ trì', '"\u0000', 'văn bản X quyết định số "1 /QĐ" {']) {
            const { loaded, actions } = await request({ 'main.plan': text }, all => all);
            expect(Array.isArray(actions)).toBe(true);
            const none = await services.lsp.CodeActionProvider!.getCodeActions(loaded.main, {
                textDocument: { uri: loaded.main.uri.toString() },
                range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
                context: { diagnostics: [] },
            });
            expect(none).toEqual([]);
        }
    });

    test('in a file with CRLF line ends, lines added and removed keep CRLF', async () => {
        const crlf = (files: Record<string, string>) => Object.fromEntries(Object.entries(files).map(([n, t]) => [n, t.replace(/\n/g, '\r\n')]));
        const files = crlf(inPlan(`
    căn cứ CT_39
    căn cứ CT_39
    nhiệm vụ NV1 "Rà soát" {
        phối hợp CA_TINH
    }
    nhiệm vụ NV2 "Kiểm tra" { chủ trì SO_MOI }`));
        for (const [rule, title, expected] of [
            ['duplicate-basis', /^Bỏ/, '    căn cứ CT_39\r\n    nhiệm vụ NV1'],
            ['missing-lead', /CẦN_ĐIỀN/, '{\r\n        chủ trì CẦN_ĐIỀN\r\n        phối hợp CA_TINH\r\n'],
            ['unresolved-reference', /^Khai báo/, 'gồm STP, CA_TINH\r\ncơ quan SO_MOI'],
        ] as Array<[string, RegExp, string]>) {
            const applied = await expectCleanFix(files, { rule, title, added: Array(rule === 'duplicate-basis' ? 0 : rule === 'missing-lead' ? 1 : 3).fill('unfilled-placeholder') });
            const text = Object.values(applied.files).join('');
            expect(text).toContain(expected);
            expect(text.replace(/\r\n/g, '')).not.toContain('\n');
        }
    });

    test('the fixes of every finding of the examples apply without breaking the text', async () => {
        const files = Object.fromEntries(fs.readdirSync('examples', { withFileTypes: true }).filter(d => d.isDirectory())
            .flatMap(d => fs.readdirSync(path.join('examples', d.name)).filter(f => f.endsWith('.plan'))
                .map(f => [`${d.name}-${f}`, fs.readFileSync(path.join('examples', d.name, f), 'utf8')])));
        const loaded = await load(files);
        let count = 0;
        for (const [name, document] of Object.entries(loaded.documents)) {
            for (const diagnostic of document.diagnostics ?? []) {
                for (const action of await actionsFor(loaded, diagnostic, name)) {
                    count++;
                    const fixed = applyWorkspaceEdit(files, action.edit);
                    const changed = Object.entries(fixed).filter(([file, text]) => text !== files[file]);
                    expect(changed.length).toBeGreaterThan(0);
                    for (const [file, text] of changed) {
                        const { lexerErrors, parserErrors } = services.parser.LangiumParser.parse(text);
                        expect([...lexerErrors, ...parserErrors].map(e => e.message), `${action.title} in ${file}`).toEqual([]);
                    }
                }
            }
        }
        // outside-authority, report-without-due-date, section-numbering, document-number-format, request-to-subordinate
        expect(count).toBeGreaterThanOrEqual(25);
    });
});

/** The editor's path: the server announces quick fixes, publishes diagnostics with their fixes and answers codeAction. */
describe('planspec-language-server --stdio: quick fixes', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'planspec-fixes-'));
    const child = spawn(process.execPath, [path.resolve('bin/planspec-language-server.js'), '--stdio']);
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const published = new Map<string, Diagnostic[]>();

    afterAll(() => {
        connection.dispose();
        child.kill();
        fs.rmSync(folder, { recursive: true, force: true });
    });

    test('announces code actions and answers with the fix of a published diagnostic', async () => {
        fs.cpSync('test/fixtures/cli/errors', folder, { recursive: true });
        connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
            published.set(params.uri, params.diagnostics);
        });
        connection.onRequest('client/registerCapability', () => null);
        connection.listen();
        const init = await connection.sendRequest<InitializeResult>('initialize', {
            processId: process.pid, rootUri: pathToFileURL(folder).href,
            workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'ws' }], capabilities: {},
        });
        expect(init.capabilities.codeActionProvider).toBeTruthy();
        await connection.sendNotification('initialized', {});
        const uri = pathToFileURL(path.join(folder, 'b-plan.plan')).href;
        const deadline = Date.now() + 20_000;
        while (!published.get(uri)?.some(d => d.code === 'missing-lead') && Date.now() < deadline) {
            await new Promise(resolve => setTimeout(resolve, 100));
        }
        const diagnostic = published.get(uri)!.find(d => d.code === 'missing-lead')!;
        expect((diagnostic.data as { fixes: unknown[] }).fixes).toHaveLength(2);
        const actions = await connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
            textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] },
        });
        expect(actions.map(a => a.kind)).toEqual(['quickfix', 'quickfix']);
        expect(Object.keys(actions[0].edit!.changes!)).toEqual([uri]);
    });
});
