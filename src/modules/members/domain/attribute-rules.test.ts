import { describe, expect, it } from 'vitest';
import { applyAttributePatch, definitionProblems, type AttributeDefinition } from './attribute-rules.js';

const defs: AttributeDefinition[] = [
  { key: 'vip_level', label: 'VIP 等级', type: 'enum', options: ['gold', 'silver'], required: false },
  { key: 'orders', label: '订单数', type: 'number', options: [], required: false },
  { key: 'wants_news', label: '订阅', type: 'boolean', options: [], required: false },
  { key: 'first_visit', label: '首次到店', type: 'date', options: [], required: false },
  { key: 'store', label: '门店', type: 'string', options: [], required: true },
];

describe('attribute values', () => {
  it.each([
    [{ vip_level: 'gold' }, []],
    [{ vip_level: 'bronze' }, ['attributes.vip_level']],
    [{ orders: 3 }, []],
    [{ orders: '3' }, ['attributes.orders']],
    [{ wants_news: 'yes' }, ['attributes.wants_news']],
    [{ first_visit: '2024-02-30' }, ['attributes.first_visit']],
    [{ first_visit: '2024-02-29' }, []],
    [{ unknown_key: 1 }, ['attributes.unknown_key']],
  ])('%j → problems at %j', (patch, paths) => {
    const r = applyAttributePatch(defs, { store: '静安店' }, patch);
    expect(r.problems.map((p) => p.path)).toEqual(paths);
  });

  it('asks for required attributes when attributes are written', () => {
    const r = applyAttributePatch(defs, {}, { orders: 1 });
    expect(r.problems).toEqual([{ path: 'attributes.store', message: 'is required (门店)' }]);
  });

  it('removes keys set to null and keeps the others', () => {
    const r = applyAttributePatch(
      defs,
      { store: '静安店', orders: 2, vip_level: 'gold' },
      { vip_level: null, orders: 5 },
    );
    expect(r.attributes).toEqual({ store: '静安店', orders: 5 });
  });
});

describe('attribute definitions', () => {
  it.each([
    [{ key: 'Bad-Key', label: 'x', type: 'string', options: [], required: false }, ['key']],
    [{ key: 'level', label: 'x', type: 'enum', options: [], required: false }, ['options']],
    [{ key: 'level', label: 'x', type: 'enum', options: ['a', 'a'], required: false }, ['options']],
    [{ key: 'age', label: 'x', type: 'number', options: ['1'], required: false }, ['options']],
    [{ key: 'level', label: ' ', type: 'enum', options: ['a'], required: false }, ['label']],
    [{ key: 'level', label: '等级', type: 'enum', options: ['a', 'b'], required: true }, []],
  ] as [AttributeDefinition, string[]][])('%j → %j', (def, paths) => {
    expect(definitionProblems(def).map((p) => p.path)).toEqual(paths);
  });
});
