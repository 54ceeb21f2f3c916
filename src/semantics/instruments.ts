/**
 * Issuing and forwarding instruments. A plan issued with a decision (`ban hành kèm theo QD`) or
 * forwarded by a letter (`chuyển bởi CV`) is read together with it: where the plan has no recipients
 * or signer of its own, those of its instrument are the plan's. Recipient lines resolve to the
 * bodies they name ("Như Điều 3": the bodies of that article; "Như trên": the addressees).
 */
import type { Document, Party, Plan, Recipient, Signer } from '../language/generated/ast.js';
import { isDocument } from '../language/generated/ast.js';
import { resolvedParties } from './responsibility.js';

export type InstrumentRole = 'issuedWith' | 'forwardedBy';

/** The document that issues or forwards a plan, if the plan names one (and it is not the plan itself). */
export function instrumentOf(plan: Plan): { document: Document | Plan; role: InstrumentRole } | undefined {
    const issuing = plan.issuedWith?.ref;
    if (issuing && issuing !== plan) {
        return { document: issuing, role: 'issuedWith' };
    }
    const forwarding = plan.forwardedBy?.ref;
    if (forwarding && forwarding !== plan) {
        return { document: forwarding, role: 'forwardedBy' };
    }
    return undefined;
}

function recipientsOfDocument(node: Document | Plan): Recipient[] {
    return node.recipients ?? [];
}

/**
 * The recipient lines that hold for a plan: its own, or, when it has none, those of the decision
 * that issues it, or else of the letter that forwards it. `from` says whose they are.
 */
export function effectiveRecipients(plan: Plan): { recipients: Recipient[]; from: 'own' | InstrumentRole } {
    if (plan.recipients.length > 0) {
        return { recipients: plan.recipients, from: 'own' };
    }
    for (const role of ['issuedWith', 'forwardedBy'] as const) {
        const document = plan[role]?.ref;
        if (document && document !== plan && recipientsOfDocument(document).length > 0) {
            return { recipients: recipientsOfDocument(document), from: role };
        }
    }
    return { recipients: [], from: 'own' };
}

/** The signer that holds for a plan: its own, or its instrument's. */
export function effectiveSigner(plan: Plan): { signer: Signer; from: 'own' | InstrumentRole } | undefined {
    if (plan.signer) {
        return { signer: plan.signer, from: 'own' };
    }
    for (const role of ['issuedWith', 'forwardedBy'] as const) {
        const document = plan[role]?.ref;
        if (document && document !== plan && document.signer) {
            return { signer: document.signer, from: role };
        }
    }
    return undefined;
}

/**
 * The bodies a recipient line names: the body itself; those listed in parentheses after a line; the
 * bodies that execute an article ("Như Điều 3"); or the addressees of the document ("Như trên").
 */
export function recipientParties(recipient: Recipient): Party[] {
    if (recipient.party) {
        return resolvedParties([recipient.party]);
    }
    if (recipient.parties.length > 0) {
        return resolvedParties(recipient.parties);
    }
    const article = recipient.article?.ref;
    if (article) {
        return resolvedParties(article.executors);
    }
    if (recipient.asAbove) {
        const owner = recipient.$container;
        if (isDocument(owner)) {
            return owner.addressees.filter(a => a !== recipient).flatMap(recipientParties);
        }
    }
    return [];
}

/** How a recipient line reads as printed: the body's name, the line, "Như Điều 3", "Như trên". */
export function recipientText(recipient: Recipient): string {
    if (recipient.text !== undefined) {
        return recipient.text;
    }
    if (recipient.party) {
        return recipient.party.ref?.officialName ?? recipient.party.$refText;
    }
    const article = recipient.article?.ref;
    if (recipient.article) {
        return `Như Điều ${article?.number ?? recipient.article.$refText}`;
    }
    return recipient.asAbove ? 'Như trên' : '';
}
