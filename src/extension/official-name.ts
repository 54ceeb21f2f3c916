/**
 * `planspec.askOfficialName`: after a quick fix declared a missing body or document with a
 * placeholder for its official name (or title), the person types it and it replaces the
 * placeholder. Nothing here imports `vscode` (tested with vitest).
 */

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }

/** The arguments the quick fix gives the command (src/rules/unresolved-reference.ts). */
export interface AskOfficialNameArgs {
    uri: string;
    /** The placeholder string, quotes included, after the edit. */
    range: Range;
    id: string;
    namespace?: string;
    declaration: 'agency' | 'document';
    kind?: string;
}

export function isAskOfficialNameArgs(value: unknown): value is AskOfficialNameArgs {
    const v = value as Partial<AskOfficialNameArgs> | undefined;
    const isPosition = (p: unknown) => !!p && Number.isInteger((p as Position).line) && Number.isInteger((p as Position).character)
        && (p as Position).line >= 0 && (p as Position).character >= 0;
    return !!v && typeof v.uri === 'string' && typeof v.id === 'string'
        && (v.declaration === 'agency' || v.declaration === 'document')
        && !!v.range && isPosition(v.range.start) && isPosition(v.range.end) && v.range.start.line === v.range.end.line;
}

export function prompt(args: AskOfficialNameArgs): string {
    return args.declaration === 'agency'
        ? `Tên chính thức của cơ quan ${args.id}, như văn bản ghi / Official name of the body ${args.id}, as printed`
        : `Trích yếu của văn bản ${args.id}, như văn bản ghi / Title of the document ${args.id}, as printed`;
}

/** Why a name cannot be used (bilingual), or undefined when it can. */
export function validateOfficialName(value: string): string | undefined {
    const name = value.trim();
    if (name === '') {
        return 'Cần nhập tên / A name is required';
    }
    if (/[\r\n]/.test(name)) {
        return 'Tên chỉ trên một dòng / The name must be on one line';
    }
    if (isPlaceholder(name)) {
        return 'Đây vẫn là chỗ cần điền / This is still a placeholder';
    }
    return undefined;
}

/** The string literal written for a name: trimmed, composed (NFC) like every name planspec compares, quoted. */
export function officialNameLiteral(value: string): string {
    return `"${value.trim().normalize('NFC').replace(/[\\"]/g, '\\$&')}"`;
}

const MARKER = '[cần điền';

function isPlaceholder(text: string): boolean {
    return text.normalize('NFC').toLowerCase().includes(MARKER);
}

/**
 * Where the placeholder is on its line: at `range` when the line still holds it there, else the
 * first quoted placeholder on the line (text typed before it moved it); undefined when it is gone.
 */
export function placeholderColumns(lineText: string, range: Range): { start: number; end: number } | undefined {
    const at = lineText.slice(range.start.character, range.end.character);
    if (at.startsWith('"') && at.endsWith('"') && at.length >= 2 && isPlaceholder(at)) {
        return { start: range.start.character, end: range.end.character };
    }
    for (const match of lineText.matchAll(/"(?:\\.|[^"\\])*"/g)) {
        if (isPlaceholder(match[0])) {
            return { start: match.index, end: match.index + match[0].length };
        }
    }
    return undefined;
}
