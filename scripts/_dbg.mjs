import { createPlanspecServices } from '/work/main/out/language/planspec-module.js';
import { EmptyFileSystem, URI } from 'langium';
const s = createPlanspecServices(EmptyFileSystem).Planspec;
const cases = {
  deep10k: 'kế hoạch K "t" {\n' + 'phần "1" "h" {\n'.repeat(10000) + '}\n'.repeat(10000) + '}\n',
  deepTasks: 'kế hoạch K "t" { của A\n' + 'nhiệm vụ "x" { chủ trì A\n'.repeat(10000) + '}\n'.repeat(10000) + '}\ncơ quan A "A"\n',
  unclosed: 'kế hoạch K "t" {\n' + 'phần "1" "h" {\n'.repeat(130),
  junk: 'kế hoạch K "t" {\n' + '@ # $\n'.repeat(100000) + '}\n',
  commas: 'kế hoạch K "t" {\n nơi nhận ' + '"a", '.repeat(130000) + '"b"\n}\n',
  groupChain: 'cơ quan UB "UB"\n' + Array.from({length: 3000}, (_, i) => `nhóm G${i} "g" gồm ${i ? 'G'+(i-1) : 'X'}`).join('\n') + '\ncơ quan X "x" độc lập\nkế hoạch K "t" { của UB nhiệm vụ "a" { chủ trì G2999 } }\n',
};
for (const [k, src] of Object.entries(cases)) {
  const t = Date.now();
  try {
    const doc = s.shared.workspace.LangiumDocumentFactory.fromString(src, URI.parse(`file:///${k}.plan`));
    s.shared.workspace.LangiumDocuments.addDocument(doc);
    await s.shared.workspace.DocumentBuilder.build([doc], { validation: true });
    const d = doc.diagnostics||[];
    console.log(k, 'ok', doc.parseResult.parserErrors.length, doc.parseResult.lexerErrors.length, d.length, Date.now()-t, 'ms', d.filter(x=>/internal|Internal|sâu|deeper|more/.test(x.message)).map(x=>x.message.slice(0,90)+' @'+x.range.start.line));
  } catch (e) { console.log(k, 'FAIL', e.message, Date.now()-t); }
}
