import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { allRules } from '../../src/linter/registry.js';
import { SNIPPETS } from '../../src/ide/completion-snippets.js';
import { renderSnippetsJson } from '../../src/ide/snippets-json.js';

/** The extension's contributions (package.json, language-configuration.json, nls, snippets, icon) hold together. */

interface Command { command: string; title: string; category?: string; icon?: string }
interface MenuItem { command: string; when?: string; group?: string }
const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const contributes = pkg.contributes;
const nls: Record<string, Record<string, string>> = {
    en: JSON.parse(fs.readFileSync('package.nls.json', 'utf8')),
    vi: JSON.parse(fs.readFileSync('package.nls.vi.json', 'utf8')),
};
const languageConfiguration = JSON.parse(fs.readFileSync('language-configuration.json', 'utf8'));

/** Every `%key%` placeholder used in package.json. */
function nlsKeys(value: unknown): string[] {
    if (typeof value === 'string') {
        const m = /^%(.+)%$/.exec(value);
        return m ? [m[1]] : [];
    }
    if (Array.isArray(value)) return value.flatMap(nlsKeys);
    if (value && typeof value === 'object') return Object.values(value).flatMap(nlsKeys);
    return [];
}

const AGREED_COMMANDS = [
    'planspec.compile', 'planspec.checkWorkspace', 'planspec.showRuleDocumentation',
    'planspec.openPreview', 'planspec.openPreviewToSide', 'planspec.askOfficialName', 'planspec.importPlan',
];

describe('package.json', () => {
    test('is both the npm package and a VS Code extension', () => {
        expect(pkg.name).toBe('planspec');
        expect(pkg.publisher).toBe('planspec');
        expect(pkg.engines.vscode).toBe('^1.101.0');
        expect(pkg.devDependencies['@types/vscode']).toBe('~1.101.0');
        expect(pkg.main).toBe('./dist/extension.cjs');
        expect(pkg.bin).toEqual({ 'planspec': 'bin/planspec.js', 'planspec-language-server': 'bin/planspec-language-server.js' });
        expect(pkg.activationEvents).toEqual(['onLanguage:planspec', 'workspaceContains:**/*.plan', 'workspaceContains:**/planspec.config.json']);
        expect(pkg.capabilities.untrustedWorkspaces).toEqual({ supported: true });
        expect(pkg.capabilities.virtualWorkspaces.supported).toBe('limited');
        expect(pkg.repository).toBeUndefined();
        expect(pkg.files).toBeUndefined(); // vsce refuses "files" next to .vscodeignore: npm uses .npmignore
    });

    test('contributes exactly the agreed commands, each with a category and a title in English and Vietnamese', () => {
        const commands = contributes.commands as Command[];
        expect(commands.map(c => c.command).sort()).toEqual([...AGREED_COMMANDS].sort());
        for (const c of commands) {
            expect(c.category).toBe('planspec');
            const key = /^%(.+)%$/.exec(c.title)?.[1];
            expect(key, c.command).toBeDefined();
            expect(nls.en[key!]?.length, `${key} in package.nls.json`).toBeGreaterThan(3);
            expect(nls.vi[key!]?.length, `${key} in package.nls.vi.json`).toBeGreaterThan(3);
            expect(nls.vi[key!]).not.toBe(nls.en[key!]);
        }
    });

    test('every %key% is in both nls files, and the nls files have no other keys', () => {
        const used = [...new Set(nlsKeys(pkg))].sort();
        expect(Object.keys(nls.en).sort()).toEqual(used);
        expect(Object.keys(nls.vi).sort()).toEqual(used);
        for (const [key, text] of Object.entries(nls.vi)) {
            expect(text.normalize('NFC'), key).toBe(text);
        }
    });

    test('menus and keybindings name contributed commands; the internal command is hidden from the palette', () => {
        const ids = new Set((contributes.commands as Command[]).map(c => c.command));
        const items = Object.values(contributes.menus as Record<string, MenuItem[]>).flat();
        for (const item of [...items, ...contributes.keybindings]) {
            expect(ids.has(item.command), item.command).toBe(true);
        }
        const palette = contributes.menus.commandPalette as MenuItem[];
        expect(palette.find(i => i.command === 'planspec.askOfficialName')?.when).toBe('false');
        expect(palette.find(i => i.command === 'planspec.compile')?.when).toBe('editorLangId == planspec');
        expect(contributes.menus['editor/title'].map((i: MenuItem) => i.command).sort()).toEqual(['planspec.compile', 'planspec.openPreviewToSide']);
        const explorer = contributes.menus['explorer/context'] as MenuItem[];
        expect(explorer.filter(i => i.command !== 'planspec.importPlan').every(i => i.when === 'resourceExtname == .plan')).toBe(true);
        // Import is offered on the files it reads, and from the palette everywhere (it asks for a file).
        expect(explorer.find(i => i.command === 'planspec.importPlan')?.when).toBe('resourceExtname == .docx || resourceExtname == .txt');
        expect(palette.find(i => i.command === 'planspec.importPlan')?.when).toBeUndefined();
        expect(contributes.keybindings).toContainEqual(expect.objectContaining({ command: 'planspec.openPreview', key: 'ctrl+shift+v', mac: 'cmd+shift+v' }));
    });

    test('the files it names exist (after `npm run build`) and the grammar is the one the generator writes', () => {
        const language = contributes.languages.find((l: { id: string }) => l.id === 'planspec');
        expect(language.extensions).toEqual(['.plan']);
        expect(language.aliases).toEqual(['planspec', 'Kế hoạch']);
        const files = [
            pkg.icon, language.configuration, language.icon.light, language.icon.dark,
            ...contributes.grammars.map((g: { path: string }) => g.path),
            ...contributes.snippets.map((s: { path: string }) => s.path),
            ...contributes.jsonValidation.map((j: { url: string }) => j.url),
        ];
        for (const file of files) {
            expect(fs.existsSync(file), file).toBe(true);
        }
        const grammar = JSON.parse(fs.readFileSync(contributes.grammars[0].path, 'utf8'));
        expect(contributes.grammars[0]).toEqual({ language: 'planspec', scopeName: grammar.scopeName, path: './syntaxes/planspec.tmLanguage.json' });
        expect(contributes.jsonValidation).toEqual([{ fileMatch: 'planspec.config.json', url: './schemas/planspec.config.schema.json' }]);
    });

    test('settings: planspec.rules takes every rule id and the four severities, and nothing else', () => {
        const properties = contributes.configuration.properties;
        expect(Object.keys(properties).sort()).toEqual(['planspec.compile.outputFolder', 'planspec.docsUrl', 'planspec.rules', 'planspec.trace.server']);
        const rules = properties['planspec.rules'];
        expect(rules.additionalProperties.enum).toEqual(['off', 'info', 'warning', 'error']);
        const idPattern = new RegExp(rules.propertyNames.pattern);
        expect(allRules.map(r => r.meta.id).filter(id => !idPattern.test(id))).toEqual([]);
        expect(idPattern.test('../x')).toBe(false);
        expect(properties['planspec.trace.server'].enum).toEqual(['off', 'messages', 'verbose']);
        const docsUrl = new RegExp(properties['planspec.docsUrl'].pattern);
        expect(['', 'https://example.org/docs/rules/', 'file:///srv/docs/'].every(u => docsUrl.test(u))).toBe(true);
        expect(docsUrl.test('javascript:alert(1)')).toBe(false);
    });
});

describe('language-configuration.json', () => {
    const wordPattern = new RegExp(languageConfiguration.wordPattern, 'g');
    const words = (text: string) => [...text.matchAll(wordPattern)].map(m => m[0]);

    test('a double-click selects a whole Vietnamese word or id, composed or decomposed', () => {
        for (const form of ['NFC', 'NFD'] as const) {
            const text = 'Sở Tư pháp, Đồng Nai (CA_TINH); 634/QĐ-TTg "Ủy ban"'.normalize(form);
            expect(words(text)).toEqual(['Sở', 'Tư', 'pháp', 'Đồng', 'Nai', 'CA_TINH', '634', 'QĐ', 'TTg', 'Ủy', 'ban'].map(w => w.normalize(form)));
        }
    });

    test('every Vietnamese letter, in both cases, with every tone mark, is part of a word', () => {
        const vowels = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
        const tones = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
        const letters = [...vowels.flatMap(v => tones.map(t => (v + t).normalize('NFC'))), 'đ', ...'bcdghklmnpqrstvx'];
        for (const letter of letters.flatMap(l => [l, l.toUpperCase()])) {
            for (const form of ['NFC', 'NFD'] as const) {
                const word = `x${letter}x`.normalize(form);
                expect(words(` ${word} `), JSON.stringify(word)).toEqual([word]);
            }
        }
    });

    test('comments, brackets and pairs, the Vietnamese quotation marks included', () => {
        expect(languageConfiguration.comments).toEqual({ lineComment: '//', blockComment: ['/*', '*/'] });
        expect(languageConfiguration.brackets).toEqual([['{', '}'], ['[', ']'], ['(', ')']]);
        const pairs = languageConfiguration.autoClosingPairs.map((p: { open: string; close: string }) => p.open + p.close);
        expect(pairs).toEqual(expect.arrayContaining(['{}', '[]', '()', '""', '“”']));
        expect(languageConfiguration.surroundingPairs).toEqual(expect.arrayContaining([['"', '"'], ['“', '”']]));
    });

    test('indentation: one level after a line that opens a block, back at its closing brace', () => {
        const increase = new RegExp(languageConfiguration.indentationRules.increaseIndentPattern);
        const decrease = new RegExp(languageConfiguration.indentationRules.decreaseIndentPattern);
        expect(increase.test('kế hoạch KH_PCMT "Phòng, chống ma túy năm 2025" {')).toBe(true);
        expect(increase.test('    phần "II" "NHIỆM VỤ" {   ')).toBe(true);
        expect(increase.test('    nhiệm vụ NV2 "…" { chủ trì CA_TINH }')).toBe(false);
        expect(increase.test('    "Đoạn có dấu { trong chuỗi"')).toBe(false);
        expect(increase.test('// chú thích {')).toBe(false);
        expect(decrease.test('    }')).toBe(true);
        expect(decrease.test('    chủ trì CA_TINH')).toBe(false);
    });

    test('Enter inside a doc comment continues it with " * "', () => {
        const [open, , inside, close] = languageConfiguration.onEnterRules as Array<{ beforeText: string; afterText?: string; previousLineText?: string; action: { appendText?: string; removeText?: number } }>;
        expect(new RegExp(open.beforeText).test('    /** Cơ quan chủ trì')).toBe(true);
        expect(new RegExp(open.afterText!).test(' */')).toBe(true);
        expect(open.action.appendText).toBe(' * ');
        expect(new RegExp(open.beforeText).test('    /** một dòng */')).toBe(false);
        expect(new RegExp(inside.beforeText).test('     * dòng tiếp')).toBe(true);
        expect(new RegExp(close.beforeText).test('     */')).toBe(true);
        expect(close.action.removeText).toBe(1);
    });
});

describe('snippets and icon', () => {
    test('snippets/planspec.json is generated from the completion templates, answering to the keyword with and without diacritics', () => {
        const file = fs.readFileSync('snippets/planspec.json', 'utf8');
        expect(file).toBe(renderSnippetsJson(SNIPPETS));
        const snippets = JSON.parse(file) as Record<string, { prefix: string[]; body: string[] }>;
        expect(Object.keys(snippets)).toHaveLength(SNIPPETS.length);
        const plan = snippets['Kế hoạch / Plan'];
        expect(plan.prefix).toEqual(['kế hoạch', 'ke hoach', 'plan']);
        expect(plan.body.join('\n')).toBe(SNIPPETS.find(s => s.keywords[1] === 'plan')!.body);
    });

    test('images/icon.png is a 128×128 PNG that scripts/generate-icon.mjs reproduces byte for byte', () => {
        const png = fs.readFileSync('images/icon.png');
        expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
        expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([128, 128]);
        const again = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'planspec-icon-')), 'icon.png');
        execFileSync(process.execPath, ['scripts/generate-icon.mjs', '--out', again]);
        expect(fs.readFileSync(again).equals(png)).toBe(true);
        fs.rmSync(path.dirname(again), { recursive: true });
    });
});
