import { describe, expect, test } from 'vitest';
import { Registry } from '../../src/import/registry.js';

describe('ids of the bodies an import declares', () => {
    test('as drafters write them: the usual abbreviation, then where the body is; "và" and "các" left out', () => {
        const registry = new Registry();
        const ids = [
            'Sở Tài chính', 'Sở Thông tin và Truyền thông', 'Ủy ban nhân dân tỉnh', 'Ủy ban nhân dân các huyện, thị xã, thành phố',
            'Công an tỉnh', 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 'Hội đồng nhân dân tỉnh', 'Ủy ban nhân dân', 'Các sở, ban, ngành', 'Ủy ban nhân dân thị trấn', 'Công an thành phố',
        ].map(name => registry.addBody(name).id);
        expect(ids).toEqual(['SO_TC', 'SO_TTTT', 'UBND_TINH', 'UBND_HUYEN', 'CA_TINH', 'MTTQ_TINH', 'HDND_TINH', 'UBND', 'SO_BN', 'UBND_THI_TRAN', 'CA_THANH_PHO']);
        // Decomposed (NFD) names give the same ids, made unique within the draft.
        expect(registry.addBody('Ủy ban nhân dân tỉnh'.normalize('NFD')).id).toBe('UBND_TINH_2');
    });
});
