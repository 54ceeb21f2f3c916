/** Writing `.plan` text: strings quoted and escaped, item labels the lexer accepts. */

/** A string literal: backslashes and double quotes escaped, blanks collapsed (the parser joins wrapped lines with one space). */
export function quote(text: string): string {
    return `"${text.replace(/\s+/g, ' ').trim().replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** An item label `[1.]` as printed, when the lexer can take it (no brackets, quotes, at most 16 characters). */
export function label(printed: string | undefined): string {
    if (!printed) {
        return '';
    }
    const text = printed.trim();
    return text !== '' && text.length <= 16 && !/[[\]"\r\n]/.test(text) ? `[${text}] ` : '';
}

export const IMPORTED = '// nhập / imported';
export const REVIEW = '// XEM LẠI / REVIEW:';

/** Lines with indentation; `mark` records which lines each recognised element spans. */
export class Writer {
    readonly lines: string[] = [];
    readonly spans: Array<{ id: number; from: number; to: number }> = [];
    private depth = 0;

    line(text: string): void {
        this.lines.push(text === '' ? '' : '    '.repeat(this.depth) + text);
    }
    /** Opens a block; a trailing `// …` comment of `text` goes after the brace, which it would hide. */
    open(text: string): void {
        const at = text.indexOf('  //');
        this.line(at >= 0 ? `${text.slice(0, at)} {${text.slice(at)}` : `${text} {`);
        this.depth++;
    }
    close(): void {
        this.depth = Math.max(0, this.depth - 1);
        this.line('}');
    }
    /** Runs `write` and records the (1-based) lines it wrote as element `id`. */
    element(id: number, write: () => void): void {
        const from = this.lines.length + 1;
        const depth = this.depth;
        write();
        this.depth = depth;
        this.spans.push({ id, from, to: this.lines.length });
    }
    text(): string {
        return this.lines.join('\n') + '\n';
    }
}
