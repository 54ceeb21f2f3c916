/**
 * Syntax error messages in the drafter's words, Vietnamese first then English: what was found and
 * what may stand there, never a token type ("Expecting token of type 'STRING'"). The parser calls
 * these providers while it parses, knowing only the tokens expected and the rule it is in; each
 * error's details are kept so that, once the tree is built, `syntax-errors.ts` can name the block
 * it is in, suggest the keyword meant, and drop the errors that follow from the first.
 */
import type { ILexerErrorMessageProvider, IParserErrorMessageProvider, IRecognitionException, IToken, TokenType } from 'chevrotain';
import type { LangiumCoreServices } from 'langium';
import { describeTerminal, SyntaxVocabulary } from './syntax-vocabulary.js';

export type ErrorKind = 'mismatch' | 'noViableAlt' | 'earlyExit' | 'notAllInput';

export interface ErrorDetail {
    kind: ErrorKind;
    /** Names of the tokens that could stand there: keywords as written in the grammar, or terminal names. */
    expected: string[];
    /** The grammar rule being parsed. */
    ruleName: string;
    previous?: IToken;
}

/** Chevrotain's name of a token type, as a keyword or terminal name of the grammar. */
export function tokenName(type: TokenType | undefined): string {
    const name = type?.name ?? '';
    return name.endsWith(':KW') ? name.slice(0, -3) : name;
}

function ruleNameOf(name: string | undefined): string {
    return (name ?? '').replace(/\u200B/g, '');
}

/** A token as the drafter wrote it, or what it stands for when it shows nothing (the end of the file). */
export function shown(token: IToken | undefined): { vi: string; en: string } {
    if (!token || tokenName(token.tokenType) === 'EOF' || token.image === '' || token.image === undefined) {
        return { vi: 'hết tệp', en: 'the end of the file' };
    }
    const image = token.image.length > 40 ? token.image.slice(0, 39) + '…' : token.image;
    const text = image.startsWith('"') ? image : `"${image}"`;
    return { vi: text, en: text };
}

/** What may stand there, in words: keywords in quotes (with their English twin) and terminals described. */
export function expectedWords(vocabulary: SyntaxVocabulary, expected: readonly string[], max = 10): { vi: string; en: string } {
    const vi: string[] = [];
    const en: string[] = [];
    const keywords = vocabulary.display(expected.filter(e => !vocabulary.isTerminal(e)), max);
    keywords.vi.forEach((k, i) => {
        vi.push(`"${k}"`);
        en.push(`"${k}"${keywords.en[i] !== k ? keywords.en[i].slice(k.length) : ''}`);
    });
    // Punctuation that continues a list ("," "(") says nothing a drafter needs here.
    const symbols = expected.filter(e => !/\p{L}/u.test(e) && !vocabulary.isTerminal(e) && /^[{}%<>=≤≥]/u.test(e));
    for (const symbol of symbols) {
        vi.push(`"${symbol}"`);
        en.push(`"${symbol}"`);
    }
    for (const name of expected.filter(e => vocabulary.isTerminal(e))) {
        const words = describeTerminal(name);
        if (words && name !== 'EOF') {
            vi.push(words.vi);
            en.push(words.en);
        }
    }
    if (keywords.more) {
        vi.push('…');
        en.push('…');
    }
    return { vi: vi.join(', '), en: en.join(', ') };
}

/**
 * Messages for chevrotain, keeping each error's details (by the token it was found at) for the
 * refinement that follows the parse.
 */
export class PlanspecParserErrorMessageProvider implements IParserErrorMessageProvider {
    readonly vocabulary: SyntaxVocabulary;
    private details = new Map<IToken, Array<{ message: string; detail: ErrorDetail }>>();

    constructor(services: LangiumCoreServices) {
        this.vocabulary = new SyntaxVocabulary(services.Grammar);
    }

    /** Forgets the details of earlier parses. */
    reset(): void {
        this.details = new Map();
    }

    /** The details of an error reported by the last parse. */
    detailOf(error: IRecognitionException): ErrorDetail | undefined {
        return this.details.get(error.token)?.find(d => d.message === error.message)?.detail;
    }

    buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
        return this.keep(options.actual, { kind: 'mismatch', expected: [tokenName(options.expected)], ruleName: ruleNameOf(options.ruleName), previous: options.previous });
    }

    buildNotAllInputParsedMessage(options: { firstRedundant: IToken; ruleName: string }): string {
        return this.keep(options.firstRedundant, { kind: 'notAllInput', expected: ['EOF'], ruleName: ruleNameOf(options.ruleName) });
    }

    buildNoViableAltMessage(options: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string }): string {
        const expected = options.expectedPathsPerAlt.flatMap(paths => paths.map(path => tokenName(path[0])));
        return this.keep(options.actual[0], { kind: 'noViableAlt', expected: [...new Set(expected)], ruleName: ruleNameOf(options.ruleName), previous: options.previous });
    }

    buildEarlyExitMessage(options: { expectedIterationPaths: TokenType[][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string }): string {
        const expected = options.expectedIterationPaths.map(path => tokenName(path[0]));
        return this.keep(options.actual[0], { kind: 'earlyExit', expected: [...new Set(expected)], ruleName: ruleNameOf(options.ruleName), previous: options.previous });
    }

    private keep(token: IToken, detail: ErrorDetail): string {
        const found = shown(token);
        const words = expectedWords(this.vocabulary, detail.expected);
        const message = detail.kind === 'notAllInput'
            ? `Không hiểu ${found.vi} ở đây: sau khai báo cuối cùng, tệp phải kết thúc / ${found.en} is not understood here: the file should end after the last declaration`
            : `Không hiểu ${found.vi} ở đây; ở đây có thể viết: ${words.vi} / ${found.en} is not understood here; expected: ${words.en}`;
        if (token && this.details.size < 10_000) {
            const list = this.details.get(token) ?? [];
            list.push({ message, detail });
            this.details.set(token, list);
        }
        return message;
    }
}

/** Characters the lexer cannot read, in words, with what to do. */
export class PlanspecLexerErrorMessageProvider implements ILexerErrorMessageProvider {
    buildUnexpectedCharactersMessage(fullText: string, startOffset: number, length: number): string {
        const text = fullText.substr(startOffset, Math.min(length, 20));
        if (text.startsWith('"')) {
            return UNCLOSED_QUOTE;
        }
        const shownText = JSON.stringify(text);
        return `Ký tự ${shownText} không dùng được ngoài chuỗi trong ngoặc kép: xóa nó, hoặc đặt cả đoạn văn trong ngoặc kép / The character ${shownText} cannot be used outside a quoted string: delete it, or put the text in quotes`;
    }

    buildUnableToPopLexerModeMessage(token: IToken): string {
        return `Không đọc được ${shown(token).vi} / Cannot read ${shown(token).en}`;
    }
}

export const UNCLOSED_QUOTE = 'Chuỗi chưa được đóng: thiếu dấu " ở cuối / Unclosed string: the closing quote " is missing';
