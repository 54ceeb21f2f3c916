/**
 * Opt-in timing for `npm run bench` (PLANSPEC_PROFILE=1): totals per phase (lexing, parsing, the
 * build phases, compiling) and per rule, printed once as JSON on stderr when the process exits.
 * Off, it costs one boolean test per rule and document and per build: nothing is wrapped.
 */
import type { AstNode } from 'langium';

export const profiling = typeof process !== 'undefined' && process.env?.PLANSPEC_PROFILE === '1';

const phases: Record<string, number> = {};
const rules: Record<string, number> = {};

function add(totals: Record<string, number>, key: string, ms: number): void {
    totals[key] = (totals[key] ?? 0) + ms;
}

/** Runs `run`, adding its time to the phase `phase` when profiling. */
export function timePhase<T>(phase: string, run: () => T): T {
    if (!profiling) {
        return run();
    }
    const start = performance.now();
    try {
        return run();
    } finally {
        add(phases, phase, performance.now() - start);
    }
}

/** A rule's visitors (and their creation), timed under the rule's id when profiling. */
export function timeRule<V extends object>(ruleId: string, create: () => V): V {
    if (!profiling) {
        return create();
    }
    const start = performance.now();
    const visitors = create() as Record<string, unknown>;
    add(rules, ruleId, performance.now() - start);
    const timed: Record<string, unknown> = {};
    for (const [key, visit] of Object.entries(visitors)) {
        timed[key] = typeof visit === 'function'
            ? (node: AstNode) => {
                const at = performance.now();
                try {
                    return (visit as (n: AstNode) => unknown)(node);
                } finally {
                    add(rules, ruleId, performance.now() - at);
                }
            }
            : visit;
    }
    return timed as V;
}

interface Instrumentable {
    parser: {
        Lexer: { tokenize: (...args: never[]) => unknown };
        LangiumParser: { parse: (...args: never[]) => unknown };
    };
    shared: {
        workspace: {
            DocumentBuilder: {
                build: (...args: never[]) => Promise<unknown>;
                onBuildPhase: (state: number, callback: () => void) => unknown;
            };
        };
    };
}

/**
 * Times lexing and parsing (parsing without its lexing) and each phase of every build (indexing,
 * scopes, linking, reference indexing, validation), when profiling.
 */
export function instrumentServices(services: Instrumentable): void {
    if (!profiling) {
        return;
    }
    const lexer = services.parser.Lexer;
    const tokenize = lexer.tokenize.bind(lexer);
    lexer.tokenize = ((...args: never[]) => timePhase('lexing', () => tokenize(...args))) as typeof lexer.tokenize;
    const parser = services.parser.LangiumParser;
    const parse = parser.parse.bind(parser);
    parser.parse = ((...args: never[]) => {
        const before = phases.lexing ?? 0;
        const start = performance.now();
        try {
            return parse(...args);
        } finally {
            add(phases, 'parsing', performance.now() - start - ((phases.lexing ?? 0) - before));
        }
    }) as typeof parser.parse;
    const builder = services.shared.workspace.DocumentBuilder;
    let mark = 0;
    const build = builder.build.bind(builder);
    builder.build = ((...args: never[]) => {
        mark = performance.now();
        return build(...args);
    }) as typeof builder.build;
    // DocumentState: 2 IndexedContent, 3 ComputedScopes, 4 Linked, 5 IndexedReferences, 6 Validated.
    const names: Array<[number, string]> = [[2, 'indexing'], [3, 'scopes'], [4, 'linking'], [5, 'reference indexing'], [6, 'validation']];
    for (const [state, name] of names) {
        builder.onBuildPhase(state, () => {
            const now = performance.now();
            add(phases, name, now - mark);
            mark = now;
        });
    }
}

/** The totals so far, as plain data: a worker thread posts its own to the main thread. */
export interface ProfileTotals {
    phasesMs: Record<string, number>;
    rulesMs: Record<string, number>;
}

/** Takes this thread's totals (they start again from zero) and stops it printing them at exit. */
export function takeProfile(): ProfileTotals {
    printAtExit = false;
    const taken = { phasesMs: { ...phases }, rulesMs: { ...rules } };
    for (const totals of [phases, rules]) {
        Object.keys(totals).forEach(key => delete totals[key]);
    }
    return taken;
}

/** Adds the totals of a worker thread to this thread's, which the main thread prints at exit. */
export function addProfile(totals: ProfileTotals): void {
    Object.entries(totals.phasesMs).forEach(([key, ms]) => add(phases, key, ms));
    Object.entries(totals.rulesMs).forEach(([key, ms]) => add(rules, key, ms));
}

let printAtExit = true;

if (profiling) {
    process.once('exit', () => {
        if (!printAtExit) {
            return;
        }
        const round = (totals: Record<string, number>) => Object.fromEntries(Object.entries(totals).sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, Math.round(v * 10) / 10]));
        process.stderr.write(`PLANSPEC_PROFILE ${JSON.stringify({ phasesMs: round(phases), rulesMs: round(rules), rss: process.memoryUsage().rss })}\n`);
    });
}
