import * as fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Range } from 'vscode-languageserver';
import { actionsFor, examplesWorkspace, expectCleanFix, findingsIn, nfd } from '../fix-helpers.js';
import { expectFindings, expectSilent, inPlan, load, REGISTRY } from '../helpers.js';

describe('unresolved-reference', () => {
    test('fires on the name of an undeclared agency, document, target and indicator', async () => {
        await expectFindings('unresolved-reference', inPlan(`
    phần "II" "Mục tiêu" {
        chỉ tiêu CT1 "Tỷ lệ" chỉ số ⟦KHONG_CO⟧ trên 90%
        nhiệm vụ NV1 "Rà soát" { chủ trì ⟦SO_KHONG_CO⟧  phục vụ ⟦CT_KHONG_CO⟧ }
    }`, 'của UBND_TINH  căn cứ ⟦VB_KHONG_CO⟧'), /KHONG_CO.*not declared/);
    });

    test('is silent when every name resolves, within the file, the namespace, nationally or qualified', async () => {
        await expectSilent('unresolved-reference', inPlan(`
    phần "III" "Nhiệm vụ" {
        nhiệm vụ NV1 "Rà soát" { chủ trì STP  phối hợp VinhPhuc.CA_TINH, VKSNDTC  phục vụ CT1 }
        chỉ tiêu CT1 "Tỷ lệ" trên 90%
    }`, 'của UBND_TINH  thực hiện CT_39'));
    });

    test('reports an unresolved reference as an error with the rule id as its code', async () => {
        const loaded = await load(inPlan('', 'của KHONG_CO'));
        const [finding] = loaded.diagnostics.filter(d => d.code === 'unresolved-reference');
        expect(finding.severity).toBe(1);
        expect(finding.codeDescription?.href).toMatch(/docs\/rules\/unresolved-reference\.md$/);
    });
});

describe('unresolved-reference quick fixes', () => {
    test('a typo of an id: change it to the closest declared id, in NFC and NFD text', async () => {
        for (const files of [inPlan(`    nhiệm vụ NV1 "Rà soát" { chủ trì CA_TNH }`), nfd(inPlan(`    nhiệm vụ NV1 "Rà soát" { chủ trì CA_TNH }`))]) {
            const applied = await expectCleanFix(files, { rule: 'unresolved-reference', title: /^Sửa thành CA_TINH \/ Change to CA_TINH$/ });
            expect(applied.files['plan.plan'].normalize('NFC')).toContain('{ chủ trì CA_TINH }');
            expect(applied.action.isPreferred).toBeUndefined();
        }
    });

    test('an id in another case or with diacritics, a target and a document: the closest of the right kind', async () => {
        const cases: Array<[string, string, string, string[]?]> = [
            ['nhiệm vụ NV1 "Rà soát" { chủ trì Ca_Tinh }', 'CA_TINH', 'chủ trì CA_TINH'],
            ['nhiệm vụ NV1 "Rà soát" { chủ trì CÁ_TỈNH }', 'CA_TINH', 'chủ trì CA_TINH'],
            ['nhiệm vụ NV1 "Rà soát" { chủ trì STPP }', 'STP', 'chủ trì STP'],
            ['chỉ tiêu CT1 "Tỷ lệ" trên 90%\n    nhiệm vụ NV1 "Rà soát" { chủ trì STP  phục vụ CT_1 }', 'CT1', 'phục vụ CT1', ['target-without-task']],
        ];
        for (const [members, id, expected, gone] of cases) {
            // Serving the target it meant, the task no longer leaves that target without a task.
            const applied = await expectCleanFix(inPlan(`    ${members}`), { rule: 'unresolved-reference', title: new RegExp(`^Sửa thành ${id} `), gone });
            expect(applied.files['plan.plan']).toContain(expected);
        }
        const document = await expectCleanFix(inPlan('', 'của UBND_TINH  thời gian từ 2018 đến 2020  căn cứ CT_3'), { rule: 'unresolved-reference', title: /^Sửa thành CT_39 / });
        expect(document.files['plan.plan']).toContain('căn cứ CT_39');
    });

    test('a qualified name is compared with qualified names', async () => {
        const applied = await expectCleanFix(inPlan(`    nhiệm vụ NV1 "Rà soát" { chủ trì STP  phối hợp VinhPhuc.CA_TNH }`), { rule: 'unresolved-reference', title: /^Sửa thành VinhPhuc\.CA_TINH / });
        expect(applied.files['plan.plan']).toContain('phối hợp VinhPhuc.CA_TINH }');
    });

    test('an id that spells out an official name: the body of that name ("SO_TU_PHAP" → STP)', async () => {
        const applied = await expectCleanFix(inPlan(`    nhiệm vụ NV1 "Rà soát" { chủ trì SO_TU_PHAP }`), { rule: 'unresolved-reference', title: /^Sửa thành STP / });
        expect(applied.files['plan.plan']).toContain('chủ trì STP }');
    });

    test('the message says the suggestion too, by id and by official name, in NFC and NFD text', async () => {
        for (const [lead, id] of [['CA_TNH', 'CA_TINH'], ['SO_TU_PHAP', 'STP']]) {
            for (const files of [inPlan(`    nhiệm vụ NV1 "Rà soát" { chủ trì ${lead} }`), nfd(inPlan(`    nhiệm vụ NV1 "Rà soát" { chủ trì ${lead} }`))]) {
                const loaded = await load(files);
                const [finding] = findingsIn(loaded, 'unresolved-reference');
                expect(String(finding.message).normalize('NFC')).toMatch(new RegExp(`^Không tìm thấy .*'${lead}'.*; có phải ${id} \\("[^"]+"\\)\\? / '${lead}' is not declared in the workspace; did you mean ${id} \\("[^"]+"\\)\\?$`));
            }
        }
        const far = await load(inPlan(`    nhiệm vụ NV1 "Rà soát" { chủ trì HOI_DONG_THI_DUA }`));
        expect(String(findingsIn(far, 'unresolved-reference')[0].message)).not.toMatch(/có phải|did you mean/);
    });

    test('no suggestion when two ids are equally close, or the closest is far', async () => {
        for (const lead of ['CA_TINX', 'HOI_DONG_THI_DUA']) {
            const loaded = await load({ ...inPlan(`    nhiệm vụ NV1 "Rà soát" { chủ trì ${lead} }`), 'more.plan': 'phạm vi VinhPhuc\ncơ quan CA_TINY "Cơ quan Y" thuộc UBND_TINH\n' });
            const actions = await actionsFor(loaded, findingsIn(loaded, 'unresolved-reference')[0]);
            expect(actions.map(a => a.title).filter(t => t.startsWith('Sửa thành'))).toEqual([]);
        }
    });

    test('an undeclared body: declared in the registry of the namespace, with placeholders for its name and its parent', async () => {
        const applied = await expectCleanFix(inPlan(`    nhiệm vụ NV1 "Rà soát" { chủ trì SO_MOI }`), {
            rule: 'unresolved-reference', title: /^Khai báo cơ quan SO_MOI trong registry\.plan .* \/ Declare agency SO_MOI in registry\.plan/,
            added: ['unfilled-placeholder', 'unfilled-placeholder', 'unfilled-placeholder'],
        });
        const registry = applied.files['registry.plan'];
        expect(registry).toBe(REGISTRY.replace(/\n$/, '\ncơ quan SO_MOI "[CẦN ĐIỀN: tên chính thức của cơ quan / TO FILL IN: official name of the body]" thuộc CẦN_ĐIỀN\n'));
        expect(applied.files['plan.plan']).toBe(applied.before.documents['plan.plan'].textDocument.getText());
        // The name and the parent in the registry; in the plan, the lead now names a body still to be completed.
        expect(applied.added.map(a => `${a.file} ${a.text}`).sort()).toEqual([
            'plan.plan SO_MOI',
            'registry.plan "[CẦN ĐIỀN: tên chính thức của cơ quan / TO FILL IN: official name of the body]"',
            'registry.plan CẦN_ĐIỀN',
        ]);
        expect(findingsIn(applied.after, 'unfilled-placeholder').map(d => d.message)).toEqual([
            'SO_MOI được khai báo với chỗ cần điền ở registry.plan:9: điền vào đó trước / SO_MOI is declared with a placeholder at registry.plan:9: fill it in first',
        ]);
        // The editor is asked to fill the name in where the placeholder now is.
        const { command } = applied.action;
        expect(command?.command).toBe('planspec.askOfficialName');
        const args = command?.arguments?.[0] as { uri: string; range: Range; id: string; declaration: string };
        expect(args).toMatchObject({ uri: 'file:///ws/registry.plan', id: 'SO_MOI', namespace: 'VinhPhuc', declaration: 'agency' });
        expect(applied.after.documents['registry.plan'].textDocument.getText(args.range)).toBe('"[CẦN ĐIỀN: tên chính thức của cơ quan / TO FILL IN: official name of the body]"');
    });

    test('an undeclared document: one declaration per kind its id names, in a registry of the namespace that declares documents', async () => {
        const files = {
            ...inPlan('', 'của UBND_TINH  thời gian từ 2018 đến 2020  căn cứ QD_123, VB_KHAC'),
            'van-ban.plan': 'phạm vi VinhPhuc\nvăn bản QD_1 quyết định số "1/QĐ-UBND" ngày 02/01/2018 của UBND_TINH\n',
        };
        const loaded = await load(files);
        const [qd, other] = findingsIn(loaded, 'unresolved-reference');
        expect((await actionsFor(loaded, qd)).map(a => a.title.split(' / ')[0])).toEqual([
            'Khai báo quyết định QD_123 trong van-ban.plan (trích yếu cần điền)',
            'Khai báo quy định QD_123 trong van-ban.plan (trích yếu cần điền)',
        ]);
        expect((await actionsFor(loaded, other)).length).toBe(8);
        const applied = await expectCleanFix(files, { rule: 'unresolved-reference', title: /^Khai báo quyết định QD_123/, added: ['unfilled-placeholder', 'unfilled-placeholder'] });
        expect(applied.files['van-ban.plan']).toContain('\nvăn bản QD_123 quyết định "[CẦN ĐIỀN: trích yếu của văn bản / TO FILL IN: title of the document]"\n');
        expect(applied.action.command?.arguments?.[0]).toMatchObject({ declaration: 'document', kind: 'decision' });
    });

    test('a qualified name is declared in the registry of its namespace; an English registry gets English keywords', async () => {
        const applied = await expectCleanFix({
            ...inPlan(`    nhiệm vụ NV1 "Rà soát" { chủ trì STP  phối hợp DongNai.SO_MOI }`),
            'dong-nai.plan': 'namespace DongNai\nagency UBND_DN "Ủy ban nhân dân tỉnh Đồng Nai"\n',
        }, { rule: 'unresolved-reference', title: /^Khai báo cơ quan SO_MOI trong dong-nai\.plan/, added: ['unfilled-placeholder', 'unfilled-placeholder', 'unfilled-placeholder'] });
        expect(applied.files['dong-nai.plan']).toBe('namespace DongNai\nagency UBND_DN "Ủy ban nhân dân tỉnh Đồng Nai"\nagency SO_MOI "[CẦN ĐIỀN: tên chính thức của cơ quan / TO FILL IN: official name of the body]" under CẦN_ĐIỀN\n');
    });

    test('no declaration without a registry of the namespace, or for a name declared as something else', async () => {
        for (const files of [
            { 'plan.plan': 'kế hoạch KH "x" { nhiệm vụ "a" { chủ trì SO_MOI } }' },
            inPlan(`    nhiệm vụ NV1 "Rà soát" { chủ trì CT_39 }`),
        ]) {
            const loaded = await load(files);
            expect(await actionsFor(loaded, findingsIn(loaded, 'unresolved-reference')[0])).toEqual([]);
        }
    });

    test('on the examples: a mistyped lead in the Vĩnh Phúc plan, then a new one declared in vinh-phuc/co-quan.plan', async () => {
        const files = examplesWorkspace('vinh-phuc/ke-hoach-ct39.plan', text => text.replace('chủ trì CA_TINH', 'chủ trì CA_TNH'));
        const typo = await expectCleanFix(files, { rule: 'unresolved-reference', title: /^Sửa thành CA_TINH / });
        expect(typo.files['vinh-phuc-ke-hoach-ct39.plan']).toBe(fs.readFileSync('examples/vinh-phuc/ke-hoach-ct39.plan', 'utf8'));
        const declared = await expectCleanFix(examplesWorkspace('vinh-phuc/ke-hoach-ct39.plan', text => text.replace('chủ trì CA_TINH', 'chủ trì BAN_MOI')), {
            rule: 'unresolved-reference', title: /^Khai báo cơ quan BAN_MOI trong vinh-phuc-co-quan\.plan/, added: ['unfilled-placeholder', 'unfilled-placeholder', 'unfilled-placeholder'],
        });
        expect(declared.files['vinh-phuc-co-quan.plan']).toMatch(/\ncơ quan BAN_MOI "\[CẦN ĐIỀN: [^"]*\]" thuộc CẦN_ĐIỀN\n/);
    });
});
