import { describe, expect, test } from 'vitest';
import { normaliseText } from '../../src/import/text.js';

describe('normalising extracted text', () => {
    test('one paragraph per line, blank lines between, is kept as it is', () => {
        const text = 'I. MỤC TIÊU\n\n1. Tăng cường công tác tuyên truyền.\n\n2. Nâng cao hiệu quả.\n';
        expect(normaliseText(text).paragraphs).toEqual(['I. MỤC TIÊU', '1. Tăng cường công tác tuyên truyền.', '2. Nâng cao hiệu quả.']);
    });

    test('PDF text broken into short lines is rejoined: words cut in pieces, numbers cut in two, a label alone on its line', () => {
        // As in the Cà Mau original: "Số:" / "10" / "73" / "/QĐ-UBND", "s" / "ố", "t" / "ỉ" / "nh".
        const text = [
            'Số:', '  10', '73', '/QĐ-UBND',
            'Căn cứ Nghị quyết s', 'ố', '96/2019/QH', '1', '4 ngày 27/11/2019 của Quốc hội về công tác phòng, chống tội phạm của',
            'các cơ quan trong t', 'ỉ', 'nh và các cơ quan của tỉnh, phối hợp chặt chẽ trong tỉnh.',
            '2.', 'Kinh phí', 'thực hiện Kế hoạch này được ngân sách nhà nước bảo đảm trong tỉnh.',
        ].join('\n');
        expect(normaliseText(text).paragraphs).toEqual([
            'Số: 1073/QĐ-UBND',
            'Căn cứ Nghị quyết số 96/2019/QH14 ngày 27/11/2019 của Quốc hội về công tác phòng, chống tội phạm của các cơ quan trong tỉnh và các cơ quan của tỉnh, phối hợp chặt chẽ trong tỉnh.',
            '2. Kinh phí thực hiện Kế hoạch này được ngân sách nhà nước bảo đảm trong tỉnh.',
        ]);
    });

    test('a paragraph cut by a page break goes on in lower case; page numbers and download links are dropped and listed', () => {
        const text = 'Trong thời gian tới, tình hình còn diễn biến phức tạp, nhất là\n\nTrang 2\n\ntội phạm về ma túy.\n\nTải Văn bản gốc\n';
        const result = normaliseText(text);
        expect(result.paragraphs).toEqual(['Trong thời gian tới, tình hình còn diễn biến phức tạp, nhất là tội phạm về ma túy.']);
        expect(result.dropped).toEqual(['Trang 2', 'Tải Văn bản gốc']);
    });

    test('table rows (cell | cell) stay one row a line, also in broken text', () => {
        const text = ['Căn cứ', 'Luật', 'số 1', 'TT | Nội dung | Cơ quan chủ trì', '1 | Tổng kết | Công an tỉnh', '2 | Rà soát | Sở Nội vụ'].join('\n');
        expect(normaliseText(text).paragraphs.slice(-3)).toEqual(['TT | Nội dung | Cơ quan chủ trì', '1 | Tổng kết | Công an tỉnh', '2 | Rà soát | Sở Nội vụ']);
    });

    test('decomposed (NFD) input gives the composed (NFC) paragraphs', () => {
        const text = 'I. MỤC TIÊU\n\n1. Ủy ban nhân dân tỉnh chỉ đạo thực hiện.\n';
        expect(normaliseText(text.normalize('NFD')).paragraphs).toEqual(normaliseText(text).paragraphs);
        expect(normaliseText(text.normalize('NFD')).paragraphs[1]).toBe('1. Ủy ban nhân dân tỉnh chỉ đạo thực hiện.'.normalize('NFC'));
    });

    test('a place and date after a signer open a paragraph; a dash inside a body\'s name is no bullet', () => {
        const text = ['18.', 'Sở Lao động', '- Thương binh và Xã hội', 'Chủ trì thực hiện các chính sách', 'cho người lao động.', 'GIÁM ĐỐC', 'Huỳnh Minh Hoàn', 'Đồng Nai, ngày 31 tháng 7 năm 2017'].join('\n');
        expect(normaliseText(text).paragraphs).toEqual([
            '18. Sở Lao động - Thương binh và Xã hội Chủ trì thực hiện các chính sách cho người lao động.',
            'GIÁM ĐỐC',
            'Huỳnh Minh Hoàn',
            'Đồng Nai, ngày 31 tháng 7 năm 2017',
        ]);
    });

    test('text from Word, one paragraph a line, is not taken for PDF however many short lines it has (headings, a header in two columns)', () => {
        const long = 'Chủ trì, phối hợp với Sở Y tế tham mưu Ủy ban nhân dân tỉnh bố trí kinh phí thực hiện Kế hoạch theo quy định, bảo đảm đúng tiến độ và hiệu quả.';
        const text = [
            'ỦY BAN NHÂN DÂN', 'TỈNH QUẢNG NGÃI', 'Số: 172/KH-UBND', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc',
            'KẾ HOẠCH', 'I. MỤC ĐÍCH', '1. Mục đích', long, '2. Sở Tài chính', long, '3. Sở Y tế', long,
        ].join('\n');
        expect(normaliseText(text).paragraphs).toEqual([
            'ỦY BAN NHÂN DÂN', 'TỈNH QUẢNG NGÃI', 'Số: 172/KH-UBND', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc',
            'KẾ HOẠCH', 'I. MỤC ĐÍCH', '1. Mục đích', long, '2. Sở Tài chính', long, '3. Sở Y tế', long,
        ]);
        // The same lines cut at a PDF page's width are rejoined, but never a number with the motto after it.
        const cut = ['Số: 172/KH-UBND', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', '2. Sở Tài chính', 'chủ trì, phối hợp với Sở Y tế tham mưu', 'bố trí kinh phí.'].join('\n');
        expect(normaliseText(cut).paragraphs).toEqual([
            'Số: 172/KH-UBND', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', '2. Sở Tài chính chủ trì, phối hợp với Sở Y tế tham mưu bố trí kinh phí.',
        ]);
    });
});
