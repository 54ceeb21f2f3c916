import { test } from 'vitest';
import * as fs from 'node:fs';
import { importSnippet } from './import-helpers.js';
test('x', async () => { const r = await importSnippet(fs.readFileSync('/tmp/imp-core-snip.txt', 'utf8')); console.log(r.plan); console.log(r.registry); });
