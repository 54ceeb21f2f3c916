import type { AstNode } from 'langium';
import { GrammarUtils } from 'langium';
import { dateProblem, parseDateParts, parseDayMonthParts } from '../language/dates.js';
import { defineRule, noOptions } from '../linter/rule.js';

export default defineRule({
    meta: {
        id: 'invalid-date',
        category: 'time',
        defaultSeverity: 'error',
        description: 'Ngày không tồn tại (31/02/2020) / A date that does not exist',
        ...noOptions,
        recommended: true,
    },
    create(context) {
        return {
            Document: node => check(node, 'date', parseDateParts),
            Plan: node => check(node, 'date', parseDateParts),
            TimePoint(node) {
                check(node, 'date', parseDateParts);
                check(node, 'dayMonth', parseDayMonthParts);
            },
        };

        function check(node: AstNode, property: string, parse: (text: string) => { year?: number; month: number; day: number } | undefined): void {
            const text = (node as unknown as Record<string, unknown>)[property];
            if (typeof text !== 'string') {
                return;
            }
            const parts = parse(text);
            const problem = parts ? dateProblem(parts) : 'không đọc được ngày (unreadable date)';
            if (problem) {
                context.report({
                    node,
                    range: GrammarUtils.findNodeForProperty(node.$cstNode, property)?.range,
                    message: `Ngày ${text} không tồn tại: ${problem} / The date ${text} does not exist`,
                });
            }
        }
    },
});
