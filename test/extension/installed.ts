import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * The extension as VS Code installs it, without node_modules: package.json, the bundles in dist/
 * (built by scripts/bundle.mjs into this folder), docs/rules/ and schemas/. A module the bundles
 * still required from node_modules would fail to load here.
 */
export function installExtension(): string {
    const folder = temporaryFolder('planspec-ext-');
    execFileSync(process.execPath, [path.resolve('scripts/bundle.mjs'), '--outdir', path.join(folder, 'dist')], { stdio: 'pipe' });
    fs.copyFileSync('package.json', path.join(folder, 'package.json'));
    fs.cpSync('docs/rules', path.join(folder, 'docs/rules'), { recursive: true });
    fs.cpSync('schemas', path.join(folder, 'schemas'), { recursive: true });
    return folder;
}

/** A copy of a folder of plans in a fresh temporary folder. */
export function copyWorkspace(from: string): string {
    const folder = temporaryFolder('planspec-ws-');
    fs.cpSync(from, folder, { recursive: true });
    return folder;
}

const created: string[] = [];

function temporaryFolder(prefix: string): string {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    created.push(folder);
    return folder;
}

/** Removes the folders made by installExtension and copyWorkspace (in a file's afterAll, which runs even when its tests are filtered out). */
export function removeTemporaryFolders(): void {
    for (const folder of created.splice(0)) {
        fs.rmSync(folder, { recursive: true, force: true });
    }
}
