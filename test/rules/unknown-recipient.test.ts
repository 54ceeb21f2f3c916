import { afterEach, describe, expect, test } from 'vitest';
import { expectFindings, expectSilent, inPlan, useRuleOptions, resetRuleSettings } from '../helpers.js';

const DONG_NAI = `phạm vi DongNai
cơ quan CA_TINH "Công an tỉnh Đồng Nai" viết tắt "Công an tỉnh"
`;

describe('unknown-recipient', () => {
    afterEach(resetRuleSettings);

    test('names the declared body a free-text recipient matches, by official name or alias, ignoring case, blanks and Unicode form', async () => {
        const files = inPlan(`
    nơi nhận ⟦"Sở Tư pháp tỉnh Vĩnh Phúc"⟧, ⟦"công  an TỈNH;"⟧, ⟦"${'Các sở, ban, ngành tỉnh'.normalize('NFD')}"⟧,
        ⟦"Thủ tướng Chính phủ"⟧, ⟦"- Công an tỉnh Đồng Nai"⟧, UBND_TINH`);
        files['dong-nai.plan'] = DONG_NAI;
        const found = await expectFindings('unknown-recipient', files, /là cơ quan đã khai báo: dùng mã/);
        expect(found.map(d => d.message.replace(/ \/ .*/, ''))).toEqual([
            'Nơi nhận "Sở Tư pháp tỉnh Vĩnh Phúc" là cơ quan đã khai báo: dùng mã STP',
            'Nơi nhận "công an TỈNH;" là cơ quan đã khai báo: dùng mã CA_TINH',
            'Nơi nhận "Các sở, ban, ngành tỉnh" là cơ quan đã khai báo: dùng mã SO_NGANH',
            'Nơi nhận "Thủ tướng Chính phủ" là cơ quan đã khai báo: dùng mã TTG',
            'Nơi nhận "- Công an tỉnh Đồng Nai" là cơ quan đã khai báo: dùng mã DongNai.CA_TINH',
        ]);
        expect(found[0].message).toMatch(/use STP$/);
    });

    test('suggests declaring a body it does not know, in plans and in documents', async () => {
        const files = inPlan(`
    nơi nhận ⟦"Thường trực Tỉnh ủy"⟧, "Lưu: VT, NC1"`);
        files['letter.plan'] = 'phạm vi VinhPhuc\nvăn bản CV_1 công văn số "1/UBND-NC" của UBND_TINH { nơi nhận ⟦"Ban Nội chính Tỉnh ủy"⟧ }\n';
        const found = await expectFindings('unknown-recipient', files, /không phải cơ quan đã khai báo.*declare the agency/);
        expect(found[0].message).toMatch(/^Nơi nhận "Thường trực Tỉnh ủy"/);
        await expectFindings('unknown-recipient', {
            'letter.plan': 'phạm vi VinhPhuc\nvăn bản CV_1 công văn số "1/UBND-NC" của UBND_TINH { nơi nhận ⟦"Ban Nội chính Tỉnh ủy"⟧, "Như trên" }\n',
            'registry.plan': files['registry.plan'],
        }, /"Ban Nội chính Tỉnh ủy"/);
    });

    test('is silent on references and on conventional entries (archive, "as above", website)', async () => {
        await expectSilent('unknown-recipient', inPlan(`
    nơi nhận UBND_TINH, CA_TINH, "Như trên", "Như Điều 3;", "Lưu: VT, NC1", "lưu VT", "Website SYT", "Nhờ trên"`));
    });

    test('a word boundary in the allow list is Unicode-aware', async () => {
        await expectFindings('unknown-recipient', inPlan(`
    nơi nhận "Như trên", ⟦"Nhưng không rõ"⟧, ⟦"Lưuhành"⟧`));
    });

    test('option allow replaces the conventional entries', async () => {
        useRuleOptions('unknown-recipient', { allow: ['^Chủ tịch\\b', '(invalid'] });
        await expectFindings('unknown-recipient', inPlan(`
    nơi nhận "Chủ tịch, các PCT UBND tỉnh", ⟦"Lưu: VT"⟧`), /"Lưu: VT"/);
    });

    test('is silent on office-internal lines, lines with the bodies they name, articles and "như trên"; checks addressees', async () => {
        await expectSilent('unknown-recipient', inPlan(`
    nơi nhận nội bộ "Chánh VP, PCVP", "Thường trực: Tỉnh ủy, HĐND tỉnh" (UBND_TINH, CA_TINH), CA_TINH để "báo cáo"`));
        await expectFindings('unknown-recipient', {
            'plan.plan': `phạm vi VinhPhuc
văn bản CV công văn số "12/SYT-VP" ngày 02/01/2020 của UBND_TINH {
    kính gửi CA_TINH, ⟦"Các đơn vị trực thuộc Sở"⟧
    nơi nhận như trên, nội bộ "Lưu: VT"
}`,
            'registry.plan': 'phạm vi VinhPhuc\ncơ quan UBND_TINH "UBND tỉnh"\ncơ quan CA_TINH "Công an tỉnh" thuộc UBND_TINH',
        });
    });
});
