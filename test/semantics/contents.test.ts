import { AstUtils, EmptyFileSystem, URI } from 'langium';
import { describe, expect, test } from 'vitest';
import type { PlanspecAstType } from '../../src/language/generated/ast.js';
import { isModel } from '../../src/language/generated/ast.js';
import { createPlanspecServices } from '../../src/language/planspec-module.js';
import { allContents } from '../../src/semantics/contents.js';
import { exampleFiles, inPlan, load } from '../helpers.js';

describe('allContents', () => {
    test('lists, for every node of every example, what streamAllContents walks, in its order', async () => {
        const files = exampleFiles('ca-mau/kh-qd634.plan');
        const loaded = await load(files);
        let owners = 0;
        for (const document of Object.values(loaded.documents)) {
            const root = document.parseResult.value;
            // Below the root first (read from the root's list), then the root, then below again (remembered).
            const nodes = AstUtils.streamAllContents(root).toArray();
            for (const owner of [...nodes.filter((_, i) => i % 7 === 0), root, ...nodes.filter((_, i) => i % 7 === 3)]) {
                expect(allContents(owner)).toEqual(AstUtils.streamAllContents(owner).toArray());
                owners++;
            }
        }
        expect(owners).toBeGreaterThan(250);
    });

    test('a new AST (an edit) gets its own list, and an owner without a root list is walked directly', async () => {
        const first = await load(inPlan('    nhiệm vụ NV1 "Làm việc A." { chủ trì STP }'));
        const before = allContents(first.model);
        const second = await load(inPlan('    nhiệm vụ NV1 "Làm việc B." { chủ trì STP }\n    nhiệm vụ NV2 "Thêm." { chủ trì STP }'));
        expect(allContents(second.model)).not.toBe(before);
        expect(allContents(second.model)).toEqual(AstUtils.streamAllContents(second.model).toArray());
        expect(isModel(second.model)).toBe(true);
    });
});

describe('the document validator', () => {
    test('walks every node as Langium does when a check is registered on a type below the root', async () => {
        const services = createPlanspecServices(EmptyFileSystem).Planspec;
        const seen: string[] = [];
        services.validation.ValidationRegistry.register<PlanspecAstType>({ Task: task => { seen.push(task.name ?? ''); } });
        const files = inPlan('    nhiệm vụ NV1 "Làm A." { chủ trì STP }\n    nhiệm vụ NV2 "Làm B." { chủ trì STP }');
        const documents = Object.entries(files).map(([name, text]) => {
            const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`memory:///${name}`));
            services.shared.workspace.LangiumDocuments.addDocument(document);
            return document;
        });
        await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
        const document = documents[0];
        expect(seen).toEqual(['NV1', 'NV2']);
        // The rules still ran: their findings are there too.
        expect((document.diagnostics ?? []).some(d => typeof d.code === 'string')).toBe(true);
    });
});
