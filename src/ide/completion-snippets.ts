/**
 * Templates offered by completion for the constructs a drafter writes most. Each expands to valid
 * syntax with its placeholders left at their defaults (a test parses every one), and every default
 * is visibly a placeholder: ids such as CO_QUAN_CHU_TRI resolve to nothing, so a template left
 * unfilled is reported rather than passing for a stated value.
 */

/** Where a template may start: a top-level declaration, or a member of a plan, section or task body. */
export type SnippetPlace = 'element' | 'member';

export interface PlanSnippet {
    /** Its first keyword, Vietnamese then English: what the drafter starts typing. */
    keywords: [string, string];
    /** What the template is, Vietnamese first. */
    description: string;
    place: SnippetPlace;
    /** LSP snippet syntax: `${1:default}`, `${2|a,b|}`, `$0`; lines indented with tabs. */
    body: string;
}

export const SNIPPETS: readonly PlanSnippet[] = [
    {
        keywords: ['kế hoạch', 'plan'],
        description: 'Kế hoạch / Plan',
        place: 'element',
        body: [
            'kế hoạch ${1:KH_MOI} "${2:Tên kế hoạch}" {',
            '\tcủa ${3:CO_QUAN_BAN_HANH}',
            '\tsố "${4:Số/KH-UBND}"',
            '\tcăn cứ ${5:VAN_BAN_CAN_CU}',
            '\t$0',
            '}',
        ].join('\n'),
    },
    {
        keywords: ['cơ quan', 'agency'],
        description: 'Cơ quan / Agency',
        place: 'element',
        body: 'cơ quan ${1:MA_CO_QUAN} "${2:Tên chính thức}" thuộc ${3:CO_QUAN_CAP_TREN}$0',
    },
    {
        keywords: ['văn bản', 'document'],
        description: 'Văn bản / Document',
        place: 'element',
        body: 'văn bản ${1:MA_VAN_BAN} ${2|quyết định,luật,nghị định,nghị quyết,thông tư,chỉ thị,kế hoạch,công văn|} số "${3:Số/ký hiệu}" của ${4:CO_QUAN_BAN_HANH} "${5:Trích yếu}"$0',
    },
    {
        keywords: ['nhiệm vụ', 'task'],
        description: 'Nhiệm vụ / Task',
        place: 'member',
        body: [
            'nhiệm vụ ${1:NV_MOI} "${2:Nội dung nhiệm vụ}" {',
            '\tchủ trì ${3:CO_QUAN_CHU_TRI}',
            '\tphối hợp ${4:CO_QUAN_PHOI_HOP}',
            '\t$0',
            '}',
        ].join('\n'),
    },
    {
        keywords: ['đề nghị', 'request'],
        description: 'Đề nghị / Request',
        place: 'member',
        body: [
            'đề nghị ${1:DN_MOI} "${2:Nội dung đề nghị}" {',
            '\tchủ trì ${3:CO_QUAN_DUOC_DE_NGHI}',
            '\t$0',
            '}',
        ].join('\n'),
    },
    {
        keywords: ['chỉ tiêu', 'target'],
        description: 'Chỉ tiêu / Target',
        place: 'member',
        body: 'chỉ tiêu ${1:CT_MOI} "${2:Nội dung chỉ tiêu}" ${3|phấn đấu,bảo đảm|} ${4|đạt,trên,dưới,tối đa,khoảng|} ${5:100}%$0',
    },
    {
        keywords: ['báo cáo', 'report'],
        description: 'Báo cáo / Report',
        place: 'member',
        body: [
            'báo cáo ${1:BC_MOI} "${2:Tên báo cáo}" {',
            '\ttừ ${3:CO_QUAN_BAO_CAO}',
            '\tgửi ${4:CO_QUAN_NHAN_BAO_CAO}',
            '\t$0',
            '}',
        ].join('\n'),
    },
];

/** The text a snippet inserts when every placeholder keeps its default (a choice its first option). */
export function expandSnippet(body: string, indent = '    '): string {
    let text = body;
    // Innermost first, so that nested placeholders expand too.
    for (let previous = ''; previous !== text;) {
        previous = text;
        text = text
            .replace(/\$\{\d+:([^${}]*)\}/g, '$1')
            .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1');
    }
    return text.replace(/\$\{?\d+\}?/g, '').replace(/\t/g, indent);
}
