/**
 * Guards around Langium's parsers, so that nothing a user types makes them overflow or flood:
 * - nesting deeper than MAX_NESTING braces is cut off before parsing (the recursive-descent parser
 *   would overflow the stack), with one bilingual error at the first brace too deep; the text keeps
 *   its length, so every offset and range still points into the document as written;
 * - a file the parser still cannot handle (an exception, whatever its cause) parses as an empty file
 *   with one error saying why, instead of stopping the whole workspace;
 * - at most MAX_SYNTAX_ERRORS lexer and parser errors are kept, followed by one saying how many more.
 */
import type { ILexingError, IRecognitionException } from 'chevrotain';
import type { AstNode, LangiumCoreServices, LangiumParser, ParseResult } from 'langium';
import { createCompletionParser, createLangiumParser, isAstNode } from 'langium';
import { refineSyntaxErrors } from './syntax-errors.js';
import { PlanspecParserErrorMessageProvider } from './syntax-messages.js';
import { installBraceRecovery } from './syntax-recovery.js';
import { linkContainersAndWalk } from './ast-walk.js';

/** Braces deeper than this are not parsed: real plans nest a few levels; the parser's stack allows ~150. */
export const MAX_NESTING = 64;
/** Syntax errors kept per file (lexer and parser each); the rest are counted in one more error. */
export const MAX_SYNTAX_ERRORS = 200;

export interface NestingCut {
    /** The text with every too-deep region blanked (same length, line breaks kept). */
    text: string;
    /** Offsets of the first brace of each blanked region. */
    cuts: number[];
}

/**
 * Blanks, between a brace nested deeper than `max` and its closing brace (or the end of the text),
 * every character but line breaks. Strings and comments are skipped when counting braces.
 */
export function limitNesting(text: string, max = MAX_NESTING): NestingCut {
    let depth = 0;
    let chars: string[] | undefined;
    const cuts: number[] = [];
    let blankFrom = -1;
    const n = text.length;
    // The scan jumps from one character it cares about to the next, each found with indexOf and kept
    // until passed: reading every character of a 3 MB plan took 9 ms of each edit's parse.
    const next = (ch: string, from: number) => {
        const at = text.indexOf(ch, from);
        return at < 0 ? n : at;
    };
    let quote = -1, slash = -1, open = -1, close = -1, backslash = -1, cr = -1;
    let i = 0;
    while (i < n) {
        if (quote < i) quote = next('"', i);
        if (slash < i) slash = next('/', i);
        if (open < i) open = next('{', i);
        if (close < i) close = next('}', i);
        i = Math.min(quote, slash, open, close);
        if (i >= n) {
            break;
        }
        const c = text.charCodeAt(i);
        if (c === 0x22 /* " */) {
            // To the closing quote; a backslash escapes the character after it. A quote never closed
            // is no string to the lexer either: one bad character, then tokens again.
            let k = i + 1;
            for (;;) {
                if (quote < k) quote = next('"', k);
                if (backslash < k) backslash = next('\\', k);
                if (backslash < quote) {
                    k = backslash + 2;
                    continue;
                }
                i = quote < n ? quote + 1 : i + 1;
                break;
            }
            if (quote >= n) {
                // Looked for from past an escaped quote the lexer will read anew after the bad one.
                quote = -1;
            }
            continue;
        }
        if (c === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x2f) {
            // To the end of the line, as SL_COMMENT reads it: a "\r" ends it too (old Mac line endings).
            // (Kept, like the others: a text without one would be searched to its end at each comment.)
            if (cr < i) cr = next('\r', i);
            i = Math.min(next('\n', i), cr);
            continue;
        }
        if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a /* * */) {
            const end = text.indexOf('*/', i + 2);
            i = end < 0 ? n : end + 2;
            continue;
        }
        if (c === 0x7b /* { */) {
            depth++;
            if (depth === max + 1 && blankFrom < 0) {
                cuts.push(i);
                blankFrom = i + 1;
            }
        } else if (c === 0x7d /* } */) {
            if (depth === max + 1 && blankFrom >= 0) {
                chars ??= Array.from({ length: n }, (_, k) => text[k]);
                blank(chars, text, blankFrom, i);
                blankFrom = -1;
            }
            depth = Math.max(0, depth - 1);
        }
        i++;
    }
    if (blankFrom >= 0) {
        chars ??= Array.from({ length: n }, (_, k) => text[k]);
        blank(chars, text, blankFrom, n);
    }
    return { text: chars ? chars.join('') : text, cuts };
}

function blank(chars: string[], text: string, from: number, to: number): void {
    for (let k = from; k < to; k++) {
        const ch = text[k];
        chars[k] = ch === '\n' || ch === '\r' ? ch : ' ';
    }
}

function position(text: string, offset: number): { line: number; column: number } {
    let line = 1;
    let lineStart = 0;
    for (let k = text.indexOf('\n'); k >= 0 && k < offset; k = text.indexOf('\n', k + 1)) {
        line++;
        lineStart = k + 1;
    }
    return { line, column: offset - lineStart + 1 };
}

function lexingError(text: string, offset: number, length: number, message: string): ILexingError {
    return { offset, length, message, ...position(text, offset) };
}

/** Keeps the first `max` errors and replaces the rest with one error saying how many there were. */
function capErrors<E extends ILexingError | IRecognitionException>(errors: E[], summary: (more: number) => E): E[] {
    if (errors.length <= MAX_SYNTAX_ERRORS) {
        return errors;
    }
    return [...errors.slice(0, MAX_SYNTAX_ERRORS), summary(errors.length - MAX_SYNTAX_ERRORS)];
}

const TOO_DEEP = (max: number) =>
    `Lồng nhau quá sâu: phần này sâu hơn ${max} cấp "{ … }" nên nội dung bên trong không được đọc / Nested deeper than ${max} levels of "{ … }": the content inside is not read`;

/** The members of Langium's parser (4.4) that its `parse` uses; TypeScript-private, so named here. */
interface ParserInternals {
    nodeBuilder: { buildRootNode(input: string): unknown; addHiddenNodes(tokens: unknown[]): void };
    lexer: { tokenize(input: string): { tokens: unknown[]; hidden: unknown[]; errors: ILexingError[]; report?: unknown } };
    wrapper: { input: unknown[]; errors: IRecognitionException[] };
    allRules: Map<string, unknown>;
    mainRule: unknown;
    doParse(rule: unknown): AstNode;
    unorderedGroups: { clear(): void };
    lexerResult: unknown;
}

/**
 * Langium's `LangiumParser.parse`, step for step, but for the last: the containers of the AST's nodes
 * are set in the walk that the linker, the scopes and the rules then read (`linkContainersAndWalk`),
 * instead of by Langium's own pass (an `Object.entries` array per node, a tenth of each parse). Kept
 * as Langium's when its parser does not have the members this relies on (another Langium version).
 */
function parseLinkingOnce(parser: LangiumParser): LangiumParser['parse'] | undefined {
    const p = parser as unknown as ParserInternals;
    if (typeof p.doParse !== 'function' || typeof p.nodeBuilder?.buildRootNode !== 'function' || typeof p.lexer?.tokenize !== 'function'
        || !(p.allRules instanceof Map) || typeof p.unorderedGroups?.clear !== 'function' || !p.wrapper) {
        return undefined;
    }
    return (<T extends AstNode>(input: string, options: { rule?: string } = {}): ParseResult<T> => {
        p.nodeBuilder.buildRootNode(input);
        const lexerResult = p.lexerResult = p.lexer.tokenize(input);
        p.wrapper.input = lexerResult.tokens;
        const ruleMethod = options.rule ? p.allRules.get(options.rule) : p.mainRule;
        if (!ruleMethod) {
            throw new Error(options.rule ? `No rule found with name '${options.rule}'` : 'No main rule available.');
        }
        const result = p.doParse(ruleMethod);
        p.nodeBuilder.addHiddenNodes(lexerResult.hidden);
        p.unorderedGroups.clear();
        p.lexerResult = undefined;
        if (isAstNode(result)) {
            linkContainersAndWalk(result);
        }
        return { value: result as T, lexerErrors: lexerResult.errors, lexerReport: lexerResult.report, parserErrors: p.wrapper.errors } as ParseResult<T>;
    }) as LangiumParser['parse'];
}

/** Wraps the document parser with the guards described above. */
export function createPlanspecParser(services: LangiumCoreServices): LangiumParser {
    const parser = createLangiumParser(services);
    const linkingOnce = parseLinkingOnce(parser);
    if (linkingOnce) {
        parser.parse = linkingOnce;
    }
    const recovery = installBraceRecovery(parser);
    const provider = services.parser.ParserErrorMessageProvider;
    const parse = parser.parse.bind(parser) as LangiumParser['parse'];
    const refine: Refine | undefined = provider instanceof PlanspecParserErrorMessageProvider ? (result, text) => {
        const regions = recovery.regions;
        refineSyntaxErrors({
            text, result, provider, regions, lexer: services.parser.Lexer,
            reparse: variant => {
                // The variant's recoveries are not this text's: logged aside.
                const own = recovery.regions;
                recovery.regions = [];
                let again: ParseResult<AstNode>;
                try {
                    again = parse(variant);
                } finally {
                    recovery.regions = own;
                }
                const offsets = [...again.lexerErrors.map(e => e.offset), ...again.parserErrors.map(e => e.token.startOffset).filter(Number.isFinite)];
                return { errors: again.lexerErrors.length + again.parserErrors.length, first: offsets.length > 0 ? Math.min(...offsets) : undefined };
            },
        });
    } : undefined;
    parser.parse = (<T extends AstNode>(input: string, parseOptions?: ParseOptions) => {
        recovery.regions = [];
        if (provider instanceof PlanspecParserErrorMessageProvider) {
            provider.reset();
        }
        return parseGuarded<T>(parse, input, parseOptions, parseOptions?.rule ? undefined : refine);
    }) as LangiumParser['parse'];
    return parser;
}

type ParseOptions = Parameters<LangiumParser['parse']>[1];

/** Rewrites the syntax errors of a parse of `text` (see syntax-errors.ts). */
export type Refine = (result: ParseResult<AstNode>, text: string) => void;

/**
 * Runs `parse` on `input` with the nesting guard, the error cap, and the fallback on failure; the
 * errors are refined (`refine`) before the cap, so that the cap counts the errors a drafter sees.
 */
export function parseGuarded<T extends AstNode>(parse: <U extends AstNode>(text: string, options?: ParseOptions) => ParseResult<U>, input: string, options?: ParseOptions, refine?: Refine): ParseResult<T> {
    const limited = limitNesting(input);
    let result: ParseResult<T>;
    try {
        result = parse<T>(limited.text, options);
    } catch (error) {
        // Whatever the parser could not survive, the file is read as empty with one error, and the
        // rest of the workspace is still checked.
        result = parse<T>('', options);
        const reason = error instanceof Error ? error.message : String(error);
        result.lexerErrors.push(lexingError(input, 0, 0,
            `Không đọc được tệp này: ${reason} / This file could not be parsed: ${reason}`));
        return result;
    }
    if (refine) {
        try {
            refine(result, limited.text);
        } catch (error) {
            // The errors stay as the parser gave them: less helpful, never lost.
            console.error('planspec: refining syntax errors failed:', error);
        }
    }
    const deep = limited.cuts.map(offset => lexingError(input, offset, 1, TOO_DEEP(MAX_NESTING)));
    result.lexerErrors = capErrors([...deep, ...result.lexerErrors], more => lexingError(input, input.length, 0,
        `Quá nhiều lỗi: còn ${more} lỗi từ vựng nữa không hiển thị / Too many errors: ${more} more lexical errors not shown`));
    if (result.parserErrors.length > MAX_SYNTAX_ERRORS) {
        const kept = result.parserErrors.slice(0, MAX_SYNTAX_ERRORS);
        const more = result.parserErrors.length - MAX_SYNTAX_ERRORS;
        const last = kept[kept.length - 1];
        kept.push({
            ...last,
            name: 'TooManyErrors',
            message: `Quá nhiều lỗi cú pháp: còn ${more} lỗi nữa không hiển thị, hãy sửa các lỗi đầu trước / Too many syntax errors: ${more} more not shown; fix the first ones first`,
        });
        result.parserErrors = kept;
    }
    return result;
}

/** Wraps the completion parser (which parses the text up to the cursor) with the nesting guard. */
export function createPlanspecCompletionParser(services: LangiumCoreServices): ReturnType<typeof createCompletionParser> {
    const parser = createCompletionParser(services);
    const parse = parser.parse.bind(parser);
    parser.parse = (input: string) => {
        try {
            return parse(limitNesting(input).text);
        } catch {
            return parse('');
        }
    };
    return parser;
}
