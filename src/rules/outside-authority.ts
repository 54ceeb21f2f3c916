import type { Party } from '../language/generated/ast.js';
import { isAgency, isPlan } from '../language/generated/ast.js';
import { ancestors, effectiveLeads, headerRange, isUnderAuthority, modeOf, planOf } from '../language/semantics.js';
import { defineRule, noOptions } from '../linter/rule.js';
import { leadOwner } from '../linter/support/responsibility.js';

export default defineRule({
    meta: {
        id: 'outside-authority',
        category: 'responsibility',
        defaultSeverity: 'warning',
        description: 'Giao nhiệm vụ cho cơ quan ngoài thẩm quyền của cơ quan ban hành (phải dùng "đề nghị") / A task directed to a body outside the issuer\'s authority (should be a request, "đề nghị")',
        ...noOptions,
        recommended: true,
    },
    create(context) {
        return {
            Task(task) {
                if (modeOf(task) !== 'directed') {
                    return;
                }
                const plan = planOf(task);
                const issuer = isPlan(plan) ? plan.issuer?.ref : undefined;
                const owner = leadOwner(task);
                if (!issuer || !owner) {
                    return;
                }
                const issuerId = plan?.issuer?.$refText ?? issuer.name;
                if (owner === task) {
                    const reported = new Set<Party>();
                    task.leads.forEach((ref, index) => {
                        const lead = ref.ref;
                        if (!lead || reported.has(lead) || isUnderAuthority(lead, issuer)) {
                            return;
                        }
                        reported.add(lead);
                        context.report({
                            node: task,
                            property: 'leads',
                            index,
                            message: `'${ref.$refText}' ${reasonVi(lead)}, không thuộc quyền chỉ đạo của ${issuerId}: dùng "đề nghị" thay cho "${task.mode}" / '${ref.$refText}' ${reasonEn(lead)}, outside the authority of ${issuerId}: make this a request ("đề nghị")`,
                        });
                    });
                } else if (modeOf(owner) !== 'directed') {
                    // A directed sub-task of a request inherits leads the issuer cannot direct.
                    const outside = effectiveLeads(task).filter(ref => ref.ref !== undefined && !isUnderAuthority(ref.ref, issuer));
                    if (outside.length > 0) {
                        const names = outside.map(ref => ref.$refText).join(', ');
                        context.report({
                            node: task,
                            range: headerRange(task, 'text'),
                            message: `Nhiệm vụ được giao cho ${names} (chủ trì của đề nghị bao ngoài), không thuộc quyền chỉ đạo của ${issuerId}: dùng "đề nghị" thay cho "${task.mode}" / This task is directed to ${names} (the lead of the enclosing request), outside the authority of ${issuerId}: make it a request ("đề nghị")`,
                        });
                    }
                }
            },
        };
    },
});

function reasonVi(party: Party): string {
    if (isAgency(party) && party.independent) {
        return 'là cơ quan độc lập';
    }
    const top = ancestors(party).at(-1);
    return top ? `thuộc ${top.name}` : 'không được khai báo thuộc cơ quan ban hành';
}

function reasonEn(party: Party): string {
    if (isAgency(party) && party.independent) {
        return 'is independent';
    }
    const top = ancestors(party).at(-1);
    return top ? `belongs to ${top.name}` : 'is not declared under the issuer';
}
