/**
 * Character classes read from a table: the rules and the semantic layer read every character of
 * every text, and a regular expression per character (or a global replace with property escapes)
 * dominated their time.
 */

/**
 * A test of one character against a Unicode class, remembered per UTF-16 unit. Returns the width
 * of the character at i (1 or 2 units) when it is in the class, else 0.
 */
export function characterClass(pattern: RegExp): (text: string, i: number) => number {
    // 0: not yet known, 1: in the class, 2: not.
    const known = new Uint8Array(0x10000);
    return (text, i) => {
        const code = text.charCodeAt(i);
        if (code >= 0xd800 && code <= 0xdbff) {
            const point = text.codePointAt(i)!;
            if (point > 0xffff) {
                return pattern.test(String.fromCodePoint(point)) ? 2 : 0;
            }
        }
        let k = known[code];
        if (k === 0) {
            k = pattern.test(String.fromCharCode(code)) ? 1 : 2;
            known[code] = k;
        }
        return k === 1 ? 1 : 0;
    };
}

/** Width of the character at i (1 or 2 UTF-16 units). */
export function widthAt(text: string, i: number): number {
    const code = text.charCodeAt(i);
    return code >= 0xd800 && code <= 0xdbff && (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
}

/** What \s matches (white space and line terminators), by UTF-16 unit. */
export function isBlank(code: number): boolean {
    if (code <= 0x20) {
        return code === 0x20 || (code >= 0x09 && code <= 0x0d);
    }
    return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029
        || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}
