import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The two small plans both real-VS-Code suites (code-server + playwright, and @vscode/test-electron)
 * add to their copy of examples/: one whose task has no lead, one citing the same document twice.
 */
export const MISSING_LEAD = `phạm vi VinhPhuc

kế hoạch KH_E2E_THIEU "Kế hoạch kiểm thử thiếu chủ trì" {
    số "99/KH-UBND"  ngày 02/01/2020  của UBND_TINH
    nhiệm vụ NV_KHONG_CHU_TRI "Tổ chức tuyên truyền pháp luật" {  }
    nhiệm vụ NV_CO_CHU_TRI "Rà soát văn bản" { chủ trì SO_TP }
}
`;
export const DUPLICATE_BASIS = `phạm vi VinhPhuc

kế hoạch KH_E2E_CAN_CU "Kế hoạch kiểm thử căn cứ" {
    số "98/KH-UBND"  ngày 03/01/2020  của UBND_TINH
    căn cứ CT_39_2017, CT_39_2017
    nhiệm vụ NV1 "Rà soát văn bản" { chủ trì SO_TP  hạn 31/12/2020 }
}
`;

/** Writes the two plans into `folder`/e2e/ (a copy of examples/). */
export function addScenarioPlans(folder: string): void {
    fs.mkdirSync(path.join(folder, 'e2e'));
    fs.writeFileSync(path.join(folder, 'e2e', 'thieu-chu-tri.plan'), MISSING_LEAD);
    fs.writeFileSync(path.join(folder, 'e2e', 'trung-can-cu.plan'), DUPLICATE_BASIS);
}
