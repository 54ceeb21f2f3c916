import { describe, expect, test } from 'vitest';
import type { Task } from '../../src/language/generated/ast.js';
import { isPlan } from '../../src/language/generated/ast.js';
import { AstUtils } from 'langium';
import { isTask } from '../../src/language/generated/ast.js';
import { load } from '../helpers.js';

function tasksOf(loaded: Awaited<ReturnType<typeof load>>): Task[] {
    return AstUtils.streamAllContents(loaded.model.elements.find(isPlan)!).filter(isTask).toArray();
}

const TWO_PROVINCES = {
    'vinh-phuc.plan': `phạm vi VinhPhuc\ncơ quan CA_TINH "Công an tỉnh Vĩnh Phúc"\ncơ quan UBND_TINH "UBND tỉnh Vĩnh Phúc"`,
    'dong-nai.plan': `phạm vi DongNai\ncơ quan CA_TINH "Công an tỉnh Đồng Nai"`,
    'national.plan': `cơ quan BCA "Bộ Công an"`,
};

describe('workspace references', () => {
    test('a short name resolves in the plan\'s own namespace; another province needs its qualified name', async () => {
        const loaded = await load({
            'plan.plan': `phạm vi VinhPhuc
kế hoạch KH "x" {
    của UBND_TINH
    nhiệm vụ A "a" { chủ trì CA_TINH  phối hợp DongNai.CA_TINH, BCA }
}`,
            ...TWO_PROVINCES,
        });
        expect(loaded.diagnostics.filter(d => d.severity === 1)).toEqual([]);
        const [task] = tasksOf(loaded);
        expect(task.leads[0].ref?.officialName).toBe('Công an tỉnh Vĩnh Phúc');
        expect(task.supports.map(s => s.ref?.officialName)).toEqual(['Công an tỉnh Đồng Nai', 'Bộ Công an']);
    });

    test('a plan without a namespace sees national names only, and province names qualified', async () => {
        const loaded = await load({
            'plan.plan': `kế hoạch KH "x" {
    nhiệm vụ A "a" { chủ trì BCA  phối hợp VinhPhuc.CA_TINH, CA_TINH }
}`,
            ...TWO_PROVINCES,
        });
        const unresolved = loaded.diagnostics.filter(d => d.code === 'unresolved-reference');
        expect(unresolved.map(d => d.message)).toEqual([expect.stringContaining("'CA_TINH'")]);
    });

    test('ids compare after NFC normalization: a decomposed reference finds a composed declaration and back', async () => {
        const composed = 'SỞ_TƯ_PHÁP';
        const decomposed = composed.normalize('NFD');
        expect(decomposed).not.toBe(composed);
        for (const [declared, referenced] of [[composed, decomposed], [decomposed, composed]]) {
            const loaded = await load({
                'plan.plan': `kế hoạch KH "x" { nhiệm vụ A "a" { chủ trì ${referenced} } }`,
                'registry.plan': `cơ quan ${declared} "Sở Tư pháp"`,
            });
            expect(loaded.diagnostics.filter(d => d.severity === 1)).toEqual([]);
            expect(tasksOf(loaded)[0].leads[0].ref?.name).toBe(composed);
        }
    });

    test('tasks, targets, reports resolve anywhere in their plan, not in another plan', async () => {
        const loaded = await load({
            'plan.plan': `cơ quan A "A"
kế hoạch KH1 "x" {
    phần "III" "Nhiệm vụ" { nhiệm vụ T "t" { chủ trì A  phục vụ CT1 } }
    phần "II" "Chỉ tiêu" { chỉ tiêu CT1 "y" trên 90% }
}
kế hoạch KH2 "z" {
    nhiệm vụ U "u" { chủ trì A  phục vụ CT1 }
}`,
        });
        const unresolved = loaded.diagnostics.filter(d => d.code === 'unresolved-reference');
        expect(unresolved.map(d => d.range.start.line)).toEqual([6]);
    });
});
