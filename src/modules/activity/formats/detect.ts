import path from 'node:path';
import { isQqHeaderLine } from './chat-qq.js';
import { detectDelimiter } from './csv-reader.js';
import { FormatError } from './format-error.js';
import { sniffText } from './text-encoding.js';

/**
 * Which chat export a file is, from its content. Users upload whatever the export tool gave them,
 * often renamed (聊天记录.txt, export (3).csv), so the name is only a hint; the content decides.
 */

export type ChatFormat = 'qq-txt' | 'wechat-csv' | 'kith-csv' | 'kith-json';

export const CHAT_FORMATS_MESSAGE =
  'Kith cannot tell which chat export this is. Supported: the QQ 消息记录 .txt export, WeChat CSV from WeChatMsg/留痕-style tools, and Kith chat CSV or JSON';

export function detectChatFormat(buf: Buffer, fileName: string): ChatFormat {
  if (buf.length === 0) throw new FormatError('EMPTY_FILE', 'The file is empty');
  return detectChatFormatFromText(sniffText(buf), fileName);
}

/** Same as `detectChatFormat`, on text already decoded (only its first lines are looked at). */
export function detectChatFormatFromText(text: string, fileName: string): ChatFormat {
  const head = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).slice(0, 64 * 1024);
  const first = head.trimStart();
  if (first === '') throw new FormatError('EMPTY_FILE', 'The file is empty');
  const ext = path.extname(fileName).toLowerCase();

  if (first.startsWith('[') || first.startsWith('{')) return 'kith-json';
  if (ext === '.json')
    throw new FormatError('UNSUPPORTED_FORMAT', 'The file is named .json but does not hold a JSON array or object');

  // CSV headers first: a chat CSV may quote a message that looks like a QQ header line.
  const lines = head.split('\n', 200).map((l) => l.replace(/\r$/, ''));
  const headerLine = lines.find((l) => l.trim() !== '') ?? '';
  const columns = new Set(splitHeader(headerLine, detectDelimiter(headerLine)));
  if (columns.has('strcontent') && (columns.has('strtime') || columns.has('createtime'))) return 'wechat-csv';
  if (['time', 'sender_channel', 'sender_id', 'text'].every((c) => columns.has(c))) return 'kith-csv';

  if (first.startsWith('消息记录') || /^消息(对象|分组)\s*[:：]/m.test(head)) return 'qq-txt';
  if (lines.some(isQqHeaderLine)) return 'qq-txt';
  throw new FormatError('UNSUPPORTED_FORMAT', CHAT_FORMATS_MESSAGE);
}

function splitHeader(line: string, delimiter: string): string[] {
  return line.split(delimiter).map((c) =>
    c
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim()
      .toLowerCase(),
  );
}
