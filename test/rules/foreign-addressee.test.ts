import { afterEach, describe, expect, test } from 'vitest';
import { nfd } from '../fix-helpers.js';
import { expectFindings, expectSilent, findingsOf, load, resetRuleSettings, useRuleOptions } from '../helpers.js';

const NATIONAL = `
cơ quan QH "Quốc hội" độc lập
cơ quan CP "Chính phủ" độc lập
cơ quan TTG "Thủ tướng Chính phủ" thuộc CP
cơ quan BCA "Bộ Công an" thuộc CP
`;
const CA_MAU = `
phạm vi CaMau "Tỉnh Cà Mau"
cơ quan UBND_TINH "Ủy ban nhân dân tỉnh Cà Mau" viết tắt "UBND tỉnh"
cơ quan CA_TINH "Công an tỉnh Cà Mau" viết tắt "Công an tỉnh" thuộc UBND_TINH
cơ quan STP "Sở Tư pháp tỉnh Cà Mau" thuộc UBND_TINH
cơ quan CUC_HQ "Cục Hải quan tỉnh Cà Mau" độc lập
`;
const DONG_NAI = `
phạm vi DongNai "Tỉnh Đồng Nai"
cơ quan CA_TINH "Công an tỉnh Đồng Nai" viết tắt "Công an tỉnh"
`;

/** A plan of Cà Mau (its issuer is declared in the CaMau namespace), with the registries beside it. */
function caMau(members: string, issuer = 'UBND_TINH'): Record<string, string> {
    return {
        'plan.plan': `phạm vi CaMau\nkế hoạch KH "Kế hoạch thử" {\n    của ${issuer}  thời gian từ 2020 đến 2025\n${members}\n}\n`,
        'ca-mau.plan': CA_MAU,
        'dong-nai.plan': DONG_NAI,
        'national.plan': NATIONAL,
    };
}

describe('foreign-addressee', () => {
    afterEach(resetRuleSettings);

    test('fires at a national body or another province\'s that a provincial plan makes lead, addressee, requested or reporter', async () => {
        const found = await expectFindings('foreign-addressee', caMau(`
    nhiệm vụ NV1 "Hướng dẫn nghiệp vụ" { chủ trì ⟦BCA⟧  phối hợp CA_TINH }
    đề nghị NV2 "Phối hợp truy bắt" { chủ trì ⟦DongNai.CA_TINH⟧ }
    nhiệm vụ NV3 "Tuyên truyền" { chủ trì STP  đồng thời đề nghị ⟦TTG⟧ }
    nhiệm vụ "Kiểm tra" cho ⟦CP⟧ { phối hợp với CA_TINH }
    phần "2" "Bộ Công an" giao ⟦BCA⟧ { nhiệm vụ NV4 "Chỉ đạo" }
    báo cáo BC "Báo cáo kết quả" { từ CA_TINH, ⟦BCA⟧  gửi ⟦QH⟧, TTG  trước ngày 20/11  hằng năm }`));
        expect(found[0].message).toBe(`'BCA', cơ quan trung ương (khai báo không có phạm vi), được giao việc trong kế hoạch của UBND_TINH (phạm vi CaMau): việc này có dạng của kế hoạch trung ương được chép lại; giao cho cơ quan của tỉnh hoặc bỏ / 'BCA', a national body (declared without a namespace), is given the duty in a plan issued by UBND_TINH (namespace CaMau): the duty reads as copied from a national plan; give it to a body of the province or drop it`);
        expect(found[1].message).toMatch(/^'DongNai\.CA_TINH', cơ quan của phạm vi DongNai, được giao việc .* kế hoạch tỉnh khác .* \/ 'DongNai\.CA_TINH', a body of namespace DongNai, is given the duty .* another province's plan/);
        expect(found[2].message).toMatch(/^'TTG', .* được đề nghị /);
        expect(found.at(-2)!.message).toMatch(/^'BCA', .* phải báo cáo .* is made to report/);
        expect(found.at(-1)!.message).toMatch(/^Kế hoạch của tỉnh không báo cáo 'QH' \(Quốc hội\): .* \/ A provincial plan does not report to 'QH'/);
    });

    test('fires at a duty whose text names the ministries or the provinces as its subject, at the phrase in the string', async () => {
        const members = `
    nhiệm vụ NV1 "1. ⟦UBND các tỉnh, thành phố trực thuộc trung ương⟧ chỉ đạo tuyên truyền …" { chủ trì CA_TINH }
    phần "2" "⟦Các Bộ, ngành⟧:" {
        nhiệm vụ NV2 "- Giao ⟦các bộ ngành⟧, địa phương rà soát …" { chủ trì CA_TINH }
        nhiệm vụ NV3 "a) ⟦Uỷ ban nhân dân các tỉnh⟧ giáp biên phối hợp …" { chủ trì CA_TINH }
    }`;
        const found = await expectFindings('foreign-addressee', caMau(members));
        expect(found[0].message).toBe('"UBND các tỉnh, thành phố trực thuộc trung ương" không phải cơ quan của tỉnh: kế hoạch của UBND_TINH (phạm vi CaMau) không giao việc cho bộ, ngành trung ương hay cho các tỉnh; nhiệm vụ này có dạng của kế hoạch trung ương được chép lại, giao cho cơ quan của tỉnh hoặc bỏ / "UBND các tỉnh, thành phố trực thuộc trung ương" are not bodies of the province: a plan issued by UBND_TINH (namespace CaMau) gives no duties to ministries or to the provinces; the duty reads as copied from a national plan, give it to a body of the province or drop it');
        await expectFindings('foreign-addressee', nfd(caMau(members)) as Record<string, string>);
    });

    test('fires on the text in a plan whose issuer is provincial by name, without namespaces', async () => {
        await expectFindings('foreign-addressee', {
            'plan.plan': `
cơ quan UBND "Ủy ban nhân dân tỉnh Vĩnh Phúc"
cơ quan CAT "Công an tỉnh Vĩnh Phúc" thuộc UBND
kế hoạch KH "x" {
    của UBND
    nhiệm vụ NV1 "⟦Các Bộ, ngành⟧ chỉ đạo …" { chủ trì CAT }
}`,
        });
    });

    test('is silent on cooperation with, reports to and channels through national bodies, on phrases inside a sentence, and on national plans', async () => {
        await expectSilent('foreign-addressee', caMau(`
    nhiệm vụ NV1 "Chủ trì, đề xuất các bộ, ngành có liên quan hoàn thiện cơ chế; phối hợp với UBND các tỉnh giáp ranh" { chủ trì CA_TINH  phối hợp BCA, DongNai.CA_TINH }
    đề nghị NV2 "Đề nghị Cục Hải quan tỉnh phối hợp" { chủ trì CUC_HQ }
    nhiệm vụ NV3 "Công an tỉnh tham mưu UBND tỉnh báo cáo Bộ Công an" { chủ trì CA_TINH }
    báo cáo BC "Báo cáo kết quả" { từ UBND_TINH  gửi BCA, TTG, CP  qua CA_TINH  trước ngày 20/11  hằng năm }
    nhiệm vụ NV4 "Chuẩn bị" { chủ trì CẦN_ĐIỀN }`));
        await expectSilent('foreign-addressee', {
            'plan.plan': 'kế hoạch KH "Kế hoạch của Bộ" {\n    của BCA\n    nhiệm vụ NV1 "Các Bộ, ngành, UBND các tỉnh tổ chức …" { chủ trì BCA }\n    báo cáo BC "Báo cáo" { từ BCA  gửi QH }\n}\n',
            'national.plan': NATIONAL,
        });
    });

    test('a body of another level is not also reported by outside-authority', async () => {
        const loaded = await load(caMau('    nhiệm vụ NV1 "Hướng dẫn" { chủ trì BCA, CUC_HQ }'));
        expect(findingsOf(loaded, 'foreign-addressee').map(f => f.message.slice(0, 5))).toEqual(["'BCA'"]);
        expect(findingsOf(loaded, 'outside-authority').map(f => f.message.slice(0, 8))).toEqual(["'CUC_HQ'"]);
    });

    test('phrases replaces the phrases read in the text; [] reads none', async () => {
        useRuleOptions('foreign-addressee', { phrases: ['các địa phương trong cả nước'] });
        await expectFindings('foreign-addressee', caMau(`
    nhiệm vụ NV1 "⟦Các địa phương trong cả nước⟧ triển khai …" { chủ trì CA_TINH }
    nhiệm vụ NV2 "Các Bộ, ngành chỉ đạo …" { chủ trì CA_TINH }`));
        useRuleOptions('foreign-addressee', { phrases: [] });
        await expectSilent('foreign-addressee', caMau(`
    nhiệm vụ NV2 "Các Bộ, ngành chỉ đạo …" { chủ trì CA_TINH }`));
    });

    test('never throws on incomplete input', async () => {
        for (const members of ['    nhiệm vụ NV1 "x" { chủ trì }', '    báo cáo BC "x" { từ  gửi }', '    phần "2" "" giao', '    nhiệm vụ "" { chủ trì KHONG_CO }']) {
            const loaded = await load(caMau(members));
            expect(loaded.diagnostics.filter(d => /internal error|error occurred/i.test(d.message))).toEqual([]);
        }
    });
});
