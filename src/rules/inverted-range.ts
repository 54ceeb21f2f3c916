import { keywordKey } from '../language/keywords.js';
import { defineRule, noOptions } from '../linter/rule.js';
import { comparisonText, isNumber, spanRange } from '../semantics/targets.js';

export default defineRule({
    meta: {
        id: 'inverted-range',
        category: 'targets',
        defaultSeverity: 'error',
        description: 'Khoảng giá trị của chỉ tiêu bị ngược: cận dưới lớn hơn cận trên / A target range whose lower bound exceeds its upper bound',
        ...noOptions,
        recommended: true,
    },
    create(context) {
        return {
            Comparison(comparison) {
                const lower = comparison.value;
                const upper = comparison.upper;
                if (!lower || !upper || !isNumber(lower.value) || !isNumber(upper.value) || lower.value <= upper.value) {
                    return;
                }
                // "từ 5 triệu đến 3 tỷ" is not inverted: compare only bounds in the same unit.
                if (lower.unit && upper.unit && keywordKey(lower.unit) !== keywordKey(upper.unit)) {
                    return;
                }
                const written = comparisonText(comparison.$container);
                const lo = lower.$cstNode?.text ?? String(lower.value);
                const hi = upper.$cstNode?.text ?? String(upper.value);
                context.report({
                    node: comparison,
                    range: spanRange(lower, upper),
                    message: `Khoảng "${written}" bị ngược: cận dưới ${lo} lớn hơn cận trên ${hi} (viết "từ ${hi} đến ${lo}"?) / ` +
                        `The range "${written}" is upside down: the lower bound ${lo} exceeds the upper bound ${hi}`,
                });
            },
        };
    },
});
