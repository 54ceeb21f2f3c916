// `npm run fuzz`: the fuzz suite of `npm test` (test/fuzz), run longer. FUZZ_SECONDS (default 600)
// sets how long; FUZZ_SEED and FUZZ_PATH replay a failure that a previous run printed.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
const result = spawnSync(process.execPath, [vitest, 'run', 'test/fuzz', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, FUZZ_SECONDS: process.env.FUZZ_SECONDS ?? '600' },
});
process.exit(result.status ?? 1);
