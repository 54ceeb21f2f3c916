// The JSON Schema of the compiled plan (schemas/plan.schema.json), generated from the TypeScript
// types in src/compiler/plan-json.ts so that the two cannot drift apart. `npm run docs` writes it;
// a test fails when the committed file is stale.
import { fileURLToPath } from 'node:url';
import { createGenerator } from 'ts-json-schema-generator';

const root = fileURLToPath(new URL('..', import.meta.url));

export function renderPlanSchema() {
    const generated = createGenerator({
        path: `${root}src/compiler/plan-json.ts`,
        tsconfig: `${root}tsconfig.json`,
        type: 'PlanJson',
        additionalProperties: false,
        jsDoc: 'extended',
        sortProps: false,
        topRef: false,
        skipTypeCheck: true,
    }).createSchema('PlanJson');
    // Draft 2020-12 names the definitions `$defs`; every keyword the generator uses means the same there.
    const text = JSON.stringify(generated).replaceAll('#/definitions/', '#/$defs/');
    const { $schema: _draft, definitions, ...body } = JSON.parse(text);
    const schema = {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        $id: 'urn:planspec:schema:plan:2.1',
        title: 'planspec compiled plan, format 2.1',
        description: 'One implementation plan (Kế hoạch) compiled by `planspec compile`: every reference resolved to its id and official name, dates in ISO 8601, timings with the window of days they allow, recurring deadlines expanded within the period the plan states, the issuing or forwarding instrument, every document cited in the prose, and an index of what each agency holds (also through the groups it belongs to). `null` means the plan does not say; `inferred` marks values the writer supplied.',
        ...body,
        $defs: definitions,
    };
    return JSON.stringify(schema, null, 2) + '\n';
}
