import type { CliFinding } from '../findings.js';

/** Machine-readable findings with a summary; columns are 1-based UTF-16 code units, like the editor. */
export function formatJson(findings: CliFinding[]): string {
    const summary = {
        errors: findings.filter(f => f.severity === 'error').length,
        warnings: findings.filter(f => f.severity === 'warning').length,
        infos: findings.filter(f => f.severity === 'info').length,
    };
    // Fixes are for SARIF and the editor; this format stays as it was.
    return JSON.stringify({ formatVersion: '1.0', summary, findings: findings.map(({ fixes: _fixes, ...finding }) => finding) }, null, 2) + '\n';
}
