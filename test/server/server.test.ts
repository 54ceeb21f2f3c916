import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';

/** The language server as an editor sees it: over stdio, on a real folder. */
describe('planspec-language-server --stdio', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'planspec-lsp-'));
    const child = spawn(process.execPath, [path.resolve('bin/planspec-language-server.js'), '--stdio']);
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const latest = new Map<string, Diagnostic[]>();
    const waiters: Array<() => void> = [];
    const uri = (name: string) => pathToFileURL(path.join(folder, name)).href;

    async function until(predicate: () => boolean, what: string): Promise<void> {
        const deadline = Date.now() + 20_000;
        while (!predicate()) {
            if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; have ${JSON.stringify([...latest])}`);
            await new Promise<void>(resolve => { waiters.push(resolve); setTimeout(resolve, 200); });
        }
    }

    beforeAll(async () => {
        fs.cpSync('test/fixtures/cli/errors', folder, { recursive: true });
        connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
            latest.set(params.uri, params.diagnostics);
            waiters.splice(0).forEach(w => w());
        });
        connection.listen();
        await connection.sendRequest('initialize', {
            processId: process.pid,
            rootUri: pathToFileURL(folder).href,
            workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'ws' }],
            capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
        });
        connection.onRequest('client/registerCapability', () => null);
        await connection.sendNotification('initialized', {});
    });

    afterAll(() => {
        connection.dispose();
        child.kill();
        fs.rmSync(folder, { recursive: true, force: true });
    });

    test('validates every file of the folder on open, each diagnostic with its rule id and doc link', async () => {
        // Files are published one by one: wait for both.
        await until(() => (latest.get(uri('b-plan.plan')) ?? []).length > 0 && (latest.get(uri('a-plan.plan')) ?? []).length > 0,
            'diagnostics of both plans');
        const diagnostics = latest.get(uri('b-plan.plan'))!;
        const missingLead = diagnostics.find(d => d.code === 'missing-lead')!;
        expect(missingLead.range.start).toEqual({ line: 4, character: 8 });
        expect(missingLead.severity).toBe(1);
        expect(missingLead.codeDescription?.href).toMatch(/^file:.*docs\/rules\/missing-lead\.md$/);
        expect((latest.get(uri('a-plan.plan')) ?? []).map(d => d.code)).toContain('invalid-date');
    });

    test('reloads the configuration when it changes, and shows a broken one on the file itself', async () => {
        fs.writeFileSync(path.join(folder, 'planspec.config.json'), '{ "rules": { "missing-lead": "warning" } }');
        await connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('planspec.config.json'), type: 2 }] });
        await until(() => latest.get(uri('b-plan.plan'))?.find(d => d.code === 'missing-lead')?.severity === 2, 'missing-lead as a warning');

        fs.writeFileSync(path.join(folder, 'planspec.config.json'), '{ "rules": { "no-such-rule": "warning" } }');
        await connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('planspec.config.json'), type: 2 }] });
        await until(() => (latest.get(uri('planspec.config.json')) ?? []).length > 0, 'diagnostics on the configuration file');
        expect(latest.get(uri('planspec.config.json'))![0].message).toContain('no-such-rule');
        // Meanwhile the plans are checked with the recommended settings.
        await until(() => latest.get(uri('b-plan.plan'))?.find(d => d.code === 'missing-lead')?.severity === 1, 'missing-lead back to an error');
    });
});
