// When an edit is built: at once after a pause, or after a quiet time within a burst of keystrokes;
// a keystroke that comes after the previous one's build is done is no burst, however soon it comes.
import type { LangiumSharedServices } from 'langium/lsp';
import { DocumentState } from 'langium';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { TextDocumentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { BURST_DEBOUNCE_MS, PlanspecDocumentUpdateHandler } from '../../src/language/planspec-update-handler.js';

const URI = 'file:///ws/kh.plan';

describe('PlanspecDocumentUpdateHandler', () => {
    let builds: number;
    let validated: (() => void) | undefined;
    let handler: PlanspecDocumentUpdateHandler;

    beforeEach(() => {
        // Immediates stay real: the handler's two turns of the event loop run as they would.
        vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
        builds = 0;
        validated = undefined;
        const services = {
            workspace: {
                WorkspaceManager: { ready: Promise.resolve() },
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
            lsp: { LanguageServer: { onInitialize: () => undefined, onInitialized: () => undefined } },
        } as unknown as LangiumSharedServices;
        handler = new PlanspecDocumentUpdateHandler(services);
    });
    afterEach(() => {
        vi.useRealTimers();
    });

    const change = () => handler.didChangeContent({ document: { uri: URI } } as TextDocumentChangeEvent<TextDocument>);
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
});
