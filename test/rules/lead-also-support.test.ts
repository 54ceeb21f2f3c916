import { describe, expect, test } from 'vitest';
import { expectCleanFix, nfd } from '../fix-helpers.js';
import { expectFindings, expectSilent, inPlan } from '../helpers.js';
import { relatedOf } from './related.js';

describe('lead-also-support', () => {
    test('fires at the support reference that repeats a lead of the same task', async () => {
        const found = await expectFindings('lead-also-support', inPlan(`
    nhiệm vụ NV1 "Rà soát văn bản" { chủ trì STP  phối hợp CA_TINH, ⟦STP⟧ }
    nhiệm vụ NV2 "Kiểm tra" { phối hợp ⟦SO_NGANH⟧  chủ trì SO_NGANH, CA_TINH }
    task T3 "Inspect" { lead STP  support ⟦VinhPhuc.STP⟧ }`), /đã là đơn vị chủ trì.*already leads/);
        expect(found[0].message).toMatch(/^'STP' đã là đơn vị chủ trì, /);
        // Related information: where the body is named as lead.
        expect([...found].sort((a, b) => a.range.start.line - b.range.start.line).map(relatedOf)).toEqual([
            [{ file: 'plan.plan', line: 5, text: 'STP', message: "'STP' chủ trì ở đây / 'STP' leads here" }],
            [{ file: 'plan.plan', line: 6, text: 'SO_NGANH', message: "'SO_NGANH' chủ trì ở đây / 'SO_NGANH' leads here" }],
            [{ file: 'plan.plan', line: 7, text: 'STP', message: "'STP' chủ trì ở đây / 'STP' leads here" }],
        ]);
    });

    test('fires when the lead is inherited from the enclosing task, and names that task', async () => {
        const found = await expectFindings('lead-also-support', inPlan(`
    nhiệm vụ NV1 "Công an tỉnh" {
        chủ trì CA_TINH
        nhiệm vụ NV1_1 "Phối hợp với các sở" { phối hợp SO_NGANH, ⟦CA_TINH⟧ }
        nhiệm vụ "Tầng sâu hơn" { nhiệm vụ "Con" { phối hợp ⟦CA_TINH⟧ } }
    }`));
        expect(found.map(d => d.message)).toEqual([
            expect.stringMatching(/'CA_TINH' đã là đơn vị chủ trì \(nhiệm vụ NV1\).*\(task NV1\)/),
            expect.stringMatching(/'CA_TINH' đã là đơn vị chủ trì \(nhiệm vụ NV1\)/),
        ]);
        // The inherited lead is where the enclosing task names it.
        for (const finding of found) {
            expect(relatedOf(finding)).toEqual([{ file: 'plan.plan', line: 6, text: 'CA_TINH', message: "'CA_TINH' chủ trì ở đây / 'CA_TINH' leads here" }]);
        }
    });

    test('is silent when lead and supports differ, when a sub-task names its own lead, and for a group holding the lead', async () => {
        await expectSilent('lead-also-support', inPlan(`
    nhiệm vụ NV1 "Rà soát" { chủ trì STP  phối hợp CA_TINH }
    nhiệm vụ NV2 "Cha" {
        chủ trì STP
        nhiệm vụ NV2_1 "Con có chủ trì riêng" { chủ trì CA_TINH  phối hợp STP }
    }
    nhiệm vụ NV3 "Phối hợp các sở, ngành" { chủ trì CA_TINH  phối hợp SO_NGANH }
    nhiệm vụ NV4 "Chưa có chủ trì" { phối hợp CA_TINH }
    đề nghị NV5 "Đề nghị Viện kiểm sát" { chủ trì VKS_TINH  phối hợp CA_TINH }`));
    });
});

describe('lead-also-support quick fix', () => {
    test.each([
        ['nhiệm vụ NV1 "Rà soát" { chủ trì STP  phối hợp CA_TINH, STP }', '{ chủ trì STP  phối hợp CA_TINH }'],
        ['nhiệm vụ NV1 "Rà soát" { chủ trì STP  phối hợp STP, CA_TINH }', '{ chủ trì STP  phối hợp CA_TINH }'],
        ['nhiệm vụ NV1 "Rà soát" {\n        chủ trì STP\n        phối hợp STP\n    }', '"Rà soát" {\n        chủ trì STP\n    }'],
        ['nhiệm vụ NV1 "Rà soát" { chủ trì STP  nhiệm vụ "Con" { phối hợp STP } }', 'nhiệm vụ "Con" { } }'],
    ])('%s', async (task, expected) => {
        for (const files of [inPlan(`    ${task}`), nfd(inPlan(`    ${task}`)) as Record<string, string>]) {
            const applied = await expectCleanFix(files, { rule: 'lead-also-support' });
            expect(applied.files['plan.plan'].normalize('NFC')).toContain(expected);
            expect(applied.action.isPreferred).toBe(true);
        }
    });
});
