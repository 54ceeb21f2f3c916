import type { AstNode, ReferenceInfo } from 'langium';
import { AstUtils, Cancellation, isOperationCancelled } from 'langium';
import { describe, expect, test } from 'vitest';
import { forEachInterruptible, referencesOf, walkOf } from '../../src/language/ast-walk.js';
import { exampleFiles, inPlan, load } from '../helpers.js';

/** Langium's own walk: the nodes and, node by node, their references (what its linker visits). */
function langiumWalk(root: AstNode): { nodes: AstNode[]; references: ReferenceInfo[] } {
    return {
        nodes: AstUtils.streamAllContents(root).toArray(),
        references: AstUtils.streamAst(root).flatMap(node => AstUtils.streamReferences(node)).toArray(),
    };
}

function depthOf(node: AstNode, root: AstNode): number {
    let depth = 0;
    for (let n = node.$container; n && n !== root; n = n.$container) {
        depth++;
    }
    return depth;
}

describe('walkOf', () => {
    test('lists every example\'s nodes, depths and references as Langium walks them, in its order', async () => {
        const loaded = await load(exampleFiles('ca-mau/kh-qd634.plan'));
        let references = 0;
        for (const document of Object.values(loaded.documents)) {
            const root = document.parseResult.value;
            const walked = walkOf(root);
            const expected = langiumWalk(root);
            expect(walked.nodes).toEqual(expected.nodes);
            expect([...walked.depths]).toEqual(expected.nodes.map(node => depthOf(node, root)));
            expect(walked.references.map(r => [r.reference, r.container, r.property, r.index]))
                .toEqual(expected.references.map(r => [r.reference, r.container, r.property, r.index]));
            // By the node that holds them, as streamReferences gives them.
            for (const node of [root, ...expected.nodes]) {
                expect(referencesOf(node).map(r => [r.reference, r.property, r.index]))
                    .toEqual(AstUtils.streamReferences(node).toArray().map(r => [r.reference, r.property, r.index]));
            }
            // The linker (which reads this walk) linked each reference once, in this order.
            expect(document.references).toEqual(walked.references.map(r => r.reference));
            references += walked.references.length;
        }
        expect(references).toBeGreaterThan(500);
    });

    test('after a parse, every node\'s container, property and index are where Langium\'s linking puts them', async () => {
        const loaded = await load(exampleFiles('ca-mau/kh-qd634.plan'));
        let checked = 0;
        const visit = (node: AstNode) => {
            for (const [property, value] of Object.entries(node)) {
                if (property.startsWith('$')) continue;
                const items: unknown[] = Array.isArray(value) ? value : [value];
                items.forEach((item, index) => {
                    if (item && typeof item === 'object' && typeof (item as AstNode).$type === 'string') {
                        const child = item as AstNode;
                        expect(child.$container).toBe(node);
                        expect(child.$containerProperty).toBe(property);
                        if (Array.isArray(value)) expect(child.$containerIndex).toBe(index);
                        checked++;
                        visit(child);
                    }
                });
            }
        };
        for (const document of Object.values(loaded.documents)) {
            expect(document.parseResult.value.$container).toBeUndefined();
            visit(document.parseResult.value);
        }
        expect(checked).toBeGreaterThan(500);
    });

    test('is made once per AST: a new parse (an edit) gets its own walk', async () => {
        const first = await load(inPlan('    nhiệm vụ NV1 "Làm việc A." { chủ trì STP }'));
        const walked = walkOf(first.model);
        expect(walkOf(first.model)).toBe(walked);
        const second = await load(inPlan('    nhiệm vụ NV1 "Làm việc A." { chủ trì STP  phối hợp STP }'));
        expect(walkOf(second.model)).not.toBe(walked);
        const refTexts = walkOf(second.model).references.map(r => r.reference.$refText);
        expect(refTexts).toEqual(langiumWalk(second.model).references.map(r => r.reference.$refText));
        expect(refTexts.filter(t => t === 'STP')).toHaveLength(2);
    });
});

describe('forEachInterruptible', () => {
    test('visits every item when nothing can cancel it', async () => {
        const seen: number[] = [];
        await forEachInterruptible(Array.from({ length: 1000 }, (_, i) => i), Cancellation.CancellationToken.None, i => seen.push(i));
        expect(seen).toHaveLength(1000);
    });

    test('stops within a few hundred items of a cancellation, with Langium\'s OperationCancelled', async () => {
        const source = new Cancellation.CancellationTokenSource();
        const seen: number[] = [];
        const run = forEachInterruptible(Array.from({ length: 1000 }, (_, i) => i), source.token, i => {
            seen.push(i);
            if (i === 10) {
                source.cancel();
            }
        });
        await expect(run).rejects.toSatisfy(isOperationCancelled);
        expect(seen.length).toBeGreaterThan(10);
        expect(seen.length).toBeLessThan(1000);
    });
});
