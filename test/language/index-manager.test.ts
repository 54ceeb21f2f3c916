import { URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { PlanspecIndexManager } from '../../src/language/planspec-index-manager.js';
import { load, services } from '../helpers.js';

/** What the index manager remembers of changed and deleted files, by URI. */
function remembered(): { names: string[]; targets: string[] } {
    const index = services.shared.workspace.IndexManager as unknown as { previousNames: Map<string, unknown>; previousTargets: Map<string, unknown> };
    expect(index).toBeInstanceOf(PlanspecIndexManager);
    return { names: [...index.previousNames.keys()].sort(), targets: [...index.previousTargets.keys()].sort() };
}

describe('what a deleted file exported and referred to', () => {
    test('serves the update that deletes it, then is forgotten (a CLI run deletes workspace after workspace)', async () => {
        const loaded = await load({
            'registry.plan': 'phạm vi VinhPhuc\ncơ quan CA_TINH "Công an tỉnh"\ncơ quan STP "Sở Tư pháp"\n',
            'extra.plan': 'phạm vi VinhPhuc\ncơ quan CA_TINH "Công an tỉnh (lần hai)"\n',
            'plan.plan': 'phạm vi VinhPhuc\nkế hoạch KH "Kế hoạch" {\n    nhiệm vụ NV1 "Tuyên truyền" { chủ trì STP }\n}\n',
        });
        const registry = loaded.documents['registry.plan'];
        expect((registry.diagnostics ?? []).filter(d => d.code === 'duplicate-id')).toHaveLength(1);
        const deleted = ['file:///ws/extra.plan', 'file:///ws/plan.plan'];
        let during: ReturnType<typeof remembered> | undefined;
        const listening = services.shared.workspace.DocumentBuilder.onUpdate(() => {
            during ??= remembered();
        });
        try {
            await services.shared.workspace.DocumentBuilder.update([], deleted.map(u => URI.parse(u)));
        } finally {
            listening.dispose();
        }
        // Used: while the update decided what to check again, both files were remembered, and the
        // registry lost the duplicate that extra.plan made.
        expect(during).toEqual({ names: deleted, targets: ['file:///ws/plan.plan'] });
        expect((registry.diagnostics ?? []).filter(d => d.code === 'duplicate-id')).toEqual([]);
        // Then dropped: nothing of the two deleted files is kept.
        expect(remembered()).toEqual({ names: [], targets: [] });
    });
});
