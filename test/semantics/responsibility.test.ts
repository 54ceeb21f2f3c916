import type { Reference } from 'langium';
import { describe, expect, test } from 'vitest';
import type { Party, Task } from '../../src/language/generated/ast.js';
import { effectiveLeads, effectiveSupports, leadSource } from '../../src/semantics/responsibility.js';
import { load } from '../helpers.js';

const parties = new Map<string, Party>();
/** A reference as the linker leaves it, resolved to the body of that name. */
const ref = (name: string): Reference<Party> => {
    const party = parties.get(name) ?? ({ $type: 'Agency', name } as unknown as Party);
    parties.set(name, party);
    return { $refText: name, ref: party } as Reference<Party>;
};

/** Tasks nested `depth` deep under one that names its lead and supports (as no parse makes them: the parser stops at 64 braces). */
function nested(depth: number): { top: Task; deepest: Task } {
    const make = (container: unknown, leads: Array<Reference<Party>>, supports: Array<Reference<Party>>): Task => ({
        $type: 'Task', $container: container, leads, supports, cooperatesWith: [], addressees: [], requested: [],
    }) as unknown as Task;
    const top = make(undefined, [ref('CA_TINH')], [ref('SO_TP'), ref('CA_TINH')]);
    let deepest = top;
    for (let i = 0; i < depth; i++) {
        deepest = make(deepest, [], []);
    }
    return { top, deepest };
}

describe('effective leads and supports', () => {
    test('a sub-task naming no body takes the lead and supports of the task it is part of, however deep', () => {
        const { top, deepest } = nested(50_000);
        expect(effectiveLeads(deepest).map(r => r.$refText)).toEqual(['CA_TINH']);
        expect(leadSource(deepest)?.node).toBe(top);
        // The lead is never also a support.
        expect(effectiveSupports(deepest).map(r => r.$refText)).toEqual(['SO_TP']);
        expect(effectiveSupports(top).map(r => r.$refText)).toEqual(['SO_TP']);
    });

    test('on a parsed plan: own lead and supports, inherited ones, and "phối hợp với" (the addressee supports)', async () => {
        const { model } = await load(`cơ quan UBND_TINH "UBND"
cơ quan CA_TINH "Công an"
cơ quan SO_TP "Sở Tư pháp"
cơ quan MTTQ "Mặt trận"
kế hoạch KH "x" {
    của UBND_TINH
    nhiệm vụ NV1 "a" { chủ trì CA_TINH  phối hợp SO_TP
        nhiệm vụ NV11 "b" { }
    }
    đề nghị NV2 "c" cho MTTQ { phối hợp với CA_TINH }
}
`);
        const tasks = new Map<string, Task>();
        const walk = (node: { $type?: string; name?: string }) => {
            if (node.$type === 'Task' && node.name) tasks.set(node.name, node as Task);
            for (const value of Object.values(node)) {
                for (const child of Array.isArray(value) ? value : [value]) {
                    if (child && typeof child === 'object' && '$type' in child && child !== (node as { $container?: unknown }).$container) walk(child);
                }
            }
        };
        walk(model as unknown as { $type?: string });
        const names = (refs: Array<Reference<Party>>) => refs.map(r => r.$refText);
        expect(names(effectiveLeads(tasks.get('NV11')!))).toEqual(['CA_TINH']);
        expect(names(effectiveSupports(tasks.get('NV11')!))).toEqual(['SO_TP']);
        expect(names(effectiveLeads(tasks.get('NV2')!))).toEqual(['CA_TINH']);
        expect(names(effectiveSupports(tasks.get('NV2')!))).toEqual(['MTTQ']);
    });
});
