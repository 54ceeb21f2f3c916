import { afterEach, describe, expect, test, vi } from 'vitest';
import { findRule } from '../../src/linter/registry.js';
import { findingsOf, inPlan, load } from '../helpers.js';

describe('rule runner', () => {
    afterEach(() => {
        vi.restoreAllMocks();
    });

    test('a rule that throws is reported once and does not stop the other rules', async () => {
        const rule = findRule('missing-lead')!;
        vi.spyOn(rule, 'create').mockImplementation(() => ({
            Task() {
                throw new Error('boom');
            },
        }));
        vi.spyOn(console, 'error').mockImplementation(() => undefined);
        const loaded = await load(inPlan(`
    nhiệm vụ NV1 "a" { phối hợp STP }
    nhiệm vụ NV2 "b" { phối hợp STP }
    chỉ tiêu CT "Tỷ lệ" trên 120%`));
        const internal = findingsOf(loaded, 'missing-lead');
        expect(internal).toHaveLength(1);
        expect(internal[0].message).toMatch(/Internal error in rule missing-lead.*boom/);
        expect(internal[0].severity).toBe(1); // an error: the check must fail when findings are lost
        expect(findingsOf(loaded, 'rate-out-of-range')).toHaveLength(1);
    });

    test('a quick fix that fails costs the fix, not the finding', async () => {
        const rule = findRule('missing-lead')!;
        vi.spyOn(rule, 'create').mockImplementation(context => ({
            Task(task) {
                context.report({ node: task, message: 'no lead', fixes: () => { throw new Error('boom'); } });
            },
        }));
        const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        const loaded = await load(inPlan(`    nhiệm vụ NV1 "a" { phối hợp STP }`));
        const [finding] = findingsOf(loaded, 'missing-lead');
        expect(finding.message).toBe('no lead');
        expect(finding.data).toBeUndefined();
        expect(errors).toHaveBeenCalledWith(expect.stringMatching(/quick fix of rule missing-lead failed/), expect.any(Error));
    });
});
