/**
 * Canonical meanings of the keyword spellings the grammar accepts. The grammar keeps the text the
 * drafter typed (any case, NFC or NFD, any blanks); everything downstream works on these values.
 */

/** NFC, lower case, single spaces: the form in which keyword spellings are looked up. */
export function keywordKey(text: string): string {
    return text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function table<T extends string>(entries: Record<T, string[]>): (text: string) => T | undefined {
    const map = new Map<string, T>();
    for (const [value, spellings] of Object.entries(entries) as Array<[T, string[]]>) {
        for (const spelling of spellings) {
            map.set(keywordKey(spelling), value);
        }
    }
    return (text: string) => map.get(keywordKey(text));
}

export type DocumentKind =
    | 'law' | 'ordinance' | 'resolution' | 'decree' | 'decision' | 'directive' | 'joint-circular'
    | 'circular' | 'plan' | 'scheme' | 'programme' | 'strategy' | 'letter' | 'dispatch' | 'conclusion'
    | 'regulation' | 'statute' | 'guidance' | 'submission' | 'notice' | 'report';

export const documentKind = table<DocumentKind>({
    'law': ['luật', 'law'],
    'ordinance': ['pháp lệnh', 'ordinance'],
    'resolution': ['nghị quyết', 'resolution'],
    'decree': ['nghị định', 'decree'],
    'decision': ['quyết định', 'decision'],
    'directive': ['chỉ thị', 'directive'],
    'joint-circular': ['thông tư liên tịch', 'joint circular'],
    'circular': ['thông tư', 'circular'],
    'plan': ['kế hoạch', 'plan'],
    'scheme': ['đề án', 'scheme'],
    'programme': ['chương trình', 'programme'],
    'strategy': ['chiến lược', 'strategy'],
    'letter': ['công văn', 'letter'],
    'dispatch': ['công điện', 'dispatch'],
    'conclusion': ['kết luận', 'conclusion'],
    'regulation': ['quy định', 'regulation'],
    'statute': ['quy chế', 'statute'],
    'guidance': ['hướng dẫn', 'guidance'],
    'submission': ['tờ trình', 'submission'],
    'notice': ['thông báo', 'notice'],
    'report': ['báo cáo', 'report'],
});

/** Vietnamese name of each kind, as printed before a number ("Quyết định số …"). */
export const documentKindLabel: Record<DocumentKind, string> = {
    'law': 'Luật', 'ordinance': 'Pháp lệnh', 'resolution': 'Nghị quyết', 'decree': 'Nghị định',
    'decision': 'Quyết định', 'directive': 'Chỉ thị', 'joint-circular': 'Thông tư liên tịch',
    'circular': 'Thông tư', 'plan': 'Kế hoạch', 'scheme': 'Đề án', 'programme': 'Chương trình',
    'strategy': 'Chiến lược', 'letter': 'Công văn', 'dispatch': 'Công điện', 'conclusion': 'Kết luận',
    'regulation': 'Quy định', 'statute': 'Quy chế', 'guidance': 'Hướng dẫn', 'submission': 'Tờ trình',
    'notice': 'Thông báo', 'report': 'Báo cáo',
};

export type ComparisonOp = 'above' | 'atLeast' | 'below' | 'atMost' | 'exactly' | 'between';

export const comparisonOp = table<ComparisonOp>({
    above: ['trên', 'above', 'hơn', 'more than'],
    atLeast: ['ít nhất', 'at least', 'tối thiểu', 'không dưới', 'đạt', 'reach', 'trở lên', 'or more'],
    below: ['dưới', 'below', 'less than'],
    atMost: ['tối đa', 'at most', 'không quá', 'trở xuống', 'or less'],
    exactly: ['bằng', 'exactly'],
    between: ['từ', 'between'],
});

export type ChangeDirection = 'decrease' | 'increase';

export const changeDirection = table<ChangeDirection>({
    decrease: ['giảm', 'decrease'],
    increase: ['tăng', 'increase'],
});

export type RecurrenceKind = 'yearly' | 'quarterly' | 'monthly';

export const recurrenceKind = table<RecurrenceKind>({
    yearly: ['hằng năm', 'hàng năm', 'yearly', 'annually'],
    quarterly: ['hằng quý', 'hàng quý', 'quarterly'],
    monthly: ['hằng tháng', 'hàng tháng', 'monthly'],
});

export type PeriodUnit = 'month' | 'year';

export const periodUnit = table<PeriodUnit>({
    month: ['tháng', 'months', 'month'],
    year: ['năm', 'years'],
});

export type TaskMode = 'directed' | 'requested';

export const taskMode = table<TaskMode>({
    directed: ['nhiệm vụ', 'task', 'giao', 'assign'],
    requested: ['đề nghị', 'request'],
});
