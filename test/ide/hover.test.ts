import { AstUtils, GrammarAST } from 'langium';
import { clearDocuments } from 'langium/test';
import { afterAll, describe, expect, test } from 'vitest';
import { keywordMeaning } from '../../src/ide/keyword-docs.js';
import { expectNoSyntaxErrors, load, services } from '../helpers.js';
import { examples, hoverAt, hoverMarked, positionOf, workspace } from './fixture.js';

afterAll(async () => {
    await clearDocuments(services.shared);
});

describe('hover on a small plan (NFC and NFD input)', () => {
    for (const [form, transform] of [['NFC', (t: string) => t.normalize('NFC')], ['NFD', (t: string) => t.normalize('NFD')]] as const) {
        test(`${form}: bodies — name, aliases, parent, authority, what they lead and support`, async () => {
            const loaded = await load(workspace(transform));
            expectNoSyntaxErrors(loaded);
            const agency = await hoverMarked(loaded, 11);
            expect(agency).toContain('**Công an tỉnh Vĩnh Phúc** `CA_TINH`');
            expect(agency).toContain('"Công an tỉnh"');
            expect(agency).toContain('Thuộc / Under: Ủy ban nhân dân tỉnh Vĩnh Phúc (`UBND_TINH`)');
            expect(agency).toContain('Thuộc thẩm quyền của cơ quan ban hành');
            expect(agency).toContain('Under the issuer\'s authority');
            // Leads NV2; supports NV1, NV1_1 (inherited) and the task under "Sở Tư pháp:".
            expect(agency).toMatch(/Chủ trì 1 nhiệm vụ \/ Leads 1 task: `NV2`/);
            expect(agency).toMatch(/Phối hợp 3 nhiệm vụ \/ Supports 3 tasks: /);
            expect(agency).toContain('Đầu mối tổng hợp báo cáo (qua) / Reports go through it: `BC`');
            // The doc comment of the declaration comes first, as before.
            expect(agency.indexOf('Cơ quan thường trực')).toBe(0);

            const group = await hoverMarked(loaded, 10);
            expect(group).toContain('nhóm / group');
            expect(group).toMatch(/Gồm 2 \/ Members \(2\): Sở Tư pháp tỉnh Vĩnh Phúc \(`STP`\), Công an tỉnh Vĩnh Phúc \(`CA_TINH`\)/);
            expect(group).toMatch(/Chủ trì 2 nhiệm vụ \/ Leads 2 tasks: `NV1`, `NV1_1`/);

            const independent = await hoverMarked(loaded, 12);
            expect(independent).toContain('**Độc lập**');
            expect(independent).toContain('Không thuộc thẩm quyền của cơ quan ban hành');
            expect(independent).toMatch(/Được đồng thời đề nghị ở 1 nhiệm vụ \/ Also requested in 1 task: `NV1`/);
        });

        test(`${form}: documents — kind, number, date with weekday, issuer, summary, relations`, async () => {
            const loaded = await load(workspace(transform));
            const directive = await hoverMarked(loaded, 3);
            expect(directive).toContain('**Chỉ thị số 39/CT-TTg** `CT_39`');
            expect(directive).toContain('Loại / Kind: Chỉ thị / directive');
            expect(directive).toContain('Ngày / Date: 24/10/2017 (Thứ Ba / Tuesday)');
            expect(directive).toContain('Cơ quan ban hành / Issuer: Thủ tướng Chính phủ (`TTG`)');
            expect(directive).toContain('"về tăng cường công tác phòng ngừa"');

            const decision = await hoverMarked(loaded, 1);
            expect(decision).toContain('Số, ký hiệu / Number: 100/QĐ-UBND');
            expect(decision).toContain('Hiệu lực / In force: kể từ ngày ký — 15/3/2018 (Thứ Năm / Thursday)');
            expect(decision).toContain('Ban hành kế hoạch / Issues: Kế hoạch (`KH`)');

            const law = await hoverMarked(loaded, 16);
            expect(law).toContain('Luật số 73/2021/QH14');
            expect(law).toContain('Hiệu lực / In force: từ ngày 01/01/2022 — 1/1/2022 (Thứ Bảy / Saturday)');
        });

        test(`${form}: a number-symbol cited in prose shows the document it resolves to, or says it is not declared`, async () => {
            const loaded = await load(workspace(transform));
            const cited = await hoverMarked(loaded, 4);
            expect(cited).toContain('Cited in the text: "39/CT-TTg"');
            expect(cited).toContain('`CT_39`');
            expect(cited).toContain('24/10/2017');
            const unresolved = await hoverMarked(loaded, 5);
            expect(unresolved).toContain('"99/BCA-V01"');
            expect(unresolved).toContain('Công văn số 99/BCA-V01 chưa được khai báo');
            expect(unresolved).toContain('not declared');
            // Elsewhere in the same paragraph: nothing to say.
            expect(await hoverAt(loaded.main, loaded.marked[6].start)).toBeUndefined();
        });

        test(`${form}: a target in words, both languages, with its owner and due time`, async () => {
            const loaded = await load(workspace(transform));
            const target = await hoverMarked(loaded, 15);
            expect(target).toContain('Tỷ lệ tin báo được giải quyết: phấn đấu ít nhất 90% hằng năm đến năm 2020');
            expect(target).toContain('*Strive to reach at least 90% every year by 2020*');
            expect(target).toContain('Cam kết / Commitment: phấn đấu / aspirational');
            expect(target).toContain('Chịu trách nhiệm / Owner: Các sở, ban, ngành tỉnh (`SO_NGANH`) — chủ trì nhiệm vụ `NV1`');
            expect(target).toContain('`đến năm 2020`: từ 1/1/2020 đến 31/12/2020 / from 2020-01-01 to 2020-12-31');
        });

        test(`${form}: a task — effective lead and support, inherited from a heading or a task, and its window of dates`, async () => {
            const loaded = await load(workspace(transform));
            const underHeading = await hoverMarked(loaded, 7);
            expect(underHeading).toContain('Chủ trì / Lead: Sở Tư pháp tỉnh Vĩnh Phúc (`STP`) — kế thừa từ tiêu đề phần "1" "Sở Tư pháp:" / inherited from the heading');
            expect(underHeading).toContain('Phối hợp / Support: Công an tỉnh Vĩnh Phúc (`CA_TINH`)');
            expect(underHeading).toContain('`hạn quý IV/2018`: từ 1/10/2018 đến 31/12/2018');
            // On the keyword: the task, then what the keyword means.
            expect(underHeading).toContain('**nhiệm vụ** ↔ *task*');

            const subtask = await hoverMarked(loaded, 13);
            expect(subtask).toContain('Chủ trì / Lead: Các sở, ban, ngành tỉnh (`SO_NGANH`) — kế thừa từ nhiệm vụ `NV1` / inherited from the enclosing task');
            expect(subtask).toContain('Công an tỉnh Vĩnh Phúc (`CA_TINH`) (kế thừa / inherited)');
            expect(subtask).toContain('`trước ngày 20/7/2019`: chậm nhất 19/7/2019 / by 2019-07-19 at the latest');

            const report = await hoverMarked(loaded, 18);
            expect(report).toContain('**Báo cáo / Report** `BC`');
            expect(report).toContain('Qua / Via: Công an tỉnh Vĩnh Phúc (`CA_TINH`)');
            expect(report).toContain('Các ngày đến hạn / Due dates: 19/7/2018, 19/7/2019, 19/7/2020');
        });

        test(`${form}: a date — weekday in both languages, inside or outside the plan period`, async () => {
            const loaded = await load(workspace(transform));
            const issued = await hoverMarked(loaded, 0);
            expect(issued).toContain('**15/3/2018** — Thứ Năm / Thursday');
            const now = await hoverMarked(loaded, 2);
            expect(now).toContain('**nay** = 15/3/2018 (Thứ Năm / Thursday) — ngày của kế hoạch / the plan\'s date');
            const before = await hoverMarked(loaded, 14);
            expect(before).toContain('**20/7/2019** — Thứ Bảy / Saturday');
            expect(before).toContain('chậm nhất 19/7/2019 / by 2019-07-19 at the latest — 19/7/2019 (Thứ Sáu / Friday)');
            expect(before).toContain('Trong thời gian của kế hoạch (15/3/2018–31/12/2020) / Within the plan period');
            const late = await hoverMarked(loaded, 17);
            expect(late).toContain('**Ngoài** thời gian của kế hoạch (15/3/2018–31/12/2020) / **Outside** the plan period');
            const quarter = await hoverMarked(loaded, 8);
            expect(quarter).toContain('**quý IV/2018** — từ 1/10/2018 đến 31/12/2018 / from 2018-10-01 to 2018-12-31');
            expect(quarter).toContain('Ngày đầu / First day: 1/10/2018 (Thứ Hai / Monday)');
            const recurring = await hoverMarked(loaded, 19);
            expect(recurring).toContain('lặp lại mỗi năm / a day and month, every year');
            expect(recurring).toContain('Đến hạn / Due: 19/7/2018 (Thứ Năm / Thursday), 19/7/2019 (Thứ Sáu / Friday), 19/7/2020 (Chủ nhật / Sunday)');
        });

        test(`${form}: a keyword — its meaning and its twin`, async () => {
            const loaded = await load(workspace(transform));
            const lead = await hoverMarked(loaded, 9);
            expect(lead).toContain('**chủ trì** ↔ *lead*');
            expect(lead).toContain('Cơ quan chủ trì');
            expect(lead).toContain('The lead unit');
            const yearly = await hoverMarked(loaded, 20);
            expect(yearly).toContain('**hằng năm** ↔ *yearly*');
        });
    }

    test('keywords in any case and in English show the same meaning, with the Vietnamese twin', async () => {
        const loaded = await load(workspace(t => t
            .replace('⟦⟧chủ trì ⟦⟧SO_NGANH', '⟦⟧CHỦ TRÌ ⟦⟧SO_NGANH'.normalize('NFD'))
            .replace('⟦⟧hằng năm', '⟦⟧yearly')));
        expectNoSyntaxErrors(loaded);
        expect(await hoverMarked(loaded, 9)).toContain('**chủ trì** ↔ *lead*');
        expect(await hoverMarked(loaded, 20)).toContain('**yearly** ↔ *hằng năm*');
    });

    test('a keyword spelled alike in two clauses is read in its clause', () => {
        expect(keywordMeaning('thuộc', 'Agency')?.twin).toBe('under');
        expect(keywordMeaning('thuộc', 'Document')?.twin).toBe('part of');
        expect(keywordMeaning('báo cáo', 'DocumentKind')?.enMeaning).toBe('Kind of document: report.');
        expect(keywordMeaning('báo cáo', 'Report')?.enMeaning).toMatch(/reporting duty/);
        expect(keywordMeaning('trước', 'DeadlineKeyword')?.viMeaning).toMatch(/19\/7/);
        expect(keywordMeaning('TRƯỚC KHI'.normalize('NFD'), 'EventKeyword')?.twin).toBe('prior to');
    });

    test('every keyword of the grammar has a meaning, and every spelling the table explains is a keyword', () => {
        const keywords = AstUtils.streamAllContents(services.Grammar).filter(GrammarAST.isKeyword)
            .filter(k => /\p{L}/u.test(k.value)).toArray();
        const missing = keywords
            .map(k => ({ value: k.value, rule: AstUtils.getContainerOfType(k, GrammarAST.isParserRule)?.name }))
            .filter(k => !keywordMeaning(k.value, k.rule))
            .map(k => `${k.rule}: ${k.value}`);
        expect(missing).toEqual([]);
        const spellings = new Set(keywords.map(k => k.value.normalize('NFC').toLowerCase()));
        for (const kw of ['chủ trì', 'lead', 'phối hợp với', 'in support of', 'căn cứ', 'basis', 'chỉ tiêu', 'target', 'nhiệm vụ', 'task',
            'đề nghị', 'request', 'báo cáo', 'report', 'hạn', 'due', 'trước', 'before', 'định kỳ', 'hằng năm', 'hàng năm', 'suy ra', 'inferred']) {
            expect(spellings.has(kw), kw).toBe(true);
            const meaning = keywordMeaning(kw);
            expect(meaning, kw).toBeDefined();
            expect(meaning!.viMeaning.length).toBeGreaterThan(5);
            expect(meaning!.enMeaning.length).toBeGreaterThan(5);
        }
    });

    test('the keyword table names only spellings the grammar accepts', async () => {
        const { documentedKeywords } = await import('../../src/ide/keyword-docs.js');
        const keywords = new Set(AstUtils.streamAllContents(services.Grammar).filter(GrammarAST.isKeyword)
            .map(k => k.value.normalize('NFC').toLowerCase()).toArray());
        expect(documentedKeywords().filter(k => !keywords.has(k))).toEqual([]);
    });
});

describe('hover on the examples', () => {
    test('Cà Mau: a document reference shows its number-symbol and date; CA_TINH shows "Công an tỉnh"', async () => {
        const loaded = await load(examples('ca-mau/kh-qd634.plan'));
        const document = loaded.main;
        const decision = await hoverAt(document, positionOf(document, 'ban hành kèm theo QD_1073', 0, 'ban hành kèm theo '.length + 1));
        expect(decision).toContain('Số, ký hiệu / Number: 1073/QĐ-UBND');
        expect(decision).toContain('Ngày / Date: 16/6/2020 (Thứ Ba / Tuesday)');
        expect(decision).toContain('Chủ tịch Ủy ban nhân dân tỉnh Cà Mau (`CT_UBND`)');
        expect(decision).toContain('Ban hành kế hoạch / Issues: Kế hoạch (`KH_QD634`)');

        const police = await hoverAt(document, positionOf(document, 'qua CA_TINH', 0, 5));
        expect(police).toContain('**Công an tỉnh Cà Mau** `CA_TINH`');
        expect(police).toContain('"Công an tỉnh"');
        expect(police).toContain('Thuộc thẩm quyền của cơ quan ban hành');
        expect(police).toMatch(/Chủ trì \d+ nhiệm vụ/);

        // The plan has no date of its own: its date is the decision's.
        const plan = await hoverAt(document, positionOf(document, 'kế hoạch KH_QD634', 0, 'kế hoạch '.length + 1));
        expect(plan).toContain('Ngày / Date: 16/6/2020 (Thứ Ba / Tuesday) — ngày của Quyết định số 1073/QĐ-UBND');
        expect(plan).toContain('Thời gian thực hiện: không nêu / Period: not stated');

        // A number-symbol in the decision's prose.
        const cited = await hoverAt(document, positionOf(document, 'Quyết định số 634/QĐ-TTg ngày 13/5/2020 của Thủ tướng', 0, 'Quyết định số '.length + 1));
        expect(cited).toContain('Cited in the text: "634/QĐ-TTg"');
        expect(cited).toContain('Ngày / Date: 13/5/2020 (Thứ Tư / Wednesday)');

        // A yearly report of a plan without a period: no dates, and why.
        const report = await hoverAt(document, positionOf(document, 'BC_10_THANG', 0, 1));
        expect(report).toContain('kế hoạch không nêu thời gian thực hiện, nên không có ngày cụ thể / the plan states no period');
    });

    test('Đồng Nai: the yearly report to Bộ Công an falls due 24/11 of 2017–2020; "nay" is the plan\'s date', async () => {
        const loaded = await load(examples('dong-nai/kh-7488.plan'));
        const document = loaded.main;
        const report = await hoverAt(document, positionOf(document, 'báo cáo BC_NAM', 0, 'báo cáo '.length + 1));
        expect(report).toContain('Các ngày đến hạn / Due dates: 24/11/2017, 24/11/2018, 24/11/2019, 24/11/2020');
        const now = await hoverAt(document, positionOf(document, 'thời gian từ nay', 0, 'thời gian từ '.length + 1));
        expect(now).toContain('**nay** = 31/7/2017 (Thứ Hai / Monday)');
        // A registry: the body's part in the plans of the workspace, only where it has one.
        const registry = loaded.documents['dong-nai/co-quan.plan'];
        const police = await hoverAt(registry, positionOf(registry, 'cơ quan CA_TINH', 0, 'cơ quan '.length + 1));
        expect(police).toContain('Trong kế hoạch `KH_7488`');
        expect(police).not.toContain('KH_QD634');
    });

    test('hover answers at every token of every example plan without failing', async () => {
        for (const file of ['ca-mau/kh-qd634.plan', 'vinh-phuc/ke-hoach-ct39.plan', 'tinh-khuyet-danh/ke-hoach-de-an-4170.plan']) {
            const loaded = await load(examples(file));
            const document = loaded.main;
            const text = document.textDocument.getText();
            let answered = 0;
            for (let offset = 0; offset < text.length; offset += 37) {
                if (await hoverAt(document, document.textDocument.positionAt(offset))) {
                    answered++;
                }
            }
            expect(answered, file).toBeGreaterThan(10);
        }
    });
});

describe('hover never fails on partial input', () => {
    test('the fixture cut short at many places, hovered at many places', async () => {
        const full = workspace();
        const plan = full['plan.plan'].replace(/[⟦⟧]/g, '');
        for (let cut = 0; cut <= plan.length; cut += 29) {
            const loaded = await load({ ...full, 'plan.plan': plan.slice(0, cut) });
            const document = loaded.main;
            const length = document.textDocument.getText().length;
            for (let offset = 0; offset <= length; offset += 13) {
                await hoverAt(document, document.textDocument.positionAt(offset));
            }
        }
    });

    test('empty documents and half-typed declarations', async () => {
        for (const source of ['', 'cơ quan', 'cơ quan X', 'văn bản D quyết định số', 'kế hoạch K "x" { nhiệm vụ "a" { chủ trì } }',
            'kế hoạch K "x" { thời gian từ nay đến', 'kế hoạch K "x" { chỉ tiêu C "t" trên', 'nhóm G "g" gồm',
            'kế hoạch K "x" { báo cáo B "b" { trước ngày 31/2 hằng năm } }', 'kế hoạch K "x" { nhiệm vụ "a" { hạn quý V/2025 } }']) {
            const loaded = await load(source);
            const document = loaded.main;
            for (let offset = 0; offset <= source.length; offset++) {
                await hoverAt(document, document.textDocument.positionAt(offset));
            }
        }
        const invalid = await load('kế hoạch K "x" { ngày 31/2/2021 }');
        expect(await hoverAt(invalid.main, positionOf(invalid.main, '31/2/2021'))).toContain('không có ngày 31');
    });
});

describe('hover: authority as the registry states it', () => {
    test.each([['NFC', (t: string) => t.normalize('NFC')], ['NFD', (t: string) => t.normalize('NFD')]] as const)(
        '%s: a group with neither thuộc nor gồm is neither under nor outside the issuer\'s authority', async (_, form) => {
            const loaded = await load({
                'plan.plan': form(`kế hoạch KH "Kế hoạch" {
    của UBND_TINH
    nhiệm vụ NV1 "Các cơ quan liên quan" { chủ trì CQ_LQ }
    nhiệm vụ NV2 "Mặt trận" { chủ trì MTTQ  phối hợp CA_TINH }
}`),
                'registry.plan': form(`cơ quan UBND_TINH "Ủy ban nhân dân tỉnh"
cơ quan CA_TINH "Công an tỉnh" thuộc UBND_TINH
cơ quan MTTQ "Ủy ban Mặt trận Tổ quốc tỉnh" độc lập
nhóm CQ_LQ "Các cơ quan liên quan"`),
            });
            expectNoSyntaxErrors(loaded);
            const document = loaded.main;
            const unknown = (await hoverAt(document, positionOf(document, 'CQ_LQ')))?.normalize('NFC');
            expect(unknown).toContain('Không rõ có thuộc thẩm quyền của cơ quan ban hành (Ủy ban nhân dân tỉnh) hay không');
            expect(unknown).toContain('Whether it is under the issuer\'s authority is unknown');
            expect(unknown).not.toContain('Outside the issuer\'s authority');
            expect((await hoverAt(document, positionOf(document, 'MTTQ ')))?.normalize('NFC')).toContain('Outside the issuer\'s authority');
            expect((await hoverAt(document, positionOf(document, 'CA_TINH')))?.normalize('NFC')).toContain('Under the issuer\'s authority');
        });
});

describe('hover: leads each in their own remit', () => {
    test.each([['NFC', (t: string) => t.normalize('NFC')], ['NFD', (t: string) => t.normalize('NFD')]] as const)(
        '%s: the keyword `theo chức năng` and the tasks whose leads it qualifies, inherited too', async (_, form) => {
            const loaded = await load({
                'plan.plan': form(`kế hoạch KH "Kế hoạch" {
    của UBND_TINH
    nhiệm vụ NV1 "Sở Tư pháp, Công an tỉnh theo chức năng, nhiệm vụ tuyên truyền" {
        chủ trì STP, CA_TINH theo chức năng
        nhiệm vụ NV1_A "Tổ chức hội nghị"
    }
    nhiệm vụ NV2 "Sở Tư pháp, Công an tỉnh rà soát" { chủ trì STP, CA_TINH }
}`),
                'registry.plan': form(`cơ quan UBND_TINH "Ủy ban nhân dân tỉnh"
cơ quan CA_TINH "Công an tỉnh" thuộc UBND_TINH
cơ quan STP "Sở Tư pháp" thuộc UBND_TINH`),
            });
            expectNoSyntaxErrors(loaded);
            const document = loaded.main;
            const keyword = (await hoverAt(document, positionOf(document, form('CA_TINH theo'), 0, form('CA_TINH t').length)))?.normalize('NFC');
            expect(keyword).toContain('**theo chức năng** ↔ *each in own remit*');
            expect(keyword).toContain('Each body leads its own part, in its own remit');
            const remit = 'Each leads its own part, in its own remit, not one duty jointly';
            expect((await hoverAt(document, positionOf(document, 'NV1 ')))?.normalize('NFC')).toContain(remit);
            expect((await hoverAt(document, positionOf(document, 'NV1_A')))?.normalize('NFC')).toContain(remit);
            expect((await hoverAt(document, positionOf(document, 'NV2')))?.normalize('NFC')).not.toContain(remit);
        });
});
