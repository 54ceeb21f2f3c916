import { describe, expect, test } from 'vitest';
import { targetsIn } from '../../src/import/targets.js';
import { clauses, importSnippet, loadDraft } from './import-helpers.js';

const plans = (text: string) => targetsIn(text).map(t => t.plan);

describe('targets', () => {
    test('each comparison as printed next to the value', () => {
        expect(plans('tỷ lệ giải quyết đạt trên 90%')).toEqual(['chỉ tiêu "tỷ lệ giải quyết đạt trên 90%" trên 90%']);
        expect(plans('phấn đấu giảm ít nhất 5% số vụ so với năm trước')).toEqual(['chỉ tiêu "phấn đấu giảm ít nhất 5% số vụ so với năm trước" phấn đấu giảm ít nhất 5% so với năm trước']);
        expect(plans('phấn đấu giảm tỉ lệ phạm pháp hình sự từ 03% đến 05%')).toEqual(['chỉ tiêu "phấn đấu giảm tỉ lệ phạm pháp hình sự từ 03% đến 05%" phấn đấu giảm từ 03% đến 05%']);
        expect(plans('Phấn đấu 100% xã, phường có mô hình')).toEqual(['chỉ tiêu "Phấn đấu 100% xã, phường có mô hình" phấn đấu 100%']);
        expect(plans('tỷ lệ hộ gia đình ≥ 30%')).toEqual(['chỉ tiêu "tỷ lệ hộ gia đình ≥ 30%" ≥ 30%']);
        expect(plans('tỷ lệ tái phạm dưới 15%')).toEqual(['chỉ tiêu "tỷ lệ tái phạm dưới 15%" dưới 15%']);
        expect(plans('bảo đảm 100% vụ việc được xử lý')).toEqual(['chỉ tiêu "bảo đảm 100% vụ việc được xử lý" bảo đảm 100%']);
        expect(plans('giảm 5% số vụ tai nạn hằng năm')).toEqual(['chỉ tiêu "giảm 5% số vụ tai nạn hằng năm" giảm 5% hằng năm']);
        expect(plans('tỷ lệ đạt 85% trở lên')).toEqual(['chỉ tiêu "tỷ lệ đạt 85% trở lên" 85% trở lên']);
        expect(plans('đạt 100% đến năm 2030')).toEqual(['chỉ tiêu "đạt 100% đến năm 2030" đạt 100% đến năm 2030']);
    });

    test('several targets in one paragraph, one per clause; a paragraph without a percent has none', () => {
        const found = targetsIn('Bảo đảm 100% các tố giác đều được thụ lý, tỷ lệ giải quyết đạt trên 90%; tỷ lệ điều tra khám phá đạt trên 75%.');
        expect(found.map(t => t.text)).toEqual(['Bảo đảm 100% các tố giác đều được thụ lý', 'tỷ lệ giải quyết đạt trên 90%', 'tỷ lệ điều tra khám phá đạt trên 75%.']);
        expect(targetsIn('Tăng cường công tác tuyên truyền.')).toEqual([]);
        // Two values joined by "và" are two targets.
        expect(targetsIn('vận động đầu thú 30% số đối tượng truy nã hiện có và bắt 50% số đối tượng truy nã phát sinh').map(t => t.text))
            .toEqual(['vận động đầu thú 30% số đối tượng truy nã hiện có', 'bắt 50% số đối tượng truy nã phát sinh']);
        // A change against the year before, with no value.
        expect(plans('nâng tỷ lệ thi hành án dân sự năm sau cao hơn năm trước')).toEqual(['chỉ tiêu "nâng tỷ lệ thi hành án dân sự năm sau cao hơn năm trước" tăng so với năm trước']);
    });

    test('targets follow their paragraph, which stays verbatim; NFD input alike; the draft parses', async () => {
        const text = 'KẾ HOẠCH\n\nPhòng, chống tội phạm\n\nI. MỤC TIÊU\n\n1. Tỷ lệ điều tra khám phá đạt trên 90%; phấn đấu giảm ít nhất 5% số vụ so với năm trước.';
        const result = await importSnippet(text);
        const lines = clauses(result.plan);
        const at = lines.indexOf('[1.] "Tỷ lệ điều tra khám phá đạt trên 90%; phấn đấu giảm ít nhất 5% số vụ so với năm trước."');
        expect(at).toBeGreaterThan(0);
        expect(lines.slice(at + 1, at + 3)).toEqual([
            'chỉ tiêu "Tỷ lệ điều tra khám phá đạt trên 90%" trên 90%',
            'chỉ tiêu "phấn đấu giảm ít nhất 5% số vụ so với năm trước" phấn đấu giảm ít nhất 5% so với năm trước',
        ]);
        expect((await importSnippet(text.normalize('NFD'))).plan).toBe(result.plan);
        await loadDraft(result);
    });
});
