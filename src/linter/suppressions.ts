import type { CstNode, LangiumDocument } from 'langium';
import { CstUtils } from 'langium';
import type { Range } from 'vscode-languageserver';

/**
 * Inline suppressions, written in comments with a reason after `--`:
 *
 *     // planspec-disable-next-line multiple-leads -- phân công liên ngành theo Chỉ thị 39
 *     /* planspec-disable duplicate-text -- phần III được nhắc lại có chủ ý *\/
 *     …
 *     /* planspec-enable duplicate-text *\/
 *
 * `disable-next-line` covers findings that start on the line after the comment; `disable` covers
 * findings from the comment to the matching `enable` (or the end of the file).
 */
export interface Directive {
    kind: 'disable-next-line' | 'disable' | 'enable';
    ruleIds: string[];
    reason: string | undefined;
    range: Range;
    /** For `disable`: the line of the matching `enable`, or undefined to the end of the file. */
    untilLine?: number;
    /** Rule ids that suppressed at least one finding. */
    used: Set<string>;
}

const DIRECTIVE = /^\s*planspec-(disable-next-line|disable|enable)(?=\s|$)([\s\S]*)$/;

export function parseDirectives(document: LangiumDocument): Directive[] {
    const root = document.parseResult.value.$cstNode;
    // Most files suppress nothing: one search of the text spares a walk of every CST node.
    if (!root || !root.text.includes('planspec-')) {
        return [];
    }
    const directives: Directive[] = [];
    for (const node of CstUtils.streamCst(root)) {
        if (!node.hidden || !isComment(node)) {
            continue;
        }
        const body = node.text.startsWith('//') ? node.text.slice(2) : node.text.replace(/^\/\*+/, '').replace(/\*\/$/, '');
        const match = DIRECTIVE.exec(body.replace(/^\s*\*?/, ''));
        if (!match) {
            continue;
        }
        const [ids, reason] = splitReason(match[2]);
        directives.push({
            kind: match[1] as Directive['kind'],
            ruleIds: ids.split(/[\s,]+/).filter(s => s.length > 0),
            reason,
            range: node.range,
            used: new Set(),
        });
    }
    // Close each `disable` at the next `enable` that names one of its rules (or names none).
    for (const [i, directive] of directives.entries()) {
        if (directive.kind !== 'disable') continue;
        const enable = directives.slice(i + 1).find(d => d.kind === 'enable'
            && (d.ruleIds.length === 0 || d.ruleIds.some(id => directive.ruleIds.includes(id))));
        directive.untilLine = enable?.range.start.line;
        if (enable) enable.used.add('*');
    }
    return directives;
}

function splitReason(text: string): [string, string | undefined] {
    const index = text.indexOf('--');
    if (index < 0) {
        return [text, undefined];
    }
    const reason = text.slice(index + 2).trim();
    return [text.slice(0, index), reason.length > 0 ? reason : undefined];
}

function isComment(node: CstNode): boolean {
    return node.text.startsWith('//') || node.text.startsWith('/*');
}

/** The directive that suppresses a finding of `ruleId` starting at `line`, if any. */
export function suppressing(directives: Directive[], ruleId: string, line: number): Directive | undefined {
    return directives.find(d => d.ruleIds.includes(ruleId) && (
        (d.kind === 'disable-next-line' && line === d.range.end.line + 1)
        || (d.kind === 'disable' && line >= d.range.end.line && (d.untilLine === undefined || line <= d.untilLine))
    ));
}
