// Regenerates the files derived from the rule registry: docs/rules/README.md and the JSON Schema
// of planspec.config.json. Run after `npm run build`; the tests fail when either is stale.
import * as fs from 'node:fs';
import { renderRulesIndex } from '../out/linter/docs.js';
import { allRules } from '../out/linter/registry.js';
import { renderConfigSchema } from '../out/config/schema.js';

fs.writeFileSync(new URL('../docs/rules/README.md', import.meta.url), renderRulesIndex(allRules));
fs.writeFileSync(new URL('../schemas/planspec.config.schema.json', import.meta.url), JSON.stringify(renderConfigSchema(allRules), null, 2) + '\n');
