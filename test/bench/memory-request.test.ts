// planspec/memory: the server's own memory, which `npm run bench` compares after loading a
// workspace and after 1,000 edits.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { LspClient } from '../server/lsp-client.js';

describe('planspec/memory', () => {
    const client = new LspClient();
    afterAll(() => client.dispose());

    test('answers with the server process\'s own memory usage once a workspace is loaded', async () => {
        const folder = path.resolve('examples');
        await client.initialize(folder);
        const plan = pathToFileURL(path.join(folder, 'ca-mau', 'kh-qd634.plan')).href;
        await client.until(() => client.publications.has(plan), 'the diagnostics of the examples');
        const memory = await client.request<NodeJS.MemoryUsage>('planspec/memory', {});
        for (const key of ['rss', 'heapTotal', 'heapUsed', 'external'] as const) {
            expect(typeof memory[key], key).toBe('number');
        }
        // The server's own figures, not the test's: it holds the parsed workspace.
        expect(memory.rss).toBeGreaterThan(memory.heapUsed);
        expect(memory.heapUsed).toBeGreaterThan(10 * 1024 * 1024);
        expect(memory.rss).not.toBe(process.memoryUsage().rss);
    }, 120_000);
});
