// Langium's floor for this pipeline, the baseline of `npm run bench`: a trivial grammar (any
// sequence of identifiers, strings, numbers and punctuation, comments and blanks hidden) built at
// run time with createServicesForGrammar, parsing and building every .plan file under the given
// folders. Prints JSON: files, bytes, tokens, readMs, parseMs, buildMs, totalMs.
//   node_modules/.bin/node scripts/bench-trivial.mjs bench/corpus/a
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import { createServicesForGrammar } from 'langium/grammar';

const GRAMMAR = String.raw`
grammar Trivial
entry Model: (tokens+=Token)*;
Token: value=(ID | STRING | NUMBER | PUNCT);
hidden terminal WS: /\s+/;
hidden terminal ML_COMMENT: /\/\*[\s\S]*?\*\//;
hidden terminal SL_COMMENT: /\/\/[^\n\r]*/;
terminal STRING: /"(?:\\.|[^"\\])*"/;
terminal NUMBER: /\d+(?:[.,\/\-]\d+)*/;
terminal ID: /[\p{L}_][\p{L}\p{M}\p{N}_]*/u;
terminal PUNCT: /[^\s\p{L}\p{N}"_]/u;
`;

const started = performance.now();
const services = await createServicesForGrammar({ grammar: GRAMMAR, languageMetaData: { languageId: 'trivial', fileExtensions: ['.plan'], caseInsensitive: false, mode: 'production' } });
const files = process.argv.slice(2).flatMap(dir => fs.readdirSync(dir, { recursive: true }).map(f => path.join(dir, String(f))).filter(f => f.endsWith('.plan'))).sort();
const t0 = performance.now();
const texts = files.map(f => fs.readFileSync(f, 'utf8'));
const t1 = performance.now();
const factory = services.shared.workspace.LangiumDocumentFactory;
const documents = services.shared.workspace.LangiumDocuments;
let tokens = 0;
let errors = 0;
const docs = texts.map((text, i) => {
    const document = factory.fromString(text, URI.file(path.resolve(files[i])));
    documents.addDocument(document);
    tokens += document.parseResult.value.tokens.length;
    errors += document.parseResult.lexerErrors.length + document.parseResult.parserErrors.length;
    return document;
});
const t2 = performance.now();
await services.shared.workspace.DocumentBuilder.build(docs, { validation: true });
const t3 = performance.now();
process.stdout.write(JSON.stringify({
    files: files.length, bytes: texts.reduce((n, t) => n + Buffer.byteLength(t), 0), tokens, errors,
    setupMs: t0 - started, readMs: t1 - t0, parseMs: t2 - t1, buildMs: t3 - t2, totalMs: t3 - started,
}) + '\n');
