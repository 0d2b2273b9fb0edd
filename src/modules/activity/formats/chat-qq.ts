import {
  SeqCounter,
  type ChatMessage,
  type ChatMessageType,
  type ChatParseResult,
  type ChatSender,
  type RejectedLine,
} from './chat-message.js';
import { daysInMonth } from './datetime.js';
import { decodeText } from './text-encoding.js';
import { wallClockToUtc } from '../../../kernel/time-zone.js';

/**
 * QQ's "消息记录" text export (消息管理器 → 导出消息记录 → .txt). It is the only way most QQ
 * group owners can get their history out, and QQ itself says it cannot be re-imported, so Kith
 * reads the layout as QQ writes it:
 *
 *   消息记录（此消息记录为文本格式，不支持重新导入）
 *   ================================================================
 *   消息分组:我的群聊
 *   ================================================================
 *   消息对象:产品体验官一群
 *   ================================================================
 *
 *   2024-03-01 9:05:12 小林(123456789)
 *   大家早上好！
 *
 *   2024-03-01 9:06:40 Amy<amy@example.com>
 *   早～今天的新品什么时候开售？
 *
 * A file may hold several 消息对象 sections, one per conversation. Times are wall clock of the
 * exporting computer, read in the workspace zone.
 */

export interface QqParseOptions {
  /** Zone of the times in the file. Default Asia/Shanghai. */
  timeZone?: string;
}

// Compiled once; every line of a million-line export is tested against these.
const HEADER = /^(\d{4})-(\d{1,2})-(\d{1,2}) (\d{1,2}):(\d{2}):(\d{2}) (.*)$/;
const SENDER_QQ = /^(.*)\((\d{5,12})\)$/;
const SENDER_EMAIL = /^(.*)<([^<>\s]+@[^<>\s]+)>$/;
/**
 * A QQ Mail address whose local part is the QQ number. QQ writes some members (friends whose QQ
 * Mail it knows, members of older groups) as `张伟<12345678@qq.com>` and the same person elsewhere
 * as `张伟(12345678)`: both are QQ account 12345678.
 */
const QQ_MAIL = /^([1-9]\d{4,11})@(?:vip\.)?qq\.com$/;
const TITLE = /^【([^】]*)】\s*/;
const SEPARATOR = /^={10,}\s*$/;
const BLOCK_FIELD = /^消息(分组|对象)\s*[:：]\s*(.*)$/;
const FILE_TITLE = /^消息记录[（(]/;

/**
 * What QQ writes in place of what a text file cannot hold. A message made only of these is of
 * that kind, like the WeChat reader's `msgType`; a placeholder inside typed text stays text.
 */
export const QQ_PLACEHOLDER_TYPES: Record<string, ChatMessageType> = {
  图片: 'image',
  闪照: 'image',
  表情: 'sticker',
  动画表情: 'sticker',
  超级表情: 'sticker',
  大表情: 'sticker',
  语音: 'voice',
  视频: 'video',
  短视频: 'video',
  文件: 'file',
  链接: 'link',
  分享: 'link',
  小程序: 'link',
  聊天记录: 'link',
  名片: 'card',
  位置: 'location',
  语音通话: 'call',
  视频通话: 'call',
  红包: 'other',
  QQ红包: 'other',
  转账: 'other',
};
const ONLY_PLACEHOLDERS = /^(?:\s*\[[^\[\]\n]{1,8}\])+\s*$/;
const PLACEHOLDER = /\[([^\[\]\n]{1,8})\]/g;

/** QQ's own account for join/leave/recall notices. */
const SYSTEM_QQ = '10000';
const SYSTEM_NAME = '系统消息';

const STRAY_REASON =
  'text outside any message: expected a line like "2024-03-01 9:05:12 nickname(QQ number)" before it';

interface OpenMessage {
  line: number;
  occurredAt: string;
  sender: ChatSender;
  isSystem: boolean;
  bodyStart: number;
}

export function parseQqExport(input: Buffer | string, options: QqParseOptions = {}): ChatParseResult {
  const timeZone = options.timeZone ?? 'Asia/Shanghai';
  let text = typeof input === 'string' ? input : decodeText(input).text;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lines = splitLines(text);
  const n = lines.length;

  const messages: ChatMessage[] = [];
  const rejected: RejectedLine[] = [];
  const groups: string[] = [];
  const seq = new SeqCounter();
  let group: string | null = null;
  let open: OpenMessage | null = null;
  /** Inside the body of a message whose header was refused: its lines go with it. */
  let skipping = false;
  let seenContent = false;
  const senders = new Map<string, ChatSender | null>();
  let lastStamp = '';
  let lastIso = '';

  const close = (end: number) => {
    if (open === null) return;
    let a = open.bodyStart;
    let b = end;
    while (a < b && lines[a].trim() === '') a++;
    while (b > a && lines[b - 1].trim() === '') b--;
    const body = b - a === 1 ? lines[a] : lines.slice(a, b).join('\n');
    messages.push(
      seq.assign({
        line: open.line,
        occurredAt: open.occurredAt,
        sender: open.sender,
        text: body,
        conversation: group,
        group,
        isSystem: open.isSystem,
        msgType: open.isSystem ? 'system' : placeholderType(body),
      }),
    );
    open = null;
  };

  for (let i = 0; i < n; i++) {
    const line = lines[i];
    const c0 = line.charCodeAt(0);

    // Message header: cheap character checks before the regex, as most lines are bodies.
    if (c0 >= 48 && c0 <= 57 && line.charCodeAt(4) === 45) {
      const h = HEADER.exec(line);
      let sender: ChatSender | null | undefined = null;
      if (h !== null) {
        // Members post many messages each; their sender line is parsed once per file.
        sender = senders.get(h[7]);
        if (sender === undefined) {
          sender = parseSender(h[7]);
          senders.set(h[7], sender);
        }
      }
      if (h !== null && sender !== null) {
        close(i);
        seenContent = true;
        const stamp = line.slice(0, line.length - h[7].length);
        if (stamp !== lastStamp) {
          const instant = toInstant(h, timeZone);
          if (instant === null) {
            rejected.push({
              line: i + 1,
              reason: `"${stamp.trim()}" is not a real date and time; the message is skipped`,
            });
            skipping = true;
            continue;
          }
          lastStamp = stamp;
          lastIso = new Date(instant).toISOString();
        }
        skipping = false;
        const isSystem = sender.externalId === SYSTEM_QQ || sender.name === SYSTEM_NAME;
        open = { line: i + 1, occurredAt: lastIso, sender, isSystem, bodyStart: i + 1 };
        continue;
      }
    }

    // Section lines: 消息分组 / 消息对象 and the ==== rules around them.
    // Inside a message body the same text could be something a member typed, so there the
    // lines count as section lines only next to each other, as QQ writes them.
    if (
      c0 === 61 /* = */ &&
      SEPARATOR.test(line) &&
      (open === null || isBlockField(lines[i - 1]) || isBlockField(lines[i + 1]))
    ) {
      close(i);
      skipping = false;
      continue;
    }
    if (c0 === 0x6d88 /* 消 */) {
      const b = open === null || isSeparator(lines[i - 1]) ? BLOCK_FIELD.exec(line) : null;
      if (b !== null) {
        close(i);
        skipping = false;
        if (b[1] === '对象') {
          group = b[2].trim() || null;
          if (group !== null && !groups.includes(group)) groups.push(group);
        }
        continue;
      }
      if (!seenContent && FILE_TITLE.test(line)) {
        seenContent = true;
        continue;
      }
    }

    if (open !== null || skipping) continue;
    if (line.trim() === '') continue;
    seenContent = true;
    rejected.push({ line: i + 1, reason: STRAY_REASON });
  }
  close(n);

  return { group: groups[0] ?? null, groups, messages, rejected };
}

/** The kind of a message body: that of its placeholders when it holds nothing else, otherwise text. */
export function placeholderType(body: string): ChatMessageType {
  if (body.charCodeAt(0) !== 91 /* [ */ || !ONLY_PLACEHOLDERS.test(body)) return 'text';
  let kind: ChatMessageType | undefined;
  for (const [, name] of body.matchAll(PLACEHOLDER)) {
    const k = QQ_PLACEHOLDER_TYPES[name!];
    // A bracket QQ does not write (`[捂脸]` typed by hand) makes the message text.
    if (k === undefined) return 'text';
    // `[图片][图片]` is an image; `[图片][表情]` is counted by its first part.
    kind ??= k;
  }
  return kind ?? 'text';
}

/** Lines without their ends; QQ writes CRLF, a file edited elsewhere may mix in LF or CR. */
function splitLines(text: string): string[] {
  if (!text.includes('\r')) return text.split('\n');
  const lines = text.split('\r\n');
  for (const l of lines) if (l.includes('\n') || l.includes('\r')) return text.split(/\r\n?|\n/);
  return lines;
}

/** A message header line such as `2024-03-01 9:05:12 小林(123456789)`. */
export function isQqHeaderLine(line: string): boolean {
  const h = HEADER.exec(line);
  return h !== null && parseSender(h[7]) !== null;
}

function isSeparator(line: string | undefined): boolean {
  return line !== undefined && line.charCodeAt(0) === 61 && SEPARATOR.test(line);
}

function isBlockField(line: string | undefined): boolean {
  return line !== undefined && line.charCodeAt(0) === 0x6d88 && BLOCK_FIELD.test(line);
}

/**
 * `小林(123456789)`, `【管理员】老王(987654321)`, `Amy<amy@example.com>`; null for anything else.
 * `张伟<12345678@qq.com>` is QQ account 12345678, not an email account.
 */
export function parseSender(raw: string): ChatSender | null {
  let s = raw.trim();
  let title: string | undefined;
  const t = TITLE.exec(s);
  if (t !== null) {
    title = t[1].trim();
    s = s.slice(t[0].length);
  }
  let sender: ChatSender | null = null;
  const qq = SENDER_QQ.exec(s);
  if (qq !== null) {
    sender = { name: qq[1].trim() || qq[2], channel: 'qq', externalId: qq[2] };
  } else {
    const email = SENDER_EMAIL.exec(s);
    if (email !== null) {
      const address = email[2].toLowerCase();
      const number = QQ_MAIL.exec(address);
      sender =
        number !== null
          ? { name: email[1].trim() || number[1], channel: 'qq', externalId: number[1], address }
          : { name: email[1].trim() || address, channel: 'email', externalId: address };
    }
  }
  if (sender !== null && title) sender.title = title;
  return sender;
}

function toInstant(h: RegExpExecArray, timeZone: string): number | null {
  const year = Number(h[1]);
  const month = Number(h[2]);
  const day = Number(h[3]);
  const hour = Number(h[4]);
  const minute = Number(h[5]);
  const second = Number(h[6]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
    return null;
  return wallClockToUtc(timeZone, year, month, day, hour, minute, second);
}
