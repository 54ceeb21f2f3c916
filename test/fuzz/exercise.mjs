// @ts-check
/**
 * One fuzz case, run in a worker thread (see fuzz.test.ts) so that a hang can be stopped: build a
 * workspace holding one mutated file, run every rule, compile its plans twice (the second time from
 * the files loaded in reverse order), and ask for completion, hover, formatting, symbols, folding,
 * semantic tokens (whole and a range), document links, workspace symbols, code lenses, inlay hints,
 * quick fixes and the preview's model at the given places; formatting must change only whitespace and be idempotent.
 * Returns what went wrong; an exception escapes to the worker, which reports it as a failure too.
 *
 * Plain JavaScript over the built `out/` because worker threads are not transformed by vitest.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import * as fs from 'node:fs';
import { EmptyFileSystem, TextDocument, URI } from 'langium';
import { clearDocuments } from 'langium/test';
import { compilePlan } from '../../out/compiler/compile.js';
import { allRulesSettings } from '../../out/config/config.js';
import { previewModel } from '../../out/ide/preview-model.js';
import { isPlan } from '../../out/language/generated/ast.js';
import { createPlanspecServices } from '../../out/language/planspec-module.js';

const services = createPlanspecServices(EmptyFileSystem).Planspec;
// Every rule on, whatever the presets say: the fuzz is about every rule.
services.config.ConfigProvider.useFixedSettings(allRulesSettings());
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats.default(ajv);
const validatePlanJson = ajv.compile(JSON.parse(fs.readFileSync(new URL('../../schemas/plan.schema.json', import.meta.url), 'utf8')));

/** Diagnostics that say planspec itself failed, not the plan. */
const INTERNAL = /internal error|error occurred/i;

/**
 * @param {{ files: Array<[string, string]>, target: string, offsets: number[] }} input
 *   the workspace (name, text), the name of the mutated file, and offsets for the editor requests
 * @returns {Promise<{ failures: string[], plans: number, diagnostics: number }>}
 */
export async function exercise(input) {
    /** @type {string[]} */
    const failures = [];
    const first = await build(input.files, input.target);
    for (const document of first.all) {
        for (const d of document.diagnostics ?? []) {
            const message = typeof d.message === 'string' ? d.message : d.message.value;
            if (INTERNAL.test(message)) {
                failures.push(`${document.uri.path}:${d.range.start.line + 1}: ${message}`);
            }
        }
    }
    const document = first.target;
    const compiled = compileAll(document, failures);
    if (compiled !== undefined) {
        const again = await build([...input.files].reverse(), input.target);
        const second = compileAll(again.target, failures);
        if (second !== compiled) {
            failures.push('compile is not deterministic: the same files loaded in another order compile differently');
        }
    }
    await editorRequests(document, input.offsets, failures);
    return { failures, plans: compiled === undefined ? 0 : JSON.parse(compiled).length, diagnostics: document.diagnostics?.length ?? 0 };
}

/**
 * @param {Array<[string, string]>} files
 * @param {string} target
 */
async function build(files, target) {
    await clearDocuments(services.shared);
    /** @type {import('langium').LangiumDocument[]} */
    const all = [];
    for (const [name, text] of files) {
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`file:///ws/${name}`));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        all.push(document);
    }
    await services.shared.workspace.DocumentBuilder.build(all, { validation: true });
    const found = all.find(d => d.uri.path === `/ws/${target}`);
    if (!found) throw new Error(`no file ${target} in the workspace`);
    return { all, target: found };
}

/**
 * The plans of a file that parsed, compiled as the CLI would with every check turned off (so also
 * over unresolved references), each checked against the published schema.
 * @param {import('langium').LangiumDocument} document
 * @param {string[]} failures
 */
function compileAll(document, failures) {
    const { parseResult } = document;
    if (parseResult.lexerErrors.length > 0 || parseResult.parserErrors.length > 0) {
        return undefined;
    }
    /** @type {any} */
    const model = parseResult.value;
    const plans = model.elements.filter(isPlan).map((/** @type {any} */ plan) => compilePlan(plan, '/ws', services));
    for (const json of plans) {
        if (!validatePlanJson(JSON.parse(JSON.stringify(json)))) {
            failures.push(`compiled plan ${json.id} does not match schemas/plan.schema.json: ${JSON.stringify(validatePlanJson.errors?.slice(0, 3))}`);
        }
    }
    return JSON.stringify(plans);
}

/**
 * @param {import('langium').LangiumDocument} document
 * @param {number[]} offsets
 * @param {string[]} failures
 */
async function editorRequests(document, offsets, failures) {
    const textDocument = { uri: document.uri.toString() };
    const lsp = services.lsp;
    const length = document.textDocument.getText().length;
    for (const offset of offsets) {
        const position = document.textDocument.positionAt(length === 0 ? 0 : offset % (length + 1));
        const params = { textDocument, position };
        const completion = await lsp.CompletionProvider?.getCompletion(document, params);
        if (completion && !Array.isArray(completion.items)) {
            failures.push(`completion at ${position.line + 1}:${position.character + 1} returned no item list`);
        }
        await lsp.HoverProvider?.getHoverContent(document, params);
        await lsp.DefinitionProvider?.getDefinition(document, params);
        await lsp.ReferencesProvider?.findReferences(document, { ...params, context: { includeDeclaration: true } });
    }
    await checkFormatting(document, offsets, failures);
    await lsp.DocumentSymbolProvider?.getSymbols(document, { textDocument });
    await lsp.FoldingRangeProvider?.getFoldingRanges(document, { textDocument });
    await lsp.SemanticTokenProvider?.semanticHighlight(document, { textDocument });
    const around = document.textDocument.positionAt(length === 0 ? 0 : (offsets[0] ?? 0) % (length + 1));
    await lsp.SemanticTokenProvider?.semanticHighlightRange(document, { textDocument, range: { start: { line: Math.max(0, around.line - 3), character: 0 }, end: { line: around.line + 3, character: 0 } } });
    await lsp.DocumentLinkProvider?.getDocumentLinks(document, { textDocument });
    for (const query of ['', 'cong an', document.textDocument.getText().slice(0, 12)]) {
        await services.shared.lsp.WorkspaceSymbolProvider?.getSymbols({ query });
    }
    await lsp.CodeLensProvider?.provideCodeLens(document, { textDocument });
    const end = document.textDocument.positionAt(length);
    await lsp.InlayHintProvider?.getInlayHints(document, { textDocument, range: { start: { line: 0, character: 0 }, end } });
    // Quick fixes of every finding: each edit of this document lies within it.
    const whole = { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(length) };
    const actions = await lsp.CodeActionProvider?.getCodeActions(document, { textDocument, range: whole, context: { diagnostics: document.diagnostics ?? [] } });
    for (const action of actions ?? []) {
        for (const edit of /** @type {any} */ (action).edit?.changes?.[textDocument.uri] ?? []) {
            const { start, end } = edit.range;
            if (document.textDocument.offsetAt(start) > document.textDocument.offsetAt(end) || end.line > whole.end.line) {
                failures.push(`quick fix "${/** @type {any} */ (action).title}" edits outside the document: ${JSON.stringify(edit.range)}`);
            }
        }
    }
    // The preview's model: every item it would reveal lies within the document.
    JSON.stringify(previewModel(services, document), (key, value) => {
        if (key === 'range' && value && (value.end.line > whole.end.line || value.start.line > value.end.line)) {
            failures.push(`preview range outside the document: ${JSON.stringify(value)}`);
        }
        return value;
    });
}

/** Text without any whitespace: what formatting must not change. */
const squeeze = (/** @type {string} */ text) => text.replace(/\s+/g, '');

/**
 * Formatting changes only whitespace and is idempotent (formatting its result again changes
 * nothing); range and on-type formatting at the given places change only whitespace too.
 * @param {import('langium').LangiumDocument} document
 * @param {number[]} offsets
 * @param {string[]} failures
 */
async function checkFormatting(document, offsets, failures) {
    const formatter = services.lsp.Formatter;
    if (!formatter) return;
    const textDocument = { uri: document.uri.toString() };
    const options = { tabSize: 4, insertSpaces: true };
    const text = document.textDocument.getText();
    /** @param {string} what @param {import('vscode-languageserver').TextEdit[]} edits */
    const whitespaceOnly = (what, edits) => {
        const result = TextDocument.applyEdits(document.textDocument, edits);
        if (squeeze(result) !== squeeze(text)) {
            failures.push(`${what} changed more than whitespace`);
        }
        return result;
    };
    const formatted = whitespaceOnly('formatting', await formatter.formatDocument(document, { textDocument, options }));
    if (formatted !== text) {
        const again = services.shared.workspace.LangiumDocumentFactory.fromString(formatted, URI.parse(document.uri.toString().replace(/(\.plan)?$/, '.formatted.plan')));
        const { parseResult } = again;
        if (parseResult.lexerErrors.length + parseResult.parserErrors.length > document.parseResult.lexerErrors.length + document.parseResult.parserErrors.length) {
            failures.push('formatting made syntax errors');
        }
        const edits = await formatter.formatDocument(again, { textDocument: { uri: again.uri.toString() }, options });
        if (edits.length > 0) {
            const first = edits[0].range.start;
            failures.push(`formatting is not idempotent: formatting its result again makes ${edits.length} edits, the first at ${first.line + 1}:${first.character + 1}`);
        }
    }
    const length = text.length;
    for (const offset of offsets.slice(0, 4)) {
        const position = document.textDocument.positionAt(length === 0 ? 0 : offset % (length + 1));
        const range = { start: position, end: { line: position.line + 3, character: 0 } };
        whitespaceOnly(`range formatting at ${position.line + 1}`, await formatter.formatDocumentRange(document, { textDocument, options, range }));
        for (const ch of ['}', '\n']) {
            whitespaceOnly(`formatting after ${JSON.stringify(ch)} at ${position.line + 1}:${position.character + 1}`,
                await formatter.formatDocumentOnType(document, { textDocument, options, ch, position }));
        }
    }
}
