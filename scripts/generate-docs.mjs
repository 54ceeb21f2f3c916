// Regenerates the files derived from the code: docs/rules/README.md and the JSON Schema of
// planspec.config.json (from the rule registry), and the JSON Schema of the compiled plan (from
// src/compiler/plan-json.ts). Run after `npm run build`; the tests fail when any is stale.
import * as fs from 'node:fs';
import { renderRulesIndex } from '../out/linter/docs.js';
import { allRules } from '../out/linter/registry.js';
import { renderConfigSchema } from '../out/config/schema.js';
import { renderPlanSchema } from './plan-schema.mjs';

fs.writeFileSync(new URL('../docs/rules/README.md', import.meta.url), renderRulesIndex(allRules));
fs.writeFileSync(new URL('../schemas/planspec.config.schema.json', import.meta.url), JSON.stringify(renderConfigSchema(allRules), null, 2) + '\n');
fs.writeFileSync(new URL('../schemas/plan.schema.json', import.meta.url), renderPlanSchema());
