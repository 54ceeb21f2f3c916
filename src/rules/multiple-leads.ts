import type { Reference } from 'langium';
import type { Party, Section, Task } from '../language/generated/ast.js';
import { taskMode } from '../language/keywords.js';
import { isAgency } from '../language/generated/ast.js';
import { defineRule } from '../linter/rule.js';
import { modeOf } from '../semantics/responsibility.js';

interface Options {
    ignoreRequests: boolean;
    ignoreGroups: boolean;
    remitPhrases: string[];
}

/**
 * How plans say that each body acts in its own remit ("Các sở, ban, ngành, UBND các huyện theo chức
 * năng, nhiệm vụ được giao chủ trì …"): the bodies named do not share one duty.
 */
const REMIT_PHRASES = [
    'theo chức năng', 'căn cứ chức năng', 'phạm vi chức năng', 'phù hợp với chức năng', 'theo thẩm quyền',
    'phạm vi quản lý', 'lĩnh vực phụ trách',
];

export default defineRule<Options>({
    meta: {
        id: 'multiple-leads',
        category: 'responsibility',
        defaultSeverity: 'warning',
        description: 'Một nhiệm vụ có nhiều đơn vị chủ trì / A task names more than one lead unit',
        optionsSchema: {
            type: 'object',
            additionalProperties: false,
            properties: {
                ignoreRequests: {
                    type: 'boolean',
                    default: true,
                    description: 'Bỏ qua đề nghị gửi nhiều cơ quan ngoài thẩm quyền / Ignore requests (đề nghị) to several outside bodies',
                },
                ignoreGroups: {
                    type: 'boolean',
                    default: true,
                    description: 'Bỏ qua nhiệm vụ chỉ giao cho các nhóm ("Các sở, ban, ngành, UBND các huyện"): mỗi thành viên làm phần việc của mình / Ignore tasks whose leads are all groups, each member acting in its own remit',
                },
                remitPhrases: {
                    type: 'array',
                    items: { type: 'string' },
                    default: REMIT_PHRASES,
                    description: 'Nhiệm vụ (hoặc tiêu đề) có nội dung chứa một trong các cụm từ này giao cho mỗi đơn vị phần việc theo chức năng của mình, như khi viết "theo chức năng" / A task (or heading) whose text holds one of these phrases gives each body its own part in its own remit, as "theo chức năng" (each in own remit) does',
                },
            },
        },
        defaultOptions: { ignoreRequests: true, ignoreGroups: true, remitPhrases: REMIT_PHRASES },
        recommended: true,
    },
    create(context) {
        const ignoreRequests = context.options.ignoreRequests !== false;
        const ignoreGroups = context.options.ignoreGroups !== false;
        const phrases = (Array.isArray(context.options.remitPhrases) ? context.options.remitPhrases : REMIT_PHRASES)
            .filter((p): p is string => typeof p === 'string' && p.trim() !== '')
            .map(normalize);
        return {
            // A heading addressed to several bodies ("2.5. Sở Tài chính, Sở Kế hoạch và Đầu tư:") gives
            // each duty under it those bodies as joint leads.
            Section(section) {
                if (section.addressees.length < 2 || (ignoreRequests && section.mode !== undefined && taskMode(section.mode) === 'requested')
                    || ownRemit(section.ownRemit, section.heading)) {
                    return;
                }
                check(section, section.addressees, 'addressees', section.heading ? `"${section.heading}"` : undefined, true);
            },
            Task(task) {
                if (task.leads.length < 2 || (ignoreRequests && modeOf(task) === 'requested') || ownRemit(task.ownRemit, task.text)) {
                    return;
                }
                check(task, task.leads, 'leads', task.name ? `'${task.name}'` : undefined, false);
            },
        };

        /** `theo chức năng` after the list, or the text saying so: each leads its own part, none is shared. */
        function ownRemit(stated: boolean, text: string | undefined): boolean {
            if (stated) {
                return true;
            }
            const written = normalize(text ?? '');
            return phrases.some(phrase => written.includes(phrase));
        }

        function check(node: Task | Section, refs: Array<Reference<Party>>, property: 'leads' | 'addressees', name: string | undefined, heading: boolean): void {
            // Distinct leads, by the body they name (or by the text written, when unresolved).
            const seen = new Set<Party | string>();
            const distinct = refs.filter(ref => {
                const key = ref.ref ?? ref.$refText;
                if (seen.has(key)) {
                    return false;
                }
                seen.add(key);
                return true;
            });
            if (distinct.length < 2) {
                return;
            }
            // Groups only ("Các sở, ban, ngành, UBND các huyện": each member acting in its own remit)
            // distribute the work rather than share it; an unresolved lead does not count as an agency.
            if (ignoreGroups && !distinct.some(ref => isAgency(ref.ref))) {
                return;
            }
            const start = distinct[1].$refNode?.range.start;
            const end = distinct[distinct.length - 1].$refNode?.range.end;
            const names = distinct.map(ref => ref.$refText).join(', ');
            const label = name ? `${name} ` : '';
            const [what, whatEn] = heading ? ['Phần', 'The heading'] : ['Nhiệm vụ', 'The task'];
            context.report({
                node,
                range: start && end ? { start, end } : undefined,
                property: start && end ? undefined : property as never,
                message: `${what} ${label}có ${distinct.length} đơn vị chủ trì (${names}): chỉ giao một đơn vị chủ trì, các đơn vị còn lại phối hợp (nếu bản gốc giao mỗi đơn vị phần việc theo chức năng của mình, ghi "theo chức năng" sau danh sách) / ${whatEn} ${label}has ${distinct.length} lead units (${names}): name one lead and make the others support (if the original gives each its own part in its own remit, write "theo chức năng" after the list)`,
            });
        }
    },
});

function normalize(text: string): string {
    return text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}
