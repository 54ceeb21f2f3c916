import { describe, expect, test } from 'vitest';
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

describe('duplicate-id as files change', () => {
    test('removing one of two duplicates clears the finding in the other file', async () => {
        const { load, services } = await import('../helpers.js');
        const { URI } = await import('langium');
        const loaded = await load({
            'registry.plan': 'phạm vi VinhPhuc\ncơ quan CA_TINH "Công an tỉnh"\ncơ quan STP "Sở Tư pháp"\n',
            'extra.plan': 'phạm vi VinhPhuc\ncơ quan CA_TINH "Công an tỉnh (lần hai)"\n',
        });
        expect(loaded.diagnostics.filter(d => d.code === 'duplicate-id')).toHaveLength(1);
        await services.shared.workspace.DocumentBuilder.update([], [URI.parse('file:///ws/extra.plan')]);
        const registry = loaded.documents['registry.plan'];
        expect((registry.diagnostics ?? []).filter(d => d.code === 'duplicate-id')).toEqual([]);
    });
});
