/**
 * Recipient lines (nơi nhận) as printed: which of them name no body to follow. Every plan ends with
 * lines that are conventions of the issuing office, not bodies: the archive ("Lưu: VT, NC1"), "Như
 * trên" / "Như Điều 3", office-holders of the issuer or of bodies it reports to ("Chủ tịch, các PCT
 * UBND tỉnh", "Chánh VP, PCVP phụ trách", "TT Tỉnh ủy, TT HĐND tỉnh (b/c)") and the places the plan is
 * published ("Website SYT", "Cổng TTĐT tỉnh"). Each may end with its purpose ("(b/c)", "để biết").
 */

/** Why a recipient line names no body to follow. */
export type ConventionalRecipient = 'archive' | 'asAbove' | 'officeHolders' | 'publication';

const WORD = '[\\p{L}\\p{M}\\p{N}_]';
/** The end of a word: `\b` knows only ASCII letters. */
const END = `(?!${WORD})`;

/** What a line is sent for, written after it: "(b/c)", "(để t/h)", "để biết", "(thực hiện)". */
const PURPOSE_WORDS = [
    'b/c', 't/h', 'p/h', 'c/đ', 'đ/b', 'báo cáo', 'thực hiện', 'biết', 'phối hợp', 'chỉ đạo', 'theo dõi', 'tổng hợp',
    'xem xét', 'giám sát', 'kiểm tra', 'thi hành', 'đăng tải', 'đăng', 'chỉ đạo thực hiện', 'phối hợp thực hiện',
].sort((a, b) => b.length - a.length).map(w => w.replace(/\//g, '\\s*/\\s*').replace(/ /g, '\\s+')).join('|');
const PURPOSE_IN_PARENTHESES = new RegExp(`\\s*\\(\\s*(?:để\\s+)?(?:${PURPOSE_WORDS})\\s*\\)\\s*$`, 'iu');
const PURPOSE_AFTER_DE = new RegExp(`\\s+để\\s+(?:${PURPOSE_WORDS})${END}\\s*$`, 'iu');

/**
 * Office-holders, at the start of an item ("Chủ tịch", "các PCT UBND tỉnh", "Đ/c Giám đốc Sở"): the
 * people of a body, not a body of their own. "TT" is read as Thường trực only before the bodies that
 * have one ("TT Tỉnh ủy", "TT.HĐND tỉnh"), never as Trung tâm ("TT Y tế huyện").
 */
const ROLES = [
    'phó chủ tịch', 'chủ tịch', 'pct', 'ct',
    'phó chánh văn phòng', 'chánh văn phòng', 'phó chánh vp', 'chánh vp', 'pcvp', 'p\\.\\s*cvp', 'cvp', 'chánh',
    'phó giám đốc', 'giám đốc', 'pgđ', 'gđ',
    'phó bí thư', 'bí thư',
    'phó trưởng ban', 'trưởng ban', 'phó trưởng phòng', 'trưởng phòng',
    'lãnh đạo', 'lđvp', 'lđ',
    'thường trực', 'tttu', 'ttđu', 'tthu', 'tthđnd',
];
const STANDING_OF = ['tỉnh ủy', 'tỉnh uỷ', 'thành ủy', 'thành uỷ', 'huyện ủy', 'huyện uỷ', 'đảng ủy', 'đảng uỷ', 'hđnd',
    'hội đồng nhân dân', 'ubnd', 'ủy ban nhân dân', 'uỷ ban nhân dân', 'bcđ', 'ban chỉ đạo', 'ubmttq', 'mttq', 'ub'];
const OFFICE_HOLDER = new RegExp(
    `^(?:đ\\s*/\\s*c\\s+)?(?:các\\s+)?(?:(?:${ROLES.join('|')})${END}|tt\\.?\\s*(?:(?:${STANDING_OF.join('|')})${END}|$))`, 'iu');

/** Where the plan is published: the office's website and the province's portal or gazette. */
const PUBLICATION = /^(?:website|web|cổng\s+(?:ttđt|thông\s+tin|tt)|trang\s+(?:ttđt|thông\s+tin|tin)|công\s+báo)(?![\p{L}\p{M}\p{N}_])/iu;

/** The archive line, and "VT" (văn thư, the registry office) on its own. */
const ARCHIVE_LINE = /^lưu(?![\p{L}\p{M}\p{N}_])/iu;
const ARCHIVE_ITEM = /^vt(?![\p{L}\p{M}\p{N}_])/iu;

/** "Như trên", "Như Điều 3", "Như khoản 2 Điều 1"; "Nhờ trên" is the same line misprinted. */
const AS_ABOVE = /^(?:như(?![\p{L}\p{M}\p{N}_])|nhờ\s+trên(?![\p{L}\p{M}\p{N}_]))/iu;

/** A line as compared: NFC, single spaces, without a list dash or end punctuation, and without its purpose. */
export function recipientCore(text: string): string {
    let line = text.normalize('NFC').replace(/\s+/g, ' ').trim()
        .replace(/^[-–—•+*]\s*/, '')
        .replace(/\s*[;,.:]+$/, '')
        .trim();
    // A purpose may be written twice ("… để biết (b/c)"); each strip shortens the line.
    for (let previous = ''; previous !== line;) {
        previous = line;
        line = line.replace(PURPOSE_IN_PARENTHESES, '').replace(PURPOSE_AFTER_DE, '').replace(/\s*[;,.:]+$/, '').trim();
    }
    return line;
}

/**
 * Whether a recipient line as printed names no body to follow, and why: the archive, "Như trên",
 * office-holders (every item of the line: "Chủ tịch, các PCT UBND tỉnh"; or a role before a colon:
 * "Thường trực: Tỉnh ủy, HĐND tỉnh"), or places of publication. A line that also names a body
 * ("Chủ tịch UBND tỉnh, Sở Tư pháp") is not conventional.
 */
export function conventionalRecipient(text: string): ConventionalRecipient | undefined {
    const line = recipientCore(text);
    if (line === '') {
        return undefined;
    }
    if (ARCHIVE_LINE.test(line)) {
        return 'archive';
    }
    if (AS_ABOVE.test(line)) {
        return 'asAbove';
    }
    // "Thường trực: Tỉnh ủy, HĐND tỉnh": a role before a colon applies to every item after it.
    const colon = /^([^:]+):\s*\S/u.exec(line);
    if (colon && OFFICE_HOLDER.test(colon[1].trim())) {
        return 'officeHolders';
    }
    const items = line.split(/\s*[,;]\s*|\s+[-–]\s+|\s+và\s+/u).map(recipientCore).filter(item => item !== '');
    if (items.length === 0) {
        return undefined;
    }
    const kinds = items.map(item =>
        OFFICE_HOLDER.test(item) ? 'officeHolders' as const
            : PUBLICATION.test(item) ? 'publication' as const
                : ARCHIVE_ITEM.test(item) ? 'archive' as const
                    : undefined);
    if (kinds.some(kind => kind === undefined)) {
        return undefined;
    }
    return kinds.includes('officeHolders') ? 'officeHolders' : kinds[0];
}
