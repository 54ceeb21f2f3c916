// Bundles the @vscode/test-electron suite (test/electron/) with esbuild into out/test-electron/:
// runTest.cjs and codeServer.cjs (run by Node) and suite/index.cjs plus one suite/*.electron.cjs per scenario file
// (loaded by VS Code's extension host, which requires CommonJS). Each scenario file is its own
// bundle because Mocha must define its globals (`suite`, `test`) before the file runs.
// Packages stay in node_modules; `vscode` is the extension host's.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = path.join(root, 'out', 'test-electron');
fs.rmSync(outdir, { recursive: true, force: true });

const suite = path.join(root, 'test', 'electron', 'suite');
const scenarios = fs.readdirSync(suite).filter(f => f.endsWith('.electron.ts')).map(f => path.join('test', 'electron', 'suite', f));

await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['test/electron/runTest.ts', 'test/electron/codeServer.ts', 'test/electron/suite/index.ts', ...scenarios],
    outbase: 'test/electron',
    outdir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    packages: 'external',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
});
console.log(`${path.relative(process.cwd(), outdir)}: runTest.cjs, suite/index.cjs, ${scenarios.length} scenario file(s)`);
