import { describe, expect, test } from 'vitest';
import { expectFindings, expectSilent, findingsOf, load, NATIONAL, REGISTRY } from '../helpers.js';
import { relatedOf } from './related.js';

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

    test('points to the other declaration, in its own file, as related information', async () => {
        const loaded = await load({
            'extra.plan': `phạm vi VinhPhuc\ncơ quan CA_TINH "Công an tỉnh (lần hai)"\nkế hoạch KH "x" {\n    nhiệm vụ NV1 "a"\n    nhiệm vụ NV1 "b"\n}\n`,
            'registry.plan': REGISTRY,
        });
        const found = findingsOf(loaded, 'duplicate-id');
        expect(found.map(f => relatedOf(f))).toEqual([
            [{ file: 'registry.plan', line: 4, text: 'CA_TINH', message: "Khai báo khác của 'VinhPhuc.CA_TINH' / The other declaration of 'VinhPhuc.CA_TINH'" }],
            [{ file: 'extra.plan', line: 4, text: 'NV1', message: "Nơi mã 'NV1' được dùng lần đầu / Where 'NV1' is first used" }],
        ]);
        // And the registry's finding points back to the plan's declaration.
        const back = (loaded.documents['registry.plan'].diagnostics ?? []).filter(d => d.code === 'duplicate-id');
        expect(back.map(d => relatedOf(d))).toEqual([
            [{ file: 'extra.plan', line: 2, text: 'CA_TINH', message: "Khai báo khác của 'VinhPhuc.CA_TINH' / The other declaration of 'VinhPhuc.CA_TINH'" }],
        ]);
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
