import { KITH_CHAT_FIELDS } from './chat-kith.js';
import { QQ_PLACEHOLDER_TYPES } from './chat-qq.js';
import { WECHAT_COLUMNS } from './chat-wechat.js';
import { MEMBER_COLUMNS, ORDER_COLUMNS, type ColumnSpec } from './column-mapping.js';
import { DATE_FORMATS_DOC } from './datetime.js';
import {
  CHANNEL_VALUES,
  CONSENT_VALUES,
  CURRENCY_ALIASES,
  GENDER_VALUES,
  ORDER_STATUS_VALUES,
  TAG_SEPARATORS,
  UNPAID_ORDER_STATUSES,
  type ValueAliases,
} from './values.js';

/**
 * The import format reference shown to users, built from the very tables the readers use: a
 * header alias or accepted value added in code appears in the documentation with no second edit.
 */

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (s: string) => `\`${s}\``;

function columnTable(columns: ColumnSpec[]): string {
  const rows = columns.map((c) => {
    const need = c.required ? 'required' : c.oneOf !== undefined ? `one of the ${c.oneOf} columns` : '';
    return `| ${code(c.field)} | ${cell(c.aliases.join(', '))} | ${need} | ${cell(c.doc)} |`;
  });
  return ['| Field | Also recognised as | Needed | Meaning |', '|---|---|---|---|', ...rows].join('\n');
}

/** `[图片]` `[闪照]` → `image`; … in the order of the reader's table. */
function qqPlaceholderDoc(): string {
  const byKind = new Map<string, string[]>();
  for (const [name, kind] of Object.entries(QQ_PLACEHOLDER_TYPES))
    byKind.set(kind, [...(byKind.get(kind) ?? []), name]);
  return [...byKind].map(([kind, names]) => `${names.map((n) => code(`[${n}]`)).join(' ')} → ${code(kind)}`).join('; ');
}
const QQ_PLACEHOLDER_DOC = qqPlaceholderDoc();

/** Exit codes of `kith import`: its `--help`, the README and this reference all show this list. */
export const IMPORT_EXIT_CODES: { code: number; meaning: string }[] = [
  { code: 0, meaning: 'The import completed and no line was rejected (also when the file had been imported already).' },
  {
    code: 1,
    meaning:
      'The import did not complete: the file was refused as a whole (unknown format or encoding, missing required columns, an option value such as an unknown time zone), the settings or the database could not be used, or writing stopped on an error. Chunks already written stay; running the same command again resumes after them.',
  },
  {
    code: 2,
    meaning:
      'Wrong command line: unknown kind or option, no file given, no such file, or a --map entry that is not header=field. Nothing was read or written.',
  },
  {
    code: 3,
    meaning:
      'The import completed but some lines were rejected (also when the file had been imported already with rejected lines): the first 20 are printed, --report FILE writes them all.',
  },
];

function valueTable<T extends string>(values: ValueAliases<T>[]): string {
  const rows = values.map((v) => `| ${code(v.value)} | ${cell(v.aliases.join(', '))} |`);
  return ['| Value | Also accepted |', '|---|---|', ...rows].join('\n');
}

function keyGroups(columns: ColumnSpec[]): string {
  const groups = new Map<string, string[]>();
  for (const c of columns) if (c.oneOf !== undefined) groups.set(c.oneOf, [...(groups.get(c.oneOf) ?? []), c.field]);
  return [...groups]
    .map(([g, f]) => `The ${g} columns are ${f.map(code).join(', ')}; a file needs at least one of them.`)
    .join(' ');
}

export function buildFormatDocs(): string {
  return `# Import formats

## Files

Member and order lists are read from **CSV** (also tab- or semicolon-separated, or separated by the Chinese comma ，) or **Excel .xlsx** (first worksheet). Old binary Excel **.xls** files are refused: open them in Excel or WPS and save as .xlsx or .csv.

Text files may be UTF-8 (with or without BOM), UTF-16 with BOM, or GBK/GB18030 as saved by Excel on Chinese Windows; anything else is refused with the advice to save as UTF-8. The preview says which encoding the file was read as (\`encoding\`: \`utf-8\`, \`utf-8-bom\`, \`utf-16le\`, \`gb18030\` — which covers GBK —, or null for an .xlsx workbook), so garbled text can be caught before importing.

The first row with at least two different texts is the header (a title row above it is skipped). Line numbers in error reports are the lines of the file as a spreadsheet shows them; a record with a multi-line cell is reported at the line it starts on. Cells are trimmed and empty rows are skipped.

A cell holding a NUL character (U+0000), or in a JSON chat export an unpaired surrogate escape such as \`\\ud800\`, cannot be stored: its line is rejected naming the column (or the message field), and the other lines are imported. A header holding one refuses the file.

Headers are matched ignoring case, full/half width, spaces, underscores, hyphens, dots, \`*\` and a trailing "(必填)"/"(选填)". A header of the form \`identity:<channel>\` (e.g. \`identity:douyin\`) holds accounts on that channel. Unrecognised columns are ignored, or kept as custom attributes when the import is asked to keep them. Any column can be mapped to a field by hand.

A member row naming a community or tag that does not exist creates it. The preview lists those names first (\`wouldCreate\`, with how many rows use each) and the console asks before importing; an import started with \`onlyExisting\` (\`kith import --only-existing\`) refuses such rows instead, each reported with the name.

## Member columns

${columnTable(MEMBER_COLUMNS)}

${keyGroups(MEMBER_COLUMNS)} A row must have a phone, an email or a channel account to be imported, so the member is recognised when the file is imported again. \`external_id\` needs a \`channel\` column or a channel chosen for the whole import. Tags are split on ${TAG_SEPARATORS.map(code).map(cell).join(' ')}.

## Order columns

${columnTable(ORDER_COLUMNS)}

${keyGroups(ORDER_COLUMNS)} Without a status column an order is paid, or refunded when a refund amount is given; a refunded order without a refund amount is refunded in full.

A row is one item of its order: \`items\`, \`sku\`, \`quantity\` and \`unit_price\` are kept in the order's \`items\` as \`[{ "name": "挂耳咖啡", "sku": "10片装", "quantity": 2, "unitPrice": "59.00" }]\`, each field only when its cell is filled (a file with only a quantity column gives \`[{ "quantity": 3 }]\`). \`GET /api/v1/orders\` returns them. A unit price written with another currency than the order's is refused.

## Values

### Channels

${valueTable(CHANNEL_VALUES)}

### Gender

${valueTable(GENDER_VALUES)}

### Yes / no

${valueTable(CONSENT_VALUES)}

### Order status

${valueTable(ORDER_STATUS_VALUES)}

Refused as not paid: ${UNPAID_ORDER_STATUSES.join(', ')}.

### Currency

Any three-letter code, or:

${valueTable(CURRENCY_ALIASES)}

### Dates and times

${DATE_FORMATS_DOC.map((d) => `- ${d}`).join('\n')}

Times without a zone are wall-clock times in the workspace time zone. Impossible dates (2024-02-30) are refused. Birthdays must be a date between 1900 and today.

### Phone numbers

Mainland mobile numbers are 11 digits starting with 1; spaces, dashes, brackets and a +86, 0086 or 86 prefix are removed. Other numbers are \`+\` (or \`00\`) followed by 7 to 15 digits and are stored as \`+\` and digits.

### Amounts

\`1299\`, \`1299.5\`, \`1,299.00\`, \`¥1299\`, \`￥88\`, \`88元\`, \`$12\`: at most two decimals, not negative, below 1,000,000,000,000. A currency symbol or code in the cell sets the currency when no currency column says otherwise.

## Command line

\`kith import members|orders|chat FILE\` reads the same formats (\`kith import --help\` lists its options). Its exit code says how it ended:

| Exit code | Meaning |
|---|---|
${IMPORT_EXIT_CODES.map((e) => `| ${e.code} | ${cell(e.meaning)} |`).join('\n')}

## Chat logs

The chat format is recognised from the file's content.

### Importing a chat log again

Every message is keyed by what the file says of it: the conversation the file names (QQ \`消息对象\`, WeChat \`TalkerId\`, Kith \`community\`), the time, the sender's account, the text, and its number among identical messages of the same second. A group name or community chosen for the import, and the file's name, are not part of the key. So:

- an export that overlaps an earlier one adds only the messages that are new;
- the same file imported again under another group name, or into another community, writes nothing again: its messages are counted as already known (duplicates) and stay in the community they were first filed under;
- conversations exported without their names (a QQ export without \`消息对象\`, a WeChat CSV without \`TalkerId\`) are told apart only by their content: a message with the same sender account, second and text in two of them is imported once, whatever group names the imports are given.

Messages imported before keys stopped depending on the group name (their key hashed the group name, and a QQ Mail sender's email address) are still recognised when the file is imported again with the same group name: the import also looks each message up under its earlier key.

### QQ 消息记录 (.txt)

The text export of QQ's message manager. \`消息对象:\` lines name the conversation (a file may hold several); each message starts with a line \`YYYY-MM-DD H:MM:SS nickname(QQ number)\` or \`… nickname<email>\`, and its text is every following line up to the next such line. A QQ Mail address whose name is the QQ number (\`张伟<12345678@qq.com>\`, also \`@vip.qq.com\`) is that QQ account, so \`张伟(12345678)\` and \`张伟<12345678@qq.com>\` are one member; any other address is an email account. A leading 【title】 such as 【管理员】 is kept as the sender's title. Messages from 系统消息(10000) are marked as system notices. Lines outside any message are reported.

A message made only of QQ's placeholders gets the kind the WeChat reader gives the same content: ${QQ_PLACEHOLDER_DOC}. A placeholder inside typed text (\`看这个[图片]\`), or a bracket QQ does not write, leaves the message text.

### WeChat CSV

CSV from WeChatMsg/留痕-style tools. Columns read (others are ignored):

| Column | Meaning |
|---|---|
${WECHAT_COLUMNS.map((c) => `| ${code(c.name)} | ${cell(c.doc)} |`).join('\n')}

### Kith chat CSV and JSON

CSV with the header \`${KITH_CHAT_FIELDS.map((f) => f.name).join(',')}\`, or JSON: an array of objects with these fields, or \`{ "messages": [ … ] }\`. Errors in JSON are reported with the item's index (line = index + 1).

| Field | Needed | Meaning |
|---|---|---|
${KITH_CHAT_FIELDS.map((f) => `| ${code(f.name)} | ${f.required ? 'required' : ''} | ${cell(f.doc)} |`).join('\n')}
`;
}

export const FORMAT_DOCS: string = buildFormatDocs();
