import { describe, expect, test } from 'vitest';
import { inferredReason } from '../../src/semantics/provenance.js';
import { expectFindings, expectSilent, inPlan, load } from '../helpers.js';
import { isPlan } from '../../src/language/generated/ast.js';

describe('misplaced-inference', () => {
    test('fires on a mark before any clause, and on a second mark of one clause', async () => {
        await expectFindings('misplaced-inference', {
            'plan.plan': `phạm vi VinhPhuc
kế hoạch KH "Kế hoạch thử" {
    ⟦suy ra "không rõ"⟧
    của UBND_TINH  thời gian từ 2018 đến 2020 suy ra "theo nhiệm kỳ" ⟦suy ra "lần nữa"⟧
    nhiệm vụ NV "Rà soát" { ⟦inferred "?"⟧ chủ trì STP }
}`,
            'registry.plan': `phạm vi VinhPhuc
cơ quan UBND_TINH "UBND tỉnh"
cơ quan STP "Sở Tư pháp" thuộc UBND_TINH`,
        }, /suy ra.*inferred/);
    });

    test('is silent when each mark follows the clause it marks, and the mark belongs to that clause', async () => {
        const files = inPlan(`
    nhiệm vụ NV "Rà soát" { chủ trì STP suy ra "câu không có chủ ngữ"  hạn năm 2019 }`, 'của UBND_TINH  thời gian từ 2018 đến 2020 suy ra "theo nhiệm kỳ"');
        await expectSilent('misplaced-inference', files);
        const loaded = await load(files);
        const plan = loaded.model.elements.find(isPlan)!;
        expect(inferredReason(plan, 'period')).toBe('theo nhiệm kỳ');
        expect(inferredReason(plan, 'issuer')).toBeUndefined();
        const task = plan.members.find(m => m.$type === 'Task')!;
        expect(inferredReason(task, 'leads')).toBe('câu không có chủ ngữ');
    });
});
