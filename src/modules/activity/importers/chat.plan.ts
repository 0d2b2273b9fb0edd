import { ensureCommunityByName } from '../../communities/index.js';
import { chatMessageKey, readChatFile, type ChatMessage } from '../formats/index.js';
import type { ActivityInput } from '../domain/activity-input.js';
import type { IngestService } from '../ingest.service.js';
import type { ImportPlan } from './import-plan.js';

export interface ChatImportOptions {
  timeZone: string;
  /** Put every message in this community; otherwise the community is found or created by the group name in the file. */
  communityId?: number;
  /** Group name to use when the file names none (WeChat CSV exports often don't). */
  group?: string;
  /** Name of the exporting account in WeChat exports (rows with IsSender = 1). */
  selfName?: string;
}

const CHANNEL_OF_FORMAT: Record<string, string> = { 'qq-txt': 'qq', 'wechat-csv': 'wechat', 'kith-csv': 'other', 'kith-json': 'other' };

/**
 * Chat logs become message activities. Each message's key (group, time, sender, text and its
 * repeat number) is its idempotency key, so overlapping exports (this week's includes last week's)
 * add only what is new. System notices are counted as skipped, not imported.
 */
export function chatPlan(opts: ChatImportOptions, ingest: IngestService): ImportPlan<ChatMessage & { format: string }> {
  return {
    async parse(data, fileName) {
      const parsed = readChatFile(data, fileName, { timeZone: opts.timeZone, group: opts.group, selfName: opts.selfName });
      const format = parsed.format;
      const kept = parsed.messages.filter((m) => !m.isSystem);
      return {
        format,
        rows: kept.map((m) => ({ line: m.line, row: { ...m, group: m.group ?? opts.group ?? null, format } })),
        rejected: parsed.rejected,
        skipped: parsed.messages.length - kept.length,
      };
    },

    async apply(tx, ctx, rows) {
      const communities = new Map<string, number | null>();
      const communityOf = async (m: ChatMessage & { format: string }) => {
        if (opts.communityId) return opts.communityId;
        if (!m.group) return null;
        const channel = CHANNEL_OF_FORMAT[m.format] ?? 'other';
        const key = `${channel}|${m.group}`;
        if (!communities.has(key)) communities.set(key, (await ensureCommunityByName(tx, ctx, { name: m.group, channel })).id);
        return communities.get(key)!;
      };
      const inputs: { index: number; input: ActivityInput }[] = [];
      for (let i = 0; i < rows.length; i++) {
        const m = rows[i]!.row;
        inputs.push({
          index: i,
          input: {
            source: `chat:${m.format}`,
            externalId: chatMessageKey(m),
            member: { channel: m.sender.channel, externalId: m.sender.externalId, displayName: m.sender.name.slice(0, 100) },
            communityId: await communityOf(m),
            channel: CHANNEL_OF_FORMAT[m.format] ?? m.sender.channel,
            kind: 'message',
            occurredAt: new Date(m.occurredAt),
            properties: { text: m.text, length: [...m.text].length, msgType: m.msgType, senderName: m.sender.name, ...(m.sender.title ? { senderTitle: m.sender.title } : {}) },
          },
        });
      }
      const results = await ingest.writeBatch(tx, inputs, ctx, false);
      const byIndex = new Map(results.map((r) => [r.index, r]));
      return rows.map((r, i) => {
        const x = byIndex.get(i)!;
        return x.status === 'rejected' ? { line: r.line, status: 'rejected' as const, reason: x.reason } : { line: r.line, status: x.status };
      });
    },
  };
}
