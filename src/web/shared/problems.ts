/**
 * Why Kith refuses a value, as a code with parameters: the server writes the English text from the
 * template (for API clients and logs) and sends the code and parameters beside it; the console
 * words the code in the operator's language (a test checks every code has its words). Standalone:
 * no imports, so both TypeScript builds compile it as it is.
 */
export const PROBLEMS = {
  // Passwords (sign-up, staff accounts, changing one's password).
  'password.too_short': 'must be at least {min} characters long',
  'password.too_long': 'must be at most {max} characters long',
  'password.one_character': 'must not repeat a single character',
  'password.contains_account': 'must not contain the account name',
  // Member profiles.
  'phone.invalid':
    'must be a mainland mobile number (11 digits starting with 1) or an international number starting with +',
  'email.invalid': 'is not a valid email address',
  'url.invalid': 'must be an http(s) address',
  // Cells of an imported sheet or chat export (the report says which column and value).
  'cell.channel': 'is not a known channel (use one of {channels})',
  'cell.gender': 'is not a known gender (use 男/女/其他/未知 or male/female/other/unknown)',
  'cell.yes_no': 'is not yes or no (use 是/否, yes/no, true/false, 1/0)',
  'cell.order_unpaid': 'is an unpaid or cancelled order; only paid and refunded orders are imported',
  'cell.order_status': 'is not a known order status (use paid/已支付 or refunded/已退款)',
  'cell.currency': 'is not a currency code (use a three-letter code such as CNY)',
  'cell.phone_scientific':
    'is not a valid phone number (the spreadsheet shortened it to scientific notation; format the column as text and export again)',
  'cell.phone': 'is not a valid phone number',
  'cell.email': 'is not a valid email address',
  'cell.amount': 'is not an amount (use digits such as 1299.00)',
  'cell.negative': 'must not be negative',
  'cell.decimals': 'has more than 2 decimal places',
  'cell.too_large': 'is too large',
  'cell.quantity': 'is not a whole number of items (1 or more)',
  'cell.datetime': 'is not a date and time (use YYYY-MM-DD HH:MM:SS)',
  'cell.datetime_impossible': 'is not a real date and time',
  'cell.date': 'is not a date (use YYYY-MM-DD)',
  'cell.date_impossible': 'is not a real date',
  'cell.before_1900': 'is before 1900',
  'cell.future': 'is in the future',
  'cell.qq': 'is not a QQ number (5 to 12 digits)',
  'cell.account_id': 'is not an account id (one line, at most {max} characters)',
  'cell.too_long': 'is longer than {max} characters',
  'row.no_member_key': 'row has no phone, email or channel account to identify the member',
  'row.no_buyer_key': 'row has no phone, email or channel account to identify the buyer',
  // Any text or choice a service checks.
  'text.empty': 'must not be empty',
  'text.too_long': 'must be at most {max} characters',
  'value.one_of': 'must be one of {values}',
  // Communities.
  'community.capacity': 'must be a whole number from 1 to {max}, or null for no limit',
  'community.capacity_below': 'is below the {members} members in the community now',
  'community.external_id_taken': 'is already used by another {channel} community',
  // Any field, from the request's schema.
  'schema.required': 'is required',
  'schema.unknown_field': 'unknown field {field}',
  'schema.min_length': 'must be at least {limit} characters',
  'schema.max_length': 'must be at most {limit} characters',
  'schema.minimum': 'must be {limit} or more',
  'schema.maximum': 'must be {limit} or less',
  'schema.min_items': 'must have at least {limit} items',
  'schema.max_items': 'must have at most {limit} items',
  'schema.type': 'must be a {type}',
  'schema.enum': 'must be one of the allowed values',
  'schema.format': 'must be a valid {format}',
  'schema.pattern': 'is not in the expected form',
} as const;
export type ProblemCode = keyof typeof PROBLEMS;
export type ProblemParams = Record<string, string | number>;

/** The English text of a problem (templates fill `{name}` from the parameters). */
export function problemText(code: ProblemCode, params: ProblemParams = {}): string {
  return PROBLEMS[code].replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
