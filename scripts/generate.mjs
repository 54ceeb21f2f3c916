// Runs `langium generate`, hiding two warnings that are design decisions, not defects:
// - keywords are Vietnamese phrases with spaces on purpose ("cơ quan"), matched by
//   src/language/planspec-token-builder.ts;
// - header clauses come in any order, so a single-valued one may be assigned in a loop; the
//   duplicate-clause rule reports a clause given twice instead of letting one be lost silently.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../node_modules/langium-cli/bin/langium.js', import.meta.url));
const result = spawnSync(process.execPath, [cli, 'generate'], { encoding: 'utf8' });
const hidden = /Keywords should not contain whitespace characters|Found multiple assignments to '\w+' with the '\??=' assignment operator/;
for (const [stream, text] of [[process.stdout, result.stdout], [process.stderr, result.stderr]]) {
    const lines = (text ?? '').split('\n').filter(line => !hidden.test(line));
    stream.write(lines.join('\n'));
}
process.exit(result.status ?? 1);
