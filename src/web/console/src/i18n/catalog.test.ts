import { describe, expect, it } from 'vitest';
import { BUNDLES, CATALOG } from './catalog';
import { AUDIT_ACTIONS, AUDIT_TARGET_TYPES } from '../../../shared/audit-vocabulary';
import { PROBLEMS } from '../../../shared/problems';
import { EXPORT_VALUES } from '../../../shared/export-labels';
import * as V from '../../../shared/vocabulary';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const HAN = /\p{Script=Han}/u;

describe('console texts', () => {
  it('never define one key in two bundles (the later one would silently win)', () => {
    const seen = new Map<string, string>();
    for (const b of BUNDLES) {
      for (const k of Object.keys(b.zh)) {
        expect(seen.get(k), `${k} is in ${seen.get(k)} and ${b.name}`).toBeUndefined();
        seen.set(k, b.name);
      }
    }
  });

  it('say the same thing in both languages: same placeholders, nothing empty, English without Chinese', () => {
    const zh = CATALOG['zh-CN'];
    const en = CATALOG.en;
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) {
      expect(zh[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
      expect(placeholders(en[key].split('|').at(-1)!), key).toEqual(placeholders(zh[key]));
      // Language names are written in their own language on purpose.
      if (key !== 'lang.zh-CN') expect(HAN.test(en[key]), `${key}: ${en[key]}`).toBe(false);
    }
  });

  it('name every action and target type the audit log records', () => {
    const keys = new Set(Object.keys(CATALOG['zh-CN']));
    const missing = [
      ...AUDIT_ACTIONS.map((a) => `auditAction.${a}`),
      ...AUDIT_TARGET_TYPES.map((x) => `auditTarget.${x}`),
    ].filter((k) => !keys.has(k));
    expect(missing).toEqual([]);
  });

  it('name the values of a labelled export as the console names them', () => {
    const groups = { gender: 'gender', stage: 'stage', accountType: 'accountType' } as const;
    const differ: string[] = [];
    for (const lang of ['zh-CN', 'en'] as const)
      for (const [group, prefix] of Object.entries(groups))
        for (const [value, word] of Object.entries(EXPORT_VALUES[lang][group]!)) {
          const mine = (CATALOG[lang] as Record<string, string>)[`${prefix}.${value}`];
          if (mine !== word) differ.push(`${lang} ${prefix}.${value}: ${word} ≠ ${mine}`);
        }
    expect(differ).toEqual([]);
  });

  it('word every reason the server gives as a problem code', () => {
    const keys = new Set(Object.keys(CATALOG['zh-CN']));
    expect(Object.keys(PROBLEMS).filter((c) => !keys.has(`problem.${c}`))).toEqual([]);
  });

  it('name every value of the fixed vocabularies the API accepts', () => {
    const keys = new Set(Object.keys(CATALOG['zh-CN']));
    const named: [string, readonly string[]][] = [
      ['channel', [...V.CHANNELS, ...V.COMMUNITY_CHANNELS]],
      ['kind', V.ACTIVITY_KINDS],
      ['stage', V.LIFECYCLE_STAGES],
      ['gender', V.GENDERS],
      ['accountType', V.ACCOUNT_TYPES],
      ['positioning', V.POSITIONING_TYPES],
      ['goal', V.COMMUNITY_GOALS],
      ['communityStage', V.COMMUNITY_STAGES],
      ['membershipRole', V.MEMBERSHIP_ROLES],
      ['joinSource', V.JOIN_SOURCES],
    ];
    const missing = named.flatMap(([group, values]) => values.map((v) => `${group}.${v}`)).filter((k) => !keys.has(k));
    expect(missing).toEqual([]);
  });
});
