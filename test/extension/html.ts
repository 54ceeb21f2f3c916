/**
 * A small HTML reader for the preview's own output (no DOM in this test environment): elements with
 * their attributes and children, found by tag, id or class. Enough for markup whose text and
 * attribute values are escaped, as the renderer writes them; `<script>` and `<style>` are raw text.
 */
export interface Element {
    tag: string;
    attrs: Record<string, string>;
    children: Array<Element | string>;
    parent: Element | undefined;
}

const VOID = new Set(['meta', 'link', 'br', 'hr', 'img', 'input', 'area', 'base', 'col', 'embed', 'source', 'track', 'wbr']);
const RAW = new Set(['script', 'style']);

export function parseHtml(html: string): Element {
    const root: Element = { tag: '#root', attrs: {}, children: [], parent: undefined };
    let current = root;
    const token = /<!--[\s\S]*?-->|<!DOCTYPE[^>]*>|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=/>]+(?:="[^"]*")?)*)\s*(\/?)>|([^<]+)/gy;
    let at = 0;
    while (at < html.length) {
        token.lastIndex = at;
        const m = token.exec(html);
        if (!m) {
            throw new Error(`unreadable markup at ${at}: ${html.slice(at, at + 60)}`);
        }
        at = token.lastIndex;
        const [whole, closing, name, attrText, selfClosing, text] = m;
        if (text !== undefined) {
            current.children.push(decode(text));
            continue;
        }
        if (!name) {
            continue;
        }
        const tag = name.toLowerCase();
        if (closing) {
            if (current.tag !== tag) {
                throw new Error(`</${tag}> closes <${current.tag}> at ${at - whole.length}`);
            }
            current = current.parent!;
            continue;
        }
        const element: Element = { tag, attrs: attributes(attrText ?? ''), children: [], parent: current };
        current.children.push(element);
        if (RAW.has(tag)) {
            const end = html.indexOf(`</${tag}>`, at);
            if (end < 0) throw new Error(`<${tag}> is not closed`);
            element.children.push(html.slice(at, end));
            at = end + tag.length + 3;
        } else if (!selfClosing && !VOID.has(tag)) {
            current = element;
        }
    }
    if (current !== root) {
        throw new Error(`<${current.tag}> is not closed`);
    }
    return root;
}

function attributes(text: string): Record<string, string> {
    const result: Record<string, string> = {};
    for (const m of text.matchAll(/([^\s=/>]+)(?:="([^"]*)")?/g)) {
        if (m[1] in result) {
            throw new Error(`attribute ${m[1]} given twice`);
        }
        result[m[1]] = decode(m[2] ?? '');
    }
    return result;
}

function decode(text: string): string {
    return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!);
}

export function all(root: Element, test: (e: Element) => boolean): Element[] {
    const found: Element[] = [];
    const visit = (e: Element) => {
        for (const child of e.children) {
            if (typeof child !== 'string') {
                if (test(child)) found.push(child);
                visit(child);
            }
        }
    };
    visit(root);
    return found;
}

export function byId(root: Element, id: string): Element | undefined {
    return all(root, e => e.attrs.id === id)[0];
}

export function hasClass(e: Element, name: string): boolean {
    return (e.attrs.class ?? '').split(/\s+/).includes(name);
}

export function byClass(root: Element, name: string): Element[] {
    return all(root, e => hasClass(e, name));
}

export function byTag(root: Element, tag: string): Element[] {
    return all(root, e => e.tag === tag);
}

/** The text content, entities decoded. */
export function textOf(e: Element | string): string {
    return typeof e === 'string' ? e : e.children.map(textOf).join('');
}
