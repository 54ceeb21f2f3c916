import type { Quantity, Target } from '../language/generated/ast.js';
import { defineRule, noOptions } from '../linter/rule.js';
import { changeOf, isPercent, isRelativeChange, targetOp, targetUnit } from '../semantics/targets.js';

export default defineRule({
    meta: {
        id: 'rate-out-of-range',
        category: 'targets',
        defaultSeverity: 'error',
        description: 'Tỷ lệ ngoài khoảng 0–100% hoặc không thể đạt ("trên 100%") / A rate outside 0–100% or impossible ("above 100%")',
        ...noOptions,
        recommended: true,
    },
    create(context) {
        return {
            Target(target) {
                const comparison = target.comparison;
                // While a target is being typed its value may be missing (parser recovery).
                if (!comparison?.value || !isPercent(targetUnit(target))) {
                    return;
                }
                // An increase can exceed 100% (doubling); a level or a decrease cannot.
                const relativeIncrease = isRelativeChange(target) && changeOf(target) === 'increase';
                for (const quantity of [comparison.value, comparison.upper]) {
                    if (quantity && (quantity.value < 0 || (!relativeIncrease && quantity.value > 100))) {
                        report(target, quantity, `Tỷ lệ ${quantity.value}% nằm ngoài khoảng 0–100% / ${quantity.value}% is outside 0–100%`);
                        return;
                    }
                }
                const op = targetOp(target);
                const value = comparison.value.value;
                if (!relativeIncrease && op === 'above' && value >= 100) {
                    report(target, comparison.value, `Không thể đạt tỷ lệ trên ${value}% / A rate cannot be above ${value}%`);
                } else if (op === 'below' && value <= 0) {
                    report(target, comparison.value, `Không thể đạt tỷ lệ dưới ${value}% / A rate cannot be below ${value}%`);
                }
            },
        };

        function report(target: Target, quantity: Quantity, message: string): void {
            context.report({ node: target, range: quantity.$cstNode?.range, message });
        }
    },
});
