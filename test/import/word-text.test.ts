import { describe, expect, test } from 'vitest';
import { clauses, importSnippet, loadDraft } from './import-helpers.js';

/**
 * A plan unlike the seeds (another province, another field), as text copied from Word: one paragraph
 * a line, the letterhead's two columns read one after the other, headings on their own lines, and no
 * registry yet. Written for this test in the shape such plans have; it is no real plan.
 */
const PLAN = [
    'ỦY BAN NHÂN DÂN',
    'TỈNH QUẢNG NGÃI',
    'Số: 172/KH-UBND',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    'Quảng Ngãi, ngày 09 tháng 10 năm 2023',
    'KẾ HOẠCH',
    'Thực hiện Chương trình Y tế - Dân số tỉnh Quảng Ngãi giai đoạn 2023 - 2025',
    'Căn cứ Quyết định số 1867/QĐ-TTg ngày 03/11/2021 của Thủ tướng Chính phủ phê duyệt Chương trình Y tế - Dân số giai đoạn 2021 - 2025;',
    'I. MỤC ĐÍCH, YÊU CẦU',
    '1. Mục đích',
    'Nâng cao chất lượng dịch vụ y tế cơ sở, giảm tỷ lệ mắc và tử vong do các bệnh truyền nhiễm trên địa bàn tỉnh trong giai đoạn này.',
    'II. TỔ CHỨC THỰC HIỆN',
    '1. Sở Y tế',
    '- Chủ trì, phối hợp với các sở, ngành, địa phương tổ chức triển khai thực hiện Kế hoạch này.',
    '- Định kỳ 6 tháng, hằng năm tổng hợp, báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh trước ngày 15/6 và 15/12.',
    '2. Sở Tài chính',
    'Chủ trì, phối hợp với Sở Y tế tham mưu Ủy ban nhân dân tỉnh bố trí kinh phí thực hiện Kế hoạch theo quy định của pháp luật hiện hành.',
    '3. Ủy ban nhân dân các huyện, thị xã, thành phố',
    'Xây dựng kế hoạch thực hiện tại địa phương, hoàn thành trong quý IV/2023.',
    'Trên đây là Kế hoạch thực hiện Chương trình Y tế - Dân số tỉnh Quảng Ngãi giai đoạn 2023 - 2025; yêu cầu các cơ quan, đơn vị, địa phương triển khai thực hiện./.',
    'Nơi nhận:',
    '- Bộ Y tế;',
    '- Lưu: VT, KGVX.',
    'TM. ỦY BAN NHÂN DÂN',
    'KT. CHỦ TỊCH',
    'PHÓ CHỦ TỊCH',
    'Trần Văn Hùng',
].join('\n');

describe('a plan copied from Word, of a province with no registry yet', () => {
    test('its header, its headings addressed to bodies as their tasks, every deadline day, and the closing formula as the plan\'s text', async () => {
        const result = await importSnippet(PLAN, false);
        const lines = clauses(result.plan);
        for (const clause of ['số "172/KH-UBND"', 'ngày 9/10/2023', 'tại "Quảng Ngãi"', 'thời gian từ 2023 đến 2025']) {
            expect(lines).toContain(clause);
        }
        // The motto is the letterhead's, not the plan's text; the number is not joined with it.
        expect(result.plan).not.toMatch(/CỘNG HÒA/u);
        expect(lines).toContain('phần "1" "Mục đích" {');
        expect(lines).toContain('phần "2" "Sở Tài chính" giao SO_TC {');
        expect(lines).toContain('phối hợp SO_YT');
        expect(lines).toContain('trước ngày 15/6 và 15/12');
        expect(lines).toContain('trong quý IV/2023');
        // Directly in the plan, after the last section: no task of the last body.
        expect(result.plan).toMatch(/\n {4}"Trên đây là Kế hoạch/u);
        expect(lines).toContain('người ký "Trần Văn Hùng" chức vụ "PHÓ CHỦ TỊCH" thay mặt "ỦY BAN NHÂN DÂN" ký thay "CHỦ TỊCH"');
        const loaded = await loadDraft(result);
        expect(loaded.diagnostics.filter(d => d.severity === 1).map(d => `${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
    });
});
