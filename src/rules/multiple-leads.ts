import type { Reference } from 'langium';
import type { Party, Section, Task } from '../language/generated/ast.js';
import { taskMode } from '../language/keywords.js';
import { isAgency } from '../language/generated/ast.js';
import { defineRule } from '../linter/rule.js';
import { modeOf } from '../semantics/responsibility.js';

interface Options {
    ignoreRequests: boolean;
    ignoreGroups: boolean;
}

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
            },
        },
        defaultOptions: { ignoreRequests: true, ignoreGroups: true },
        recommended: true,
    },
    create(context) {
        const ignoreRequests = context.options.ignoreRequests !== false;
        const ignoreGroups = context.options.ignoreGroups !== false;
        return {
            // A heading addressed to several bodies ("2.5. Sở Tài chính, Sở Kế hoạch và Đầu tư:") gives
            // each duty under it those bodies as joint leads.
            Section(section) {
                if (section.addressees.length < 2 || (ignoreRequests && section.mode !== undefined && taskMode(section.mode) === 'requested')) {
                    return;
                }
                check(section, section.addressees, 'addressees', section.heading ? `"${section.heading}"` : undefined, true);
            },
            Task(task) {
                if (task.leads.length < 2 || (ignoreRequests && modeOf(task) === 'requested')) {
                    return;
                }
                check(task, task.leads, 'leads', task.name ? `'${task.name}'` : undefined, false);
            },
        };

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
                message: `${what} ${label}có ${distinct.length} đơn vị chủ trì (${names}): chỉ giao một đơn vị chủ trì, các đơn vị còn lại phối hợp / ${whatEn} ${label}has ${distinct.length} lead units (${names}): name one lead and make the others support`,
            });
        }
    },
});
