import * as fs from 'node:fs';
import { AstUtils } from 'langium';
import { describe, expect, test } from 'vitest';
import rule from '../../src/rules/duplicate-basis.js';
import { examplesWorkspace, expectCleanFix, nfd } from '../fix-helpers.js';
import { expectFindings, expectNoSyntaxErrors, expectSilent, load, NATIONAL, REGISTRY, services } from '../helpers.js';
import { relatedOf } from './related.js';

describe('duplicate-basis', () => {
    test('fires on the same document cited twice in one list, at the second reference', async () => {
        const found = await expectFindings('duplicate-basis', {
            'vinh-phuc.plan': `phạm vi VinhPhuc
văn bản ND_208 nghị định số "208/2013/NĐ-CP" ngày 17/12/2013
kế hoạch KH "Kế hoạch" {
    số "12/KH-UBND"
    ngày 01/3/2018
    thực hiện CT_39, ⟦CT_39⟧
    căn cứ ND_208, CT_39
    căn cứ ⟦ND_208⟧
}
văn bản QD quyết định số "5/QĐ-UBND" ngày 05/3/2018 {
    căn cứ ND_208, CT_39, ⟦VinhPhuc.ND_208⟧
}
`,
            'registry.plan': REGISTRY,
            'national.plan': NATIONAL,
        }, /đã được nêu trong danh sách "(căn cứ|thực hiện)" ở dòng \d+.*is already listed/);
        const sorted = [...found].sort((a, b) => a.range.start.line - b.range.start.line);
        const messages = sorted.map(d => d.message);
        expect(messages[0]).toContain('Chỉ thị 39/CT-TTg đã được nêu trong danh sách "thực hiện" ở dòng 6');
        expect(messages[1]).toContain('Nghị định 208/2013/NĐ-CP đã được nêu trong danh sách "căn cứ" ở dòng 7');
        expect(messages[2]).toContain('ở dòng 11 (ND_208)');
        // Related information: the first mention, on the line the message names.
        const first = 'Lần nêu thứ nhất / The first mention';
        expect(sorted.map(relatedOf)).toEqual([
            [{ file: 'vinh-phuc.plan', line: 6, text: 'CT_39', message: first }],
            [{ file: 'vinh-phuc.plan', line: 7, text: 'ND_208', message: first }],
            [{ file: 'vinh-phuc.plan', line: 11, text: 'ND_208', message: first }],
        ]);
    });

    test('fires on the same document declared twice under two ids, at the later number, and in a list citing both', async () => {
        const found = await expectFindings('duplicate-basis', {
            // national.plan sorts before vinh-phuc.plan: its declaration is the first one.
            'vinh-phuc.plan': `phạm vi VinhPhuc
văn bản CT39_LAI chỉ thị số ⟦"39/CT-TTg"⟧ ngày 24/10/2017 của TTG
văn bản KH_A kế hoạch số "27/KH-UBND" ngày 25/02/2019 của UBND_TINH
văn bản KH_B kế hoạch số ⟦"027/KH-UBND"⟧ ngày 01/3/2019 của UBND_TINH
kế hoạch KH "Kế hoạch" {
    số "12/KH-UBND"
    ngày 01/3/2019
    thực hiện CT_39, ⟦CT39_LAI⟧
}
`,
            'registry.plan': REGISTRY,
            'national.plan': NATIONAL,
        });
        const sorted = [...found].sort((a, b) => a.range.start.line - b.range.start.line);
        const messages = sorted.map(d => d.message);
        expect(messages[0]).toContain('Chỉ thị 39/CT-TTg đã được khai báo là CT_39 ở national.plan:4');
        expect(messages[1]).toContain('Kế hoạch 027/KH-UBND đã được khai báo là KH_A ở dòng 3');
        expect(messages[2]).toContain('ở dòng 8 (CT_39)');
        // Related information: the first declaration's id, in another file too; the first mention in the list.
        expect(sorted.map(relatedOf)).toEqual([
            [{ file: 'national.plan', line: 4, text: 'CT_39', message: 'Khai báo CT_39 / The declaration CT_39' }],
            [{ file: 'vinh-phuc.plan', line: 3, text: 'KH_A', message: 'Khai báo KH_A / The declaration KH_A' }],
            [{ file: 'vinh-phuc.plan', line: 8, text: 'CT_39', message: 'Lần nêu thứ nhất / The first mention' }],
        ]);
    });

    test('is silent on the same document in two lists, and on same numbers of other kinds, years, issuers or provinces', async () => {
        await expectSilent('duplicate-basis', {
            'vinh-phuc.plan': `phạm vi VinhPhuc
văn bản QD_39 quyết định số "39/QĐ-TTg" ngày 24/10/2017 của TTG
văn bản CT_39_2018 chỉ thị số "39/CT-TTg" ngày 03/01/2018 của TTG
văn bản KH_27 kế hoạch số "27/KH-UBND" ngày 25/02/2019 của UBND_TINH
văn bản KH_27_STP kế hoạch số "27/KH-UBND" ngày 25/02/2019 của SO_KHAC
cơ quan SO_KHAC "Một cơ quan không thuộc UBND tỉnh" độc lập
kế hoạch KH "Kế hoạch" {
    số "12/KH-UBND"
    ngày 01/3/2019
    thực hiện CT_39
    căn cứ CT_39, QD_39, CT_39_2018
}
`,
            'dong-nai.plan': `phạm vi DongNai\nvăn bản KH_27 kế hoạch số "27/KH-UBND" ngày 25/02/2019\n`,
            'registry.plan': REGISTRY,
            'national.plan': NATIONAL,
        });
    });

    test('option workspace: false leaves declarations alone and still checks lists', async () => {
        const loaded = await load({
            'vinh-phuc.plan': `phạm vi VinhPhuc
văn bản CT39_LAI chỉ thị số "39/CT-TTg" ngày 24/10/2017 của TTG
văn bản QD quyết định số "5/QĐ-UBND" ngày 05/3/2018 { căn cứ CT_39, ⟦CT_39⟧ }
`,
            'registry.plan': REGISTRY,
            'national.plan': NATIONAL,
        });
        expectNoSyntaxErrors(loaded);
        const ranges: unknown[] = [];
        const visitors = rule.create({
            options: { workspace: false },
            document: loaded.main,
            services,
            report: f => ranges.push(f.range),
        }) as Record<string, ((n: unknown) => void) | undefined>;
        for (const node of AstUtils.streamAst(loaded.model)) {
            visitors[node.$type]?.(node);
        }
        expect(ranges).toEqual(loaded.marked);
    });
});

describe('duplicate-basis on task citations', () => {
    test('fires on a document cited twice by one task, not across tasks', async () => {
        await expectFindings('duplicate-basis', {
            'plan.plan': `cơ quan A "A"
văn bản VB quyết định số "1/QĐ-UBND" ngày 01/02/2019 của A
kế hoạch KH "x" {
    số "3/KH-UBND"  ngày 05/5/2020  của A
    nhiệm vụ NV1 "a" { chủ trì A  căn cứ VB, ⟦VB⟧ }
    nhiệm vụ NV2 "b" { chủ trì A  căn cứ VB }
}`,
        });
    });
});

describe('duplicate-basis quick fix', () => {
    const files = (plan: string) => ({ 'vinh-phuc.plan': plan, 'registry.plan': REGISTRY, 'national.plan': NATIONAL });
    const PLAN = `phạm vi VinhPhuc
văn bản ND_208 nghị định số "208/2013/NĐ-CP" ngày 17/12/2013
kế hoạch KH "Kế hoạch" {
    số "12/KH-UBND"
    ngày 01/3/2018
    thực hiện CT_39, CT_39
    căn cứ ND_208, CT_39
    căn cứ ND_208
    nhiệm vụ NV "a" { chủ trì UBND_TINH  căn cứ ND_208 ("Nghị định 208"), ND_208, CT_39 }
}
`;

    test.each([
        [0, '    thực hiện CT_39\n'],
        [1, '    căn cứ ND_208, CT_39\n    nhiệm vụ'],
        [2, 'căn cứ ND_208 ("Nghị định 208"), CT_39 }'],
    ])('finding %i: removes the second mention with its comma, or its whole clause and line', async (index, expected) => {
        const applied = await expectCleanFix(files(PLAN), { rule: 'duplicate-basis', index });
        expect(applied.action.isPreferred).toBe(true);
        expect(applied.action.title).toMatch(/^Bỏ lần nêu thứ hai .* \/ Remove the second mention/);
        expect(applied.files['vinh-phuc.plan']).toContain(expected);
        expect(applied.files['registry.plan']).toBe(REGISTRY);
    });

    test('removes the first element of a list when it repeats an earlier list, in NFD text too', async () => {
        const plan = PLAN.replace('    căn cứ ND_208\n', '    căn cứ ND_208, QD_X\n').replace('ngày 17/12/2013\n', 'ngày 17/12/2013\nvăn bản QD_X quyết định số "1/QĐ-UBND" ngày 01/01/2018\n');
        for (const source of [files(plan), nfd(files(plan)) as Record<string, string>]) {
            const applied = await expectCleanFix(source, { rule: 'duplicate-basis', index: 1 });
            expect(applied.files['vinh-phuc.plan'].normalize('NFC')).toContain('    căn cứ QD_X\n');
        }
    });
});

describe('duplicate-basis quick fix on the examples', () => {
    test('the Cà Mau decision citing Nghị quyết 96/2019/QH14 twice', async () => {
        const change = (text: string) => text.replace('căn cứ LUAT_TCCQDP_2015, NQ_96_2019, QD_634_2020', 'căn cứ LUAT_TCCQDP_2015, NQ_96_2019, QD_634_2020, NQ_96_2019');
        const applied = await expectCleanFix(examplesWorkspace('ca-mau/kh-qd634.plan', change), { rule: 'duplicate-basis' });
        expect(applied.files['ca-mau-kh-qd634.plan']).toBe(fs.readFileSync('examples/ca-mau/kh-qd634.plan', 'utf8'));
    });
});
