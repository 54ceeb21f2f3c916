import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import { runCli } from '../../src/cli/main.js';
import { messageOf } from '../helpers.js';

/**
 * A workspace holding hostile files (3,000 parse errors, nesting 10,000 deep, 130,000 recipients,
 * a file that is not UTF-8) opens in the language server: every other file still gets its
 * diagnostics, each hostile file gets one saying what is wrong, and `check` of the folder exits
 * non-zero naming each hostile file.
 */
const REGISTRY = 'phạm vi VinhPhuc\ncơ quan UBND_TINH "UBND tỉnh"\ncơ quan CA_TINH "Công an tỉnh" thuộc UBND_TINH\n';
const GOOD = 'phạm vi VinhPhuc\nkế hoạch GOOD "Kế hoạch" { số "1/KH-UBND"  ngày 02/01/2020  của UBND_TINH\n    nhiệm vụ NV "Không có chủ trì"\n}\n';

function hostileFiles(): Record<string, string | Buffer> {
    const encoded = Buffer.from('phạm vi VinhPhuc\nkế hoạch ENC "Tuy\u00ean" { }\n', 'utf8');
    const at = encoded.indexOf(Buffer.from('ê', 'utf8'));
    return {
        'errors.plan': 'phạm vi VinhPhuc\nkế hoạch ERR "t" {\n' + 'chỉ tiêu "x" trên\n'.repeat(3000) + '}\n',
        'deep.plan': 'phạm vi VinhPhuc\nkế hoạch DEEP "t" {\n' + 'phần "1" "h" {\n'.repeat(10_000) + '}\n'.repeat(10_000) + '}\n',
        'recipients.plan': 'phạm vi VinhPhuc\nkế hoạch REC "t" { nơi nhận ' + '"Nơi lạ", '.repeat(130_000) + '"b" }\n',
        'encoding.plan': Buffer.concat([encoded.subarray(0, at), Buffer.from([0xea]), encoded.subarray(at + 2)]),
    };
}

describe('the language server survives a hostile workspace', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'planspec-hostile-'));
    const child = spawn(process.execPath, [path.resolve('bin/planspec-language-server.js'), '--stdio']);
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const latest = new Map<string, Diagnostic[]>();
    const uri = (name: string) => pathToFileURL(path.join(folder, name)).href;

    async function until(predicate: () => boolean, what: string): Promise<void> {
        const deadline = Date.now() + 90_000;
        while (!predicate()) {
            if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; have ${[...latest.keys()].join(', ')}`);
            await new Promise(resolve => setTimeout(resolve, 200));
        }
    }

    beforeAll(async () => {
        fs.writeFileSync(path.join(folder, 'planspec.config.json'), '{}');
        fs.writeFileSync(path.join(folder, 'registry.plan'), REGISTRY);
        fs.writeFileSync(path.join(folder, 'good.plan'), GOOD);
        for (const [name, content] of Object.entries(hostileFiles())) {
            fs.writeFileSync(path.join(folder, name), content);
        }
        connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
            latest.set(params.uri, params.diagnostics);
        });
        connection.listen();
        // A request before `initialize` gets the protocol's error instead of waiting forever.
        await expect(connection.sendRequest('textDocument/hover', { textDocument: { uri: uri('good.plan') }, position: { line: 0, character: 0 } }))
            .rejects.toMatchObject({ code: -32002 });
        await connection.sendRequest('initialize', {
            processId: process.pid,
            rootUri: pathToFileURL(folder).href,
            workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'ws' }],
            capabilities: {},
        });
        await connection.sendNotification('initialized', {});
    }, 30_000);

    afterAll(() => {
        connection.dispose();
        child.kill();
        fs.rmSync(folder, { recursive: true, force: true });
    });

    test('every good file gets its diagnostics, each hostile file one saying what is wrong', async () => {
        await until(() => ['good.plan', 'errors.plan', 'deep.plan', 'recipients.plan', 'encoding.plan'].every(f => latest.has(uri(f))),
            'diagnostics of every file');
        expect(latest.get(uri('good.plan'))!.map(d => d.code)).toContain('missing-lead');
        expect(latest.get(uri('deep.plan'))!.some(d => /Nested deeper than 64/.test(messageOf(d)))).toBe(true);
        expect(latest.get(uri('errors.plan'))!.some(d => /Too many syntax errors/.test(messageOf(d)))).toBe(true);
        expect(latest.get(uri('recipients.plan'))!.some(d => /more findings of unknown-recipient/.test(messageOf(d)))).toBe(true);
        expect(latest.get(uri('encoding.plan'))!.map(d => d.code)).toContain('invalid-encoding');
        // The server still answers, with cross-file knowledge intact: the issuer's definition is in the registry.
        const definition = await connection.sendRequest('textDocument/definition', { textDocument: { uri: uri('good.plan') }, position: { line: 1, character: 66 } });
        expect(JSON.stringify(definition)).toContain(uri('registry.plan'));
    }, 120_000);

    test('`planspec check` of the folder exits non-zero and names each hostile file', async () => {
        let out = '';
        const status = await runCli(['check', folder, '--format', 'json'], { out: t => { out += t; }, err: () => undefined });
        expect(status).toBe(1);
        const files = new Set((JSON.parse(out) as { findings: Array<{ file: string; severity: string }> }).findings
            .filter(f => f.severity === 'error').map(f => path.basename(f.file)));
        expect([...files].sort()).toEqual(['deep.plan', 'encoding.plan', 'errors.plan', 'good.plan']);
    }, 120_000);
});
