// Writes syntaxes/planspec.tmLanguage.json, the TextMate grammar that colours .plan files before the
// language server starts, from the grammar and the lexer's keyword patterns (src/ide/textmate-grammar.ts).
// `npm run build` runs it after `tsc`; a test fails when the file is stale.
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PlanspecGrammar } from '../out/language/generated/grammar.js';
import { renderTextMateGrammar } from '../out/ide/textmate-grammar.js';

const outFile = fileURLToPath(new URL('../syntaxes/planspec.tmLanguage.json', import.meta.url));
const content = renderTextMateGrammar(PlanspecGrammar());
if (!fs.existsSync(outFile) || fs.readFileSync(outFile, 'utf8') !== content) {
    fs.writeFileSync(outFile, content);
}
