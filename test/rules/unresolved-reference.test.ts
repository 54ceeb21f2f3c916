import { describe, expect, test } from 'vitest';
import { expectFindings, expectSilent, inPlan, load } from '../helpers.js';

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
