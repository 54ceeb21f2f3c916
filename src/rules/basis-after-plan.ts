import type { Reference } from 'langium';
import type { Citable, Document, Plan } from '../language/generated/ast.js';
import { defineRule, noOptions } from '../linter/rule.js';
import { compareDates } from '../semantics/dates.js';
import { citableLabel, citableLabelEn, dateOf, lastPropertyRange } from '../semantics/documents.js';
import { ownerOf } from '../semantics/structure.js';

export default defineRule({
    meta: {
        id: 'basis-after-plan',
        category: 'documents',
        defaultSeverity: 'error',
        description: 'Văn bản làm căn cứ ban hành sau văn bản viện dẫn nó / A document cited as basis is dated after the text that cites it',
        ...noOptions,
        recommended: true,
    },
    create(context) {
        return {
            Plan(plan) {
                checkList(plan, plan.basis, 'basis');
                checkList(plan, plan.implements, 'implements');
            },
            Document(document) {
                checkList(document, document.basis, 'basis');
            },
            // A document cited in a task's text is cited by the plan that holds the task.
            Task(task) {
                const owner = ownerOf(task);
                if (owner) {
                    checkList(owner, task.cites.map(c => c.document).filter(r => r !== undefined), 'basis');
                }
            },
        };

        function checkList(citing: Plan | Document, refs: Array<Reference<Citable>>, property: 'basis' | 'implements'): void {
            if (refs.length === 0) {
                return;
            }
            const own = dateOf(citing);
            if (!own) {
                return;
            }
            const ownText = own.via ? `${own.text}, ngày của ${citableLabel(own.via)}` : own.text;
            const ownTextEn = own.via ? `${own.text}, the date of ${citableLabelEn(own.via)}` : own.text;
            refs.forEach(ref => {
                const cited = ref.ref;
                if (!cited || cited === citing) {
                    return;
                }
                const theirs = dateOf(cited);
                if (!theirs || compareDates(theirs.date, own.date) <= 0) {
                    return;
                }
                // Where the later date is written: the cited text's own, or its issuing decision's.
                const dated = theirs.via ?? cited;
                const verb = property === 'basis' ? 'căn cứ' : 'thực hiện';
                const verbEn = property === 'basis' ? 'rests on' : 'implements';
                context.report({
                    node: citing,
                    range: ref.$refNode?.range ?? citing.$cstNode?.range,
                    message: `${citableLabel(citing)} (ngày ${ownText}) ${verb} ${citableLabel(cited)} ngày ${theirs.text}, ban hành sau nó: kiểm tra lại ngày hoặc văn bản được viện dẫn / The ${citableLabelEn(citing)} (dated ${ownTextEn}) ${verbEn} the ${citableLabelEn(cited)} dated ${theirs.text}, which is later: check the dates or the document cited`,
                    related: [{ node: dated, range: lastPropertyRange(dated, 'date'), message: `Ngày của ${citableLabel(dated)} / The date of the ${citableLabelEn(dated)}` }],
                });
            });
        }
    },
});
