import { createHash } from 'node:crypto';
import type { Channel } from './values.js';

/**
 * One message from an imported chat log, whatever tool exported it. Chat logs are imported
 * again and again (this week's export overlaps last week's), so every message carries enough
 * to recognise it on the next import: `chatMessageKey` is stable for the same message in any
 * export that contains it.
 */

export type ChatMessageType =
  | 'text' | 'image' | 'voice' | 'video' | 'sticker' | 'link' | 'file'
  | 'card' | 'location' | 'call' | 'system' | 'other';

export interface ChatSender {
  /** Display name at the time of the message (nicknames change; the id does not). */
  name: string;
  channel: Channel;
  externalId: string;
  /** Group title shown before the name, e.g. 管理员 from 【管理员】. */
  title?: string;
}

export interface ChatMessage {
  /** 1-based line (or JSON index + 1) where the message starts. */
  line: number;
  /** ISO UTC. */
  occurredAt: string;
  /** Shared by the messages of one sender in a file: treat as read-only. */
  sender: ChatSender;
  text: string;
  /** Group or conversation name, when the export says. */
  group: string | null;
  isSystem: boolean;
  msgType: ChatMessageType;
  /**
   * 0 for the first message with this group, time, sender and text; 1 for a second identical
   * one, and so on. People do send "+1" twice within a second, and both count.
   */
  seq: number;
}

export interface RejectedLine {
  line: number;
  reason: string;
}

export interface ChatParseResult {
  /** First conversation named in the file, or null. */
  group: string | null;
  /** Every conversation named in the file, in order of appearance. */
  groups: string[];
  messages: ChatMessage[];
  rejected: RejectedLine[];
}

/** Idempotency key: sha256 hex of group|occurredAt|channel|externalId|seq|text. */
export function chatMessageKey(m: Pick<ChatMessage, 'group' | 'occurredAt' | 'sender' | 'seq' | 'text'>): string {
  return createHash('sha256')
    .update(`${m.group ?? ''}|${m.occurredAt}|${m.sender.channel}|${m.sender.externalId}|${m.seq}|${m.text}`)
    .digest('hex');
}

type Bucket = ChatMessage | ChatMessage[] | Map<string, number>;

/** A crowded second (a bot, a flood) switches from comparing messages to counting keys. */
const CROWDED_SECOND = 16;

/** Adds `m` to the bucket of its second and returns how many identical messages came before. */
function countInto(bucket: Bucket | undefined, m: ChatMessage): { bucket: Bucket; seq: number } {
  if (bucket === undefined) return { bucket: m, seq: 0 };
  if (bucket instanceof Map) {
    const k = sameKey(m);
    const seq = bucket.get(k) ?? 0;
    bucket.set(k, seq + 1);
    return { bucket, seq };
  }
  if (!Array.isArray(bucket)) return { bucket: [bucket, m], seq: same(bucket, m) ? 1 : 0 };
  let seq = 0;
  for (const other of bucket) if (same(other, m)) seq++;
  bucket.push(m);
  if (bucket.length < CROWDED_SECOND) return { bucket, seq };
  const counts = new Map<string, number>();
  for (const other of bucket) {
    const k = sameKey(other);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return { bucket: counts, seq };
}

interface Lane {
  /** Latest timestamp seen while the lane's messages arrived in time order. */
  last: string;
  current: Bucket | undefined;
  /** Every second's bucket, built once the lane's messages stop arriving in order. */
  index: Map<string, Bucket> | null;
}

/**
 * Numbers identical messages. Exports list each conversation in time order, so while messages
 * keep arriving in order only the current second has to be remembered, and a million-message
 * file costs no memory beyond the messages themselves. The first message that goes back in time
 * switches its conversation to an index of every second, rebuilt once from what came before.
 */
export class SeqCounter {
  private readonly lanes = new Map<string | null, Lane>();
  private readonly seen: ChatMessage[] = [];

  assign(m: Omit<ChatMessage, 'seq'> & { seq?: number }): ChatMessage {
    const msg = m as ChatMessage;
    let lane = this.lanes.get(msg.group);
    if (lane === undefined) {
      lane = { last: '', current: undefined, index: null };
      this.lanes.set(msg.group, lane);
    }
    if (lane.index === null) {
      if (msg.occurredAt === lane.last) {
        const r = countInto(lane.current, msg);
        lane.current = r.bucket;
        msg.seq = r.seq;
      } else if (msg.occurredAt > lane.last) {
        lane.last = msg.occurredAt;
        lane.current = msg;
        msg.seq = 0;
      } else {
        lane.index = new Map();
        for (const old of this.seen) {
          if (old.group === msg.group) lane.index.set(old.occurredAt, countInto(lane.index.get(old.occurredAt), old).bucket);
        }
        lane.current = undefined;
      }
    }
    if (lane.index !== null) {
      const r = countInto(lane.index.get(msg.occurredAt), msg);
      lane.index.set(msg.occurredAt, r.bucket);
      msg.seq = r.seq;
    }
    this.seen.push(msg);
    return msg;
  }
}

function same(a: ChatMessage, b: ChatMessage): boolean {
  return a.sender.externalId === b.sender.externalId && a.sender.channel === b.sender.channel && a.group === b.group && a.text === b.text;
}

function sameKey(m: ChatMessage): string {
  return `${m.group ?? ''}\u0000${m.sender.channel}\u0000${m.sender.externalId}\u0000${m.text}`;
}
