import type { ValidationAcceptor } from 'langium';
import { Cancellation, DocumentState, isOperationCancelled, URI } from 'langium';
import { describe, expect, test, vi } from 'vitest';
import { findRule } from '../../src/linter/registry.js';
import { inPlan, load, services } from '../helpers.js';

/** A newer edit cancels the build of the older text: the rules stop and nothing of that text is published. */
describe('rule runner cancellation', () => {
    const files = inPlan(`
    nhiệm vụ NV1 "a" { phối hợp STP }
    chỉ tiêu CT "Tỷ lệ" trên 120%`);

    test('a run with a cancelled token stops before any finding is accepted', async () => {
        const { model, diagnostics } = await load(files);
        expect(diagnostics.length).toBeGreaterThan(0); // the same run uncancelled finds something
        const cancelled = new Cancellation.CancellationTokenSource();
        cancelled.cancel();
        const accepted: unknown[] = [];
        const accept: ValidationAcceptor = (...args) => accepted.push(args);
        const outcome = await services.validation.RuleRunner.run(model, accept, cancelled.token).then(() => 'finished', error => error);
        expect(isOperationCancelled(outcome)).toBe(true);
        expect(accepted).toEqual([]);
    });

    test('a run whose token is cancelled while it walks stops there', async () => {
        const { model } = await load(inPlan(Array.from({ length: 1000 }, (_, i) => `    nhiệm vụ NV${i} "Việc ${i}." { phối hợp STP }`).join('\n')));
        const source = new Cancellation.CancellationTokenSource();
        const accepted: unknown[] = [];
        const run = services.validation.RuleRunner.run(model, (...args) => accepted.push(args), source.token);
        // The walk yields to the event loop: a newer edit arriving then cancels it.
        await new Promise(resolve => setImmediate(resolve));
        source.cancel();
        const outcome = await run.then(() => 'finished', error => error);
        expect(isOperationCancelled(outcome)).toBe(true);
        expect(accepted).toEqual([]);
    });

    test('a build cancelled during validation publishes nothing of its text; the next build publishes the newer text\'s findings', async () => {
        const { main } = await load(files);
        const source = files['plan.plan'];
        const builder = services.shared.workspace.DocumentBuilder;
        const factory = services.shared.workspace.LangiumDocumentFactory;
        const documents = services.shared.workspace.LangiumDocuments;
        const validated: string[] = [];
        const listener = builder.onDocumentPhase(DocumentState.Validated, document => {
            validated.push(document.textDocument.getText());
        });
        try {
            // The older text: a target of 130%, checked by a build that a newer edit cancels.
            const older = factory.fromString(source.replace('120%', '130%'), URI.parse(main.uri.toString()));
            documents.deleteDocument(main.uri);
            documents.addDocument(older);
            const token = new Cancellation.CancellationTokenSource();
            // The newer edit arrives as the rules start on the older text.
            const rule = findRule('rate-out-of-range')!;
            const create = rule.create.bind(rule);
            let visited = 0;
            const spy = vi.spyOn(rule, 'create').mockImplementation(context => {
                token.cancel();
                return { ...create(context), Target: () => { visited++; } };
            });
            const outcome = await builder.build([older], { validation: true }, token.token).then(() => 'finished', error => error);
            spy.mockRestore();
            expect(isOperationCancelled(outcome)).toBe(true);
            expect(visited).toBe(0);
            expect(validated).toEqual([]);
            expect(older.state).toBeLessThan(DocumentState.Validated);

            const newer = factory.fromString(source.replace('120%', '140%'), URI.parse(main.uri.toString()));
            documents.deleteDocument(main.uri);
            documents.addDocument(newer);
            await builder.build([newer], { validation: true });
            expect(validated).toHaveLength(1);
            const messages = (newer.diagnostics ?? []).map(d => String(d.message));
            expect(messages.some(m => m.includes('140'))).toBe(true);
            expect(messages.some(m => m.includes('130'))).toBe(false);
        } finally {
            listener.dispose();
        }
    });
});
