import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { installExtension, removeTemporaryFolders } from './installed.js';

/**
 * The extension as VS Code loads it (the client bundle activated against a stand-in for the
 * `vscode` module) and as `npm run package` packs it (vsce, on the bundles of dist/).
 */
const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const contributed: string[] = pkg.contributes.commands.map((c: { command: string }) => c.command);
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'planspec-package-'));
afterAll(() => {
    fs.rmSync(temp, { recursive: true, force: true });
    removeTemporaryFolders();
});

/**
 * A `vscode` module where every API of @types/vscode answers with a stand-in (a callable, constructible
 * proxy), registerCommand records its ids, and `version` is the engine's.
 */
function fakeVscode(): string {
    const names = [...fs.readFileSync('node_modules/@types/vscode/index.d.ts', 'utf8')
        .matchAll(/^\texport (?:declare )?(?:class|namespace|enum|const|function|let) (\w+)/gm)].map(m => m[1]);
    return `
const registered = [];
function standIn(name) {
    return new Proxy(function () {}, {
        get(_t, key) {
            if (key === 'then') return undefined;
            if (key === Symbol.toPrimitive) return () => name;
            if (key === Symbol.iterator) return function* () {};
            return standIn(name + '.' + String(key));
        },
        apply() { return standIn(name + '()'); },
        construct() { return standIn('new ' + name); },
    });
}
const api = {};
for (const name of ${JSON.stringify([...new Set(names)])}) api[name] = standIn(name);
api.version = '1.101.0';
api.commands = new Proxy({}, { get: (_t, key) => key === 'registerCommand' ? id => { registered.push(id); return { dispose() {} }; } : standIn('commands.' + String(key)) });
api.__registered = registered;
module.exports = api;
`;
}

describe('activation', () => {
    test('activate() registers every contributed command but the preview ones (the preview registers those)', () => {
        const extension = installExtension();
        fs.mkdirSync(path.join(extension, 'node_modules/vscode'), { recursive: true });
        fs.writeFileSync(path.join(extension, 'node_modules/vscode/index.js'), fakeVscode());
        const script = `
const path = require('path');
const extension = require(${JSON.stringify(path.join(extension, 'dist/extension.cjs'))});
const context = { subscriptions: [], asAbsolutePath: p => path.join(${JSON.stringify(extension)}, 'not-started', p), extensionUri: {} };
extension.activate(context);
const vscode = require(${JSON.stringify(path.join(extension, 'node_modules/vscode'))});
process.stdout.write(JSON.stringify({ registered: vscode.__registered, deactivate: typeof extension.deactivate, subscriptions: context.subscriptions.length }));
process.exit(0);
`;
        const output = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: extension, encoding: 'utf8' }));
        expect(output.deactivate).toBe('function');
        expect(output.subscriptions).toBeGreaterThan(5);
        const registered = output.registered as string[];
        expect(new Set(registered).size).toBe(registered.length);
        expect(registered.filter(id => !contributed.includes(id))).toEqual([]);
        expect(contributed.filter(id => !id.startsWith('planspec.openPreview') && !registered.includes(id))).toEqual([]);
    });
});

/** The names of the files in a zip archive, from its central directory. */
function zipEntries(file: string): string[] {
    const zip = fs.readFileSync(file);
    const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const count = zip.readUInt16LE(end + 10);
    let at = zip.readUInt32LE(end + 16);
    const names: string[] = [];
    for (let i = 0; i < count; i++) {
        const nameLength = zip.readUInt16LE(at + 28);
        const extra = zip.readUInt16LE(at + 30);
        const comment = zip.readUInt16LE(at + 32);
        names.push(zip.subarray(at + 46, at + 46 + nameLength).toString('utf8'));
        at += 46 + nameLength + extra + comment;
    }
    return names.sort();
}

describe('npm run package', () => {
    test('vsce packs the bundles, grammar, snippets, schemas, rule docs, icon and texts, and nothing else', () => {
        // `npm run package` is build + bundle + this vsce command; `npm test` has built already.
        const vsceArgs = (pkg.scripts.package as string).split('vsce package')[1].trim().split(/\s+/);
        execFileSync(process.execPath, ['scripts/bundle.mjs'], { stdio: 'pipe' });
        const vsix = path.join(temp, `planspec-${pkg.version}.vsix`);
        execFileSync(process.execPath, ['node_modules/@vscode/vsce/vsce', 'package', ...vsceArgs, '--out', vsix], { stdio: 'pipe' });
        const entries = zipEntries(vsix);
        const rules = fs.readdirSync('docs/rules').map(f => `extension/docs/rules/${f}`);
        const images = fs.existsSync('docs/images') ? fs.readdirSync('docs/images').filter(f => f.endsWith('.png')).map(f => `extension/docs/images/${f}`) : [];
        expect(entries).toEqual([
            '[Content_Types].xml', 'extension.vsixmanifest',
            'extension/LICENSE.txt', 'extension/changelog.md', 'extension/readme.md',
            'extension/package.json', 'extension/package.nls.json', 'extension/package.nls.vi.json',
            'extension/dist/extension.cjs', 'extension/dist/extension.cjs.map', 'extension/dist/server.cjs', 'extension/dist/server.cjs.map',
            'extension/syntaxes/planspec.tmLanguage.json', 'extension/snippets/planspec.json', 'extension/language-configuration.json',
            'extension/schemas/plan.schema.json', 'extension/schemas/planspec.config.schema.json',
            'extension/images/icon.png', ...rules, ...images,
        ].sort());
        const size = fs.statSync(vsix).size;
        expect(size).toBeLessThan(3 * 1024 * 1024);
        console.log(`planspec-${pkg.version}.vsix: ${(size / 1024).toFixed(0)} KiB, ${entries.length} files`);
    }, 60_000);
});

describe('npm pack', () => {
    test('the npm package still holds the CLI and server (bin/, out/), schemas, grammar and rule docs, and not the extension\'s files', () => {
        const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
        const [packed] = JSON.parse(execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as Array<{ files: Array<{ path: string }> }>;
        const files = packed.files.map(f => f.path);
        const folders = [...new Set(files.filter(f => f.includes('/')).map(f => f.split('/')[0]))].sort();
        expect(folders).toEqual(['bin', 'docs', 'out', 'schemas', 'syntaxes']);
        expect(files.filter(f => !f.includes('/')).sort()).toEqual(['CHANGELOG.md', 'LICENSE', 'README.md', 'package.json']);
        expect(files).toEqual(expect.arrayContaining([
            'package.json', 'bin/planspec.js', 'bin/planspec-language-server.js', 'out/cli/bin.js', 'out/server/main.js',
            'schemas/plan.schema.json', 'syntaxes/planspec.tmLanguage.json', 'docs/rules/missing-lead.md',
        ]));
        expect(files.filter(f => f.startsWith('docs/') && !f.startsWith('docs/rules/'))).toEqual([]);
    });
});
