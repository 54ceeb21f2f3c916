import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';

/**
 * The layering of src/ (README, "Design notes"): syntax (src/language) → meaning (src/semantics) →
 * rules, compiler and editor features. Type-only imports count: a cycle through types still ties
 * the modules together.
 */
function sourceFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
            return entry.name === 'generated' ? [] : sourceFiles(full);
        }
        return entry.name.endsWith('.ts') ? [full] : [];
    });
}

const graph = new Map<string, string[]>();
for (const file of sourceFiles('src')) {
    const text = fs.readFileSync(file, 'utf8');
    const imports = [...text.matchAll(/from '(\.[^']+)'/g)]
        .map(m => path.normalize(path.join(path.dirname(file), m[1])).replace(/\.js$/, '.ts'))
        .filter(target => !target.includes(`${path.sep}generated${path.sep}`));
    graph.set(file, imports);
}

describe('architecture', () => {
    test('no import cycles in src/, type-only imports included', () => {
        const cycles: string[] = [];
        const done = new Set<string>();
        const onStack: string[] = [];
        const visit = (file: string) => {
            const at = onStack.indexOf(file);
            if (at >= 0) {
                cycles.push([...onStack.slice(at), file].join(' → '));
                return;
            }
            if (done.has(file)) {
                return;
            }
            onStack.push(file);
            for (const next of graph.get(file) ?? []) {
                visit(next);
            }
            onStack.pop();
            done.add(file);
        };
        [...graph.keys()].forEach(visit);
        expect(cycles).toEqual([]);
    });

    test.each([
        ['src/semantics', ['src/language', 'src/semantics', 'src/workspace']],
        ['src/compiler', ['src/language', 'src/semantics', 'src/compiler']],
        ['src/rules', ['src/language', 'src/semantics', 'src/linter']],
        ['src/ide', ['src/language', 'src/semantics', 'src/linter', 'src/config', 'src/workspace', 'src/compiler', 'src/ide', 'src/import']],
        ['src/import', ['src/language', 'src/semantics', 'src/workspace', 'src/compiler', 'src/config', 'src/import']],
    ])('%s depends only on %j', (layer, allowed) => {
        const outside = [...graph.entries()]
            .filter(([file]) => file.startsWith(path.normalize(layer)))
            .flatMap(([file, imports]) => imports
                .filter(target => !allowed.some(a => target.startsWith(path.normalize(a))))
                .map(target => `${file} → ${target}`));
        expect(outside).toEqual([]);
    });
});
