// When an edit is built: at once after a pause, or after a quiet time within a burst of keystrokes;
// a keystroke that comes after the previous one's build is done is no burst, however soon it comes.
import type { LangiumSharedServices } from 'langium/lsp';
import { DocumentState } from 'langium';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Diagnostic, PublishDiagnosticsParams, TextDocumentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { BURST_DEBOUNCE_MS, PlanspecDocumentUpdateHandler } from '../../src/language/planspec-update-handler.js';

const URI = 'file:///ws/kh.plan';

describe('PlanspecDocumentUpdateHandler', () => {
    let builds: number;
    let validated: (() => void) | undefined;
    let handler: PlanspecDocumentUpdateHandler;
    /** The document as built: its text, state and diagnostics (none built yet unless a test says). */
    let built: { text: string; state: DocumentState; diagnostics: Diagnostic[] } | undefined;
    let sent: PublishDiagnosticsParams[];
    let document: { state: DocumentState; parseResult: unknown; diagnostics: Diagnostic[]; textDocument?: TextDocument } | undefined;

    beforeEach(() => {
        // Immediates stay real: the handler's two turns of the event loop run as they would.
        vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
        builds = 0;
        validated = undefined;
        built = undefined;
        sent = [];
        document = undefined;
        const services = {
            workspace: {
                WorkspaceManager: { ready: Promise.resolve() },
                LangiumDocuments: {
                    getDocument: (uri: { toString(): string }) => {
                        if (built && uri.toString() === URI) {
                            document ??= {
                                state: built.state,
                                parseResult: { value: { $cstNode: { root: { fullText: built.text } } } },
                                diagnostics: built.diagnostics,
                            };
                        }
                        return document;
                    },
                },
                DocumentBuilder: {
                    onBuildPhase: (state: DocumentState, callback: () => void) => {
                        if (state === DocumentState.Validated) {
                            validated = callback;
                        }
                    },
                },
                WorkspaceLock: {
                    write: () => {
                        builds++;
                        return Promise.resolve();
                    },
                    cancelWrite: () => undefined,
                },
            },
            lsp: {
                LanguageServer: { onInitialize: () => undefined, onInitialized: () => undefined },
                Connection: { sendDiagnostics: (params: PublishDiagnosticsParams) => sent.push(params) },
            },
        } as unknown as LangiumSharedServices;
        handler = new PlanspecDocumentUpdateHandler(services);
    });
    afterEach(() => {
        vi.useRealTimers();
    });

    let version = 0;
    const change = (text = 'kế hoạch KH "x" {}\n') => {
        const document = { uri: URI, version: ++version, getText: () => text } as TextDocument;
        handler.didChangeContent({ document } as TextDocumentChangeEvent<TextDocument>);
        return document;
    };
    /** Runs the timers due within `ms`, and the promises they settle (the update reaching the lock). */
    const elapse = async (ms: number) => {
        await vi.advanceTimersByTimeAsync(ms);
        for (let i = 0; i < 3; i++) {
            await new Promise(resolve => setImmediate(resolve));
        }
    };

    /** The pending change is built once the burst's quiet time has passed, not a millisecond before. */
    const expectBuiltAfterBurstPause = async (before: number) => {
        await elapse(BURST_DEBOUNCE_MS - 1);
        expect(builds).toBe(before);
        await elapse(2);
        expect(builds).toBe(before + 1);
    };

    test('builds a change that follows a pause at once', async () => {
        change();
        expect(handler.isPending(URI)).toBe(true);
        await elapse(1);
        expect(builds).toBe(1);
        expect(handler.isPending(URI)).toBe(false);
    });

    test('within a burst, waits for a pause before building', async () => {
        change();
        await elapse(1);
        expect(builds).toBe(1);
        // The next keystroke 20 ms later, while the first one's build runs.
        await elapse(19);
        change();
        await expectBuiltAfterBurstPause(1);
    });

    test('a keystroke after the previous one\'s build is done is built at once, however soon it comes', async () => {
        change();
        await elapse(1);
        expect(builds).toBe(1);
        expect(validated).toBeDefined();
        validated!();
        await elapse(19);
        change();
        await elapse(1);
        expect(builds).toBe(2);
    });

    test('a build that ends after a newer keystroke does not end the burst', async () => {
        change();
        await elapse(1);
        await elapse(19);
        change();
        // The first build ends (its text is already stale): the third keystroke is still in a burst.
        validated!();
        await elapse(19);
        change();
        await expectBuiltAfterBurstPause(1);
    });

    describe('opening a file whose text is the one built (from disk)', () => {
        const TEXT = 'cơ quan SO_TP "Sở Tư pháp"\n';
        const finding: Diagnostic = { range: { start: { line: 0, character: 8 }, end: { line: 0, character: 13 } }, message: 'x' };

        test('builds nothing, and sends its diagnostics again (for the open text)', async () => {
            built = { text: TEXT, state: DocumentState.Validated, diagnostics: [finding] };
            const open = change(TEXT);
            expect(handler.isPending(URI)).toBe(false);
            await elapse(BURST_DEBOUNCE_MS);
            expect(builds).toBe(0);
            expect(sent).toEqual([{ uri: URI, version: open.version, diagnostics: [finding] }]);
            // Its text is the editor's from now on (edits to come are seen as edits), as after a build.
            expect(document?.textDocument).toBe(open);
        });

        test('builds another text, a text not fully built, or a file with an edit waiting', async () => {
            built = { text: TEXT, state: DocumentState.Validated, diagnostics: [] };
            change(TEXT.normalize('NFD'));
            expect(handler.isPending(URI)).toBe(true);
            await elapse(1);
            expect(builds).toBe(1);
            // Typed, then undone before the build: the undo is built too (the build of the edit may have begun).
            change(`${TEXT}x`);
            change(TEXT);
            expect(handler.isPending(URI)).toBe(true);
            await elapse(BURST_DEBOUNCE_MS + 1);
            expect(builds).toBe(2);
            document = undefined;
            built = { text: TEXT, state: DocumentState.Linked, diagnostics: [] };
            change(TEXT);
            expect(handler.isPending(URI)).toBe(true);
            expect(sent).toEqual([]);
        });
    });
});
