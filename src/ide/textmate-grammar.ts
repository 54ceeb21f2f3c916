/**
 * The TextMate grammar (syntaxes/planspec.tmLanguage.json) that colours `.plan` files in VS Code
 * before the language server starts. `npm run build` generates it (scripts/generate-textmate.mjs)
 * from the grammar and from the lexer's own tokens, so that it cannot drift from the language.
 *
 * It reproduces the lexer rather than guessing words. Each keyword is the token builder's own
 * pattern (any case, NFC, NFD or mixed, any blanks between words) and gives way where the lexer
 * reads a longer keyword; every other token has a pattern too, so a keyword is only tried where the
 * lexer starts a token (never inside an identifier, a number, a string or a comment; no lookbehind
 * is needed, and the lexer has none: "2025năm" is a number and a keyword). A one-word keyword
 * followed by a letter, mark, digit or `_` is the start of an identifier, as in the lexer
 * ("sốLiệu"): a lookahead on `[\p{L}\p{M}\p{N}_]` says so, not `\b` (langium-cli decided word
 * boundaries on ASCII letters and wrote `\B` after "chủ trì" or "số", which Oniguruma never matches).
 *
 * Scopes:
 * - `keyword.control`: a keyword that opens a declaration or a member of a block (`cơ quan`,
 *   `văn bản`, the kinds of document, `phần`, `nhiệm vụ`, `chỉ tiêu`, `báo cáo` …);
 * - `keyword.other`: every other word of the language (`chủ trì`, `phối hợp`, `số`, `ngày`,
 *   `hạn`, `hằng năm` …). TextMate sees no context, so a spelling that opens a declaration
 *   anywhere is coloured so everywhere ("báo cáo" in `văn bản X báo cáo`);
 * - `keyword.operator.comparison` (`≥ >= …`), punctuation, comments, strings with escapes and the
 *   number-symbols in them ("634/QĐ-TTg", by their form), dates (`20/7`, `13/5/2020`, `IV/2025`,
 *   `16 tháng 6 năm 2025`), percentages, numbers and item numbers (`[1.]`);
 * - `entity.name.type` for the id a declaration introduces (`cơ quan CA_TINH`), `variable.other`
 *   for every other id (references). A keyword that introduces a name in one rule and a reference
 *   in another (`giao SO_NV {` in a heading) marks a name only when a string follows it on the line
 *   (`giao NV1 "…"`).
 */
import type { TokenType } from 'chevrotain';
import type { Grammar } from 'langium';
import { AstUtils, GrammarAST, GrammarUtils } from 'langium';
import { PlanspecTokenBuilder } from '../language/planspec-token-builder.js';

export interface TextMateRule {
    comment?: string;
    name?: string;
    match?: string;
    begin?: string;
    end?: string;
    captures?: Record<string, { name: string }>;
    beginCaptures?: Record<string, { name: string }>;
    endCaptures?: Record<string, { name: string }>;
    patterns?: TextMateRule[];
    include?: string;
}

export interface TextMateGrammar {
    name: string;
    scopeName: string;
    fileTypes: string[];
    patterns: TextMateRule[];
    repository: Record<string, TextMateRule>;
}

export const SCOPES = {
    control: 'keyword.control.planspec',
    other: 'keyword.other.planspec',
    operator: 'keyword.operator.comparison.planspec',
    name: 'entity.name.type.planspec',
    id: 'variable.other.planspec',
    lineComment: 'comment.line.double-slash.planspec',
    blockComment: 'comment.block.planspec',
    docComment: 'comment.block.documentation.planspec',
    string: 'string.quoted.double.planspec',
    escape: 'constant.character.escape.planspec',
    numberSymbol: 'constant.other.number-symbol.planspec',
    date: 'constant.numeric.date.planspec',
    longDate: 'meta.date.planspec',
    percentage: 'constant.numeric.percentage.planspec',
    number: 'constant.numeric.planspec',
    itemNumber: 'constant.other.item-number.planspec',
} as const;

/** Keywords that are not words: their scope. A new one in the grammar must be given one here. */
const SYMBOLS: Record<string, string> = {
    '{': 'punctuation.section.block.begin.planspec',
    '}': 'punctuation.section.block.end.planspec',
    '(': 'punctuation.section.parens.begin.planspec',
    ')': 'punctuation.section.parens.end.planspec',
    ',': 'punctuation.separator.comma.planspec',
    '.': 'punctuation.accessor.planspec',
    '/': 'punctuation.separator.slash.planspec',
    '%': 'keyword.other.unit.percent.planspec',
    '>': SCOPES.operator, '>=': SCOPES.operator, '≥': SCOPES.operator,
    '<': SCOPES.operator, '<=': SCOPES.operator, '≤': SCOPES.operator,
    '=': SCOPES.operator,
};

/** Terminals matched by a single-line pattern, in the lexer's order, and their scopes. */
const TERMINAL_SCOPES: Record<string, string> = {
    DATE: SCOPES.date,
    DAY_MONTH: SCOPES.date,
    MONTH_YEAR: SCOPES.date,
    ROMAN_YEAR: SCOPES.date,
    NUMBER: SCOPES.number,
    ITEM_NUMBER: SCOPES.itemNumber,
    ID: SCOPES.id,
};

/** Terminals written by hand below (they span lines, or are skipped): the lexer's patterns they stand for. */
const HANDWRITTEN_TERMINALS: Record<string, string> = {
    WS: '\\s+',
    ML_COMMENT: '\\/\\*[\\s\\S]*?\\*\\/',
    SL_COMMENT: '\\/\\/[^\\n\\r]*',
    STRING: '"(?:\\\\.|[^"\\\\])*"',
};

/** The features whose rules are declarations or members of a block: their first keywords open one. */
const MEMBER_FEATURES = ['namespace', 'elements', 'members'];

/** The data-type rules whose long forms ("16 tháng 6 năm 2025", "15 tháng 11") are coloured as dates. */
const LONG_DATE_RULES = ['DateValue', 'DayValue'];

const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}_]';

/**
 * A number-symbol by its form, as src/semantics/citations.ts finds them in prose (`findNumbers`),
 * with combining marks so that decomposed text matches too: N[/YYYY](/|-)G1(-G2)*[/G(-G)*], a stray
 * blank allowed on one side of a separator. Whether it cites a declared document is the checker's
 * call; the colour only shows the form.
 */
const NUMBER_SYMBOL = (() => {
    const ch = '[\\p{L}\\p{M}\\p{N}]';
    const first = `\\p{Lu}${ch}*`;
    const group = `[\\p{Lu}\\p{N}]${ch}*`;
    const sep = (c: string) => `(?:[ \\t]${c}|${c}[ \\t]?)`;
    return `(?<![\\p{L}\\p{M}\\p{N}/.\\-])[0-9]{1,5}(?:${sep('/')}[0-9]{4})?${sep('[/\\-]')}${first}(?:${sep('-')}${group})*`
        + `(?:${sep('/')}${first}(?:${sep('-')}${group})*)?(?![\\p{L}\\p{M}\\p{N}])`;
})();

interface Keyword {
    value: string;
    /** Its pattern for Oniguruma, without the lookahead. */
    body: string;
    /** The lookahead that leaves it to the identifier when the lexer would ("sốLiệu"). */
    after: string;
    scope: string;
    word: boolean;
}

/** The TextMate grammar as the JSON text written to syntaxes/planspec.tmLanguage.json. */
export function renderTextMateGrammar(grammar: Grammar): string {
    return JSON.stringify(textMateGrammar(grammar), null, 2) + '\n';
}

export function textMateGrammar(grammar: Grammar): TextMateGrammar {
    const analysis = new GrammarAnalysis(grammar);
    const { keywords, terminals } = lexerTokens(grammar, analysis);
    const byValue = new Map(keywords.map(k => [k.value, k]));
    const words = keywords.filter(k => k.word);

    /** A keyword where the lexer reads it: not where the lexer reads a longer keyword. */
    const keywordAt = (value: string, exceptScope?: string): string => {
        const keyword = byValue.get(value)!;
        const key = canonical(value);
        // Within an alternation of one scope in the lexer's order, the longer keywords of that scope come first.
        const shadows = keywords.slice(0, keywords.indexOf(keyword))
            .filter(k => k.value !== value && k.scope !== exceptScope && canonical(k.value).startsWith(key))
            .map(k => k.body + k.after);
        return (shadows.length > 0 ? `(?!${shadows.join('|')})` : '') + keyword.body + keyword.after;
    };
    const id = terminals.get('ID')!;
    // What the lexer reads as an identifier: no keyword (beginning with a letter) matches there.
    const notKeyword = `(?!${words.filter(k => /^[\p{L}_]/u.test(k.value)).map(k => k.body + k.after).join('|')})`;
    const nameAfter = (values: string[], stringFollows: boolean): TextMateRule => ({
        comment: `The id declared after ${values.map(v => `"${v}"`).join(', ')}${stringFollows ? ', when a string follows it' : ''}.`,
        match: `(${values.map(v => keywordAt(v)).join('|')})[ \\t]+${notKeyword}(${id})(?!${WORD_CHAR})${stringFollows ? '(?=[ \\t]*")' : ''}`,
        captures: { 1: { name: byValue.get(values[0])!.scope }, 2: { name: SCOPES.name } },
    });

    const declarations: TextMateRule[] = [];
    for (const ambiguous of [false, true]) {
        const values = words.filter(k => analysis.declares(k.value) && analysis.refersAfter(k.value) === ambiguous);
        for (const scope of new Set(values.map(k => k.scope))) {
            declarations.push(nameAfter(values.filter(k => k.scope === scope).map(k => k.value), ambiguous));
        }
    }

    const longDates = uniqueBy(LONG_DATE_RULES.flatMap(name => {
        const rule = grammar.rules.find(r => r.name === name);
        if (!rule || !GrammarAST.isParserRule(rule) || !rule.definition) {
            throw new Error(`textmate: no data-type rule ${name} in the grammar`);
        }
        const alternatives = GrammarAST.isAlternatives(rule.definition) ? rule.definition.elements : [rule.definition];
        return alternatives
            .filter(a => AstUtils.streamAllContents(a).some(GrammarAST.isKeyword))
            .map(a => {
                const captures: string[] = [];
                const match = sequence(a, keywordAt, byValue, terminals, captures);
                return {
                    comment: `A date written in words (${name}).`,
                    name: SCOPES.longDate,
                    match,
                    captures: Object.fromEntries(captures.map((scope, i) => [String(i + 1), { name: scope }])),
                } satisfies TextMateRule;
            });
    }), r => r.match);

    const number = terminals.get('NUMBER')!;
    const ordered = (names: string[]) => names.map(name => ({
        comment: `The lexer's ${name}.`,
        name: TERMINAL_SCOPES[name],
        match: terminals.get(name)!,
    }));
    return {
        name: 'planspec',
        scopeName: 'source.planspec',
        fileTypes: ['plan'],
        patterns: [
            { include: '#comments' },
            { include: '#strings' },
            { include: '#declarations' },
            { include: '#keywords' },
            { include: '#values' },
            { include: '#symbols' },
            { include: '#identifiers' },
        ],
        repository: {
            comments: {
                patterns: [
                    {
                        name: SCOPES.docComment,
                        begin: '/\\*\\*(?!/)',
                        end: '\\*/',
                        captures: { 0: { name: 'punctuation.definition.comment.planspec' } },
                    },
                    {
                        name: SCOPES.blockComment,
                        begin: '/\\*',
                        end: '\\*/',
                        captures: { 0: { name: 'punctuation.definition.comment.planspec' } },
                    },
                    {
                        name: SCOPES.lineComment,
                        match: '(//).*',
                        captures: { 1: { name: 'punctuation.definition.comment.planspec' } },
                    },
                ],
            },
            strings: {
                // A string may span lines, as in the lexer.
                name: SCOPES.string,
                begin: '"',
                end: '"',
                beginCaptures: { 0: { name: 'punctuation.definition.string.begin.planspec' } },
                endCaptures: { 0: { name: 'punctuation.definition.string.end.planspec' } },
                patterns: [
                    { name: SCOPES.escape, match: '\\\\.' },
                    { name: SCOPES.numberSymbol, match: NUMBER_SYMBOL },
                ],
            },
            declarations: { patterns: declarations },
            keywords: {
                // One pattern per scope (a few large patterns scan much faster than hundreds of small
                // ones), each keyword giving way where the lexer reads a longer one of the other scope.
                patterns: [SCOPES.control, SCOPES.other].map(scope => ({
                    name: scope,
                    match: words.filter(k => k.scope === scope).map(k => keywordAt(k.value, scope)).join('|'),
                })),
            },
            values: {
                patterns: [
                    ...longDates,
                    ...ordered(['DATE', 'DAY_MONTH', 'MONTH_YEAR', 'ROMAN_YEAR']),
                    // The lexer reads a number and "%"; together they are the value.
                    { name: SCOPES.percentage, match: `${number}[ \\t]*%` },
                    ...ordered(['NUMBER', 'ITEM_NUMBER']),
                ],
            },
            symbols: {
                patterns: keywords.filter(k => !k.word).map(k => ({ name: k.scope, match: k.body })),
            },
            identifiers: { patterns: ordered(['ID']) },
        },
    };
}

/** NFC, lower case, single blanks: how keyword spellings compare. */
function canonical(value: string): string {
    return value.normalize('NFC').toLowerCase().replace(/\s+/g, ' ');
}

/** The keywords in the lexer's order with their patterns, and the Oniguruma pattern of each single-line terminal. */
function lexerTokens(grammar: Grammar, analysis: GrammarAnalysis): { keywords: Keyword[]; terminals: Map<string, string> } {
    const terminalRules = grammar.rules.filter(GrammarAST.isTerminalRule);
    const terminalNames = new Set(terminalRules.map(t => t.name));
    const keywordValues = new Set(grammar.rules.filter(GrammarAST.isParserRule)
        .flatMap(rule => AstUtils.streamAllContents(rule).filter(GrammarAST.isKeyword).map(k => k.value).toArray()));
    const vocabulary = new PlanspecTokenBuilder().buildTokens(grammar);
    if (!Array.isArray(vocabulary)) {
        throw new Error('textmate: the lexer has modes; the generator expects a single list of tokens');
    }
    const keywords: Keyword[] = [];
    for (const token of vocabulary as TokenType[]) {
        if (terminalNames.has(token.name)) {
            continue;
        }
        if (!keywordValues.has(token.name) || !(token.PATTERN instanceof RegExp)) {
            throw new Error(`textmate: unexpected token ${token.name}`);
        }
        const value = token.name;
        const longerAlts = [token.LONGER_ALT ?? []].flat().map(t => t.name);
        const word = /\p{L}/u.test(value);
        // Only the comments may be longer than a symbol ("/" and "//"): they are tried first below.
        if (longerAlts.some(alt => alt !== 'ID' && alt !== 'ML_COMMENT' && alt !== 'SL_COMMENT')) {
            throw new Error(`textmate: keyword "${value}" yields to ${longerAlts.join(', ')}`);
        }
        // The lexer reads an identifier instead when the identifier is longer: only possible when the
        // keyword is one word and the next character continues it.
        const yields = longerAlts.includes('ID') && /^[\p{L}\p{M}\p{N}_]+$/u.test(value);
        const scope = word ? (analysis.opensMember(value) ? SCOPES.control : SCOPES.other) : SYMBOLS[value];
        if (!scope) {
            throw new Error(`textmate: no scope for the keyword "${value}" (add it to SYMBOLS)`);
        }
        keywords.push({ value, body: oniguruma(token.PATTERN), after: yields ? `(?!${WORD_CHAR})` : '', scope, word });
    }
    const terminals = new Map<string, string>();
    for (const rule of terminalRules) {
        const regex = GrammarUtils.terminalRegex(rule);
        if (rule.name in HANDWRITTEN_TERMINALS) {
            if (regex.source !== HANDWRITTEN_TERMINALS[rule.name]) {
                throw new Error(`textmate: terminal ${rule.name} changed (${regex.source}); update its patterns`);
            }
        } else if (rule.name in TERMINAL_SCOPES) {
            terminals.set(rule.name, oniguruma(regex));
        } else {
            throw new Error(`textmate: no scope for the terminal ${rule.name} (add it to TERMINAL_SCOPES)`);
        }
    }
    const order = Object.keys(TERMINAL_SCOPES);
    const lexerOrder = terminalRules.map(r => r.name).filter(n => n in TERMINAL_SCOPES);
    if (lexerOrder.join() !== order.join()) {
        throw new Error(`textmate: the terminals are tried in the order ${lexerOrder.join(', ')}; TERMINAL_SCOPES must follow it`);
    }
    return { keywords, terminals };
}

/**
 * A JavaScript pattern (as the lexer uses it) in Oniguruma's syntax. They agree on everything the
 * terminals and keywords use, except `\d`, which Oniguruma extends to every Unicode digit.
 */
function oniguruma(regex: RegExp): string {
    if (/[^iu]/.test(regex.flags)) {
        throw new Error(`textmate: unsupported flags /${regex.flags}`);
    }
    const source = regex.source;
    let result = '';
    let inClass = false;
    for (let i = 0; i < source.length; i++) {
        const c = source[i];
        if (c === '\\') {
            const next = source[++i];
            if (next === 'd') {
                result += inClass ? '0-9' : '[0-9]';
            } else if ('sSwWbBDk'.includes(next) || /[1-9]/.test(next)) {
                throw new Error(`textmate: unsupported escape \\${next} in /${source}/`);
            } else {
                result += c + next;
            }
            continue;
        }
        if (c === '(' && !inClass && source[i + 1] !== '?') {
            throw new Error(`textmate: a capturing group in /${source}/ would shift the captures`);
        }
        if (c === '[' && !inClass) {
            inClass = true;
        } else if (c === ']' && inClass) {
            inClass = false;
        }
        result += c;
    }
    return regex.flags.includes('i') ? `(?i:${result})` : result;
}

/**
 * A data-type rule's alternative as one pattern (without its cardinality), each token captured with
 * its scope, blanks between tokens.
 */
function sequence(element: GrammarAST.AbstractElement, keywordAt: (value: string) => string, keywords: Map<string, Keyword>,
    terminals: Map<string, string>, captures: string[]): string {
    if (GrammarAST.isKeyword(element)) {
        captures.push(keywords.get(element.value)!.scope);
        return `(${keywordAt(element.value)})`;
    }
    if (GrammarAST.isRuleCall(element) && GrammarAST.isTerminalRule(element.rule.ref) && terminals.has(element.rule.ref.name)) {
        const name = element.rule.ref.name;
        // The numbers of a date are parts of the date.
        captures.push(name === 'NUMBER' ? SCOPES.date : TERMINAL_SCOPES[name]);
        return `(${terminals.get(name)})`;
    }
    if (GrammarAST.isAlternatives(element) && element.elements.every(GrammarAST.isKeyword)) {
        captures.push(keywords.get(element.elements[0].value)!.scope);
        return `(${element.elements.map(k => keywordAt(k.value)).join('|')})`;
    }
    if (GrammarAST.isGroup(element)) {
        return element.elements.map((part, i) => {
            const body = sequence(part, keywordAt, keywords, terminals, captures);
            // An optional part carries its leading blank, so that it can be left out with it.
            const blank = i === 0 ? '' : '[ \\t]+';
            return part.cardinality ? `(?:${blank}${body})${part.cardinality}` : blank + body;
        }).join('');
    }
    throw new Error(`textmate: a long date may hold keywords, a choice of keywords, terminals and groups, not ${element.$type}`);
}

function uniqueBy<T>(items: T[], key: (item: T) => unknown): T[] {
    const seen = new Set<unknown>();
    return items.filter(item => !seen.has(key(item)) && seen.add(key(item)));
}

interface Info {
    first: Set<string>;
    last: Set<string>;
    nullable: boolean;
}

/**
 * Which tokens can begin each rule and which can follow each other, computed on the grammar:
 * symbols are `kw:<value>`, `name` (an id a rule declares), `ref` (a cross-reference) and terminal names.
 */
class GrammarAnalysis {
    private readonly rules = new Map<GrammarAST.ParserRule, Info>();
    private readonly pairs = new Set<string>();
    private readonly openers = new Set<string>();

    constructor(grammar: Grammar) {
        const parserRules = grammar.rules.filter(GrammarAST.isParserRule);
        for (const rule of parserRules) {
            this.rules.set(rule, { first: new Set(), last: new Set(), nullable: false });
        }
        // The grammar is recursive: grow the sets until they stop changing.
        for (let changed = true; changed;) {
            changed = false;
            for (const rule of parserRules) {
                const info = this.element(rule.definition, false);
                const old = this.rules.get(rule)!;
                if (info.first.size !== old.first.size || info.last.size !== old.last.size || info.nullable !== old.nullable) {
                    this.rules.set(rule, info);
                    changed = true;
                }
            }
        }
        for (const rule of parserRules) {
            this.element(rule.definition, true);
        }
        const assignments = parserRules.flatMap(r => AstUtils.streamAllContents(r).filter(GrammarAST.isAssignment).toArray());
        for (const feature of MEMBER_FEATURES.filter(f => !assignments.some(a => a.feature === f))) {
            throw new Error(`textmate: no rule assigns '${feature}' any more; update MEMBER_FEATURES`);
        }
        for (const assignment of assignments) {
            if (MEMBER_FEATURES.includes(assignment.feature)) {
                for (const symbol of this.element(assignment.terminal, false).first) {
                    if (symbol.startsWith('kw:')) {
                        this.openers.add(symbol.slice(3));
                    }
                }
            }
        }
    }

    /** The keyword can begin a declaration or a member of a block. */
    opensMember(value: string): boolean {
        return this.openers.has(value);
    }

    /** The keyword can be followed directly by the id a rule declares. */
    declares(value: string): boolean {
        return this.pairs.has(`kw:${value}\u0000name`);
    }

    /** The keyword can be followed directly by an id that is not a declaration (a reference). */
    refersAfter(value: string): boolean {
        return this.pairs.has(`kw:${value}\u0000ref`) || this.pairs.has(`kw:${value}\u0000ID`);
    }

    private element(element: GrammarAST.AbstractElement, collect: boolean): Info {
        let info: Info;
        if (GrammarAST.isKeyword(element)) {
            info = single(`kw:${element.value}`);
        } else if (GrammarAST.isAssignment(element)) {
            const declared = element.feature === 'name' && GrammarAST.isRuleCall(element.terminal) && GrammarAST.isTerminalRule(element.terminal.rule.ref);
            info = declared ? single('name') : this.element(element.terminal, collect);
        } else if (GrammarAST.isCrossReference(element)) {
            info = single('ref');
        } else if (GrammarAST.isRuleCall(element)) {
            const rule = element.rule.ref;
            if (GrammarAST.isTerminalRule(rule)) {
                info = single(rule.name);
            } else if (GrammarAST.isParserRule(rule)) {
                const called = this.rules.get(rule)!;
                info = { first: new Set(called.first), last: new Set(called.last), nullable: called.nullable };
            } else {
                throw new Error(`textmate: unresolved rule call ${element.rule.$refText}`);
            }
        } else if (GrammarAST.isGroup(element)) {
            info = { first: new Set(), last: new Set(), nullable: true };
            let open = new Set<string>();
            for (const part of element.elements.map(e => this.element(e, collect))) {
                if (collect) {
                    open.forEach(a => part.first.forEach(b => this.pairs.add(`${a}\u0000${b}`)));
                }
                if (info.nullable) {
                    part.first.forEach(s => info.first.add(s));
                }
                open = part.nullable ? new Set([...open, ...part.last]) : new Set(part.last);
                info.nullable &&= part.nullable;
            }
            info.last = open;
        } else if (GrammarAST.isAlternatives(element)) {
            const parts = element.elements.map(e => this.element(e, collect));
            info = {
                first: new Set(parts.flatMap(p => [...p.first])),
                last: new Set(parts.flatMap(p => [...p.last])),
                nullable: parts.some(p => p.nullable),
            };
        } else if (GrammarAST.isAction(element)) {
            info = { first: new Set(), last: new Set(), nullable: true };
        } else {
            throw new Error(`textmate: unexpected ${element.$type} in the grammar`);
        }
        if (element.cardinality === '*' || element.cardinality === '+') {
            if (collect) {
                info.last.forEach(a => info.first.forEach(b => this.pairs.add(`${a}\u0000${b}`)));
            }
        }
        if (element.cardinality === '*' || element.cardinality === '?') {
            info.nullable = true;
        }
        return info;
    }
}

function single(symbol: string): Info {
    return { first: new Set([symbol]), last: new Set([symbol]), nullable: false };
}
