import path from 'node:path';
import {
  SeqCounter,
  type ChatMessage,
  type ChatMessageType,
  type ChatParseResult,
  type ChatSender,
  type RejectedLine,
} from './chat-message.js';
import { parseDateParts, partsToInstant } from './datetime.js';
import { FormatError } from './format-error.js';
import { gridColumn, readCsvGrid } from './table-reader.js';
import { quote } from './values.js';

/**
 * WeChat chat history as CSV, in the layout written by the desktop export tools community
 * operators use (WeChatMsg / 留痕, and the many tools that copy its columns, often a subset):
 *
 *   localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender
 *
 * Columns read (names matched ignoring case; all others are ignored):
 *   StrTime     wall-clock time "2024-03-01 09:05:12", read in the workspace zone.
 *   CreateTime  Unix time in seconds (or milliseconds); used when StrTime is absent or unreadable.
 *   StrContent  message text.
 *   Type        1 text, 3 image, 34 voice, 43 video, 47 sticker, 49 link/file (SubType says
 *               which), 42 contact card, 48 location, 50 call, 10000/10002 system notice.
 *               Missing column: every row is text.
 *   SubType     refines Type 49 (5 link, 6 file, 19 chat history, 33/36 mini program,
 *               57 quoted reply, 2000 transfer, 2001 red packet).
 *   IsSender    1 when the exporting account sent the message.
 *   Sender      sender's wxid (group chats); used as the account id when it looks like one.
 *   NickName    sender's nickname; the display name, and the account id when Sender is missing.
 *   Remark      the exporting user's own note for the sender; display name when NickName is empty.
 *   TalkerId    numeric id of the conversation in the exporting computer's database; names the
 *               conversation only when no group name is given and the file name does not say.
 *
 * Remark is never the conversation name: in group exports it is the remark of the *sender*.
 * Media cannot travel in a CSV, so non-text messages keep a placeholder text ("[图片]") and
 * their kind in `msgType`, which still counts them as activity.
 */

export interface WechatParseOptions {
  timeZone?: string;
  /** Conversation name; otherwise taken from a WeChatMsg file name (`群名_utf8.csv`) or TalkerId. */
  group?: string;
  fileName?: string;
  /** Display name for messages the exporting account sent. Default 我. */
  selfName?: string;
  /** Account id for those messages when the file has no Sender column. Default `self`. */
  selfId?: string;
}

/** The columns read, for the published format documentation. */
export const WECHAT_COLUMNS: { name: string; doc: string }[] = [
  { name: 'StrTime', doc: 'Wall-clock time `2024-03-01 09:05:12`, read in the workspace time zone.' },
  { name: 'CreateTime', doc: 'Unix time in seconds (or milliseconds); used when StrTime is absent or unreadable.' },
  { name: 'StrContent', doc: 'Message text.' },
  {
    name: 'Type',
    doc: '1 text, 3 image, 34 voice, 43 video, 47 sticker, 49 link/file, 42 contact card, 48 location, 50 call, 10000/10002 system notice. Without the column every row is text.',
  },
  {
    name: 'SubType',
    doc: 'Refines Type 49: 5 link, 6 file, 19 chat history, 33/36 mini program, 57 quoted reply, 2000 transfer, 2001 red packet.',
  },
  {
    name: 'IsSender',
    doc: '1 when the exporting account sent the message (shown as 我 unless another name is given).',
  },
  { name: 'Sender', doc: "Sender's wxid; the account id when it looks like one." },
  {
    name: 'NickName',
    doc: "Sender's nickname: the display name, and the account id (`nickname:<name>`) when Sender is missing.",
  },
  {
    name: 'Remark',
    doc: "The exporting user's note for the sender: display name when NickName is empty. Never the group name.",
  },
  {
    name: 'TalkerId',
    doc: 'Conversation id; names the conversation only when no group is given and the file name (`<group>_utf8.csv`) does not say.',
  },
];

const PLACEHOLDERS: Record<string, { text: string; type: ChatMessageType }> = {
  '3': { text: '[图片]', type: 'image' },
  '34': { text: '[语音]', type: 'voice' },
  '43': { text: '[视频]', type: 'video' },
  '47': { text: '[表情]', type: 'sticker' },
  '42': { text: '[名片]', type: 'card' },
  '48': { text: '[位置]', type: 'location' },
  '50': { text: '[通话]', type: 'call' },
};
const LINK_SUBTYPES: Record<string, { text: string; type: ChatMessageType }> = {
  '5': { text: '[链接]', type: 'link' },
  '6': { text: '[文件]', type: 'file' },
  '19': { text: '[聊天记录]', type: 'link' },
  '33': { text: '[小程序]', type: 'link' },
  '36': { text: '[小程序]', type: 'link' },
  '57': { text: '[引用]', type: 'text' },
  '2000': { text: '[转账]', type: 'other' },
  '2001': { text: '[红包]', type: 'other' },
};
const SYSTEM_TYPES = new Set(['10000', '10002']);

/** wxid_…, custom WeChat IDs, gh_… official accounts, …@chatroom: no spaces, no CJK. */
const ID_LIKE = /^[A-Za-z0-9_\-@.]{3,64}$/;
const UNIX_TIME = /^\d{9,13}$/;
const SYSTEM_SENDER: ChatSender = { name: '系统消息', channel: 'wechat', externalId: '@system' };

export function parseWechatCsv(input: Buffer | string, options: WechatParseOptions = {}): ChatParseResult {
  const timeZone = options.timeZone ?? 'Asia/Shanghai';
  const grid = readCsvGrid(input);
  const col = (name: string) => gridColumn(grid, name);
  const c = {
    strTime: col('StrTime'),
    createTime: col('CreateTime'),
    content: col('StrContent'),
    type: col('Type'),
    subType: col('SubType'),
    isSender: col('IsSender'),
    sender: col('Sender'),
    nickName: col('NickName'),
    remark: col('Remark'),
    talker: col('TalkerId'),
  };
  if (c.content < 0 || (c.strTime < 0 && c.createTime < 0)) {
    throw new FormatError(
      'MISSING_COLUMNS',
      'A WeChat CSV needs a StrContent column and a StrTime or CreateTime column',
    );
  }

  const fileGroup = groupFromFileName(options.fileName);
  const messages: ChatMessage[] = [];
  const rejected: RejectedLine[] = [];
  const groups = new Set<string>();
  const seq = new SeqCounter();
  const selfName = options.selfName ?? '我';
  const selfId = options.selfId ?? 'self';
  for (const { line, cells } of grid.data) {
    const get = (i: number) => (i < 0 ? '' : (cells[i] ?? ''));
    const conversation = get(c.talker) || null;
    const group = options.group ?? fileGroup ?? conversation;

    const occurredAt = readTime(get(c.strTime), get(c.createTime), timeZone);
    if (typeof occurredAt !== 'string') {
      rejected.push({ line, reason: occurredAt.reason });
      continue;
    }

    const type = get(c.type) || '1';
    const content = get(c.content);
    const isSystem = SYSTEM_TYPES.has(type);
    let text = content;
    let msgType: ChatMessageType = 'text';
    if (isSystem) {
      msgType = 'system';
      if (content === '' || content.startsWith('<')) text = '[系统消息]';
    } else if (type !== '1') {
      const p =
        type === '49'
          ? (LINK_SUBTYPES[get(c.subType)] ?? { text: '[链接/文件]', type: 'link' as const })
          : PLACEHOLDERS[type];
      if (p === undefined) {
        text = '[其他消息]';
        msgType = 'other';
      } else {
        text = p.text;
        msgType = p.type;
      }
    }

    let sender: ChatSender;
    const senderId = get(c.sender);
    const nick = get(c.nickName);
    const remark = get(c.remark);
    if (isSystem) {
      // Join, leave and recall notices are WeChat speaking, whoever the row names.
      sender = SYSTEM_SENDER;
    } else if (get(c.isSender) === '1') {
      sender = { name: selfName, channel: 'wechat', externalId: ID_LIKE.test(senderId) ? senderId : selfId };
    } else if (ID_LIKE.test(senderId)) {
      sender = { name: nick || remark || senderId, channel: 'wechat', externalId: senderId };
    } else if (nick !== '' || remark !== '') {
      // No usable wxid: the name is the only handle, prefixed so it cannot pass for a real id.
      sender = {
        name: nick || remark,
        channel: 'wechat',
        externalId: nick !== '' ? `nickname:${nick}` : `remark:${remark}`,
      };
    } else {
      rejected.push({ line, reason: 'row has no sender: Sender, NickName and Remark are all empty' });
      continue;
    }

    if (group !== null) groups.add(group);
    messages.push(seq.assign({ line, occurredAt, sender, text, conversation, group, isSystem, msgType }));
  }
  const names = [...groups];
  return { group: names[0] ?? null, groups: names, messages, rejected };
}

function readTime(strTime: string, createTime: string, timeZone: string): string | { reason: string } {
  if (strTime !== '') {
    const p = parseDateParts(strTime);
    if (typeof p !== 'string') return new Date(partsToInstant(p, timeZone)).toISOString();
  }
  if (UNIX_TIME.test(createTime)) {
    const n = Number(createTime);
    return new Date(createTime.length >= 12 ? n : n * 1000).toISOString();
  }
  if (strTime !== '') return { reason: `StrTime: ${quote(strTime)} is not a date and time` };
  if (createTime !== '') return { reason: `CreateTime: ${quote(createTime)} is not a Unix time` };
  return { reason: 'row has no time: StrTime and CreateTime are empty' };
}

/** WeChatMsg names each export after the conversation: `产品体验官一群_utf8.csv`. */
function groupFromFileName(fileName: string | undefined): string | null {
  if (fileName === undefined) return null;
  const m = /^(.+)_utf8\.csv$/i.exec(path.basename(fileName));
  return m === null ? null : m[1];
}
