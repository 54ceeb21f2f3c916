import { defineRule, noOptions } from '../linter/rule.js';
import { kindEnglish, kindLabel, kindOf } from '../semantics/documents.js';

export default defineRule({
    meta: {
        id: 'plan-missing-number-or-date',
        category: 'documents',
        defaultSeverity: 'warning',
        description: 'Kế hoạch không có số hoặc ngày ban hành / A plan has no number or no date',
        ...noOptions,
        recommended: true,
    },
    create(context) {
        return {
            Plan(plan) {
                // A plan issued with a decision or forwarded by a letter is identified by that document.
                if (plan.issuedWith || plan.forwardedBy || (plan.number && plan.date)) {
                    return;
                }
                const label = `${kindLabel(plan)} ${plan.name}`;
                const kind = kindOf(plan);
                const labelEn = `${kind ? kindEnglish(kind).replace(/^./, c => c.toUpperCase()) : plan.kind} ${plan.name}`;
                const [vi, en, add] = !plan.number && !plan.date
                    ? ['số và ngày ban hành', 'no number and no date', '"số" và "ngày"']
                    : !plan.number
                        ? ['số', 'no number', '"số"']
                        : ['ngày ban hành', 'no date', '"ngày"'];
                context.report({
                    node: plan,
                    property: 'name',
                    message: `${label} chưa có ${vi}: thêm ${add}, hoặc "ban hành kèm theo" quyết định ban hành nó / ${labelEn} has ${en}: add ${add.replace('và', 'and')}, or "issued with" the decision that issues it`,
                });
            },
        };
    },
});
