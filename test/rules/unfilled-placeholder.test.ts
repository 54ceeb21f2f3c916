import { describe, expect, test } from 'vitest';
import { expectFindings, expectSilent, inPlan, load } from '../helpers.js';

const MEMBERS = `
    nhiệm vụ NV1 "Rà soát" { chủ trì ⟦CẦN_ĐIỀN⟧  phối hợp ⟦VinhPhuc.CẦN_ĐIỀN⟧ }
    báo cáo BC "Báo cáo" { từ STP  gửi UBND_TINH  trước ngày ⟦00/00/0000⟧ và ⟦00/00⟧ }
    nhiệm vụ NV2 ⟦"[CẦN ĐIỀN: nội dung / TO FILL IN: text]"⟧ { chủ trì STP  sản phẩm "Báo cáo", ⟦"[cần điền: sản phẩm]"⟧ }`;

describe('unfilled-placeholder', () => {
    test('fires on each placeholder: the id, a text, a date; in NFC and NFD, any case', async () => {
        for (const source of [MEMBERS, MEMBERS.normalize('NFD'), MEMBERS.replace('⟦CẦN_ĐIỀN⟧', '⟦cần_điền⟧')]) {
            await expectFindings('unfilled-placeholder', inPlan(source), /Chưa điền|Chỗ cần điền.*Placeholder|not filled in/);
        }
    });

    test('fires on each form alone in its file (a file whose text cannot hold one has only its references read)', async () => {
        const forms = [
            'nhiệm vụ NV1 ⟦"[CẦN ĐIỀN: nội dung / TO FILL IN: text]"⟧ { chủ trì STP }',
            'nhiệm vụ NV1 ⟦"[CẦN ĐIỀN: nội dung / TO FILL IN: text]"⟧ { chủ trì STP }'.normalize('NFD'),
            'nhiệm vụ NV1 ⟦"[cần điền: nội dung]"⟧ { chủ trì STP }',
            'nhiệm vụ NV1 ⟦"\\[CẦN ĐIỀN: nội dung]"⟧ { chủ trì STP }',
            'nhiệm vụ NV1 ⟦"[\\CẦN ĐIỀN: nội dung]"⟧ { chủ trì STP }',
            'báo cáo BC "Báo cáo" { từ STP  gửi UBND_TINH  trước ngày ⟦00/00/0000⟧ }',
            'báo cáo BC "Báo cáo" { từ STP  gửi UBND_TINH  trước ngày ⟦0-0-0000⟧ }',
            'báo cáo BC "Báo cáo" { từ STP  gửi UBND_TINH  trước ngày ⟦0.0.0000⟧ }',
            'báo cáo BC "Báo cáo" { từ STP  gửi UBND_TINH  trước ngày ⟦0/0⟧ hằng năm }',
        ];
        for (const form of forms) {
            await expectFindings('unfilled-placeholder', inPlan(`    ${form}`), /Chưa điền|Chỗ cần điền.*Placeholder|not filled in/);
        }
    });

    test('fires in a registry: a placeholder name and parent', async () => {
        await expectFindings('unfilled-placeholder', {
            'registry.plan': 'phạm vi VinhPhuc\ncơ quan UBND_TINH "Ủy ban nhân dân tỉnh"\ncơ quan SO_MOI ⟦"[CẦN ĐIỀN: tên chính thức của cơ quan / TO FILL IN: official name of the body]"⟧ thuộc ⟦CẦN_ĐIỀN⟧\n',
        }, /Chỗ cần điền chưa được điền|cơ quan cấp trên/);
    });

    test('the placeholder is its only finding: no unresolved reference, invalid date or implausible year', async () => {
        const loaded = await load(inPlan(MEMBERS));
        const others = loaded.diagnostics.filter(d => d.code !== 'unfilled-placeholder').map(d => d.code);
        expect(others).not.toContain('unresolved-reference');
        expect(others).not.toContain('invalid-date');
        expect(others).not.toContain('implausible-time');
    });

    test('is silent on ordinary names, texts and dates', async () => {
        await expectSilent('unfilled-placeholder', inPlan(`
    nhiệm vụ NV1 "Các nội dung cần điền vào biểu mẫu" { chủ trì STP  phối hợp CA_TINH }
    báo cáo BC "Báo cáo" { từ STP  gửi UBND_TINH  trước ngày 01/01/2020 và 10/01 }`));
    });
});

describe('unfilled-placeholder at the names of incomplete declarations', () => {
    test('a reference to a body or document declared with a placeholder is reported where it is used', async () => {
        const found = await expectFindings('unfilled-placeholder', {
            ...inPlan(`    nhiệm vụ NV1 "Rà soát" { chủ trì ⟦SO_MOI⟧  phối hợp ⟦BAN_MOI⟧, CA_TINH  căn cứ ⟦VB_MOI⟧ }`),
            'more.plan': `phạm vi VinhPhuc
cơ quan SO_MOI "[CẦN ĐIỀN: tên chính thức của cơ quan / TO FILL IN: official name of the body]" thuộc UBND_TINH
cơ quan BAN_MOI "Ban mới" thuộc CẦN_ĐIỀN
văn bản VB_MOI quyết định "[CẦN ĐIỀN: trích yếu của văn bản / TO FILL IN: title of the document]"
`,
        }, /được khai báo với chỗ cần điền ở more\.plan:\d+.*is declared with a placeholder/);
        expect(found[0].message).toContain('ở more.plan:2');
    });
});
