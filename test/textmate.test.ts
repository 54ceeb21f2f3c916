import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AstNode } from 'langium';
import { AstUtils, GrammarUtils } from 'langium';
import { beforeAll, describe, expect, test } from 'vitest';
import oniguruma from 'vscode-oniguruma';
import textmate from 'vscode-textmate';
import type { IGrammar } from 'vscode-textmate';
import { PlanspecGrammar } from '../src/language/generated/grammar.js';
import { equivalentSpellings } from '../src/language/planspec-token-builder.js';
import { renderTextMateGrammar, SCOPES } from '../src/ide/textmate-grammar.js';
import { findNumbers } from '../src/semantics/citations.js';
import { services } from './helpers.js';

/**
 * The TextMate grammar, tokenized by vscode-textmate with the real Oniguruma (as VS Code does),
 * against the Langium lexer: every keyword the lexer reads is coloured as a keyword over its whole
 * span, and nothing else is, in the examples as written, decomposed (NFD), in capitals, with extra
 * blanks inside keywords and with the mixed spellings the lexer accepts.
 */

const GRAMMAR_FILE = 'syntaxes/planspec.tmLanguage.json';
const KEYWORD_SCOPES: string[] = [SCOPES.control, SCOPES.other];
const TERMINALS = new Set(PlanspecGrammar().rules.filter(r => r.$type === 'TerminalRule').map(r => r.name));

let grammar: IGrammar;

beforeAll(async () => {
    const wasm = fs.readFileSync(path.join('node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
    const registry = new textmate.Registry({
        onigLib: Promise.resolve({
            createOnigScanner: patterns => new oniguruma.OnigScanner(patterns),
            createOnigString: text => new oniguruma.OnigString(text),
        }),
        loadGrammar: async () => textmate.parseRawGrammar(fs.readFileSync(GRAMMAR_FILE, 'utf8'), GRAMMAR_FILE),
    });
    grammar = (await registry.loadGrammar('source.planspec'))!;
    expect(grammar).toBeTruthy();
});

/** The scope stack of each UTF-16 unit of the text (undefined on line breaks). */
function scopesOf(text: string): Array<string[] | undefined> {
    const result: Array<string[] | undefined> = new Array(text.length);
    let stack = textmate.INITIAL;
    const lines = text.split(/(\r\n|\r|\n)/);
    let offset = 0;
    for (let i = 0; i < lines.length; i += 2) {
        const line = lines[i];
        const tokenized = grammar.tokenizeLine(line, stack);
        expect(tokenized.stoppedEarly).toBe(false);
        for (const token of tokenized.tokens) {
            for (let at = token.startIndex; at < Math.min(token.endIndex, line.length); at++) {
                result[offset + at] = token.scopes;
            }
        }
        stack = tokenized.ruleStack;
        offset += line.length + (lines[i + 1]?.length ?? 0);
    }
    return result;
}

const innermost = (scopes: string[] | undefined) => scopes?.[scopes.length - 1];
const isWordKeyword = (name: string) => !TERMINALS.has(name) && /\p{L}/u.test(name);

interface Token {
    name: string;
    start: number;
    /** Exclusive. */
    end: number;
    image: string;
}

function lex(text: string): Token[] {
    const { tokens, hidden } = services.parser.Lexer.tokenize(text);
    return [...tokens, ...(hidden ?? [])]
        .map(t => ({ name: t.tokenType.name, start: t.startOffset, end: t.startOffset + t.image.length, image: t.image }))
        .sort((a, b) => a.start - b.start);
}

/**
 * Every difference between the colouring and the lexer: each problem names the token, its offset
 * and what was found. Empty when the two agree.
 */
function compare(text: string): string[] {
    const scopes = scopesOf(text);
    const tokens = lex(text);
    const problems: string[] = [];
    const where = (t: Token) => `${JSON.stringify(t.image)} (${t.name}) at ${t.start}`;
    const every = (t: Token, ok: (s: string[] | undefined) => boolean) => {
        for (let at = t.start; at < t.end; at++) {
            if (text[at] !== '\n' && text[at] !== '\r' && !ok(scopes[at])) {
                return false;
            }
        }
        return true;
    };
    const blanksBetween = (a: Token | undefined, b: Token | undefined) => !!a && !!b && /^[ \t]*$/.test(text.slice(a.end, b.start));
    const inKeyword = new Array<boolean>(text.length).fill(false);
    const visible = tokens.filter(t => t.name !== 'ML_COMMENT' && t.name !== 'SL_COMMENT');
    for (const [i, t] of visible.entries()) {
        const next = visible[i + 1];
        const expectOne = (expected: string | string[]) => {
            const allowed = [expected].flat();
            if (!every(t, s => allowed.includes(innermost(s)!))) {
                problems.push(`${where(t)}: ${innermost(scopes[t.start])}, expected ${allowed.join(' or ')}`);
            }
        };
        if (isWordKeyword(t.name)) {
            for (let at = t.start; at < t.end; at++) inKeyword[at] = true;
            expectOne(KEYWORD_SCOPES);
        } else if (['DATE', 'DAY_MONTH', 'MONTH_YEAR', 'ROMAN_YEAR'].includes(t.name)) {
            expectOne(SCOPES.date);
        } else if (t.name === 'NUMBER') {
            const longDate = (k: number) => visible[k]?.name === 'NUMBER' && /^(tháng|month)$/i.test(visible[k + 1]?.image.normalize('NFC') ?? '')
                && visible[k + 2]?.name === 'NUMBER' && blanksBetween(visible[k], visible[k + 1]) && blanksBetween(visible[k + 1], visible[k + 2]);
            const inDate = longDate(i) || longDate(i - 2)
                || (/^(năm|year)$/i.test(visible[i - 1]?.image.normalize('NFC') ?? '') && longDate(i - 4) && blanksBetween(visible[i - 2], visible[i - 1]) && blanksBetween(visible[i - 1], t));
            expectOne(next?.name === '%' && blanksBetween(t, next) ? SCOPES.percentage : inDate ? SCOPES.date : SCOPES.number);
        } else if (t.name === '%') {
            expectOne(blanksBetween(visible[i - 1], t) && visible[i - 1].name === 'NUMBER' ? SCOPES.percentage : 'keyword.other.unit.percent.planspec');
        } else if (t.name === 'STRING') {
            if (!every(t, s => !!s?.includes(SCOPES.string))) {
                problems.push(`${where(t)}: not all of it is a string`);
            }
        } else if (t.name === 'ITEM_NUMBER') {
            expectOne(SCOPES.itemNumber);
        } else if (t.name === 'ID') {
            expectOne([SCOPES.id, SCOPES.name]);
        } else if (!TERMINALS.has(t.name)) {
            if (!every(t, s => /^(punctuation|keyword\.operator)\./.test(innermost(s) ?? ''))) {
                problems.push(`${where(t)}: ${innermost(scopes[t.start])}, expected punctuation or an operator`);
            }
        }
    }
    for (const t of tokens.filter(t => t.name === 'ML_COMMENT' || t.name === 'SL_COMMENT')) {
        if (!every(t, s => !!s?.some(scope => scope.startsWith('comment.')))) {
            problems.push(`${where(t)}: not all of it is a comment`);
        }
    }
    // Nothing else is a keyword: not a word inside an identifier, a string or a comment.
    for (let at = 0; at < text.length; at++) {
        if (KEYWORD_SCOPES.includes(innermost(scopes[at])!) && !inKeyword[at]) {
            const lineStart = text.lastIndexOf('\n', at) + 1;
            problems.push(`${JSON.stringify(text.slice(lineStart, text.indexOf('\n', at) >>> 0).slice(0, 80))}: keyword colour at ${at} where the lexer reads no keyword`);
            while (at < text.length && KEYWORD_SCOPES.includes(innermost(scopes[at])!)) at++;
        }
    }
    return problems;
}

/** The offsets of declared names and of references, as the parser reads the text. */
function namesAndReferences(text: string): { names: Token[]; references: Token[] } {
    const model = services.parser.LangiumParser.parse(text).value;
    const names: Token[] = [];
    const references: Token[] = [];
    for (const node of AstUtils.streamAst(model)) {
        const name = (node as AstNode & { name?: unknown }).name;
        const cst = typeof name === 'string' ? GrammarUtils.findNodeForProperty(node.$cstNode, 'name') : undefined;
        if (cst) {
            names.push({ name: 'ID', start: cst.offset, end: cst.end, image: cst.text });
        }
        for (const ref of AstUtils.streamReferences(node)) {
            const refNode = ref.reference.$refNode;
            if (refNode) {
                references.push({ name: 'ref', start: refNode.offset, end: refNode.end, image: refNode.text });
            }
        }
    }
    return { names, references };
}

const examples = (function list(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => e.isDirectory()
        ? list(path.join(dir, e.name)) : e.name.endsWith('.plan') ? [path.join(dir, e.name)] : []);
})('examples').sort();

const readmeTour = /## A short tour of the language[\s\S]*?```\n([\s\S]*?)```/.exec(fs.readFileSync('README.md', 'utf8'))![1];

/** Rewrites the text of each keyword token the lexer finds. */
function respellKeywords(text: string, respell: (image: string) => string): string {
    let result = '';
    let at = 0;
    for (const t of lex(text).filter(t => isWordKeyword(t.name))) {
        result += text.slice(at, t.start) + respell(t.image);
        at = t.end;
    }
    return result + text.slice(at);
}

/** Each letter in another of its canonically equivalent spellings: NFC, NFD and mixed forms in turn. */
function mixed(image: string): string {
    return [...image.normalize('NFC')].map((ch, i) => {
        const spellings = equivalentSpellings(ch);
        return spellings[i % spellings.length];
    }).join('');
}

const VARIANTS: Record<string, (text: string) => string> = {
    'as written': text => text,
    'NFD': text => text.normalize('NFD'),
    'in capitals': text => text.toUpperCase(),
    'extra blanks inside keywords': text => respellKeywords(text, image => image.replace(/[ \t]+/g, '  \t ')),
    'mixed spellings of keywords': text => respellKeywords(text, mixed),
    'CRLF, NFD and capitals': text => text.replace(/\n/g, '\r\n').normalize('NFD').toUpperCase(),
};

describe('TextMate grammar', () => {
    test('is the one generated from the grammar (npm run build writes it; it is not committed)', () => {
        expect(fs.readFileSync(GRAMMAR_FILE, 'utf8')).toBe(renderTextMateGrammar(PlanspecGrammar()));
        expect(fs.readFileSync('.gitignore', 'utf8')).toMatch(/^syntaxes\/\*\.tmLanguage\.json$/m);
        // langium-cli would write its own, which leaves Vietnamese keywords uncoloured.
        expect(JSON.parse(fs.readFileSync('langium-config.json', 'utf8')).languages[0].textMate).toBeUndefined();
        expect(JSON.parse(fs.readFileSync('package.json', 'utf8')).scripts.build).toMatch(/generate-textmate\.mjs/);
    });

    test.each(Object.keys(VARIANTS))('colours every example as the lexer reads it: %s', variant => {
        let keywords = 0;
        for (const file of [...examples, 'README.md']) {
            const original = file === 'README.md' ? readmeTour : fs.readFileSync(file, 'utf8');
            const text = VARIANTS[variant](original);
            expect(compare(text), file).toEqual([]);
            keywords += lex(text).filter(t => isWordKeyword(t.name)).length;
        }
        expect(keywords).toBeGreaterThan(1_000);
    });

    test('every keyword of the grammar, in every spelling the lexer accepts, and not as the start of an id', () => {
        const words = PlanspecGrammar().rules.flatMap(r => r.$type === 'ParserRule' ? AstUtils.streamAllContents(r).toArray() : [])
            .flatMap(n => n.$type === 'Keyword' ? [(n as AstNode & { value: string }).value] : [])
            .filter((v, i, all) => /\p{L}/u.test(v) && all.indexOf(v) === i);
        expect(words.length).toBeGreaterThan(300);
        const forms = (v: string) => [v, v.normalize('NFD'), v.toUpperCase(), v.toUpperCase().normalize('NFD'), mixed(v),
            v.replace(/ /g, ' \t  '), v[0].toUpperCase() + v.slice(1)];
        const lines = words.flatMap(v => forms(v).flatMap(f => [f, `${f}x`, `x${f}`, `${f}_1`, `(${f})`, `"${f}"`, `// ${f}`, `1${f}`]));
        const text = lines.join('\n');
        expect(compare(text)).toEqual([]);
        // Each line alone: the keyword is what the lexer reads, so the test above checked all of them.
        // Each spelling alone on its line is read by the lexer as one keyword, so all of them were checked.
        const scopes = scopesOf(text);
        const tokens = lex(text);
        let at = 0;
        for (const [i, line] of lines.entries()) {
            if (i % 8 === 0) {
                const token = tokens.find(t => t.start === at);
                expect(token && isWordKeyword(token.name) && token.end === at + line.length, line).toBe(true);
                expect(KEYWORD_SCOPES, line).toContain(innermost(scopes[at]));
            }
            at += line.length + 1;
        }
        // The keywords langium-cli's grammar left uncoloured.
        for (const v of ['chủ trì', 'căn cứ', 'nhiệm vụ', 'số', 'Số', 'SỐ', 'số'.normalize('NFD'), 'CHỦ   TRÌ']) {
            expect(innermost(scopesOf(v)[0]), v).toMatch(/^keyword\./);
        }
    });

    test('scopes by kind: what opens a declaration, the other words, operators and punctuation', () => {
        const text = 'cơ quan CA "x" thuộc UBND\nnhiệm vụ NV1 "y" { chủ trì CA  hạn 20/7 hằng năm }\nchỉ tiêu T "z" đạt ≥ 90 % so với năm 2020';
        const scopes = scopesOf(text);
        const scopeAt = (needle: string) => innermost(scopes[text.indexOf(needle)]);
        expect(scopeAt('cơ quan')).toBe(SCOPES.control);
        expect(scopeAt('nhiệm vụ')).toBe(SCOPES.control);
        expect(scopeAt('chỉ tiêu')).toBe(SCOPES.control);
        expect(scopeAt('thuộc')).toBe(SCOPES.other);
        expect(scopeAt('chủ trì')).toBe(SCOPES.other);
        expect(scopeAt('hạn')).toBe(SCOPES.other);
        expect(scopeAt('hằng năm')).toBe(SCOPES.other);
        expect(scopeAt('so với')).toBe(SCOPES.other);
        expect(scopeAt('≥')).toBe(SCOPES.operator);
        expect(scopeAt('{')).toBe('punctuation.section.block.begin.planspec');
        expect(scopeAt('20/7')).toBe(SCOPES.date);
        expect(scopeAt('90 %')).toBe(SCOPES.percentage);
        expect(innermost(scopes[text.indexOf('%')])).toBe(SCOPES.percentage);
        expect(scopeAt('2020')).toBe(SCOPES.number);
        expect(scopeAt('CA "x"')).toBe(SCOPES.name);
        expect(scopeAt('NV1')).toBe(SCOPES.name);
        expect(scopeAt('T "z"')).toBe(SCOPES.name);
        expect(scopeAt('UBND')).toBe(SCOPES.id);
        expect(scopeAt('CA  hạn')).toBe(SCOPES.id);
        expect(compare(text)).toEqual([]);
    });

    test('keywords inside strings and comments are not keywords; number-symbols in strings are marked', () => {
        const text = [
            '// cơ quan chủ trì số căn cứ',
            '/* nhiệm vụ',
            '   phối hợp hằng năm */',
            '/** chỉ tiêu */',
            'phần "Căn cứ Quyết định số 634/QĐ-TTg ngày 13/5/2020, chủ trì \\"phối hợp\\" 27-NQ/TW" {',
            '    "nhiều dòng: căn cứ',
            '     số 73/2021/QH14" }',
        ].join('\n');
        const scopes = scopesOf(text);
        expect(compare(text)).toEqual([]);
        expect(innermost(scopes[0])).toBe('punctuation.definition.comment.planspec');
        expect(scopes[3]).toContain(SCOPES.lineComment);
        expect(scopes[text.indexOf('phối hợp')]).toContain(SCOPES.blockComment);
        expect(scopes[text.indexOf('chỉ tiêu')]).toContain(SCOPES.docComment);
        expect(innermost(scopes[text.indexOf('phần')])).toBe(SCOPES.control);
        for (const symbol of ['634/QĐ-TTg', '27-NQ/TW', '73/2021/QH14']) {
            const start = text.indexOf(symbol);
            for (let at = start; at < start + symbol.length; at++) {
                expect(innermost(scopes[at]), symbol).toBe(SCOPES.numberSymbol);
            }
            expect(innermost(scopes[start - 1])).toBe(SCOPES.string);
            expect(scopes[start + symbol.length]).toContain(SCOPES.string);
            expect(innermost(scopes[start + symbol.length])).not.toBe(SCOPES.numberSymbol);
        }
        // A date in prose is prose.
        expect(innermost(scopes[text.indexOf('13/5/2020')])).toBe(SCOPES.string);
        expect(innermost(scopes[text.indexOf('\\"')])).toBe(SCOPES.escape);
        expect(innermost(scopes[text.lastIndexOf('}')])).toBe('punctuation.section.block.end.planspec');
    });

    test('every number-symbol the checker finds in the examples\' strings is marked, NFC and NFD', () => {
        let found = 0;
        for (const file of examples) {
            const original = fs.readFileSync(file, 'utf8');
            for (const text of [original, original.normalize('NFD')]) {
                const scopes = scopesOf(text);
                const marked = new Set<string>();
                for (const t of lex(text).filter(t => t.name === 'STRING')) {
                    for (let at = t.start; at < t.end; at++) {
                        if (innermost(scopes[at]) === SCOPES.numberSymbol && innermost(scopes[at - 1]) !== SCOPES.numberSymbol) {
                            let end = at;
                            while (innermost(scopes[end]) === SCOPES.numberSymbol) end++;
                            marked.add(`${t.start}:${text.slice(at, end).normalize('NFC')}`);
                        }
                    }
                    // The checker reads the text in NFC.
                    const content = t.image.slice(1, -1).normalize('NFC');
                    for (const n of findNumbers(content)) {
                        found++;
                        expect(marked.has(`${t.start}:${n.printed}`), `${file}: ${n.printed}`).toBe(true);
                    }
                }
            }
        }
        expect(found).toBeGreaterThan(50);
    });

    test('the ids a declaration introduces are names; references never are', () => {
        let names = 0;
        for (const file of [...examples, 'README.md']) {
            const original = file === 'README.md' ? readmeTour : fs.readFileSync(file, 'utf8');
            for (const text of [original, original.normalize('NFD'), original.toUpperCase()]) {
                const scopes = scopesOf(text);
                const tokens = lex(text);
                const declared = namesAndReferences(text);
                for (const name of declared.names) {
                    const before = tokens.filter(t => t.end <= name.start && t.name !== 'SL_COMMENT' && t.name !== 'ML_COMMENT').pop();
                    // An article's name follows its number (`điều "3" DIEU_3`): TextMate cannot tell it from a reference.
                    if (before?.name === 'STRING') {
                        continue;
                    }
                    names++;
                    expect(innermost(scopes[name.start]), `${file}: ${name.image}`).toBe(SCOPES.name);
                    expect(innermost(scopes[name.end - 1]), `${file}: ${name.image}`).toBe(SCOPES.name);
                }
                for (const ref of declared.references) {
                    for (let at = ref.start; at < ref.end; at++) {
                        expect(innermost(scopes[at]), `${file}: ${ref.image}`).not.toBe(SCOPES.name);
                    }
                }
            }
        }
        expect(names).toBeGreaterThan(300);
    });
});
