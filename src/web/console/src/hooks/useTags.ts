import { api, call } from '@shared/api/client';
import type { paths } from '@shared/api/schema';
import { useRequest } from './useRequest';

export type TagItem =
  paths['/api/v1/members/tags']['get']['responses']['200']['content']['application/json']['items'][number];

let cached: Promise<TagItem[]> | null = null;

/** The workspace's tags (shared by every community), loaded once per visit and after a change. */
export function useTags() {
  const r = useRequest(() => {
    cached ??= call(api.GET('/api/v1/members/tags'))
      .then((x) => x.items)
      .catch((e) => {
        cached = null;
        throw e;
      });
    return cached;
  }, []);
  return {
    ...r,
    reload: () => {
      cached = null;
      r.reload();
    },
  };
}

export function forgetTags() {
  cached = null;
}
