import { describe, expect, it } from 'vitest';
import { differs, mergeRows } from './merge-fields';

describe('merge preview rows', () => {
  it('pairs the snake_case decisions with the camelCase profiles, in reading order', () => {
    const rows = mergeRows({
      survivor: { name: '林晓', phone: null, lifecycleStage: 'activated', consentMarketing: true },
      merged: { name: '小林', phone: '13800138000', lifecycleStage: 'monetised', consentMarketing: false },
      result: { name: '林晓', phone: '13800138000', lifecycle_stage: 'monetised', consent_marketing: false },
      decisions: [
        { field: 'lifecycle_stage', from: 'merged' },
        { field: 'phone', from: 'merged' },
        { field: 'name', from: 'survivor' },
        { field: 'consent_marketing', from: 'both' },
      ],
    });
    expect(rows.map((r) => [r.field, r.survivor, r.merged, r.result, r.from])).toEqual([
      ['name', '林晓', '小林', '林晓', 'survivor'],
      ['phone', null, '13800138000', '13800138000', 'merged'],
      ['lifecycle_stage', 'activated', 'monetised', 'monetised', 'merged'],
      ['consent_marketing', true, false, false, 'both'],
    ]);
    expect(rows.map(differs)).toEqual([true, true, true, true]);
    expect(
      differs({
        field: 'city',
        label: 'field.city',
        survivor: null,
        merged: undefined,
        result: null,
        from: 'survivor',
      }),
    ).toBe(false);
  });
});
