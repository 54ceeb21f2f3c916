/**
 * Formatting of `.plan` files: whole document, a range, and on type (after `}` and after Enter).
 *
 * A formatter of its own over the CST's tokens rather than Langium's AbstractFormatter: keywords
 * here are phrases in two languages, prose strings must never be touched, and the house layout
 * (examples/) indents a clause continued on the next line by one level more than the line the
 * clause began on, which is a relation between lines that per-node formatting rules cannot state.
 *
 * What it changes, and nothing else (only whitespace, never inside a string or a comment):
 * - indentation: 4 spaces per level of `{ … }`, plus one level for each clause continued from an
 *   earlier line; a line that starts with `{` or `}` sits at the level of its statement; a comment
 *   on its own line takes the indentation of the code line that follows it; a block comment of
 *   several lines keeps its indentation, so its own lines stay aligned;
 * - a block whose braces are on different lines has each on its own line: code after its `{`,
 *   before its `}`, and after its `}` moves to the next line (a trailing comment stays);
 * - blank lines: kept, runs of several collapsed to one; none at the start of the file; the file
 *   ends with one line break; trailing blanks are removed (except inside comments and strings);
 * - between tokens on a line: one space; none before `,` and `)`, after `(`, around `.` and `/`,
 *   between a number and `%`;
 *   two spaces before a clause where the writer put two or more (`chủ trì A  phối hợp B`); the
 *   blanks before a trailing comment are kept (alignment); the blanks inside a keyword phrase
 *   (`chủ   trì`) become one space.
 *
 * A document with syntax errors is not formatted (no edits): its structure is not known, and
 * indenting by a guess would move text into another block. The one exception is Enter on a line
 * that is blank or starts with `}`: it is indented by the depth of its braces, counted from the
 * tokens alone, so it works while a plan is half-typed (Enter before other text formats that line,
 * when the plan parses). Every result is checked before it is returned: the text without
 * whitespace is unchanged and lexes to the same tokens; otherwise no edits.
 */
import type { CompositeCstNode, CstNode, GrammarAST as GrammarTypes, LangiumDocument, LeafCstNode, MaybePromise, RootCstNode } from 'langium';
import { CstUtils, GrammarAST, isCompositeCstNode, isRootCstNode } from 'langium';
import type { Formatter } from 'langium/lsp';
import type {
    DocumentFormattingParams, DocumentOnTypeFormattingOptions, DocumentOnTypeFormattingParams, DocumentRangeFormattingParams, Position, TextEdit,
} from 'vscode-languageserver';
import type { IdeServices } from './services.js';

/** One level of indentation: the house style of examples/, whatever the client's tab settings. */
export const INDENT = '    ';

type Lexer = IdeServices['parser']['Lexer'];

/** An edit of the document's text, by offsets, with the offset that decides whether a range includes it. */
export interface PlannedEdit {
    start: number;
    end: number;
    newText: string;
    /** A range formats the edits whose anchor lies on one of its lines. */
    anchor: number;
}

interface Token {
    start: number;
    end: number;
    text: string;
    leaf: LeafCstNode;
    comment: boolean;
    keyword: boolean;
    /** Index of the matching brace, for `{` and `}`. */
    match?: number;
}

const PUNCTUATION = new Set(['{', '}', ',', '(', ')', '.', '/']);

export class PlanspecFormatter implements Formatter {
    protected readonly lexer: Lexer;

    constructor(services: IdeServices) {
        this.lexer = services.parser.Lexer;
    }

    get formatOnTypeOptions(): DocumentOnTypeFormattingOptions {
        return { firstTriggerCharacter: '}', moreTriggerCharacter: ['\n'] };
    }

    formatDocument(document: LangiumDocument, _params: DocumentFormattingParams): MaybePromise<TextEdit[]> {
        const plan = planFormatting(document, this.lexer);
        return plan ? toTextEdits(document, plan) : [];
    }

    formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): MaybePromise<TextEdit[]> {
        const plan = planFormatting(document, this.lexer);
        if (!plan) {
            return [];
        }
        const { start, end } = params.range;
        // A selection that ends at the start of a line does not include that line.
        const lastLine = end.line > start.line && end.character === 0 ? end.line - 1 : end.line;
        return toTextEdits(document, plan.filter(onLines(document, start.line, lastLine)));
    }

    formatDocumentOnType(document: LangiumDocument, params: DocumentOnTypeFormattingParams): MaybePromise<TextEdit[]> {
        if (params.ch === '}') {
            return this.afterClosingBrace(document, params.position);
        }
        if (params.ch === '\n') {
            return this.afterNewline(document, params.position);
        }
        return [];
    }

    /** The block the brace closes, from the line of its `{` to the line of the `}`. */
    protected afterClosingBrace(document: LangiumDocument, position: Position): TextEdit[] {
        const layout = analyse(document);
        if (!layout) {
            return [];
        }
        const offset = document.textDocument.offsetAt(position) - 1;
        const index = layout.tokens.findIndex(t => t.start === offset && !t.comment && t.text === '}');
        const open = index < 0 ? undefined : layout.tokens[index].match;
        if (open === undefined) {
            return [];
        }
        const plan = planFormatting(document, this.lexer, layout);
        if (!plan) {
            return [];
        }
        const firstLine = document.textDocument.positionAt(layout.tokens[open].start).line;
        return toTextEdits(document, plan.filter(onLines(document, firstLine, position.line)));
    }

    /** The line the cursor moved to: its indentation (never inside a string or comment of several lines). */
    protected afterNewline(document: LangiumDocument, position: Position): TextEdit[] {
        const textDocument = document.textDocument;
        const text = textDocument.getText();
        const lineStart = textDocument.offsetAt({ line: position.line, character: 0 });
        const lexed = this.lexer.tokenize(text);
        if (lexed.errors.length > 0) {
            return [];
        }
        const all = [...lexed.tokens, ...lexed.hidden];
        // Never inside a string or a comment that spans lines.
        if (all.some(t => t.startOffset < lineStart && t.endOffset !== undefined && t.endOffset >= lineStart)) {
            return [];
        }
        let lineEnd = lineStart;
        while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') {
            lineEnd++;
        }
        const line = text.slice(lineStart, lineEnd);
        const blanks = /^[^\S\r\n]*/.exec(line)![0];
        const rest = line.slice(blanks.length);
        if (rest.length > 0 && !rest.startsWith('}')) {
            // Enter before text: where a clause continues is known only from a parse.
            const plan = planFormatting(document, this.lexer);
            return plan ? toTextEdits(document, plan.filter(onLines(document, position.line, position.line))) : [];
        }
        let depth = 0;
        for (const token of lexed.tokens) {
            if (token.startOffset >= lineStart) {
                break;
            }
            if (token.image === '{') {
                depth++;
            } else if (token.image === '}') {
                depth = Math.max(0, depth - 1);
            }
        }
        if (rest.startsWith('}')) {
            depth = Math.max(0, depth - 1);
        }
        const indent = INDENT.repeat(depth);
        if (blanks === indent) {
            return [];
        }
        return [{ range: { start: textDocument.positionAt(lineStart), end: textDocument.positionAt(lineStart + blanks.length) }, newText: indent }];
    }
}

function toTextEdits(document: LangiumDocument, edits: PlannedEdit[]): TextEdit[] {
    const textDocument = document.textDocument;
    return edits.map(e => ({ range: { start: textDocument.positionAt(e.start), end: textDocument.positionAt(e.end) }, newText: e.newText }));
}

/** Edits anchored on lines `first` … `last` (inclusive). */
function onLines(document: LangiumDocument, first: number, last: number): (edit: PlannedEdit) => boolean {
    const textDocument = document.textDocument;
    const text = textDocument.getText();
    const from = textDocument.offsetAt({ line: first, character: 0 });
    let to = textDocument.offsetAt({ line: last, character: 0 });
    while (to < text.length && text[to] !== '\n' && text[to] !== '\r') {
        to++;
    }
    return edit => edit.anchor >= from && edit.anchor <= to;
}

interface Layout {
    text: string;
    root: RootCstNode;
    tokens: Token[];
}

/** The tokens of a document that parsed without errors, or undefined when it cannot be formatted safely. */
function analyse(document: LangiumDocument): Layout | undefined {
    const { parseResult } = document;
    if (parseResult.lexerErrors.length > 0 || parseResult.parserErrors.length > 0) {
        return undefined;
    }
    const root = parseResult.value?.$cstNode;
    const text = document.textDocument.getText();
    if (!root || !isRootCstNode(root) || root.fullText !== text) {
        // Parsed from other text (a stale parse): offsets would not match.
        return undefined;
    }
    const tokens: Token[] = [];
    let previousEnd = 0;
    for (const leaf of CstUtils.flattenCst(root)) {
        if (leaf.length === 0) {
            return undefined;
        }
        if (leaf.offset < previousEnd || !isBlank(text.slice(previousEnd, leaf.offset))) {
            // Tokens out of order, or text the CST does not hold: not a tree to format by.
            return undefined;
        }
        const leafText = text.slice(leaf.offset, leaf.end);
        if (leaf.hidden && isBlank(leafText)) {
            previousEnd = leaf.end;
            continue;
        }
        tokens.push({
            start: leaf.offset,
            end: leaf.end,
            text: leafText,
            leaf,
            comment: leaf.hidden,
            keyword: !leaf.hidden && GrammarAST.isKeyword(leaf.grammarSource),
        });
        previousEnd = leaf.end;
    }
    if (!isBlank(text.slice(previousEnd))) {
        return undefined;
    }
    const open: number[] = [];
    for (const [i, token] of tokens.entries()) {
        if (!token.keyword) {
            continue;
        }
        if (token.text === '{') {
            open.push(i);
        } else if (token.text === '}') {
            const j = open.pop();
            if (j === undefined) {
                return undefined;
            }
            token.match = j;
            tokens[j].match = i;
        }
    }
    return open.length === 0 ? { text, root, tokens } : undefined;
}

/** Every edit that formats the document, or undefined when it cannot be formatted safely. */
export function planFormatting(document: LangiumDocument, lexer: Lexer, layout = analyse(document)): PlannedEdit[] | undefined {
    if (!layout || layout.tokens.length === 0) {
        return undefined;
    }
    const edits = new Planner(layout).plan();
    return verify(layout, edits, lexer) ? edits : undefined;
}

const BLANK = /^\s*$/;
function isBlank(text: string): boolean {
    return BLANK.test(text);
}

/** Line breaks in a run of whitespace: `\r\n`, `\r` and `\n` each count once (as in LSP positions). */
function lineBreaks(ws: string): { count: number; first: number; eol: string | undefined } {
    let count = 0;
    let first = -1;
    let eol: string | undefined;
    for (let i = 0; i < ws.length; i++) {
        const c = ws[i];
        if (c === '\r' || c === '\n') {
            const crlf = c === '\r' && ws[i + 1] === '\n';
            if (count === 0) {
                first = i;
                eol = crlf ? '\r\n' : c;
            }
            count++;
            if (crlf) {
                i++;
            }
        }
    }
    return { count, first, eol };
}

interface ClauseRange {
    /** Offset of the clause's first token. */
    start: number;
}

interface Structure {
    /** Index of each child (hidden ones left out). */
    index: Map<CstNode, number>;
    /** The clause each child is part of, if any. */
    rangeOf: Array<ClauseRange | undefined>;
    /** Index of the `{` and `}` children, if the node has a body. */
    open: number;
    close: number;
}

class Planner {
    private readonly text: string;
    private readonly tokens: Token[];
    private readonly byOffset = new Map<number, number>();
    private readonly structures = new Map<CompositeCstNode, Structure>();
    private readonly clauseStarts = new Map<GrammarTypes.AbstractElement, boolean>();
    /** Brace depth before each token. */
    private readonly depth: number[] = [];
    /** Whether each token begins a line of the result. */
    private readonly startsLine: boolean[] = [];
    /** Continuation level of the line each token is on. */
    private readonly lineLevel: number[] = [];
    /** Line (of the input) each token starts on. */
    private readonly line: number[] = [];
    /** Index of the next code token after each token, -1 if none. */
    private readonly nextCode: number[];
    private readonly eol: string;

    constructor(layout: Layout) {
        this.text = layout.text;
        this.tokens = layout.tokens;
        let depth = 0;
        let line = 0;
        let eol: string | undefined;
        for (const [i, token] of this.tokens.entries()) {
            this.byOffset.set(token.start, i);
            if (i > 0) {
                const breaks = lineBreaks(this.text.slice(this.tokens[i - 1].start, token.start));
                line += breaks.count;
                eol ??= breaks.eol;
            }
            this.line.push(line);
            if (token.keyword && token.text === '}') {
                depth--;
            }
            this.depth.push(depth);
            if (token.keyword && token.text === '{') {
                depth++;
            }
        }
        this.eol = eol ?? lineBreaks(this.text).eol ?? '\n';
        this.nextCode = new Array<number>(this.tokens.length).fill(-1);
        let next = -1;
        for (let i = this.tokens.length - 1; i >= 0; i--) {
            this.nextCode[i] = next;
            if (!this.tokens[i].comment) {
                next = i;
            }
        }
    }

    plan(): PlannedEdit[] {
        const tokens = this.tokens;
        const edits: PlannedEdit[] = [];
        // Which tokens begin a line of the result, and the continuation level of each line.
        let level = 0;
        let lineHasCode = false;
        for (let i = 0; i < tokens.length; i++) {
            const breaks = i === 0 || lineBreaks(this.text.slice(tokens[i - 1].end, tokens[i].start)).count > 0;
            const starts = breaks || this.breakInserted(i);
            this.startsLine.push(starts);
            if (starts) {
                lineHasCode = false;
            }
            if (!tokens[i].comment && !lineHasCode) {
                level = this.continuationLevel(i);
                lineHasCode = true;
            }
            this.lineLevel.push(level);
        }
        const bom = this.text.startsWith('\uFEFF') ? 1 : 0;
        this.gap(edits, bom, tokens[0].start, tokens[0].start, this.leadingIndent(0, afterLastBreak(this.text.slice(bom, tokens[0].start))));
        for (let i = 1; i < tokens.length; i++) {
            this.planGap(edits, i);
        }
        for (const token of tokens) {
            if (token.keyword) {
                // Blanks inside a keyword phrase ("chủ   trì"): one space.
                for (const m of token.text.matchAll(/[ \t]+/g)) {
                    if (m[0] !== ' ') {
                        const start = token.start + m.index;
                        edits.push({ start, end: start + m[0].length, newText: ' ', anchor: token.start });
                    }
                }
            }
        }
        const last = tokens[tokens.length - 1];
        this.gap(edits, last.end, this.text.length, last.end, this.eol);
        return edits.sort((a, b) => a.start - b.start);
    }

    /** Replaces text[start, end) (whitespace) by `newText` if it differs. */
    private gap(edits: PlannedEdit[], start: number, end: number, anchor: number, newText: string): void {
        if (this.text.slice(start, end) !== newText) {
            edits.push({ start, end, newText, anchor });
        }
    }

    private planGap(edits: PlannedEdit[], i: number): void {
        const a = this.tokens[i - 1];
        const b = this.tokens[i];
        const ws = this.text.slice(a.end, b.start);
        const breaks = lineBreaks(ws);
        if (breaks.count > 0) {
            // Three small edits, so that an editor keeps its marks: the trailing blanks of the line
            // (anchored on it), the line breaks, and the indentation of the next line (anchored there).
            const indent = afterLastBreak(ws);
            const breaksEnd = b.start - indent.length;
            this.gap(edits, a.end, a.end + breaks.first, a.end, '');
            this.gap(edits, a.end + breaks.first, breaksEnd, b.start, breaks.eol!.repeat(Math.min(breaks.count, 2)));
            this.gap(edits, breaksEnd, b.start, b.start, this.leadingIndent(i, indent));
            return;
        }
        if (this.startsLine[i]) {
            this.gap(edits, a.end, b.start, b.start, this.eol + this.leadingIndent(i, ''));
            return;
        }
        this.gap(edits, a.end, b.start, b.start, this.spaceBetween(i, ws));
    }

    /** Whether a line break is inserted before token i: the braces of a block written on several lines stand on their own lines. */
    private breakInserted(i: number): boolean {
        const b = this.tokens[i];
        if (b.comment) {
            return false;
        }
        if (this.isMultiLineBrace(i) && b.text === '}') {
            return true;
        }
        for (let j = i - 1; j >= 0; j--) {
            if (!this.tokens[j].comment) {
                return this.isMultiLineBrace(j);
            }
        }
        return false;
    }

    private isMultiLineBrace(i: number): boolean {
        const match = this.tokens[i].match;
        return match !== undefined && this.line[match] !== this.line[i];
    }

    /** The indentation of token i, which begins a line; `written` is the indentation it has now. */
    private leadingIndent(i: number, written: string): string {
        const token = this.tokens[i];
        if (token.comment) {
            if (lineBreaks(token.text).count > 0 && token.text.startsWith('/*')) {
                // Its own lines are aligned on where it starts: leave it there.
                return written.replace(/[^ \t]/g, ' ');
            }
            const j = this.nextCode[i];
            if (j < 0) {
                return '';
            }
            // A comment describes the code after it; before a `}`, it ends the block's content.
            const next = this.tokens[j];
            return this.codeIndent(j) + (next.keyword && next.text === '}' ? INDENT : '');
        }
        return this.codeIndent(i);
    }

    /** The indentation a line starting with code token i has. */
    private codeIndent(i: number): string {
        const token = this.tokens[i];
        const level = token.keyword && (token.text === '{' || token.text === '}') ? 0 : this.continuationLevel(i);
        return INDENT.repeat(Math.max(0, this.depth[i]) + level);
    }

    /**
     * How many levels a line starting with token i is indented beyond its block: 0 for a statement
     * or clause of the block; else one more than the line where the innermost clause, value or
     * statement that contains it (and begins before it) begins.
     */
    private continuationLevel(i: number): number {
        const token = this.tokens[i];
        if (token.comment || (token.keyword && (token.text === '{' || token.text === '}'))) {
            return 0;
        }
        const start = this.enclosingStart(token.leaf);
        if (start === undefined) {
            return 0;
        }
        const j = this.byOffset.get(start);
        return j === undefined || j >= i ? 0 : this.lineLevel[j] + 1;
    }

    /** Offset where the innermost unit containing `leaf` and beginning before it begins; undefined at block level. */
    private enclosingStart(leaf: LeafCstNode): number | undefined {
        const offset = leaf.offset;
        let child: CstNode = leaf;
        for (let parent = child.container; parent; child = parent, parent = parent.container) {
            const structure = this.structure(parent);
            const index = structure.index.get(child) ?? -1;
            const range = structure.rangeOf[index];
            if (range && range.start < offset) {
                return range.start;
            }
            if (structure.open >= 0 && structure.open < index && (structure.close < 0 || index < structure.close)) {
                return undefined;
            }
            if (!isRootCstNode(parent) && parent.offset < offset) {
                return parent.offset;
            }
        }
        return undefined;
    }

    /** The children of a composite node, its clauses, and its braces. */
    private structure(node: CompositeCstNode): Structure {
        let structure = this.structures.get(node);
        if (structure) {
            return structure;
        }
        const children = node.content.filter(c => !c.hidden);
        const rangeOf: Array<ClauseRange | undefined> = [];
        let open = -1;
        let close = -1;
        let current: ClauseRange | undefined;
        for (const [index, child] of children.entries()) {
            const brace = keywordOf(child);
            if (brace === '{' || brace === '}') {
                if (brace === '{') {
                    open = open < 0 ? index : open;
                } else {
                    close = index;
                }
                current = undefined;
                continue;
            }
            if (this.isClauseStart(child)) {
                current = { start: child.offset };
            }
            rangeOf[index] = current;
        }
        structure = { index: new Map(children.map((c, k) => [c, k])), rangeOf, open, close };
        this.structures.set(node, structure);
        return structure;
    }

    /**
     * Whether a child begins a clause of its node: it is at the first position of one iteration of
     * an optional or repeated part of the rule (`( ('căn cứ'|'basis') … | … )*`, `(… )?`), and is not
     * punctuation. An optional field alone (`name=ID?`) is a field, not a clause.
     */
    private isClauseStart(child: CstNode): boolean {
        if (PUNCTUATION.has(keywordOf(child) ?? '')) {
            return false;
        }
        const source = child.grammarSource;
        if (!source) {
            return false;
        }
        let known = this.clauseStarts.get(source);
        if (known === undefined) {
            known = startsIteration(source);
            this.clauseStarts.set(source, known);
        }
        return known;
    }

    /** Whether a child or one of its first descendants begins a clause (for the two-space rule). */
    private beginsClause(leaf: LeafCstNode): boolean {
        for (let node: CstNode | undefined = leaf; node && !isRootCstNode(node) && node.offset === leaf.offset; node = node.container) {
            if (this.isClauseStart(node)) {
                return true;
            }
        }
        return false;
    }

    /** The blanks between tokens i-1 and i on one line; `ws` is what is there now. */
    private spaceBetween(i: number, ws: string): string {
        const a = this.tokens[i - 1];
        const b = this.tokens[i];
        if (a.comment || b.comment) {
            // Around a comment, keep the writer's spacing (a trailing comment's alignment).
            return ws.length > 0 ? ws : ' ';
        }
        const ak = a.keyword ? a.text : '';
        const bk = b.keyword ? b.text : '';
        if (ak === '{' && bk === '}') {
            return '';
        }
        if (ak === '{' || bk === '}') {
            return ' ';
        }
        if (bk === '%' && a.leaf.tokenType.name === 'NUMBER') {
            // "90%"; but "đơn vị %", the unit of an indicator.
            return '';
        }
        if (bk === ',' || bk === ')' || ak === '(' || ak === '.' || bk === '.' || ak === '/' || bk === '/') {
            return '';
        }
        if (ws.length >= 2 && this.beginsClause(b.leaf)) {
            // Clauses on one line, set apart by two spaces where the writer did so.
            return '  ';
        }
        return ' ';
    }
}

/** The keyword a leaf is, if it is one. */
function keywordOf(node: CstNode): string | undefined {
    return !isCompositeCstNode(node) && GrammarAST.isKeyword(node.grammarSource) ? node.grammarSource.value : undefined;
}

/** The whitespace after the last line break of `ws` (all of it if none). */
function afterLastBreak(ws: string): string {
    return ws.slice(Math.max(ws.lastIndexOf('\n'), ws.lastIndexOf('\r')) + 1);
}

function startsIteration(source: GrammarTypes.AbstractElement): boolean {
    let element: GrammarTypes.AbstractElement = source;
    for (;;) {
        if (element.cardinality && !isOptionalField(element)) {
            return true;
        }
        const container = element.$container;
        if (!container || !GrammarAST.isAbstractElement(container)) {
            return false;
        }
        if (GrammarAST.isGroup(container) && container.elements[0] !== element) {
            return false;
        }
        element = container;
    }
}

/** `name=ID?`, `label=ITEM_NUMBER?`: one optional terminal, part of its statement. */
function isOptionalField(element: GrammarTypes.AbstractElement): boolean {
    return GrammarAST.isAssignment(element) && GrammarAST.isRuleCall(element.terminal) && GrammarAST.isTerminalRule(element.terminal.rule.ref);
}

/**
 * The edits change only whitespace (outside keyword phrases: their blanks become one space) and
 * the result lexes to the same tokens. A plan that fails this is a bug; no edits rather than a
 * damaged plan.
 */
function verify(layout: Layout, edits: PlannedEdit[], lexer: Lexer): boolean {
    const result = applyEdits(layout.text, edits);
    const squeeze = (s: string) => s.replace(/\s+/g, '');
    if (squeeze(result) !== squeeze(layout.text)) {
        return false;
    }
    const after = lexer.tokenize(result);
    if (after.errors.length > 0) {
        return false;
    }
    const key = (type: string, image: string) => `${type}\u0000${type === 'STRING' || type.endsWith('COMMENT') ? image : image.replace(/[ \t]+/g, ' ')}`;
    const expected = layout.tokens.map(t => key(t.leaf.tokenType.name, t.text));
    const actual = [...after.tokens, ...after.hidden].sort((x, y) => x.startOffset - y.startOffset).map(t => key(t.tokenType.name, t.image));
    return expected.length === actual.length && expected.every((v, k) => v === actual[k]);
}

/** Applies edits given by offsets into `text` (sorted, not overlapping). */
export function applyEdits(text: string, edits: readonly PlannedEdit[]): string {
    let result = '';
    let at = 0;
    for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
        result += text.slice(at, edit.start) + edit.newText;
        at = edit.end;
    }
    return result + text.slice(at);
}
