import { createHash } from 'node:crypto';
import type { Channel } from './values.js';

/**
 * One message from an imported chat log, whatever tool exported it. Chat logs are imported
 * again and again (this week's export overlaps last week's), so every message carries enough
 * to recognise it on the next import: `chatMessageKey` is stable for the same message in any
 * export that contains it, and depends only on what the file says — never on a group name or
 * file name the operator chose, so importing the file again under another name recognises
 * every message.
 */

export type ChatMessageType =
  | 'text'
  | 'image'
  | 'voice'
  | 'video'
  | 'sticker'
  | 'link'
  | 'file'
  | 'card'
  | 'location'
  | 'call'
  | 'system'
  | 'other';

export interface ChatSender {
  /** Display name at the time of the message (nicknames change; the id does not). */
  name: string;
  channel: Channel;
  externalId: string;
  /**
   * The address the export wrote for a sender recognised by another account: QQ writes some
   * members as `张伟<12345678@qq.com>`, read as QQ account 12345678. Kept because imports
   * before that rule keyed such messages by the email address (`legacyChatMessageKey`).
   */
  address?: string;
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
  /**
   * Conversation as the file itself names it (a QQ 消息对象, a WeChat TalkerId, a Kith `community`
   * value); null when the file names none. Part of the message's key, so it never holds a name
   * given from outside the file.
   */
  conversation: string | null;
  /** Group or community name to file the message under: `conversation`, or a name given for the file. */
  group: string | null;
  isSystem: boolean;
  msgType: ChatMessageType;
  /**
   * 0 for the first message with this conversation, time, sender and text; 1 for a second identical
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

/**
 * Idempotency key: sha256 hex of conversation|occurredAt|channel|externalId|seq|text — all read
 * from the file. A message whose file names its conversation gets the same key as under the
 * earlier scheme (which hashed the group name), so those need no translation.
 */
export function chatMessageKey(
  m: Pick<ChatMessage, 'conversation' | 'occurredAt' | 'sender' | 'seq' | 'text'>,
): string {
  return hashKey(m.conversation, m.occurredAt, m.sender.channel, m.sender.externalId, m.seq, m.text);
}

/**
 * The key the same message had before keys stopped depending on the group name: the group it
 * was filed under (a name the operator chose, or the WeChat file name) in place of the
 * conversation, the email address of a QQ Mail sender, and `legacySeq` — its repeat number
 * counted per group rather than per conversation. Imports look both up, so a file imported
 * before is still recognised when imported again with the same group name.
 */
export function legacyChatMessageKey(
  m: Pick<ChatMessage, 'group' | 'occurredAt' | 'sender' | 'text'>,
  legacySeq: number,
): string {
  const channel = m.sender.address === undefined ? m.sender.channel : 'email';
  return hashKey(m.group, m.occurredAt, channel, m.sender.address ?? m.sender.externalId, legacySeq, m.text);
}

function hashKey(
  conversation: string | null,
  occurredAt: string,
  channel: string,
  externalId: string,
  seq: number,
  text: string,
): string {
  return createHash('sha256')
    .update(`${conversation ?? ''}|${occurredAt}|${channel}|${externalId}|${seq}|${text}`)
    .digest('hex');
}

type Bucket = ChatMessage | ChatMessage[] | Map<string, number>;

/*
 * Buckets hold the messages of one lane (one conversation) and one second, so comparing
 * sender and text is enough within a bucket.
 */

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

  /**
   * @param laneOf what separates conversations: the file's own conversation by default; the
   *   group name to recount repeat numbers the way keys were numbered before (legacy keys).
   */
  constructor(private readonly laneOf: (m: ChatMessage) => string | null = (m) => m.conversation) {}

  assign(m: Omit<ChatMessage, 'seq'> & { seq?: number }): ChatMessage {
    const msg = m as ChatMessage;
    let lane = this.lanes.get(this.laneOf(msg));
    if (lane === undefined) {
      lane = { last: '', current: undefined, index: null };
      this.lanes.set(this.laneOf(msg), lane);
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
          if (this.laneOf(old) === this.laneOf(msg))
            lane.index.set(old.occurredAt, countInto(lane.index.get(old.occurredAt), old).bucket);
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
  return a.sender.externalId === b.sender.externalId && a.sender.channel === b.sender.channel && a.text === b.text;
}

function sameKey(m: ChatMessage): string {
  return `${m.sender.channel}\u0000${m.sender.externalId}\u0000${m.text}`;
}
