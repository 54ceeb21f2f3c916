import type { Task } from '../language/generated/ast.js';
import { keywordKey } from '../language/keywords.js';
import type { Fix } from '../linter/rule.js';
import { defineRule, noOptions } from '../linter/rule.js';
import { addToBody } from '../linter/support/fixes.js';
import { PLACEHOLDER_ID } from '../semantics/placeholders.js';
import { effectiveLeads, leadUnstated, modeOf } from '../semantics/responsibility.js';
import { headerRange } from '../semantics/structure.js';

export default defineRule({
    meta: {
        id: 'missing-lead',
        category: 'responsibility',
        defaultSeverity: 'error',
        description: 'Nhiệm vụ được giao không có đơn vị chủ trì / A directed task has no lead unit',
        ...noOptions,
        recommended: true,
    },
    create(context) {
        return {
            Task(task) {
                if (modeOf(task) === 'directed' && effectiveLeads(task).length === 0 && !leadUnstated(task)) {
                    context.report({
                        node: task,
                        range: headerRange(task, 'text'),
                        message: 'Nhiệm vụ chưa có đơn vị chủ trì: thêm "chủ trì <cơ quan>" (hoặc "chủ trì không nêu" nếu bản gốc không nêu) / This task has no lead unit: add "chủ trì <agency>" (or "chủ trì không nêu" when the original names none)',
                        fixes: () => fixes(task),
                    });
                }
            },
        };

        /**
         * The lead is never guessed: a placeholder the check keeps reporting (unfilled-placeholder)
         * until the drafter names the body, or "chủ trì không nêu" when the original names none.
         */
        function fixes(task: Task): Fix[] {
            const english = ['task', 'assign'].includes(keywordKey(task.mode));
            const lead = english ? 'lead' : 'chủ trì';
            const result: Fix[] = [];
            const placeholder = addToBody(context.document, task, `${lead} ${PLACEHOLDER_ID}`, 'start');
            if (placeholder) {
                result.push({
                    title: `Thêm "${lead} ${PLACEHOLDER_ID}" (cần điền đơn vị chủ trì) / Add a lead unit to fill in`,
                    edits: [placeholder],
                });
            }
            const unstated = addToBody(context.document, task, `${lead} ${english ? 'not stated' : 'không nêu'}`, 'start');
            if (unstated) {
                result.push({
                    title: `Ghi "${lead} ${english ? 'not stated' : 'không nêu'}" (bản gốc không nêu đơn vị chủ trì) / The original names no lead`,
                    edits: [unstated],
                });
            }
            return result;
        }
    },
});
