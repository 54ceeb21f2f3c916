import { describe, expect, test } from 'vitest';
import { grown } from '../../src/language/typed-arrays.js';

describe('grown', () => {
    test('doubles the array, keeping its entries and filling the new half', () => {
        const array = Int32Array.from([3, -1, 7]);
        expect([...grown(array)]).toEqual([3, -1, 7, 0, 0, 0]);
        expect([...grown(array, -1)]).toEqual([3, -1, 7, -1, -1, -1]);
        expect([...array]).toEqual([3, -1, 7]);
    });
});
