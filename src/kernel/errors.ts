import { problemText, type ProblemCode, type ProblemParams } from '../web/shared/problems.js';
/**
 * One error type for the whole product. A `KithError` carries a stable, machine-readable `code`
 * that clients can branch on; the HTTP layer maps it to a status and a problem+json body.
 * Anything that is not a KithError is an internal error and its text never reaches a client.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  /** A write carried by the session cookie that did not prove it came from Kith's own pages. */
  CSRF_REJECTED: 403,
  /** The first-run setup link is wrong, expired or already used. */
  SETUP_TOKEN_INVALID: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  ALREADY_EXISTS: 409,
  MERGE_NOT_ALLOWED: 409,
  UNDO_NOT_POSSIBLE: 409,
  /** A channel account already belongs to another member: merge the two instead. */
  IDENTITY_TAKEN: 409,
  CAPACITY_REACHED: 409,
  /** A spend or deduction larger than the member's points balance. */
  INSUFFICIENT_POINTS: 409,
  /** Redemption refusals: the reward is archived or outside its dates, sold out, limited, or for other tiers. */
  REWARD_UNAVAILABLE: 409,
  OUT_OF_STOCK: 409,
  REDEMPTION_LIMIT: 409,
  TIER_NOT_ALLOWED: 409,
  COMMUNITY_ARCHIVED: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_ENCODING: 415,
  UNSUPPORTED_FORMAT: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldProblem {
  /** JSON pointer or dotted path of the offending field, e.g. `/items/3/kind` or `birthday`. */
  path: string;
  message: string;
  /** The reason as a code the console words in the operator's language (web/shared/problems.ts). */
  code?: ProblemCode;
  params?: ProblemParams;
}

/** A field problem with its code: the English message written from the code's template. */
export function problem(path: string, code: ProblemCode, params: ProblemParams = {}): FieldProblem {
  return { path, message: problemText(code, params), code, params };
}

export class KithError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields?: FieldProblem[];
  readonly extra?: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    message: string,
    opts: { fields?: FieldProblem[]; extra?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = 'KithError';
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.fields = opts.fields;
    this.extra = opts.extra;
  }
}

export const notFound = (what: string, id: unknown) =>
  new KithError('NOT_FOUND', `${what} ${String(id)} was not found`);
export const forbidden = (message = 'You are not allowed to do this') => new KithError('FORBIDDEN', message);
export const invalid = (path: string, message: string) =>
  new KithError('VALIDATION_FAILED', `${path}: ${message}`, { fields: [{ path, message }] });
/** A 400 naming one field, with its reason as a code the console words (web/shared/problems.ts). */
export const invalidAs = (path: string, code: ProblemCode, params: ProblemParams = {}) => {
  const p = problem(path, code, params);
  return new KithError('VALIDATION_FAILED', `${path}: ${p.message}`, { fields: [p] });
};

/** Throws one VALIDATION_FAILED naming every field at fault, or returns when there is none. */
export function failIfProblems(problems: FieldProblem[]): void {
  if (problems.length === 0) return;
  throw new KithError('VALIDATION_FAILED', problems.map((p) => `${p.path}: ${p.message}`).join('; '), {
    fields: problems,
  });
}
