import * as fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { load } from './helpers.js';

/**
 * The editor validates on every keystroke, so every rule meets every half-typed state. Cut real
 * plans at many places and check that no rule throws (the runner reports a throwing rule as an
 * "internal error"; Langium reports other failures as "An error occurred during validation").
 */
const REGISTRIES = {
    'co-quan.plan': fs.readFileSync('examples/vinh-phuc/co-quan.plan', 'utf8'),
    'quoc-gia.plan': fs.readFileSync('examples/quoc-gia/co-quan.plan', 'utf8'),
    'van-ban.plan': fs.readFileSync('examples/quoc-gia/van-ban.plan', 'utf8'),
    'chi-so.plan': fs.readFileSync('examples/quoc-gia/chi-so.plan', 'utf8'),
};

describe('rules on incomplete input', () => {
    const sources = {
        'vinh-phuc plan': fs.readFileSync('examples/vinh-phuc/ke-hoach-ct39.plan', 'utf8'),
        'ca-mau plan': fs.readFileSync('examples/ca-mau/kh-qd634.plan', 'utf8'),
    };
    for (const [name, source] of Object.entries(sources)) {
        test(`no rule throws on ${name} cut at 40 places`, async () => {
            const internal: string[] = [];
            for (let i = 1; i <= 40; i++) {
                const cut = source.slice(0, Math.floor((source.length * i) / 41));
                const loaded = await load({ 'plan.plan': cut, ...REGISTRIES });
                internal.push(...loaded.diagnostics.filter(d => /error occurred|internal error/i.test(d.message)).map(d => `cut ${i}: ${d.message}`));
            }
            expect(internal).toEqual([]);
        }, 120_000);
    }
});
