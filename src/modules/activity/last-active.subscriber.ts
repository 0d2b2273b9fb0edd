import type { EventSubscriber } from '../../kernel/jobs.js';
import { touchLastActive } from '../members/index.js';
import { latestActivityByMember } from './activity.repo.js';
import { ACTIVITY_INGESTED, type ActivityIngestedPayload } from './ingest.service.js';

/**
 * Members' "last active" follows the activity stream after each batch commits, off the ingest
 * path: one grouped read of the batch's activities and one set-based update per event.
 */
export const lastActiveSubscriber: EventSubscriber<ActivityIngestedPayload> = {
  name: 'members-last-active',
  topics: [ACTIVITY_INGESTED],
  async handle(tx, event) {
    const ids = event.payload.ids;
    if (!ids?.length) return;
    const latest = await latestActivityByMember(tx, ids);
    await touchLastActive(
      tx,
      latest.map((r) => ({ memberId: r.member_id, at: r.at })),
    );
  },
};
