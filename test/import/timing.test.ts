import { describe, expect, test } from 'vitest';
import { onRequestIn, recurrenceIn, timingsIn } from '../../src/import/timing.js';
import { clauses, importSnippet, loadDraft, unresolved } from './import-helpers.js';

describe('deadlines and timing', () => {
    test('deadlines as printed: a day every year, a month, a quarter, the end of a year', () => {
        expect(timingsIn('báo cáo trước ngày 20/7 hằng năm')).toEqual(['trước ngày 20/7']);
        expect(timingsIn('hoàn thành trong tháng 11/2025')).toEqual(['trong tháng 11/2025']);
        expect(timingsIn('tổ chức sơ kết vào Quý IV/2025')).toEqual(['hạn quý IV/2025']);
        expect(timingsIn('tổng kết cuối năm 2020')).toEqual(['hạn cuối năm 2020']);
        expect(timingsIn('chậm nhất ngày 15/12/2025')).toEqual(['chậm nhất ngày 15/12/2025']);
        // Every day given, not only the first.
        expect(timingsIn('báo cáo về UBND tỉnh trước ngày 15/6 và 15/12.')).toEqual(['trước ngày 15/6 và 15/12']);
        expect(timingsIn('trước ngày 01/6 và ngày 15/11/2025, và 3 đơn vị')).toEqual(['trước ngày 1/6 và 15/11/2025']);
        expect(timingsIn('Xác định đây là nhiệm vụ thường xuyên của cơ quan')).toEqual(['thường xuyên']);
        // "thường xuyên" as an adverb ("thường xuyên rà soát") says nothing of when the duty is due.
        expect(timingsIn('Thường xuyên rà soát các địa bàn')).toEqual([]);
        expect(recurrenceIn('định kỳ 6 tháng báo cáo')).toBe('định kỳ 6 tháng');
        expect(recurrenceIn('hằng năm tổ chức')).toBe('hằng năm');
        expect(recurrenceIn('Hàng năm tổ chức')).toBe('hằng năm');
        expect(recurrenceIn('tổ chức sơ kết')).toBeUndefined();
    });

    test('a "hằng năm" of a noun or of a report is not the duty\'s recurrence', () => {
        expect(recurrenceIn('Bố trí nguồn kinh phí trong dự toán ngân sách hàng năm để bảo đảm cho công tác phòng ngừa.')).toBeUndefined();
        expect(recurrenceIn('Đưa các chỉ tiêu vào Kế hoạch phát triển kinh tế, văn hóa, xã hội hằng năm của địa phương.')).toBeUndefined();
        expect(recurrenceIn('báo cáo cấp có thẩm quyền giao kế hoạch đầu tư trung hạn và hằng năm cho các dự án')).toBeUndefined();
        expect(recurrenceIn('thực hiện nghiêm công tác báo cáo kết quả xử lý vi phạm hành chính hằng năm, phục vụ UBND tỉnh')).toBeUndefined();
        // …but the same words as a report's own period, or a duty done each year, are.
        expect(recurrenceIn('báo cáo kết quả về UBND tỉnh hằng năm', 'report')).toBe('hằng năm');
        expect(recurrenceIn('đề xuất Chủ tịch UBND tỉnh quyết định giao vốn hằng năm cho Kế hoạch')).toBe('hằng năm');
        expect(recurrenceIn('lập dự toán kinh phí, báo cáo UBND tỉnh ưu tiên nguồn kinh phí hàng năm')).toBe('hằng năm');
        expect(recurrenceIn('Hằng năm, tổ chức sơ kết việc thực hiện Kế hoạch.')).toBe('hằng năm');
    });

    test('"đột xuất" is a timing only as "định kỳ hoặc đột xuất" or "đột xuất khi có yêu cầu"', () => {
        expect(onRequestIn('báo cáo định kỳ hoặc đột xuất')).toBe(true);
        expect(onRequestIn('báo cáo đột xuất khi có yêu cầu')).toBe(true);
        expect(onRequestIn('thanh tra, kiểm toán đột xuất đối với các dự án có dấu hiệu vi phạm')).toBe(false);
        expect(onRequestIn('Chủ động nắm tình hình, không để xảy ra đột xuất, bất ngờ.')).toBe(false);
    });
});

describe('reports', () => {
    test('who, to whom, through whom, when: "… báo cáo kết quả về UBND tỉnh (qua Công an tỉnh) trước ngày 20/7 hằng năm"', async () => {
        const text = 'KẾ HOẠCH\n\nPhòng, chống tội phạm\n\nI. TỔ CHỨC THỰC HIỆN\n\n1. Các sở, ban, ngành tỉnh báo cáo kết quả về UBND tỉnh (qua Công an tỉnh) trước ngày 20/7 hằng năm.';
        const result = await importSnippet(text);
        const lines = clauses(result.plan);
        const at = lines.findIndex(l => l.startsWith('báo cáo "Các sở, ban, ngành tỉnh báo cáo kết quả'));
        expect(lines.slice(at + 1, at + 6)).toEqual(['từ SO_NGANH', 'gửi UBND_TINH', 'qua CA_TINH', 'trước ngày 20/7', 'hằng năm']);
        // The report's timing is the report's: the task holds only its lead and the report.
        expect(lines.slice(at - 2, at)).toEqual(['[1.] nhiệm vụ "Các sở, ban, ngành tỉnh báo cáo kết quả về UBND tỉnh (qua Công an tỉnh) trước ngày 20/7 hằng năm." {', 'chủ trì SO_NGANH']);
        expect(unresolved(await loadDraft(result))).toEqual([]);
    });

    // A report "theo quy định" is written with its recipient left unstated, as examples/ write it (recall.test.ts).
    test('a report that names no recipient is never given one; one in prose with no lead says no reporter', async () => {
        const result = await importSnippet('KẾ HOẠCH\n\nPhòng, chống tội phạm\n\nI. TỔ CHỨC THỰC HIỆN\n\n1. Tổng hợp kết quả báo cáo theo quy định.\n\n2. Định kỳ 6 tháng báo cáo Ủy ban nhân dân tỉnh.');
        const lines = clauses(result.plan);
        expect(lines).toContain('[1.] "Tổng hợp kết quả báo cáo theo quy định."');
        expect(lines.filter(l => l.startsWith('báo cáo '))).toEqual(['báo cáo "Tổng hợp kết quả báo cáo theo quy định." {', 'báo cáo "Định kỳ 6 tháng báo cáo Ủy ban nhân dân tỉnh." {']);
        expect(lines.filter(l => l.startsWith('gửi '))).toEqual(['gửi UBND_TINH']);
        expect(lines).not.toContain('từ UBND_TINH');
        expect(lines).toContain('định kỳ 6 tháng');
        await loadDraft(result);
    });
});

describe('phases and funding', () => {
    test('"Giai đoạn 1 (2017 - 2018)" is a phase; "Kinh phí …" is funding; both keep their text', async () => {
        const result = await importSnippet('KẾ HOẠCH\n\nPhòng, chống tội phạm\n\nI. LỘ TRÌNH\n\n1. Giai đoạn 1 (2017 - 2018): Tập trung xây dựng lực lượng.\n\n2. Giai đoạn 2 (từ năm 2019 đến năm 2020): Tổng kết.\n\nII. KINH PHÍ\n\nKinh phí thực hiện từ nguồn ngân sách tỉnh.');
        const lines = clauses(result.plan);
        expect(lines).toContain('[1.] giai đoạn "Giai đoạn 1 (2017 - 2018): Tập trung xây dựng lực lượng." từ 2017 đến 2018');
        expect(lines).toContain('[2.] giai đoạn "Giai đoạn 2 (từ năm 2019 đến năm 2020): Tổng kết." từ 2019 đến 2020');
        expect(lines).toContain('kinh phí "Kinh phí thực hiện từ nguồn ngân sách tỉnh."');
        await loadDraft(result);
    });
});
