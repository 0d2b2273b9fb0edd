import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { KithError, problem, type FieldProblem } from '../kernel/errors.js';
import { problemText, type ProblemCode } from '../web/shared/problems.js';

/**
 * Every error leaves as RFC 9457 problem+json with a stable `code`. Internal errors are logged with
 * the request id and answered with a generic text: no stack trace or SQL ever reaches a client.
 */
export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String(),
    instance: Type.Optional(Type.String()),
    requestId: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
    params: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), {
        description:
          'The refusal in figures, for clients that word it themselves (e.g. needed and balance for INSUFFICIENT_POINTS)',
      }),
    ),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details' },
);

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

function send(
  reply: FastifyReply,
  req: FastifyRequest,
  status: number,
  code: string,
  detail: string,
  errors?: FieldProblem[],
  extra?: Record<string, unknown>,
) {
  const body: Record<string, unknown> = {
    type: `urn:kith:problem:${code.toLowerCase().replace(/_/g, '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    instance: req.url.split('?')[0],
    requestId: String(req.id),
  };
  if (errors?.length) body.errors = errors;
  if (extra?.params) body.params = extra.params;
  if (extra?.retryAfterSeconds) reply.header('retry-after', String(extra.retryAfterSeconds));
  return reply.status(status).type('application/problem+json').serializer(JSON.stringify).send(body);
}

/** Schema keywords whose failure has a worded problem code (web/shared/problems.ts). */
const SCHEMA_PROBLEMS: Record<string, ProblemCode> = {
  required: 'schema.required',
  minLength: 'schema.min_length',
  maxLength: 'schema.max_length',
  minimum: 'schema.minimum',
  maximum: 'schema.maximum',
  minItems: 'schema.min_items',
  maxItems: 'schema.max_items',
  type: 'schema.type',
  enum: 'schema.enum',
  const: 'schema.enum',
  anyOf: 'schema.enum',
  format: 'schema.format',
  pattern: 'schema.pattern',
};

function validationFields(err: FastifyError): FieldProblem[] {
  return (err.validation ?? []).map((v) => {
    const params = (v.params ?? {}) as Record<string, unknown>;
    const missing = params.missingProperty as string | undefined;
    const extra = params.additionalProperty as string | undefined;
    const base = `${err.validationContext ?? 'body'}${v.instancePath ?? ''}`;
    const path = missing ? `${base}/${missing}` : extra ? `${base}/${extra}` : base;
    if (extra) return problem(path, 'schema.unknown_field', { field: extra });
    const code = SCHEMA_PROBLEMS[v.keyword];
    if (!code) return { path, message: v.message ?? 'is invalid' };
    const words: Record<string, string | number> = {};
    for (const k of ['limit', 'type', 'format'] as const)
      if (typeof params[k] === 'string' || typeof params[k] === 'number') words[k] = params[k] as string | number;
    return { path, message: v.message ?? problemText(code, words), code, params: words };
  });
}

export function installProblemHandlers(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof KithError) return send(reply, req, err.status, err.code, err.message, err.fields, err.extra);
    if (err.validation) {
      const fields = validationFields(err);
      return send(
        reply,
        req,
        400,
        'VALIDATION_FAILED',
        fields.map((f) => `${f.path}: ${f.message}`).join('; '),
        fields,
      );
    }
    const status = err.statusCode ?? 500;
    if (status === 413 || err.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return send(reply, req, 413, 'PAYLOAD_TOO_LARGE', 'The request body is too large');
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      return send(reply, req, 415, 'UNSUPPORTED_FORMAT', 'Unsupported content type; send application/json');
    if (status >= 400 && status < 500) {
      // Fastify's own client errors (bad JSON, empty body…) have safe, useful messages.
      const code = status === 429 ? 'RATE_LIMITED' : status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST';
      return send(reply, req, status, code, err.message);
    }
    req.log.error({ err }, 'request failed');
    return send(
      reply,
      req,
      500,
      'INTERNAL',
      `Something went wrong on our side. Quote request id ${req.id} when reporting it.`,
    );
  });
  app.setNotFoundHandler((req, reply) =>
    send(reply, req, 404, 'NOT_FOUND', `No route ${req.method} ${req.url.split('?')[0]}`),
  );
}
