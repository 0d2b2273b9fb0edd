import { ensureCommunityByName } from '../../communities/index.js';
import { SeqCounter, chatMessageKey, legacyChatMessageKey, readChatFile, type ChatMessage } from '../formats/index.js';
import { existingKeys } from '../activity.repo.js';
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

const CHANNEL_OF_FORMAT: Record<string, string> = {
  'qq-txt': 'qq',
  'wechat-csv': 'wechat',
  'kith-csv': 'other',
  'kith-json': 'other',
};

export type ChatImportRow = ChatMessage & {
  format: string;
  /** Idempotency key, from the file's content only (`chatMessageKey`). */
  key: string;
  /** The key the message had under the earlier scheme, when it differs. */
  legacyKey?: string;
};

/**
 * Chat logs become message activities. Each message's key (conversation named in the file,
 * time, sender, text and its repeat number) is its idempotency key, so overlapping exports
 * (this week's includes last week's) add only what is new, and importing a file again under
 * another group name or into another community writes nothing again: its messages are
 * duplicates and stay where they were first filed. Messages imported under the earlier key
 * scheme are recognised by their old key too. System notices are counted as skipped.
 */
export function chatPlan(opts: ChatImportOptions, ingest: IngestService): ImportPlan<ChatImportRow> {
  return {
    async parse(data, fileName) {
      const parsed = readChatFile(data, fileName, {
        timeZone: opts.timeZone,
        group: opts.group,
        selfName: opts.selfName,
      });
      const format = parsed.format;
      const legacy = legacyKeys(parsed.messages, opts.group);
      const rows: { line: number; row: ChatImportRow }[] = [];
      parsed.messages.forEach((m, i) => {
        if (m.isSystem) return;
        const key = chatMessageKey(m);
        const row: ChatImportRow = { ...m, group: m.group ?? opts.group ?? null, format, key };
        if (legacy !== null && legacy[i] !== key) row.legacyKey = legacy[i];
        rows.push({ line: m.line, row });
      });
      return {
        format,
        encoding: parsed.encoding,
        rows,
        rejected: parsed.rejected,
        skipped: parsed.messages.length - rows.length,
      };
    },

    async apply(tx, ctx, rows) {
      const communities = new Map<string, number | null>();
      const communityOf = async (m: ChatImportRow) => {
        if (opts.communityId) return opts.communityId;
        if (!m.group) return null;
        const channel = CHANNEL_OF_FORMAT[m.format] ?? 'other';
        const key = `${channel}|${m.group}`;
        if (!communities.has(key))
          communities.set(key, (await ensureCommunityByName(tx, ctx, { name: m.group, channel })).id);
        return communities.get(key)!;
      };
      const known = await importedUnderLegacyKey(
        tx,
        rows.map((r) => r.row),
      );
      const inputs: { index: number; input: ActivityInput }[] = [];
      for (let i = 0; i < rows.length; i++) {
        const m = rows[i]!.row;
        if (known.has(i)) continue;
        inputs.push({
          index: i,
          input: {
            source: `chat:${m.format}`,
            externalId: m.key,
            member: {
              channel: m.sender.channel,
              externalId: m.sender.externalId,
              displayName: m.sender.name.slice(0, 100),
            },
            communityId: await communityOf(m),
            channel: CHANNEL_OF_FORMAT[m.format] ?? m.sender.channel,
            kind: 'message',
            occurredAt: new Date(m.occurredAt),
            properties: {
              text: m.text,
              length: [...m.text].length,
              msgType: m.msgType,
              senderName: m.sender.name,
              ...(m.sender.title ? { senderTitle: m.sender.title } : {}),
            },
          },
        });
      }
      const results = await ingest.writeBatch(tx, inputs, ctx, false);
      const byIndex = new Map(results.map((r) => [r.index, r]));
      return rows.map((r, i) => {
        if (known.has(i)) return { line: r.line, status: 'duplicate' as const };
        const x = byIndex.get(i)!;
        return x.status === 'rejected'
          ? { line: r.line, status: 'rejected' as const, reason: x.reason }
          : { line: r.line, status: x.status };
      });
    },
  };
}

/**
 * Each message's key under the earlier scheme, which hashed the group name the message was
 * filed under (and numbered repeats per group): null when every message's old key is its key.
 */
function legacyKeys(messages: ChatMessage[], group: string | undefined): string[] | null {
  const groupOf = (m: ChatMessage) => m.group ?? group ?? null;
  if (messages.every((m) => groupOf(m) === m.conversation && m.sender.address === undefined)) return null;
  // Repeat numbers are counted per group as per conversation when each group is one conversation
  // (the usual file: one conversation, filed under one name); only otherwise are they recounted.
  const seqOf = sameLanes(messages, groupOf) ? (m: ChatMessage) => m.seq : recount(groupOf);
  return messages.map((m) => legacyChatMessageKey({ ...m, group: groupOf(m) }, seqOf(m)));
}

/** True when groups and conversations pair one to one. */
function sameLanes(messages: ChatMessage[], groupOf: (m: ChatMessage) => string | null): boolean {
  const groupOfConversation = new Map<string | null, string | null>();
  const conversationOfGroup = new Map<string | null, string | null>();
  for (const m of messages) {
    const g = groupOf(m);
    if (groupOfConversation.has(m.conversation) && groupOfConversation.get(m.conversation) !== g) return false;
    if (conversationOfGroup.has(g) && conversationOfGroup.get(g) !== m.conversation) return false;
    groupOfConversation.set(m.conversation, g);
    conversationOfGroup.set(g, m.conversation);
  }
  return true;
}

function recount(groupOf: (m: ChatMessage) => string | null): (m: ChatMessage) => number {
  const counter = new SeqCounter(groupOf);
  return (m) => counter.assign({ ...m }).seq;
}

/** Indexes of the rows already imported under their earlier key: one lookup per chunk. */
async function importedUnderLegacyKey(
  tx: Parameters<typeof existingKeys>[0],
  rows: ChatImportRow[],
): Promise<Set<number>> {
  const at: number[] = [];
  for (let i = 0; i < rows.length; i++) if (rows[i]!.legacyKey !== undefined) at.push(i);
  if (at.length === 0) return new Set();
  const source = (i: number) => `chat:${rows[i]!.format}`;
  const found = await existingKeys(
    tx,
    at.map(source),
    at.map((i) => rows[i]!.legacyKey!),
  );
  return new Set(at.filter((i) => found.has(`${source(i)}\u0000${rows[i]!.legacyKey}`)));
}
