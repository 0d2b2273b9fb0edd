import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../i18n/catalog';
import { MEMBER_COLUMNS, ORDER_COLUMNS } from '../../../../../modules/activity/formats/column-mapping';

describe('import field names', () => {
  it('name every field a member or order column can be imported as, in zh-CN and English', () => {
    for (const { field } of [...MEMBER_COLUMNS, ...ORDER_COLUMNS]) {
      const key = `importField.${field}` as keyof (typeof CATALOG)['en'];
      expect(CATALOG['zh-CN'][key], key).toMatch(/\S/);
      expect(CATALOG.en[key], key).toMatch(/\S/);
    }
  });
});
