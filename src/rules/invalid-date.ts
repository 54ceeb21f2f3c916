import type { AstNode } from 'langium';
import { defineRule, noOptions } from '../linter/rule.js';
import { dateProblem, parseDateParts } from '../semantics/dates.js';
import { isPlaceholderDate } from '../semantics/placeholders.js';
import { dayParts, monthParts, quarterParts } from '../semantics/time.js';
import { propertyNode } from '../language/cst-property.js';

export default defineRule({
    meta: {
        id: 'invalid-date',
        category: 'time',
        defaultSeverity: 'error',
        description: 'Ngày, tháng hoặc quý không tồn tại (31/02/2020, tháng 13/2025, quý V/2025) / A date, month or quarter that does not exist',
        ...noOptions,
        recommended: true,
    },
    create(context) {
        return {
            Document: node => check(node, 'date', date),
            Plan: node => check(node, 'date', date),
            Effective: node => check(node, 'date', date),
            TimePoint(node) {
                check(node, 'day', day);
                check(node, 'month', month);
                check(node, 'quarter', quarter);
            },
        };

        function check(node: AstNode, property: string, problemOf: (text: string) => string | undefined): void {
            const text = (node as unknown as Record<string, unknown>)[property];
            // A placeholder (00/00/0000) is reported by unfilled-placeholder.
            if (typeof text !== 'string' || isPlaceholderDate(text)) {
                return;
            }
            const problem = problemOf(text);
            if (problem) {
                const written = propertyNode(node.$cstNode, property);
                context.report({
                    node,
                    range: written?.range,
                    message: `${written?.text.replace(/\s+/g, ' ') ?? text} không tồn tại: ${problem} / ${written?.text.replace(/\s+/g, ' ') ?? text} does not exist`,
                });
            }
        }
    },
});

const UNREADABLE = 'không đọc được (unreadable)';

function date(text: string): string | undefined {
    const parts = parseDateParts(text);
    return parts ? dateProblem(parts) : UNREADABLE;
}

function day(text: string): string | undefined {
    const parts = dayParts(text);
    return parts ? dateProblem(parts) : UNREADABLE;
}

function month(text: string): string | undefined {
    const parts = monthParts(text);
    if (!parts) {
        return UNREADABLE;
    }
    return parts.month < 1 || parts.month > 12 ? `tháng ${parts.month} không tồn tại (month ${parts.month} does not exist)` : undefined;
}

function quarter(text: string): string | undefined {
    const parts = quarterParts(text);
    if (!parts) {
        return `một năm chỉ có quý I đến quý IV (a year has quarters I to IV)`;
    }
    return parts.quarter < 1 || parts.quarter > 4 ? `một năm chỉ có quý I đến quý IV (a year has quarters I to IV)` : undefined;
}
