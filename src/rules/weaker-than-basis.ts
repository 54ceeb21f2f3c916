import type { Reference } from 'langium';
import type { Citable, Document, Indicator, Plan, Target } from '../language/generated/ast.js';
import { isTarget } from '../language/generated/ast.js';
import { defineRule, noOptions } from '../linter/rule.js';
import type { Interval } from '../semantics/targets.js';
import { allContents } from '../semantics/contents.js';
import {
    admissible, citableLabel, comparisonRange, comparisonText, contains, dueKey, natureKey, sameUnit, targetLabel
} from '../semantics/targets.js';

interface BasisTarget {
    target: Target;
    interval: Interval;
    source: Citable;
    implemented: boolean;
}

export default defineRule({
    meta: {
        id: 'weaker-than-basis',
        category: 'targets',
        defaultSeverity: 'warning',
        description: 'Chỉ tiêu lỏng hơn chỉ tiêu cùng chỉ số của văn bản được thực hiện / A target weaker than the target on the same indicator in the document it implements',
        ...noOptions,
        recommended: true,
    },
    create(context) {
        return {
            Plan: plan => check(plan, plan.implements, plan.basis),
            Document: document => check(document, [], document.basis),
        };

        function check(owner: Plan | Document, implemented: Array<Reference<Citable>>, basis: Array<Reference<Citable>>): void {
            // The cited plans and documents (linked across files), `thực hiện` before `căn cứ`.
            const cited = new Map<Citable, boolean>();
            for (const [refs, isImplemented] of [[implemented, true], [basis, false]] as const) {
                for (const ref of refs) {
                    const source = ref.ref;
                    if (source && source !== owner && !cited.has(source)) {
                        cited.set(source, isImplemented);
                    }
                }
            }
            if (cited.size === 0) {
                return;
            }
            const byIndicator = new Map<Indicator, BasisTarget[]>();
            for (const [source, isImplemented] of cited) {
                for (const node of allContents(source)) {
                    const indicator = isTarget(node) ? node.indicator?.ref : undefined;
                    const interval = indicator ? admissible(node as Target) : undefined;
                    if (indicator && interval) {
                        const list = byIndicator.get(indicator) ?? [];
                        list.push({ target: node as Target, interval, source, implemented: isImplemented });
                        byIndicator.set(indicator, list);
                    }
                }
            }
            if (byIndicator.size === 0) {
                return;
            }
            for (const node of allContents(owner)) {
                const indicator = isTarget(node) ? node.indicator?.ref : undefined;
                const candidates = indicator ? byIndicator.get(indicator) : undefined;
                if (!candidates) {
                    continue;
                }
                const target = node as Target;
                const interval = admissible(target);
                if (!interval) {
                    continue;
                }
                const weaker = candidates.find(b => comparable(b.target, target) && !contains(b.interval, interval));
                if (weaker) {
                    report(target, weaker);
                }
            }
        }

        function report(target: Target, basis: BasisTarget): void {
            const these = `${targetLabel(target)} (${comparisonText(target)})`;
            const those = `${targetLabel(basis.target)} (${comparisonText(basis.target)})`;
            const doc = citableLabel(basis.source);
            const relation = basis.implemented
                ? { vi: 'được thực hiện', en: 'which this plan implements' }
                : { vi: 'được căn cứ', en: 'cited as a basis' };
            context.report({
                node: target,
                range: comparisonRange(target),
                message: `Chỉ tiêu ${these} lỏng hơn chỉ tiêu ${those} của ${doc} (văn bản ${relation.vi}): ` +
                    `chấp nhận cả những giá trị mà chỉ tiêu đó không chấp nhận / ` +
                    `Target ${these} is weaker than target ${those} of ${doc}, ${relation.en}: it admits values that one does not`,
                related: [{
                    node: basis.target, range: comparisonRange(basis.target),
                    message: `Chỉ tiêu ${those} của ${doc} / Target ${those} of ${doc}`,
                }],
            });
        }
    },
});

/**
 * Two targets are compared when they are of the same nature (levels, or changes in the same direction
 * against the same baseline), in the same unit (a direction alone has none), and due alike: the basis target recurs (it holds every
 * period), or both name the same due (or neither names one). A basis target due in 2025 says nothing
 * about a milestone of 2022.
 */
function comparable(basis: Target, target: Target): boolean {
    return natureKey(basis) === natureKey(target)
        && sameUnit(basis, target)
        && (basis.recurrence !== undefined || dueKey(basis) === dueKey(target));
}
