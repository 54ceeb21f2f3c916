import { describe, test } from 'vitest';
import { expectFindings, expectSilent, NATIONAL, REGISTRY } from '../helpers.js';

describe('duplicate-id', () => {
    test('fires on an id declared twice in one namespace, across files', async () => {
        await expectFindings('duplicate-id', {
            'extra.plan': `phạm vi VinhPhuc\ncơ quan ⟦CA_TINH⟧ "Công an tỉnh (lần hai)"\n`,
            'registry.plan': REGISTRY,
        }, /CA_TINH.*registry\.plan:4/);
    });

    test('fires on a task id used twice in one plan', async () => {
        await expectFindings('duplicate-id', {
            'plan.plan': `phạm vi VinhPhuc
kế hoạch KH "x" {
    nhiệm vụ NV1 "a" { chủ trì STP }
    phần "I" "b" { nhiệm vụ ⟦NV1⟧ "c" { chủ trì STP } }
}`,
            'registry.plan': REGISTRY,
        }, /NV1.*line 3/);
    });

    test('is silent for the same short id in two namespaces and for distinct ids', async () => {
        await expectSilent('duplicate-id', {
            'dong-nai.plan': `phạm vi DongNai\ncơ quan CA_TINH "Công an tỉnh Đồng Nai"\n`,
            'registry.plan': REGISTRY,
            'national.plan': NATIONAL,
        });
    });
});
