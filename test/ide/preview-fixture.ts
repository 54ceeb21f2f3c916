import type { PreviewModel } from '../../src/ide/preview-json.js';
import { previewModel } from '../../src/ide/preview-model.js';
import type { Loaded } from '../helpers.js';
import { load, NATIONAL, REGISTRY, services } from '../helpers.js';

/**
 * A small Vĩnh Phúc plan for the preview: a title that would be markup, a period, two phases, a
 * heading addressed to a body (its task inherits the lead), a task led by a group with a sub-task
 * (inheriting lead and support), a body also requested, a target with a deadline, a yearly report.
 */
export const PREVIEW_PLAN = `phạm vi VinhPhuc
kế hoạch KH "Kế hoạch <script>alert(\\"x\\")</script> & \\"thử\\"" {
    số "12/KH-UBND"  ngày 15/3/2018  của UBND_TINH
    thời gian từ 2018 đến 2020
    căn cứ CT_39
    "Mở đầu: <b>không phải thẻ</b>."
    giai đoạn GD1 "Giai đoạn 1" từ 2018 đến 2019
    giai đoạn GD2 "Giai đoạn 2" từ 2020 đến 2020
    phần "I" "NHIỆM VỤ" {
        phần "1" "Công an tỉnh:" giao CA_TINH {
            [a)] nhiệm vụ "Rà soát" { phối hợp STP  hạn quý IV/2018 }
        }
        [2.] nhiệm vụ NV2 "Tuyên truyền" {
            chủ trì SO_NGANH  phối hợp VKS_TINH  đồng thời đề nghị MTTQ_TINH
            trong tháng 12/2019
            nhiệm vụ NV2_1 "Tuyên truyền ở xã"
            chỉ tiêu CT1 "Tỷ lệ xã được tuyên truyền" phấn đấu đạt 90% đến năm 2020
            báo cáo BC1 "Báo cáo năm" { từ CA_TINH  gửi UBND_TINH  trước ngày 20/11  hằng năm }
        }
    }
}
`;

export function previewFiles(plan = PREVIEW_PLAN): Record<string, string> {
    return { 'plan.plan': plan, 'registry.plan': REGISTRY, 'national.plan': NATIONAL };
}

export async function loadPreview(files: string | Record<string, string>): Promise<{ loaded: Loaded; model: PreviewModel }> {
    const loaded = await load(files);
    return { loaded, model: previewModel(services, loaded.main) };
}
