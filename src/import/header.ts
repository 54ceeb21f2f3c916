/**
 * The header of a plan or of the instrument that issues or forwards it: issuer, "Số: 182/KH-UBND",
 * "Đồng Nai, ngày 20 tháng 11 năm 2025", the title, the period the title states; at the end,
 * "Nơi nhận:" and the signature block ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Trần Hồng Quân").
 */
import { quote } from './emit.js';
import { bodyAt } from './agencies.js';
import type { Registry } from './registry.js';

export interface Header {
    issuerText?: string;
    number?: string;
    place?: string;
    /** d/m/yyyy */
    date?: string;
}

const NATIONAL_MOTTO = /CỘNG\s*H[OÒ]À\s+XÃ\s+HỘI.*?(?:Hạnh\s+phúc|HẠNH\s+PHÚC)\s*-*|Độc lập\s*-\s*Tự do\s*-\s*Hạnh phúc\s*-*|ĐẢNG CỘNG SẢN VIỆT NAM\s*-*/gu;
const NUMBER = /(?<![\p{L}\p{M}])Số\s*:?\s*(\d+\s*[/\-][\p{L}\p{N}/\-\s]*?[\p{L}\p{N}])(?=\s*(?:,|$|\s+\p{Lu}\p{Ll}|\s+ngày))/u;
const PLACE_DATE = /(?:^|\s|,)((?:\p{Lu}[\p{Ll}\p{M}]*\s?){1,4}),\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u;

/** Reads what the header paragraphs state; `used` gets the index of each paragraph consumed whole. */
export function readHeader(paragraphs: string[]): { header: Header; used: Set<number> } {
    const header: Header = {};
    const used = new Set<number>();
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
        }
        if (p === '' || p === header.issuerText || /^[\p{Lu}\s\-–]*$/u.test(p) && p.length < 3) {
            used.add(i);
        }
    });
    return { header, used };
}

/** Whether a paragraph is (mostly) in capitals, as titles are printed. */
export function isCapitals(text: string): boolean {
    const letters = [...text].filter(c => /\p{L}/u.test(c));
    return letters.length > 0 && letters.filter(c => c === c.toUpperCase()).length / letters.length > 0.8;
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

/** "KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần Hồng Quân" → a `người ký` clause; undefined when no name ends it. */
export function signerOf(text: string): string | undefined {
    const m = /^(?:(TM|KT|TL|TUQ|Q)\.\s*)?([\p{Lu}\s,.\-–]+?)\s+((?:\p{Lu}[\p{Ll}\p{M}]+\s?){2,5})$/u.exec(text.trim());
    if (!m) {
        return undefined;
    }
    const caps = m[2].replace(/[\s,]+$/, '').trim();
    let position = caps;
    let principal: string | undefined;
    if (m[1]) {
        const split = /^(.*?)\s+(PHÓ\s.*|Q\.\s.*)$/u.exec(caps);
        principal = split ? split[1] : caps;
        position = split ? split[2] : '';
    }
    const parts = [`người ký ${quote(m[3])}`];
    if (position) {
        parts.push(`chức vụ ${quote(position)}`);
    }
    if (m[1] && principal) {
        parts.push(`${AUTHORITY[m[1]]} ${quote(principal)}`);
    }
    return parts.join(' ');
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
