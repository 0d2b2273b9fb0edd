import { KithError } from '../../../kernel/errors.js';
import type { IngestService } from '../ingest.service.js';
import type { ImportPlan } from './import-plan.js';
import type { ImportKind, ImportOptions } from './import.service.js';
import { membersPlan } from './members.plan.js';
import { ordersPlan } from './orders.plan.js';
import { chatPlan } from './chat.plan.js';

const MAX_OPTION_LENGTH = 200;

/** Picks the plan of an import kind and checks the options it accepts. */
export function planFactory(deps: { ingest: IngestService; timeZone: string }) {
  return (kind: ImportKind, o: ImportOptions): ImportPlan<unknown> => {
    const str = (k: string) => {
      const v = o[k];
      if (v !== undefined && typeof v !== 'string')
        throw new KithError('VALIDATION_FAILED', `options.${k}: must be text`, {
          fields: [{ path: `options/${k}`, message: 'must be text' }],
        });
      return v as string | undefined;
    };
    // A source becomes part of every activity's idempotency key, a group a community name (both
    // indexed), and all options are part of the import's identity: none is long text.
    for (const [k, v] of Object.entries(o)) {
      if (typeof v === 'string' && v.length > MAX_OPTION_LENGTH)
        throw new KithError('VALIDATION_FAILED', `options.${k}: must be at most ${MAX_OPTION_LENGTH} characters`, {
          fields: [{ path: `options/${k}`, message: `must be at most ${MAX_OPTION_LENGTH} characters` }],
        });
    }
    const timeZone = str('timeZone') ?? deps.timeZone;
    try {
      new Intl.DateTimeFormat('en', { timeZone });
    } catch {
      throw new KithError('VALIDATION_FAILED', 'options.timeZone: is not an IANA time zone', {
        fields: [{ path: 'options/timeZone', message: 'is not an IANA time zone' }],
      });
    }
    const mapping = o.mapping as Record<string, string> | undefined;
    if (
      mapping !== undefined &&
      (typeof mapping !== 'object' || Object.values(mapping).some((v) => typeof v !== 'string'))
    ) {
      throw new KithError('VALIDATION_FAILED', 'options.mapping: must map header text to a field name', {
        fields: [{ path: 'options/mapping', message: 'must be an object of strings' }],
      });
    }
    switch (kind) {
      case 'members':
        return membersPlan({
          timeZone,
          mapping,
          keepUnmapped: o.keepUnmapped === true,
          onlyExisting: o.onlyExisting === true,
        }) as ImportPlan<unknown>;
      case 'orders':
        return ordersPlan(
          { timeZone, mapping, source: str('source') ?? 'orders-import' },
          deps.ingest,
        ) as ImportPlan<unknown>;
      case 'chat': {
        const communityId = o.communityId;
        if (communityId !== undefined && (!Number.isSafeInteger(communityId) || (communityId as number) < 1)) {
          throw new KithError('VALIDATION_FAILED', 'options.communityId: must be a community id', {
            fields: [{ path: 'options/communityId', message: 'must be a positive integer' }],
          });
        }
        return chatPlan(
          { timeZone, communityId: communityId as number | undefined, group: str('group'), selfName: str('selfName') },
          deps.ingest,
        ) as ImportPlan<unknown>;
      }
    }
  };
}
