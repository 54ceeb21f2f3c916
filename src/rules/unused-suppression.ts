import { defineRule, noOptions } from '../linter/rule.js';

/**
 * Checked by the runner (src/linter/runner.ts) after every other rule, since it needs their
 * findings; this module holds the rule's metadata.
 */
export default defineRule({
    meta: {
        id: 'unused-suppression',
        category: 'suppressions',
        defaultSeverity: 'warning',
        description: 'Chú thích tắt quy tắc không tắt gì cả / A suppression comment that suppresses nothing',
        ...noOptions,
        recommended: true,
    },
    create: () => ({}),
});
