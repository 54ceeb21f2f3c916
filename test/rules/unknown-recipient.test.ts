import * as fs from 'node:fs';
import { afterEach, describe, expect, test } from 'vitest';
import { conventionalRecipient } from '../../src/semantics/recipients.js';
import { expectFindings, expectSilent, inPlan, useRuleOptions, resetRuleSettings } from '../helpers.js';

/** Recipient lines as printed in real plans (the seeds' "Nơi nhận" and the issue's reports). */
const OFFICE_LINES = [
    'Chánh VP, PCVP phụ trách', 'Chủ tịch, các PCT UBND tỉnh', 'Lưu: VT, NC1', 'Như trên', 'Như Điều 3',
    'TT Tỉnh ủy, TT HĐND tỉnh (b/c)', 'Website SYT', 'Cổng TTĐT tỉnh',
    '- CT, các PCT UBND tỉnh;', 'Chủ tịch - PCT. UBND tỉnh', 'Chánh, PCVP. UBND tỉnh', 'TT. Tỉnh ủy, TT.HĐND tỉnh;',
    'Thường trực: Tỉnh ủy, HĐND tỉnh', 'Chủ tịch, Các PCT. UBND tỉnh', 'Lưu: VT, M.A90/6.', 'Nhờ trên', 'Lưu: VT, NC, VX.',
    'Giám đốc, các PGĐ Sở (để biết)', 'Đ/c Bí thư Tỉnh ủy (để b/c)', 'Cổng thông tin điện tử tỉnh (đăng tải)', 'Lưu VT',
];

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
    nơi nhận ⟦"Hội Luật gia tỉnh"⟧, "Lưu: VT, NC1"`);
        files['letter.plan'] = 'phạm vi VinhPhuc\nvăn bản CV_1 công văn số "1/UBND-NC" của UBND_TINH { nơi nhận ⟦"Ban Nội chính Tỉnh ủy"⟧ }\n';
        const found = await expectFindings('unknown-recipient', files, /không phải cơ quan đã khai báo.*declare the agency/);
        expect(found[0].message).toMatch(/^Nơi nhận "Hội Luật gia tỉnh"/);
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

    test.each([['NFC', (s: string) => s.normalize('NFC')], ['NFD', (s: string) => s.normalize('NFD')]])(
        'is silent on office lines as printed in real plans (%s): archive, "as above", office-holders, publication, with their purpose',
        async (_, form) => {
            const lines = OFFICE_LINES.map(line => `"${form(line)}"`).join(',\n        ');
            await expectSilent('unknown-recipient', inPlan(`\n    nơi nhận ${lines}`));
            for (const line of OFFICE_LINES) {
                expect(conventionalRecipient(form(line)), line).toBeDefined();
            }
        });

    test('reports the near-misses: a body beside office-holders, a centre ("TT Y tế"), an office of several bodies, a misprint of "Lưu"', async () => {
        await expectFindings('unknown-recipient', inPlan(`
    nơi nhận ⟦"Chủ tịch UBND tỉnh, Hội Luật gia tỉnh"⟧, ⟦"TT Y tế huyện"⟧, ⟦"Văn phòng: Tỉnh ủy; HĐND; UBND tỉnh"⟧,
        ⟦"Liên đoàn Lao động tỉnh (b/c)"⟧, ⟦"Chủ nhiệm Hợp tác xã"⟧, ⟦"LĐLĐ tỉnh"⟧, ⟦"NC (P15)"⟧, ⟦"Websites"⟧`),
        /không phải cơ quan đã khai báo/);
    });

    test('a purpose after a declared body\'s name does not hide it: the id is suggested', async () => {
        const found = await expectFindings('unknown-recipient', inPlan(`
    nơi nhận ⟦"Công an tỉnh (b/c)"⟧, ⟦"${'Sở Tư pháp tỉnh Vĩnh Phúc để thực hiện'.normalize('NFD')};"⟧`));
        expect(found.map(d => d.message.replace(/ \/ .*/, '').replace(/^.*dùng mã /, ''))).toEqual(['CA_TINH', 'STP']);
    });

    test('the office lines the examples mark `nội bộ` are recognised without the keyword, but one department code', () => {
        const lines = fs.readdirSync('examples', { recursive: true, encoding: 'utf8' })
            .filter(name => name.endsWith('.plan'))
            .flatMap(name => [...fs.readFileSync(`examples/${name}`, 'utf8').matchAll(/nội bộ "([^"]*)"/gu)].map(m => m[1]));
        expect(lines.length).toBeGreaterThanOrEqual(10);
        // "NC (P15)": a department of the issuing office, by its code only; nothing says it is not a body.
        expect(lines.filter(line => conventionalRecipient(line) === undefined)).toEqual(['NC (P15)']);
    });

    test('option conventional false reports office lines; allow adds patterns of its own', async () => {
        useRuleOptions('unknown-recipient', { conventional: false, allow: ['^Chủ tịch\\b', '(invalid'] });
        await expectFindings('unknown-recipient', inPlan(`
    nơi nhận "Chủ tịch, các PCT UBND tỉnh", ⟦"Lưu: VT"⟧, ⟦"Website SYT"⟧`), /"(Lưu: VT|Website SYT)"/);
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
