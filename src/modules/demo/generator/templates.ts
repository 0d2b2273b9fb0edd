/**
 * Turns phrases into messages: picks a line that fits the moment (hour, weekday, season), fills
 * its slots, and sometimes adds an opener or a closer, so thousands of messages read like a real
 * group rather than a dozen repeated lines.
 */
import { CITIES } from './names.js';
import { ALREADY_OPENED, CLOSERS, GREETINGS, NUMBERS, OPENERS, PHRASES, SLOTS, type TemplateGroup } from './phrases.js';
import type { Rng } from './random.js';

export type { TemplateGroup } from './phrases.js';
export { REFUND_REASONS } from './phrases.js';

export type Season = 'd11' | 'launch' | 'online' | 'meetup';

export interface TextContext {
  /** Shanghai hour and weekday (0 = Sunday) of the message. */
  hour: number;
  weekday?: number;
  city?: string;
  nick?: string;
  /** Someone else in the group, for @mentions. */
  mention?: string;
  seasons?: readonly Season[];
  /** Whether the new 云南日晒 beans are on sale yet; nobody talks about them before. */
  launched?: boolean;
}

const POOLS = Object.fromEntries(
  Object.entries(PHRASES).map(([group, list]) => {
    const always: string[] = [];
    const seasonal: Partial<Record<Season, string[]>> = {};
    for (const t of list) {
      const m = /^\[(\w+)\]/.exec(t);
      if (m) (seasonal[m[1] as Season] ??= []).push(t.slice(m[0].length));
      else always.push(t);
    }
    return [group, { always, seasonal }];
  }),
) as Record<TemplateGroup, { always: string[]; seasonal: Partial<Record<Season, string[]>> }>;

/** One message from `group`, slots filled, sometimes with an opener or a closer. */
export function compose(rng: Rng, group: TemplateGroup, ctx: TextContext): string {
  const pool = POOLS[group];
  const seasonal = (ctx.seasons ?? []).flatMap((s) => pool.seasonal[s] ?? []);
  let template: string;
  if (group === 'greeting' && rng.chance(0.75)) {
    const fitting = GREETINGS.filter(
      (g) => ctx.hour >= g.from && ctx.hour < g.to && (!g.weekdays || g.weekdays.includes(ctx.weekday ?? -1)),
    );
    template = rng.pick(rng.pick(fitting).texts);
  } else if (seasonal.length && rng.chance(0.2)) {
    template = rng.pick(seasonal);
  } else {
    template = rng.pick(pool.always);
    // Lines without slots would repeat word for word; let them through only half the time.
    if (!template.includes('{') && group !== 'emoji' && group !== 'reply' && rng.chance(0.5))
      template = rng.pick(pool.always);
  }
  let text = fill(rng, template, ctx);
  const openers = OPENERS[group];
  if (openers && rng.chance(0.2) && !ALREADY_OPENED.test(text)) text = rng.pick(openers) + text;
  const closers = CLOSERS[group];
  if (closers && rng.chance(0.15) && !/[？?！!～]$/.test(text)) text += rng.pick(closers);
  return text;
}

export function fill(rng: Rng, template: string, ctx: TextContext): string {
  const used: Record<string, string> = {};
  return template.replace(/\{(\w+?)(2?)\}/g, (_, name: string, second: string) => {
    let value: string;
    if (name === 'city') value = rng.chance(0.5) && ctx.city ? ctx.city : rng.pick(CITIES)[0];
    else if (name === 'home') value = ctx.city ?? rng.pick(CITIES)[0];
    else if (name === 'nick') value = ctx.nick ?? '新人';
    else if (name === 'mention') value = ctx.mention ? `@${ctx.mention}` : '@大家';
    else if (NUMBERS[name]) value = String(rng.int(NUMBERS[name][0], NUMBERS[name][1]));
    else {
      const options = SLOTS[name];
      value = rng.pick(options);
      // {flavor2} differs from {flavor}; the new beans only come up once they exist.
      for (
        let i = 0;
        i < 8 && ((second && value === used[name]) || (value === '云南日晒' && ctx.launched === false));
        i++
      ) {
        value = rng.pick(options);
      }
    }
    if (!second) used[name] = value;
    return value;
  });
}
