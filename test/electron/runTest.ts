/**
 * `npm run test:electron`: the scenarios of test/e2e/ in VS Code desktop, through
 * @vscode/test-electron. It downloads VS Code (the version in PLANSPEC_VSCODE_VERSION, else the
 * latest stable) into .vscode-test/, starts it on a copy of examples/ with this folder as the
 * extension under development (its dist/ bundle, so `npm run bundle` first) and runs
 * suite/index.ts's Mocha suite inside the extension host. Bundled to out/test-electron/ by
 * scripts/build-electron-tests.mjs; needs Microsoft's download servers, so it cannot run on the
 * CI machine here.
 */
import { runTests } from '@vscode/test-electron';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { addScenarioPlans } from '../e2e/plans.js';

// out/test-electron/runTest.cjs → the repository.
const ROOT = path.resolve(__dirname, '..', '..');

async function main(): Promise<void> {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'planspec-electron-'));
    const workspace = path.join(home, 'workspace');
    fs.cpSync(path.join(ROOT, 'examples'), workspace, { recursive: true });
    addScenarioPlans(workspace);
    try {
        await runTests({
            version: process.env.PLANSPEC_VSCODE_VERSION ?? 'stable',
            extensionDevelopmentPath: ROOT,
            extensionTestsPath: path.join(__dirname, 'suite', 'index.cjs'),
            // The folder to open first; no other extension may answer for .plan files.
            launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
        });
    } finally {
        fs.rmSync(home, { recursive: true, force: true });
    }
}

main().catch(error => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
});
