import * as net from 'node:net';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';

// What both real-VS-Code suites need to start code-server and drive it: the playwright e2e suite
// (test/e2e/workbench.ts) and the VS Code API suite run in its extension host (test/electron/codeServer.ts).
// No `import.meta` here: the latter is bundled to CommonJS.

/** code-server's entry point, as `npm run e2e:setup` installs it under the repository `root`. */
export function codeServerEntry(root: string): string {
    return path.join(root, '.e2e', 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

/** Debian's chromium (downloads of Playwright's browsers fail here), headless, with nothing that calls out. */
export function launchChromium(): Promise<Browser> {
    return chromium.launch({
        executablePath: process.env.PLANSPEC_E2E_CHROMIUM ?? '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
}

/** A TCP port free on 127.0.0.1 right now. */
export async function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const server = net.createServer();
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address() as net.AddressInfo;
            server.close(() => resolve(port));
        });
        server.on('error', reject);
    });
}
