import { isPlan } from '../language/generated/ast.js';
import { headerRange, isUnderAuthority, modeOf, planOf } from '../language/semantics.js';
import { defineRule, noOptions } from '../linter/rule.js';
import { leadOwner, resolvedParties } from '../linter/support/responsibility.js';

export default defineRule({
    meta: {
        id: 'request-to-subordinate',
        category: 'responsibility',
        defaultSeverity: 'info',
        description: 'Đề nghị gửi cơ quan thuộc quyền chỉ đạo của cơ quan ban hành (có thể giao) / A request to bodies under the issuer\'s authority (it can direct them)',
        ...noOptions,
        recommended: true,
    },
    create(context) {
        return {
            Task(task) {
                if (modeOf(task) !== 'requested') {
                    return;
                }
                const plan = planOf(task);
                const issuer = isPlan(plan) ? plan.issuer?.ref : undefined;
                const owner = leadOwner(task);
                // Leads named by an enclosing request are reported there, once.
                if (!issuer || !owner || (owner !== task && modeOf(owner) === 'requested')) {
                    return;
                }
                if (owner.leads.some(ref => ref.ref === undefined)) {
                    return;
                }
                const leads = resolvedParties(owner.leads);
                if (leads.length === 0 || !leads.every(lead => isUnderAuthority(lead, issuer))) {
                    return;
                }
                const names = owner.leads.map(ref => ref.$refText).filter((n, i, all) => all.indexOf(n) === i).join(', ');
                const issuerId = plan?.issuer?.$refText ?? issuer.name;
                context.report({
                    node: task,
                    range: headerRange(task, 'text'),
                    message: `${names} thuộc quyền chỉ đạo của ${issuerId}: giao bằng "nhiệm vụ" hoặc "giao" thay cho "đề nghị" / ${names} ${leads.length > 1 ? 'are' : 'is'} under the authority of ${issuerId}: direct ${leads.length > 1 ? 'them' : 'it'} ("nhiệm vụ", "giao") instead of requesting`,
                });
            },
        };
    },
});
