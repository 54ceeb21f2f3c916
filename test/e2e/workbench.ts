import type { ChildProcess } from 'node:child_process';
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { codeServerEntry, freePort, launchChromium } from './code-server.js';

/**
 * A real VS Code for the tests: code-server (VS Code 1.103 for the browser, installed into .e2e/ by
 * `npm run e2e:setup`) with the packaged extension installed from its .vsix, opened on a copy of a
 * folder and driven through Debian's chromium with playwright-core. Screenshots go to
 * test-results/e2e/ (git-ignored).
 */
export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const SCREENSHOTS = path.join(ROOT, 'test-results', 'e2e');
const CODE_SERVER = codeServerEntry(ROOT);

export function packagedExtension(): string {
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const vsix = path.join(ROOT, `planspec-${version}.vsix`);
    if (!fs.existsSync(vsix)) {
        throw new Error(`${path.relative(ROOT, vsix)} is missing: run \`npm run package\` first (npm run test:e2e does)`);
    }
    return vsix;
}

export class Workbench {
    readonly folder: string;
    private readonly home: string;
    private server: ChildProcess | undefined;
    private browser: Browser | undefined;
    private log = '';
    page!: Page;

    /** `source`: the folder to copy and open. */
    constructor(source: string, private readonly settings: Record<string, unknown> = {}) {
        if (!fs.existsSync(CODE_SERVER)) {
            throw new Error('code-server is not installed: run `npm run e2e:setup` first');
        }
        this.home = fs.mkdtempSync(path.join(os.tmpdir(), 'planspec-e2e-'));
        this.folder = path.join(this.home, 'workspace');
        fs.cpSync(source, this.folder, { recursive: true });
        fs.mkdirSync(SCREENSHOTS, { recursive: true });
    }

    async start(vsix: string): Promise<void> {
        const user = path.join(this.home, 'user');
        const extensions = path.join(this.home, 'extensions');
        fs.mkdirSync(path.join(user, 'User'), { recursive: true });
        fs.writeFileSync(path.join(user, 'User', 'settings.json'), JSON.stringify({
            'security.workspace.trust.enabled': false,
            'workbench.startupEditor': 'none',
            'workbench.tips.enabled': false,
            'telemetry.telemetryLevel': 'off',
            'update.mode': 'none',
            'extensions.autoCheckUpdates': false,
            'extensions.ignoreRecommendations': true,
            // The monospace fonts chromium falls back to here (Liberation Mono, DejaVu Sans Mono) lack
            // letters such as "ố" and "ế"; Noto Sans Mono (fonts-noto-mono, see e2e:setup) has them all.
            'editor.fontFamily': 'Noto Sans Mono',
            'editor.minimap.enabled': false,
            'workbench.colorTheme': 'Default Light Modern',
            'window.commandCenter': false,
            ...this.settings,
        }, null, 2));
        const base = ['--user-data-dir', user, '--extensions-dir', extensions];
        execFileSync(process.execPath, [CODE_SERVER, ...base, '--install-extension', vsix], { stdio: 'pipe' });
        const port = await freePort();
        this.server = spawn(process.execPath, [CODE_SERVER, ...base, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
            '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', this.folder], { stdio: ['ignore', 'pipe', 'pipe'] });
        this.server.stdout!.on('data', (d: Buffer) => { this.log += d.toString(); });
        this.server.stderr!.on('data', (d: Buffer) => { this.log += d.toString(); });
        await this.waitForLog(/HTTP server listening/, 60_000);
        this.browser = await launchChromium();
        this.page = await this.browser.newPage({ viewport: { width: 1440, height: 900 } });
        await this.page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(this.folder)}`);
        await this.page.waitForSelector('.monaco-workbench .part.editor', { timeout: 90_000 });
        await this.page.waitForSelector('.statusbar', { timeout: 90_000 });
    }

    private async waitForLog(pattern: RegExp, timeout: number): Promise<void> {
        const deadline = Date.now() + timeout;
        while (!pattern.test(this.log)) {
            if (Date.now() > deadline || this.server?.exitCode !== null) {
                throw new Error(`code-server did not start:\n${this.log}`);
            }
            await new Promise(resolve => setTimeout(resolve, 200));
        }
    }

    /** What code-server printed (extension host errors show there). */
    get serverLog(): string {
        return this.log;
    }

    /** Opens a file of the workspace by Quick Open and waits for its editor. */
    async open(relative: string): Promise<void> {
        await this.page.keyboard.press('Control+P');
        const input = this.page.locator('.quick-input-widget input');
        await input.waitFor({ state: 'visible' });
        await input.fill(relative);
        await this.page.locator('.quick-input-list .monaco-list-row').first().waitFor();
        await this.page.waitForTimeout(300);
        await this.page.keyboard.press('Enter');
        await this.page.locator(`.tab.active[data-resource-name="${path.basename(relative)}"]`).waitFor({ timeout: 30_000 });
        await this.page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
    }

    /** Puts the keyboard focus in the editor of the first group. */
    async focusEditor(): Promise<void> {
        await this.page.keyboard.press('Control+1');
        await this.page.waitForTimeout(200);
    }

    /** Runs a command from the command palette by its title. */
    async command(title: string): Promise<void> {
        await this.page.keyboard.press('Escape');
        await this.focusEditor();
        await this.page.keyboard.press('F1');
        const input = this.page.locator('.quick-input-widget input');
        await input.waitFor({ state: 'visible' });
        await input.fill(`>${title}`);
        const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
        await row.waitFor({ timeout: 15_000 });
        await row.click();
    }

    /** Moves the cursor to a line and column (1-based) with "Go to Line". */
    async goTo(line: number, column = 1): Promise<void> {
        await this.page.keyboard.press('Control+G');
        const input = this.page.locator('.quick-input-widget input');
        await input.waitFor({ state: 'visible' });
        // Go to Line is Quick Open with ":" (fill replaces the whole value, prefix included).
        await input.fill(`:${line}:${column}`);
        await this.page.keyboard.press('Enter');
        await this.page.waitForTimeout(200);
    }

    /** The frame of the webview whose document holds `selector` (webviews are nested iframes). */
    async webviewFrame(selector: string, timeout = 30_000): Promise<Frame> {
        const deadline = Date.now() + timeout;
        for (;;) {
            for (const frame of this.page.frames()) {
                if (await frame.locator(selector).count().catch(() => 0) > 0) {
                    return frame;
                }
            }
            if (Date.now() > deadline) {
                throw new Error(`no webview shows ${selector}`);
            }
            await this.page.waitForTimeout(250);
        }
    }

    async screenshot(name: string): Promise<string> {
        const file = path.join(SCREENSHOTS, `${name}.png`);
        await this.page.screenshot({ path: file });
        return file;
    }

    async stop(): Promise<void> {
        await this.browser?.close();
        this.server?.kill();
        fs.rmSync(this.home, { recursive: true, force: true });
    }
}
