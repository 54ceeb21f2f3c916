import type { Rule } from './rule.js';
import { generatedRules } from './generated/rules.js';

/**
 * Every rule, in catalog order (by category, then id). The list is generated at build time from
 * the files in src/rules/, so adding a rule is adding its module, its doc page and its test.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const allRules: ReadonlyArray<Rule<any>> = generatedRules;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function findRule(id: string): Rule<any> | undefined {
    return allRules.find(rule => rule.meta.id === id);
}
