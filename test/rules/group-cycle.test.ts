import { describe, expect, test } from 'vitest';
import { expectFindings, expectSilent, load, findingsOf, messageOf } from '../helpers.js';
import { relatedOf } from './related.js';

describe('group-cycle', () => {
    test('fires at each "gồm" reference on a membership cycle, in every file involved', async () => {
        const files = {
            'a.plan': `phạm vi P
nhóm A "Nhóm A" gồm X, ⟦B⟧
nhóm SELF "Nhóm tự chứa" gồm ⟦SELF⟧
cơ quan X "Cơ quan X"
`,
            'b.plan': `phạm vi P
nhóm B "Nhóm B" gồm C
nhóm C "Nhóm C" gồm X, A
`,
        };
        const found = await expectFindings('group-cycle', files, /chứa chính nó qua "gồm".*contains itself/);
        expect(found[0].message).toMatch(/A → B → C → A/);
        expect(found[1].message).toMatch(/SELF → SELF/);
        // The other links of the loop, in the file that writes them.
        expect(relatedOf(found[0])).toEqual([
            { file: 'b.plan', line: 2, text: 'C', message: "'B' gồm 'C' / 'B' has member 'C'" },
            { file: 'b.plan', line: 3, text: 'A', message: "'C' gồm 'A' / 'C' has member 'A'" },
        ]);
        expect(relatedOf(found[1])).toEqual([]);
        // The other file reports its own references on the cycle.
        const loaded = await load(files);
        expect(findingsOf({ ...loaded, diagnostics: (loaded.documents['b.plan'].diagnostics ?? []).map(d => ({ ...d, message: messageOf(d) })) }, 'group-cycle')
            .map(d => d.message.replace(/ \/ .*/, ''))).toEqual([
            `Nhóm 'B' chứa chính nó qua "gồm": B → C → A → B`,
            `Nhóm 'C' chứa chính nó qua "gồm": C → A → B → C`,
        ]);
    });

    test('fires at the "thuộc" reference of every body on a parent loop', async () => {
        const found = await expectFindings('group-cycle', {
            'a.plan': `cơ quan A "Cơ quan A" thuộc ⟦B⟧
cơ quan B "Cơ quan B" thuộc ⟦G⟧
nhóm G "Nhóm G" thuộc ⟦A⟧
cơ quan SELF "Tự thuộc" thuộc ⟦SELF⟧
cơ quan D "Dưới vòng lặp" thuộc A
`,
        }, /thuộc chính nó qua chuỗi "thuộc".*under itself/);
        expect(found.map(d => d.message.replace(/ \/ .*/, ''))).toEqual([
            `'A' thuộc chính nó qua chuỗi "thuộc": A → B → G → A`,
            `'B' thuộc chính nó qua chuỗi "thuộc": B → G → A → B`,
            `'G' thuộc chính nó qua chuỗi "thuộc": G → A → B → G`,
            `'SELF' thuộc chính nó qua chuỗi "thuộc": SELF → SELF`,
        ]);
        expect(relatedOf(found[0])).toEqual([
            { file: 'a.plan', line: 2, text: 'G', message: "'B' thuộc 'G' / 'B' is under 'G'" },
            { file: 'a.plan', line: 3, text: 'A', message: "'G' thuộc 'A' / 'G' is under 'A'" },
        ]);
    });

    test('is silent on nested groups without a loop, shared members, a group both under and containing a body, and unresolved names', async () => {
        await expectSilent('group-cycle', `
cơ quan UB "Ủy ban"
cơ quan S1 "Sở 1" thuộc UB
cơ quan S2 "Sở 2" thuộc UB
nhóm SO "Các sở" thuộc UB gồm S1, S2
nhóm HUYEN "Các huyện" thuộc UB
nhóm TAT_CA "Tất cả" thuộc UB gồm SO, HUYEN, S1
nhóm KHAC "Khác" gồm TAT_CA, SO, KHONG_CO
nhóm CHA "Cha" gồm CON
nhóm CON "Con" thuộc CHA
`);
    });
});
