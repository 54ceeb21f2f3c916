import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SemanticTokens } from 'vscode-languageserver';
import { LspClient } from './lsp-client.js';

/**
 * An open plan changes colour when a registry beside it is edited (its references resolve or break),
 * and the editor asks again for a text's tokens only when that text is edited: the server tells it
 * to ask for all of them (`workspace/semanticTokens/refresh`) after a build that relinked an open,
 * unedited file, and only then.
 */
const REGISTRY = 'phạm vi VinhPhuc\ncơ quan UBND_TINH "Ủy ban nhân dân tỉnh"\ncơ quan SO_TP "Sở Tư pháp" thuộc UBND_TINH\n';
const PLAN = 'phạm vi VinhPhuc\nkế hoạch KH "Kế hoạch" {\n    số "1/KH-UBND"  ngày 02/01/2020  của UBND_TINH\n    nhiệm vụ NV1 "Rà soát" { chủ trì SO_TP  hạn 31/12/2020 }\n}\n';

describe('semantic tokens refreshed after a registry edit (over stdio)', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'planspec-refresh-'));
    const registry = pathToFileURL(path.join(folder, 'co-quan.plan')).href;
    const plan = pathToFileURL(path.join(folder, 'ke-hoach.plan')).href;
    const client = new LspClient();
    let refreshes = 0;
    client.connection.onRequest('workspace/semanticTokens/refresh', () => {
        refreshes++;
        return null;
    });
    let legend: { tokenTypes: string[] };

    beforeAll(async () => {
        fs.writeFileSync(path.join(folder, 'co-quan.plan'), REGISTRY);
        fs.writeFileSync(path.join(folder, 'ke-hoach.plan'), PLAN);
        const capabilities = await client.initialize(folder, { workspace: { semanticTokens: { refreshSupport: true } } });
        legend = (capabilities.semanticTokensProvider as { legend: { tokenTypes: string[] } }).legend;
        await client.until(() => client.diagnostics.has(registry) && client.diagnostics.has(plan), 'diagnostics of both files');
    }, 60_000);

    afterAll(() => {
        client.dispose();
        fs.rmSync(folder, { recursive: true, force: true });
    });

    /** The token type at the first occurrence of `text` in the plan, if any. */
    const typeAt = async (text: string, source: string) => {
        const { data } = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: plan } });
        const lines = source.split('\n');
        const line = lines.findIndex(l => l.includes(text));
        let at = 0;
        let start = 0;
        for (let i = 0; i + 4 < data.length; i += 5) {
            at += data[i];
            start = data[i] === 0 ? start + data[i + 1] : data[i + 1];
            if (at === line && start === lines[line].indexOf(text)) {
                return legend.tokenTypes[data[i + 3]];
            }
        }
        return undefined;
    };

    test('an edit of the plan alone asks for nothing; an edit of the registry does, and the tokens follow it', async () => {
        await client.open(plan, PLAN, 1);
        await client.open(registry, REGISTRY, 1);
        expect(await typeAt('SO_TP', PLAN)).toBe('class');
        const before = refreshes;
        const edited = `${PLAN}// ghi chú\n`;
        await client.change(plan, edited, 2);
        // Renamed in the registry: SO_TP no longer resolves in the plan, which was not edited.
        await client.change(registry, REGISTRY.replace('SO_TP', 'SO_TU_PHAP'), 2);
        await client.until(() => refreshes > before, 'a semantic tokens refresh');
        // Messages keep their order: a refresh for the plan's own edit would have come first.
        expect(refreshes).toBe(before + 1);
        expect(await typeAt('SO_TP', edited)).toBeUndefined();
        expect(client.diagnostics.get(plan)?.some(d => (typeof d.message === 'string' ? d.message : d.message.value).includes('SO_TP'))).toBe(true);
    }, 60_000);
});
