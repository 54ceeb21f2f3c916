import { defineRule, noOptions } from '../linter/rule.js';
import { modeOf } from '../semantics/responsibility.js';
import { propertyNode } from '../language/cst-property.js';

export default defineRule({
    meta: {
        id: 'lead-not-stated',
        category: 'responsibility',
        defaultSeverity: 'warning',
        description: 'Bản gốc giao việc mà không nêu ai chủ trì ("chủ trì không nêu") / The original gives a duty without saying who leads it',
        ...noOptions,
        recommended: true,
    },
    create(context) {
        return {
            Task(task) {
                if (!task.leadUnstated) {
                    return;
                }
                const keyword = propertyNode(task.$cstNode, 'leadUnstated');
                const what = modeOf(task) === 'requested' ? 'Đề nghị' : 'Nhiệm vụ';
                const whatEn = modeOf(task) === 'requested' ? 'request' : 'duty';
                const id = task.name ? ` ${task.name}` : '';
                context.report({
                    node: task,
                    range: keyword?.range ?? task.$cstNode?.range,
                    message: `${what}${id} không nêu cơ quan chủ trì trong bản gốc: không ai chịu trách nhiệm thực hiện và không theo dõi được; đề nghị bổ sung đơn vị chủ trì / The ${whatEn}${id} names no lead in the original: nobody answers for it and no tracking can follow it; the plan should name a lead`,
                });
            },
        };
    },
});
