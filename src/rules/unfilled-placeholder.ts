import type { AstNode, Reference } from 'langium';
import { AstUtils, UriUtils } from 'langium';
import { isAgency, isDocument, isGroup } from '../language/generated/ast.js';
import { defineRule, noOptions } from '../linter/rule.js';
import { forEachReference } from '../linter/support/references.js';
import { isPlaceholderDate, isPlaceholderReference, isPlaceholderText } from '../semantics/placeholders.js';
import { lineOf } from '../semantics/structure.js';
import { propertyNode } from '../language/cst-property.js';
import { builtText } from '../language/planspec-documents.js';

/** Properties that hold a written date or day. */
const DATE_PROPERTIES = new Set(['date', 'day']);

/**
 * What a file's text holds wherever one of its values is a placeholder text or date: "[" and then
 * "c" or "C" (the marker "[CẦN ĐIỀN", in any case and normal form; a backslash may escape either),
 * or a day and month of zeros ("00/00", "0-0", "0.0"). A file without it holds no such
 * value, so only its references are looked at, not every property of every node.
 */
const MAY_HOLD_PLACEHOLDER = /\[\\*[cC]|(?<!\d)0{1,2}\s*[/\-.]\s*0{1,2}(?!\d)/u;

const WHAT: Record<string, [string, string]> = {
    parent: ['cơ quan cấp trên (hoặc thay "thuộc CẦN_ĐIỀN" bằng "độc lập")', 'the parent body (or replace "thuộc CẦN_ĐIỀN" with "độc lập")'],
    leads: ['đơn vị chủ trì', 'the lead unit'],
};

/** A body or document whose own declaration still holds a placeholder (its name, its title, its parent). */
function declaredWithPlaceholder(node: AstNode): boolean {
    if (isAgency(node) || isGroup(node)) {
        return isPlaceholderText(node.officialName) || isPlaceholderReference(node.parent?.$refText);
    }
    return isDocument(node) && isPlaceholderText(node.summary);
}

export default defineRule({
    meta: {
        id: 'unfilled-placeholder',
        category: 'drafting',
        defaultSeverity: 'error',
        description: 'Chỗ cần điền (do sửa nhanh chèn vào) chưa được điền / A placeholder left by a quick fix is not filled in',
        ...noOptions,
        recommended: true,
    },
    create(context) {
        // The visitor and what it calls are made once per file, not once per node: the rule reads every node.
        const mayHoldPlaceholder = MAY_HOLD_PLACEHOLDER.test(builtText(context.document) ?? '');
        return {
            '*'(node: AstNode) {
                forEachReference(node, checkReference);
                if (!mayHoldPlaceholder) {
                    return;
                }
                // Every property of every node: read in place, without an entry or a list made for each.
                for (const property in node) {
                    if (property.startsWith('$')) {
                        continue;
                    }
                    const value = (node as unknown as Record<string, unknown>)[property];
                    if (Array.isArray(value)) {
                        for (let index = 0; index < value.length; index++) {
                            check(node, property, value[index], index);
                        }
                    } else {
                        check(node, property, value, undefined);
                    }
                }
            },
        };

        function checkReference(node: AstNode, ref: Reference, property: string): void {
            if (!ref.$refNode) {
                return;
            }
            if (isPlaceholderReference(ref.$refText)) {
                const [vi, en] = WHAT[property] ?? ['mã cơ quan hoặc văn bản đã khai báo', 'the id of a declared body or document'];
                context.report({
                    node,
                    range: ref.$refNode.range,
                    message: `Chưa điền ${vi}: "${ref.$refText}" là chỗ cần điền; thay bằng mã đã khai báo / Placeholder not filled in: replace "${ref.$refText}" with ${en}`,
                });
            } else if (ref.ref && declaredWithPlaceholder(ref.ref)) {
                // A plan is only as complete as what it names: checking or compiling it alone must fail too.
                const where = `${UriUtils.basename(AstUtils.getDocument(ref.ref).uri)}:${lineOf(ref.ref)}`;
                context.report({
                    node,
                    range: ref.$refNode.range,
                    message: `${ref.$refText} được khai báo với chỗ cần điền ở ${where}: điền vào đó trước / ${ref.$refText} is declared with a placeholder at ${where}: fill it in first`,
                });
            }
        }

        function check(node: AstNode, property: string, item: unknown, index: number | undefined): void {
            const date = DATE_PROPERTIES.has(property) && isPlaceholderDate(item);
            if (!date && !isPlaceholderText(item)) {
                return;
            }
            const written = propertyNode(node.$cstNode, property, index);
            context.report({
                node,
                range: written?.range,
                message: date
                    ? `Chưa điền ngày: thay ${String(item)} bằng ngày như bản gốc / The date is not filled in: replace ${String(item)} with the date as in the original`
                    : 'Chỗ cần điền chưa được điền: thay "[CẦN ĐIỀN: …]" bằng nội dung như bản gốc / Placeholder not filled in: replace "[CẦN ĐIỀN: …]" with the text as in the original',
            });
        }
    },
});
