import * as fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { expectNoSyntaxErrors, load } from './helpers.js';

/** The bodies and documents the README's tour names without declaring them (they live in registries). */
const REGISTRY = `
phạm vi DongNai
cơ quan VP_UBND "Văn phòng Ủy ban nhân dân tỉnh" thuộc UBND_TINH
cơ quan SO_GDDT "Sở Giáo dục và Đào tạo tỉnh Đồng Nai" thuộc UBND_TINH
cơ quan BCN_DE_AN "Ban Chủ nhiệm Đề án tỉnh" thuộc UBND_TINH
cơ quan TU "Tỉnh ủy Đồng Nai" độc lập
cơ quan HDND_TINH "Hội đồng nhân dân tỉnh Đồng Nai" độc lập
cơ quan BCA "Bộ Công an" độc lập
văn bản TTR_135 tờ trình số "135/TTr-CAT" ngày 08/6/2025 của CA_TINH
văn bản KL_132 kết luận số "132-KL/TW" ngày 18/3/2025
`;

describe('README', () => {
    test('the language tour parses, links and checks without errors', async () => {
        const readme = fs.readFileSync('README.md', 'utf8');
        const tour = /## A short tour of the language[\s\S]*?```\n([\s\S]*?)```/.exec(readme)?.[1];
        expect(tour, 'the first code block of the tour').toBeDefined();
        const loaded = await load({ 'tour.plan': tour!, 'registry.plan': REGISTRY });
        expectNoSyntaxErrors(loaded);
        expect(loaded.diagnostics.filter(d => d.severity === 1).map(d => `${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
    });
});
