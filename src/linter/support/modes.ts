/**
 * The quick fix of the authority rules: a directed task or heading (`nhiệm vụ`, `giao`) made a
 * request (`đề nghị`), or the reverse, together with the tasks under it that take their addressee
 * from it and had the same mode, so that the whole duty changes at once and no sub-task is left
 * directing what is now requested.
 */
import { AstUtils } from 'langium';
import type { Section, Task } from '../../language/generated/ast.js';
import { isSection, isTask } from '../../language/generated/ast.js';
import type { TaskMode } from '../../language/keywords.js';
import { keywordKey, taskMode } from '../../language/keywords.js';
import { addresseeSource, modeOf } from '../../semantics/responsibility.js';
import type { Fix, FixEdit } from '../rule.js';
import { propertyNode } from '../../language/cst-property.js';

const ENGLISH = new Set(['task', 'assign', 'request']);

function keyword(node: Task | Section, mode: TaskMode): string {
    const english = ENGLISH.has(keywordKey(node.mode));
    if (mode === 'requested') {
        return english ? 'request' : 'đề nghị';
    }
    if (isSection(node)) {
        return english ? 'assign' : 'giao';
    }
    return english ? 'task' : 'nhiệm vụ';
}

function modeOfNode(node: Task | Section): TaskMode | undefined {
    return isTask(node) ? modeOf(node) : node.mode ? taskMode(node.mode) : undefined;
}

function modeEdit(node: Task | Section, mode: TaskMode): FixEdit | undefined {
    const written = propertyNode(node.$cstNode, 'mode');
    return written ? { range: written.range, newText: keyword(node, mode) } : undefined;
}

/** The fix that gives `node` the mode `mode`, with the tasks that inherit their addressee from it. */
export function modeFix(node: Task | Section, mode: TaskMode, preferred: boolean): Fix | undefined {
    const own = modeEdit(node, mode);
    if (!own || modeOfNode(node) === mode) {
        return undefined;
    }
    const from = modeOfNode(node);
    const edits = [own];
    for (const inner of AstUtils.streamAllContents(node)) {
        if (isTask(inner) && modeOf(inner) === from && addresseeSource(inner)?.node === node) {
            const e = modeEdit(inner, mode);
            if (e) {
                edits.push(e);
            }
        }
    }
    const what = keyword(node, mode);
    const also = edits.length > 1 ? ` (và ${edits.length - 1} nhiệm vụ bên trong)` : '';
    const alsoEn = edits.length > 1 ? ` (and ${edits.length - 1} task${edits.length > 2 ? 's' : ''} inside)` : '';
    return {
        title: mode === 'requested'
            ? `Chuyển thành đề nghị: "${what}"${also} / Make it a request${alsoEn}`
            : `Chuyển thành giao nhiệm vụ: "${what}"${also} / Direct it instead of requesting${alsoEn}`,
        edits,
        ...(preferred ? { preferred } : {}),
    };
}
