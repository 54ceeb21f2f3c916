/**
 * What document numbers and dates mean: how a number-symbol ("số ký hiệu") is read, which type
 * abbreviation belongs to which kind of document, the date and year a citable text carries, and a
 * per-workspace index of declared numbers (which also resolves number-symbols cited in prose).
 * Facts: ../shared/notes/vietnamese-documents.md (Nghị định 30/2020/NĐ-CP Phụ lục III; Luật Ban hành
 * VBQPPL 2015 Điều 10; Hướng dẫn 36-HD/VPTW).
 */
import type { AstNode, Reference, URI } from 'langium';
import { AstUtils, DocumentState, GrammarUtils } from 'langium';
import type { Range } from 'vscode-languageserver';
import type { Citable, Document, Model, Party, Plan } from '../language/generated/ast.js';
import { isDocument, isPlan } from '../language/generated/ast.js';
import type { DocumentKind } from '../language/keywords.js';
import { documentKind, documentKindLabel } from '../language/keywords.js';
import { namespaceOf } from '../language/planspec-scope.js';
import type { CalendarDate } from './dates.js';
import { parseDate, parseDateParts } from './dates.js';
import { ancestors } from './responsibility.js';
import type { SemanticServices } from './services.js';
import { mergedPerWorkspace } from './services.js';

// ---------------------------------------------------------------------------------------------
// Type abbreviations
// ---------------------------------------------------------------------------------------------

/** Type abbreviation of each kind in a state document's symbol (case-sensitive, NFC). */
export const STATE_TYPES: Readonly<Partial<Record<DocumentKind, readonly string[]>>> = {
    'decision': ['QĐ'],
    'directive': ['CT'],
    'plan': ['KH'],
    'resolution': ['NQ', 'NQLT'],
    'decree': ['NĐ'],
    'circular': ['TT'],
    'joint-circular': ['TTLT'],
    'scheme': ['ĐA'],
    'programme': ['CTr'],
    'guidance': ['HD'],
    'notice': ['TB'],
    'report': ['BC'],
    'submission': ['TTr'],
    'regulation': ['QyĐ'],
    'statute': ['QC'],
    'conclusion': ['KL'],
    'dispatch': ['CĐ'],
    'ordinance': ['PL'],
    'joint-resolution': ['NQLT'],
    'project': ['DA'],
    'option-plan': ['PA'],
    'communique': ['TC'],
    'minutes': ['BB'],
    'contract': ['HĐ'],
    'memorandum': ['BGN'],
    'agreement': ['BTT'],
    'power-of-attorney': ['GUQ'],
    'invitation': ['GM'],
    'introduction-letter': ['GGT'],
    'leave-permit': ['GNP'],
    'dispatch-note': ['PG'],
    'transfer-note': ['PC'],
    'notification-slip': ['PB'],
};

/** Type abbreviation of each kind in a Party document's symbol ("46-CT/TW", "08-QĐi/TW"). */
export const PARTY_TYPES: Readonly<Partial<Record<DocumentKind, readonly string[]>>> = {
    'decision': ['QĐ'],
    'regulation': ['QĐi', 'QĐ'],
    'directive': ['CT'],
    'plan': ['KH'],
    'resolution': ['NQ', 'NQLT'],
    'scheme': ['ĐA'],
    'programme': ['CTr'],
    'guidance': ['HD'],
    'notice': ['TB'],
    'report': ['BC'],
    'submission': ['TTr'],
    'statute': ['QC'],
    'conclusion': ['KL'],
    'letter': ['CV'],
};

/** Type abbreviations seen in practice that belong to no kind of the language. */
const OTHER_STATE_TYPES: string[] = [];

function reverse(table: Readonly<Partial<Record<DocumentKind, readonly string[]>>>): Map<string, DocumentKind[]> {
    const map = new Map<string, DocumentKind[]>();
    for (const [kind, types] of Object.entries(table) as Array<[DocumentKind, readonly string[]]>) {
        for (const type of types) {
            map.set(type, [...(map.get(type) ?? []), kind]);
        }
    }
    return map;
}

/** Kinds each state type abbreviation denotes. */
export const STATE_TYPE_KINDS = reverse(STATE_TYPES);
/** Kinds each Party type abbreviation denotes. */
export const PARTY_TYPE_KINDS = reverse(PARTY_TYPES);

/** Whether `type` is a type abbreviation of a state document (of any kind, or of none in the language). */
export function isKnownStateType(type: string): boolean {
    return STATE_TYPE_KINDS.has(type) || OTHER_STATE_TYPES.includes(type);
}

/** Issuer abbreviations of Party bodies: a slash-form number issued by one of them is written state-style. */
export const DEFAULT_PARTY_ISSUERS: readonly string[] = [
    'TW', 'TU', 'HU', 'QU', 'ThU', 'ĐU', 'ĐUK', 'BCSĐ', 'VPTW', 'VPTU',
    'BTGTW', 'BTCTW', 'BDVTW', 'BNCTW', 'UBKTTW', 'BTGTU', 'BTCTU', 'BDVTU', 'BNCTU', 'UBKTTU',
    'ĐUQSTW', 'ĐUCA',
];

/** Whether a group of a symbol can be a type abbreviation: a state or Party type, or "CV". */
export function looksLikeType(group: string): boolean {
    return group === 'CV' || isKnownStateType(group) || PARTY_TYPE_KINDS.has(group);
}

const DEFAULT_PARTY_ISSUER_SET: ReadonlySet<string> = new Set(DEFAULT_PARTY_ISSUERS);

/**
 * The Party form of a Party document's number written state-style: "18/NQ-TW" → "18-NQ/TW",
 * "04/2022/NQ-TU" → "04-NQ/TU" (a type, then a Party issuer: the issuer alone says it is the Party's,
 * whatever kind the text names). Undefined for any other number. Give it a number without blanks.
 */
export function partyFormOf(compact: string, partyIssuers: ReadonlySet<string> = DEFAULT_PARTY_ISSUER_SET): string | undefined {
    const symbol = parseNumberSymbol(compact);
    if (symbol.form !== 'slash' && symbol.form !== 'normative') {
        return undefined;
    }
    const groups = symbol.groups;
    return groups.length >= 2 && partyIssuers.has(groups[1]) && looksLikeType(groups[0])
        ? `${symbol.number}-${groups[0]}/${groups.slice(1).join('-')}`
        : undefined;
}

/** Kinds that are normative by nature: their number always carries the year. */
export const NORMATIVE_KINDS: ReadonlySet<DocumentKind> = new Set<DocumentKind>(['decree', 'circular', 'joint-circular', 'ordinance', 'joint-resolution']);
/** Kinds that may be normative (then numbered with the year) or administrative. */
export const MAYBE_NORMATIVE_KINDS: ReadonlySet<DocumentKind> = new Set<DocumentKind>(['resolution', 'decision', 'directive']);

// ---------------------------------------------------------------------------------------------
// Number-symbol
// ---------------------------------------------------------------------------------------------

/**
 * A number-symbol read into its parts:
 * - `party`: N-TYPE/ISSUER (46-CT/TW, 36-HD/VPTW);
 * - `assembly`: N/YYYY/QHnn or N/YYYY/UBTVQHnn (96/2019/QH14), a text of the National Assembly or
 *   of its Standing Committee, with no type;
 * - `normative`: N/YYYY/TYPE-ISSUER (208/2013/NĐ-CP); `groups` are TYPE and the issuer groups;
 * - `slash`: N/G1-G2-… (1073/QĐ-UBND, 4170/QĐ-BCA-C41, or a letter's 3833/SYT-VP);
 * - `unreadable`: anything else.
 */
export type NumberSymbol =
    | { form: 'party'; number: string; type: string; issuer: string[] }
    | { form: 'assembly'; number: string; year: number; body: string }
    | { form: 'normative'; number: string; year: number; groups: string[] }
    | { form: 'slash'; number: string; groups: string[] }
    | { form: 'unreadable' };

const GROUP = '[\\p{L}\\p{M}\\p{N}]+';
const GROUPS = `${GROUP}(?:-${GROUP})*`;
const PARTY_RE = new RegExp(`^(\\d+)-(${GROUP})/(${GROUPS})$`, 'u');
const ASSEMBLY_RE = /^(\d+)\/(\d{4})\/((?:UBTV)?QH\d{1,2})$/u;
const NORMATIVE_RE = new RegExp(`^(\\d+)/(\\d{4})/(${GROUPS})$`, 'u');
const SLASH_RE = new RegExp(`^(\\d+)/(${GROUPS})$`, 'u');

/** Reads a number-symbol written without blanks (check `hasBlank` first). */
export function parseNumberSymbol(text: string): NumberSymbol {
    const s = text.normalize('NFC');
    let m = PARTY_RE.exec(s);
    if (m) {
        return { form: 'party', number: m[1], type: m[2], issuer: m[3].split('-') };
    }
    m = ASSEMBLY_RE.exec(s);
    if (m) {
        return { form: 'assembly', number: m[1], year: Number(m[2]), body: m[3] };
    }
    m = NORMATIVE_RE.exec(s);
    if (m) {
        return { form: 'normative', number: m[1], year: Number(m[2]), groups: m[3].split('-') };
    }
    m = SLASH_RE.exec(s);
    if (m) {
        return { form: 'slash', number: m[1], groups: m[2].split('-') };
    }
    return { form: 'unreadable' };
}

export function hasBlank(text: string): boolean {
    return /\s/u.test(text);
}

/**
 * The type abbreviation a number-symbol prints, with the table it belongs to: the Party one for
 * the Party form, the state one otherwise. Undefined when the symbol has no type part (a National
 * Assembly text, a letter) or when the first group of a slash form is not a known type.
 */
export function typeOfSymbol(symbol: NumberSymbol): { type: string; party: boolean } | undefined {
    switch (symbol.form) {
        case 'party':
            return { type: symbol.type, party: true };
        case 'normative':
            return symbol.groups.length > 1 ? { type: symbol.groups[0], party: false } : undefined;
        case 'slash':
            return symbol.groups.length > 1 && isKnownStateType(symbol.groups[0]) ? { type: symbol.groups[0], party: false } : undefined;
        default:
            return undefined;
    }
}

/** The year printed in a number-symbol (N/YYYY/…), if any. */
export function yearOfSymbol(symbol: NumberSymbol): number | undefined {
    return symbol.form === 'normative' || symbol.form === 'assembly' ? symbol.year : undefined;
}

// ---------------------------------------------------------------------------------------------
// Kinds, labels, dates
// ---------------------------------------------------------------------------------------------

export function kindOf(node: Document | Plan): DocumentKind | undefined {
    // The kind is missing while a declaration is being typed.
    return typeof node.kind === 'string' ? documentKind(node.kind) : undefined;
}

/** "Thông tư", "Quyết định", … for a canonical kind; the typed keyword if it is not one. */
export function kindLabel(node: Document | Plan): string {
    const kind = kindOf(node);
    return kind ? documentKindLabel[kind] : node.kind ?? 'Văn bản';
}

/** English name of a kind ("joint circular"). */
export function kindEnglish(kind: DocumentKind): string {
    return kind.replaceAll('-', ' ');
}

/**
 * The date a citable text bears: its own `ngày`, or for a plan without one, the date of the
 * decision it is issued with (`ban hành kèm theo`), which is the plan's date.
 */
export function dateOf(node: Citable): { date: CalendarDate; text: string; via?: Citable } | undefined {
    const own = node.date ? parseDate(node.date) : undefined;
    if (own) {
        return { date: own, text: node.date! };
    }
    if (isPlan(node) && !node.date) {
        const issuing = node.issuedWith?.ref;
        if (issuing && issuing !== node && issuing.date) {
            const date = parseDate(issuing.date);
            return date ? { date, text: issuing.date, via: issuing } : undefined;
        }
    }
    return undefined;
}

/**
 * The year of a text's own date (read even when the day does not exist: invalid-date reports that),
 * or the year it is known by ("Luật … năm 2015").
 */
export function ownYear(node: Document | Plan): number | undefined {
    const fromDate = node.date ? parseDateParts(node.date)?.year : undefined;
    return fromDate ?? (isDocument(node) && Number.isInteger(node.year) ? node.year : undefined);
}

/** How a citable text is named in a message: its kind and number, or its id. */
export function citableLabel(node: Citable): string {
    const label = kindLabel(node);
    return node.number ? `${label} ${node.number}` : `${label} ${node.name}`;
}

/** The same in English: "circular 23/TT-BCA", "plan KH_CT39". */
export function citableLabelEn(node: Citable): string {
    const kind = kindOf(node);
    const label = kind ? kindEnglish(kind) : node.kind;
    return node.number ? `${label} ${node.number}` : `${label} ${node.name}`;
}

/** The range of the last value given to a property (a header clause given twice keeps the last one). */
export function lastPropertyRange(node: AstNode, property: string): Range | undefined {
    const nodes = GrammarUtils.findNodesForProperty(node.$cstNode, property);
    return nodes.length > 0 ? nodes[nodes.length - 1].range : node.$cstNode?.range;
}

/** Identity of a reference for duplicate detection: the declaration, or the text when unresolved. */
export function referenceKey(ref: Reference<Citable>): unknown {
    return ref.ref ?? `\u0000${ref.$refText.normalize('NFC')}`;
}

// ---------------------------------------------------------------------------------------------
// Workspace index of number-symbols
// ---------------------------------------------------------------------------------------------

export interface NumberedDeclaration {
    node: Document | Plan;
    uri: URI;
    offset: number;
}

/** A declaration with what decides whether two of them can be one document, computed once. */
interface Entry extends NumberedDeclaration {
    order: number;
    namespace: string | undefined;
    year: number | undefined;
    issuer: Party | undefined;
}

interface NumberIndex {
    groups: Map<string, Entry[]>;
    /** Every declaration by its number key alone, in file order (for citations found in prose). */
    byNumber: Map<string, Entry[]>;
    /** For each declaration of a group already resolved: the earlier declaration of the same document, or null. */
    earlier: Map<Document | Plan, Entry | null>;
    resolved: Set<string>;
}

/**
 * A number-symbol as compared between declarations: no blanks, NFC, upper case (a misprinted
 * case "39/CT-TTG" is the same document), leading zeros of the number dropped ("05" = "5").
 */
export function numberKey(text: string): string {
    return text.normalize('NFC').replace(/\s+/gu, '').toUpperCase().replace(/^0+(?=\d)/u, '');
}

function declarationKey(node: Document | Plan): string | undefined {
    return node.number ? `${kindOf(node) ?? node.kind}\u0000${numberKey(node.number)}` : undefined;
}


/**
 * The first declaration (document or plan) in the workspace of `node` that declares the same
 * document: same kind and number key, and `maybeSameDocument`; "first" in file order, then position.
 * Undefined when `node` is that first one or the only one.
 *
 * Efficient for large workspaces: the index is built once per workspace state (a WorkspaceCache is
 * cleared whenever a document changes) in one pass over the top-level elements, and each group of
 * equal numbers is resolved once; a declaration is compared only with earlier ones of its own
 * namespace and national ones (declarations in two provinces' namespaces are never the same).
 */
export function earlierDeclaration(services: SemanticServices, node: Document | Plan): NumberedDeclaration | undefined {
    const key = declarationKey(node);
    if (!key) {
        return undefined;
    }
    const index = numberIndex(services, node);
    if (!index.resolved.has(key)) {
        resolveGroup(index, index.groups.get(key) ?? []);
        index.resolved.add(key);
    }
    return index.earlier.get(node) ?? undefined;
}

/**
 * Each file's numbered declarations are read once from its text (again when it is reparsed); the
 * index is merged from them once per build. Issuers are read when groups are resolved, not here:
 * they are references, and a part is kept across relinking.
 */
const numbersOf = mergedPerWorkspace<Array<Omit<Entry, 'order' | 'issuer'>>, NumberIndex>({
    state: DocumentState.IndexedContent,
    partState: DocumentState.IndexedContent,
    part: document => {
        const model = document.parseResult?.value as Model | undefined;
        const namespace = model?.namespace?.name;
        const part: Array<Omit<Entry, 'order' | 'issuer'>> = [];
        for (const element of model?.elements ?? []) {
            if ((isDocument(element) || isPlan(element)) && element.number) {
                part.push({ node: element, uri: document.uri, offset: element.$cstNode?.offset ?? 0, namespace, year: ownYear(element) });
            }
        }
        return part;
    },
    merge: parts => {
        // File order (by URI), then position: the same order whatever order the files were loaded in.
        const files = parts.map(p => ({ uri: p.document.uri.toString(), part: p.part })).filter(p => p.part.length > 0);
        files.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
        const groups = new Map<string, Entry[]>();
        const byNumber = new Map<string, Entry[]>();
        let order = 0;
        for (const file of files) {
            for (const declared of [...file.part].sort((a, b) => a.offset - b.offset)) {
                const entry: Entry = { ...declared, order: order++, issuer: declared.node.issuer?.ref };
                push(groups, declarationKey(entry.node)!, entry);
                push(byNumber, numberKey(entry.node.number!), entry);
            }
        }
        return { groups, byNumber, earlier: new Map(), resolved: new Set() };
    },
});

function numberIndex(services: SemanticServices, node: AstNode): NumberIndex {
    return numbersOf(services, AstUtils.getDocument(node).uri);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
    const list = map.get(key);
    if (list) {
        list.push(value);
    } else {
        map.set(key, [value]);
    }
}

/**
 * The declarations a number-symbol written in `from` can mean, best first: those of the same
 * namespace, then national ones, then those of other namespaces; a kind or date printed beside the
 * number narrows the choice when several declarations share it.
 */
export function declarationsNumbered(services: SemanticServices, from: AstNode, number: string,
    hints: { kind?: DocumentKind; date?: CalendarDate } = {}): Array<Document | Plan> {
    const byNumber = numberIndex(services, from).byNumber;
    // A Party number printed state-style ("27/NQ-TW") names the document declared in the Party form.
    const party = byNumber.has(numberKey(number)) ? undefined : partyFormOf(number.normalize('NFC').replace(/\s+/gu, ''));
    const entries = byNumber.get(numberKey(party ?? number)) ?? [];
    if (entries.length === 0) {
        return [];
    }
    const namespace = namespaceOf(from);
    const rank = (e: Entry) => (e.namespace !== undefined && e.namespace === namespace ? 0 : e.namespace === undefined ? 1 : 2);
    let candidates = [...entries].sort((a, b) => rank(a) - rank(b) || a.order - b.order);
    const narrow = (keep: (e: Entry) => boolean) => {
        const kept = candidates.filter(keep);
        if (kept.length > 0) {
            candidates = kept;
        }
    };
    if (hints.kind) {
        narrow(e => kindOf(e.node) === hints.kind);
    }
    if (hints.date) {
        const date = hints.date;
        narrow(e => {
            const own = e.node.date ? parseDate(e.node.date) : undefined;
            return !!own && own.year === date.year && own.month === date.month && own.day === date.day;
        });
    }
    const best = rank(candidates[0]);
    return candidates.filter(e => rank(e) === best).map(e => e.node);
}

function resolveGroup(index: NumberIndex, group: readonly Entry[]): void {
    const byNamespace = new Map<string, Entry[]>();
    const national: Entry[] = [];
    const all: Entry[] = [];
    for (const entry of group) {
        let first: Entry | undefined;
        if (entry.namespace) {
            const a = byNamespace.get(entry.namespace)?.find(e => compatible(e, entry));
            const b = national.find(e => compatible(e, entry));
            first = a && b ? (a.order < b.order ? a : b) : a ?? b;
        } else {
            first = all.find(e => compatible(e, entry));
        }
        index.earlier.set(entry.node, first ?? null);
        all.push(entry);
        if (entry.namespace) {
            const list = byNamespace.get(entry.namespace);
            if (list) {
                list.push(entry);
            } else {
                byNamespace.set(entry.namespace, [entry]);
            }
        } else {
            national.push(entry);
        }
    }
}

function compatible(a: Entry, b: Entry): boolean {
    return !(a.issuer && b.issuer && !relatedParties(a.issuer, b.issuer))
        && !(a.year !== undefined && b.year !== undefined && a.year !== b.year)
        && !(a.namespace && b.namespace && a.namespace !== b.namespace);
}

/**
 * Whether two declarations with the same kind and number can be the same document: not when both
 * name issuers that are unrelated bodies (27/KH-UBND of two provinces), when both dates fall in
 * different years (numbering restarts each year), or when both are declared in different
 * provinces' namespaces.
 */
export function maybeSameDocument(a: Document | Plan, b: Document | Plan): boolean {
    const ia = a.issuer?.ref;
    const ib = b.issuer?.ref;
    if (ia && ib && !relatedParties(ia, ib)) {
        return false;
    }
    const ya = ownYear(a);
    const yb = ownYear(b);
    if (ya !== undefined && yb !== undefined && ya !== yb) {
        return false;
    }
    const na = namespaceOf(a);
    const nb = namespaceOf(b);
    return !(na && nb && na !== nb);
}

function relatedParties(a: Party, b: Party): boolean {
    return a === b || ancestors(a).includes(b) || ancestors(b).includes(a);
}
