// How a plan's bytes become its text: valid UTF-8 as TextDecoder reads it (byte-order mark dropped),
// invalid UTF-8 read with U+FFFD and its first invalid byte kept for the file's error.
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { PlanspecFileSystemProvider } from '../../src/workspace/file-system.js';

describe('reading a file\'s bytes', () => {
    test('the text TextDecoder gives, and an encoding problem exactly when the bytes are not UTF-8', () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planspec-decode-'));
        const file = path.join(dir, 'kh.plan');
        const uri = URI.file(file);
        const provider = new PlanspecFileSystemProvider();
        const bytes = fc.oneof(
            fc.uint8Array({ maxLength: 64 }),
            fc.string({ unit: 'grapheme', maxLength: 40 }).map(text => new Uint8Array(Buffer.from(text, 'utf8'))),
            fc.string({ unit: 'grapheme', maxLength: 40 }).map(text => new Uint8Array(Buffer.from(`\uFEFFKế hoạch ${text}`, 'utf8'))),
        );
        try {
            fc.assert(fc.property(bytes, data => {
                fs.writeFileSync(file, data);
                const text = provider.readFileSync(uri);
                expect(text).toBe(new TextDecoder('utf-8').decode(data));
                let valid = true;
                try {
                    new TextDecoder('utf-8', { fatal: true }).decode(data);
                } catch {
                    valid = false;
                }
                expect(provider.encodingProblem(uri) === undefined).toBe(valid);
            }), { numRuns: 500 });
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
