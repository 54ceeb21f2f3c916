import type { LangiumDocument } from 'langium';
import type { Range } from 'vscode-languageserver';

export { exampleFiles } from '../helpers.js';

/** The example plans (not the registries). */
export const EXAMPLE_PLANS = [
    'ca-mau/kh-qd634.plan', 'dong-nai/kh-7488.plan', 'thai-binh/nq-04.plan',
    'tinh-khuyet-danh/ke-hoach-de-an-4170.plan', 'vinh-phuc/ke-hoach-ct39.plan',
];

/** `count` prefixes of a text, cut at evenly spaced offsets: what the editor holds while typing. */
export function prefixes(text: string, count: number): string[] {
    return Array.from({ length: count }, (_, i) => text.slice(0, Math.floor((text.length * i) / count)));
}

/** Texts that are not plans yet: empty, half-typed, broken. */
export const BROKEN_INPUTS = [
    '',
    ' ',
    'kế hoạch',
    'kế hoạch KH "',
    'kế hoạch KH "x" {',
    'kế hoạch KH "x" { phần "I" { nhiệm vụ',
    'kế hoạch KH "x" { phần { [1.] nhiệm vụ "a" { chủ trì } } }',
    'kế hoạch KH "x" { phần "I" "" { [-] "" } [] }',
    'văn bản VB quyết định số "12/QĐ-UBND" { điều { } }',
    'cơ quan\nnhóm N "x" gồm\nchỉ số\nvăn bản V',
    'kế hoạch KH "x" { chỉ tiêu "a" trên 5 % hạn ngày }',
    '}}}{{{ "Quyết định số 634/QĐ-TTg" // planspec-disable-next-line multiple-leads',
    '/* planspec-disable */ // planspec-disable-next-line',
    'phạm vi',
];

/** The text a range covers. */
export function textAt(document: LangiumDocument, range: Range): string {
    return document.textDocument.getText(range);
}

export function contains(outer: Range, inner: Range): boolean {
    const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
    return before(outer.start, inner.start) && before(inner.end, outer.end);
}
