/**
 * How the editor names and classifies the parts of a plan, for the outline (document symbols) and
 * workspace symbol search. One place, so both show a task or a section the same way.
 *
 * Symbol kinds (LSP SymbolKind):
 *
 * | planspec                                    | SymbolKind |
 * |---------------------------------------------|------------|
 * | `phạm vi` (namespace)                       | Namespace  |
 * | plan (`kế hoạch` …)                         | Module     |
 * | document (`văn bản`)                        | File       |
 * | section (`phần`, `[8.] { … }`), article     | Namespace  |
 * | annex (`phụ lục`)                           | Package    |
 * | phase (`giai đoạn`)                         | Package    |
 * | task, request (`nhiệm vụ`, `giao`, `đề nghị`) | Function |
 * | report (`báo cáo`)                          | Event      |
 * | target (`chỉ tiêu`)                         | Number     |
 * | indicator (`chỉ số`)                        | Property   |
 * | agency (`cơ quan`)                          | Class      |
 * | group (`nhóm`)                              | Struct     |
 * | funding (`kinh phí`)                        | Object     |
 * | numbered paragraph, objective, scope        | String     |
 */
import type { AstNode, CstNode } from 'langium';
import { SymbolKind } from 'vscode-languageserver';
import type { Section } from '../language/generated/ast.js';
import {
    isAgency, isAnnex, isArticle, isDocument, isFunding, isGroup, isIndicator, isNamespaceDecl, isObjective, isParagraph, isPhase,
    isPlan, isReport, isSection, isTarget, isTask, isTextBlock
} from '../language/generated/ast.js';
import { kindLabel } from '../semantics/documents.js';
import { bareNumber, labelOf } from '../semantics/structure.js';
import { comparisonText, targetStatement } from '../semantics/targets.js';
import { sourceText } from '../semantics/time.js';
import { propertyNode } from '../language/cst-property.js';

export interface SymbolInfo {
    /** Never empty (editors reject a symbol without a name). */
    name: string;
    kind: SymbolKind;
    detail?: string;
    /** What is selected when the symbol is chosen: the id, else the number, else the text. */
    nameNode?: CstNode;
    /** The id, when the item has one; for search. */
    id?: string;
    /** The official name, title, heading or text of the item. */
    text?: string;
    /** Other names a person may search for: an agency's short names ("UBND tỉnh"). */
    aliases?: string[];
}

/** How many words of a text name an item without an id. */
const NAME_WORDS = 8;
const NAME_CHARS = 60;
const DETAIL_CHARS = 100;

/** The symbol a node stands for in the outline, or undefined for nodes that are not listed. */
export function symbolOf(node: AstNode): SymbolInfo | undefined {
    if (isNamespaceDecl(node)) {
        return named(node, SymbolKind.Namespace, node.name, node.title);
    }
    if (isAgency(node) || isGroup(node)) {
        const info = named(node, isAgency(node) ? SymbolKind.Class : SymbolKind.Struct, node.name, node.officialName);
        return info && { ...info, aliases: (node.aliases ?? []).filter(isText) };
    }
    if (isIndicator(node)) {
        return named(node, SymbolKind.Property, node.name, node.text);
    }
    if (isDocument(node)) {
        const label = node.number ? `${kindLabel(node)} số ${node.number}` : kindLabel(node);
        const detail = node.summary ? `${label}: ${clip(node.summary, DETAIL_CHARS)}` : label;
        return named(node, SymbolKind.File, node.name, detail, [label, node.summary].filter(isText).join(' '));
    }
    if (isPlan(node)) {
        const detail = node.title ? `${kindLabel(node)}: ${clip(node.title, DETAIL_CHARS)}` : kindLabel(node);
        return named(node, SymbolKind.Module, node.name, detail, node.title);
    }
    if (isSection(node)) {
        return sectionSymbol(node);
    }
    if (isAnnex(node)) {
        const word = keywordAtStart(node, /^annex/i) ? 'Annex' : 'Phụ lục';
        const name = [node.number ? `${word} ${clean(node.number)}` : word, clean(node.heading)].filter(isText).join(': ');
        return item(node, SymbolKind.Package, name, undefined, 'number', node.heading);
    }
    if (isArticle(node)) {
        const word = keywordAtStart(node, /^article/i) ? 'Article' : 'Điều';
        const name = `${word} ${clean(node.number)}`.trim();
        const detail = [node.name, node.text].filter(isText).join(' · ');
        return item(node, SymbolKind.Namespace, name, detail, 'number', node.text, node.name);
    }
    if (isTask(node)) {
        return textItem(node, SymbolKind.Function, node.name, node.text, 'text');
    }
    if (isTarget(node)) {
        const info = textItem(node, SymbolKind.Number, node.name, node.text, 'text');
        // The target in words as the plan states it ("phấn đấu đạt 20% trong năm 2025").
        const statement = targetStatement(node);
        const text = (node.text ?? '').trim();
        const terms = statement.startsWith(`${text}:`) ? statement.slice(text.length + 1).trim() : comparisonText(node);
        if (info) {
            const about = node.name ? firstWords(node.text) : undefined;
            info.detail = [about, terms].filter(isText).join(': ') || undefined;
        }
        return info;
    }
    if (isReport(node)) {
        return textItem(node, SymbolKind.Event, node.name, node.title, 'title');
    }
    if (isPhase(node)) {
        const period = sourceText(node.period);
        const info = textItem(node, SymbolKind.Package, node.name, node.title ?? period, node.title ? 'title' : 'period');
        if (info && period && info.name !== period) {
            info.detail = info.detail ? `${info.detail} (${period})` : period;
        }
        return info;
    }
    if (isFunding(node)) {
        return textItem(node, SymbolKind.Object, undefined, node.text, 'text');
    }
    // Prose is listed only where the plan numbers it ("6. Nâng cao …"), so the outline follows the
    // printed numbering; bullets and unnumbered paragraphs would drown the structure.
    if ((isParagraph(node) || isObjective(node) || isTextBlock(node)) && bareNumber(labelOf(node)) !== undefined) {
        return textItem(node, SymbolKind.String, undefined, node.text, 'text');
    }
    return undefined;
}

function sectionSymbol(node: Section): SymbolInfo | undefined {
    const detail = node.mode && (node.addressees ?? []).length > 0
        ? `${clean(node.mode)} ${node.addressees.map(a => clean(a.$refText)).join(', ')}`
        : undefined;
    if (node.heading !== undefined || node.number !== undefined) {
        // As printed: "I. MỤC ĐÍCH, YÊU CẦU", "2. Sở Nội vụ:".
        const name = [node.number !== undefined ? withPoint(clean(node.number)) : undefined, clean(node.heading)].filter(isText).join(' ');
        return item(node, SymbolKind.Namespace, name, detail, node.number !== undefined ? 'number' : 'heading', node.heading);
    }
    // A numbered item of several paragraphs ("[8.] { … }"): its number and the first words of its text.
    const label = labelOf(node);
    const first = (node.members ?? []).map(m => (m as { text?: unknown }).text).find(isText);
    const name = [label ? clean(label) : undefined, first !== undefined ? firstWords(first) : undefined].filter(isText).join(' ');
    return item(node, SymbolKind.Namespace, name, detail, 'label', first);
}

/** A declaration named by its id. */
function named(node: AstNode, kind: SymbolKind, id: string | undefined, detail: string | undefined, text?: string): SymbolInfo | undefined {
    if (!node.$cstNode) {
        return undefined;
    }
    const name = clean(id) || fallbackName(node);
    return {
        name, kind, detail: detail ? clip(detail, DETAIL_CHARS) : undefined, id: clean(id) || undefined, text: text ?? detail,
        nameNode: propertyNode(node.$cstNode, 'name') ?? node.$cstNode,
    };
}

/** An item named by its id, else by its printed number and the first words of its text. */
function textItem(node: AstNode, kind: SymbolKind, id: string | undefined, text: string | undefined, textProperty: string): SymbolInfo | undefined {
    // The printed number ("1.", "a)"); a bullet ("-") is no name.
    const label = bareNumber(labelOf(node)) !== undefined ? clean(labelOf(node)) : undefined;
    if (id) {
        const detail = [label, text].filter(isText).join(' ');
        return item(node, kind, id, detail || undefined, 'name', text, id);
    }
    const name = [label, firstWords(text)].filter(isText).join(' ');
    return item(node, kind, name, undefined, label ? 'label' : textProperty, text);
}

function item(node: AstNode, kind: SymbolKind, name: string, detail: string | undefined, nameProperty: string, text?: string, id?: string): SymbolInfo | undefined {
    const cst = node.$cstNode;
    if (!cst) {
        return undefined;
    }
    return {
        name: name.trim() || fallbackName(node), kind, detail: detail ? clip(detail, DETAIL_CHARS) : undefined,
        nameNode: propertyNode(cst, nameProperty) ?? cst, id: clean(id) || undefined, text,
    };
}

/** A name for a half-typed item: its first line as written. */
function fallbackName(node: AstNode): string {
    const first = clean(node.$cstNode?.text.split(/\r?\n/)[0]);
    return clip(first, NAME_CHARS) || node.$type;
}

/** The first words of a text, at most NAME_WORDS words or about NAME_CHARS characters, "…" when cut. */
export function firstWords(text: string | undefined): string | undefined {
    const words = clean(text).split(' ').filter(w => w !== '');
    if (words.length === 0) {
        return undefined;
    }
    let result = '';
    let count = 0;
    for (const word of words) {
        if (count === NAME_WORDS || (result.length > 0 && result.length + 1 + word.length > NAME_CHARS)) {
            return `${result}…`;
        }
        result = result ? `${result} ${word}` : word;
        count++;
    }
    return clip(result, NAME_CHARS);
}

/** At most `max` characters, cut after a word when one ends near the limit. */
function clip(text: string, max: number): string {
    const t = clean(text);
    if (t.length <= max) {
        return t;
    }
    const cut = t.slice(0, max - 1);
    const space = cut.lastIndexOf(' ');
    return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** NFC, blanks collapsed (labels and refs keep the source text, which may be NFD). */
function clean(text: string | undefined): string {
    return (text ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** "I" → "I.", "2.1" → "2.1."; a number printed with its own punctuation ("2)", "a.") is kept. */
function withPoint(number: string): string {
    return number === '' || /[.):\-–]$/u.test(number) ? number : `${number}.`;
}

function keywordAtStart(node: AstNode, pattern: RegExp): boolean {
    return pattern.test(node.$cstNode?.text.trimStart() ?? '');
}

function isText(value: unknown): value is string {
    return typeof value === 'string' && value.trim() !== '';
}
