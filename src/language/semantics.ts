/**
 * Meaning of the AST beyond its syntax, shared by the rules and the compiler: who leads a task,
 * whose authority a body is under, what a target compares, when a time point falls.
 */
import type { AstNode, CstNode, Reference } from 'langium';
import { AstUtils, GrammarUtils } from 'langium';
import type { Range } from 'vscode-languageserver';
import type { Agency, Document, Group, Model, Party, Plan, Target, Task, TimePoint } from './generated/ast.js';
import { isAgency, isDocument, isGroup, isPlan, isTask } from './generated/ast.js';
import { parseDate } from './dates.js';
import type { ComparisonOp, TaskMode } from './keywords.js';
import { changeDirection, comparisonOp, taskMode } from './keywords.js';

export function modeOf(task: Task): TaskMode {
    return taskMode(task.mode) ?? 'directed';
}

/** The lead units of a task: its own, or those of the nearest enclosing task that names some. */
export function effectiveLeads(task: Task): Array<Reference<Party>> {
    let current: AstNode | undefined = task;
    while (isTask(current)) {
        if (current.leads.length > 0) {
            return current.leads;
        }
        current = current.$container;
    }
    return [];
}

export function planOf(node: AstNode): Plan | Document | undefined {
    return AstUtils.getContainerOfType(node, (n): n is Plan | Document => isPlan(n) || isDocument(n));
}

export function modelOf(node: AstNode): Model {
    return AstUtils.getDocument(node).parseResult.value as Model;
}

/** Ancestors of a body through `thuộc` (parent), nearest first, stopping at cycles. */
export function ancestors(party: Party): Party[] {
    const result: Party[] = [];
    const seen = new Set<Party>([party]);
    let current = party.parent?.ref;
    while (current && !seen.has(current)) {
        result.push(current);
        seen.add(current);
        current = current.parent?.ref;
    }
    return result;
}

/**
 * Whether the issuer can direct (giao) this body: the body is the issuer or below it through
 * `thuộc`, and is not marked `độc lập`. A group is under authority when it is placed under the
 * issuer itself, or when it lists members and all of them are.
 */
export function isUnderAuthority(party: Party, issuer: Party): boolean {
    if (isAgency(party) && party.independent) {
        return false;
    }
    if (party === issuer || ancestors(party).includes(issuer)) {
        return true;
    }
    if (isGroup(party) && !party.parent && party.members.length > 0) {
        return party.members.every(m => m.ref !== undefined && m.ref !== party && isUnderAuthority(m.ref, issuer));
    }
    return false;
}

export function displayName(party: Agency | Group): string {
    return party.officialName;
}

/**
 * Canonical comparison of a target: prefix op, postfix ("trở lên") wins; a bare value means "reach".
 * Undefined for a direction without a value ("giảm so với năm trước").
 */
export function targetOp(target: Target): ComparisonOp | undefined {
    const c = target.comparison;
    if (!c) {
        return undefined;
    }
    if (c.postfix) {
        return comparisonOp(c.postfix) ?? 'atLeast';
    }
    if (c.op) {
        const op = comparisonOp(c.op) ?? 'atLeast';
        return op === 'between' || c.upper === undefined ? op : 'between';
    }
    return c.upper !== undefined ? 'between' : 'atLeast';
}

export function isRelativeChange(target: Target): boolean {
    return target.change !== undefined && !target.change.toLevel;
}

export function changeOf(target: Target) {
    return target.change ? changeDirection(target.change.direction) : undefined;
}

export function targetUnit(target: Target): string | undefined {
    return target.comparison?.value?.unit ?? target.indicator?.ref?.unit;
}

export function isPercent(unit: string | undefined): boolean {
    return unit === '%';
}

/** The year a time point names, if it names one. */
export function yearOf(point: TimePoint): number | undefined {
    if (point.date) {
        return parseDate(point.date)?.year;
    }
    return point.year;
}

/** Range from the start of a node to the end of one of its properties (a task's keyword to its text). */
export function headerRange(node: AstNode, lastProperty: string): Range | undefined {
    const start = node.$cstNode?.range.start;
    const end = findProperty(node, lastProperty)?.range.end;
    return start && end ? { start, end } : node.$cstNode?.range;
}

function findProperty(node: AstNode, property: string): CstNode | undefined {
    return GrammarUtils.findNodeForProperty(node.$cstNode, property);
}
