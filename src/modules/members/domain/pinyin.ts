import { pinyin } from 'pinyin-pro';

/**
 * Search keys of a Chinese name in pinyin, so an operator typing on a Latin keyboard finds 李欣怡 by
 * `lixinyi`, `lxy`, `xinyi` or a prefix of any of these (`lix`, `lx`). Pure.
 *
 * For the name and the nickname, from each syllable on (the family name may be left out): the full
 * spelling and the initials, and every prefix of two letters or more of those. The list is what the
 * `members.name_pinyin` GIN index holds; a search is one containment lookup of the typed text.
 * Only the Chinese characters count (other characters are left out); one reading per character;
 * keys stop at 16 letters and a typed query is cut to the same.
 */
const HAN = /\p{Script=Han}/u;
const MAX_KEYS = 200;
/** Longer typed text is looked up by its first 16 letters (enough to tell names apart). */
export const MAX_KEY_LENGTH = 16;

export function pinyinKeys(name: string | null | undefined, nickname: string | null | undefined): string[] {
  const keys = new Set<string>();
  for (const text of [name, nickname]) {
    if (!text || !HAN.test(text)) continue;
    const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'removed', v: true })
      .map((s) => s.toLowerCase().replace(/[^a-z]/g, ''))
      .filter(Boolean)
      .slice(0, 12);
    for (let start = 0; start < syllables.length; start++) {
      const rest = syllables.slice(start);
      for (const word of [rest.join(''), rest.map((s) => s[0]).join('')])
        for (let n = 2; n <= Math.min(word.length, MAX_KEY_LENGTH); n++) keys.add(word.slice(0, n));
    }
  }
  return [...keys].slice(0, MAX_KEYS);
}

/** What an operator typed, read as pinyin to look up (letters only, 2–40 of them), or null. */
export function pinyinQuery(q: string): string | null {
  const s = q.toLowerCase().replace(/\s+/g, '');
  return /^[a-z]{2,40}$/.test(s) ? s.slice(0, MAX_KEY_LENGTH) : null;
}
