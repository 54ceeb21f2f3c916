/**
 * The extension-tests entry VS Code loads (`--extensionTestsPath`): runs every `*.electron.cjs`
 * beside it with Mocha (TDD interface) in the extension host and fails when a test fails. With
 * PLANSPEC_ELECTRON_REPORT set it also writes each test's outcome there as JSON, for hosts whose
 * console output is hard to reach (code-server's remote extension host).
 */
import Mocha from 'mocha';
import * as fs from 'node:fs';
import * as path from 'node:path';

interface Outcome {
    title: string;
    state: 'passed' | 'failed';
    error?: string;
}

export async function run(): Promise<void> {
    const mocha = new Mocha({ ui: 'tdd', color: true, timeout: 120_000 });
    for (const file of fs.readdirSync(__dirname).filter(f => f.endsWith('.electron.cjs')).sort()) {
        mocha.addFile(path.join(__dirname, file));
    }
    const outcomes: Outcome[] = [];
    const failures = await new Promise<number>(resolve => {
        const runner = mocha.run(resolve);
        runner.on('pass', test => outcomes.push({ title: test.fullTitle(), state: 'passed' }));
        runner.on('fail', (test, error: unknown) => outcomes.push({
            title: test.fullTitle(), state: 'failed', error: error instanceof Error ? error.stack ?? error.message : String(error),
        }));
    });
    const report = process.env.PLANSPEC_ELECTRON_REPORT;
    if (report) {
        fs.writeFileSync(report, JSON.stringify({ failures, outcomes }, null, 2));
    }
    if (failures > 0) {
        throw new Error(`${failures} kịch bản thất bại / scenario(s) failed`);
    }
}
