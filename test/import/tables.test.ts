import { describe, expect, test } from 'vitest';
import { clauses, importSnippet, loadDraft, unresolved } from './import-helpers.js';

const TABLE = [
    'KẾ HOẠCH', 'Phòng, chống tội phạm năm 2025',
    'PHỤ LỤC I', 'DANH MỤC NHIỆM VỤ',
    'TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành',
    '1 | Tổng kết thực hiện Kế hoạch | Công an tỉnh | Sở Nội vụ, Sở Tài chính | Quý IV/2025',
    '2 | Rà soát văn bản | Sở Tư pháp | Sở Nội vụ | Thường xuyên',
    '3 | Tuyên truyền | Theo phân công | | Năm 2025',
];

describe('tables of tasks', () => {
    test('with a header row naming content and lead, each row is a task in its annex; the header row is kept', async () => {
        const result = await importSnippet(TABLE.join('\n'));
        const lines = clauses(result.plan);
        expect(lines).toContain('phụ lục "I" "DANH MỤC NHIỆM VỤ" {');
        expect(lines).toContain('"TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành"');
        const first = lines.indexOf('[1] nhiệm vụ "Tổng kết thực hiện Kế hoạch" {');
        expect(lines.slice(first + 1, first + 4)).toEqual(['chủ trì CA_TINH', 'phối hợp SO_NV, SO_TC', 'hạn quý IV/2025']);
        const second = lines.indexOf('[2] nhiệm vụ "Rà soát văn bản" {');
        // Sở Tư pháp is not in the registry: declared as printed.
        expect(lines.slice(second + 1, second + 4)).toEqual(['chủ trì SO_TP', 'phối hợp SO_NV', 'thường xuyên']);
        expect(result.registry).toContain('cơ quan SO_TP "Sở Tư pháp"');
        // "Theo phân công" names no body: the row stays as printed, with a review comment.
        expect(result.plan).toMatch(/XEM LẠI \/ REVIEW: không nhận ra cơ quan chủ trì «Theo phân công»[^\n]*\n\s*"3 \| Tuyên truyền \| Theo phân công \| \| Năm 2025"/u);
        expect(unresolved(await loadDraft(result))).toEqual([]);
    });

    test('the same table with blank lines between rows and in NFD gives the same draft', async () => {
        const plain = await importSnippet(TABLE.join('\n'));
        const spaced = await importSnippet(TABLE.join('\n\n').normalize('NFD'));
        expect(spaced.plan).toBe(plain.plan);
    });

    test('rows without a header naming a lead stay prose', async () => {
        const result = await importSnippet('KẾ HOẠCH\n\nThống kê\n\nI. SỐ LIỆU\n\nNăm | Số vụ\n\n2024 | 120');
        expect(clauses(result.plan)).toEqual(expect.arrayContaining(['"Năm | Số vụ"', '"2024 | 120"']));
        await loadDraft(result);
    });
});
