import type { Rule } from './rule.js';

/** The rule catalog page, docs/rules/README.md, generated from the registry by `npm run docs`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function renderRulesIndex(rules: ReadonlyArray<Rule<any>>): string {
    const lines = [
        '# Rules / Quy tắc',
        '',
        '<!-- Generated from src/rules/ by `npm run docs`; do not edit by hand. -->',
        '',
        'Every finding of `planspec check` and of the editor comes from one of these rules. Each page says',
        'what the rule finds, why it matters to a drafter, and shows a failing and a passing example',
        '(checked by the tests against [example-registry.plan](example-registry.plan)).',
        '',
        'Severity and options are set in `planspec.config.json` (see the README). `planspec:recommended`',
        'enables the rules marked ✓ at their default severity; `planspec:strict` enables every rule and',
        'raises warnings to errors.',
        '',
        '| rule | category | default | recommended | description |',
        '|---|---|---|---|---|',
        ...rules.map(r => `| [${r.meta.id}](${r.meta.id}.md) | ${r.meta.category} | ${r.meta.defaultSeverity} | ${r.meta.recommended ? '✓' : ''} | ${r.meta.description.replace(/\|/g, '\\|')} |`),
        '',
    ];
    return lines.join('\n');
}
