import type { Document, Plan, Target } from '../language/generated/ast.js';
import { defineRule, noOptions } from '../linter/rule.js';
import { lineOf } from '../semantics/structure.js';
import { comparisonRange, comparisonText, duesMeet, intersects, periodYears, targetLabel, targetsByMeasure } from '../semantics/targets.js';

export default defineRule({
    meta: {
        id: 'conflicting-targets',
        category: 'targets',
        defaultSeverity: 'error',
        description: 'Hai chỉ tiêu cùng nội dung trong một kế hoạch không thể cùng đạt / Two targets on the same measure in one plan cannot both be met',
        ...noOptions,
        recommended: true,
    },
    create(context) {
        return {
            Plan: check,
            Document: check,
        };

        function check(owner: Plan | Document): void {
            const period = periodYears(owner);
            for (const group of targetsByMeasure(owner)) {
                group.forEach((facts, i) => {
                    const first = group.slice(0, i).find(g => duesMeet(g.due, facts.due, period) && !intersects(g.interval, facts.interval));
                    if (first) {
                        report(facts.target, first.target);
                    }
                });
            }
        }

        function report(target: Target, first: Target): void {
            const line = lineOf(first);
            const indicator = target.indicator ?? first.indicator;
            const on = indicator
                ? { vi: `cùng chỉ số ${indicator.$refText}`, en: `on the same indicator ${indicator.$refText}` }
                : { vi: 'cùng nội dung', en: 'on the same measure' };
            const these = `${targetLabel(target)} (${comparisonText(target)})`;
            const those = `${targetLabel(first)} (${comparisonText(first)})`;
            context.report({
                node: target,
                range: comparisonRange(target),
                message: `Chỉ tiêu ${these} mâu thuẫn với chỉ tiêu ${those} ở dòng ${line}, ${on.vi}: không giá trị nào đạt cả hai / ` +
                    `Target ${these} contradicts target ${those} at line ${line}, ${on.en}: no value meets both`,
                related: [{ node: first, range: comparisonRange(first), message: `Chỉ tiêu ${those} / Target ${those}` }],
            });
        }
    },
});
