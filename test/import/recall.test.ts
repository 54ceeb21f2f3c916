// Recall rules added after measuring the importer (docs/import-eval.md): each stated as a general
// phrasing of Vietnamese plans and tried on a short snippet, composed (NFC) and decomposed (NFD).
import { describe, expect, test } from 'vitest';
import { clauses, importSnippet, loadDraft, unresolved } from './import-helpers.js';

const head = 'KẾ HOẠCH\n\nBảo đảm an ninh, trật tự năm 2026\n\nII. NHIỆM VỤ, GIẢI PHÁP\n\n';

function taskBlock(plan: string, start: string): string[] {
    const lines = clauses(plan);
    const at = lines.findIndex(l => /^(\[[^\]]*\] )?(nhiệm vụ|giao|đề nghị) "/u.test(l) && l.includes(`"${start}`));
    expect(at, `a task beginning "${start}"`).toBeGreaterThanOrEqual(0);
    const block = [lines[at]];
    if (lines[at].endsWith('{')) {
        for (let i = at + 1, depth = 1; i < lines.length && depth > 0; i++) {
            depth += (lines[i].endsWith('{') ? 1 : 0) - (lines[i] === '}' ? 1 : 0);
            block.push(lines[i]);
        }
    }
    return block;
}

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
});
