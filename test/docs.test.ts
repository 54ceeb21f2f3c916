import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { renderRulesIndex } from '../src/linter/docs.js';
import { allRules } from '../src/linter/registry.js';
import { findingsOf, load } from './helpers.js';

const DOCS = 'docs/rules';
const registry = fs.readFileSync(path.join(DOCS, 'example-registry.plan'), 'utf8');

function example(page: string, heading: 'Failing example' | 'Passing example'): string | undefined {
    const match = new RegExp(`## ${heading}[^\\n]*\\n+\`\`\`plan\\n([\\s\\S]*?)\`\`\``).exec(page);
    return match?.[1];
}

describe('rule docs', () => {
    test('every rule has a page and every page a rule', () => {
        const pages = fs.readdirSync(DOCS).filter(f => f.endsWith('.md') && f !== 'README.md').map(f => f.slice(0, -3)).sort();
        expect(pages).toEqual(allRules.map(r => r.meta.id).sort());
    });

    test('the catalog page docs/rules/README.md is up to date (run `npm run docs`)', () => {
        expect(fs.readFileSync(path.join(DOCS, 'README.md'), 'utf8')).toBe(renderRulesIndex(allRules));
    });

    describe.each(allRules.map(r => [r.meta.id, r] as const))('%s', (id, rule) => {
        const page = fs.existsSync(path.join(DOCS, `${id}.md`)) ? fs.readFileSync(path.join(DOCS, `${id}.md`), 'utf8') : '';

        test('the page names the rule, its description and default severity', () => {
            expect(page.startsWith(`# ${id}\n`)).toBe(true);
            expect(page).toContain(rule.meta.description);
            expect(page).toContain(`| ${rule.meta.category} | ${rule.meta.defaultSeverity} |`);
        });

        test('the failing example makes the rule fire', async () => {
            const source = example(page, 'Failing example');
            expect(source, 'a ```plan block under "## Failing example"').toBeDefined();
            const loaded = await load({ 'example.plan': source!, 'example-registry.plan': registry });
            expect(loaded.main.parseResult.parserErrors).toEqual([]);
            expect(findingsOf(loaded, id).length).toBeGreaterThan(0);
        });

        test('the passing example leaves it silent', async () => {
            const source = example(page, 'Passing example');
            expect(source, 'a ```plan block under "## Passing example"').toBeDefined();
            const loaded = await load({ 'example.plan': source!, 'example-registry.plan': registry });
            expect(loaded.main.parseResult.parserErrors).toEqual([]);
            expect(findingsOf(loaded, id)).toEqual([]);
        });
    });
});
