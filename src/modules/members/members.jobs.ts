import type { Tx } from '../../kernel/db/database.js';
import type { JobHandler, Jobs } from '../../kernel/jobs.js';
import { pinyinTodo, refreshPinyin } from './members.repo.js';

const PINYIN = 'members-pinyin';
const CHUNK = 2000;

/**
 * Background work of members: working out the pinyin search keys of profiles written before Kith
 * kept them (migration 0023), a chunk per job until none is left. Profiles written since have them
 * from the moment they are written.
 */
export function createMembersJobs(deps: { jobs: Jobs; clock: { now(): Date } }) {
  const { jobs, clock } = deps;
  const fill: JobHandler = {
    queue: PINYIN,
    async handle(tx) {
      const rows = await pinyinTodo(tx, CHUNK);
      await refreshPinyin(tx, rows);
      if (rows.length === CHUNK)
        await jobs.enqueue(tx, PINYIN, {}, { dedupeKey: `pinyin:after:${rows[rows.length - 1]!.id}` });
    },
  };
  return {
    handlers: [fill],
    /** At each start: one pass that finds nothing to do is one index lookup. */
    async schedule(tx: Tx) {
      await jobs.enqueue(tx, PINYIN, {}, { dedupeKey: `pinyin:start:${clock.now().toISOString()}` });
    },
  };
}
