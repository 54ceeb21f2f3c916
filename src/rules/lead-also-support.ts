import type { Reference } from 'langium';
import type { Party } from '../language/generated/ast.js';
import { defineRule, noOptions } from '../linter/rule.js';
import { removeListElement } from '../linter/support/fixes.js';
import { effectiveLeads, leadOwner } from '../semantics/responsibility.js';

export default defineRule({
    meta: {
        id: 'lead-also-support',
        category: 'responsibility',
        defaultSeverity: 'warning',
        description: 'Một cơ quan vừa chủ trì vừa phối hợp trong cùng nhiệm vụ / The same body both leads and supports one task',
        ...noOptions,
        recommended: true,
    },
    create(context) {
        return {
            Task(task) {
                if (task.supports.length === 0) {
                    return;
                }
                // Each lead with the reference that names it (in this task, or where it is inherited from).
                const leads = new Map<Party, Reference<Party>>();
                for (const ref of effectiveLeads(task)) {
                    if (ref.ref && !leads.has(ref.ref)) {
                        leads.set(ref.ref, ref);
                    }
                }
                if (leads.size === 0) {
                    return;
                }
                const owner = leadOwner(task);
                const inherited = owner !== undefined && owner !== task;
                const where = inherited && owner.name ? ` (nhiệm vụ ${owner.name})` : inherited ? ' (nhiệm vụ cha)' : '';
                const whereEn = inherited && owner.name ? ` (task ${owner.name})` : inherited ? ' (enclosing task)' : '';
                const reported = new Set<Party>();
                task.supports.forEach((ref, index) => {
                    const party = ref.ref;
                    if (!party || !leads.has(party) || reported.has(party)) {
                        return;
                    }
                    reported.add(party);
                    const lead = leads.get(party);
                    const leadNode = lead?.$refNode;
                    const written = ref.$refNode;
                    context.report({
                        node: task,
                        property: 'supports',
                        index,
                        fixes: () => {
                            const removal = written ? removeListElement(context.document, task, written) : undefined;
                            return removal ? [{
                                title: `Bỏ '${ref.$refText}' khỏi đơn vị phối hợp / Remove '${ref.$refText}' from the supporting units`,
                                edits: [removal],
                                preferred: true,
                            }] : undefined;
                        },
                        message: `'${ref.$refText}' đã là đơn vị chủ trì${where}, không thể đồng thời là đơn vị phối hợp / '${ref.$refText}' already leads this task${whereEn} and cannot also support it`,
                        related: lead && leadNode
                            ? [{ node: leadNode.astNode, range: leadNode.range, message: `'${lead.$refText}' chủ trì ở đây / '${lead.$refText}' leads here` }]
                            : undefined,
                    });
                });
            },
        };
    },
});
