import { describe, expect, test } from 'vitest';
import { expectFindings, expectSilent } from '../helpers.js';

describe('empty-group', () => {
    test('fires at the name of a group with no members and no agency under it', async () => {
        const found = await expectFindings('empty-group', {
            'groups.plan': `phạm vi VinhPhuc
nhóm ⟦DON_VI_LQ⟧ "Các đơn vị liên quan"
nhóm ⟦UBND_HUYEN⟧ "Ủy ban nhân dân các huyện" thuộc UBND_TINH viết tắt "UBND các huyện"
nhóm ⟦UBND_XA⟧ "Ủy ban nhân dân các xã" thuộc UBND_HUYEN
`,
            'registry.plan': `phạm vi VinhPhuc\ncơ quan UBND_TINH "Ủy ban nhân dân tỉnh"\n`,
        }, /không liệt kê thành viên.*nobody can tell who must act/);
        expect(found[0].message).toMatch(/^Nhóm 'DON_VI_LQ' \("Các đơn vị liên quan"\)/);
    });

    test('is silent on a group with members or with an agency under it, even declared in another file', async () => {
        await expectSilent('empty-group', {
            'groups.plan': `phạm vi VinhPhuc
nhóm SO_NGANH "Các sở, ban, ngành" thuộc UBND_TINH gồm STP
nhóm UBND_HUYEN "Ủy ban nhân dân các huyện" thuộc UBND_TINH
`,
            'registry.plan': `phạm vi VinhPhuc
cơ quan UBND_TINH "Ủy ban nhân dân tỉnh"
cơ quan STP "Sở Tư pháp" thuộc UBND_TINH
cơ quan UBND_H1 "Ủy ban nhân dân huyện Một" thuộc UBND_HUYEN
`,
        });
    });
});
