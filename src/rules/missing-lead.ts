import { headerRange, effectiveLeads, modeOf } from '../language/semantics.js';
import { defineRule, noOptions } from '../linter/rule.js';

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
                if (modeOf(task) === 'directed' && effectiveLeads(task).length === 0) {
                    context.report({
                        node: task,
                        range: headerRange(task, 'text'),
                        message: 'Nhiệm vụ chưa có đơn vị chủ trì: thêm "chủ trì <cơ quan>" / This task has no lead unit: add "chủ trì <agency>"',
                    });
                }
            },
        };
    },
});
