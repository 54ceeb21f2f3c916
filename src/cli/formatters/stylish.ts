import type { CliFinding } from '../findings.js';
import { formatLine } from '../findings.js';

/** One finding per line, `path:line:column severity message [rule-id]`: easy to read and to grep. */
export function formatStylish(findings: CliFinding[]): string {
    return findings.map(f => formatLine(f) + '\n').join('');
}
