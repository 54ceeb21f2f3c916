/**
 * Inlay hints, few and only where a reviewer would otherwise work something out: after a task that
 * inherits its lead, the lead ("← chủ trì / lead: Sở Tư pháp"); after a date written relative to
 * something else ("nay", "kể từ ngày ký", "sau khi … có hiệu lực"), the concrete date. Nothing is
 * shown when the plan does not give the date the hint would need.
 */
import type { AstNode, LangiumDocument } from 'langium';
import { AstUtils } from 'langium';
import type { InlayHintAcceptor } from 'langium/lsp';
import { AbstractInlayHintProvider } from 'langium/lsp';
import type { InlayHint, InlayHintParams, Position } from 'vscode-languageserver';
import { InlayHintKind } from 'vscode-languageserver';
import type { Task } from '../language/generated/ast.js';
import { isDocument, isEffective, isTask, isTimePoint, isUpon } from '../language/generated/ast.js';
import type { CalendarDate } from '../semantics/dates.js';
import { formatDate, parseDate } from '../semantics/dates.js';
import { leadSource } from '../semantics/responsibility.js';
import { effectiveDate, ownerOf, planDate, pointKind } from '../semantics/time.js';
import { dateWithWeekday, shortName } from './describe.js';
import type { IdeServices } from './services.js';
import { propertyNode } from '../language/cst-property.js';

export class PlanspecInlayHintProvider extends AbstractInlayHintProvider {
    constructor(_services: IdeServices) {
        super();
    }

    /**
     * Every node, then the hints inside the range. Langium 4.4's range-limited AST stream skips the
     * property after a single child outside the range (the plans after a `phạm vi` line scrolled out
     * of view), so the range is applied to the hints instead.
     */
    override async getInlayHints(document: LangiumDocument, params: InlayHintParams): Promise<InlayHint[]> {
        const root = document.parseResult?.value;
        if (!root) {
            return [];
        }
        const hints: InlayHint[] = [];
        for (const node of AstUtils.streamAst(root)) {
            this.computeInlayHint(node, hint => hints.push(hint));
        }
        const { start, end } = params.range;
        const after = (p: Position, q: Position) => p.line > q.line || (p.line === q.line && p.character >= q.character);
        return hints.filter(h => after(h.position, start) && after(end, h.position));
    }

    computeInlayHint(node: AstNode, accept: InlayHintAcceptor): void {
        if (isTask(node)) {
            this.inheritedLead(node, accept);
        } else if (isTimePoint(node) && pointKind(node) === 'now') {
            const owner = ownerOf(node);
            const date = owner ? planDate(owner) : undefined;
            dateHint(node.$cstNode?.range.end, date, 'ngày của kế hoạch / the plan\'s date', accept);
        } else if (isEffective(node) && node.onSigning && isDocument(node.$container)) {
            const date = node.$container.date ? parseDate(node.$container.date) : undefined;
            dateHint(node.$cstNode?.range.end, date, 'ngày ký văn bản / the day the document is signed', accept);
        } else if (isUpon(node) && node.effective) {
            const date = effectiveDate(node.subject?.ref);
            dateHint(node.$cstNode?.range.end, date, 'ngày văn bản có hiệu lực / the day the document takes effect', accept);
        }
    }

    /** "← chủ trì / lead: …" after the text of a task whose lead is written elsewhere. */
    protected inheritedLead(task: Task, accept: InlayHintAcceptor): void {
        const source = leadSource(task);
        if (task.leads.length > 0 || !source || source.node === task || source.refs.length === 0) {
            return;
        }
        const position = propertyNode(task.$cstNode, 'text')?.range.end;
        if (!position) {
            return;
        }
        const names = source.refs.map(r => (r.ref ? shortName(r.ref) : `${r.$refText}?`)).join(', ');
        accept({
            position,
            label: `← chủ trì / lead: ${names}`,
            paddingLeft: true,
            kind: InlayHintKind.Parameter,
            tooltip: isTask(source.node)
                ? 'Kế thừa từ nhiệm vụ chứa nó / Inherited from the enclosing task'
                : 'Kế thừa từ tiêu đề phần / Inherited from the heading',
        });
    }
}

function dateHint(position: Position | undefined, date: CalendarDate | undefined, what: string, accept: InlayHintAcceptor): void {
    if (!position || !date) {
        return;
    }
    accept({ position, label: `= ${formatDate(date)}`, paddingLeft: true, kind: InlayHintKind.Type, tooltip: `${what}: ${dateWithWeekday(date)}` });
}
