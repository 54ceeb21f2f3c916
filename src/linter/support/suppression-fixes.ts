/**
 * The quick fixes of invalid-suppression and unused-suppression: remove a directive, or one rule id
 * from its list, or replace a mistyped rule id by the rule it most likely names.
 */
import type { LangiumDocument } from 'langium';
import { allRules } from '../registry.js';
import type { Fix, FixEdit } from '../rule.js';
import type { Directive } from '../suppressions.js';
import { deletion, edit } from './fixes.js';
import { closestCandidate } from './suggest.js';

/** Removes the whole comment (its line too, when nothing else is on it). */
export function removeDirective(document: LangiumDocument, directive: Directive): FixEdit {
    const text = document.textDocument;
    return deletion(document, text.offsetAt(directive.range.start), text.offsetAt(directive.range.end));
}

/** Where the rule id `id` is written in the directive's list: offsets in the document. */
function idOffsets(document: LangiumDocument, directive: Directive, id: string): { start: number; end: number; listStart: number; listEnd: number } | undefined {
    const text = document.textDocument;
    const commentStart = text.offsetAt(directive.range.start);
    const comment = text.getText(directive.range);
    const head = /planspec-(?:disable-next-line|disable|enable)/.exec(comment);
    if (!head) {
        return undefined;
    }
    const listStart = head.index + head[0].length;
    const reasonAt = comment.indexOf('--', listStart);
    const closeAt = comment.endsWith('*/') ? comment.length - 2 : comment.length;
    const listEnd = reasonAt >= 0 ? reasonAt : closeAt;
    const list = comment.slice(listStart, listEnd);
    const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const found = new RegExp(`(?<=^|[\\s,])${escaped}(?=$|[\\s,])`).exec(list);
    if (!found) {
        return undefined;
    }
    const start = commentStart + listStart + found.index;
    return { start, end: start + id.length, listStart: commentStart + listStart, listEnd: commentStart + listEnd };
}

/** Removes one rule id from the directive's list, with the separator that joins it to the next (or previous) one. */
export function removeRuleId(document: LangiumDocument, directive: Directive, id: string): FixEdit | undefined {
    const at = idOffsets(document, directive, id);
    if (!at) {
        return undefined;
    }
    const text = document.textDocument.getText();
    const after = /^[\s,]*/.exec(text.slice(at.end, at.listEnd))![0];
    if (at.end + after.length < at.listEnd && /,/.test(after)) {
        return edit(document, at.start, at.end + after.length, '');
    }
    const before = /[\s,]*$/.exec(text.slice(at.listStart, at.start))![0];
    return /,/.test(before) ? edit(document, at.start - before.length, at.end, '') : edit(document, at.start, at.end + after.length, '');
}

/** Replaces a rule id in the directive's list. */
export function replaceRuleId(document: LangiumDocument, directive: Directive, id: string, replacement: string): FixEdit | undefined {
    const at = idOffsets(document, directive, id);
    return at ? edit(document, at.start, at.end, replacement) : undefined;
}

/**
 * An unused suppression: the directive goes when none of its rules suppresses anything (preferred:
 * it does nothing), else only this rule's id.
 */
export function unused(document: LangiumDocument, directive: Directive, id: string): Fix[] | undefined {
    const all = directive.ruleIds.every(r => !directive.used.has(r));
    const e = all ? removeDirective(document, directive) : removeRuleId(document, directive, id);
    return e ? [{
        title: all ? 'Xóa chú thích tắt không dùng đến / Remove the unused suppression' : `Bỏ '${id}' khỏi chú thích tắt / Remove '${id}' from the suppression`,
        edits: [e],
        preferred: true,
    }] : undefined;
}

/** A rule id that names no rule: the rule it most likely names, when one is clearly closest. */
export function unknownRule(document: LangiumDocument, directive: Directive, id: string): Fix[] | undefined {
    const closest = closestCandidate(id, allRules.map(rule => ({ name: rule.meta.id, names: () => [] })));
    const e = closest ? replaceRuleId(document, directive, id, closest.name) : undefined;
    return closest && e ? [{ title: `Sửa thành '${closest.name}' / Change to '${closest.name}'`, edits: [e] }] : undefined;
}

/** An enable without a disable above: the directive goes (it enables nothing). */
export function unmatchedEnable(document: LangiumDocument, directive: Directive): Fix[] {
    return [{ title: 'Xóa chú thích planspec-enable thừa / Remove the unmatched planspec-enable', edits: [removeDirective(document, directive)] }];
}
