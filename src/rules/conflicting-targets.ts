import { AstUtils } from 'langium';
import type { Document, Plan, Target } from '../language/generated/ast.js';
import { isTarget } from '../language/generated/ast.js';
import { namespaceOf, qualify } from '../language/planspec-scope.js';
import { defineRule, noOptions } from '../linter/rule.js';
import { lineOf } from '../semantics/structure.js';
import type { Interval } from '../semantics/targets.js';
import {
    admissible, comparisonRange, comparisonText, dueKey, intersects, natureKey, normalizeText, targetLabel, unitKey
} from '../semantics/targets.js';

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
            // Targets that can be compared share a key: the same measure, nature, due and unit.
            const groups = new Map<string, Array<{ target: Target; interval: Interval }>>();
            for (const node of AstUtils.streamAllContents(owner)) {
                if (!isTarget(node)) {
                    continue;
                }
                const interval = admissible(node);
                if (!interval) {
                    continue;
                }
                const key = [subjectKey(node), natureKey(node), dueKey(node), unitKey(node)].join('\u0000');
                let group = groups.get(key);
                if (!group) {
                    group = [];
                    groups.set(key, group);
                }
                const first = group.find(g => !intersects(g.interval, interval));
                if (first) {
                    report(node, first.target);
                }
                group.push({ target: node, interval });
            }
        }

        function report(target: Target, first: Target): void {
            const line = lineOf(first);
            const on = target.indicator
                ? { vi: `cùng chỉ số ${target.indicator.$refText}`, en: `on the same indicator ${target.indicator.$refText}` }
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

/** The measure a target is on: its indicator, else its text (NFC, lower case, blanks collapsed). */
function subjectKey(target: Target): string {
    if (target.indicator) {
        const indicator = target.indicator.ref;
        return indicator ? `indicator ${qualify(namespaceOf(indicator), indicator.name)}` : `indicator? ${target.indicator.$refText}`;
    }
    return `text ${normalizeText(target.text ?? '')}`;
}
