import { defineRule, noOptions } from '../linter/rule.js';

/**
 * Checked by the runner (src/linter/runner.ts) together with the suppressions themselves; this
 * module holds the rule's metadata.
 */
export default defineRule({
    meta: {
        id: 'invalid-suppression',
        category: 'suppressions',
        defaultSeverity: 'warning',
        description: 'Chú thích tắt quy tắc thiếu lý do, thiếu tên quy tắc hoặc ghi sai tên / A suppression without a reason, without rule ids or with an unknown rule id',
        ...noOptions,
        recommended: true,
    },
    create: () => ({}),
});
