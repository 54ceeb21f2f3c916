import type { AstNode, Reference } from 'langium';
import type { Party, Report, Section, Task } from '../language/generated/ast.js';
import { StringMap } from '../language/string-map.js';
import { defineRule } from '../linter/rule.js';
import type { ForeignLevel } from '../semantics/levels.js';
import { OTHER_LEVEL_PHRASES, foreignLevel, isLocalPlan, isNationalLegislature, otherLevelSubject, provinceOf } from '../semantics/levels.js';
import { issuerOf } from '../semantics/responsibility.js';
import { ownerOf } from '../semantics/structure.js';
import { propertyNode } from '../language/cst-property.js';

interface Options {
    phrases: string[];
}

export default defineRule<Options>({
    meta: {
        id: 'foreign-addressee',
        category: 'responsibility',
        defaultSeverity: 'warning',
        description: 'Kế hoạch của tỉnh giao việc cho cơ quan cấp khác hoặc tỉnh khác (chép từ kế hoạch trung ương) / A provincial plan gives duties to bodies of another level or province (copied from a national plan)',
        optionsSchema: {
            type: 'object',
            additionalProperties: false,
            properties: {
                phrases: {
                    type: 'array',
                    items: { type: 'string' },
                    default: [...OTHER_LEVEL_PHRASES],
                    description: 'Cụm từ gọi cơ quan cấp khác ở đầu nội dung một nhiệm vụ hoặc đề mục ("các Bộ, ngành", "UBND các tỉnh, thành phố trực thuộc trung ương") / Phrases naming bodies of another level at the start of a task\'s text or a heading ("các Bộ, ngành", "UBND các tỉnh, thành phố trực thuộc trung ương")',
                },
            },
        },
        defaultOptions: { phrases: [...OTHER_LEVEL_PHRASES] },
        recommended: true,
    },
    create(context) {
        const given = (Array.isArray(context.options.phrases) ? context.options.phrases : OTHER_LEVEL_PHRASES)
            .filter((p): p is string => typeof p === 'string' && p.trim() !== '');
        // The default list itself when the options give it: the words of its phrases are then read once
        // (`otherLevelSubject` keeps them by list), not once per file.
        const phrases = given.length === OTHER_LEVEL_PHRASES.length && given.every((p, i) => p === OTHER_LEVEL_PHRASES[i]) ? OTHER_LEVEL_PHRASES : given;
        return {
            Task(task) {
                const own = [...task.leads.map((ref, i) => ({ ref, property: 'leads', i })),
                    ...task.addressees.map((ref, i) => ({ ref, property: 'addressees', i })),
                    ...task.requested.map((ref, i) => ({ ref, property: 'requested', i }))];
                const reported = reportRefs(task, own);
                if (!reported) {
                    reportText(task, 'text');
                }
            },
            Section(section) {
                const reported = reportRefs(section, section.addressees.map((ref, i) => ({ ref, property: 'addressees', i })));
                if (!reported) {
                    reportText(section, 'heading');
                }
            },
            Report(report) {
                reportRefs(report, report.reporters.map((ref, i) => ({ ref, property: 'reporters', i })));
                report.recipients.forEach((ref, index) => {
                    const party = ref.ref;
                    if (party && provinceOf(report) !== undefined && isNationalLegislature(party)) {
                        context.report({
                            node: report, property: 'recipients', index,
                            message: `Kế hoạch của tỉnh không báo cáo '${ref.$refText}' (${party.officialName}): tỉnh báo cáo Hội đồng nhân dân tỉnh, Chính phủ, Thủ tướng Chính phủ hoặc bộ, ngành; chế độ báo cáo này có dạng của kế hoạch trung ương được chép lại / A provincial plan does not report to '${ref.$refText}' (${party.officialName}): a province reports to its People's Council, the Government, the Prime Minister or a ministry; this reporting duty reads as copied from a national plan`,
                        });
                    }
                });
            },
        };

        /** Reports each body of another level or province among `refs`; whether any was. */
        function reportRefs(node: Task | Section | Report, refs: Array<{ ref: Reference<Party>; property: string; i: number }>): boolean {
            let any = false;
            const seen = new Set<Party>();
            for (const { ref, property, i } of refs) {
                const party = ref.ref;
                const level = party && !seen.has(party) ? foreignLevel(party, node) : undefined;
                if (!party || !level) {
                    continue;
                }
                seen.add(party);
                any = true;
                const role = property === 'reporters'
                    ? { vi: 'phải báo cáo', en: 'is made to report' }
                    : property === 'requested' ? { vi: 'được đề nghị', en: 'is requested' } : { vi: 'được giao việc', en: 'is given the duty' };
                context.report({
                    node, property: property as never, index: i,
                    message: `'${ref.$refText}', ${levelVi(level)}, ${role.vi} trong kế hoạch của ${issuerText(node)}: việc này có dạng của kế hoạch ${level.level === 'national' ? 'trung ương' : 'tỉnh khác'} được chép lại; giao cho cơ quan của tỉnh hoặc bỏ / ` +
                        `'${ref.$refText}', ${levelEn(level)}, ${role.en} in a plan issued by ${issuerTextEn(node)}: the duty reads as copied from a ${level.level === 'national' ? 'national' : 'another province\'s'} plan; give it to a body of the province or drop it`,
                });
            }
            return any;
        }

        /** A duty whose text names bodies of another level as its subject, in a local plan. */
        function reportText(node: Task | Section, property: 'text' | 'heading'): void {
            const text = (node as unknown as Record<string, unknown>)[property];
            if (typeof text !== 'string' || !isLocalPlan(node)) {
                return;
            }
            const found = otherLevelSubject(text, phrases);
            if (!found) {
                return;
            }
            const printed = text.normalize('NFC').slice(found.start, found.end);
            const range = StringMap.of(context.document, node, property)?.range(found.start, found.end)
                ?? propertyNode(node.$cstNode, property)?.range;
            context.report({
                node, range,
                message: `"${printed}" không phải cơ quan của tỉnh: kế hoạch của ${issuerText(node)} không giao việc cho bộ, ngành trung ương hay cho các tỉnh; nhiệm vụ này có dạng của kế hoạch trung ương được chép lại, giao cho cơ quan của tỉnh hoặc bỏ / ` +
                    `"${printed}" are not bodies of the province: a plan issued by ${issuerTextEn(node)} gives no duties to ministries or to the provinces; the duty reads as copied from a national plan, give it to a body of the province or drop it`,
            });
        }
    },
});

function levelVi(level: ForeignLevel): string {
    return level.level === 'national' ? 'cơ quan trung ương (khai báo không có phạm vi)' : `cơ quan của phạm vi ${level.namespace}`;
}

function levelEn(level: ForeignLevel): string {
    return level.level === 'national' ? 'a national body (declared without a namespace)' : `a body of namespace ${level.namespace}`;
}

/** The plan's issuer as the plan names it, with its province ("UBND_TINH, phạm vi CaMau"). */
function issuerText(node: AstNode): string {
    const id = ownerOf(node)?.issuer?.$refText ?? issuerOf(node)?.name ?? 'cơ quan ban hành';
    const province = provinceOf(node);
    return province ? `${id} (phạm vi ${province})` : id;
}

function issuerTextEn(node: AstNode): string {
    const issuer = issuerOf(node);
    const id = ownerOf(node)?.issuer?.$refText ?? issuer?.name ?? 'the issuer';
    const province = provinceOf(node);
    return province ? `${id} (namespace ${province})` : id;
}
