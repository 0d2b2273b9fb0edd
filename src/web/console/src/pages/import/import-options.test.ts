import { describe, expect, it } from 'vitest';
import { fieldChoices, importOptions, parseMissing, withOverride } from './import-options';

describe('import options sent with an upload', () => {
  it('sends nothing when the operator kept every default', () => {
    expect(
      importOptions('members', { timeZone: 'Asia/Shanghai', keepUnmapped: false }, {}, 'Asia/Shanghai'),
    ).toBeUndefined();
    expect(importOptions('orders', { source: '  ' }, {}, 'Asia/Shanghai')).toBeUndefined();
  });

  it('sends only the options of the kind', () => {
    const s = { timeZone: 'Asia/Tokyo', keepUnmapped: true, source: ' 有赞 ', communityId: 4, group: ' 咖啡一群 ' };
    const mapping = { 联系方式: 'phone' };
    expect(importOptions('members', s, mapping, 'Asia/Shanghai')).toEqual({
      mapping,
      timeZone: 'Asia/Tokyo',
      keepUnmapped: true,
    });
    expect(importOptions('orders', s, mapping, 'Asia/Shanghai')).toEqual({
      mapping,
      timeZone: 'Asia/Tokyo',
      source: '有赞',
    });
    expect(importOptions('chat', s, mapping, 'Asia/Shanghai')).toEqual({
      timeZone: 'Asia/Tokyo',
      communityId: 4,
      group: '咖啡一群',
    });
  });

  it('records a column left out as ignore, and a later choice replaces an earlier one', () => {
    const a = withOverride({}, '备注', null);
    expect(a).toEqual({ 备注: 'ignore' });
    expect(withOverride(a, '备注', 'attr:备注')).toEqual({ 备注: 'attr:备注' });
  });
});

describe('column mapping choices', () => {
  const fields = [
    { field: 'order_id', required: true, oneOf: null },
    { field: 'member_phone', required: false, oneOf: 'buyer key' },
    { field: 'amount', required: true, oneOf: null },
  ];

  it('lists required fields first and marks key columns', () => {
    expect(fieldChoices('orders', fields, '备注')).toEqual([
      { value: 'order_id', required: true, key: false },
      { value: 'amount', required: true, key: false },
      { value: 'member_phone', required: false, key: true },
    ]);
  });

  it('lets a members column be kept as a custom attribute of its own name', () => {
    expect(fieldChoices('members', [], '会员等级')).toEqual([{ value: 'attr:会员等级', required: false, key: false }]);
  });

  it("reads the server's missing-column notes", () => {
    expect(parseMissing('order_id')).toEqual({ field: 'order_id' });
    expect(parseMissing('one of phone, email, identity:qq')).toEqual({ oneOf: ['phone', 'email', 'identity:qq'] });
  });
});
