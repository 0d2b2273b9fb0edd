import type { FastifyInstance, FastifyRequest } from 'fastify';
import { KithError } from '../kernel/errors.js';
import { findUnstorable, slashPath } from '../kernel/input-safety.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * A batch route names the body array whose items its own validation checks one by one
     * (rejecting only the bad items, by index): the guard then checks the body around that
     * array but not inside it.
     */
    batchItems?: string;
  }
}

/**
 * Refuses, with 400 VALIDATION_FAILED naming the field, any path parameter, query value or JSON
 * body holding text PostgreSQL cannot store (NUL, unpaired surrogates) or nesting deeper than
 * MAX_NESTING_DEPTH. It runs before schema validation and before any handler, so no such value
 * reaches a service, and a request that would otherwise fail inside its transaction with 500
 * gets a clear answer instead.
 */
export function installInputGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (req: FastifyRequest) => {
    check('params', req.params);
    check('querystring', req.query);
    check('body', bodyToCheck(req.body, req.routeOptions.config?.batchItems));
  });
}

function check(where: string, value: unknown) {
  const bad = findUnstorable(value);
  if (!bad) return;
  const path = slashPath(where, bad.path);
  throw new KithError('VALIDATION_FAILED', `${path}: ${bad.problem}`, { fields: [{ path, message: bad.problem }] });
}

/** The body without the items of its batch array, which the route checks item by item. */
function bodyToCheck(body: unknown, batchItems: string | undefined): unknown {
  if (!batchItems || typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const items = (body as Record<string, unknown>)[batchItems];
  if (!Array.isArray(items)) return body;
  return { ...(body as Record<string, unknown>), [batchItems]: [] };
}
