import type { INCOMPLETE_TARGETS } from '../helpers.js';

/** Half-typed tasks, reports, citations and annex mentions, as the editor sees them on the way to a finished line. */
export const INCOMPLETE_DUTIES: typeof INCOMPLETE_TARGETS = {
    headers: ['của UBND_TINH  ngày 16/6/2020  thời gian từ 2018 đến 2020', 'ngày', 'ngày 16/6/2020  căn cứ KHONG_CO, ', 'ban hành kèm theo KHONG_CO'],
    members: `
    nhiệm vụ
    nhiệm vụ NV1 "Tuyên truyền" { chủ trì
    nhiệm vụ NV2 "Rà soát" { hạn
    nhiệm vụ NV3 "Kiểm tra" { trước ngày 31/02/2020 }
    báo cáo BC1 "Báo cáo định kỳ" { từ
    báo cáo BC2 { gửi }
    "Thực hiện Quyết định số 5/QĐ-UBND và Phụ lục I" trích dẫn
    giai đoạn GD "Giai đoạn" từ 2018 đến { nhiệm vụ "Sơ kết" }
    phụ lục "I"
    nhiệm vụ NV4 "Tổng kết" { hạn ngày 18/6/2020 }`,
    extraFiles: { 'document.plan': 'văn bản QD quyết định số "5/QĐ-UBND" { căn cứ QD, ' } as Record<string, string>,
};
