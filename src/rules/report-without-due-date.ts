import type { Report } from '../language/generated/ast.js';
import { isOnRequest, isUpon } from '../language/generated/ast.js';
import { deadlinesOf } from '../semantics/time.js';
import type { Fix } from '../linter/rule.js';
import { defineRule } from '../linter/rule.js';
import { addToBody } from '../linter/support/fixes.js';
import { PLACEHOLDER_DATE } from '../semantics/placeholders.js';
import { headerRange } from '../semantics/structure.js';

interface Options {
    eventPhrases: string[];
}

/** Phrases that make a report one sent when something happens, not on a schedule. */
const EVENT_PHRASES = [
    'vướng mắc', 'đột xuất', 'khi có yêu cầu', 'khi được yêu cầu', 'theo yêu cầu', 'khi phát sinh', 'khi xảy ra',
    'ad hoc', 'on request', 'when requested', 'difficulties arise',
];

export default defineRule<Options>({
    meta: {
        id: 'report-without-due-date',
        category: 'time',
        defaultSeverity: 'warning',
        description: 'Chế độ báo cáo không có hạn gửi / A reporting duty has no due date',
        optionsSchema: {
            type: 'object',
            additionalProperties: false,
            properties: {
                eventPhrases: {
                    type: 'array',
                    items: { type: 'string' },
                    default: EVENT_PHRASES,
                    description: 'Báo cáo có tiêu đề hoặc đoạn văn chứa một trong các cụm từ này là báo cáo khi có sự việc (khó khăn, vướng mắc, đột xuất), không cần hạn / A report whose title or text contains one of these phrases is sent when something happens and needs no due date',
                },
            },
        },
        defaultOptions: { eventPhrases: EVENT_PHRASES },
        recommended: true,
    },
    create(context) {
        const phrases = (Array.isArray(context.options.eventPhrases) ? context.options.eventPhrases : EVENT_PHRASES)
            .filter((p): p is string => typeof p === 'string' && p.trim() !== '')
            .map(normalize);
        return {
            Report(report) {
                if (deadlinesOf(report).length > 0 || report.timings.some(t => isUpon(t) || isOnRequest(t)) || isEventDriven(report)) {
                    return;
                }
                const id = report.name ? ` ${report.name}` : '';
                const text = normalize([report.title, ...report.members.map(m => m.text)].join(' '));
                const [vi, en] = /theo quy định/.test(text)
                    ? [' ("theo quy định" không cho biết ngày nào)', ' ("theo quy định", as regulated, does not say which day)']
                    : ['', ''];
                context.report({
                    node: report,
                    range: headerRange(report, 'title'),
                    message: `Báo cáo${id} không có hạn gửi${vi}: thêm "trước ngày …" hoặc "hạn …", nếu không sẽ không ai bị coi là chậm / The report${id} has no due date${en}: add "trước ngày …" (before) or "hạn …" (due), otherwise nobody can be late`,
                    fixes: () => dueDateFix(report),
                });
            },
        };

        /**
         * The due date is never guessed: a placeholder date that unfilled-placeholder reports until the
         * drafter writes the one the original gives, a day and month (00/00) for a recurring report.
         */
        function dueDateFix(report: Report): Fix[] | undefined {
            const english = /^(?:\[[^\]]*\]\s*)?report\b/i.test(report.$cstNode?.text ?? '');
            const date = report.recurrence ? PLACEHOLDER_DATE.slice(0, 5) : PLACEHOLDER_DATE;
            const clause = english ? `before ${date}` : `trước ngày ${date}`;
            const insertion = addToBody(context.document, report, clause, 'end');
            return insertion ? [{ title: `Thêm "${clause}" (cần điền hạn gửi) / Add a due date to fill in`, edits: [insertion] }] : undefined;
        }

        function isEventDriven(report: Report): boolean {
            if (phrases.length === 0) {
                return false;
            }
            const text = normalize([report.title, ...report.members.map(m => m.text)].join(' '));
            return phrases.some(p => text.includes(p));
        }
    },
});

function normalize(text: string): string {
    return (text ?? '').normalize('NFC').toLowerCase().replace(/\s+/g, ' ');
}
