import { dotPath, findUnstorable } from '../../../kernel/input-safety.js';
import type { ChatMessage, ChatParseResult, RejectedLine } from './chat-message.js';
import { parseKithChatCsv, parseKithChatJson } from './chat-kith.js';
import { parseQqExport } from './chat-qq.js';
import { parseWechatCsv } from './chat-wechat.js';
import { detectChatFormatFromText, type ChatFormat } from './detect.js';
import { FormatError } from './format-error.js';
import { decodeText, type TextEncoding } from './text-encoding.js';

/**
 * Reads any supported chat export: decodes once, recognises the format, parses. This is what the
 * chat importer calls; the per-format parsers stay available for callers that already know.
 */

export interface ChatFileOptions {
  /** Zone of times written without one. Default Asia/Shanghai. */
  timeZone?: string;
  /** Conversation name for formats or rows that do not carry one. */
  group?: string;
  /** WeChat CSV: display name and account id of the exporting account. */
  selfName?: string;
  selfId?: string;
}

export interface ChatFile extends ChatParseResult {
  format: ChatFormat;
  encoding: TextEncoding;
}

export function readChatFile(buf: Buffer, fileName: string, options: ChatFileOptions = {}): ChatFile {
  if (buf.length === 0) throw new FormatError('EMPTY_FILE', 'The file is empty');
  const { text, encoding } = decodeText(buf);
  const format = detectChatFormatFromText(text, fileName);
  const { timeZone, group } = options;
  let result: ChatParseResult;
  switch (format) {
    case 'qq-txt':
      result = parseQqExport(text, { timeZone });
      if (group !== undefined) {
        // A name chosen by the user wins only where the export named no conversation.
        for (const m of result.messages) m.group ??= group;
        if (result.group === null) result = { ...result, group, groups: [group] };
      }
      break;
    case 'wechat-csv':
      result = parseWechatCsv(text, { timeZone, group, fileName, selfName: options.selfName, selfId: options.selfId });
      break;
    case 'kith-csv':
      result = parseKithChatCsv(text, { timeZone, group });
      break;
    case 'kith-json':
      result = parseKithChatJson(text, { timeZone, group });
      break;
  }
  return { format, encoding, ...withoutUnstorable(result) };
}

/**
 * Messages whose text, sender or group holds text the database cannot store (a NUL character,
 * an unpaired surrogate) become rejected lines, so they cost the user that line, not the import.
 */
function withoutUnstorable(result: ChatParseResult): ChatParseResult {
  const messages: ChatMessage[] = [];
  const refused: RejectedLine[] = [];
  for (const m of result.messages) {
    const bad = findUnstorable({ text: m.text, sender: m.sender, group: m.group });
    if (bad) refused.push({ line: m.line, reason: `${dotPath(bad.path)}: ${bad.problem}` });
    else messages.push(m);
  }
  if (refused.length === 0) return result;
  const rejected = [...result.rejected, ...refused].sort((a, b) => a.line - b.line);
  return { ...result, messages, rejected };
}
