/**
 * Who the members are and when they arrive. Personas are dealt in exact proportions (a 5,000-member
 * demo always has 150 core members), arrival follows the schedule's S-curve with its bursts.
 */
import { DAY, HOUR, isoDate, timeOnDay, toSecond } from './calendar.js';
import type { MemberPlan } from './model.js';
import {
  CAFE_NAMES,
  CITIES,
  COFFEE_PREFIXES,
  COMPANIES,
  CUTE_NICKS,
  DISTRICTS,
  ENGLISH_NAMES,
  GIVEN_FEMALE,
  GIVEN_MALE,
  SOURCES,
  SURNAMES,
} from './names.js';
import { PERSONAS, PERSONA_ORDER } from './personas.js';
import { type Rng, stream, upperIndex, weighted } from './random.js';
import type { Schedule } from './schedule.js';
import type { DemoMember, Persona } from './types.js';

const pickCity = weighted(CITIES);
const pickSurname = weighted(SURNAMES.map(([h, p, w]) => [[h, p] as const, w] as const));
const pickSource = weighted(SOURCES);

export function planMembers(seed: number, count: number, sched: Schedule): MemberPlan[] {
  const rng = stream(seed, 'people');
  const { win } = sched;

  const personas: Persona[] = [];
  for (const p of PERSONA_ORDER) {
    const n = Math.round((count - 2) * PERSONAS[p].share);
    for (let i = 0; i < n && personas.length < count - 2; i++) personas.push(p);
  }
  while (personas.length < count - 2) personas.push('casual');
  rng.shuffle(personas);

  const cumulative: number[] = [];
  let total = 0;
  for (const w of sched.arrivalWeights) {
    total += w;
    cumulative.push(total);
  }
  const sampleDay = (maxDay: number): number => {
    const last = Math.min(cumulative.length - 1, maxDay - win.startDay);
    return win.startDay + upperIndex(cumulative, rng.next() * cumulative[last]);
  };
  const legacyFrom = sched.opened.fans;

  const plans: MemberPlan[] = [];
  // The two brand staff accounts were there before anyone else.
  for (const nick of ['山野咖啡·小野（官方）', '山野咖啡·阿杰']) {
    plans.push(
      blank(rng, 'core', legacyFrom - DAY + plans.length * HOUR, win.end, {
        official: true,
        nickname: nick,
        company: '山野咖啡',
        city: '杭州',
        source: '品牌官方账号',
      }),
    );
  }

  for (const persona of personas) {
    const profile = PERSONAS[persona];
    const maxDay = persona === 'churned' ? win.endDay - 35 : persona === 'dormant' ? win.endDay - 80 : win.endDay;
    let arrival: number;
    if (rng.chance(profile.legacy) || maxDay < win.startDay) {
      // Older fans, skewed towards the months just before the window.
      arrival = toSecond(win.start - (win.start - legacyFrom) * rng.next() ** 1.6 - rng.int(1, 6) * HOUR);
    } else {
      arrival = timeOnDay(rng, sampleDay(maxDay), 'join');
      if (arrival >= win.end) arrival = toSecond(win.end - rng.int(10, 600) * 60_000);
    }
    const base = Math.max(arrival, win.start);
    let churnAt: number | null = null;
    let silentAt: number | null = null;
    if (persona === 'churned') churnAt = toSecond(Math.min(win.end - 2 * DAY, base + (14 + rng.exp(25)) * DAY));
    if (persona === 'dormant')
      silentAt = toSecond(Math.max(base, Math.min(win.end - 61 * DAY, base + (10 + rng.exp(25)) * DAY)));
    plans.push(blank(rng, persona, arrival, churnAt ?? silentAt ?? win.end, { churnAt, silentAt }));
  }

  plans.sort((a, b) => a.arrival - b.arrival);
  const width = Math.max(5, String(count).length);
  plans.forEach((p, i) => {
    p.idx = i;
    p.key = `m${String(i + 1).padStart(width, '0')}`;
    p.legacy = p.arrival < win.start;
  });

  // City partners are engaged customers who opened a store; about 2.4% of the base.
  const partnerCount = Math.max(2, Math.round(count * 0.024));
  const candidates = plans.filter(
    (p) => !p.official && (p.persona === 'core' || p.persona === 'active' || p.persona === 'casual'),
  );
  for (const p of rng.shuffle(candidates).slice(0, partnerCount)) {
    p.partner = true;
    const districts = DISTRICTS[p.profile.city];
    p.profile.company = rng.chance(0.5)
      ? `山野咖啡·${p.profile.city}${districts ? rng.pick(districts) : ''}店`
      : `${p.profile.city}${rng.pick(CAFE_NAMES)}咖啡馆（山野合作门店）`;
    p.profile.source = '城市合伙人招募';
  }
  return plans;
}

function blank(
  rng: Rng,
  persona: Persona,
  arrival: number,
  activeUntil: number,
  extra: Partial<Pick<MemberPlan, 'official' | 'churnAt' | 'silentAt'>> & {
    nickname?: string;
    company?: string;
    city?: string;
    source?: string;
  },
): MemberPlan {
  const person = makePerson(rng);
  const plan: MemberPlan = {
    idx: 0,
    key: '',
    persona,
    official: extra.official ?? false,
    partner: false,
    legacy: false,
    arrival,
    churnAt: extra.churnAt ?? null,
    silentAt: extra.silentAt ?? null,
    activeUntil,
    wobble: Math.exp(rng.normal(0, 0.45)),
    machineFirst: false,
    miniProgram: false,
    surnamePinyin: person.surnamePinyin,
    givenPinyin: person.givenPinyin,
    english: person.english,
    profile: {
      name: extra.official ? null : person.name,
      nickname: extra.nickname ?? person.nickname,
      gender: extra.official ? 'unknown' : person.gender,
      birthday: extra.official ? null : person.birthday,
      city: extra.city ?? pickCity(rng),
      company: extra.company ?? (rng.chance(0.14) ? rng.pick(COMPANIES) : null),
      source: extra.source ?? pickSource(rng),
      consentMarketing: extra.official ? false : rng.chance(0.6),
    },
    phone: null,
    email: null,
    identities: [],
    tags: new Set(),
  };
  return plan;
}

interface Person {
  name: string | null;
  nickname: string;
  gender: DemoMember['gender'];
  birthday: string | null;
  surnamePinyin: string | null;
  givenPinyin: string | null;
  english: string | null;
}

export function makePerson(rng: Rng): Person {
  const female = rng.chance(0.56); // coffee communities skew slightly female
  const [surname, surnamePinyin] = pickSurname(rng);
  const [given, givenPinyin] = rng.pick(female ? GIVEN_FEMALE : GIVEN_MALE);
  const named = rng.chance(0.7);
  const english = rng.chance(0.35) ? rng.pick(ENGLISH_NAMES) : null;

  let gender: DemoMember['gender'];
  if (named) gender = rng.chance(0.95) ? (female ? 'female' : 'male') : 'unknown';
  else gender = rng.chance(0.55) ? 'unknown' : rng.chance(0.04) ? 'other' : female ? 'female' : 'male';

  const lastChar = given[given.length - 1];
  const nickname = weighted<() => string>([
    [() => `小${rng.chance(0.5) ? surname : lastChar}`, 12],
    [() => `阿${lastChar}`, 5],
    [() => english ?? rng.pick(ENGLISH_NAMES), 12],
    [() => `${(english ?? rng.pick(ENGLISH_NAMES)).toLowerCase()}${rng.pick(['_', '.', '', '2018', '99', '_z'])}`, 7],
    [() => `${rng.pick(COFFEE_PREFIXES)}${rng.chance(0.5) ? `阿${english ?? lastChar}` : ''}`, 9],
    [() => rng.pick(CUTE_NICKS), 14],
    [() => `${lastChar}${lastChar}`, 4],
    [() => `${surnamePinyin}${givenPinyin.slice(0, 2)}${rng.int(1, 99)}`, 4],
    [() => (named ? `${surname}${given}` : `${surname}${female ? '女士' : '先生'}`), 4],
  ])(rng)();

  let birthday: string | null = null;
  if (rng.chance(0.42)) {
    const year = Math.round(Math.min(2005, Math.max(1972, rng.normal(1993, 6))));
    const month = rng.int(1, 12);
    birthday = isoDate(year, month, rng.int(1, month === 2 ? 28 : [4, 6, 9, 11].includes(month) ? 30 : 31));
  }
  return {
    name: named ? `${surname}${given}` : null,
    nickname,
    gender,
    birthday,
    surnamePinyin: named ? surnamePinyin : null,
    givenPinyin: named ? givenPinyin : null,
    english,
  };
}
