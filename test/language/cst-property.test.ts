// propertyNode: Langium's GrammarUtils.findNodeForProperty without the list of every candidate.
import type { CstNode } from 'langium';
import { AstUtils, GrammarUtils, isCompositeCstNode } from 'langium';
import { describe, expect, test } from 'vitest';
import { assignmentOf, propertyNode } from '../../src/language/cst-property.js';
import { exampleFiles, load } from '../helpers.js';

/** The properties written in a node's own CST (what a rule may ask a range of). */
function writtenProperties(cst: CstNode): Set<string> {
    const properties = new Set<string>();
    const visit = (node: CstNode) => {
        const feature = assignmentOf(node.grammarSource)?.feature;
        if (node !== cst && feature) {
            properties.add(feature);
        }
        if (isCompositeCstNode(node) && node.astNode === cst.astNode) {
            node.content.forEach(visit);
        }
    };
    visit(cst);
    return properties;
}

describe('propertyNode', () => {
    test('finds the node Langium finds, for every property and index of every node of the examples', async () => {
        const loaded = await load(exampleFiles('ca-mau/kh-qd634.plan'));
        let compared = 0;
        for (const document of Object.values(loaded.documents)) {
            const root = document.parseResult.value;
            for (const node of [root, ...AstUtils.streamAllContents(root)]) {
                const cst = node.$cstNode;
                if (!cst) {
                    continue;
                }
                // Also a property the node does not write, and an index past the end.
                for (const property of [...writtenProperties(cst), 'noSuchProperty']) {
                    for (const index of [undefined, -1, 0, 1, 2, 1000]) {
                        expect(propertyNode(cst, property, index), `${node.$type}.${property}[${index}]`).toBe(GrammarUtils.findNodeForProperty(cst, property, index));
                        compared++;
                    }
                }
            }
        }
        expect(compared).toBeGreaterThan(10_000);
    });

    test('nothing for no node or no property', () => {
        expect(propertyNode(undefined, 'name')).toBeUndefined();
    });
});
