import { describe, expect, test } from 'vitest';
import { clauses, importSnippet, loadDraft, registryFolder, unresolved } from './import-helpers.js';

const head = 'KẾ HOẠCH\n\nPhòng, chống tội phạm năm 2025\n\n';

describe('cited documents', () => {
    test('"Căn cứ" and "Thực hiện" clauses: resolved by number-symbol against the registry, else declared with kind, number, date, issuer and summary', async () => {
        const result = await importSnippet(head + [
            'Căn cứ Quyết định số 634/QĐ-TTg ngày 13/5/2020 của Thủ tướng Chính phủ về phê duyệt Chương trình;',
            'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;',
            'Thực hiện Chỉ thị số 39/CT-TTg ngày 24 tháng 10 năm 2017 của Thủ tướng Chính phủ về tăng cường công tác phòng ngừa, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:',
            'I. NỘI DUNG',
            'Giữ vững an ninh.',
        ].join('\n\n'));
        const lines = clauses(result.plan);
        expect(lines).toContain('căn cứ QD_634, VB_LUAT_TCCQDP_19_6_2015');
        expect(lines).toContain('thực hiện VB_39_CT_TTG');
        // The prose stays, verbatim.
        expect(lines).toContain('"Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;"');
        const registry = clauses(result.registry ?? '');
        expect(registry).toContain('văn bản VB_LUAT_TCCQDP_19_6_2015 luật ngày 19/6/2015 "Luật Tổ chức chính quyền địa phương"');
        // The long date form is read; the summary is what the clause says the document is about.
        expect(registry.find(l => l.startsWith('văn bản VB_39_CT_TTG'))).toMatch(/^văn bản VB_39_CT_TTG chỉ thị số "39\/CT-TTg" ngày 24\/10\/2017 "về tăng cường công tác phòng ngừa/u);
        // The registry's document is not declared again.
        expect(result.registry).not.toContain('634/QĐ-TTg');
        const loaded = await loadDraft(result);
        expect(unresolved(loaded)).toEqual([]);
    });

    test('a number-symbol cited in prose is declared, so the prose links to it; each document once', async () => {
        const result = await importSnippet(head + [
            'I. NỘI DUNG',
            '1. Tiếp tục thực hiện Nghị định số 208/2013/NĐ-CP ngày 17/12/2013 của Chính phủ và Chỉ thị số 46-CT/TW ngày 22-6-2015 của Bộ Chính trị.',
            '2. Quán triệt Nghị định số 208/2013/NĐ-CP.',
        ].join('\n\n'));
        const registry = clauses(result.registry ?? '');
        expect(registry.filter(l => l.includes('208/2013/NĐ-CP'))).toEqual(['văn bản VB_208_2013_ND_CP nghị định số "208/2013/NĐ-CP" ngày 17/12/2013']);
        expect(registry).toContain('văn bản VB_46_CT_TW chỉ thị số "46-CT/TW" ngày 22/6/2015');
        const loaded = await loadDraft(result);
        expect(unresolved(loaded)).toEqual([]);
        expect(loaded.diagnostics.filter(d => d.code === 'unresolved-citation')).toEqual([]);
    });

    test('a law named without a number in prose is cited with `trích dẫn` and the phrase as printed; the registry\'s by name and year', async () => {
        const registry = `phạm vi DongNai "Tỉnh Đồng Nai"\nvăn bản LUAT_THAHS luật năm 2019 "Luật Thi hành án hình sự"\n`;
        const fs = await import('node:fs');
        const path = await import('node:path');
        const folder = registryFolder();
        fs.writeFileSync(path.join(folder, 'van-ban.plan'), registry);
        try {
            const result = await importSnippet(head + 'I. NỘI DUNG\n\n1. Triển khai thi hành nghiêm Luật Thi hành án hình sự năm 2019.\n\n2. Quán triệt Luật Phòng, chống ma túy năm 2021 đến cán bộ.');
            const lines = clauses(result.plan);
            expect(lines).toContain('[1.] "Triển khai thi hành nghiêm Luật Thi hành án hình sự năm 2019." trích dẫn LUAT_THAHS ("Luật Thi hành án hình sự năm 2019")');
            expect(lines).toContain('[2.] "Quán triệt Luật Phòng, chống ma túy năm 2021 đến cán bộ." trích dẫn VB_LUAT_PCMT_2021 ("Luật Phòng, chống ma túy năm 2021")');
            expect(result.registry).toContain('văn bản VB_LUAT_PCMT_2021 luật năm 2021 "Luật Phòng, chống ma túy"');
            const loaded = await loadDraft(result, { 'van-ban.plan': registry });
            expect(unresolved(loaded)).toEqual([]);
        } finally {
            fs.rmSync(path.join(folder, 'van-ban.plan'));
        }
    });

    test('a number broken over lines by extraction, in NFD, is read whole', async () => {
        const text = (head + 'Căn cứ Nghị quyết s\nố\n96/2019/QH\n1\n4 ngày 27/11/2019 của Quốc hội khóa XIV về công tác phòng, chống tội phạm;\n\nI. NỘI DUNG\n\nGiữ vững an ninh.').normalize('NFD');
        const result = await importSnippet(text);
        expect(result.registry).toContain('văn bản VB_96_2019_QH14 nghị quyết số "96/2019/QH14" ngày 27/11/2019');
        expect(clauses(result.plan)).toContain('căn cứ VB_96_2019_QH14');
    });

    test('without a workspace every document is declared in the additions', async () => {
        const result = await importSnippet(head + 'Căn cứ Quyết định số 634/QĐ-TTg ngày 13/5/2020 của Thủ tướng Chính phủ về phê duyệt Chương trình;\n\nI. NỘI DUNG\n\nGiữ vững.', false);
        expect(result.registry).toContain('văn bản VB_634_QD_TTG quyết định số "634/QĐ-TTg" ngày 13/5/2020 "về phê duyệt Chương trình"');
        expect(clauses(result.plan)[0]).not.toMatch(/^phạm vi/);
    });
});
