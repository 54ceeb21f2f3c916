import type { Target } from '../language/generated/ast.js';
import { isTarget, isTask } from '../language/generated/ast.js';
import { defineRule, noOptions } from '../linter/rule.js';
import { targetLabel } from '../semantics/targets.js';
import { allContents } from '../semantics/contents.js';

export default defineRule({
    meta: {
        id: 'target-without-task',
        category: 'targets',
        defaultSeverity: 'info',
        description: 'Chỉ tiêu không có nhiệm vụ nào phục vụ / A target that no task serves',
        ...noOptions,
        recommended: false,
    },
    create(context) {
        return {
            // Targets are visible only inside their plan, so the tasks that can serve them are all here.
            // A document (văn bản) holds no tasks: its targets are not checked.
            Plan(plan) {
                const targets: Target[] = [];
                const served = new Set<Target>();
                for (const node of allContents(plan)) {
                    if (isTarget(node)) {
                        targets.push(node);
                    } else if (isTask(node)) {
                        for (const ref of node.serves) {
                            if (ref.ref) {
                                served.add(ref.ref);
                            }
                        }
                    }
                }
                for (const target of targets) {
                    if (!served.has(target)) {
                        const hint = target.name
                            ? { vi: `thêm "phục vụ ${target.name}" vào nhiệm vụ thực hiện nó`, en: `add "serves ${target.name}" to the task that achieves it` }
                            : { vi: 'đặt mã cho chỉ tiêu và thêm "phục vụ <mã>" vào nhiệm vụ thực hiện nó', en: 'give the target an id and add "serves <id>" to the task that achieves it' };
                        context.report({
                            node: target,
                            property: target.name ? 'name' : 'text',
                            message: `Chưa có nhiệm vụ nào phục vụ chỉ tiêu ${targetLabel(target)}: ${hint.vi} / No task serves target ${targetLabel(target)}: ${hint.en}`,
                        });
                    }
                }
            },
        };
    },
});
