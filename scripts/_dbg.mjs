import { createPlanspecServices } from '/work/main/out/language/planspec-module.js';
import { EmptyFileSystem, URI } from 'langium';
const s = createPlanspecServices(EmptyFileSystem).Planspec;
let i=0;
for (const src of process.argv.slice(2)) {
  const doc = s.shared.workspace.LangiumDocumentFactory.fromString(src, URI.parse(`file:///a${i++}.plan`));
  console.log(JSON.stringify(src), doc.parseResult.parserErrors.map(e=>e.message+' @'+e.token.image), doc.parseResult.lexerErrors.map(e=>e.message));
}
