import { api, call } from '@shared/api/client';
import { useRequest } from '../../hooks/useRequest';
import { useI18n } from '../../i18n/I18nProvider';
import { nameIn } from './loyalty-vocab';
import type { Tier } from './types';

let cached: Promise<Tier[]> | null = null;

/**
 * The programme's tiers, lowest first, loaded once per visit and again after a change (rewards,
 * the member tab and the tier pages all name tiers). `name(id)` writes one in the operator's language.
 */
export function useTiers() {
  const { locale } = useI18n();
  const r = useRequest(() => {
    cached ??= call(api.GET('/api/v1/loyalty/tiers'))
      .then((x) => x.items)
      .catch((e) => {
        cached = null;
        throw e;
      });
    return cached;
  }, []);
  const name = (id: number | null | undefined) => {
    const tier = r.data?.find((x) => x.id === id);
    return tier ? nameIn(tier, locale) : id === null || id === undefined ? '—' : `#${id}`;
  };
  return {
    ...r,
    name,
    reload: () => {
      cached = null;
      r.reload();
    },
  };
}

export function forgetTiers() {
  cached = null;
}
