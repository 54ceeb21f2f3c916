import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { collectFindings } from '../src/cli/findings.js';
import { loadWorkspace } from '../src/workspace/load.js';

/**
 * The five seeds written in the language: which rules fire on each file, and none as an error.
 * PRINT_FINDINGS=1 prints every finding (to see what a new rule finds in real plans).
 */
describe('examples', () => {
    test('checking examples/ gives no errors', async () => {
        const { requested } = await loadWorkspace(['examples']);
        const findings = collectFindings(requested, path.resolve('.'));
        if (process.env.PRINT_FINDINGS) {
            for (const f of findings) {
                console.log(`${f.file}:${f.line}:${f.column} ${f.severity} [${f.ruleId}] ${f.message}`);
            }
        }
        expect(findings.filter(f => f.severity === 'error')).toEqual([]);
    });
});
