import type { AstNode } from 'langium';
import type { Range } from 'vscode-languageserver';
import type { Plan } from '../language/generated/ast.js';
import { StringMap } from '../language/string-map.js';
import type { Fix, RelatedPlace } from '../linter/rule.js';
import { defineRule, noOptions } from '../linter/rule.js';
import { addToBody, quote } from '../linter/support/fixes.js';
import { annexNumberKey, containsAnnex, findAnnexMentions } from '../semantics/annexes.js';
import { proseTextsOf } from '../semantics/citations.js';
import { placeholderText } from '../semantics/placeholders.js';
import { allContents } from '../semantics/contents.js';
import { propertyNode } from '../language/cst-property.js';

/** A place in the plan's text that announces an annex. */
interface Announced {
    node: AstNode;
    range: Range | undefined;
    printed: string;
    number: string | undefined;
}

export default defineRule({
    meta: {
        id: 'missing-annex',
        category: 'drafting',
        defaultSeverity: 'warning',
        description: 'Văn bản nhắc tới phụ lục mà kế hoạch không có / The text refers to an annex the plan does not contain',
        ...noOptions,
        recommended: true,
    },
    create(context) {
        return {
            Plan(plan) {
                // One finding per missing annex, at its first mention; the others are related places.
                const missing = new Map<string, Announced[]>();
                for (const announced of announcements(plan)) {
                    if (containsAnnex(plan, announced.number)) {
                        continue;
                    }
                    const key = announced.number === undefined ? '' : annexNumberKey(announced.number);
                    missing.set(key, [...(missing.get(key) ?? []), announced]);
                }
                for (const [key, places] of missing) {
                    // "Phụ lục kèm theo" is answered by any annex: not reported when a numbered one is missing too.
                    if (key === '' && missing.size > 1) {
                        continue;
                    }
                    const [first, ...others] = places;
                    const [vi, en] = first.number === undefined
                        ? ['kế hoạch không có phụ lục nào', 'the plan contains no annex']
                        : [`kế hoạch không có phụ lục "${first.number}"`, `the plan contains no annex "${first.number}"`];
                    const related: RelatedPlace[] = others.map(o => ({ node: o.node, range: o.range, message: `Cũng nhắc "${o.printed}" / Also refers to "${o.printed}"` }));
                    context.report({
                        node: first.node,
                        range: first.range,
                        message: `Văn bản nhắc "${first.printed}" nhưng ${vi}: thêm phụ lục như bản gốc (phụ lục ${first.number ? `"${first.number}" ` : ''}"tên" { … }), hoặc ghi chú nếu bản gốc không kèm theo / The text refers to "${first.printed}" but ${en}: add the annex as in the original, or note that the original comes without it`,
                        related: related.length > 0 ? related : undefined,
                        fixes: () => annexFix(plan, first.number),
                    });
                }
            },
        };

        function announcements(plan: Plan): Announced[] {
            const result: Announced[] = [];
            // The plan, then its nodes: read in place, not copied into one more list of every node.
            const nodes = allContents(plan);
            for (let k = -1; k < nodes.length; k++) {
                const node = k < 0 ? plan : nodes[k];
                for (const prose of proseTextsOf(node)) {
                    const mentions = findAnnexMentions(prose.text);
                    if (mentions.length === 0) {
                        continue;
                    }
                    const map = StringMap.of(context.document, node, prose.property);
                    for (const mention of mentions) {
                        const range = map?.range(mention.start, mention.end) ?? propertyNode(node.$cstNode, prose.property)?.range;
                        const printed = prose.text.normalize('NFC').slice(mention.start, mention.end);
                        if (mention.numbers.length === 0) {
                            result.push({ node, range, printed, number: undefined });
                        }
                        for (const number of mention.numbers) {
                            result.push({ node, range, printed, number });
                        }
                    }
                }
            }
            return result;
        }

        /**
         * Adds an empty annex with the number the text names; its heading is a placeholder that
         * unfilled-placeholder reports until the heading and rows of the original are written.
         */
        function annexFix(plan: Plan, number: string | undefined): Fix[] | undefined {
            const english = /^[\x20-\x7E]+$/.test(plan.kind ?? '');
            const keyword = english ? 'annex' : 'phụ lục';
            const heading = quote(placeholderText('tên phụ lục như bản gốc', 'the annex heading as in the original'));
            const clause = `${keyword} ${number !== undefined ? `${quote(number)} ` : ''}${heading} { }`;
            const insertion = addToBody(context.document, plan, clause, 'end');
            return insertion
                ? [{ title: `Thêm ${keyword}${number !== undefined ? ` "${number}"` : ''} (cần điền tên và nội dung) / Add the annex to fill in`, edits: [insertion] }]
                : undefined;
        }
    },
});
