/**
 * Building the text edits of quick fixes (see ../rule.ts, `Fix`): replacing a value, removing an
 * element of a comma-separated list or a whole clause without leaving stray commas or blank lines,
 * adding a clause to a body. Everything works on the CST as parsed and gives up (undefined) on
 * input it cannot read, so a rule never offers a fix that would break the text.
 */
import type { AstNode, CstNode, LangiumDocument } from 'langium';
import { AstUtils, GrammarAST, isCompositeCstNode, isLeafCstNode } from 'langium';
import type { Range } from 'vscode-languageserver';
import type { FixEdit } from '../rule.js';

/** A string literal as written in a .plan file. */
export function quote(value: string): string {
    return `"${value.replace(/[\\"]/g, '\\$&')}"`;
}

/**
 * The CST nodes that make up one AST node, in order: its keywords and punctuation, its values and
 * references, and its child nodes, looking through unassigned rule calls of the same node (the
 * header clauses of a plan, written in any order). Comments and blanks are left out.
 */
export function cstItems(node: AstNode): CstNode[] {
    const result: CstNode[] = [];
    const visit = (cst: CstNode) => {
        if (!isCompositeCstNode(cst)) {
            return;
        }
        for (const child of cst.content) {
            if (child.hidden) {
                continue;
            }
            const assigned = child.grammarSource ? AstUtils.getContainerOfType(child.grammarSource, GrammarAST.isAssignment) : undefined;
            if (!assigned && isCompositeCstNode(child) && child.astNode === node) {
                visit(child);
            } else {
                result.push(child);
            }
        }
    };
    if (node.$cstNode) {
        visit(node.$cstNode);
    }
    return result;
}

/** A keyword written as a word ("căn cứ", "chủ trì"), not punctuation ("{", ","). */
function isWordKeyword(cst: CstNode): boolean {
    return isLeafCstNode(cst) && GrammarAST.isKeyword(cst.grammarSource) && /\p{L}/u.test(cst.text);
}

function isKeyword(cst: CstNode | undefined, text: string): boolean {
    return cst !== undefined && isLeafCstNode(cst) && GrammarAST.isKeyword(cst.grammarSource) && cst.text === text;
}

/** The index in `items` of the item that is, or contains, `target`. */
function indexOf(items: CstNode[], target: CstNode): number {
    return items.findIndex(item => item.offset <= target.offset && target.end <= item.end);
}

/**
 * The edit that deletes [start, end) of the text and the blanks it leaves: whole lines when nothing
 * else stays on them, else the blanks after it (or before it, at the end of a line).
 */
export function deletion(document: LangiumDocument, start: number, end: number): FixEdit {
    const text = document.textDocument.getText();
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const newline = text.indexOf('\n', end);
    const lineEnd = newline < 0 ? text.length : newline;
    const before = text.slice(lineStart, start);
    const after = text.slice(end, lineEnd);
    if (before.trim() === '' && after.trim() === '') {
        // The whole lines go, with the line break that ends them (or, at the end, the one before).
        const from = newline < 0 ? Math.max(0, lineStart - 1) : lineStart;
        const to = newline < 0 ? text.length : newline + 1;
        return edit(document, from, to, '');
    }
    let from = start;
    let to = end;
    const closing = /^[ \t]*[)}\],]/.test(after);
    // (Not onto a line that holds a comment: the brace would end up inside it.)
    const previousLine = text.slice(text.lastIndexOf('\n', Math.max(0, lineStart - 2)) + 1, lineStart);
    if (before.trim() === '' && closing && lineStart > 0 && !/\/[/*]/.test(previousLine)) {
        // Alone at the start of a line ending with the closing brace: that brace joins the line above.
        from = lineStart;
        while (from > 0 && /\s/.test(text[from - 1])) {
            from--;
        }
    } else if (/^[ \t]/.test(after) && !closing) {
        while (to < lineEnd && /[ \t]/.test(text[to])) {
            to++;
        }
    } else {
        while (from > lineStart && /[ \t]/.test(text[from - 1])) {
            from--;
        }
    }
    return edit(document, from, to, '');
}

export function edit(document: LangiumDocument, start: number, end: number, newText: string): FixEdit {
    const text = document.textDocument;
    return { range: { start: text.positionAt(start), end: text.positionAt(end) }, newText };
}

export function replacement(range: Range, newText: string): FixEdit {
    return { range, newText };
}

/**
 * Removes the clause of `node` that holds `target` (a value, a reference, a child node) together
 * with the keywords written before it ("căn cứ A" as a whole, "số "1"" as a whole).
 */
export function removeClause(document: LangiumDocument, node: AstNode, target: CstNode): FixEdit | undefined {
    const items = cstItems(node);
    const at = indexOf(items, target);
    if (at < 0) {
        return undefined;
    }
    let first = at;
    while (first > 0 && isWordKeyword(items[first - 1])) {
        first--;
    }
    return deletion(document, items[first].offset, items[at].end);
}

/**
 * Removes one element of a comma-separated list of `node` ("căn cứ A, B, A" → "căn cứ A, B"),
 * with the comma that joins it; the whole clause when it is the only element.
 */
export function removeListElement(document: LangiumDocument, node: AstNode, target: CstNode): FixEdit | undefined {
    const items = cstItems(node);
    const at = indexOf(items, target);
    if (at < 0) {
        return undefined;
    }
    const element = items[at];
    if (isKeyword(items[at - 1], ',') && at >= 2) {
        return edit(document, items[at - 2].end, element.end, '');
    }
    if (isKeyword(items[at + 1], ',') && items[at + 2]) {
        return edit(document, element.offset, items[at + 2].offset, '');
    }
    return removeClause(document, node, element);
}

/**
 * Adds a clause to the body (`{ … }`) of a task or report, at its `start` or `end`: on a line of its
 * own when the body spans lines, inside the braces when it is on one line, in a new body after the
 * header when there is none.
 */
export function addToBody(document: LangiumDocument, node: AstNode, clause: string, where: 'start' | 'end'): FixEdit | undefined {
    const items = cstItems(node);
    const open = items.findIndex(item => isKeyword(item, '{'));
    const text = document.textDocument.getText();
    if (open < 0) {
        const last = items[items.length - 1];
        return last && !items.some(item => isKeyword(item, '}')) ? edit(document, last.end, last.end, ` { ${clause} }`) : undefined;
    }
    const close = items.findIndex((item, i) => i > open && isKeyword(item, '}'));
    if (close < 0) {
        return undefined;
    }
    const openNode = items[open];
    const closeNode = items[close];
    const inner = text.slice(openNode.end, closeNode.offset);
    if (openNode.range.start.line === closeNode.range.start.line) {
        // "{ phối hợp A }" → "{ clause  phối hợp A }" or "{ phối hợp A  clause }"; "{}" → "{ clause }".
        if (inner.trim() === '') {
            return edit(document, openNode.end, closeNode.offset, ` ${clause} `);
        }
        return where === 'start'
            ? edit(document, openNode.end, openNode.end, ` ${clause} ${/^\s/.test(inner) ? '' : ' '}`)
            : edit(document, closeNode.offset, closeNode.offset, `${/\s$/.test(inner) ? ' ' : '  '}${clause} `);
    }
    const nl = eol(text);
    // The indentation of the body's first line, or of the closing brace plus four blanks.
    const indent = inner.split(/\r?\n/).slice(1).find(line => line.trim() !== '')?.match(/^[ \t]*/)?.[0]
        ?? `${lineIndent(text, closeNode.offset)}    `;
    if (where === 'start') {
        const afterOpen = text.indexOf('\n', openNode.end);
        return edit(document, afterOpen + 1, afterOpen + 1, `${indent}${clause}${nl}`);
    }
    const lineStart = text.lastIndexOf('\n', closeNode.offset - 1) + 1;
    if (text.slice(lineStart, closeNode.offset).trim() === '') {
        return edit(document, lineStart, lineStart, `${indent}${clause}${nl}`);
    }
    return edit(document, closeNode.offset, closeNode.offset, `${nl}${indent}${clause}${nl}${lineIndent(text, closeNode.offset)}`);
}

/** The line break the text uses. */
export function eol(text: string): string {
    return /\r\n/.test(text) ? '\r\n' : '\n';
}

/** The blanks at the start of the line holding `offset`. */
export function lineIndent(text: string, offset: number): string {
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    return /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
}
