import type { IncomingMessage } from 'node:http';
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Query parameters whose values are secrets: the setup link's token, and anything named like a key. */
const SECRET_PARAM = /^(?:.*[_-])?(?:token|key|secret|password|passwd|signature|sig|code|auth|session)$/i;

/**
 * A URL as it may be logged: the values of secret-looking query parameters (`/setup?token=…`,
 * `?api_key=…`) replaced by `[redacted]`, everything else as it came.
 */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const query = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return pair;
      let name = pair.slice(0, eq);
      try {
        name = decodeURIComponent(name.replace(/\+/g, ' '));
      } catch {
        /* logged as sent */
      }
      return SECRET_PARAM.test(name.trim()) ? `${pair.slice(0, eq)}=[redacted]` : pair;
    });
  return `${url.slice(0, q)}?${query.join('&')}`;
}

/** Fastify's request fields, with the URL's secrets redacted (this serializer replaces Fastify's). */
function requestForLog(req: IncomingMessage & { ip?: string; host?: string }) {
  return {
    method: req.method,
    url: req.url === undefined ? undefined : redactUrl(req.url),
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}

/**
 * JSON logs. Secrets are redacted by path so a careless log call cannot leak them, and request URLs
 * lose the values of secret query parameters.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      serializers: { req: requestForLog },
      redact: {
        paths: [
          'password',
          '*.password',
          'newPassword',
          '*.newPassword',
          'currentPassword',
          '*.currentPassword',
          'token',
          '*.token',
          'apiKey',
          '*.apiKey',
          'secret',
          '*.secret',
          'req.headers.authorization',
          'req.headers.cookie',
          'res.headers["set-cookie"]',
          'databaseUrl',
          '*.databaseUrl',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
