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

    describe('no cascade: what the parser could not read is left to the syntax error', () => {
        const shown = (loaded: Awaited<ReturnType<typeof load>>) =>
            loaded.diagnostics.map(d => `${d.range.start.line + 1} ${d.code ?? 'syntax-error'}`)
                // Line 2: the test plan has no number or date, whatever the typo.
                .filter(s => s !== '2 plan-missing-number-or-date').sort();

        test('a misspelled "chủ trì" is one syntax error, not a missing lead; the same defect elsewhere is still found', async () => {
            const loaded = await load(inPlan(`
    nhiệm vụ NV1 "a" {
        chủ tri STP
        hạn 31/12/2019
    }
    nhiệm vụ NV2 "b" { phối hợp STP }
    chỉ tiêu CT "Tỷ lệ" trên 120%`));
            expect(shown(loaded)).toEqual(['10 rate-out-of-range', '10 target-without-task', '6 syntax-error', '9 missing-lead', '9 task-without-deadline']);
        });

        test('an unclosed string: one error at its quote, no duplicate id or unknown name read from the prose after it', async () => {
            const loaded = await load(inPlan(`
    nhiệm vụ NV1 "Rà soát văn bản { chủ trì STP }
    nhiệm vụ NV2 "Xây dựng NV1 và CT_1" { chủ trì CA_TINH }
    chỉ tiêu CT_1 "Tỷ lệ" trên 90%`));
            expect(shown(loaded)).toEqual(['5 syntax-error']);
            expect(loaded.diagnostics[0].message).toMatch(/^Chuỗi mở ở dòng 5 chưa được đóng/);
        });

        test('a reference to an id whose declaration the typo made unreadable is not reported as unresolved', async () => {
            const loaded = await load(inPlan(`
    nhiệm vụ NV1 "a" { chủ trì STP  hạn 31/12/2019  phục vụ CT_1 }
    chỉ tieu CT_1 "Tỷ lệ" trên 90%`));
            expect(shown(loaded).filter(s => s.endsWith('unresolved-reference'))).toEqual([]);
            expect(shown(loaded)).toEqual(['6 syntax-error']);
            expect(loaded.diagnostics.find(d => d.code === undefined)!.message).toMatch(/có phải "chỉ tiêu"\?/);
        });

        test('the rule that throws is still reported inside a damaged region', async () => {
            const rule = findRule('missing-lead')!;
            vi.spyOn(rule, 'create').mockImplementation(() => ({
                Task() {
                    throw new Error('boom');
                },
            }));
            vi.spyOn(console, 'error').mockImplementation(() => undefined);
            const loaded = await load(inPlan(`
    nhiệm vụ NV1 "a" { chủ tri STP }`));
            expect(findingsOf(loaded, 'missing-lead').map(d => d.message)).toEqual([expect.stringMatching(/Internal error in rule missing-lead/)]);
        });
    });
});
