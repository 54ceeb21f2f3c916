/**
 * What a function computes from a text alone, remembered by the text: on every edit the editor
 * re-checks the whole file, whose texts are, but for the one being typed in, unchanged. Two
 * generations of at most `size` texts each, so memory stays bounded: enough for the texts of the plan
 * being edited; a check of a thousand plans reads each text in one plan's validation, and remembering
 * more only keeps results alive (and copied by every garbage collection) that nobody asks for again.
 * Results are shared: callers never modify them.
 */
export function rememberedByText<T>(compute: (text: string) => T, size = 8_000): (text: string) => T {
    let recent = new Map<string, T>();
    let older = new Map<string, T>();
    return text => {
        let found = recent.get(text);
        if (found === undefined) {
            found = older.get(text);
            if (found === undefined) {
                found = compute(text);
            }
            if (recent.size >= size) {
                older = recent;
                recent = new Map();
            }
            recent.set(text, found);
        }
        return found;
    };
}
