import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../i18n/catalog';
import { DUPLICATE_REASONS } from './duplicate-reasons';

describe('duplicate reasons', () => {
  it('each has a label in zh-CN and English', () => {
    for (const r of DUPLICATE_REASONS) {
      const key = `duplicates.reason.${r}` as keyof (typeof CATALOG)['en'];
      expect(CATALOG['zh-CN'][key], key).toMatch(/\S/);
      expect(CATALOG.en[key], key).toMatch(/\S/);
    }
  });
});
