import { AstUtils, GrammarUtils } from 'langium';
import { describe, expect, test } from 'vitest';
import type { Range } from 'vscode-languageserver';
import { allRules } from '../../src/linter/registry.js';
import rule from '../../src/rules/document-number-format.js';
import { actionsFor, examplesWorkspace, expectCleanFix, findingsIn, nfd } from '../fix-helpers.js';
import { expectFindings, expectNoSyntaxErrors, expectSilent, load, NATIONAL, REGISTRY, services } from '../helpers.js';

/** Runs the rule alone with the given options (the configuration is not involved). */
async function findWith(options: Partial<typeof rule.meta.defaultOptions>, source: string): Promise<{ marked: Range[]; found: Array<{ range: Range; message: string }> }> {
    const loaded = await load({ 'main.plan': source, 'registry.plan': REGISTRY, 'national.plan': NATIONAL });
    expectNoSyntaxErrors(loaded);
    const found: Array<{ range: Range; message: string }> = [];
    const visitors = rule.create({
        options: { ...rule.meta.defaultOptions, ...options },
        document: loaded.main,
        services,
        report: f => found.push({
            range: f.range ?? GrammarUtils.findNodeForProperty(f.node.$cstNode, f.property as string | undefined, f.index)!.range,
            message: f.message,
        }),
    });
    for (const node of AstUtils.streamAst(loaded.model)) {
        (visitors as Record<string, ((n: unknown) => void) | undefined>)[node.$type]?.(node);
    }
    return { marked: loaded.marked, found };
}

describe('document-number-format', () => {
    test('fires on a normative kind without its year, with the year of its date in the suggestion', async () => {
        await expectFindings('document-number-format', {
            'main.plan': `
văn bản TT_23 thông tư số ⟦"23/TT-BCA"⟧ ngày 27/4/2012 "thiếu năm"
văn bản ND_1 nghị định số ⟦"208/NĐ-CP"⟧ "không có ngày"
văn bản TTLT_1 thông tư liên tịch số ⟦"10/TTLT-BTP-BCA"⟧ ngày 01/02/2013
`,
        }, /thiếu năm ban hành.*"(23\/2012\/TT-BCA|208\/YYYY\/NĐ-CP|10\/2013\/TTLT-BTP-BCA)".*lacks its year/);
    });

    test('fires on a Party document written state-style, suggesting the Party form', async () => {
        const found = await expectFindings('document-number-format', {
            'main.plan': `
văn bản NQ_18 nghị quyết số ⟦"18/NQ-TW"⟧ ngày 25/10/2017
văn bản CT_46 chỉ thị số ⟦"46/CT-TW"⟧
văn bản HD_36 hướng dẫn số ⟦"36/HD-VPTW"⟧
nghị quyết NQ_04 "Nghị quyết của Ban Thường vụ" {
    số ⟦"04/2022/NQ-TU"⟧
    ngày 25/01/2022
}
`,
        }, /Văn bản của Đảng.*Party document/);
        expect(found.map(d => /"([^"]+)", không phải/.exec(d.message)?.[1])).toEqual(['18-NQ/TW', '46-CT/TW', '36-HD/VPTW', '04-NQ/TU']);
    });

    test('fires on "CV", blanks, a year on an administrative text, a missing or misspelt type, and unreadable numbers', async () => {
        const found = await expectFindings('document-number-format', {
            'main.plan': `
văn bản CV_1 công văn số ⟦"123/CV-UBND"⟧
văn bản CV_2 công văn số ⟦"3833/2017/SYT-VP"⟧ ngày 22/9/2017
văn bản QD_1 quyết định số ⟦"1073 /QĐ-UBND"⟧
văn bản KH_1 kế hoạch số ⟦"594/2020/KH-UBND"⟧
văn bản QD_2 quyết định số ⟦"12/UBND-VX"⟧
văn bản QD_3 quyết định số ⟦"634/QD-TTg"⟧
văn bản QD_4 quyết định số ⟦"634/Qđ-TTg"⟧
văn bản KH_2 kế hoạch số ⟦"27/CV-UBND"⟧
văn bản L_1 luật số ⟦"83/QH13"⟧
văn bản ND_2 nghị định số ⟦"5-NĐ/CP"⟧
văn bản QD_5 quyết định số ⟦"số 12"⟧
văn bản QD_6 quyết định số ⟦"12/"⟧
`,
        });
        const messages = found.map(d => d.message);
        expect(messages[0]).toMatch(/"CV" không hợp lệ.*"123\/UBND"/);
        expect(messages[1]).toMatch(/không phải văn bản quy phạm pháp luật.*"3833\/SYT-VP"/);
        expect(messages[2]).toMatch(/khoảng trắng.*"1073\/QĐ-UBND"/);
        expect(messages[3]).toMatch(/không ghi năm.*"594\/KH-UBND"/);
        expect(messages[4]).toMatch(/thiếu ký hiệu loại văn bản.*"12\/QĐ-UBND-VX"/);
        expect(messages[5]).toMatch(/"QD" trong số.*dùng "QĐ".*"634\/QĐ-TTg"/);
        expect(messages[6]).toMatch(/"Qđ" trong số.*case-/);
        expect(messages[7]).toMatch(/"CV" không phải ký hiệu loại.*"27\/KH-UBND"/);
        expect(messages[8]).toMatch(/không đúng dạng của Luật.*số\/năm\/QHkhóa.*"83\/2015\/QH13"/);
        expect(messages[9]).toMatch(/không đúng dạng của Nghị định.*"208\/2013\/NĐ-CP"/);
    });

    test('is silent on every correct form, leading zeros, joint issuers and decomposed (NFD) text', async () => {
        await expectSilent('document-number-format', {
            'main.plan': `
văn bản A thông tư số "15/2010/TT-BCA" ngày 24/5/2010
văn bản B nghị định số "06/2014/NĐ-CP"
văn bản C quyết định số "4170/QĐ-BCA-C41"
văn bản D quyết định số "03/2014/QĐ-UBND"
văn bản E quyết định số "2855/QĐ-C41-C45"
văn bản F nghị quyết số "101/2013/NQ-HĐND"
văn bản G nghị quyết số "96/2019/QH14"
văn bản H nghị quyết số "04-NQ/TU"
văn bản I nghị quyết số "18-NQ/TW"
văn bản J quy định số "181-QĐ/TW"
văn bản K quy định số "08-QĐi/TW"
văn bản L kết luận số "45-KL/TW"
văn bản M hướng dẫn số "36-HD/VPTW"
văn bản N công văn số "3833/SYT-VP"
văn bản O công văn số "1829/BCĐ-C41"
văn bản P công văn số "15-CV/TU"
văn bản Q luật số "83/2015/QH13"
văn bản R luật "Luật Ngân sách nhà nước"
văn bản S thông tư liên tịch số "10/2013/TTLT-BTP-BCA-TANDTC-VKSNDTC-BTC"
văn bản T tờ trình số "135/TTr-CAT-PV01"
văn bản U kế hoạch số "7488/KH-UBND"
văn bản V chỉ thị số "39/CT-TTg"
văn bản W pháp lệnh số "44/2002/PL-UBTVQH10"
văn bản X kế hoạch số "12/KHPH-CA-VKS"
văn bản Y chiến lược số "01/UBND"
văn bản Z ${'quyết định'.normalize('NFD')} số "${'634/QĐ-TTg'.normalize('NFD')}"
kế hoạch KH "Kế hoạch" { số "594/KH-UBND" ngày 05/3/2020 }
`,
        });
    });

    test('partyIssuers and extraTypes options', async () => {
        const custom = await findWith({ partyIssuers: ['ĐUK'] }, `
văn bản A nghị quyết số "18/NQ-TW"
văn bản B nghị quyết số ⟦"02/NQ-ĐUK"⟧
`);
        expect(custom.found.map(f => f.range)).toEqual(custom.marked);
        expect(custom.found[0].message).toContain('"02-NQ/ĐUK"');

        const extra = await findWith({}, `văn bản A đề án số ⟦"05/DAPT-UBND"⟧`);
        expect(extra.found.map(f => f.range)).toEqual(extra.marked);
        const accepted = await findWith({ extraTypes: ['DAPT'] }, `văn bản A đề án số "05/DAPT-UBND"`);
        expect(accepted.found).toEqual([]);
    });

    test('the documents rules (this one and its siblings) never throw on incomplete input', async () => {
        const ids = ['document-number-format', 'document-kind-mismatch', 'document-year-mismatch', 'basis-after-plan', 'duplicate-basis', 'plan-missing-number-or-date'];
        const snippets = [
            'văn bản', 'văn bản X', 'văn bản X thông tư số', 'văn bản X thông tư số "', 'văn bản X số "1/QĐ-UBND"',
            'kế hoạch KH', 'kế hoạch KH "t" {', 'kế hoạch KH "t" { số', 'kế hoạch KH "t" { căn cứ A, ',
            'kế hoạch KH "t" { ngày 01/01/2020 căn cứ A, A thực hiện B, B ban hành kèm theo }',
            'kế hoạch KH "t" { ban hành kèm theo KH căn cứ KH }',
            'văn bản X quyết định số "" ngày 31/02/2020 { căn cứ X, X }',
            'văn bản X quyết định số "/" văn bản Y nghị định số "1-/" văn bản Z công văn số "CV" văn bản W quyết định số "1/QĐ-UBND"',
        ];
        const rules = allRules.filter(r => ids.includes(r.meta.id));
        expect(rules.length).toBe(ids.length);
        for (const source of snippets) {
            const loaded = await load(source);
            for (const r of rules) {
                const visitors = r.create({ options: r.meta.defaultOptions, document: loaded.main, services, report: () => undefined }) as Record<string, ((n: unknown) => void) | undefined>;
                for (const node of AstUtils.streamAst(loaded.model)) {
                    expect(() => visitors[node.$type]?.(node), `${r.meta.id} on ${source}`).not.toThrow();
                }
            }
        }
    });
});

describe('document-number-format quick fix', () => {
    const FILE = `
văn bản QD_1 quyết định số "1073 /QĐ-UBND"
văn bản NQ_27 nghị quyết số "27/NQ-TW" ngày 02/4/2020
văn bản QD_3 quyết định số "634/QD-TTg"
văn bản TT_23 thông tư số "23/TT-BCA" ngày 27/4/2012
văn bản KH_1 kế hoạch số "594/2020/KH-UBND" ngày 05/3/2020
văn bản QD_2 quyết định số "12/UBND-VX"
văn bản CV_1 công văn số "123/CV-UBND"
văn bản KH_2 kế hoạch số "27/CV-UBND"
văn bản TT_24 thông tư số "24 /TT-BCA" ngày 01/6/2013
văn bản CT_1 chỉ thị số "5/Ct-UBND"
`;
    test.each([
        [0, '"1073/QĐ-UBND"', true],
        [1, '"27-NQ/TW"', true],
        [2, '"634/QĐ-TTg"', true],
        [3, '"23/2012/TT-BCA"', false],
        [4, '"594/KH-UBND"', false],
        [5, '"12/QĐ-UBND-VX"', false],
        [6, '"123/UBND"', false],
        [7, '"27/KH-UBND"', false],
        [8, '"24/2013/TT-BCA"', false],
        [9, '"5/CT-UBND"', true],
    ])('finding %i: the number in the form of its kind, %s (preferred: %s)', async (index, expected, preferred) => {
        const applied = await expectCleanFix({ 'main.plan': FILE }, { rule: 'document-number-format', index });
        expect(applied.files['main.plan'].split('\n')[index + 1]).toContain(`số ${expected}`);
        expect(applied.action.title).toBe(`Sửa số ký hiệu thành ${expected} / Correct the number to ${expected}`);
        expect(applied.action.isPreferred ?? false).toBe(preferred);
    });

    test('no fix where the right number is not known: no date for the year, an unreadable number, a law with a slash', async () => {
        const loaded = await load({ 'main.plan': 'văn bản ND_1 nghị định số "208/NĐ-CP"\nvăn bản L_1 luật số "83/QH13"\nvăn bản QD_5 quyết định số "số 12"\nvăn bản X kế hoạch số "96/2019/QH14"\n' });
        for (const finding of findingsIn(loaded, 'document-number-format')) {
            expect(await actionsFor(loaded, finding)).toEqual([]);
        }
    });

    test('in prose: a number split by a blank is joined where it stands, also across a line break and in NFD', async () => {
        const plan = (text: string) => ({
            'main.plan': `văn bản ND_78 nghị định số "78/2021/NĐ-CP" ngày 01/9/2021\nkế hoạch KH "x" {\n    "${text}"\n}\n`,
        });
        const cases: Array<[string, string]> = [
            ['Thực hiện Nghị định số 78/2021/NĐ -CP ngày 01/9/2021 của Chính phủ.', 'Nghị định số 78/2021/NĐ-CP ngày'],
            ['Thực hiện Nghị định số 78/2021/NĐ\n        -CP ngày 01/9/2021.', 'Nghị định số 78/2021/NĐ-CP ngày'],
        ];
        for (const [text, expected] of cases) {
            for (const files of [plan(text), nfd(plan(text)) as Record<string, string>]) {
                const applied = await expectCleanFix(files, { rule: 'document-number-format' });
                expect(applied.files['main.plan'].normalize('NFC')).toContain(expected);
                expect(applied.action.isPreferred).toBe(true);
            }
        }
    });

    test('in prose, a Party number printed state-style, with or without a blank, gets its Party form "27-NQ/TW"', async () => {
        const plan = (text: string) => ({
            'main.plan': `văn bản NQ_27 nghị quyết số "27-NQ/TW" ngày 02/4/2020\nkế hoạch KH "x" {\n    "${text}"\n}\n`,
        });
        const cases: Array<[string, string]> = [
            ['Thực hiện Nghị quyết số 27/NQ- TW ngày 02/4/2020 của Bộ Chính trị.', 'Nghị quyết số 27-NQ/TW ngày'],
            ['Thực hiện 27/NQ- TW ngày 02/4/2020.', 'Thực hiện 27-NQ/TW ngày'],
            ['Thực hiện 27 /NQ-TW ngày 02/4/2020.', 'Thực hiện 27-NQ/TW ngày'],
            ['Thực hiện Nghị quyết 27/NQ-TW ngày 02/4/2020.', 'Nghị quyết 27-NQ/TW ngày'],
            ['Theo 27/NQ-TW.', 'Theo 27-NQ/TW.'],
        ];
        for (const [text, expected] of cases) {
            for (const files of [plan(text), nfd(plan(text)) as Record<string, string>]) {
                const applied = await expectCleanFix(files, { rule: 'document-number-format' });
                expect(applied.files['main.plan'].normalize('NFC')).toContain(expected);
                expect(applied.action.title).toBe('Sửa số ký hiệu thành "27-NQ/TW" / Correct the number to "27-NQ/TW"');
                expect(applied.action.isPreferred).toBe(true);
                const [finding] = findingsIn(applied.before, 'document-number-format');
                expect(finding.message).toContain('"27-NQ/TW", không phải "27/NQ-TW"');
                expect(finding.message).toMatch(/ \/ .*[Aa] Party document \(issuer "TW"\) is numbered N-TYPE\/ISSUER: "27-NQ\/TW"/);
                expect(finding.message).not.toMatch(/viết liền, "27\/NQ-TW"/);
            }
        }
    });

    test('in prose, the finding covers the number inside the string, and a blank alone keeps the state form', async () => {
        const found = await expectFindings('document-number-format', {
            'main.plan': `kế hoạch KH "x" {
    "Thực hiện ⟦27/NQ- TW⟧, ⟦18/NQ-TU⟧, Nghị định số ⟦78/2021/NĐ -CP⟧ và Quyết định số 634/QĐ-TTg; Ban Chỉ đạo 138/CP."
}`,
        });
        expect(found.map(f => /"([^"]+)", không phải|viết liền, "([^"]+)"/.exec(f.message)?.slice(1).find(x => x))).toEqual(['27-NQ/TW', '18-NQ/TU', '78/2021/NĐ-CP']);
        expect(found[0].message).toMatch(/^Số ký hiệu "27\/NQ- TW" có khoảng trắng: các phần viết liền; văn bản của Đảng/);
    });

    test('in prose, no fix for the form: the text is quoted verbatim', async () => {
        const loaded = await load({ 'main.plan': 'kế hoạch KH "x" {\n    "Theo Thông tư số 23/TT-BCA ngày 27/4/2012 của Bộ Công an."\n}\n' });
        const [finding] = findingsIn(loaded, 'document-number-format');
        expect(finding).toBeDefined();
        expect(await actionsFor(loaded, finding)).toEqual([]);
    });

    test('on the Đồng Nai letter: "3833 /SYT-VP" → "3833/SYT-VP"', async () => {
        const applied = await expectCleanFix(examplesWorkspace('dong-nai/kh-7488.plan'), { rule: 'document-number-format' });
        expect(applied.files['dong-nai-kh-7488.plan']).toContain('văn bản CV_3833 công văn số "3833/SYT-VP" ngày 22 tháng 9 năm 2017');
    });
});
