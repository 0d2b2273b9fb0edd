import { pino, type Logger } from 'pino';

export type { Logger };

/** JSON logs. Secrets are redacted by path so a careless log call cannot leak them. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: [
        'password', '*.password', 'newPassword', '*.newPassword', 'currentPassword', '*.currentPassword',
        'token', '*.token', 'apiKey', '*.apiKey', 'secret', '*.secret',
        'req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]',
      ],
      censor: '[redacted]',
    },
  });
}
