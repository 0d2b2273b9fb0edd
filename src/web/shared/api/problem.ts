/**
 * Errors of the Kith API as the console sees them. The server answers every failure with RFC 9457
 * problem+json (`detail`, `code`, `requestId`, field `errors`); anything else — a proxy's HTML
 * page, an empty body, no network at all — still becomes an ApiError with a readable message, so
 * the console never shows "undefined".
 */
export interface FieldProblem {
  path: string;
  message: string;
  /** The reason as a code (web/shared/problems.ts) with its parameters, for the console to word. */
  code?: string;
  params?: Record<string, string | number>;
}

export class ApiError extends Error {
  readonly status: number;
  /** The server's stable code (VALIDATION_FAILED, FORBIDDEN…), NETWORK when no answer came, HTTP otherwise. */
  readonly code: string;
  /** The server's own explanation, when it gave one. */
  readonly detail: string | null;
  readonly requestId: string | null;
  readonly fields: FieldProblem[];
  /** Figures of the refusal (INSUFFICIENT_POINTS: balance, needed…), for the console's words. */
  readonly params: Record<string, unknown>;

  constructor(o: {
    status: number;
    code: string;
    detail: string | null;
    requestId?: string | null;
    fields?: FieldProblem[];
    params?: Record<string, unknown>;
  }) {
    super(o.detail ?? (o.status ? `Request failed (HTTP ${o.status})` : 'No answer from the server'));
    this.name = 'ApiError';
    this.status = o.status;
    this.code = o.code;
    this.detail = o.detail;
    this.requestId = o.requestId ?? null;
    this.fields = o.fields ?? [];
    this.params = o.params ?? {};
  }
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/** Builds the error of a failed response from whatever its body held. */
export function problemToError(status: number, body: unknown): ApiError {
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const b = body as Record<string, unknown>;
    const fields = Array.isArray(b.errors)
      ? b.errors.filter(
          (e): e is FieldProblem =>
            !!e &&
            typeof e === 'object' &&
            typeof (e as FieldProblem).path === 'string' &&
            typeof (e as FieldProblem).message === 'string',
        )
      : [];
    return new ApiError({
      status,
      code: text(b.code) ?? 'HTTP',
      detail: text(b.detail) ?? text(b.message) ?? text(b.title),
      requestId: text(b.requestId),
      fields,
      params: b.params && typeof b.params === 'object' ? (b.params as Record<string, unknown>) : {},
    });
  }
  // A short plain-text body is worth showing; an HTML error page from a proxy is not.
  const plain = text(body);
  const readable = plain && plain.length <= 300 && !/^\s*</.test(plain) ? plain : null;
  return new ApiError({ status, code: 'HTTP', detail: readable });
}

export const networkError = () => new ApiError({ status: 0, code: 'NETWORK', detail: null });
