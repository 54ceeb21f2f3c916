// Recall rules added after measuring the importer (docs/import-eval.md): each stated as a general
// phrasing of Vietnamese plans and tried on a short snippet, composed (NFC) and decomposed (NFD).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { importText } from '../../src/import/index.js';
import { targetsIn } from '../../src/import/targets.js';
import { REGISTRY, clauses, importSnippet, loadDraft, taskBlock, unresolved } from './import-helpers.js';

/** The shared registry plus bodies named by level ("… cùng cấp", "… các cấp"). */
const LEVELS = `nhóm VKS_CUNG_CAP "Viện kiểm sát nhân dân cùng cấp" viết tắt "VKSND cùng cấp"
nhóm TAND_CUNG_CAP "Tòa án nhân dân cùng cấp" viết tắt "TAND cùng cấp"
nhóm VKS_CAC_CAP "Viện kiểm sát nhân dân các cấp"
nhóm TAND_CAC_CAP "Tòa án nhân dân các cấp"
cơ quan SO_KHCN "Sở Khoa học và Công nghệ tỉnh Đồng Nai" viết tắt "Sở Khoa học và Công nghệ" thuộc UBND_TINH
`;
let levels: string | undefined;
async function importWithLevels(text: string) {
    if (!levels) {
        levels = fs.mkdtempSync(path.join(os.tmpdir(), 'planspec-import-levels-'));
        fs.writeFileSync(path.join(levels, 'planspec.config.json'), '{}');
        fs.writeFileSync(path.join(levels, 'co-quan.plan'), REGISTRY + LEVELS);
    }
    return importText(text, { workspace: levels, sourceName: 'snippet.txt' });
}

const head = 'KẾ HOẠCH\n\nBảo đảm an ninh, trật tự năm 2026\n\nII. NHIỆM VỤ, GIẢI PHÁP\n\n';

const both = (text: string) => [text, text.normalize('NFD')];

describe('cooperating units named inside a task', () => {
    test('"… chỉ đạo Z phối hợp với Y …" under a body heading: the heading body leads, Y cooperates', async () => {
        const text = head + [
            '3. Công an tỉnh:',
            '- Rà soát địa bàn trọng điểm; chỉ đạo lực lượng nghiệp vụ phối hợp chặt chẽ với Viện kiểm sát nhân dân tỉnh, Sở Nội vụ xử lý dứt điểm các vụ việc tồn đọng.',
        ].join('\n\n');
        for (const input of both(text)) {
            const result = await importSnippet(input);
            const block = taskBlock(result.plan, 'Rà soát địa bàn');
            expect(block).toContain('phối hợp VKS_TINH, SO_NV');
            expect(block.some(l => l.startsWith('phối hợp với'))).toBe(false);
            expect(unresolved(await loadDraft(result))).toEqual([]);
        }
    });

    test('"X chủ trì … ; phối hợp với Y …" later in the sentence: Y cooperates with the lead X', async () => {
        const text = head + '1. Sở Tài chính chủ trì thẩm định dự toán kinh phí, trong quá trình thực hiện phối hợp với Sở Nội vụ và Công an tỉnh.';
        for (const input of both(text)) {
            const block = taskBlock((await importSnippet(input)).plan, 'Sở Tài chính chủ trì');
            expect(block).toEqual(expect.arrayContaining(['chủ trì SO_TC', 'phối hợp SO_NV, CA_TINH']));
        }
    });

    test('"phối hợp với" naming no known body adds nothing, and a task with no lead gets no cooperating unit', async () => {
        const text = head + [
            '2. Sở Nội vụ:',
            '- Hướng dẫn việc khen thưởng, phối hợp với các tổ chức xã hội nghề nghiệp trong tuyên truyền.',
        ].join('\n\n') + '\n\nIII. TỔ CHỨC THỰC HIỆN\n\nCác cơ sở giáo dục phối hợp với Công an tỉnh tuyên truyền.';
        for (const input of both(text)) {
            const result = await importSnippet(input);
            expect(taskBlock(result.plan, 'Hướng dẫn việc khen thưởng').some(l => l.startsWith('phối hợp'))).toBe(false);
            expect(clauses(result.plan).filter(l => l.startsWith('phối hợp'))).toEqual([]);
        }
    });

    test('manner words between "phối hợp" and "với", and a later sentence opening "Phối hợp với Y"', async () => {
        const text = head + [
            '1. Sở Tài chính:',
            '- Kiểm tra việc sử dụng kinh phí; khi phát hiện sai phạm phối hợp kịp thời, chặt chẽ với Công an tỉnh để xử lý.',
            '- Thẩm định dự toán hằng năm. Phối hợp với Sở Nội vụ trong việc khen thưởng.',
        ].join('\n\n');
        for (const input of both(text)) {
            const plan = (await importSnippet(input)).plan;
            expect(taskBlock(plan, 'Kiểm tra việc sử dụng kinh phí')).toContain('phối hợp CA_TINH');
            expect(taskBlock(plan, 'Thẩm định dự toán')).toContain('phối hợp SO_NV');
        }
    });

    test('"Theo chức năng, nhiệm vụ được giao, phối hợp với Y …" opens the item: Y leads (README convention)', async () => {
        const text = head + [
            '4. Sở Nội vụ:',
            '- Theo chức năng, nhiệm vụ được giao, phối hợp với Công an tỉnh thực hiện tốt Kế hoạch này.',
        ].join('\n\n');
        for (const input of both(text)) {
            const block = taskBlock((await importSnippet(input)).plan, 'Theo chức năng');
            expect(block).toContain('phối hợp với CA_TINH');
            expect(block).not.toContain('phối hợp CA_TINH');
        }
    });
});

describe('a level written once after a list of bodies', () => {
    test('"VKSND, TAND cùng cấp" and "Viện kiểm sát nhân dân và Tòa án nhân dân các cấp" name each body at that level', async () => {
        const text = head + [
            '2. Công an tỉnh:',
            '- Đấu tranh với tội phạm; chỉ đạo cơ quan điều tra phối hợp với VKSND, TAND cùng cấp đẩy nhanh tiến độ điều tra, truy tố.',
            '- Xây dựng cơ sở dữ liệu, phối hợp với Viện kiểm sát nhân dân và Tòa án nhân dân các cấp thống nhất số liệu.',
        ].join('\n\n');
        for (const input of both(text)) {
            const plan = (await importWithLevels(input)).plan;
            expect(taskBlock(plan, 'Đấu tranh với tội phạm')).toContain('phối hợp VKS_CUNG_CAP, TAND_CUNG_CAP');
            expect(taskBlock(plan, 'Xây dựng cơ sở dữ liệu')).toContain('phối hợp VKS_CAC_CAP, TAND_CAC_CAP');
        }
    });

    test('a level is not shared when a name with it is not a known body', async () => {
        const text = head + '2. Công an tỉnh:\n\n- Đấu tranh với tội phạm, phối hợp với Sở Tài chính, Hội Luật gia cùng cấp xây dựng phương án.';
        for (const input of both(text)) {
            const block = taskBlock((await importWithLevels(input)).plan, 'Đấu tranh với tội phạm');
            expect(block).toContain('phối hợp SO_TC');
        }
    });
});

describe('cooperating units given by a lead-in to the items after it', () => {
    test('"Chỉ đạo X chủ trì, phối hợp với Y triển khai các nội dung sau:" then a), b): each item cooperates with Y', async () => {
        const text = head + [
            '3. Công an tỉnh',
            'Chỉ đạo Công an các huyện chủ trì, phối hợp với Sở Nội vụ, Sở Tài chính triển khai các nội dung công tác sau:',
            'a) Rà soát, phân loại các địa bàn phức tạp',
            '- Lập danh sách địa bàn cần tập trung chuyển hóa.',
            'b) Xử lý vi phạm',
            '- Kiểm tra, xử lý nghiêm các vi phạm.',
            '- Phối hợp với Công an tỉnh tổng hợp kết quả.',
            '4. Sở Tài chính',
            'Bố trí kinh phí thực hiện.',
        ].join('\n\n');
        for (const input of both(text)) {
            const result = await importSnippet(input);
            expect(taskBlock(result.plan, 'Lập danh sách')).toContain('phối hợp SO_NV, SO_TC');
            expect(taskBlock(result.plan, 'Kiểm tra, xử lý')).toContain('phối hợp SO_NV, SO_TC');
            // An item naming whom it works with keeps its own; the next heading's items inherit nothing.
            expect(taskBlock(result.plan, 'Phối hợp với Công an tỉnh')).not.toContain('phối hợp SO_NV, SO_TC');
            expect(taskBlock(result.plan, 'Bố trí kinh phí').some(l => l.startsWith('phối hợp'))).toBe(false);
            expect(unresolved(await loadDraft(result))).toEqual([]);
        }
    });

    test('a paragraph that is not a lead-in ("… phối hợp với Y." without "sau:") gives nothing to the items after it', async () => {
        const text = head + [
            '3. Công an tỉnh',
            'Công an tỉnh chủ trì, phối hợp với Sở Nội vụ tổng kết công tác năm.',
            'a) Lập danh sách địa bàn cần tập trung chuyển hóa.',
        ].join('\n\n');
        for (const input of both(text)) {
            const block = taskBlock((await importSnippet(input)).plan, 'Lập danh sách');
            expect(block.some(l => l.startsWith('phối hợp'))).toBe(false);
        }
    });
});


describe('targets without a percent value', () => {
    const targetLines = (plan: string) => clauses(plan).filter(l => l.startsWith('chỉ tiêu '));

    test('"năm sau giảm so với năm trước" and "giảm số …"/"tăng tỷ lệ …" with no value are directions', async () => {
        const text = 'KẾ HOẠCH\n\nPhòng, chống tai nạn năm 2026\n\nI. MỤC TIÊU\n\n' + [
            '- Kiềm chế tai nạn lao động, năm sau giảm so với năm trước.',
            '- Giảm số vụ cháy nổ tại khu dân cư; tăng tỷ lệ hộ gia đình có bình chữa cháy.',
            '- Giảm thiểu thiệt hại do thiên tai gây ra.',
        ].join('\n\n');
        for (const input of both(text)) {
            const result = await importSnippet(input);
            expect(targetLines(result.plan).map(l => /^chỉ tiêu "(.*?)"/u.exec(l)?.[1])).toEqual([
                'Kiềm chế tai nạn lao động, năm sau giảm so với năm trước',
                'Giảm số vụ cháy nổ tại khu dân cư',
                'tăng tỷ lệ hộ gia đình có bình chữa cháy',
            ]);
            expect(targetLines(result.plan).map(l => l.replace(/^chỉ tiêu ".*" /u, ''))).toEqual(['giảm so với năm trước', 'giảm', 'tăng']);
            await loadDraft(result);
        }
    });

    test('"Tỷ lệ … đạt và vượt chỉ tiêu … giao" is a level in words; a result "nhiều nội dung đạt và vượt …" is not a target', async () => {
        const text = 'KẾ HOẠCH\n\nThi hành án năm 2026\n\nI. MỤC TIÊU\n\n' + [
            '- Năm 2025, công tác thi hành án có chuyển biến, nhiều nội dung đạt và vượt chỉ tiêu Bộ Tư pháp giao.',
            '- Tỷ lệ thi hành xong về việc đạt và vượt chỉ tiêu Bộ Tư pháp giao.',
        ].join('\n\n');
        for (const input of both(text)) {
            const result = await importSnippet(input);
            expect(targetLines(result.plan).map(l => l.replace(/^chỉ tiêu ".*?" /u, ''))).toEqual(['đạt và vượt "chỉ tiêu Bộ Tư pháp giao"']);
            await loadDraft(result);
        }
    });

    test('"giảm ít nhất 5% tai nạn cả về số vụ, số người chết và số người bị thương": one target per measure', async () => {
        const text = 'KẾ HOẠCH\n\nBảo đảm trật tự an toàn giao thông năm 2026\n\nI. MỤC TIÊU\n\n- Kiềm chế tai nạn đường thủy, giảm ít nhất 5% tai nạn cả về số vụ, số người chết và số người bị thương.';
        for (const input of both(text)) {
            const result = await importSnippet(input);
            expect(targetLines(result.plan).map(l => l.replace(/^chỉ tiêu ".*?" /u, ''))).toEqual([
                'giảm ít nhất 5% đối với "số vụ"',
                'giảm ít nhất 5% đối với "số người chết"',
                'giảm ít nhất 5% đối với "số người bị thương"',
            ]);
            await loadDraft(result);
        }
    });
});

describe('reports listed under a lead-in, and duties opening with where they come from', () => {
    test('"Căn cứ Kế hoạch này, X …" is X\'s duty; "… báo cáo về Y (qua Z), cụ thể:" then "Báo cáo 6 tháng: … gửi trước ngày 15/6" items are reports to Y through Z', async () => {
        const text = 'KẾ HOẠCH\n\nThực hiện Chương trình chuyển đổi số năm 2026\n\nIII. TỔ CHỨC THỰC HIỆN\n\n' + [
            '1. Căn cứ nội dung Kế hoạch này, các sở, ban, ngành tỉnh xây dựng kế hoạch của đơn vị; định kỳ hằng năm báo cáo kết quả về Ủy ban nhân dân tỉnh (qua Sở Nội vụ), cụ thể:',
            '- Báo cáo 6 tháng: số liệu tính đến ngày 31/5; gửi trước ngày 15/6.',
            '- Báo cáo năm: số liệu tính đến ngày 30/11; gửi trước ngày 15/12.',
            '2. Sở Tài chính bố trí kinh phí.',
        ].join('\n\n');
        for (const input of both(text)) {
            const result = await importSnippet(input);
            const block = taskBlock(result.plan, 'Căn cứ nội dung Kế hoạch này');
            expect(block).toContain('chủ trì SO_NGANH');
            const reports = clauses(result.plan).filter(l => /báo cáo "/u.test(l));
            expect(reports).toEqual([
                '[-] báo cáo "Báo cáo 6 tháng: số liệu tính đến ngày 31/5; gửi trước ngày 15/6." {',
                '[-] báo cáo "Báo cáo năm: số liệu tính đến ngày 30/11; gửi trước ngày 15/12." {',
            ]);
            expect(block).toEqual(expect.arrayContaining(['gửi UBND_TINH', 'qua SO_NV', 'trước ngày 15/6', 'trước ngày 15/12', 'hằng năm']));
            expect(unresolved(await loadDraft(result))).toEqual([]);
        }
    });

    test('items after a report lead-in that are not "Báo cáo …:" stay as they were', async () => {
        const text = 'KẾ HOẠCH\n\nThực hiện Chương trình chuyển đổi số năm 2026\n\nIII. TỔ CHỨC THỰC HIỆN\n\n' + [
            '1. Các sở, ban, ngành tỉnh định kỳ hằng năm báo cáo kết quả về Ủy ban nhân dân tỉnh, cụ thể:',
            '- Tình hình triển khai các nhiệm vụ được giao.',
        ].join('\n\n');
        for (const input of both(text)) {
            const result = await importSnippet(input);
            const reports = clauses(result.plan).filter(l => /báo cáo "/u.test(l));
            expect(reports).toHaveLength(1);
            expect(reports[0]).toMatch(/^báo cáo ".*cụ thể:" \{$/u);
            expect(clauses(result.plan).some(l => l.includes('"Tình hình triển khai các nhiệm vụ được giao."') && !l.includes('báo cáo'))).toBe(true);
        }
    });
});

describe('reports: two periods, and matters put to a body for decision', () => {
    const reportLines = (plan: string) => clauses(plan).filter(l => /^(\[[^\]]*\] )?báo cáo "/u.test(l));

    test('"định kỳ 6 tháng, hằng năm … báo cáo … về Y (qua Z)" is two reports to Y, one per period', async () => {
        const text = 'KẾ HOẠCH\n\nThực hiện Chương trình chuyển đổi số năm 2026\n\nIII. TỔ CHỨC THỰC HIỆN\n\n'
            + '1. Các sở, ban, ngành tỉnh triển khai Kế hoạch này; định kỳ 6 tháng, hằng năm báo cáo kết quả về Ủy ban nhân dân tỉnh (qua Sở Nội vụ) để tổng hợp.';
        for (const input of both(text)) {
            const result = await importSnippet(input);
            const block = taskBlock(result.plan, 'Các sở, ban, ngành tỉnh triển khai');
            expect(reportLines(result.plan)).toHaveLength(2);
            expect(block.filter(l => l === 'gửi UBND_TINH')).toHaveLength(2);
            expect(block).toEqual(expect.arrayContaining(['định kỳ 6 tháng', 'hằng năm', 'qua SO_NV']));
            await loadDraft(result);
        }
    });

    test('"báo cáo Y xem xét, quyết định" / "báo cáo Y ưu tiên bố trí" puts a matter to Y: no report duty', async () => {
        const text = 'KẾ HOẠCH\n\nThực hiện Chương trình chuyển đổi số năm 2026\n\nIII. TỔ CHỨC THỰC HIỆN\n\n' + [
            '1. Sở Tài chính lập dự toán kinh phí, báo cáo Ủy ban nhân dân tỉnh xem xét, quyết định.',
            '2. Sở Nội vụ tổng hợp nhu cầu, báo cáo Ủy ban nhân dân tỉnh ưu tiên bố trí biên chế.',
            '3. Công an tỉnh tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12 hằng năm.',
        ].join('\n\n');
        for (const input of both(text)) {
            const result = await importSnippet(input);
            expect(reportLines(result.plan)).toEqual(['báo cáo "Công an tỉnh tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12 hằng năm." {']);
        }
    });
});

describe('names printed without their "và"', () => {
    test('"Sở Khoa học Công nghệ" is the registry\'s "Sở Khoa học và Công nghệ", not a new body', async () => {
        const text = head + '1. Sở Khoa học Công nghệ chủ trì, phối hợp với Sở Tài chính xây dựng cơ sở dữ liệu.';
        for (const input of both(text)) {
            const result = await importWithLevels(input);
            expect(taskBlock(result.plan, 'Sở Khoa học Công nghệ')).toEqual(expect.arrayContaining(['chủ trì SO_KHCN', 'phối hợp SO_TC']));
            expect(result.registry ?? '').not.toMatch(/Khoa học/u);
        }
    });
});

describe('count bounds stated in words', () => {
    const plans = (text: string, seen?: Set<string>) => targetsIn(text.normalize('NFC'), seen).map(t => t.plan);

    test('an operator in words before a number and its unit is a target; time spans and bare numbers are not', () => {
        for (const form of ['NFC', 'NFD'] as const) {
            const n = (s: string) => s.normalize(form);
            expect(plans(n('Mỗi tổ tự quản có không quá 30 hộ gia đình để dễ quản lý.'))).toEqual([n('chỉ tiêu "Mỗi tổ tự quản có không quá 30 hộ gia đình để dễ quản lý" không quá 30 hộ gia đình').normalize('NFC')]);
            expect(plans(n('Mỗi xã xây dựng ít nhất 02 câu lạc bộ thể thao'))).toEqual(['chỉ tiêu "Mỗi xã xây dựng ít nhất 02 câu lạc bộ thể thao" ít nhất 02']);
            expect(plans(n('mỗi trường có tối thiểu 1 cán bộ, nhân viên y tế'))).toEqual(['chỉ tiêu "mỗi trường có tối thiểu 1 cán bộ, nhân viên y tế" tối thiểu 1 cán bộ']);
            expect(plans(n('Mỗi xã có ít nhất 02 câu lạc bộ.'))).toEqual(['chỉ tiêu "Mỗi xã có ít nhất 02 câu lạc bộ" ít nhất 02 câu lạc bộ']);
            // A span of time is a deadline's; a number with no operator is no bound.
            expect(plans(n('giải quyết trong thời hạn không quá 15 ngày làm việc'))).toEqual([]);
            expect(plans(n('thành lập 12 đoàn kiểm tra liên ngành'))).toEqual([]);
        }
    });

    test('a bound beside a percent is read too; restated later it is read once', () => {
        expect(plans('100% các xã xây dựng ít nhất 01 tổ hòa giải hoạt động hiệu quả')).toEqual([
            'chỉ tiêu "100% các xã xây dựng ít nhất 01 tổ hòa giải hoạt động hiệu quả" ít nhất 01',
            'chỉ tiêu "100% các xã xây dựng ít nhất 01 tổ hòa giải hoạt động hiệu quả" 100%',
        ]);
        const seen = new Set<string>();
        expect(plans('Củng cố các tổ an ninh, mỗi tổ không quá 25 thành viên.', seen)).toHaveLength(1);
        expect(plans('Tiếp tục củng cố tổ an ninh, mỗi tổ an ninh không quá 25 thành viên.', seen)).toEqual([]);
    });

    test('in a draft, NFC and NFD alike, the bound parses and its paragraph stays verbatim', async () => {
        for (const form of ['NFC', 'NFD'] as const) {
            const text = `${head}1. Kiện toàn các tổ tự quản về an ninh, mỗi tổ không quá 30 hộ gia đình.\n\n2. Củng cố tổ tự quản, bảo đảm mỗi tổ không quá 30 hộ gia đình.`.normalize(form);
            const result = await importSnippet(text);
            const lines = clauses(result.plan);
            expect(lines.filter(l => l.startsWith('chỉ tiêu '))).toEqual(['chỉ tiêu "Kiện toàn các tổ tự quản về an ninh, mỗi tổ không quá 30 hộ gia đình" không quá 30 hộ gia đình']);
            expect(result.plan.normalize('NFC')).toContain('Củng cố tổ tự quản, bảo đảm mỗi tổ không quá 30 hộ gia đình.');
            await loadDraft(result); // asserts no syntax error
        }
    });
});

describe('"từ X%" alone, and targets in an item of several paragraphs', () => {
    test('"giảm từ 4% số vụ" is "từ 4%" as printed, not a bare 4%; "từ 3% đến 5%" stays a range', () => {
        for (const form of ['NFC', 'NFD'] as const) {
            const plans = targetsIn('mỗi năm giảm từ 4% số vụ cháy'.normalize(form).normalize('NFC')).map(t => t.plan);
            expect(plans).toEqual(['chỉ tiêu "mỗi năm giảm từ 4% số vụ cháy" giảm từ 4% hằng năm']);
        }
        expect(targetsIn('giảm từ 3% đến 5% số vụ cháy').map(t => t.plan)).toEqual(['chỉ tiêu "giảm từ 3% đến 5% số vụ cháy" giảm từ 3% đến 5%']);
    });

    test('an item "- …" followed by a paragraph of its own: the first paragraph\'s targets are read, NFC and NFD', async () => {
        for (const form of ['NFC', 'NFD'] as const) {
            const text = `${head}1. Công tác quản lý trại giam\n\n- Giảm số phạm nhân vi phạm nội quy trại giam; tỷ lệ phạm nhân được học nghề đạt trên 60%.\nSắp xếp, phân loại phạm nhân theo quy định.\n\n- Tăng cường kiểm tra.`.normalize(form);
            const result = await importSnippet(text);
            const lines = clauses(result.plan.normalize('NFC'));
            expect(lines).toEqual(expect.arrayContaining([
                'chỉ tiêu "Giảm số phạm nhân vi phạm nội quy trại giam" giảm',
                'chỉ tiêu "tỷ lệ phạm nhân được học nghề đạt trên 60%" trên 60%',
            ]));
            expect(result.plan.normalize('NFC')).toContain('"Giảm số phạm nhân vi phạm nội quy trại giam; tỷ lệ phạm nhân được học nghề đạt trên 60%."');
            await loadDraft(result);
        }
    });
});

describe('a report made "theo quy định", its recipient unstated', () => {
    test('"tổng hợp kết quả báo cáo theo quy định" and "Hằng năm lập báo cáo … theo quy định" are reports with no recipient; the reporting regime is not', async () => {
        for (const form of ['NFC', 'NFD'] as const) {
            const text = `${head}1. Sở Tư pháp chủ trì hướng dẫn, kiểm tra việc thực hiện Kế hoạch; tổng hợp kết quả báo cáo theo quy định.\n\n2. Sở Tài chính thực hiện chế độ thông tin, báo cáo theo quy định.\n\n3. Sở Tư pháp hằng năm lập báo cáo về công tác hòa giải ở cơ sở theo quy định.`.normalize(form);
            const result = await importSnippet(text);
            const plan = result.plan.normalize('NFC');
            const reports = clauses(plan).filter(l => l.startsWith('báo cáo '));
            expect(reports).toEqual([
                'báo cáo "tổng hợp kết quả báo cáo theo quy định." {',
                'báo cáo "Sở Tư pháp hằng năm lập báo cáo về công tác hòa giải ở cơ sở theo quy định." {',
            ]);
            expect(plan).not.toMatch(/^\s*gửi\s*$/mu);
            await loadDraft(result);
        }
    });
});

describe('a lead-in "Chỉ đạo X chủ trì … sau:" hands X the items after it', () => {
    test('under "Sở Tài chính", the items after "Chỉ đạo Công an tỉnh chủ trì … sau:" are led by Công an tỉnh; NFC and NFD', async () => {
        for (const form of ['NFC', 'NFD'] as const) {
            const text = `${head}1. Sở Tài chính:\n\nChỉ đạo Công an tỉnh chủ trì, phối hợp các cơ quan liên quan thực hiện các nội dung sau:\n\na) Công tác phòng ngừa\n\n- Rà soát các địa bàn phức tạp về an ninh.\n\n- Tổ chức tuần tra, kiểm soát vào ban đêm.`.normalize(form);
            const result = await importSnippet(text);
            const lines = clauses(result.plan.normalize('NFC'));
            for (const start of ['Rà soát các địa bàn', 'Tổ chức tuần tra']) {
                expect(taskBlock(result.plan.normalize('NFC'), start)).toContain('chủ trì CA_TINH');
            }
            expect(lines.filter(l => l === 'chủ trì CA_TINH')).toHaveLength(2);
            await loadDraft(result);
        }
    });

    test('a paragraph that is not a lead-in ("… chủ trì … ." without "sau:") hands nothing', async () => {
        const text = `${head}1. Sở Tài chính:\n\nChỉ đạo Công an tỉnh chủ trì rà soát các địa bàn phức tạp.\n\n- Tổ chức tuần tra, kiểm soát vào ban đêm.`;
        const result = await importSnippet(text);
        expect(taskBlock(result.plan, 'Tổ chức tuần tra')).not.toContain('chủ trì CA_TINH');
        await loadDraft(result);
    });
});
