// patches/langium+4.4.0.patch (applied by `npm install`): the parser is given each alternatives
// element's choices as one array made once, not a new array and closures at every alternative parsed;
// the properties with a default value are listed once per type, not at every node made.
import * as fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { createPlanspecServices } from '../../src/language/planspec-module.js';
import { AstUtils, EmptyFileSystem } from 'langium';

describe('the Langium parser patch', () => {
    test('the arrays of choices are made once: parsing again gives the parser no new one', () => {
        const parser = createPlanspecServices(EmptyFileSystem).Planspec.parser.LangiumParser;
        const arrays = new Set<unknown>();
        let calls = 0;
        const instance = parser as unknown as { alternatives: (idx: number, choices: unknown) => unknown };
        const alternatives = instance.alternatives.bind(parser);
        instance.alternatives = (idx, choices) => {
            calls++;
            arrays.add(choices);
            return alternatives(idx, choices);
        };
        const text = fs.readFileSync('examples/ca-mau/kh-qd634.plan', 'utf8');
        expect(parser.parse(text).parserErrors).toEqual([]);
        const afterFirst = arrays.size;
        const callsFirst = calls;
        expect(parser.parse(text).parserErrors).toEqual([]);
        // Hundreds of alternatives parsed, from as many arrays as the grammar has alternatives elements.
        expect(callsFirst).toBeGreaterThan(500);
        expect(afterFirst).toBeLessThan(200);
        expect(arrays.size).toBe(afterFirst);
    });

    test('every node of the examples has each property that has a default value (an empty list, false)', () => {
        const services = createPlanspecServices(EmptyFileSystem).Planspec;
        const reflection = services.shared.AstReflection;
        let checked = 0;
        for (const file of ['examples/ca-mau/kh-qd634.plan', 'examples/ca-mau/co-quan.plan', 'examples/quoc-gia/van-ban.plan']) {
            const root = services.parser.LangiumParser.parse(fs.readFileSync(file, 'utf8')).value;
            for (const node of [root, ...AstUtils.streamAllContents(root)]) {
                for (const property of Object.values(reflection.getTypeMetaData(node.$type).properties)) {
                    if (property.defaultValue !== undefined) {
                        expect((node as unknown as Record<string, unknown>)[property.name], `${node.$type}.${property.name}`).toBeDefined();
                        checked++;
                    }
                }
            }
        }
        expect(checked).toBeGreaterThan(1000);
    });
});

