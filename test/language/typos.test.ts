/**
 * One typo, one finding: seeded typos, in small fixtures (test/fixtures/typos/*.plan, the expected
 * message in `// expect:` lines, its place marked with ⟦ ⟧) and taken into the real plans of
 * examples/ (test/fixtures/typos/examples.json). Each yields exactly one finding, a syntax error at
 * the typo, bilingual, saying what was expected; nothing else in the file changes but what the typo
 * made unreadable.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Range } from 'vscode-languageserver';
import { actionsFor, applyWorkspaceEdit, examplesWorkspace, nfd } from '../fix-helpers.js';
import type { TextDiagnostic } from '../helpers.js';
import { CLOSE, load, OPEN } from '../helpers.js';

const DIR = 'test/fixtures/typos';

interface ExampleCase {
    name: string;
    file: string;
    edits: Array<{ find: string; replace: string }>;
    expect: string[];
}

const fixtures = fs.readdirSync(DIR).filter(f => f.endsWith('.plan')).sort();
const examples = (JSON.parse(fs.readFileSync(path.join(DIR, 'examples.json'), 'utf8')) as { cases: ExampleCase[] }).cases;

function expectationsOf(source: string): RegExp[] {
    return [...source.matchAll(/^\/\/ expect: (.*)$/gmu)].map(m => new RegExp(m[1], 'u'));
}

/** The one new finding: a syntax error at the marked range, bilingual, matching every expectation. */
function expectOneSyntaxError(diagnostics: TextDiagnostic[], marked: Range[], expectations: RegExp[]): void {
    expect(marked).toHaveLength(1);
    expect(expectations.length).toBeGreaterThan(0);
    expect(diagnostics.map(d => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code ?? 'syntax-error'} ${d.message}`)).toHaveLength(1);
    const [finding] = diagnostics;
    expect(finding.code).toBeUndefined();
    expect(finding.severity).toBe(1);
    expect(finding.range).toEqual(marked[0]);
    const message = finding.message.normalize('NFC');
    for (const expectation of expectations) {
        expect(message).toMatch(expectation);
    }
    // Vietnamese first, then English; never a token type.
    expect(message).toMatch(/^[^/]*\p{L}.* \/ [A-Z"]/u);
    expect(message).not.toMatch(/\b(STRING|ID|NUMBER|EOF|MONTH_YEAR)\b|Expecting|token of type/);
}

describe('one typo, one finding: small fixtures', () => {
    for (const file of fixtures) {
        for (const form of ['NFC', 'NFD'] as const) {
            test(`${file} (${form})`, async () => {
                const source = fs.readFileSync(path.join(DIR, file), 'utf8');
                expect(source.includes(OPEN) && source.includes(CLOSE)).toBe(true);
                const { diagnostics, marked } = await load(form === 'NFC' ? source.normalize('NFC') : nfd(source) as string);
                expectOneSyntaxError(diagnostics, marked, expectationsOf(source.normalize('NFC')));
            });
        }
    }

    test('the quick fix of a syntax error, where its correction is certain, makes the file clean', async () => {
        let fixed = 0;
        for (const file of fixtures) {
            const source = fs.readFileSync(path.join(DIR, file), 'utf8');
            const title = /^\/\/ fix: (.*)$/mu.exec(source)?.[1];
            const loaded = await load(source);
            const actions = await actionsFor(loaded, loaded.diagnostics[0]);
            if (!title) {
                expect(actions.map(a => `${file}: ${a.title}`)).toEqual([]);
                continue;
            }
            expect(actions.map(a => a.title), file).toHaveLength(1);
            expect(actions[0].title).toMatch(new RegExp(title, 'u'));
            const text = applyWorkspaceEdit({ 'main.plan': loaded.main.textDocument.getText() }, actions[0].edit)['main.plan'];
            const after = await load(text);
            expect(after.diagnostics.map(d => `${file}: ${d.code} ${d.message}`)).toEqual([]);
            fixed++;
        }
        expect(fixed).toBe(9);
    });

    test('every fixture without its typo is clean: the finding is the typo\'s', async () => {
        const corrections: Record<string, [string, string]> = {
            'unclosed-string.plan': ['ma túy {', 'ma túy" {'],
            'missing-brace.plan': ['31/12/2025⟦⟧\n', '31/12/2025\n    }\n'],
            'chu-tri.plan': ['chủ tri', 'chủ trì'],
            'phoi-hop.plan': ['phoi hop', 'phối hợp'],
            'can-cu.plan': ['can cu', 'căn cứ'],
            'id-in-quotes.plan': ['"CA_TINH"', 'CA_TINH'],
            'lead-in-plan.plan': ['⟦chủ trì⟧ CA_TINH', ''],
            'number-in-task.plan': ['⟦số⟧ "5/KH"', ''],
            'section-in-task.plan': ['⟦phần⟧ "1"', ''],
            'old-month.plan': ['12/2025', 'tháng 12/2025'],
            'document-kind.plan': ['quyết địh', 'quyết định'],
            'glued-keyword.plan': ['chủ trìx', 'chủ trì'],
            'short-keyword.plan': ['hạnn', 'hạn'],
        };
        expect(Object.keys(corrections).sort()).toEqual(fixtures);
        for (const file of fixtures) {
            const [typo, fixed] = corrections[file];
            const source = fs.readFileSync(path.join(DIR, file), 'utf8').replace(/^(\/\/ (expect|fix):.*\n)+/u, '');
            expect(source).toContain(typo);
            const { diagnostics } = await load(source.replace(typo, fixed));
            expect(diagnostics.map(d => `${file} ${d.code} ${d.message}`)).toEqual([]);
        }
    });
});

describe('one typo, one finding: in the real plans of examples/', () => {
    for (const c of examples) {
        test(c.name, async () => {
            const original = fs.readFileSync(path.join('examples', c.file), 'utf8');
            let text = original.replace(/[⟦⟧]/g, '');
            let from = 0;
            for (const edit of c.edits) {
                const at = text.indexOf(edit.find, from);
                expect(at, `${c.file}: ${JSON.stringify(edit.find)}`).toBeGreaterThanOrEqual(0);
                text = text.slice(0, at) + edit.replace + text.slice(at + edit.find.length);
                from = at + edit.replace.length;
            }
            // The typo stays on the lines it was typed on: the other findings keep their places.
            expect(text.replace(/[⟦⟧]/g, '').split('\n')).toHaveLength(original.split('\n').length);
            const before = await load(examplesWorkspace(c.file));
            const after = await load(examplesWorkspace(c.file, () => text));
            // A rule finding is the same finding when its place and rule are: a plan-wide summary (e.g.
            // task-without-deadline's list of lines) may count fewer tasks once the typo hides some.
            const key = (d: TextDiagnostic) => d.code === undefined ? `${d.range.start.line + 1} ${d.message}` : `${d.range.start.line + 1} ${d.code}`;
            const known = new Set(before.diagnostics.map(key));
            const fresh = after.diagnostics.filter(d => !known.has(key(d)));
            expectOneSyntaxError(fresh, after.marked, c.expect.map(e => new RegExp(e, 'u')));
            // Nothing else is new: no cascade of rule findings.
            expect(after.diagnostics.filter(d => d.code !== undefined && !known.has(key(d))).map(key)).toEqual([]);
        });
    }
});
