/**
 * A Word file (.docx) as the text the importer reads, shaped like a plan copied from a PDF or the web
 * (test/fixtures/seeds): one paragraph per line with a blank line between paragraphs, list items with
 * the number or mark the reader sees ("1.", "1.1.", "a)", "-", "+"), a table's rows as `cell | cell`
 * on consecutive lines, soft line breaks joined, NFC. Headers, footers, footnotes and images are left out.
 *
 * Why mammoth's document-transform API and not its HTML: the transform hands over mammoth's own
 * document model (paragraphs, runs, breaks, tables with their spans), which is exactly what this walks;
 * going through HTML would only add an HTML parser to get the same tree back.
 *
 * Why the list numbers are written in before mammoth reads the file: mammoth tells whether a paragraph is
 * in a list and at which level, but not the list's format (decimal, letters, roman), its level text
 * ("%1.%2."), its start or which list instance it belongs to — so it cannot give the number Word prints.
 * We compute those numbers from word/numbering.xml as Word does and insert each as the paragraph's first
 * run; mammoth then reads everything else (runs, fields, hyperlinks, content controls, tracked changes,
 * tables) as usual. jszip and @xmldom/xmldom are the libraries mammoth itself reads the file with.
 */
import type JSZip from 'jszip';

/**
 * The libraries a Word file is read with, loaded when the first one is read: a check, a compile and
 * the language server's start need none of them (they were a sixteenth of starting a check).
 */
let libraries: Promise<{
    JSZip: typeof import('jszip');
    mammoth: typeof import('mammoth');
    xmldom: typeof import('@xmldom/xmldom');
}> | undefined;

function wordLibraries(): NonNullable<typeof libraries> {
    libraries ??= Promise.all([import('jszip'), import('mammoth'), import('@xmldom/xmldom')])
        .then(([jszip, mammoth, xmldom]) => ({ JSZip: jszip.default, mammoth: mammoth.default, xmldom }));
    return libraries;
}

/** Why a file could not be read, Vietnamese then English, so the command and the CLI show it as it is. */
export class DocxError extends Error {
    constructor(vi: string, en: string, detail?: string) {
        const cause = detail ? ` (${detail.replace(/\s+/gu, ' ').trim().slice(0, 200)})` : '';
        super(`Không đọc được tệp Word (.docx): ${vi} / Could not read the Word file (.docx): ${en}${cause}`);
        this.name = 'DocxError';
    }
}

export async function docxToText(data: Uint8Array): Promise<string> {
    if (data.length === 0) {
        throw new DocxError('tệp rỗng', 'the file is empty');
    }
    const { JSZip, mammoth } = await wordLibraries();
    let zip: JSZip;
    try {
        zip = await JSZip.loadAsync(data);
    } catch {
        throw new DocxError('đây không phải tệp .docx (không phải tệp nén zip)', 'this is not a .docx file (not a zip archive)');
    }
    if (!zip.file('word/document.xml')) {
        throw new DocxError('thiếu phần nội dung word/document.xml', 'word/document.xml, the document\'s content, is missing');
    }
    let model: MammothNode | undefined;
    try {
        // Stored, not compressed: mammoth unzips it again at once.
        const buffer = await writeListNumbers(zip)
            ? await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' })
            : Buffer.from(data);
        await mammoth.convertToHtml({ buffer }, {
            transformDocument: (document: MammothNode) => {
                model = document;
                return document;
            },
            // The HTML is thrown away: images are not read, let alone encoded.
            convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' }))
        });
    } catch (error) {
        throw new DocxError('nội dung tệp bị hỏng', 'its content is damaged', error instanceof Error ? error.message : String(error));
    }
    return model ? documentText(model) : '';
}

// ---------------------------------------------------------------------------------------------------
// mammoth's document model → text

/** The part of mammoth's document model (lib/documents.js) this reads; mammoth ships no types for it. */
interface MammothNode {
    type: string;
    children?: MammothNode[];
    value?: string;
    breakType?: string;
    colSpan?: number;
    rowSpan?: number;
}

function documentText(document: MammothNode): string {
    const blocks: string[] = [];
    for (const child of document.children ?? []) {
        const block = child.type === 'table' ? tableText(child) : clean(inlineText(child));
        if (block) blocks.push(block);
    }
    return blocks.length ? blocks.join('\n\n') + '\n' : '';
}

/** A paragraph's (or any node's) text; a soft line break, a tab or a page break is a space. */
function inlineText(node: MammothNode): string {
    switch (node.type) {
        case 'text':
            return node.value ?? '';
        case 'tab':
        case 'break':
            return ' ';
        case 'table':
            return ' ' + tableRows(node).join(' ') + ' ';
        case 'paragraph':
            return (node.children ?? []).map(inlineText).join('') + ' ';
        case 'run':
        case 'hyperlink':
        case 'tableCell':
        case 'tableRow':
            return (node.children ?? []).map(inlineText).join('');
        default:
            // Note and comment references, images, checkboxes, bookmarks: nothing a reader reads as text.
            return '';
    }
}

function tableText(table: MammothNode): string {
    return tableRows(table).join('\n');
}

/**
 * One line per row. mammoth drops the cells a vertically merged cell covers and gives a spanning cell
 * once; empty cells stand in for both so every row keeps the table's columns. A merged cell's text is
 * not repeated into the rows it covers: the reader sees it once.
 */
function tableRows(table: MammothNode): string[] {
    const rows = (table.children ?? []).filter(row => row.type === 'tableRow');
    // Columns still covered by a cell from a row above: column → rows left.
    const covered = new Map<number, number>();
    const lines: string[] = [];
    for (const row of rows) {
        const cells: string[] = [];
        let column = 0;
        const skipCovered = () => {
            while ((covered.get(column) ?? 0) > 0) {
                covered.set(column, covered.get(column)! - 1);
                cells.push('');
                column++;
            }
        };
        for (const cell of (row.children ?? []).filter(c => c.type === 'tableCell')) {
            skipCovered();
            const span = Math.max(1, cell.colSpan ?? 1);
            const rowSpan = Math.max(1, cell.rowSpan ?? 1);
            cells.push(clean(inlineText(cell)));
            for (let extra = 0; extra < span; extra++) {
                if (rowSpan > 1) covered.set(column + extra, rowSpan - 1);
                if (extra > 0) cells.push('');
            }
            column += span;
        }
        skipCovered();
        if (cells.some(cell => cell)) lines.push(cells.join(' | '));
    }
    return lines;
}

function clean(text: string): string {
    return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

// ---------------------------------------------------------------------------------------------------
// List numbers, computed from word/numbering.xml as Word prints them

const W_NAMESPACES = new Set([
    'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
    'http://purl.oclc.org/ooxml/wordprocessingml/main'
]);

interface Level {
    format: string;
    text: string;
    start: number;
    legal: boolean;
}

interface NumberingDefinitions {
    abstractLevels: Map<string, Map<number, Level>>;
    nums: Map<string, { abstractId: string; startOverrides: Map<number, number>; levelOverrides: Map<number, Level> }>;
}

async function readXml(zip: JSZip, name: string): Promise<Document | undefined> {
    const file = zip.file(name);
    if (!file) return undefined;
    const text = await file.async('string');
    // xmldom only logs what it cannot parse; a damaged part must stop the import instead.
    const fail = (message: string) => {
        throw new Error(`${name}: ${message}`);
    };
    const { DOMParser } = (await wordLibraries()).xmldom;
    return new DOMParser({ errorHandler: { warning: () => undefined, error: fail, fatalError: fail } })
        .parseFromString(text, 'text/xml') as unknown as Document;
}

function wElements(root: Document | Element, localName: string): Element[] {
    const all = root.getElementsByTagName('*');
    const found: Element[] = [];
    for (let i = 0; i < all.length; i++) {
        const element = all[i]!;
        if (element.localName === localName && W_NAMESPACES.has(element.namespaceURI ?? '')) found.push(element);
    }
    return found;
}

function wChild(element: Element | undefined, localName: string): Element | undefined {
    if (!element) return undefined;
    for (let node = element.firstChild; node; node = node.nextSibling) {
        const child = node as Element;
        if (child.nodeType === 1 && child.localName === localName && W_NAMESPACES.has(child.namespaceURI ?? '')) {
            return child;
        }
    }
    return undefined;
}

/** The `w:val` attribute, whichever prefix the file gives the namespace. */
function wVal(element: Element | undefined, name = 'val'): string | undefined {
    if (!element) return undefined;
    for (let i = 0; i < element.attributes.length; i++) {
        const attribute = element.attributes[i]!;
        if (attribute.localName === name && W_NAMESPACES.has(attribute.namespaceURI ?? '')) return attribute.value;
    }
    return undefined;
}

function readLevel(element: Element): Level {
    const start = Number.parseInt(wVal(wChild(element, 'start')) ?? '', 10);
    const legal = wChild(element, 'isLgl');
    return {
        format: wVal(wChild(element, 'numFmt')) ?? 'decimal',
        text: wVal(wChild(element, 'lvlText')) ?? '',
        start: Number.isFinite(start) ? start : 1,
        legal: legal !== undefined && wVal(legal) !== '0' && wVal(legal) !== 'false'
    };
}

function readNumbering(numbering: Document): NumberingDefinitions {
    const abstractLevels = new Map<string, Map<number, Level>>();
    for (const abstract of wElements(numbering, 'abstractNum')) {
        const levels = new Map<number, Level>();
        for (const level of wElements(abstract, 'lvl')) {
            levels.set(Number.parseInt(wVal(level, 'ilvl') ?? '0', 10) || 0, readLevel(level));
        }
        abstractLevels.set(wVal(abstract, 'abstractNumId') ?? '', levels);
    }
    const nums: NumberingDefinitions['nums'] = new Map();
    for (const num of wElements(numbering, 'num')) {
        const startOverrides = new Map<number, number>();
        const levelOverrides = new Map<number, Level>();
        for (const override of wElements(num, 'lvlOverride')) {
            const ilvl = Number.parseInt(wVal(override, 'ilvl') ?? '0', 10) || 0;
            const start = Number.parseInt(wVal(wChild(override, 'startOverride')) ?? '', 10);
            if (Number.isFinite(start)) startOverrides.set(ilvl, start);
            const level = wChild(override, 'lvl');
            if (level) levelOverrides.set(ilvl, readLevel(level));
        }
        nums.set(wVal(num, 'numId') ?? '', {
            abstractId: wVal(wChild(num, 'abstractNumId')) ?? '', startOverrides, levelOverrides
        });
    }
    return { abstractLevels, nums };
}

/** A paragraph style's list (numId, level), following `basedOn`. */
function readStyleNumbering(styles: Document | undefined): Map<string, { numId: string; ilvl?: number }> {
    const own = new Map<string, { numId?: string; ilvl?: number; basedOn?: string }>();
    for (const style of styles ? wElements(styles, 'style') : []) {
        const numPr = wChild(wChild(style, 'pPr'), 'numPr');
        const ilvl = wVal(wChild(numPr, 'ilvl'));
        own.set(wVal(style, 'styleId') ?? '', {
            numId: wVal(wChild(numPr, 'numId')),
            ilvl: ilvl === undefined ? undefined : Number.parseInt(ilvl, 10) || 0,
            basedOn: wVal(wChild(style, 'basedOn'))
        });
    }
    const resolved = new Map<string, { numId: string; ilvl?: number }>();
    for (const id of own.keys()) {
        const seen = new Set<string>();
        for (let current: string | undefined = id; current && !seen.has(current); current = own.get(current)?.basedOn) {
            seen.add(current);
            const numId = own.get(current)?.numId;
            if (numId !== undefined) {
                resolved.set(id, { numId, ilvl: own.get(current)?.ilvl });
                break;
            }
        }
    }
    return resolved;
}

/** Whether any paragraph got its number (and the document was rewritten). */
async function writeListNumbers(zip: JSZip): Promise<boolean> {
    const numberingXml = await readXml(zip, 'word/numbering.xml');
    if (!numberingXml) return false;
    const document = (await readXml(zip, 'word/document.xml'))!;
    const definitions = readNumbering(numberingXml);
    const styleNumbering = readStyleNumbering(await readXml(zip, 'word/styles.xml'));
    const counter = new ListCounter(definitions);
    let changed = false;
    for (const paragraph of wElements(document, 'p')) {
        const properties = wChild(paragraph, 'pPr');
        const numPr = wChild(properties, 'numPr');
        const fromStyle = styleNumbering.get(wVal(wChild(properties, 'pStyle')) ?? '');
        const numId = wVal(wChild(numPr, 'numId')) ?? fromStyle?.numId;
        if (numId === undefined || numId === '0') continue;
        const ilvlText = wVal(wChild(numPr, 'ilvl'));
        const ilvl = ilvlText !== undefined ? Number.parseInt(ilvlText, 10) || 0 : fromStyle?.ilvl ?? 0;
        const label = counter.next(numId, ilvl);
        if (!label) continue;
        const namespace = paragraph.namespaceURI;
        const prefix = paragraph.prefix ? `${paragraph.prefix}:` : '';
        const run = document.createElementNS(namespace, `${prefix}r`);
        const text = document.createElementNS(namespace, `${prefix}t`);
        text.setAttribute('xml:space', 'preserve');
        text.appendChild(document.createTextNode(`${label} `));
        run.appendChild(text);
        paragraph.insertBefore(run, properties ? properties.nextSibling : paragraph.firstChild);
        changed = true;
    }
    if (changed) {
        const { XMLSerializer } = (await wordLibraries()).xmldom;
        zip.file('word/document.xml', new XMLSerializer().serializeToString(document as never));
    }
    return changed;
}

/**
 * Word's counting: lists (w:num) sharing an abstract definition continue one sequence unless a list
 * restarts a level with `startOverride` where it is first used; a level's count restarts whenever a
 * higher level advances.
 */
class ListCounter {
    private readonly counts = new Map<string, Map<number, number>>();
    private readonly seen = new Set<string>();

    constructor(private readonly definitions: NumberingDefinitions) {}

    next(numId: string, ilvl: number): string {
        const num = this.definitions.nums.get(numId);
        if (!num) return '';
        const abstractLevels = this.definitions.abstractLevels.get(num.abstractId) ?? new Map<number, Level>();
        const levelOf = (index: number) => num.levelOverrides.get(index) ?? abstractLevels.get(index);
        const level = levelOf(ilvl);
        if (!level) return '';
        let counts = this.counts.get(num.abstractId);
        if (!counts) this.counts.set(num.abstractId, counts = new Map());
        if (!this.seen.has(numId)) {
            this.seen.add(numId);
            for (const [index, start] of num.startOverrides) counts.set(index, start - 1);
            for (const index of num.levelOverrides.keys()) {
                if (!num.startOverrides.has(index)) counts.delete(index);
            }
        }
        counts.set(ilvl, (counts.get(ilvl) ?? level.start - 1) + 1);
        for (const index of [...counts.keys()]) {
            if (index > ilvl) counts.delete(index);
        }
        if (level.format === 'bullet') return bulletMark(level.text, ilvl);
        if (level.format === 'none') return level.text.replace(/%\d/gu, '').trim();
        return level.text.replace(/%([1-9])/gu, (_, digit: string) => {
            const index = Number(digit) - 1;
            const shown = levelOf(index);
            const count = counts.get(index) ?? shown?.start ?? 1;
            return formatNumber(count, level.legal ? 'decimal' : shown?.format ?? 'decimal');
        }).trim();
    }
}

/**
 * Word's bullet glyphs (•, o, ▪, private-use Symbol characters) are not text a reader types; plans write
 * "-" for an item and "+" for a sub-item, so a bullet becomes "-" at the first level and "+" below it,
 * unless the list itself prints "-" or "+".
 */
function bulletMark(text: string, ilvl: number): string {
    const mark = text.trim();
    if (mark === '+') return '+';
    if (mark === '-' || mark === '–' || mark === '—') return '-';
    return ilvl === 0 ? '-' : '+';
}

function formatNumber(value: number, format: string): string {
    switch (format) {
        case 'lowerLetter':
            return letters(value).toLowerCase();
        case 'upperLetter':
            return letters(value);
        case 'lowerRoman':
            return roman(value).toLowerCase();
        case 'upperRoman':
            return roman(value);
        case 'decimalZero':
            return value < 10 && value >= 0 ? `0${value}` : String(value);
        default:
            return String(value);
    }
}

/** Word's letters: A…Z, then AA…ZZ, then AAA… (the letter repeated, not base 26). */
function letters(value: number): string {
    if (value < 1) return String(value);
    const letter = String.fromCharCode(65 + ((value - 1) % 26));
    return letter.repeat(Math.floor((value - 1) / 26) + 1);
}

function roman(value: number): string {
    if (value < 1 || value >= 4000) return String(value);
    const numerals: [number, string][] = [
        [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
        [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']
    ];
    let result = '';
    let rest = value;
    for (const [amount, numeral] of numerals) {
        while (rest >= amount) {
            result += numeral;
            rest -= amount;
        }
    }
    return result;
}
