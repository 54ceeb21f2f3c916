import { describe, expect, test } from 'vitest';
import { readHeader, signerOf } from '../../src/import/header.js';
import { clauses, expectLine, importSnippet, loadDraft, unresolved } from './import-helpers.js';

const PLAN = [
    'UỶ BAN NHÂN DÂN TỈNH ĐỒNG NAI',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    'Số: 182/KH-UBND',
    'Đồng Nai, ngày 20 tháng 11 năm 2025',
    'KẾ HOẠCH',
    'Phòng, chống tội phạm giai đoạn 2026-2030',
    'I. MỤC TIÊU',
    'Giữ vững an ninh, trật tự trên địa bàn tỉnh.',
    'Nơi nhận:',
    '- Như trên;',
    '- Công an tỉnh;',
    '- Báo Đồng Nai;',
    '- Lưu: VT, NC.',
    'TM. ỦY BAN NHÂN DÂN',
    'KT. CHỦ TỊCH',
    'PHÓ CHỦ TỊCH',
    'Võ Tấn Đức',
].join('\n\n');

describe('the header, recipients and signer', () => {
    test('issuer, number, place and date, title and the period it states become the plan\'s header clauses', async () => {
        const result = await importSnippet(PLAN);
        const lines = clauses(result.plan);
        expect(lines[0]).toBe('phạm vi DongNai');
        expect(lines).toContain('kế hoạch KH_182 "Phòng, chống tội phạm giai đoạn 2026-2030" {');
        // "UỶ BAN" (old tone placement, capitals) is the registry's "Ủy ban nhân dân tỉnh Đồng Nai".
        for (const clause of ['số "182/KH-UBND"', 'ngày 20/11/2025', 'tại "Đồng Nai"', 'của UBND_TINH', 'thời gian từ 2026 đến 2030']) {
            expect(lines).toContain(clause);
        }
        const loaded = await loadDraft(result);
        expect(unresolved(loaded)).toEqual([]);
    });

    test('a plan with no header: the issuer is the body its opening says issues it, and the opening is no duty', async () => {
        const result = await importSnippet('KẾ HOẠCH\n\nTRIỂN KHAI THỰC HIỆN ĐỀ ÁN\n\nThực hiện Quyết định số 634/QĐ-TTg ngày 13/5/2020 của Thủ tướng Chính phủ, UBND tỉnh xây dựng Kế hoạch triển khai thực hiện như sau:\n\nI. MỤC TIÊU\n\nGiữ vững an ninh.');
        const lines = clauses(result.plan);
        expect(lines).toContain('của UBND_TINH');
        expect(lines).toContain('thực hiện QD_634');
        expect(lines).toContain('"Thực hiện Quyết định số 634/QĐ-TTg ngày 13/5/2020 của Thủ tướng Chính phủ, UBND tỉnh xây dựng Kế hoạch triển khai thực hiện như sau:"');
        expect(lines.filter(l => /^(nhiệm vụ|giao|đề nghị) /u.test(l))).toEqual([]);
    });

    test('a letterhead read a line at a time: the issuer\'s name on two lines, the motto on two, both spellings of "HÒA"', () => {
        for (const motto of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM']) {
            const { header, used } = readHeader(['ỦY BAN NHÂN DÂN', 'TỈNH QUẢNG NGÃI', 'Số: 172/KH-UBND', motto, 'Độc lập - Tự do - Hạnh phúc', 'Quảng Ngãi, ngày 09 tháng 10 năm 2023']);
            expect(header).toEqual({ issuerText: 'ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI', number: '172/KH-UBND', place: 'Quảng Ngãi', date: '9/10/2023' });
            expect([...used].sort()).toEqual([0, 1, 2, 3, 4, 5]);
        }
        // A second line that is another body ("SỞ Y TẾ" under "UBND TỈNH QUẢNG NGÃI") is not joined to the first.
        expect(readHeader(['UBND TỈNH QUẢNG NGÃI', 'SỞ Y TẾ', 'Số: 5/KH-SYT']).header.issuerText).toBe('UBND TỈNH QUẢNG NGÃI');
    });

    test('NFD input gives the same draft', async () => {
        const nfc = await importSnippet(PLAN);
        const nfd = await importSnippet(PLAN.normalize('NFD'));
        expect(nfd.plan).toBe(nfc.plan);
    });

    test('recipients: a body of the registry by its id, other lines as printed, "Như trên", the office copy internal', async () => {
        const result = await importSnippet(PLAN);
        expect(result.plan).toMatch(/nơi nhận như trên,\s+CA_TINH,\s+"Báo Đồng Nai",\s+nội bộ "Lưu: VT, NC"/u);
    });

    test('the signature block with each authority and the position', async () => {
        const result = await importSnippet(PLAN);
        expectLine(result.plan, 'người ký "Võ Tấn Đức" chức vụ "PHÓ CHỦ TỊCH" thay mặt "ỦY BAN NHÂN DÂN" ký thay "CHỦ TỊCH"');
        // Two authorities (TM., KT.) are one valid signer, not a clause given twice.
        const loaded = await loadDraft(result);
        expect(loaded.diagnostics.filter(d => d.range.start.line === result.plan.split('\n').findIndex(l => l.includes('người ký')))).toEqual([]);
        expect(signerOf('GIÁM ĐỐC Huỳnh Minh Hoàn')).toBe('người ký "Huỳnh Minh Hoàn" chức vụ "GIÁM ĐỐC"');
        expect(signerOf('KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần Hồng Quân')).toBe('người ký "Trần Hồng Quân" chức vụ "PHÓ CHỦ TỊCH" ký thay "CHỦ TỊCH"');
        expect(signerOf('TL. CHỦ TỊCH CHÁNH VĂN PHÒNG Nguyễn Văn Bình')).toBe('người ký "Nguyễn Văn Bình" chức vụ "CHÁNH VĂN PHÒNG" thừa lệnh "CHỦ TỊCH"');
        expect(signerOf('GIÁM ĐỐC Lê Thị Ý')).toBe('người ký "Lê Thị Ý" chức vụ "GIÁM ĐỐC"');
        // No name at the end: not a signature block.
        expect(signerOf('Các sở, ban, ngành')).toBeUndefined();
    });

    test('a plan issued with a decision: the decision whole (basis, proposal, articles, recipients, signer), the plan issued with it', async () => {
        const text = [
            'ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI',
            'Số: 1073/QĐ-UBND',
            'Đồng Nai, ngày 16 tháng 6 năm 2020',
            'QUYẾT ĐỊNH',
            'Ban hành Kế hoạch thực hiện Quyết định số 634/QĐ-TTg',
            'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH',
            'Căn cứ Quyết định số 634/QĐ-TTg ngày 13/5/2020 của Thủ tướng Chính phủ về phê duyệt Chương trình;',
            'Theo đề nghị của Giám đốc Công an tỉnh tại Tờ trình số 135/TTr-CAT ngày 08/6/2020.',
            'QUYẾT ĐỊNH:',
            'Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện Quyết định số 634/QĐ-TTg.',
            'Điều 2. Quyết định có hiệu lực thi hành kể từ ngày ký.',
            'Nơi nhận:',
            '- Như Điều 2;',
            '- Lưu: VT.',
            'KT. CHỦ TỊCH',
            'PHÓ CHỦ TỊCH',
            'Trần Hồng Quân',
            'KẾ HOẠCH',
            'Thực hiện Quyết định số 634/QĐ-TTg ngày 13/5/2020 của Thủ tướng Chính phủ',
            'I. MỤC TIÊU',
            'Giữ vững an ninh, trật tự.',
        ].join('\n\n');
        const result = await importSnippet(text);
        const lines = clauses(result.plan);
        expect(lines).toContain('văn bản QD_1073 quyết định số "1073/QĐ-UBND" ngày 16/6/2020 tại "Đồng Nai" của UBND_TINH "Ban hành Kế hoạch thực hiện Quyết định số 634/QĐ-TTg" {');
        expect(lines).toContain('căn cứ QD_634');
        expect(lines).toContain('theo đề nghị VB_135_TTR_CAT');
        expect(lines).toContain('điều "1" "Ban hành kèm theo Quyết định này Kế hoạch thực hiện Quyết định số 634/QĐ-TTg."');
        expect(lines).toContain('người ký "Trần Hồng Quân" chức vụ "PHÓ CHỦ TỊCH" ký thay "CHỦ TỊCH"');
        expect(lines).toContain('kế hoạch KH_NHAP "Thực hiện Quyết định số 634/QĐ-TTg ngày 13/5/2020 của Thủ tướng Chính phủ" {');
        expect(lines).toContain('ban hành kèm theo QD_1073');
        // The submission is declared in the additions, by its number and date as printed.
        expect(result.registry).toContain('văn bản VB_135_TTR_CAT tờ trình số "135/TTr-CAT" ngày 8/6/2020');
        const loaded = await loadDraft(result);
        expect(unresolved(loaded)).toEqual([]);
    });
});
