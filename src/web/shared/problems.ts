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
