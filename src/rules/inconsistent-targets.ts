import type { Document, Plan, Target } from '../language/generated/ast.js';
import type { RelatedPlace } from '../linter/rule.js';
import { defineRule, noOptions } from '../linter/rule.js';
import { lineOf } from '../semantics/structure.js';
import type { TargetFacts } from '../semantics/targets.js';
import {
    commitmentOf, comparisonRange, comparisonText, duesMeet, intersects, periodYears, sameDue, sameInterval, targetLabel, targetsByMeasure
} from '../semantics/targets.js';

/** One level stated against an earlier, different one: reported once, with the other places that state it. */
interface Variant {
    facts: TargetFacts;
    against: TargetFacts;
    others: Target[];
}

export default defineRule({
    meta: {
        id: 'inconsistent-targets',
        category: 'targets',
        defaultSeverity: 'info',
        description: 'Hai chỉ tiêu cùng nội dung, cùng năm nêu hai mức khác nhau (có thể cùng đạt) / Two targets on the same measure for the same year state different levels that can both be met',
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
                const variants: Variant[] = [];
                group.forEach((facts, i) => {
                    const earlier = group.slice(0, i);
                    // A target that no value can meet with an earlier one is conflicting-targets' finding.
                    if (earlier.some(e => duesMeet(e.due, facts.due, period) && !intersects(e.interval, facts.interval))) {
                        return;
                    }
                    const against = earlier.find(e => differs(e, facts));
                    if (!against) {
                        return;
                    }
                    const same = variants.find(v => v.against === against && sameInterval(v.facts.interval, facts.interval));
                    if (same) {
                        same.others.push(facts.target);
                    } else {
                        variants.push({ facts, against, others: [] });
                    }
                });
                variants.forEach(report);
            }
        }

        /**
         * Two levels of one measure that bind alike (both in one year, both recurring alike, or both
         * undated) and can both be met, but differ; a firm floor ("bảo đảm") beside an aspiration
         * ("phấn đấu") is two statements by design.
         */
        function differs(a: TargetFacts, b: TargetFacts): boolean {
            const ca = commitmentOf(a.target);
            const cb = commitmentOf(b.target);
            return sameDue(a.due, b.due) && intersects(a.interval, b.interval) && !sameInterval(a.interval, b.interval)
                && !(ca !== undefined && cb !== undefined && ca !== cb);
        }

        function report(variant: Variant): void {
            const target = variant.facts.target;
            const first = variant.against.target;
            const line = lineOf(first);
            const indicator = target.indicator ?? first.indicator;
            const on = indicator
                ? { vi: `cùng chỉ số ${indicator.$refText}`, en: `on the same indicator ${indicator.$refText}` }
                : { vi: 'cùng nội dung', en: 'on the same measure' };
            const these = `${targetLabel(target)} (${comparisonText(target)})`;
            const those = `${targetLabel(first)} (${comparisonText(first)})`;
            const n = variant.others.length;
            const more = n > 0 ? { vi: ` (và ${n} chỉ tiêu khác cùng mức)`, en: ` (and ${n} more at that level)` } : { vi: '', en: '' };
            const related: RelatedPlace[] = [
                { node: first, range: comparisonRange(first), message: `Chỉ tiêu ${those} / Target ${those}` },
                ...variant.others.map(other => ({ node: other, range: comparisonRange(other), message: `Cùng mức / Same level: ${targetLabel(other)} (${comparisonText(other)})` })),
            ];
            context.report({
                node: target,
                range: comparisonRange(target),
                message: `Chỉ tiêu ${these}${more.vi} nêu mức khác với chỉ tiêu ${those} ở dòng ${line}, ${on.vi}, cùng thời hạn: cả hai có thể cùng đạt, nhưng người đọc không biết mức nào là chỉ tiêu; thống nhất một mức, hoặc ghi rõ mỗi mức áp dụng cho đâu ("đối với …") / ` +
                    `Target ${these}${more.en} states another level than target ${those} at line ${line}, ${on.en}, due alike: both can be met, but a reader cannot tell which level is the target; keep one level, or state what each applies to ("đối với …")`,
                related,
            });
        }
    },
});
