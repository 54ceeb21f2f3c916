/**
 * `npm run test:electron:code-server`: the same Mocha suite as runTest.ts, run here, inside
 * code-server's extension host (the remote extension host of VS Code's server), since
 * @vscode/test-electron's VS Code download is unreachable on this machine. VS Code's web workbench
 * takes the extension development and tests paths from its URL (`payload`, as @vscode/test-web
 * passes them) and, when the tests end, calls `window.codeAutomationExit(code)`, which playwright
 * exposes. Needs `npm run e2e:setup` and `npm run bundle`; bundled to
 * out/test-electron/codeServer.cjs by scripts/build-electron-tests.mjs.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { codeServerEntry, freePort, launchChromium } from '../e2e/code-server.js';
import { addScenarioPlans } from '../e2e/plans.js';

// out/test-electron/codeServer.cjs → the repository.
const ROOT = path.resolve(__dirname, '..', '..');
const CODE_SERVER = codeServerEntry(ROOT);
const TIMEOUT_MS = 10 * 60_000;

async function main(): Promise<number> {
    if (!fs.existsSync(CODE_SERVER)) {
        throw new Error('code-server is not installed: run `npm run e2e:setup` first');
    }
    if (!fs.existsSync(path.join(ROOT, 'dist', 'extension.cjs'))) {
        throw new Error('dist/extension.cjs is missing: run `npm run bundle` first');
    }
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'planspec-electron-cs-'));
    const workspace = path.join(home, 'workspace');
    fs.cpSync(path.join(ROOT, 'examples'), workspace, { recursive: true });
    addScenarioPlans(workspace);
    const user = path.join(home, 'user');
    fs.mkdirSync(path.join(user, 'User'), { recursive: true });
    fs.writeFileSync(path.join(user, 'User', 'settings.json'), JSON.stringify({
        'security.workspace.trust.enabled': false,
        'workbench.startupEditor': 'none',
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
    }));
    const report = path.join(home, 'report.json');
    const port = await freePort();
    let log = '';
    const server: ChildProcess = spawn(process.execPath, [CODE_SERVER, '--user-data-dir', user, '--extensions-dir', path.join(home, 'extensions'),
        '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', workspace], {
        stdio: ['ignore', 'pipe', 'pipe'],
        // The remote extension host inherits the server's environment: suite/index.ts writes its report there.
        env: { ...process.env, PLANSPEC_ELECTRON_REPORT: report },
    });
    server.stdout!.on('data', (d: Buffer) => { log += d.toString(); });
    server.stderr!.on('data', (d: Buffer) => { log += d.toString(); });
    const browser = await launchChromium();
    try {
        const started = Date.now();
        while (!/HTTP server listening/.test(log)) {
            if (Date.now() - started > 60_000 || server.exitCode !== null) {
                throw new Error(`code-server did not start:\n${log}`);
            }
            await new Promise(resolve => setTimeout(resolve, 200));
        }
        const page = await browser.newPage();
        page.on('console', message => {
            if (process.env.PLANSPEC_ELECTRON_VERBOSE) console.log(`[workbench] ${message.text()}`);
        });
        const exited = new Promise<number>(resolve => {
            void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
        });
        const remote = (file: string) => `vscode-remote://127.0.0.1:${port}${file}`;
        const payload = [
            ['extensionDevelopmentPath', remote(ROOT)],
            ['extensionTestsPath', remote(path.join(__dirname, 'suite', 'index.cjs'))],
        ];
        await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
        let timer: ReturnType<typeof setTimeout> | undefined;
        const code = await Promise.race([exited, new Promise<number>((_, reject) => {
            timer = setTimeout(() => reject(new Error(`no end of the tests after ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS);
        })]).finally(() => clearTimeout(timer));
        if (!fs.existsSync(report)) {
            throw new Error(`the suite wrote no report (exit code ${code}); code-server's log:\n${log}`);
        }
        const { outcomes } = JSON.parse(fs.readFileSync(report, 'utf8')) as { outcomes: { title: string; state: string; error?: string }[] };
        for (const outcome of outcomes) {
            console.log(`${outcome.state === 'passed' ? '✔' : '✘'} ${outcome.title}${outcome.error ? `\n    ${outcome.error.replace(/\n/g, '\n    ')}` : ''}`);
        }
        console.log(`${outcomes.filter(o => o.state === 'passed').length} passed, ${outcomes.filter(o => o.state !== 'passed').length} failed; exit code ${code}`);
        return code;
    } finally {
        await browser.close();
        server.kill();
        fs.rmSync(home, { recursive: true, force: true });
    }
}

main().then(code => { process.exitCode = code; }, error => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
});
