import { afterEach, describe, expect, test } from 'vitest';
import { examplesWorkspace, expectCleanFix, nfd } from '../fix-helpers.js';
import { expectFindings, expectSilent, inPlan, useRuleOptions, resetRuleSettings } from '../helpers.js';
import { relatedOf } from './related.js';

describe('section-numbering', () => {
    afterEach(resetRuleSettings);

    test('fires once at a repeated number: I, I, III (seed 003) and III, III, IV (seed 001)', async () => {
        const found = await expectFindings('section-numbering', inPlan(`
    phần "I" "MỤC TIÊU, YÊU CẦU" { "Mục tiêu" }
    phần ⟦"I"⟧ "NHIỆM VỤ TRỌNG TÂM" {
        phần "1" "Tuyên truyền" { }
        phần "2" "Phòng ngừa" { }
        phần ⟦"2"⟧ "Phòng ngừa" { }
        phần "3" "Đấu tranh" { }
    }
    phần "III" "TỔ CHỨC THỰC HIỆN" { }
    phần "IV" "KINH PHÍ" { }`), /bị lặp: đã dùng ở dòng \d+ \/ .*is used twice: already at line \d+/);
        expect(found[0].message).toBe('Số thứ tự "I" bị lặp: đã dùng ở dòng 5 / Number "I" is used twice: already at line 5');
        const sorted = [...found].sort((a, b) => a.range.start.line - b.range.start.line);
        expect(sorted.map(relatedOf)).toEqual([
            [{ file: 'plan.plan', line: 5, text: '"I"', message: 'Số "I" dùng lần đầu / Number "I" first used' }],
            [{ file: 'plan.plan', line: 8, text: '"2"', message: 'Số "2" dùng lần đầu / Number "2" first used' }],
        ]);
    });

    test('fires at a number that skips or goes back: 1, 2, 3, 5 (seed 001), a, b, d, and I, III', async () => {
        const found = await expectFindings('section-numbering', inPlan(`
    phần "I" "Nhiệm vụ" {
        phần "1" "Lãnh đạo" { }
        phần "2" "Tuyên truyền" { }
        phần "3" "Phòng ngừa" { }
        phần ⟦"5"⟧ "Phát huy" { }
    }
    phần ⟦"III"⟧ "Tổ chức thực hiện" {
        phần "a" "Công an tỉnh" { }
        phần "b" "Sở Tư pháp" { }
        phần ⟦"d"⟧ "Các sở" { }
        phần ⟦"c"⟧ "Các huyện" { }
    }`), /nhảy từ .* sang .*: cần .* \/ Numbering goes from/);
        expect(found.map(f => f.message)).toEqual([
            expect.stringMatching(/^Số thứ tự nhảy từ "I" sang "III": cần "II" \//),
            expect.stringMatching(/^Số thứ tự nhảy từ "3" sang "5": cần "4" \//),
            expect.stringMatching(/^Số thứ tự nhảy từ "b" sang "d": cần "c" \//),
            expect.stringMatching(/^Số thứ tự nhảy từ "d" sang "c": cần "đ" \//),
        ]);
    });

    test('fires at a dotted number whose prefix is not the number of its section', async () => {
        await expectFindings('section-numbering', inPlan(`
    phần "II" "Mục tiêu" {
        phần "2" "Mục tiêu" {
            phần "2.1" "Mục tiêu tổng quát" { }
            phần ⟦"3.2"⟧ "Mục tiêu cụ thể" { }
        }
    }`), /không khớp với số của phần chứa nó "2": cần "2.2"/);
    });

    test('counts items whose text starts with a number: "13." twice (seed 002)', async () => {
        await expectFindings('section-numbering', inPlan(`
    phần "III" "PHÂN CÔNG NHIỆM VỤ" {
        nhiệm vụ NV12 "12. Sở Nội vụ" { chủ trì STP }
        nhiệm vụ NV13 "13. Sở Tài chính" { chủ trì STP }
        nhiệm vụ NV13B "⟦13⟧. Sở Kế hoạch và Đầu tư" { chủ trì STP }
        nhiệm vụ NV14 "14. Sở Khoa học và Công nghệ" { chủ trì STP }
        "⟦16⟧- Các huyện"
    }`), /"13" bị lặp|nhảy từ "14" sang "16"/);
    });

    test('is silent on well-numbered schemes, mixed items, nested letters, unnumbered sections', async () => {
        await expectSilent('section-numbering', inPlan(`
    "Căn cứ Chỉ thị số 39/CT-TTg, UBND tỉnh ban hành Kế hoạch như sau:"
    phần "I" "MỤC ĐÍCH" {
        phần "1" "Mục tiêu" {
            phần "1.1" "Mục tiêu chung" { }
            phần "1.2." "Mục tiêu cụ thể" { }
        }
        phần "2" "Yêu cầu" { }
    }
    phần "II" "NHIỆM VỤ" {
        nhiệm vụ NV1 "1. Các sở, ban, ngành" { chủ trì SO_NGANH }
        nhiệm vụ NV2 "2. Công an tỉnh" { chủ trì CA_TINH }
        phần "3" "Tăng cường phòng ngừa" {
            phần "2.1" "Under a dotted parent the prefix is checked, here it is not" { }
        }
        phần "4" "Đấu tranh" { }
        phần "5" "Điều tra" { }
        "6. Nâng cao hiệu lực quản lý nhà nước" // a paragraph numbered in its text
        phần "7" "Thi hành án" {
            phần "a" "Án hình sự" { }
            phần "b" "Án dân sự" { }
            phần "c" "Án hành chính" { }
            phần "d" "Án kinh tế" { }
            phần "đ" "Án lao động" { }
            phần "e" "Án khác" { }
            phần "g" "Án khác nữa" { }
        }
        "8. Tiếp tục thực hiện Nghị quyết 18-NQ/TW"
    }
    phần "III" "PHÂN CÔNG" {
        phần "1" "Công an tỉnh" { }
        "a) Tham mưu"
        "b) Phối hợp"
        phần "2" "Sở Tư pháp" { }
        "a) Rà soát"
        phần "Không đánh số" "Unnumbered" { }
        phần "3" "Các huyện" { }
    }
    phần "IV" "KINH PHÍ" {
        phần "a" "Vietnamese order" { }
        phần "b" "" { }
        phần "c" "" { }
        phần "d" "" { }
        phần "đ" "" { }
        phần "e" "" { }
        phần "g" "" { }
        phần "h" "" { }
    }
    phần "Phần V" "Khác" { }
    phần "A" "Phụ lục" { phần "I" "" { } phần "II" "" { } }
    phần "B" "Phụ lục" { }`));
    });

    test('numbers need not start at 1, and letters may follow after H with I', async () => {
        await expectSilent('section-numbering', inPlan(`
    phần "3" "" { }
    phần "4" "" { }
    phần "5" "" { }
    phần "G" "" { }
    phần "H" "" { }
    phần "I" "" { }
    phần "K" "" { }`));
    });

    test('with numberedText false, only section numbers count', async () => {
        useRuleOptions('section-numbering', { numberedText: false });
        await expectFindings('section-numbering', inPlan(`
    phần "II" "NHIỆM VỤ" {
        phần "3" "Phòng ngừa" { }
        "6. Nâng cao hiệu lực"
        phần ⟦"7"⟧ "Thi hành án" { }
        nhiệm vụ NV13 "13. Sở Tài chính" { chủ trì STP }
        nhiệm vụ NV13B "13. Sở Kế hoạch và Đầu tư" { chủ trì STP }
    }`), /nhảy từ "3" sang "7"/);
    });

    test('reads printed item labels: a repeated "[13.]", letters that skip, items of several paragraphs', async () => {
        await expectFindings('section-numbering', inPlan(`
    phần "III" "PHÂN CÔNG NHIỆM VỤ" {
        [12.] nhiệm vụ "Sở Tài chính" { chủ trì STP }
        [13.] nhiệm vụ "Sở Kế hoạch và Đầu tư" { chủ trì STP }
        ⟦[13.]⟧ nhiệm vụ "Sở Tư pháp" { chủ trì STP }
        [14.] { "Đoạn một." "Đoạn hai." }
        [-] "Gạch đầu dòng"
    }
    phần "IV" "Tổ chức" {
        [a)] "Một"
        [b)] "Hai"
        ⟦[d)]⟧ "Bốn"
    }`), /bị lặp|nhảy từ "b" sang "d"/);
    });

    test('knows Vietnamese letter order: a skipped "đ" and a Latin "f" are reported once per run, NFC and NFD', async () => {
        const members = `
    phần "I" "Skipped đ" {
        phần "a" "" { }  phần "b" "" { }  phần "c" "" { }  phần "d" "" { }  phần ⟦"e"⟧ "" { }  phần "g" "" { }
    }
    phần "II" "Latin order" {
        [a)] "Một"  [b)] "Hai"  [c)] "Ba"  [d)] "Bốn"  ⟦[e)]⟧ "Năm"  [f)] "Sáu"  [g)] "Bảy"  [h)] "Tám"
    }
    phần "III" "A Latin f" {
        "a) Một"
        "b) Hai"
        "c) Ba"
        "d) Bốn"
        "đ) Năm"
        "e) Sáu"
        "⟦f⟧) Bảy"
    }
    phần "IV" "Capitals" {
        phần "A" "" { }  phần "B" "" { }  phần "C" "" { }  phần "D" "" { }  phần ⟦"E"⟧ "" { }
    }
    phần "V" "A jump says enough" {
        phần "a" "" { }  phần "b" "" { }  phần "c" "" { }  phần "d" "" { }  phần ⟦"f"⟧ "" { }
    }`;
        for (const files of [inPlan(members), nfd(inPlan(members)) as Record<string, string>]) {
            const found = await expectFindings('section-numbering', files);
            expect(found.map(f => f.message.normalize('NFC'))).toEqual([
                'Thiếu "đ": theo thứ tự chữ cái tiếng Việt (a, b, c, d, đ, e, g, h, i, k, …), sau "d" là "đ", không phải "e" / "đ" is missing: in Vietnamese order (a, b, c, d, đ, e, g, h, i, k, …) "đ" follows "d", not "e"',
                'Các điểm được đánh số theo thứ tự chữ cái Latin (a, b, c, d, e, f, g, h): văn bản tiếng Việt đánh a, b, c, d, đ, e, g, h, i, k, … nên sau "d" là "đ", không phải "e", và không dùng "f" / The items follow the Latin alphabet (a, b, c, d, e, f, g, h): Vietnamese numbering is a, b, c, d, đ, e, g, h, i, k, …, so "đ" follows "d", not "e", and "f" is not used',
                'Chữ "f" không dùng để đánh số trong văn bản tiếng Việt (a, b, c, d, đ, e, g, h, i, k, …): sau "e" là "g" / "f" is not a Vietnamese numbering letter (a, b, c, d, đ, e, g, h, i, k, …): "g" follows "e"',
                'Thiếu "Đ": theo thứ tự chữ cái tiếng Việt (A, B, C, D, Đ, E, G, H, I, K, …), sau "D" là "Đ", không phải "E" / "Đ" is missing: in Vietnamese order (A, B, C, D, Đ, E, G, H, I, K, …) "Đ" follows "D", not "E"',
                expect.stringMatching(/^Số thứ tự nhảy từ "d" sang "f": cần "đ" \//),
            ]);
        }
    });

    test('is silent on labels in order, with đ after d, and bullets', async () => {
        await expectSilent('section-numbering', inPlan(`
    phần "IV" "Tổ chức" {
        [a)] "Một"  [b)] "Hai"  [c)] "Ba"  [d)] "Bốn"  [đ)] "Năm"  [e)] "Sáu"
        [-] "Gạch đầu dòng"  [+] "Dấu cộng"
        [1.] { "Mục một." "Tiếp." }
        [2.] nhiệm vụ "Hai" { chủ trì STP }
    }`));
    });
});

describe('section-numbering quick fix', () => {
    test.each([
        ['a repeated Roman number', 'phần "I" "A" { }\n    phần "I" "B" { }\n    phần "III" "C" { }', 'phần "II" "B"', 'Đánh số lại: I → II / Renumber: I → II'],
        ['a skipped number, with the rest of the run', 'phần "1" "A" { }\n    phần "2" "B" { }\n    phần "4." "C" { }\n    phần "5." "D" { }', 'phần "3." "C" { }\n    phần "4." "D"', 'Đánh số lại: 4 → 3, 5 → 4 / Renumber: 4 → 3, 5 → 4'],
        ['item labels', '[1.] "Một"\n    [2.] "Hai"\n    [2.] "Ba"', '[3.] "Ba"', undefined],
        ['numbers at the start of the text', '"1. Một việc."\n    "2. Hai việc."\n    "4. Ba việc."', '"3. Ba việc."', undefined],
        ['Vietnamese letters, "đ" skipped', '[a)] "Một"\n    [b)] "Hai"\n    [c)] "Ba"\n    [d)] "Bốn"\n    [e)] "Năm"', '[đ)] "Năm"', 'Đánh số lại: e → đ / Renumber: e → đ'],
        ['Latin letters', 'phần "a" "A" { }\n    phần "b" "B" { }\n    phần "c" "C" { }\n    phần "d" "D" { }\n    phần "e" "E" { }\n    phần "f" "F" { }', 'phần "đ" "E" { }\n    phần "e" "F" { }', 'Đánh số lại: e → đ, f → e / Renumber: e → đ, f → e'],
        ['a Latin "f" after "e"', '[d)] "Bốn"\n    [đ)] "Năm"\n    [e)] "Sáu"\n    [f)] "Bảy"\n    [g)] "Tám"', '[g)] "Bảy"\n    [h)] "Tám"', 'Đánh số lại: f → g, g → h / Renumber: f → g, g → h'],
        ['letters, d before đ', '[a)] "Một"\n    [b)] "Hai"\n    [d)] "Ba"\n    [đ)] "Bốn"', '[c)] "Ba"\n    [d)] "Bốn"', undefined],
        ['a number with a word, leading zeros', 'phần "Mục 01" "A" { }\n    phần "Mục 03" "B" { }', 'phần "Mục 02" "B"', undefined],
        ['a dotted number under the wrong section', 'phần "2" "A" {\n        phần "2.1" "x" { }\n        phần "3.2" "y" { }\n    }', 'phần "2.2" "y"', 'Đánh số lại: 3.2 → 2.2 / Renumber: 3.2 → 2.2'],
    ])('%s', async (_, members, expected, title) => {
        const files = inPlan(`    ${members}`);
        if (expected === undefined) {
            await expectSilent('section-numbering', files);
            return;
        }
        for (const source of [files, nfd(files) as Record<string, string>]) {
            const applied = await expectCleanFix(source, { rule: 'section-numbering' });
            expect(applied.files['plan.plan'].normalize('NFC')).toContain(expected);
            if (title) {
                expect(applied.action.title).toBe(title);
            }
            expect(applied.action.isPreferred).toBeUndefined();
        }
    });

    test('one fix renumbers the whole run, so a later jump in it goes too', async () => {
        const applied = await expectCleanFix(inPlan('    phần "1" "A" { }\n    phần "3" "B" { }\n    phần "3" "C" { }'), { rule: 'section-numbering', gone: ['section-numbering'] });
        expect(applied.files['plan.plan']).toContain('phần "2" "B" { }\n    phần "3" "C"');
    });

    test.each([
        ['ca-mau/kh-qd634.plan', 'phần "14" "Sở Kế hoạch và Đầu tư"'],
        ['thai-binh/nq-04.plan', 'phần "4" "Phát huy hiệu quả công tác phòng, chống tội phạm"'],
        ['tinh-khuyet-danh/ke-hoach-de-an-4170.plan', 'phần "II" "NHIỆM VỤ TRỌNG TÂM"'],
    ])('on %s', async (file, expected) => {
        const applied = await expectCleanFix(examplesWorkspace(file), { rule: 'section-numbering', index: file.startsWith('thai-binh') ? 1 : 0 });
        expect(applied.files[file.replace('/', '-')]).toContain(expected);
    });
});
