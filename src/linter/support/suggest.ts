/**
 * "Did you mean …?": the declared name a mistyped one most likely stands for, by edit distance on
 * the id (without diacritics and case: "Ca_Tinh", "CA_TNH" → CA_TINH) or by the official name the id
 * spells out ("SO_TU_PHAP" → STP "Sở Tư pháp tỉnh …"). Only a candidate that is clearly the closest
 * is offered: a tie, or two methods that disagree, give nothing.
 */
import { editDistance, foldForSearch, searchScore } from '../../language/fold.js';

export interface Candidate {
    /** The name as it can be written where the reference is (short, or qualified). */
    name: string;
    /** Official name, short names, title: what the id may spell out. Read only when needed. */
    names: () => string[];
}

/** The largest edit distance at which a name of this length is still taken for a typo. */
function tolerance(length: number): number {
    return length <= 6 ? 1 : length <= 10 ? 2 : 3;
}

export function closestCandidate(written: string, candidates: readonly Candidate[]): Candidate | undefined {
    const typed = foldForSearch(written);
    if (typed === '') {
        return undefined;
    }
    const max = tolerance(typed.length);
    let byId: Candidate | undefined;
    let best = max + 1;
    let tie = false;
    for (const candidate of candidates) {
        const distance = editDistance(typed, foldForSearch(candidate.name), best);
        if (distance < best) {
            best = distance;
            byId = candidate;
            tie = false;
        } else if (distance === best && distance <= max) {
            tie = true;
        }
    }
    const fromId = byId && best <= max && !tie ? byId : undefined;

    // The id as words ("SO_TU_PHAP" → "so tu phap") against the official names: the whole name or
    // its beginning ("Sở Tư pháp tỉnh Vĩnh Phúc").
    const words = typed.replace(/[_.]+/g, ' ').trim();
    let byName: Candidate | undefined;
    let top = 1;
    tie = false;
    if (words.includes(' ')) {
        for (const candidate of candidates) {
            const score = Math.max(0, ...candidate.names().map(name => searchScore(words, name)));
            if (score > top) {
                top = score;
                byName = candidate;
                tie = false;
            } else if (score === top && score > 1) {
                tie = true;
            }
        }
    }
    const fromName = byName && !tie ? byName : undefined;
    if (fromId && fromName && fromId !== fromName) {
        return undefined;
    }
    return fromId ?? fromName;
}
