// Writes snippets/planspec.json, the VS Code extension's snippets, from the templates completion
// offers (src/ide/completion-snippets.ts, through src/ide/snippets-json.ts). `npm run build` runs it
// after `tsc`; the file is not committed, and a test fails when it is stale.
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SNIPPETS } from '../out/ide/completion-snippets.js';
import { renderSnippetsJson } from '../out/ide/snippets-json.js';

const outFile = fileURLToPath(new URL('../snippets/planspec.json', import.meta.url));
const content = renderSnippetsJson(SNIPPETS);
fs.mkdirSync(fileURLToPath(new URL('../snippets', import.meta.url)), { recursive: true });
if (!fs.existsSync(outFile) || fs.readFileSync(outFile, 'utf8') !== content) {
    fs.writeFileSync(outFile, content);
}
