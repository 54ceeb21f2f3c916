// Bundles the VS Code extension with esbuild: dist/extension.cjs (the client, src/extension/main.ts)
// and dist/server.cjs (the language server, src/server/main.ts), CommonJS for Node 22, minified (but names),
// with source maps, everything from node_modules inside (only `vscode`, which VS Code provides, is
// left out). `npm run bundle`; `npm run package` runs it before vsce. `--outdir DIR` writes
// elsewhere than dist/ (the tests).
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** @type {import('esbuild').BuildOptions} */
const common = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    // ES modules first: the UMD builds some packages give as "main" (jsonc-parser) require their
    // own files at run time, which a bundle does not have.
    mainFields: ['module', 'main'],
    // Blanks and syntax minified, names kept as written: stack traces and error messages stay
    // readable. Not esbuild's keepNames, which wraps every function made at run time in a call that
    // sets its name: the server ran its rules and parser 20% slower than unbundled.
    minifyWhitespace: true,
    minifySyntax: true,
    minifyIdentifiers: false,
    sourcemap: 'linked',
    sourcesContent: false,
    legalComments: 'linked',
    // Modules that find installed files from their own URL (src/workspace/package-root.ts) get the
    // bundle's own file URL, which CommonJS does not have as import.meta.url.
    define: { 'import.meta.url': '__planspec_import_meta_url' },
    banner: { js: 'var __planspec_import_meta_url=require("url").pathToFileURL(__filename).href;' },
    logLevel: 'warning',
    metafile: true,
};

const at = process.argv.indexOf('--outdir');
const outdir = at > 0 ? path.resolve(process.argv[at + 1]) : path.join(root, 'dist');
fs.rmSync(outdir, { recursive: true, force: true });
const results = await Promise.all([
    esbuild.build({ ...common, entryPoints: ['src/extension/main.ts'], outfile: path.join(outdir, 'extension.cjs'), external: ['vscode'] }),
    esbuild.build({ ...common, entryPoints: ['src/server/main.ts'], outfile: path.join(outdir, 'server.cjs') }),
]);
for (const result of results) {
    for (const [file, output] of Object.entries(result.metafile.outputs)) {
        if (file.endsWith('.cjs')) {
            console.log(`${path.relative(process.cwd(), path.resolve(root, file))}  ${(output.bytes / 1024).toFixed(0)} KiB`);
        }
    }
}
