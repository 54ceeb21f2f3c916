// `npm run bench`: editor latency as a drafter feels it, measured through the real language server
// over stdio on the examples, against stated budgets. Exit status 1 when a budget is exceeded.
//
//   completion   median of requests just after each clause keyword (chủ trì, phối hợp, căn cứ …) of the Cà Mau plan (the list a drafter opens)
//   completion-anywhere  median of requests in the middle of every identifier of that plan
//   hover        median of requests on every identifier of the Cà Mau plan
//   re-check     median time from a one-character edit to its new diagnostics
//
// BENCH_ROUNDS (default 3) repeats each measurement; the first, cold round is reported apart.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXAMPLES = path.join(ROOT, 'examples');
const PLAN = path.join(EXAMPLES, 'ca-mau', 'kh-qd634.plan');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** Budgets in milliseconds, for the median of the warm rounds. */
const BUDGETS = { completion: 50, 'completion-anywhere': 50, hover: 50, recheck: 300 };

const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'planspec-language-server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
const published = new Map();
const waiting = [];
connection.onNotification('textDocument/publishDiagnostics', params => {
    published.set(params.uri, (published.get(params.uri) ?? 0) + 1);
    waiting.splice(0).forEach(resolve => resolve());
});
connection.onRequest('client/registerCapability', () => null);
connection.onRequest('workspace/configuration', params => params.items.map(() => null));
connection.listen();

async function until(predicate, what, timeout = 120_000) {
    const deadline = Date.now() + timeout;
    while (!predicate()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise(resolve => { waiting.push(resolve); setTimeout(resolve, 100); });
    }
}

const uri = pathToFileURL(PLAN).href;
let text = fs.readFileSync(PLAN, 'utf8');
let version = 1;

await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(EXAMPLES).href,
    workspaceFolders: [{ uri: pathToFileURL(EXAMPLES).href, name: 'examples' }],
    capabilities: { textDocument: { completion: { completionItem: { snippetSupport: true } }, hover: { contentFormat: ['markdown', 'plaintext'] } } },
});
await connection.sendNotification('initialized', {});
const startedAt = performance.now();
await until(() => published.has(uri), 'the first diagnostics of the Cà Mau plan');
const firstDiagnostics = performance.now() - startedAt;
await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'planspec', version, text } });
await until(() => published.get(uri) >= 2, 'diagnostics after opening');

/** Positions: just after each clause keyword (completion) and at the middle of each identifier (hover). */
function positionAt(offset) {
    const before = text.slice(0, offset).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
}
// Clause keywords start a line or follow two blanks (the house style); inside prose they are words.
const afterLead = [...text.matchAll(/(?:^[ \t]*|  )(?:chủ trì|phối hợp|căn cứ|thực hiện|ban hành kèm theo|của|gửi) /gm)].map(m => positionAt(m.index + m[0].length));
const identifiers = [...text.matchAll(/\b[A-Z][A-Z0-9_]{2,}\b/g)].map(m => positionAt(m.index + Math.floor(m[0].length / 2)));

async function timed(request, params) {
    const start = performance.now();
    await connection.sendRequest(request, params);
    return performance.now() - start;
}

function stats(samples) {
    const sorted = [...samples].sort((a, b) => a - b);
    const at = q => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    return { n: sorted.length, median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
}

async function measure(name, run) {
    const rounds = [];
    for (let round = 0; round < ROUNDS; round++) {
        rounds.push(await run());
    }
    const cold = stats(rounds[0]);
    const warm = stats(rounds.slice(1).flat().length > 0 ? rounds.slice(1).flat() : rounds[0]);
    return { name, cold, warm };
}

const results = [];
results.push(await measure('completion', async () => {
    const samples = [];
    for (const position of afterLead) {
        samples.push(await timed('textDocument/completion', { textDocument: { uri }, position, context: { triggerKind: 2, triggerCharacter: ' ' } }));
    }
    return samples;
}));
results.push(await measure('completion-anywhere', async () => {
    const samples = [];
    for (const position of identifiers) {
        samples.push(await timed('textDocument/completion', { textDocument: { uri }, position, context: { triggerKind: 1 } }));
    }
    return samples;
}));
results.push(await measure('hover', async () => {
    const samples = [];
    for (const position of identifiers) {
        samples.push(await timed('textDocument/hover', { textDocument: { uri }, position }));
    }
    return samples;
}));
results.push(await measure('recheck', async () => {
    const samples = [];
    for (let i = 0; i < 10; i++) {
        // Type a character at the end of a comment line and take it back, alternately.
        text = i % 2 === 0 ? text.replace('\n', ' \n') : text.replace(' \n', '\n');
        const before = published.get(uri) ?? 0;
        const start = performance.now();
        await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text }] });
        await until(() => (published.get(uri) ?? 0) > before, 'diagnostics after an edit');
        samples.push(performance.now() - start);
    }
    return samples;
}));

connection.dispose();
child.kill();

const ms = x => `${x.toFixed(1)} ms`;
console.log(`planspec bench — examples/ (${fs.readdirSync(EXAMPLES, { recursive: true }).filter(f => String(f).endsWith('.plan')).length} files), Cà Mau plan ${text.split('\n').length} lines, Node ${process.version}`);
console.log(`first diagnostics after initialize: ${ms(firstDiagnostics)}`);
let over = false;
for (const { name, cold, warm } of results) {
    const budget = BUDGETS[name];
    const ok = warm.median <= budget;
    over ||= !ok;
    console.log(`${name.padEnd(19)} median ${ms(warm.median).padStart(9)}  p95 ${ms(warm.p95).padStart(9)}  max ${ms(warm.max).padStart(9)}  (n=${warm.n}; cold median ${ms(cold.median)})  budget ${budget} ms ${ok ? 'ok' : 'EXCEEDED'}`);
}
process.exit(over ? 1 : 0);
