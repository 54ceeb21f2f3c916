/**
 * Numbering: each paragraph's printed number or bullet (I., 1., 1.1., 2.1-, a), -, +), and the tree
 * it implies: a scheme met again closes the items opened after it, a new one nests, and a paragraph
 * without a number belongs to the item before it.
 */

export interface Item {
    /** The number or bullet as printed ("I.", "2.1.", "a)", "-"). */
    label?: string;
    scheme?: string;
    text: string;
    children: Item[];
}

const LABEL = /^(?:(?<roman>[IVXLC]+)\s*[.\-–]\s*(?=\S)|(?<dotted>\d{1,2}(?:[.\-]\d{1,2})+)\s*[.\-)]?\s+|(?<arabic>\d{1,2})\s*[.\-)–]\s*(?=\S)|(?<letter>[a-zđ])\)\s*|(?<bullet>[-+•–*])\s+)/u;

export function splitLabel(text: string): { label?: string; scheme?: string; text: string } {
    const m = LABEL.exec(text);
    if (!m || !m.groups) {
        return { text };
    }
    const g = m.groups;
    const scheme = g.roman ? 'roman' : g.dotted ? `dotted-${g.dotted.split(/[.\-]/).length}` : g.arabic ? 'arabic' : g.letter ? 'letter' : `bullet${g.bullet === '+' ? '+' : '-'}`;
    const rest = text.slice(m[0].length).trim();
    if (rest === '') {
        return { text };
    }
    return { label: m[0].trim(), scheme, text: rest };
}

export function isBullet(item: Item): boolean {
    return item.scheme?.startsWith('bullet') ?? false;
}

/** The formula a text's body ends with ("Trên đây là Kế hoạch …", "Trên đây là nội dung …"). */
const CLOSING = /^Trên đây là\s/u;

export function buildTree(paragraphs: string[]): Item[] {
    const root: Item = { text: '', children: [] };
    const stack: Item[] = [root];
    for (const paragraph of paragraphs) {
        const { label, scheme, text } = splitLabel(paragraph);
        const item: Item = { label, scheme, text, children: [] };
        if (scheme) {
            const same = stack.findIndex(open => open.scheme === scheme);
            if (same > 0) {
                stack.length = same;
            }
            stack[stack.length - 1].children.push(item);
            stack.push(item);
        } else if (CLOSING.test(text)) {
            // "Trên đây là Kế hoạch …": the closing formula ends every list; it is the plan's own text.
            stack.length = 1;
            root.children.push(item);
        } else {
            // A paragraph without a number goes on with the item before it (a bullet's second
            // paragraph); the last item of a list it ends stays open to the next one.
            stack[stack.length - 1].children.push(item);
        }
    }
    return root.children;
}
