/**
 * Canonical meanings of the keyword spellings the grammar accepts. The grammar keeps the text the
 * drafter typed (any case, NFC or NFD, any blanks); everything downstream works on these values.
 */

/** NFC, lower case, single spaces: the form in which keyword spellings are looked up. */
export function keywordKey(text: string | undefined): string {
    // Undefined while a declaration is half-typed (or in a file with syntax errors).
    return (text ?? '').normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function table<T extends string>(entries: Record<T, string[]>): (text: string) => T | undefined {
    const map = new Map<string, T>();
    for (const [value, spellings] of Object.entries(entries) as Array<[T, string[]]>) {
        for (const spelling of spellings) {
            map.set(keywordKey(spelling), value);
        }
    }
    // A spelling as typed is most often its key already: found as it is, without a normalized copy
    // (a key's key is itself, so what is found is what the key would find). Asked of every task.
    return (text: string | undefined) => (text !== undefined ? map.get(text) : undefined) ?? map.get(keywordKey(text));
}

export type DocumentKind =
    | 'constitution' | 'code' | 'law' | 'ordinance' | 'order' | 'joint-resolution' | 'resolution' | 'decree'
    | 'decision' | 'directive' | 'joint-circular' | 'circular' | 'plan' | 'master-plan' | 'scheme' | 'project'
    | 'option-plan' | 'programme' | 'strategy' | 'letter' | 'dispatch' | 'conclusion' | 'regulation' | 'statute'
    | 'guidance' | 'submission' | 'notice' | 'communique' | 'report' | 'minutes' | 'contract' | 'memorandum'
    | 'agreement' | 'power-of-attorney' | 'invitation' | 'introduction-letter' | 'leave-permit'
    | 'dispatch-note' | 'transfer-note' | 'notification-slip';

/** Every kind: its Vietnamese name as printed before a number ("Quyết định số …") and its spellings. */
const KINDS: Record<DocumentKind, { label: string; spellings: string[] }> = {
    'constitution': { label: 'Hiến pháp', spellings: ['hiến pháp', 'constitution'] },
    'code': { label: 'Bộ luật', spellings: ['bộ luật', 'code'] },
    'law': { label: 'Luật', spellings: ['luật', 'law'] },
    'ordinance': { label: 'Pháp lệnh', spellings: ['pháp lệnh', 'ordinance'] },
    'order': { label: 'Lệnh', spellings: ['lệnh', 'order'] },
    'joint-resolution': { label: 'Nghị quyết liên tịch', spellings: ['nghị quyết liên tịch', 'joint resolution'] },
    'resolution': { label: 'Nghị quyết', spellings: ['nghị quyết', 'resolution'] },
    'decree': { label: 'Nghị định', spellings: ['nghị định', 'decree'] },
    'decision': { label: 'Quyết định', spellings: ['quyết định', 'decision'] },
    'directive': { label: 'Chỉ thị', spellings: ['chỉ thị', 'directive'] },
    'joint-circular': { label: 'Thông tư liên tịch', spellings: ['thông tư liên tịch', 'joint circular'] },
    'circular': { label: 'Thông tư', spellings: ['thông tư', 'circular'] },
    'plan': { label: 'Kế hoạch', spellings: ['kế hoạch', 'plan'] },
    'master-plan': { label: 'Quy hoạch', spellings: ['quy hoạch', 'master plan'] },
    'scheme': { label: 'Đề án', spellings: ['đề án', 'scheme'] },
    'project': { label: 'Dự án', spellings: ['dự án', 'project'] },
    'option-plan': { label: 'Phương án', spellings: ['phương án', 'option plan'] },
    'programme': { label: 'Chương trình', spellings: ['chương trình', 'programme'] },
    'strategy': { label: 'Chiến lược', spellings: ['chiến lược', 'strategy'] },
    'letter': { label: 'Công văn', spellings: ['công văn', 'letter'] },
    'dispatch': { label: 'Công điện', spellings: ['công điện', 'dispatch'] },
    'conclusion': { label: 'Kết luận', spellings: ['kết luận', 'conclusion'] },
    'regulation': { label: 'Quy định', spellings: ['quy định', 'regulation'] },
    'statute': { label: 'Quy chế', spellings: ['quy chế', 'statute'] },
    'guidance': { label: 'Hướng dẫn', spellings: ['hướng dẫn', 'guidance'] },
    'submission': { label: 'Tờ trình', spellings: ['tờ trình', 'submission'] },
    'notice': { label: 'Thông báo', spellings: ['thông báo', 'notice'] },
    'communique': { label: 'Thông cáo', spellings: ['thông cáo', 'communique'] },
    'report': { label: 'Báo cáo', spellings: ['báo cáo', 'report'] },
    'minutes': { label: 'Biên bản', spellings: ['biên bản', 'minutes'] },
    'contract': { label: 'Hợp đồng', spellings: ['hợp đồng', 'contract'] },
    'memorandum': { label: 'Bản ghi nhớ', spellings: ['bản ghi nhớ', 'memorandum'] },
    'agreement': { label: 'Bản thỏa thuận', spellings: ['bản thỏa thuận', 'agreement'] },
    'power-of-attorney': { label: 'Giấy ủy quyền', spellings: ['giấy ủy quyền', 'power of attorney'] },
    'invitation': { label: 'Giấy mời', spellings: ['giấy mời', 'invitation'] },
    'introduction-letter': { label: 'Giấy giới thiệu', spellings: ['giấy giới thiệu', 'introduction letter'] },
    'leave-permit': { label: 'Giấy nghỉ phép', spellings: ['giấy nghỉ phép', 'leave permit'] },
    'dispatch-note': { label: 'Phiếu gửi', spellings: ['phiếu gửi', 'dispatch note'] },
    'transfer-note': { label: 'Phiếu chuyển', spellings: ['phiếu chuyển', 'transfer note'] },
    'notification-slip': { label: 'Phiếu báo', spellings: ['phiếu báo', 'notification slip'] },
};

export const documentKind = table<DocumentKind>(
    Object.fromEntries(Object.entries(KINDS).map(([k, v]) => [k, v.spellings])) as Record<DocumentKind, string[]>);

/** Vietnamese name of each kind, as printed before a number ("Quyết định số …"). */
export const documentKindLabel: Record<DocumentKind, string> =
    Object.fromEntries(Object.entries(KINDS).map(([k, v]) => [k, v.label])) as Record<DocumentKind, string>;

/** Every canonical kind, in the order of the grammar. */
export const DOCUMENT_KINDS = Object.keys(KINDS) as DocumentKind[];

export type ComparisonOp = 'above' | 'atLeast' | 'below' | 'atMost' | 'exactly' | 'approximately' | 'between';

export const comparisonOp = table<ComparisonOp>({
    above: ['trên', 'above', 'hơn', 'more than', 'cao hơn', 'higher than', '>'],
    atLeast: ['ít nhất', 'at least', 'tối thiểu', 'không dưới', 'không thấp hơn', 'đạt', 'reach', 'đạt và vượt', 'meet or exceed',
        '≥', '>=', 'trở lên', 'or more'],
    below: ['dưới', 'below', 'less than', 'thấp hơn', 'lower than', '<'],
    atMost: ['tối đa', 'at most', 'không quá', 'không vượt quá', '≤', '<=', 'trở xuống', 'or less'],
    exactly: ['bằng', 'exactly', '='],
    approximately: ['khoảng', 'approximately', 'about'],
    between: ['từ', 'between'],
});

export type Commitment = 'aspirational' | 'firm';

/** "phấn đấu" (strive to) is aspirational; "bảo đảm" (ensure) is firm. */
export const commitment = table<Commitment>({
    aspirational: ['phấn đấu', 'strive to'],
    firm: ['bảo đảm', 'đảm bảo', 'ensure'],
});

export type ChangeDirection = 'decrease' | 'increase';

export const changeDirection = table<ChangeDirection>({
    decrease: ['giảm', 'decrease'],
    increase: ['tăng', 'increase'],
});

export type RecurrenceKind = 'yearly' | 'quarterly' | 'monthly' | 'weekly';

export const recurrenceKind = table<RecurrenceKind>({
    yearly: ['hằng năm', 'hàng năm', 'yearly', 'annually'],
    quarterly: ['hằng quý', 'hàng quý', 'quarterly'],
    monthly: ['hằng tháng', 'hàng tháng', 'monthly'],
    weekly: ['hằng tuần', 'hàng tuần', 'weekly'],
});

export type PeriodUnit = 'week' | 'month' | 'year';

export const periodUnit = table<PeriodUnit>({
    week: ['tuần', 'weeks', 'week'],
    month: ['tháng', 'months', 'month'],
    year: ['năm', 'years', 'year'],
});

export type TaskMode = 'directed' | 'requested';

export const taskMode = table<TaskMode>({
    directed: ['nhiệm vụ', 'task', 'giao', 'assign'],
    requested: ['đề nghị', 'request'],
});

export type SigningAuthority = 'onBehalfOf' | 'signingFor' | 'byOrderOf' | 'byAuthorityOf' | 'acting';

/** TM. (thay mặt), KT. (ký thay), TL. (thừa lệnh), TUQ. (thừa ủy quyền), Q. (quyền). */
export const signingAuthority = table<SigningAuthority>({
    onBehalfOf: ['thay mặt', 'on behalf of'],
    signingFor: ['ký thay', 'signing for'],
    byOrderOf: ['thừa lệnh', 'by order of'],
    byAuthorityOf: ['thừa ủy quyền', 'by authority of'],
    acting: ['quyền', 'acting'],
});

/** The abbreviation printed before the principal's title ("KT. CHỦ TỊCH"). */
export const signingAuthorityPrefix: Record<SigningAuthority, string> = {
    onBehalfOf: 'TM.', signingFor: 'KT.', byOrderOf: 'TL.', byAuthorityOf: 'TUQ.', acting: 'Q.',
};

export type TextBlockKind = 'scope' | 'beneficiaries';

export const textBlockKind = table<TextBlockKind>({
    scope: ['phạm vi', 'scope'],
    beneficiaries: ['đối tượng', 'beneficiaries'],
});
