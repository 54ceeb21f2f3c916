import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { PlanspecLangiumDocuments } from '../../src/language/planspec-documents.js';
import { createPlanspecServices } from '../../src/language/planspec-module.js';

describe('the document store', () => {
    test('lists every document, as added and deleted, in the order of Langium\'s store', () => {
        const { shared } = createPlanspecServices(EmptyFileSystem);
        const documents = shared.workspace.LangiumDocuments;
        expect(documents).toBeInstanceOf(PlanspecLangiumDocuments);
        const add = (path: string) => documents.addDocument(shared.workspace.LangiumDocumentFactory.fromString('phạm vi X\n', URI.parse(`file:///ws/${path}`)));
        const listed = () => documents.all.map(d => d.uri.path).toArray();
        add('b/two.plan');
        add('a/one.plan');
        expect(listed()).toEqual(['/ws/b/two.plan', '/ws/a/one.plan']);
        // Read again without a change: the same list; after one, the new one.
        expect(listed()).toEqual(['/ws/b/two.plan', '/ws/a/one.plan']);
        add('b/three.plan');
        expect(listed()).toEqual(['/ws/b/two.plan', '/ws/b/three.plan', '/ws/a/one.plan']);
        documents.deleteDocument(URI.parse('file:///ws/b/two.plan'));
        expect(listed()).toEqual(['/ws/b/three.plan', '/ws/a/one.plan']);
        documents.deleteDocuments(URI.parse('file:///ws/b'));
        expect(listed()).toEqual(['/ws/a/one.plan']);
    });
});
