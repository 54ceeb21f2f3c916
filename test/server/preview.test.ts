import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PreviewModel } from '../../src/ide/preview-json.js';
import { PREVIEW_REQUEST } from '../../src/ide/preview-json.js';
import { LspClient, positionAt } from './lsp-client.js';

/** `planspec/preview` over stdio, as the VS Code extension asks for it, on examples/. */
const EXAMPLES = path.resolve('examples');
const CA_MAU = path.join(EXAMPLES, 'ca-mau', 'kh-qd634.plan');
const uri = (file: string) => pathToFileURL(file).href;
const planFiles = fs.readdirSync(EXAMPLES, { recursive: true, encoding: 'utf8' }).filter(f => f.endsWith('.plan')).map(f => path.join(EXAMPLES, f));

describe('planspec/preview over stdio', () => {
    const client = new LspClient();
    const text = fs.readFileSync(CA_MAU, 'utf8');

    beforeAll(async () => {
        await client.initialize(EXAMPLES);
        await client.until(() => planFiles.every(f => client.diagnostics.has(uri(f))), 'diagnostics of every example');
    }, 120_000);

    afterAll(() => client.dispose());

    test('returns the model of the Cà Mau plan: header, tasks with ranges, matrix, timeline', async () => {
        const model = await client.request<PreviewModel>(PREVIEW_REQUEST, { uri: uri(CA_MAU) });
        expect(model.uri).toBe(uri(CA_MAU));
        expect(model.plans).toHaveLength(1);
        const plan = model.plans[0];
        expect(plan).toMatchObject({ id: 'CaMau.KH_QD634', kindLabel: 'Kế hoạch', date: '2020-06-16', error: null });
        expect(plan.title).toMatch(/^TRIỂN KHAI, THỰC HIỆN QUYẾT ĐỊNH SỐ 634\/QĐ-TTG/);
        expect(plan.tasks.length).toBe(56);
        const first = plan.tasks.find(t => t.key === 'NV_II_1')!;
        const lines = text.split('\n');
        expect(lines[first.range!.start.line].slice(first.range!.start.character)).toMatch(/^\[1\.\] nhiệm vụ NV_II_1 "Các sở, ban, ngành tỉnh/);
        expect(plan.matrix.rows.find(r => r.party.id === 'CaMau.CA_TINH')!.counts.lead).toBeGreaterThan(5);
        expect(plan.timeline.period).toBeNull();
        expect(model.problems.syntax).toBe(0);
    });

    test('follows an edit sent just before the request', async () => {
        await client.open(uri(CA_MAU), text, 1);
        const edited = text.replace('"Tiếp tục xây dựng, hoàn thiện chính sách', '"Đã sửa: tiếp tục xây dựng, hoàn thiện chính sách');
        // No waiting for diagnostics: the request must see the new text.
        await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(CA_MAU), version: 2 }, contentChanges: [{ text: edited }] });
        const model = await client.request<PreviewModel>(PREVIEW_REQUEST, { uri: uri(CA_MAU) });
        const task = model.plans[0].tasks.find(t => t.key === 'NV_II_2')!;
        expect(task.text).toMatch(/^Đã sửa: tiếp tục/);
        const at = edited.indexOf('[2.] nhiệm vụ NV_II_2');
        expect(task.range!.start).toEqual(positionAt(edited, at));
        await client.change(uri(CA_MAU), text, 3);
    });

    test('a file that is not in the workspace is refused with an error, not a hang', async () => {
        await expect(client.request(PREVIEW_REQUEST, { uri: uri(path.join(EXAMPLES, 'nowhere.plan')) })).rejects.toThrow();
        await expect(client.request(PREVIEW_REQUEST, {})).rejects.toThrow(/uri/);
    });
});
