import { defineRule, noOptions } from '../linter/rule.js';
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
                    });
                }
            },
        };
    },
});
