import type { Rule } from './rule.js';
import duplicateClause from './duplicate-clause.js';
import duplicateId from './duplicate-id.js';
import invalidDate from './invalid-date.js';
import missingLead from './missing-lead.js';
import rateOutOfRange from './rate-out-of-range.js';
import unresolvedReference from './unresolved-reference.js';

/** Every rule, in catalog order. A new rule is one module here, one doc page, one test file. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const allRules: ReadonlyArray<Rule<any>> = [
    unresolvedReference,
    duplicateId,
    missingLead,
    rateOutOfRange,
    invalidDate,
    duplicateClause,
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function findRule(id: string): Rule<any> | undefined {
    return allRules.find(rule => rule.meta.id === id);
}
