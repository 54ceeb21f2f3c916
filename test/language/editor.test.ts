import { clearDocuments, expectCompletion, expectHover } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { services } from '../helpers.js';

const REGISTRY = `
/** Cơ quan thường trực của Ban Chỉ đạo. */
cơ quan CA_TINH "Công an tỉnh"
cơ quan STP "Sở Tư pháp"
văn bản CT_39 chỉ thị số "39/CT-TTg" ngày 24/10/2017
`;

describe('editor services', () => {
    afterEach(async () => {
        await clearDocuments(services.shared);
    });

    test('completion after "chủ trì" offers the agencies, after "căn cứ" the documents', async () => {
        await expectCompletion(services)({
            text: REGISTRY + 'kế hoạch KH "x" { căn cứ <|>  nhiệm vụ "a" { chủ trì <|> } }',
            index: 1,
            assert: list => {
                const labels = list.items.map(i => i.label);
                expect(labels).toContain('CA_TINH');
                expect(labels).toContain('STP');
                expect(labels).not.toContain('CT_39');
            },
        });
        await expectCompletion(services)({
            text: REGISTRY + 'kế hoạch KH "x" { căn cứ <|>  nhiệm vụ "a" { chủ trì <|> } }',
            index: 0,
            assert: list => {
                const labels = list.items.map(i => i.label);
                expect(labels).toContain('CT_39');
                expect(labels).not.toContain('STP');
            },
        });
    });

    test('hover on a reference shows the doc comment of the declaration', async () => {
        await expectHover(services)({
            text: REGISTRY + 'kế hoạch KH "x" { nhiệm vụ "a" { chủ trì <|>CA_TINH } }',
            index: 0,
            hover: /Cơ quan thường trực/,
        });
    });
});
