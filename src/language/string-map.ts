import type { AstNode, LangiumDocument } from 'langium';
import type { Range } from 'vscode-languageserver';
import { propertyNode } from './cst-property.js';

/**
 * Maps positions in the value of a string property (escapes resolved, wrapped lines joined with one
 * space, NFC: see planspec-value-converter.ts) back to the source, so a finding can cover a part of a
 * long paragraph. Undefined when the value cannot be mapped (then report the whole string).
 */
export class StringMap {
    private constructor(
        private readonly document: LangiumDocument,
        /** Source offset of each character of the value, plus one entry for its end. */
        private readonly offsets: number[],
    ) { }

    static of(document: LangiumDocument, node: AstNode, property: string): StringMap | undefined {
        const cst = propertyNode(node.$cstNode, property);
        const value = (node as unknown as Record<string, unknown>)[property];
        if (!cst || typeof value !== 'string') {
            return undefined;
        }
        const raw = cst.text;
        if (raw.length < 2 || raw[0] !== '"' || raw[raw.length - 1] !== '"') {
            return undefined;
        }
        const plain = plainOffsets(raw, value, cst.offset);
        if (plain) {
            return new StringMap(document, plain);
        }
        // 1. Escapes ("\\\"" is one character).
        const chars: string[] = [];
        const offs: number[] = [];
        for (let i = 1; i < raw.length - 1; i++) {
            const at = i;
            let c = raw[i];
            if (c === '\\') {
                c = unescape(raw[++i] ?? '');
            }
            chars.push(c);
            offs.push(cst.offset + at);
        }
        // 2. A line break with the blanks around it is one space.
        const joined = chars.join('');
        const chars2: string[] = [];
        const offs2: number[] = [];
        const wrap = /[ \t]*\r?\n\s*/g;
        let last = 0;
        for (let m = wrap.exec(joined); m; m = wrap.exec(joined)) {
            for (let k = last; k < m.index; k++) {
                chars2.push(chars[k]);
                offs2.push(offs[k]);
            }
            chars2.push(' ');
            offs2.push(offs[m.index]);
            last = m.index + m[0].length;
            if (m[0].length === 0) {
                wrap.lastIndex++;
            }
        }
        for (let k = last; k < chars.length; k++) {
            chars2.push(chars[k]);
            offs2.push(offs[k]);
        }
        // 3. NFC, one base character and its combining marks at a time.
        const text = chars2.join('');
        const finalOffs: number[] = [];
        let result = '';
        const cluster = /\P{M}\p{M}*|\p{M}+/gsu;
        let unit = 0;
        for (let m = cluster.exec(text); m; m = cluster.exec(text)) {
            const composed = m[0].normalize('NFC');
            const start = offs2[unit] ?? cst.end - 1;
            for (let k = 0; k < composed.length; k++) {
                finalOffs.push(start);
            }
            result += composed;
            unit += m[0].length;
        }
        if (result !== value) {
            return undefined;
        }
        finalOffs.push(cst.end - 1);
        return new StringMap(document, finalOffs);
    }

    /**
     * The source offset where value[start, end) starts, as `range(start, end)` would give it, without
     * the line and column of two positions (a rule sorting many places reports few).
     */
    offset(start: number, end: number): number | undefined {
        if (start < 0 || end > this.offsets.length - 1 || start >= end) {
            return undefined;
        }
        return this.offsets[start];
    }

    /** The source range of value[start, end). */
    range(start: number, end: number): Range | undefined {
        if (start < 0 || end > this.offsets.length - 1 || start >= end) {
            return undefined;
        }
        const from = this.offsets[start];
        // The end is just after the last character of the part (a composed character may come from
        // several source characters: take the start of the next one).
        const to = end < this.offsets.length - 1 ? this.offsets[end] : this.offsets[this.offsets.length - 1];
        const text = this.document.textDocument;
        return { start: text.positionAt(from), end: text.positionAt(Math.max(to, from + 1)) };
    }
}

/** A combining mark: a string with one is mapped one cluster at a time. */
const MARK = /\p{M}/u;

/**
 * The offsets of a string written as its value is (no escape, no line break, no combining mark, in
 * NFC), as the three steps of `StringMap.of` would give them, without a string per character: most
 * strings are, and rules map a string for each finding and each citation. Undefined for any other.
 */
function plainOffsets(raw: string, value: string, offset: number): number[] | undefined {
    if (raw.length - 2 !== value.length || raw.includes('\\') || raw.includes('\n') || !raw.startsWith(value, 1)
        || MARK.test(value) || value.normalize('NFC') !== value) {
        return undefined;
    }
    const offsets: number[] = [];
    for (let k = 0; k < value.length; k++) {
        const code = value.charCodeAt(k);
        // Both halves of a surrogate pair (one character) stand where it starts.
        const pair = code >= 0xd800 && code <= 0xdbff && k + 1 < value.length && (value.charCodeAt(k + 1) & 0xfc00) === 0xdc00;
        offsets.push(offset + 1 + k);
        if (pair) {
            offsets.push(offset + 1 + k);
            k++;
        }
    }
    offsets.push(offset + raw.length - 1);
    return offsets;
}

function unescape(c: string): string {
    switch (c) {
        case 'b': return '\b';
        case 'f': return '\f';
        case 'n': return '\n';
        case 'r': return '\r';
        case 't': return '\t';
        case 'v': return '\v';
        case '0': return '\0';
        default: return c;
    }
}
