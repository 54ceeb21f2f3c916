import type { TokenType } from 'chevrotain';
import type { GrammarAST } from 'langium';
import { DefaultTokenBuilder } from 'langium';

/**
 * Keywords are Vietnamese phrases ("cơ quan", "căn cứ"), typed by drafters in either Unicode form:
 * composed (NFC, what most keyboards produce) or decomposed (NFD, what some Windows and macOS
 * tools produce). A keyword token therefore matches every character in both forms, any run of
 * blanks between its words, and any letter case ("Căn cứ" at the start of a line).
 */
export class PlanspecTokenBuilder extends DefaultTokenBuilder {

    protected override buildKeywordToken(keyword: GrammarAST.Keyword, terminalTokens: TokenType[], caseInsensitive: boolean): TokenType {
        const token = super.buildKeywordToken(keyword, terminalTokens, caseInsensitive);
        if (/[\p{L}]/u.test(keyword.value)) {
            // A keyword made of letters can be the start of a longer identifier ("sốLiệu" is an ID).
            const id = terminalTokens.find(t => t.name === 'ID');
            if (id) {
                token.LONGER_ALT = id;
            }
        }
        return token;
    }

    protected override buildKeywordPattern(keyword: GrammarAST.Keyword, _caseInsensitive: boolean): RegExp {
        return keywordRegExp(keyword.value);
    }

    protected override buildTerminalToken(terminal: GrammarAST.TerminalRule): TokenType {
        const token = super.buildTerminalToken(terminal);
        if (terminal.name === 'ID') {
            // The ID pattern needs the regex `u` flag (any Unicode letter), which chevrotain cannot
            // analyze; without the first characters it would try every token at every position,
            // making the lexer dozens of times slower. An identifier never spans lines.
            token.START_CHARS_HINT = idStartChars();
            token.LINE_BREAKS = false;
        }
        return token;
    }
}

let startChars: number[] | undefined;

/** Every UTF-16 code unit that can start an identifier: letters, '_', and lead surrogates of astral letters. */
function idStartChars(): number[] {
    if (!startChars) {
        startChars = [];
        const letter = /[\p{L}_]/u;
        for (let code = 0; code <= 0xffff; code++) {
            if ((code >= 0xd800 && code <= 0xdbff) || letter.test(String.fromCharCode(code))) {
                startChars.push(code);
            }
        }
    }
    return startChars;
}

/**
 * A regular expression matching `keyword` in any canonically equivalent spelling (NFC, NFD, and the
 * mixed forms some keyboards produce, such as "ê" followed by a combining dot below for "ệ"), in any
 * case, with any blanks between words.
 */
export function keywordRegExp(keyword: string): RegExp {
    let source = '';
    for (const ch of keyword.normalize('NFC')) {
        if (ch === ' ') {
            source += '[ \\t]+';
            continue;
        }
        const spellings = equivalentSpellings(ch);
        source += spellings.length === 1 ? escape(spellings[0]) : `(?:${spellings.map(escape).join('|')})`;
    }
    return new RegExp(source, 'i');
}

/**
 * Every sequence canonically equivalent to one character: its base letter followed by its marks in
 * any order that normalises back to it, with a leading part of the marks composed onto the base
 * where a precomposed letter exists. Longest first, so that the alternation prefers whole letters.
 */
export function equivalentSpellings(ch: string): string[] {
    const decomposed = [...ch.normalize('NFD')];
    const base = decomposed[0];
    const marks = decomposed.slice(1);
    const result = new Set<string>([ch, ch.normalize('NFD')]);
    for (const order of permutations(marks)) {
        for (let k = 0; k <= order.length; k++) {
            const head = (base + order.slice(0, k).join('')).normalize('NFC');
            const candidate = head + order.slice(k).join('');
            if (candidate.normalize('NFC') === ch) {
                result.add(candidate);
            }
        }
    }
    return [...result].sort((a, b) => b.length - a.length);
}

function permutations<T>(items: T[]): T[][] {
    if (items.length <= 1) {
        return [items];
    }
    return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map(rest => [item, ...rest]));
}

function escape(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
