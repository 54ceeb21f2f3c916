/** The array at twice its length, the new half filled with `fill`: the growth of the scratch and index arrays of rules and semantics. */
export function grown(array: Int32Array, fill = 0): Int32Array<ArrayBuffer> {
    const result = new Int32Array(2 * array.length);
    if (fill !== 0) {
        result.fill(fill, array.length);
    }
    result.set(array);
    return result;
}
