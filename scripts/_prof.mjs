import { createPlanspecServices } from '/work/main/out/language/planspec-module.js';
import { EmptyFileSystem, URI } from 'langium';
const s = createPlanspecServices(EmptyFileSystem).Planspec;
for (const n of [40000, 80000, 160000]) {
const src = 'kế hoạch K "t" {\n' + '"a"\n'.repeat(n) + '}\n';
let t = Date.now();
const lx = s.parser.Lexer.tokenize(src);
console.log(n, 'lex', Date.now()-t, lx.tokens.length, (lx.hidden||[]).length); t = Date.now();
s.parser.LangiumParser.parse(src);
console.log(n, 'parse', Date.now()-t);
}
