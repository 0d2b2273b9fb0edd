/**
 * Kith's file-reading layer for imports: uploaded bytes in, rows and messages with line numbers
 * and per-row reasons out. Nothing here touches the database, so every rule can be tested on a
 * file alone, and the importers decide what to write.
 */

export { FormatError, type FormatErrorCode } from './format-error.js';
export { decodeText, sniffText, type DecodedText, type TextEncoding } from './text-encoding.js';
export { wallClockToUtc, zoneOffsetMinutes, assertTimeZone } from '../../../kernel/time-zone.js';
export { parseTimestamp, parseBirthday, DATE_FORMATS_DOC, type Parsed } from './datetime.js';

export { readTable, readCsvTable, type Table } from './table-reader.js';
export { openTable, TABLE_LIMITS, type StreamedTable, type TableFile } from './table-stream.js';
export type { TableRow } from './table-shape.js';
export type { Delimiter } from './csv-reader.js';

export {
  MEMBER_COLUMNS,
  ORDER_COLUMNS,
  mapHeaders,
  assertNoMissingColumns,
  isKnownField,
  normalizeHeader,
  identityChannel,
  IGNORE_FIELD,
  type ColumnSpec,
  type HeaderMapping,
  type MapHeadersOptions,
} from './column-mapping.js';

export {
  parseMemberRow,
  parseOrderRow,
  memberRowParser,
  orderRowParser,
  assertStorableHeaders,
  MAX_TEXT_LENGTH,
  type MemberImportRow,
  type OrderImportRow,
  type OrderItem,
  type RowOptions,
  type OrderRowOptions,
  type RowResult,
} from './row-validation.js';
export { parseExternalId, type Identity } from './identity.js';
export {
  CHANNELS,
  CHANNEL_VALUES,
  GENDER_VALUES,
  CONSENT_VALUES,
  ORDER_STATUS_VALUES,
  CURRENCY_ALIASES,
  parseChannel,
  parsePhone,
  parseEmail,
  parseAmount,
  parseGender,
  parseConsent,
  parseOrderStatus,
  parseCurrency,
  splitTags,
  type Channel,
  type Gender,
  type OrderStatus,
  type Money,
} from './values.js';

export {
  chatMessageKey,
  legacyChatMessageKey,
  SeqCounter,
  type ChatMessage,
  type ChatMessageType,
  type ChatSender,
  type ChatParseResult,
  type RejectedLine,
} from './chat-message.js';
export { parseQqExport, type QqParseOptions } from './chat-qq.js';
export { parseWechatCsv, WECHAT_COLUMNS, type WechatParseOptions } from './chat-wechat.js';
export {
  parseKithChat,
  parseKithChatCsv,
  parseKithChatJson,
  KITH_CHAT_FIELDS,
  type KithChatOptions,
} from './chat-kith.js';
export { detectChatFormat, detectChatFormatFromText, type ChatFormat } from './detect.js';
export { readChatFile, type ChatFile, type ChatFileOptions } from './chat-file.js';

export { FORMAT_DOCS, IMPORT_EXIT_CODES } from './format-docs.js';
