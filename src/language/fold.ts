/**
 * Text as a person types it when searching: without diacritics, "đ" as "d", in lower case, blanks
 * collapsed. "Uỷ ban" and "Ủy ban" (old and new tone placement), "so tu phap" and "Sở Tư pháp",
 * NFC and NFD input all fold alike. Only for matching what someone typed (completion, symbol search,
 * suggestions); names are compared and stored in NFC with their diacritics everywhere else.
 */
export function foldForSearch(text: string): string {
    return text
        .normalize('NFD')
        .replace(/\p{M}+/gu, '')
        .replace(/[đĐ]/g, 'd')
        .toLowerCase()
        .replace(/\s+/g, ' ')
        .trim();
}

/**
 * How well `query` (as typed) matches `candidate`, both folded: 3 the whole text, 2 a prefix,
 * 1 every word of the query begins a word of the candidate, in order ("tu phap" in "Sở Tư pháp";
 * "cong an" in "Công an tỉnh"), 0 no match. An empty query matches everything at 1.
 */
export function searchScore(query: string, candidate: string): number {
    const q = foldForSearch(query);
    const c = foldForSearch(candidate);
    if (q === '') {
        return 1;
    }
    if (c === q) {
        return 3;
    }
    if (c.startsWith(q)) {
        return 2;
    }
    const words = c.split(/[\s_.\-/(),]+/).filter(w => w !== '');
    const wanted = q.split(/[\s_.\-/(),]+/).filter(w => w !== '');
    let at = 0;
    for (const w of wanted) {
        while (at < words.length && !words[at].startsWith(w)) {
            at++;
        }
        if (at === words.length) {
            return 0;
        }
        at++;
    }
    return 1;
}

/**
 * Edit distance (insertions, deletions, substitutions) of two strings, or `max + 1` as soon as it
 * is known to exceed `max`: cheap enough to compare one name with thousands.
 */
export function editDistance(a: string, b: string, max: number): number {
    if (Math.abs(a.length - b.length) > max) {
        return max + 1;
    }
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        let best = i;
        for (let j = 1; j <= b.length; j++) {
            const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
            current.push(value);
            best = Math.min(best, value);
        }
        if (best > max) {
            return max + 1;
        }
        previous = current;
    }
    return Math.min(previous[b.length], max + 1);
}
