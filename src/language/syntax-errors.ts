/**
 * One typo, one finding, where the typo is, in the drafter's words. After a parse, the raw lexer and
 * parser errors are refined:
 *
 * - a string whose closing quote is missing turns the rest of the file inside out (prose read as
 *   tokens, tokens read as prose): detected by parsing again with the quote put back, it is one error
 *   at the opening quote, and nothing after it is reported;
 * - a missing `}` is one error naming the block left open and the line of its `{` (found by the
 *   indentation the brace should have had), at the end of the block's last line;
 * - a misspelled keyword gets the nearest keyword that may stand there ("chủ tri" → "chủ trì",
 *   "phoi hop" → "phối hợp", any case, with or without diacritics), a misspelled kind of document the
 *   few nearest kinds, an id in quotes or a month in the old syntax ("12/2025") the way to write it,
 *   a clause out of place the block it belongs to; each with a quick fix where the correction is clear;
 * - the errors that follow from one (inside the text the parser skipped to recover, or on the same
 *   line) are dropped.
 *
 * What the parser could not read is recorded per file (`syntaxDamage`), so that the rules stay
 * silent there instead of reporting the consequences of the typo.
 */
import type { ILexingError, IRecognitionException, IToken } from 'chevrotain';
import type { AstNode, CstNode, Lexer, ParseResult } from 'langium';
import { CstUtils } from 'langium';
import type { Position, Range } from 'vscode-languageserver';
import { foldForSearch } from './fold.js';
import { documentKind } from './keywords.js';
import type { ErrorDetail, PlanspecParserErrorMessageProvider } from './syntax-messages.js';
import { expectedWords, shown, tokenName, UNCLOSED_QUOTE } from './syntax-messages.js';
import type { RecoveredRegion } from './syntax-recovery.js';
import type { SyntaxVocabulary } from './syntax-vocabulary.js';
import { describeBlock, isNamedBlock, isVietnameseKeyword } from './syntax-vocabulary.js';

/** A correction of a syntax error, in the shape of a rule's fix (src/linter/rule.ts). */
export interface SyntaxFix {
    title: string;
    edits: Array<{ range: Range; newText: string }>;
    preferred?: boolean;
}

/** What a refined error carries beyond its message: where to show it, fixes, the places it names. */
export interface SyntaxNote {
    range: Range;
    fixes?: SyntaxFix[];
    related?: Array<{ range: Range; message: string }>;
}

export type RefinedError = (ILexingError | IRecognitionException) & { planspec?: SyntaxNote };

/** What a file's syntax errors leave unreadable, for the rules to stay out of. */
export interface SyntaxDamage {
    /** Offsets [from, to) of text read wrongly or not at all. */
    regions: Array<{ from: number; to: number }>;
    /** Nodes the parser built incompletely: their findings (and, for a statement, its parts') are consequences. */
    damaged: Set<AstNode>;
    /** Ids written in those regions: a declaration lost there makes its uses unresolved. */
    names: Set<string>;
}

const damageByRoot = new WeakMap<AstNode, SyntaxDamage>();

/** The damage recorded for the tree of `root` when it was parsed; undefined when it parsed cleanly. */
export function syntaxDamage(root: AstNode): SyntaxDamage | undefined {
    return damageByRoot.get(root);
}

/** Statements whose parts depend on them (a sub-task inherits its task's lead): damage spreads to them. */
const STATEMENTS = new Set(['Task', 'Report', 'Target', 'Document', 'Agency', 'Group', 'Indicator', 'Phase', 'Funding', 'Article', 'Paragraph', 'Objective', 'Footnote', 'TextBlock', 'NamespaceDecl']);

export function isDamaged(damage: SyntaxDamage, node: AstNode): boolean {
    if (damage.damaged.has(node)) {
        return true;
    }
    for (let n = node.$container; n; n = n.$container) {
        if (damage.damaged.has(n) && STATEMENTS.has(n.$type)) {
            return true;
        }
    }
    return false;
}

export interface RefineInput {
    text: string;
    result: ParseResult<AstNode>;
    provider: PlanspecParserErrorMessageProvider;
    lexer: Lexer;
    regions: readonly RecoveredRegion[];
    /** Parses a variant of the text: its number of syntax errors and the offset of the first. */
    reparse: (text: string) => { errors: number; first: number | undefined };
}

interface Raw {
    offset: number;
    end: number;
    lexer?: ILexingError;
    parser?: IRecognitionException;
}

interface Problem {
    offset: number;
    region: { from: number; to: number };
    node?: AstNode;
    message: string;
    range: Range;
    fixes?: SyntaxFix[];
    related?: Array<{ range: Range; message: string }>;
    /** The raw error it stands for, kept as the object the parse result lists. */
    lexer?: ILexingError;
    parser?: IRecognitionException;
}

/** Rewrites the errors of `input.result` in place and records the damage. */
export function refineSyntaxErrors(input: RefineInput): void {
    const { result } = input;
    if (result.lexerErrors.length === 0 && result.parserErrors.length === 0) {
        return;
    }
    new Refinement(input).run();
}

class Refinement {
    private readonly text: string;
    private readonly lineStarts: number[];
    private readonly vocabulary: SyntaxVocabulary;
    private readonly root: AstNode;
    private readonly rootCst: CstNode | undefined;
    private allTokens: IToken[] | undefined;

    constructor(private readonly input: RefineInput) {
        this.text = input.text;
        this.vocabulary = input.provider.vocabulary;
        this.root = input.result.value;
        this.rootCst = this.root.$cstNode;
        this.lineStarts = [0];
        for (let i = this.text.indexOf('\n'); i >= 0; i = this.text.indexOf('\n', i + 1)) {
            this.lineStarts.push(i + 1);
        }
    }

    run(): void {
        const { result } = this.input;
        const raws = this.raws();
        const problems: Problem[] = [];
        const flipped = this.flippedString(raws);
        if (flipped) {
            problems.push(flipped);
        } else {
            const brace = this.missingBrace(raws);
            if (brace) {
                problems.push(brace);
            }
            let last: Problem | undefined;
            for (const raw of raws) {
                // Raws come in order of offset: an earlier problem's region can only cover this raw if it is
                // the missing brace or one of the last few (a scan of all would be quadratic on 100,000 errors).
                const near = [...(brace ? [brace] : []), ...problems.slice(Math.max(brace ? 1 : 0, problems.length - 8))];
                const within = near.find(p => raw.offset >= p.region.from && raw.offset < p.region.to)
                    ?? (last && this.lineOf(raw.offset) <= this.lineOf(Math.max(last.region.from, last.region.to - 1)) ? last : undefined);
                if (within) {
                    // A consequence of an earlier error: it widens that error's region instead.
                    within.region.to = Math.max(within.region.to, raw.end);
                    continue;
                }
                const problem = raw.lexer ? this.lexical(raw) : this.syntactic(raw);
                this.grow(problem);
                problems.push(problem);
                last = problem;
            }
        }
        problems.sort((a, b) => a.offset - b.offset);
        const lexerErrors: RefinedError[] = [];
        const parserErrors: RefinedError[] = [];
        for (const p of problems) {
            const note: SyntaxNote = { range: p.range, ...(p.fixes?.length ? { fixes: p.fixes } : {}), ...(p.related?.length ? { related: p.related } : {}) };
            if (p.parser) {
                parserErrors.push(Object.assign(p.parser, { message: p.message, planspec: note }));
            } else {
                const at = p.lexer ?? { offset: p.offset, length: 0, line: p.range.start.line + 1, column: p.range.start.character + 1, message: '' };
                lexerErrors.push(Object.assign(at, { message: p.message, planspec: note }));
            }
        }
        result.lexerErrors = lexerErrors as ILexingError[];
        result.parserErrors = parserErrors as IRecognitionException[];
        this.recordDamage(problems);
    }

    // ---- raw errors -----------------------------------------------------------------------

    private raws(): Raw[] {
        const { result } = this.input;
        const raws: Raw[] = [];
        for (const e of result.lexerErrors) {
            raws.push({ offset: e.offset, end: e.offset + Math.max(1, e.length), lexer: e });
        }
        for (const e of result.parserErrors) {
            const token = validToken(e.token) ? e.token : undefined;
            const previous = (e as { previousToken?: IToken }).previousToken;
            const offset = token ? token.startOffset : previous && validToken(previous) ? previous.endOffset! + 1 : this.text.length;
            raws.push({ offset, end: token ? token.endOffset! + 1 : offset, parser: e });
        }
        return raws.sort((a, b) => a.offset - b.offset);
    }

    // ---- an unclosed string ---------------------------------------------------------------

    /**
     * The string before the first error runs over several lines and ends on the error's line: if
     * closing it on its first line makes the file parse (or fail only later), it is the typo.
     */
    private flippedString(raws: Raw[]): Problem | undefined {
        const first = raws[0];
        if (!first) {
            return undefined;
        }
        const multiline = this.tokens().filter(t => tokenName(t.tokenType) === 'STRING' && t.endOffset! < first.offset && t.image.includes('\n'));
        const last = multiline[multiline.length - 1];
        if (!last || this.lineOf(last.endOffset!) !== this.lineOf(first.offset)) {
            return undefined;
        }
        // After the unclosed string every string is read inside out, up to the error: the earliest
        // of them that, closed on its first line, lets the file parse is the one left open.
        const before = this.input.result.lexerErrors.length + this.input.result.parserErrors.length;
        for (const s of multiline.slice(-8)) {
            const lineEnd = this.lineEnd(this.lineOf(s.startOffset));
            const content = this.text.slice(s.startOffset, lineEnd).replace(/\s+$/, '');
            const candidates = new Set<number>();
            const brace = /\s*\{\s*$/.exec(content);
            if (brace) {
                candidates.add(s.startOffset + brace.index);
            }
            candidates.add(s.startOffset + content.length);
            for (const at of candidates) {
                const variant = this.text.slice(0, at) + '"' + this.text.slice(at);
                const after = this.input.reparse(variant);
                if (after.errors < before && (after.first === undefined || after.first > lineEnd + 1)) {
                    const opened = this.lineOf(s.startOffset) + 1;
                    return {
                        offset: s.startOffset,
                        region: { from: s.startOffset, to: this.text.length },
                        node: this.nodeAt(s.startOffset),
                        message: `Chuỗi mở ở dòng ${opened} chưa được đóng: thiếu dấu " (phần sau bị đọc lẫn lộn) / The string opened at line ${opened} is not closed: a closing quote " is missing (what follows is misread)`,
                        range: this.range(s.startOffset, s.startOffset + content.length),
                        fixes: [{
                            title: 'Thêm dấu " đóng chuỗi / Add the closing quote',
                            edits: [{ range: this.range(at, at), newText: '"' }],
                        }],
                    };
                }
            }
        }
        return undefined;
    }

    // ---- a missing `}` ---------------------------------------------------------------------

    private missingBrace(raws: Raw[]): Problem | undefined {
        const trigger = raws.find(r => {
            const detail = r.parser ? this.input.provider.detailOf(r.parser) : undefined;
            return detail?.expected.includes('}') && (detail.kind === 'mismatch' || !validToken(r.parser!.token));
        });
        if (!trigger) {
            return undefined;
        }
        const stack: IToken[] = [];
        const pairs: Array<{ open: IToken; close: IToken }> = [];
        for (const t of this.tokens()) {
            const name = tokenName(t.tokenType);
            if (name === '{') {
                stack.push(t);
            } else if (name === '}' && stack.length > 0) {
                pairs.push({ open: stack.pop()!, close: t });
            }
        }
        const candidates = pairs.filter(p => p.open.startOffset < trigger.offset && this.firstOnLine(p.close)
            && this.indent(this.lineOf(p.close.startOffset)) < this.indent(this.lineOf(p.open.startOffset)));
        // The blocks around the one left open close one `}` too late as well: the innermost is the typo.
        const misaligned = candidates
            .filter(p => !candidates.some(q => q !== p && q.open.startOffset > p.open.startOffset && q.close.startOffset < p.close.startOffset))
            .sort((a, b) => a.open.startOffset - b.open.startOffset)[0];
        const open = misaligned?.open ?? stack.filter(t => t.startOffset < trigger.offset).pop();
        if (!open) {
            return undefined;
        }
        const openLine = this.lineOf(open.startOffset);
        const openIndent = this.indent(openLine);
        // The block's last line: before the first line (after the `{`) indented no deeper than it.
        let lastLine = this.lineStarts.length - 1;
        if (misaligned) {
            for (let l = openLine + 1; l < this.lineStarts.length; l++) {
                if (!this.isBlankOrComment(l) && this.indent(l) <= openIndent) {
                    lastLine = l - 1;
                    break;
                }
            }
        }
        while (lastLine > openLine && this.isBlankOrComment(lastLine)) {
            lastLine--;
        }
        const at = this.lineStarts[lastLine] + this.lineText(lastLine).replace(/\s+$/, '').length;
        const node = this.blockOf(open);
        const block = node ? describeBlock(node, o => this.lineOf(o) + 1) : { vi: 'khối', en: 'the block' };
        const indent = /^[ \t]*/.exec(this.lineText(openLine))![0];
        return {
            offset: at,
            region: { from: Math.min(node?.$cstNode?.offset ?? open.startOffset, open.startOffset), to: this.text.length },
            node,
            message: `Thiếu "}" đóng ${block.vi} mở ở dòng ${openLine + 1} / Missing "}" closing ${block.en} opened at line ${openLine + 1}`,
            range: this.range(at, at),
            related: [{ range: this.range(open.startOffset, open.startOffset + 1), message: `"{" của ${block.vi} / the "{" of ${block.en}` }],
            fixes: [{
                title: `Thêm "}" đóng ${block.vi} / Add "}" closing ${block.en}`,
                edits: [{ range: this.range(at, at), newText: `${this.eol()}${indent}}` }],
            }],
            parser: trigger.parser,
        };
    }

    /** The block whose `{` this is. */
    private blockOf(open: IToken): AstNode | undefined {
        const leaf = this.rootCst ? CstUtils.findLeafNodeAtOffset(this.rootCst, open.startOffset) : undefined;
        let node: AstNode | undefined = leaf && leaf.offset === open.startOffset ? leaf.astNode : this.nodeAt(open.startOffset);
        while (node && !isNamedBlock(node)) {
            node = node.$container;
        }
        return node;
    }

    // ---- one error -------------------------------------------------------------------------

    private lexical(raw: Raw): Problem {
        const e = raw.lexer!;
        const start = e.offset;
        if (e.message === UNCLOSED_QUOTE) {
            const end = this.lineStarts[this.lineOf(start)] + this.lineText(this.lineOf(start)).replace(/\s+$/, '').length;
            return {
                offset: start, region: { from: start, to: Math.max(end, start + 1) }, node: this.nodeAt(start),
                message: e.message, range: this.range(start, Math.max(end, start + 1)), lexer: e,
                fixes: [{ title: 'Thêm dấu " đóng chuỗi / Add the closing quote', edits: [{ range: this.range(end, end), newText: '"' }] }],
            };
        }
        return { offset: start, region: { from: start, to: raw.end }, node: this.nodeAt(start), message: e.message, range: this.range(start, raw.end), lexer: e };
    }

    private syntactic(raw: Raw): Problem {
        const error = raw.parser!;
        const detail = this.input.provider.detailOf(error);
        const token = validToken(error.token) ? error.token : undefined;
        const range = token ? this.range(token.startOffset, token.endOffset! + 1) : this.range(raw.offset, raw.offset);
        const problem: Problem = { offset: raw.offset, region: { from: raw.offset, to: raw.end }, message: error.message, range, parser: error };
        problem.node = this.damagedNode(raw.offset) ?? this.nodeAt(raw.offset);
        if (!detail) {
            return problem;
        }
        const context = this.contextOf(problem.node, raw.offset);
        const expected = this.expectedAt(detail, raw.offset);
        const found = shown(token);
        const name = token ? tokenName(token.tokenType) : 'EOF';
        const previous = detail.previous && validToken(detail.previous) ? detail.previous : undefined;
        const after = previous && !this.vocabulary.isTerminal(tokenName(previous.tokenType)) && /\p{L}/u.test(previous.image)
            ? { vi: `Sau "${previous.image}"`, en: `After "${previous.image}"${this.glossOf(previous.image)}` } : undefined;

        // A keyword cut from a longer word, here or earlier on the line: "chỉ thịt" reads as "chỉ thị"
        // then "t", "chủ trìx A" as "chủ trì" x, then A where nothing more may stand.
        const cut = token ? this.cutKeyword(token) : undefined;
        if (cut) {
            const [keywordToken, rest] = cut;
            const typed = this.text.slice(keywordToken.startOffset, rest.endOffset! + 1);
            const glued = this.range(keywordToken.startOffset, rest.endOffset! + 1);
            const kinds = this.vocabulary.keywords.filter(k => documentKind(k) !== undefined && isVietnameseKeyword(k));
            const previous = keywordToken;
            if (documentKind(previous.image) !== undefined) {
                const nearest = this.vocabulary.nearest(typed, kinds, 3).map(n => n.keyword);
                return {
                    ...problem, range: glued,
                    message: `Loại văn bản không rõ: "${typed}"; gần nhất: ${nearest.map(k => `"${k}"`).join(', ')} / Unknown kind of document "${typed}"; nearest: ${nearest.map(k => `"${k}"${this.glossOf(k)}`).join(', ')}`,
                };
            }
            const meant = keywordOf(tokenName(previous.tokenType)) ?? previous.image;
            return {
                ...problem, range: glued,
                message: `Không hiểu "${typed}"${context ? ` trong ${context.vi}` : ''}: có phải "${meant}"? / "${typed}" is not understood${context ? ` in ${context.en}` : ''}: did you mean "${meant}"${this.glossOf(meant)}?`,
                fixes: [{ title: `Sửa thành "${meant}" / Change to "${meant}"`, edits: [{ range: glued, newText: meant }] }],
            };
        }
        // A month or quarter in the old syntax: "12/2025" for "tháng 12/2025".
        for (const [terminal, keyword] of [['MONTH_YEAR', 'tháng'], ['ROMAN_YEAR', 'quý']] as const) {
            if (token && name === terminal && expected.includes(keyword) && !expected.includes(terminal)) {
                const en = keyword === 'tháng' ? 'month' : 'quarter';
                return {
                    ...problem,
                    message: `${keyword === 'tháng' ? 'Tháng' : 'Quý'} viết là "${keyword} ${token.image}" / A ${en} is written "${keyword} ${token.image}"`,
                    fixes: [{ title: `Viết "${keyword} ${token.image}" / Write "${keyword} ${token.image}"`, edits: [{ range: this.range(token.startOffset, token.startOffset), newText: `${keyword} ` }], preferred: true }],
                };
            }
        }
        // An id written as a string: `chủ trì "CA_TINH"`.
        if (token && name === 'STRING' && (expected.includes('ID') && !expected.includes('STRING') || previous && this.vocabulary.takesReference(tokenName(previous.tokenType)))) {
            const inner = token.image.slice(1, -1).normalize('NFC');
            const lead = after ? `${after.vi} cần` : 'Ở đây cần';
            const leadEn = after ? `${after.en} comes` : 'Here comes';
            if (/^[\p{L}_][\p{L}\p{M}\p{N}_]*(\.[\p{L}_][\p{L}\p{M}\p{N}_]*)*$/u.test(inner)) {
                return {
                    ...problem,
                    message: `${lead} một mã, viết không có ngoặc kép: ${inner} / ${leadEn} an id, written without quotes: ${inner}`,
                    fixes: [{ title: `Bỏ ngoặc kép: ${inner} / Remove the quotes: ${inner}`, edits: [{ range, newText: inner }], preferred: true }],
                };
            }
            return { ...problem, message: `${lead} mã của cơ quan hoặc văn bản (như CA_TINH), không phải tên trong ngoặc kép ${found.vi} / ${leadEn} the id of a body or document (such as CA_TINH), not a name in quotes ${found.en}` };
        }
        const where = context ? { vi: ` trong ${context.vi}`, en: ` in ${context.en}` } : { vi: '', en: '' };
        // A misspelled keyword, or a misspelled kind of document.
        if (token && (name === 'ID' || !this.vocabulary.isTerminal(name))) {
            const kinds = expected.filter(e => documentKind(e) !== undefined);
            const kindContext = detail.ruleName === 'DocumentKind' || (kinds.length > 20 && kinds.length >= expected.length - 12 && detail.ruleName !== 'Model');
            const suggestion = this.suggest(token, kindContext ? kinds : expected);
            if (kindContext) {
                const typed = suggestion?.text ?? token.image;
                const nearest = this.vocabulary.nearest(typed, kinds.filter(isVietnameseKeyword), 3).map(n => n.keyword);
                const listVi = nearest.map(k => `"${k}"`).join(', ');
                const listEn = nearest.map(k => `"${k}"${this.glossOf(k)}`).join(', ');
                return {
                    ...problem,
                    range: suggestion?.range ?? range,
                    message: `Loại văn bản không rõ: "${typed}"; gần nhất: ${listVi} / Unknown kind of document "${typed}"; nearest: ${listEn}`,
                    fixes: suggestion?.certain ? [suggestion.fix] : undefined,
                };
            }
            // A whole keyword is no misspelling of another one ("phần" is not "plan"): it is out of place.
            if (suggestion && !(keywordOf(name) !== undefined && suggestion.tokens === 1)) {
                return {
                    ...problem,
                    range: suggestion.range,
                    message: `Không hiểu "${suggestion.text}"${where.vi}: có phải "${suggestion.keyword}"? / "${suggestion.text}" is not understood${where.en}: did you mean "${suggestion.keyword}"${this.glossOf(suggestion.keyword)}?`,
                    fixes: [suggestion.fix],
                };
            }
            // A clause written in the wrong block: `chủ trì` in a plan, `số` in a task.
            const keyword = keywordOf(name);
            if (keyword && !expected.includes(keyword)) {
                const homes = this.homesOf(keyword);
                if (homes.length > 0) {
                    return {
                        ...problem,
                        message: `"${keyword}" không viết được${where.vi}: đó là một mục của ${homes.map(h => h.vi).join(' hoặc ')} / "${keyword}"${this.glossOf(keyword)} cannot be written${where.en}: it is a clause of ${homes.map(h => h.en).join(' or ')}`,
                    };
                }
            }
        }
        if (detail.kind === 'notAllInput') {
            if (name === '}') {
                return { ...problem, message: `Dấu "}" này không đóng khối nào: có thể thừa, hoặc thiếu một "{" ở trên / This "}" closes no block: it may be one too many, or a "{" is missing above` };
            }
            return { ...problem, message: `Không hiểu ${found.vi} ở đây: chỉ viết được khai báo (cơ quan, nhóm, văn bản, chỉ số) hoặc kế hoạch / ${found.en} is not understood here: only declarations (agency, group, document, indicator) or a plan may stand here` };
        }
        const words = expectedWords(this.vocabulary, expected.filter(e => e !== '}' && e !== 'EOF'));
        const close = expected.includes('}') && context ? { vi: `, hoặc "}" để đóng ${context.vi}`, en: `, or "}" to close ${context.en}` } : { vi: '', en: '' };
        const what = expectedWords(this.vocabulary, detail.expected);
        if (detail.kind === 'mismatch' && detail.expected.length === 1 && detail.expected[0] !== '}' && after && what.vi !== '') {
            return { ...problem, message: `${after.vi} cần ${what.vi}, không phải ${found.vi} / ${after.en} comes ${what.en}, not ${found.en}` };
        }
        if (words.vi === '') {
            return { ...problem, message: `Không hiểu ${found.vi}${where.vi}${close.vi ? `; ở đây chỉ có thể viết "}" để đóng ${context!.vi}` : ''} / ${found.en} is not understood${where.en}${close.en ? `; only "}" closing ${context!.en} may stand here` : ''}` };
        }
        return {
            ...problem,
            message: `Không hiểu ${found.vi}${where.vi}; ở đây có thể viết: ${words.vi}${close.vi} / ${found.en} is not understood${where.en}; here you can write: ${words.en}${close.en}`,
        };
    }

    /** The first keyword on the token's line, up to it, that a letter follows without a space: the start of a longer word. */
    private cutKeyword(token: IToken): [IToken, IToken] | undefined {
        const tokens = this.tokens();
        const lineStart = this.lineStarts[this.lineOf(token.startOffset)];
        // A few words back at most: a line of thousands of tokens with an error on each stays linear.
        for (let i = Math.max(lowerBound(tokens, lineStart), lowerBound(tokens, token.startOffset) - 16); i + 1 < tokens.length && tokens[i + 1].startOffset <= token.startOffset; i++) {
            const [a, b] = [tokens[i], tokens[i + 1]];
            if (a.endOffset! + 1 === b.startOffset && /[\p{L}\p{M}]$/u.test(a.image) && /^\p{L}/u.test(b.image) && !this.vocabulary.isTerminal(tokenName(a.tokenType))) {
                return [a, b];
            }
        }
        return undefined;
    }

    /** What may stand at `offset`: what the parser expected, the clauses of the block it was in, and those that could continue the statement just before. */
    private expectedAt(detail: ErrorDetail, offset: number): string[] {
        const expected = new Set(detail.expected);
        if (detail.expected.includes('}') || detail.kind === 'mismatch' && detail.expected.includes('EOF')) {
            this.vocabulary.clauses(detail.ruleName).forEach(s => expected.add(s));
            if (detail.ruleName === 'Model') {
                this.vocabulary.first('Element').forEach(s => expected.add(s));
            }
        }
        if (this.rootCst) {
            const leaf = CstUtils.findLeafNodeBeforeOffset(this.rootCst, Math.max(0, offset - 1));
            if (leaf && leaf.end <= offset) {
                for (let node: AstNode | undefined = leaf.astNode; node && node.$cstNode && node.$cstNode.end === leaf.end; node = node.$container) {
                    this.vocabulary.clauses(node.$type).forEach(s => expected.add(s));
                }
            }
        }
        return [...expected];
    }

    /** The blocks in which `keyword` begins a clause, in words. */
    private homesOf(keyword: string): Array<{ vi: string; en: string }> {
        const blocks: Array<[string, string, string]> = [
            ['Task', 'nhiệm vụ { … }', 'a task { … }'], ['Plan', 'kế hoạch { … }', 'a plan { … }'],
            ['Document', 'văn bản', 'a document'], ['Report', 'báo cáo { … }', 'a report { … }'],
            ['Section', 'phần { … }', 'a section { … }'], ['Target', 'chỉ tiêu', 'a target'],
            ['Agency', 'cơ quan', 'an agency'], ['Group', 'nhóm', 'a group'], ['Article', 'điều { … }', 'an article { … }'],
            ['Signer', 'người ký', 'a signer'], ['Model', 'tệp (ngoài mọi khối)', 'the file (outside any block)'],
        ];
        return blocks.filter(([rule]) => this.vocabulary.clauses(rule).includes(keyword) || (rule === 'Model' && this.vocabulary.first('Element').includes(keyword)))
            .slice(0, 3).map(([, vi, en]) => ({ vi, en }));
    }

    /** The keyword nearest to the token (and the words after it on its line), if close enough to be the one meant. */
    private suggest(token: IToken, candidates: readonly string[]): { keyword: string; text: string; tokens: number; range: Range; certain: boolean; fix: SyntaxFix } | undefined {
        const keywords = candidates.filter(c => !this.vocabulary.isTerminal(c) && /\p{L}/u.test(c));
        if (keywords.length === 0) {
            return undefined;
        }
        const tokens = this.tokens();
        let index = lowerBound(tokens, token.startOffset);
        const words: IToken[] = [];
        for (; index < tokens.length && words.length < 4; index++) {
            const t = tokens[index];
            if (t.startLine !== token.startLine || !/^[\p{L}_]/u.test(t.image) || (words.length > 0 && t.startOffset < words[words.length - 1].endOffset!)) {
                break;
            }
            words.push(t);
        }
        if (words.length === 0) {
            words.push(token);
        }
        let best: { keyword: string; distance: number; count: number } | undefined;
        for (let count = 1; count <= words.length; count++) {
            const typed = this.text.slice(words[0].startOffset, words[count - 1].endOffset! + 1);
            const [nearest, second] = this.vocabulary.nearest(typed, keywords, 2);
            if (!nearest) {
                continue;
            }
            const length = foldForSearch(typed).length;
            const tolerance = length <= 3 ? 0 : length <= 8 ? 1 : 2;
            const unique = !second || second.distance > nearest.distance || foldForSearch(second.keyword) === foldForSearch(nearest.keyword);
            if (nearest.distance <= tolerance && unique && (!best || nearest.distance < best.distance || nearest.distance === best.distance)) {
                best = { keyword: nearest.keyword, distance: nearest.distance, count };
            }
        }
        if (!best) {
            return undefined;
        }
        const end = words[best.count - 1].endOffset! + 1;
        const text = this.text.slice(words[0].startOffset, end);
        const range = this.range(words[0].startOffset, end);
        return {
            keyword: best.keyword, text, tokens: best.count, range, certain: best.distance === 0,
            fix: { title: `Sửa thành "${best.keyword}" / Change to "${best.keyword}"`, edits: [{ range, newText: best.keyword }], preferred: best.distance === 0 },
        };
    }

    private glossOf(keyword: string): string {
        const gloss = this.vocabulary.gloss(keyword.normalize('NFC').toLowerCase());
        return gloss ? ` (${gloss})` : '';
    }

    /** The named block the error is in ("nhiệm vụ NV2"), if not the file itself. */
    private contextOf(node: AstNode | undefined, offset: number): { vi: string; en: string } | undefined {
        let n = node ?? this.nodeAt(offset);
        while (n && !isNamedBlock(n)) {
            n = n.$container;
        }
        return n && n.$type !== 'Model' ? describeBlock(n, o => this.lineOf(o) + 1) : undefined;
    }

    // ---- regions and damage ------------------------------------------------------------------

    /** The recovery that the error caused: the text skipped, and the node left incomplete. */
    private damagedNode(offset: number): AstNode | undefined {
        const region = this.input.regions.find(r => r.from <= offset && offset < Math.max(r.to, r.from + 1));
        const node = region?.node?.astNode;
        return node && node !== this.root ? node : undefined;
    }

    private grow(problem: Problem): void {
        let changed = true;
        while (changed) {
            changed = false;
            for (const r of this.input.regions) {
                if (r.from <= problem.region.to && r.to >= problem.region.from && (r.from < problem.region.from || r.to > problem.region.to)) {
                    problem.region.from = Math.min(problem.region.from, r.from);
                    problem.region.to = Math.max(problem.region.to, r.to);
                    changed = true;
                }
            }
        }
    }

    private recordDamage(problems: Problem[]): void {
        const damage: SyntaxDamage = { regions: [], damaged: new Set(), names: new Set() };
        for (const p of problems) {
            damage.regions.push({ from: p.region.from, to: p.region.to });
            if (p.node && p.node !== this.root) {
                damage.damaged.add(p.node);
            }
            const skipped = this.text.slice(p.region.from, Math.min(p.region.to, p.region.from + 100_000));
            for (const m of skipped.matchAll(/[\p{L}_][\p{L}\p{M}\p{N}_]*/gu)) {
                if (damage.names.size < 10_000) {
                    damage.names.add(m[0].normalize('NFC'));
                }
            }
        }
        damageByRoot.set(this.root, damage);
    }

    // ---- text and tree helpers -------------------------------------------------------------

    private tokens(): IToken[] {
        this.allTokens ??= this.input.lexer.tokenize(this.text).tokens;
        return this.allTokens;
    }

    /** The innermost node whose text contains `offset` (the root when none). */
    private nodeAt(offset: number): AstNode | undefined {
        if (!this.rootCst) {
            return undefined;
        }
        const leaf = CstUtils.findLeafNodeBeforeOffset(this.rootCst, offset);
        let node: AstNode | undefined = leaf?.astNode;
        while (node && node.$cstNode && node.$cstNode.end < offset && node.$container) {
            node = node.$container;
        }
        return node ?? this.root;
    }

    private lineOf(offset: number): number {
        let low = 0;
        let high = this.lineStarts.length - 1;
        while (low < high) {
            const mid = (low + high + 1) >> 1;
            if (this.lineStarts[mid] <= offset) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    private lineEnd(line: number): number {
        const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] - 1 : this.text.length;
        return next > 0 && this.text[next - 1] === '\r' ? next - 1 : next;
    }

    private lineText(line: number): string {
        return this.text.slice(this.lineStarts[line], this.lineEnd(line));
    }

    private indent(line: number): number {
        const lead = /^[ \t]*/.exec(this.lineText(line))![0];
        return [...lead].reduce((n, c) => n + (c === '\t' ? 4 : 1), 0);
    }

    private isBlankOrComment(line: number): boolean {
        const text = this.lineText(line).trim();
        return text === '' || text.startsWith('//') || text.startsWith('/*') || text.startsWith('*');
    }

    private firstOnLine(token: IToken): boolean {
        return this.text.slice(this.lineStarts[this.lineOf(token.startOffset)], token.startOffset).trim() === '';
    }

    private eol(): string {
        return this.text.includes('\r\n') ? '\r\n' : '\n';
    }

    private position(offset: number): Position {
        const line = this.lineOf(offset);
        return { line, character: offset - this.lineStarts[line] };
    }

    private range(from: number, to: number): Range {
        return { start: this.position(from), end: this.position(to) };
    }
}

function validToken(token: IToken | undefined): token is IToken {
    return !!token && Number.isFinite(token.startOffset) && token.startOffset >= 0 && Number.isFinite(token.endOffset) && !token.isInsertedInRecovery;
}

/** The keyword a token name stands for, or undefined for a terminal. */
function keywordOf(name: string): string | undefined {
    return /^[A-Z_]+$/.test(name) ? undefined : name.normalize('NFC').toLowerCase();
}

/** How many tokens start before `offset` (tokens are in text order): the first at or after it. */
export function lowerBound(tokens: readonly IToken[], offset: number): number {
    let low = 0;
    let high = tokens.length;
    while (low < high) {
        const mid = (low + high) >> 1;
        if (tokens[mid].startOffset < offset) {
            low = mid + 1;
        } else {
            high = mid;
        }
    }
    return low;
}
