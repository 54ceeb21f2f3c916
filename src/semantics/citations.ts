/**
 * Citations written in prose. A paragraph, objective, funding text, target, task or heading that
 * names a document by its number-symbol ("Quyết định số 634/QĐ-TTg ngày 13/5/2020") cites it: the
 * number-symbol is recognised in the text and resolved against the workspace's declared documents.
 * A document the text names without a number ("Luật Thi hành án hình sự năm 2019") is cited with
 * `trích dẫn ID ("phrase")`, which links it explicitly.
 */
import type { AstNode, Reference } from 'langium';
import type { Citable, Citation, Document, Plan } from '../language/generated/ast.js';
import {
    isAnnex, isArticle, isDocument, isFootnote, isFunding, isObjective, isParagraph, isPlan, isReport, isSection, isTarget,
    isTask, isTextBlock
} from '../language/generated/ast.js';
import type { DocumentKind } from '../language/keywords.js';
import { documentKind } from '../language/keywords.js';
import type { CalendarDate } from './dates.js';
import { parseDate } from './dates.js';
import type { NumberSymbol } from './documents.js';
import { declarationsNumbered, parseNumberSymbol, typeOfSymbol } from './documents.js';
import type { SemanticServices } from './services.js';
import { rememberedByText } from './text-memo.js';
import { allContents } from './contents.js';

/** A number-symbol found in a text. Offsets are into the text's value (NFC, wrapped lines joined). */
export interface FoundNumber {
    /** As printed, blanks included ("3833 /SYT-VP"). */
    printed: string;
    /** Without blanks ("3833/SYT-VP"). */
    compact: string;
    start: number;
    end: number;
    /** Blanks inside the number-symbol: a printing defect ("78/2021/NĐ -CP"). */
    malformed: boolean;
    symbol: NumberSymbol;
    /** The kind of document named just before it ("Quyết định số …"). */
    kind?: DocumentKind;
    /** The date printed just after it ("… ngày 13/5/2020"), as printed. */
    dateText?: string;
    date?: CalendarDate;
}

const CH = '[\\p{L}\\p{N}]';
/** A group of a symbol: starts with a capital ("QĐ", "TTg", "UBND") or a digit ("C41" follows a capital). */
const FIRST = `\\p{Lu}${CH}*`;
const GROUP = `[\\p{Lu}\\p{N}]${CH}*`;
/** A separator with at most one stray blank on one side ("3833 /SYT-VP", "27/NQ- TW"; not " - "). */
const SEP = (c: string) => `(?:[ \\t]${c}|${c}[ \\t]?)`;
// N[/YYYY](/|-)G1(-G2)*[/G(-G)*]: the state, normative, National Assembly and Party forms. A stray
// blank is a defect (reported) but still a citation.
const NUMBER_SYMBOL = new RegExp(
    `(?<![\\p{L}\\p{N}/.\\-])(\\d{1,5})(?:${SEP('/')}(\\d{4}))?${SEP('[/\\-]')}(${FIRST})((?:${SEP('-')}${GROUP})*)((?:${SEP('/')}${FIRST}(?:${SEP('-')}${GROUP})*)?)(?![\\p{L}\\p{N}])`,
    'gu');

/** Kind words as printed before a number ("Quyết định số", "Nghị định", "Công văn số"). */
const KIND_BEFORE = /(hiến pháp|bộ luật|luật|pháp lệnh|nghị quyết liên tịch|nghị quyết|nghị định|quyết định|chỉ thị|thông tư liên tịch|thông tư|kế hoạch|quy hoạch|đề án|dự án|phương án|chương trình|chiến lược|công văn|công điện|kết luận|quy định|quy chế|hướng dẫn|tờ trình|thông báo|thông cáo|báo cáo|văn bản)(?:\s+(?:số|sổ))?\s*$/iu;
const DATE_AFTER = /^\s*,?\s*ngày\s+(\d{1,2}[/\-.]\d{1,2}[/\-.]\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})/iu;

/**
 * The number-symbols of documents in a text. A match counts when its form shows it is a document's
 * number (a type abbreviation of Nghị định 30/2020, a year, the National Assembly or Party form) or
 * when a kind of document is named just before it; "Ban Chỉ đạo 138/CP" (a body's name) does not.
 */
export function findNumbers(text: string): readonly FoundNumber[] {
    return !text || !DIGIT.test(text) ? NO_NUMBERS : numbersOf(text);
}

const DIGIT = /\d/;

const NO_NUMBERS: readonly FoundNumber[] = [];

/** `findNumbers` of a text with a digit, remembered by text (shared: never modified). */
const numbersOf = rememberedByText(readNumbers);

function readNumbers(text: string): readonly FoundNumber[] {
    const result: FoundNumber[] = [];
    NUMBER_SYMBOL.lastIndex = 0;
    for (let m = NUMBER_SYMBOL.exec(text); m; m = NUMBER_SYMBOL.exec(text)) {
        const printed = m[0];
        const compact = printed.replace(/[ \t]/g, '');
        const symbol = parseNumberSymbol(compact);
        const before = text.substring(Math.max(0, m.index - 40), m.index);
        const kindMatch = KIND_BEFORE.exec(before.normalize('NFC'));
        const kind = kindMatch ? documentKind(kindMatch[1].toLowerCase() === 'văn bản' ? '' : kindMatch[1]) : undefined;
        const documentLike = symbol.form === 'party' || symbol.form === 'assembly' || symbol.form === 'normative'
            || (symbol.form === 'slash' && typeOfSymbol(symbol) !== undefined);
        if (!documentLike && !kindMatch) {
            continue;
        }
        const after = DATE_AFTER.exec(text.substring(m.index + printed.length));
        const dateText = after?.[1];
        result.push({
            printed, compact, start: m.index, end: m.index + printed.length,
            malformed: compact !== printed, symbol, kind, dateText,
            date: dateText ? parseDate(longToShort(dateText)) : undefined,
        });
    }
    return result;
}

function longToShort(text: string): string {
    const m = /^(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})$/iu.exec(text);
    return m ? `${Number(m[1])}/${Number(m[2])}/${m[3]}` : text;
}

/** A text of the plan that may cite documents: the node and the property that holds it. */
export interface ProseText {
    node: AstNode;
    property: string;
    text: string;
}

/** The prose texts of a node itself (not of its children); shared: never modify the result. */
export function proseTextsOf(node: AstNode): readonly ProseText[] {
    // Asked of every node by several rules: a node without prose (most of them) gets the one empty
    // list, and a node with prose its list made once (an AST never changes once built).
    const property = prosePropertyOf(node);
    if (property === null) {
        return NO_PROSE;
    }
    let texts = proseTexts.get(node);
    if (!texts) {
        const text = proseIn(node, property);
        texts = text !== '' ? [{ node, property, text }] : NO_PROSE;
        proseTexts.set(node, texts);
    }
    return texts;
}

/** The text a node holds in its prose property (`prosePropertyOf`), or '' for none. */
function proseIn(node: AstNode, property: string | null): string {
    const value = property === null ? undefined : (node as unknown as Record<string, unknown>)[property];
    return typeof value === 'string' ? value : '';
}

const NO_PROSE: readonly ProseText[] = [];
const proseTexts = new WeakMap<AstNode, readonly ProseText[]>();

/**
 * The property that holds a node's prose, or null: known by the node's type, so found once per type
 * (a dozen type tests for every node of every plan showed in the profile).
 */
function prosePropertyOf(node: AstNode): string | null {
    let property = prosePropertyByType.get(node.$type);
    if (property === undefined) {
        property = isParagraph(node) || isObjective(node) || isFunding(node) || isTarget(node) || isTask(node)
            || isArticle(node) || isTextBlock(node) || isFootnote(node) ? 'text'
            : isReport(node) ? 'title'
            : isSection(node) || isAnnex(node) ? 'heading'
            : isPlan(node) ? 'title'
            : isDocument(node) ? 'summary'
            : null;
        prosePropertyByType.set(node.$type, property);
    }
    return property;
}

const prosePropertyByType = new Map<string, string | null>();

/** One citation of a document in the prose of a plan. */
export interface ProseCitation {
    /** The node whose text cites, and which property holds the text. */
    node: AstNode;
    property: string;
    /** The declared document it resolves to; undefined when none is declared. */
    document?: Document | Plan;
    /** Every declared document it could mean, when more than one equally good one exists. */
    candidates: Array<Document | Plan>;
    /** Where in the text; undefined for an explicit citation whose phrase is not in the text. */
    start?: number;
    end?: number;
    /** The number-symbol as found, for a recognised one. */
    found?: FoundNumber;
    /** The `trích dẫn` clause, for an explicit citation. */
    explicit?: Citation;
}

/**
 * Every citation of a node's own texts, in text order: number-symbols recognised in the text, then
 * the explicit `trích dẫn` (and, for a task, `căn cứ`) citations, located by their phrase.
 */
export function citationsOf(services: SemanticServices, node: AstNode): ProseCitation[] {
    const result: ProseCitation[] = [];
    addCitations(services, node, result);
    return result;
}

/** Adds the citations of a node's own texts (`citationsOf`) to `result`. */
function addCitations(services: SemanticServices, node: AstNode, result: ProseCitation[]): void {
    // The node's own citations start here: an explicit one is compared with these only.
    const first = result.length;
    // The node's prose as `proseTextsOf` gives it, read in place: this is asked of every node of a plan.
    const property = prosePropertyOf(node);
    const text = proseIn(node, property);
    if (text !== '') {
        for (const found of findNumbers(text)) {
            const candidates = declarationsNumbered(services, node, found.compact, { kind: found.kind, date: found.date });
            result.push({
                node, property: property!, document: candidates[0], candidates: candidates.length > 1 ? candidates : [],
                start: found.start, end: found.end, found,
            });
        }
    }
    const explicit = (node as { cites?: unknown }).cites;
    if (Array.isArray(explicit)) {
        for (const cite of explicit as Citation[]) {
            const document = cite.document?.ref;
            const phrase = cite.phrase?.normalize('NFC');
            const at = phrase ? text.indexOf(phrase) : -1;
            // A document the text also names by number is one citation, not two.
            if (document && hasNumbered(result, first, document)) {
                continue;
            }
            result.push({
                node, property: 'text', document, candidates: [],
                start: at >= 0 ? at : undefined, end: at >= 0 ? at + phrase!.length : undefined, explicit: cite,
            });
        }
    }
}

function hasNumbered(citations: readonly ProseCitation[], from: number, document: Document | Plan): boolean {
    for (let k = from; k < citations.length; k++) {
        if (citations[k].document === document && citations[k].found) {
            return true;
        }
    }
    return false;
}

/** Every prose citation inside a plan or document, in document order. */
export function allCitations(services: SemanticServices, owner: Plan | Document): ProseCitation[] {
    // One list for the whole plan, not one per node copied into it.
    const result: ProseCitation[] = [];
    addCitations(services, owner, result);
    for (const node of allContents(owner)) {
        addCitations(services, node, result);
    }
    return result;
}

/** The documents a reference list names, resolved, without repeats. */
export function resolvedCitables(refs: ReadonlyArray<Reference<Citable>>): Citable[] {
    const result: Citable[] = [];
    for (const ref of refs) {
        if (ref.ref && !result.includes(ref.ref)) {
            result.push(ref.ref);
        }
    }
    return result;
}
