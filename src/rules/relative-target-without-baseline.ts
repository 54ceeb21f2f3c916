import { defineRule, noOptions } from '../linter/rule.js';
import { changeOf, comparisonText, isRelativeChange, spanRange, targetLabel } from '../semantics/targets.js';

export default defineRule({
    meta: {
        id: 'relative-target-without-baseline',
        category: 'targets',
        defaultSeverity: 'warning',
        description: 'Chỉ tiêu tăng/giảm một lượng mà không nêu mốc so sánh ("so với") / A relative change with no baseline ("compared to")',
        ...noOptions,
        recommended: true,
    },
    create(context) {
        return {
            Target(target) {
                const change = target.change;
                const comparison = target.comparison;
                // A direction alone ("giảm") states no amount: there is nothing to measure against a baseline.
                if (!change || !comparison?.value || !isRelativeChange(target) || target.baseline) {
                    return;
                }
                const written = comparisonText(target);
                const decrease = changeOf(target) === 'decrease';
                const toLevel = decrease ? 'giảm xuống' : 'tăng lên';
                context.report({
                    node: target,
                    range: spanRange(change, comparison.upper ?? comparison.value),
                    message: `Chỉ tiêu ${targetLabel(target)} "${written}" không nêu mốc so sánh: thêm "so với năm trước", "so với năm <năm>" ` +
                        `hoặc, nếu là mức cần đạt, viết "${toLevel}" / Target ${targetLabel(target)} "${written}" has no baseline: ` +
                        `add "compared to previous year" or "compared to year <year>", or write "${decrease ? 'decrease down to' : 'increase up to'}" for a level`,
                });
            },
        };
    },
});
