import type { AstNode, CstNode, GrammarAST } from 'langium';
import { isCompositeCstNode } from 'langium';
import { assignmentOf } from '../language/cst-property.js';
import { defineRule, noOptions } from '../linter/rule.js';
import { removeClause } from '../linter/support/fixes.js';

/**
 * Header clauses (số, ngày, của, chủ trì's single-valued siblings such as hạn, qua, kỳ …) may come in
 * any order, so the grammar accepts one written twice; the parser would keep only the last one.
 * This rule makes sure that never goes unnoticed.
 */
export default defineRule({
    meta: {
        id: 'duplicate-clause',
        category: 'syntax',
        defaultSeverity: 'error',
        description: 'Một mục chỉ được ghi một lần (hai lần "số", "ngày", "hạn"…) / A clause that may appear once is given twice',
        ...noOptions,
        recommended: true,
    },
    create(context) {
        // One map for the file, emptied at each node: the rule reads every node.
        const seen = new Map<string, CstNode>();
        return {
            '*'(node: AstNode) {
                const cst = node.$cstNode;
                if (!cst) {
                    return;
                }
                seen.clear();
                checkAssigned(node, cst);
            },
        };

        /**
         * The CST nodes that carry one assignment each, looking through unassigned rule calls of the
         * same node, in order: walked, not yielded (a generator made an object per CST node).
         */
        function checkAssigned(node: AstNode, cst: CstNode): void {
            if (!isCompositeCstNode(cst)) {
                return;
            }
            const content = cst.content;
            for (let i = 0; i < content.length; i++) {
                const child = content[i];
                const assignment = assignmentOf(child.grammarSource);
                if (assignment) {
                    check(node, child, assignment);
                } else if (isCompositeCstNode(child) && child.astNode === node) {
                    // A leaf holds no assignment below it: not asked for its AST node (a walk up its containers).
                    checkAssigned(node, child);
                }
            }
        }

        function check(node: AstNode, child: CstNode, assignment: GrammarAST.Assignment): void {
            if (assignment.operator === '+=') {
                return;
            }
            const first = seen.get(assignment.feature);
            if (first) {
                // Not preferred: the parser keeps the last value, so which one goes is the drafter's call.
                context.report({
                    node,
                    range: child.range,
                    message: `Mục này đã được ghi ở trên; chỉ giữ một lần / This clause ('${assignment.feature}') is already given above; keep only one`,
                    related: [{ range: first.range, message: 'Lần ghi thứ nhất / Where it is first given' }],
                    fixes: () => {
                        const removal = removeClause(context.document, node, child);
                        return removal ? [{ title: 'Xóa mục ghi lặp này / Remove this repeated clause', edits: [removal] }] : undefined;
                    },
                });
            } else {
                seen.set(assignment.feature, child);
            }
        }
    },
});
