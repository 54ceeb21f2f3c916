import { describe, expect, test } from 'vitest';
import { clauses, importSnippet, loadDraft, taskBlock, unresolved } from './import-helpers.js';

const head = 'KẾ HOẠCH\n\nPhòng, chống tội phạm năm 2025\n\nI. NHIỆM VỤ\n\n';

describe('assignments', () => {
    test('"Giao X chủ trì, phối hợp với Y, Z …": X leads, Y and Z cooperate', async () => {
        const result = await importSnippet(head + '1. Giao Công an tỉnh chủ trì, phối hợp với Sở Tài chính, Sở Nội vụ xây dựng kế hoạch kiểm tra.');
        const block = taskBlock(result.plan, 'Giao Công an tỉnh');
        expect(block[0]).toMatch(/^\[1\.\] giao "Giao Công an tỉnh chủ trì/u);
        expect(block).toContain('chủ trì CA_TINH');
        expect(block).toContain('phối hợp SO_TC, SO_NV');
        expect(unresolved(await loadDraft(result))).toEqual([]);
    });

    test('"X chủ trì, phối hợp với Y", a group as lead, and "X phối hợp Y …"', async () => {
        const result = await importSnippet(head + [
            '1. Các sở, ban, ngành tỉnh chủ trì, phối hợp với Công an tỉnh tuyên truyền pháp luật.',
            '2. Sở Tài chính phối hợp Sở Nội vụ bố trí kinh phí.',
        ].join('\n\n'));
        expect(taskBlock(result.plan, 'Các sở, ban, ngành tỉnh')).toEqual(expect.arrayContaining(['chủ trì SO_NGANH', 'phối hợp CA_TINH']));
        expect(taskBlock(result.plan, 'Sở Tài chính phối hợp')).toEqual(expect.arrayContaining(['chủ trì SO_TC', 'phối hợp SO_NV']));
    });

    test('"Đề nghị X …" is a request; bodies are matched ignoring tone placement ("Uỷ"/"Ủy"), case and NFD', async () => {
        const text = head + '3. Đề nghị Uỷ ban MTTQ tỉnh tuyên truyền, vận động nhân dân tham gia.';
        for (const input of [text, text.normalize('NFD'), text.replace('Uỷ ban MTTQ tỉnh', 'UỶ BAN MTTQ TỈNH')]) {
            const result = await importSnippet(input);
            const block = taskBlock(result.plan, 'Đề nghị');
            expect(block[0]).toMatch(/^\[3\.\] đề nghị "Đề nghị/u);
            expect(block).toContain('chủ trì MTTQ_TINH');
        }
    });

    test('a heading naming a body addresses its items to it; "Phối hợp với Y" there means Y leads', async () => {
        const result = await importSnippet(head + [
            '2. Sở Tài chính:',
            'a) Bố trí kinh phí thực hiện Kế hoạch.',
            'b) Phối hợp với Công an tỉnh kiểm tra việc thực hiện.',
        ].join('\n\n'));
        const lines = clauses(result.plan);
        expect(lines).toContain('phần "2" "Sở Tài chính:" giao SO_TC {');
        expect(lines).toContain('[a)] nhiệm vụ "Bố trí kinh phí thực hiện Kế hoạch."');
        expect(taskBlock(result.plan, 'Phối hợp với Công an tỉnh')).toContain('phối hợp với CA_TINH');
        expect(unresolved(await loadDraft(result))).toEqual([]);
    });

    test('a heading naming a body whose text extraction put on its line is split where the registry\'s name ends', async () => {
        const text = 'KẾ HOẠCH\nPhòng, chống tội phạm năm 2025\nI. NHIỆM VỤ\n2.\nSở Tài chính\nPhối hợp với Công an tỉnh kiểm tra việc sử dụng kinh\nphí.\n3.\nĐề nghị Ủy ban MTTQ tỉnh\nTuyên truyền, vận động nhân dân.';
        const result = await importSnippet(text);
        const lines = clauses(result.plan);
        expect(lines).toContain('phần "2" "Sở Tài chính" giao SO_TC {');
        expect(taskBlock(result.plan, 'Phối hợp với Công an tỉnh')).toEqual(['nhiệm vụ "Phối hợp với Công an tỉnh kiểm tra việc sử dụng kinh phí." {', 'phối hợp với CA_TINH', '}']);
        expect(lines).toContain('phần "3" "Đề nghị Ủy ban MTTQ tỉnh" đề nghị MTTQ_TINH {');
        expect(lines).toContain('đề nghị "Tuyên truyền, vận động nhân dân."');
        expect(unresolved(await loadDraft(result))).toEqual([]);
    });

    test('a body the registry lacks is declared with its name as printed, where the sentence shows it is one', async () => {
        const result = await importSnippet(head + '4. Sở Khoa học và Công nghệ chủ trì nghiên cứu ứng dụng công nghệ.');
        expect(result.registry).toContain('cơ quan SO_KHCN "Sở Khoa học và Công nghệ"');
        expect(taskBlock(result.plan, 'Sở Khoa học')).toContain('chủ trì SO_KHCN');
        expect(unresolved(await loadDraft(result))).toEqual([]);
    });

    test('no lead is guessed: a subject that is no body stays prose, and "Giao"/"Đề nghị" without a known body gets a review comment', async () => {
        const result = await importSnippet(head + [
            '1. Tăng cường công tác tuyên truyền, phổ biến pháp luật.',
            '2. Đề nghị các cơ quan tư pháp nghiên cứu, xét xử lưu động.',
        ].join('\n\n'));
        const lines = clauses(result.plan);
        expect(lines).toContain('[1.] "Tăng cường công tác tuyên truyền, phổ biến pháp luật."');
        expect(lines).toContain('[2.] "Đề nghị các cơ quan tư pháp nghiên cứu, xét xử lưu động."');
        expect(result.plan).toMatch(/\/\/ XEM LẠI \/ REVIEW: giao việc nhưng không nhận ra cơ quan nào[^\n]*\n\s*\[2\.\] "Đề nghị các cơ quan/u);
        expect(result.notes.some(n => n.message.includes('không nhận ra cơ quan'))).toBe(true);
        expect(result.registry ?? '').not.toContain('cơ quan tư pháp');
    });

    test('under a heading, "Phối hợp với Y …" alone is a cooperation (Y leads); followed by the body\'s own duties, the body leads and Y cooperates', async () => {
        const items = [
            '3. Sở Tài chính:',
            'a) Phối hợp với Công an tỉnh kiểm tra việc sử dụng kinh phí.',
            'b) Phối hợp chặt chẽ với Công an tỉnh, Sở Nội vụ xây dựng kế hoạch phối hợp; tổ chức tập huấn cho cán bộ của ngành. Rà soát định mức chi.',
            'c) Phối hợp với Sở Nội vụ rà soát biên chế; phối hợp với Công an tỉnh kiểm tra định kỳ.',
        ].join('\n\n');
        for (const text of [head + items, (head + items).normalize('NFD')]) {
            const result = await importSnippet(text);
            expect(taskBlock(result.plan, 'Phối hợp với Công an tỉnh kiểm tra')).toContain('phối hợp với CA_TINH');
            const own = taskBlock(result.plan, 'Phối hợp chặt chẽ');
            expect(own).toContain('phối hợp CA_TINH, SO_NV');
            expect(own.some(l => l.startsWith('phối hợp với'))).toBe(false);
            // Every clause a cooperation: still the other bodies' duty.
            expect(taskBlock(result.plan, 'Phối hợp với Sở Nội vụ')).toContain('phối hợp với SO_NV');
            expect(unresolved(await loadDraft(result))).toEqual([]);
        }
    });

    test('a body named without its level in a list resolves to the one registry body it can be ("Viện kiểm sát nhân dân, Sở Nội vụ"); "Công an các đơn vị" is not "Công an tỉnh"', async () => {
        const result = await importSnippet(head + [
            '1. Giao Sở Tài chính chủ trì, phối hợp với Viện kiểm sát nhân dân, Sở Nội vụ rà soát kinh phí.',
            '2. Giao Sở Nội vụ chủ trì, phối hợp với lực lượng Công an và các sở, ban, ngành tỉnh tập huấn.',
            '3. Giao Sở Tài chính chủ trì, phối hợp với Công an các đơn vị, địa phương bố trí kinh phí.',
        ].join('\n\n'));
        expect(taskBlock(result.plan, 'Giao Sở Tài chính chủ trì, phối hợp với Viện')).toContain('phối hợp VKS_TINH, SO_NV');
        expect(taskBlock(result.plan, 'Giao Sở Nội vụ')).toContain('phối hợp CA_TINH, SO_NGANH');
        expect(taskBlock(result.plan, 'Giao Sở Tài chính chủ trì, phối hợp với Công an các').some(l => l.includes('CA_TINH'))).toBe(false);
    });

    test('one item giving duties to different bodies, a sentence each, is one numbered group of tasks; a sentence led by its time names no lead', async () => {
        const text = head + '1- Sở Tài chính chủ trì, phối hợp với Sở Nội vụ bố trí kinh phí. Các sở, ban, ngành tỉnh tổ chức quán triệt Kế hoạch này đến cán bộ. Cuối năm 2025 tiến hành tổng kết việc thực hiện Kế hoạch.';
        for (const input of [text, text.normalize('NFD')]) {
            const result = await importSnippet(input);
            const lines = clauses(result.plan);
            expect(lines).toContain('[1-] {');
            expect(taskBlock(result.plan, 'Sở Tài chính chủ trì')).toEqual(expect.arrayContaining(['chủ trì SO_TC', 'phối hợp SO_NV']));
            expect(taskBlock(result.plan, 'Các sở, ban, ngành tỉnh tổ chức')).toContain('chủ trì SO_NGANH');
            expect(taskBlock(result.plan, 'Cuối năm 2025')).toEqual(expect.arrayContaining(['chủ trì không nêu', 'hạn cuối năm 2025']));
            expect(unresolved(await loadDraft(result))).toEqual([]);
        }
    });

    test('"Đề nghị X phối hợp với Y …" with only cooperations is Y\'s duty asked of X (`cho X`); with X\'s own duties after it, X leads', async () => {
        const result = await importSnippet(head + [
            '1. Đề nghị Ủy ban MTTQ tỉnh tích cực phối hợp với Công an tỉnh tuyên truyền pháp luật trong nhân dân; phối hợp giám sát việc thực hiện.',
            '2. Đề nghị Viện Kiểm sát nhân dân tỉnh phối hợp chặt chẽ với lực lượng Công an trong điều tra, truy tố; nghiên cứu, thống nhất xét xử lưu động một số vụ án điểm.',
        ].join('\n\n'));
        const asked = taskBlock(result.plan, 'Đề nghị Ủy ban MTTQ');
        expect(asked[0]).toMatch(/^\[1\.\] đề nghị ".*" cho MTTQ_TINH \{/u);
        expect(asked).toContain('phối hợp với CA_TINH');
        expect(asked.some(l => l.startsWith('chủ trì'))).toBe(false);
        expect(taskBlock(result.plan, 'Đề nghị Viện')).toEqual(expect.arrayContaining(['chủ trì VKS_TINH', 'phối hợp CA_TINH']));
        expect(unresolved(await loadDraft(result))).toEqual([]);
    });

    test('a unit of a body ("lực lượng Cảnh sát giao thông Công an tỉnh") is that body; a service ("Hải quan") is its department', async () => {
        const result = await importSnippet(head + '1. Giao Sở Nội vụ chủ trì, phối hợp với lực lượng Cảnh sát giao thông Công an tỉnh, Hải quan, Sở Tài chính kiểm tra phương tiện.');
        expect(taskBlock(result.plan, 'Giao Sở Nội vụ')).toContain('phối hợp CA_TINH, CUC_HQ, SO_TC');
    });

    test('a paragraph going on with a duty that calls it "nhiệm vụ thường xuyên" makes the duty ongoing', async () => {
        const result = await importSnippet(head + '1. Sở Tài chính chủ trì bố trí kinh phí thực hiện Kế hoạch:\nRà soát, bảo đảm kinh phí cho các lực lượng. Xác định đây là nhiệm vụ thường xuyên, trọng tâm của cơ quan, đơn vị.');
        expect(taskBlock(result.plan, 'Sở Tài chính chủ trì')).toContain('thường xuyên');
    });

    test('without a registry, a lead-in naming a body and its duty is not taken for a heading naming a body', async () => {
        const result = await importSnippet(head + '1. Sở Tài chính chủ trì bố trí kinh phí thực hiện Kế hoạch:\nRà soát, bảo đảm kinh phí.', false);
        expect(result.plan).not.toMatch(/giao SO_TCCT/u);
        expect(result.registry ?? '').not.toMatch(/chủ trì bố trí/u);
    });
});
