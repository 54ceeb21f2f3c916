/**
 * The header of a plan or of the instrument that issues or forwards it: issuer, "Số: 182/KH-UBND",
 * "Đồng Nai, ngày 20 tháng 11 năm 2025", the title, the period the title states; at the end,
 * "Nơi nhận:" and the signature block ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Trần Hồng Quân").
 */
import { quote } from './emit.js';
import { bodyAt } from './agencies.js';
import { isCapitals } from './text.js';

export { isCapitals };
import type { Registry } from './registry.js';

export interface Header {
    issuerText?: string;
    number?: string;
    place?: string;
    /** d/m/yyyy */
    date?: string;
}

// The motto's two lines may be one paragraph or two (Word's header table read a line at a time).
const NATIONAL_MOTTO = /CỘNG\s*H(?:OÀ|ÒA)\s+XÃ\s+HỘI(?:.*?(?:Hạnh\s+phúc|HẠNH\s+PHÚC)|\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM)\s*-*|Độc lập\s*-\s*Tự do\s*-\s*Hạnh phúc\s*-*|ĐẢNG CỘNG SẢN VIỆT NAM\s*-*/gu;
const NUMBER = /(?<![\p{L}\p{M}])Số\s*:?\s*(\d+\s*[/\-][\p{L}\p{N}/\-\s]*?[\p{L}\p{N}])(?=\s*(?:,|$|\s+\p{Lu}\p{Ll}|\s+ngày))/u;
const PLACE_DATE = /(?:^|\s|,)((?:\p{Lu}[\p{Ll}\p{M}]*\s?){1,4}),\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u;

/** The second line of a letterhead that names where the body is ("TỈNH QUẢNG NGÃI", "HUYỆN SƠN TỊNH"). */
const PLACE_LINE = /^(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)\s+[\p{Lu}\s\-–]+$/u;

/** Reads what the header paragraphs state; `used` gets the index of each paragraph consumed whole. */
export function readHeader(paragraphs: string[]): { header: Header; used: Set<number> } {
    const header: Header = {};
    const used = new Set<number>();
    let issuerAt = -1;
    paragraphs.forEach((raw, i) => {
        let p = raw.replace(NATIONAL_MOTTO, ' ').replace(/-{3,}/g, ' ').replace(/\s+/g, ' ').trim();
        const number = NUMBER.exec(p);
        if (number && !header.number) {
            header.number = number[1].replace(/\s+/g, '');
            p = p.replace(number[0], ' ').trim();
        }
        const placeDate = PLACE_DATE.exec(p);
        if (placeDate && !header.date) {
            header.place = placeDate[1].trim();
            header.date = `${Number(placeDate[2])}/${Number(placeDate[3])}/${placeDate[4]}`;
            p = p.replace(placeDate[0], ' ').trim();
        }
        if (!header.issuerText && p !== '' && /^[\p{Lu}\s,.\-–]+$/u.test(p) && p.length < 120 && i < 3 && !number && !placeDate) {
            header.issuerText = p;
            issuerAt = i;
        } else if (issuerAt === i - 1 && PLACE_LINE.test(p)) {
            // "ỦY BAN NHÂN DÂN" / "TỈNH QUẢNG NGÃI": the body's name on two lines.
            header.issuerText = `${header.issuerText} ${p}`;
            issuerAt = i;
            used.add(i);
        }
        if (p === '' || p === header.issuerText || /^[\p{Lu}\s\-–]*$/u.test(p) && p.length < 3) {
            used.add(i);
        }
    });
    return { header, used };
}

export function periodIn(title: string): string | undefined {
    const range = /GIAI\s+ĐOẠN\s+(\d{4})\s*[-–]\s*(\d{4})|giai đoạn\s+(\d{4})\s*[-–]\s*(\d{4})/u.exec(title);
    if (range) {
        return `từ ${range[1] ?? range[3]} đến ${range[2] ?? range[4]}`;
    }
    const until = /(?:TỪ NAY|từ nay)\s+(?:ĐẾN|đến)\s+(?:NĂM|năm)\s+(\d{4})/u.exec(title);
    return until ? `từ nay đến năm ${until[1]}` : undefined;
}

const AUTHORITY: Record<string, string> = { 'TM': 'thay mặt', 'KT': 'ký thay', 'TL': 'thừa lệnh', 'TUQ': 'thừa ủy quyền', 'Q': 'quyền' };

const POSITION = /(?:PHÓ\s+)?(?:CHỦ TỊCH|GIÁM ĐỐC|TỔNG GIÁM ĐỐC|BÍ THƯ|TRƯỞNG BAN|CHÁNH VĂN PHÒNG|TRƯỞNG PHÒNG|THỦ TRƯỞNG|CỤC TRƯỞNG|VỤ TRƯỞNG|BỘ TRƯỞNG|THỨ TRƯỞNG|TRƯỞNG CÔNG AN|CHỈ HUY TRƯỞNG)$/u;

/**
 * "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Trần Hồng Quân" → a `người ký` clause with
 * each authority (TM., KT., TL., TUQ., Q.) and the position; undefined when no name ends it.
 */
export function signerOf(text: string): string | undefined {
    // A name of two to five words, the first of two letters or more ("Lê Thị Ý": a given name may be one).
    const m = /^([\p{Lu}\s,.\-–]+?)\s+(\p{Lu}[\p{Ll}\p{M}]+(?:\s\p{Lu}[\p{Ll}\p{M}]*){1,4})$/u.exec(text.trim().replace(/\s+/g, ' '));
    if (!m) {
        return undefined;
    }
    const segments = m[1].split(/(?=(?<![\p{L}])(?:TM|KT|TL|TUQ|Q)\.)/u).map(x => x.trim()).filter(x => x !== '');
    const authorities: string[] = [];
    let position: string | undefined;
    segments.forEach((segment, i) => {
        const marker = /^(TM|KT|TL|TUQ|Q)\.\s*(.*)$/u.exec(segment);
        if (!marker) {
            position = segment;
            return;
        }
        let principal = marker[2].trim();
        if (i === segments.length - 1) {
            // The last authority's line is followed by the position ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH").
            const pos = POSITION.exec(principal);
            if (pos && pos.index > 0) {
                position = pos[0];
                principal = principal.slice(0, pos.index).trim();
            }
        }
        if (principal) {
            authorities.push(`${AUTHORITY[marker[1]]} ${quote(principal)}`);
        }
    });
    return [`người ký ${quote(m[2])}`, ...(position ? [`chức vụ ${quote(position)}`] : []), ...authorities].join(' ');
}

/** One recipient line ("- Như Điều 3;", "- Lưu: VT, NC.") as a `nơi nhận` entry. */
export function recipientOf(line: string, registry: Registry): string | undefined {
    const text = line.replace(/^[-+•–*]\s*/u, '').replace(/[;,.]+$/u, '').trim();
    if (text === '') {
        return undefined;
    }
    if (/^Lưu(?![\p{L}\p{M}\p{N}])/u.test(text)) {
        return `nội bộ ${quote(text)}`;
    }
    if (/^Như trên$/iu.test(text)) {
        return 'như trên';
    }
    const body = bodyAt(text, registry);
    if (body && body.end >= text.length) {
        return registry.ref(body.body);
    }
    return quote(text);
}
