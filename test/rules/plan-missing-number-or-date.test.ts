import { describe, test } from 'vitest';
import { expectFindings, expectSilent } from '../helpers.js';

describe('plan-missing-number-or-date', () => {
    test('fires on a plan without number, without date, or without both, at its name', async () => {
        await expectFindings('plan-missing-number-or-date', {
            'main.plan': `
kế hoạch ⟦KH_1⟧ "Không số, không ngày" {
    "Nội dung"
}
kế hoạch ⟦KH_2⟧ "Không số" {
    ngày 05/3/2020
}
nghị quyết ⟦NQ_3⟧ "Không ngày" {
    số "04-NQ/TU"
}
plan ⟦KH_4⟧ "No number, no date" {
    at "Vĩnh Phúc"
}
`,
        }, /(chưa có số và ngày ban hành.*has no number and no date)|(chưa có số:.*has no number)|(chưa có ngày ban hành.*has no date)/);
    });

    test('names what is missing', async () => {
        await expectFindings('plan-missing-number-or-date', `kế hoạch ⟦KH_2⟧ "x" { ngày 05/3/2020 }`, /KH_2 chưa có số: thêm "số".*Plan KH_2 has no number/);
        await expectFindings('plan-missing-number-or-date', `kế hoạch ⟦KH_3⟧ "x" { số "12/KH-UBND" }`, /KH_3 chưa có ngày ban hành: thêm "ngày".*Plan KH_3 has no date/);
    });

    test('is silent with number and date, and for a plan issued with a decision or forwarded by a letter', async () => {
        await expectSilent('plan-missing-number-or-date', {
            'main.plan': `
văn bản QD_1073 quyết định số "1073/QĐ-UBND" ngày 16/6/2020
văn bản CV_3833 công văn số "3833/SYT-VP" ngày 22/9/2017
kế hoạch KH_1 "Đủ số và ngày" {
    số "7488/KH-UBND"
    ngày 31/7/2017
}
kế hoạch KH_2 "Kèm theo quyết định" {
    ban hành kèm theo QD_1073
}
kế hoạch KH_3 "Được chuyển bởi công văn" {
    chuyển bởi CV_3833
}
văn bản KH_4 kế hoạch "Một văn bản được viện dẫn, không phải kế hoạch đang soạn"
`,
        });
    });
});
