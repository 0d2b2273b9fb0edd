import net from 'node:net';
import path from 'node:path';

/**
 * Every setting Kith reads from the environment, validated once at boot. The README's
 * configuration table is generated from the same list (`kith config`), so the two cannot drift.
 */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  logLevel: string;
  timeZone: string;
  sessionTtlHours: number;
  cookieSecure: boolean;
  loginMaxAttempts: number;
  loginWindowMinutes: number;
  jobsEnabled: boolean;
  publicUrl: string | null;
  /** Whose X-Forwarded-* headers to believe: nobody (false), so many hops, or these addresses. */
  trustProxy: false | number | string[];
  importMaxMb: number;
}

interface Setting<K extends keyof Config> {
  env: string;
  key: K;
  default: string | null;
  doc: string;
  parse: (raw: string) => Config[K];
}

const int = (min: number, max: number) => (raw: string) => {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`must be a whole number from ${min} to ${max}`);
  return n;
};
const bool = (raw: string) => {
  const v = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  throw new Error('must be true or false');
};
const str = (raw: string) => raw;

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** `off`, a hop count, or a comma list of addresses, CIDR ranges and proxy-addr's named ranges. */
export function parseTrustProxy(raw: string): false | number | string[] {
  const v = raw.trim().toLowerCase();
  const refuse = (what: string) =>
    new Error(
      `must be off, a number of proxy hops (1-20), or a comma list of addresses/CIDRs (${PROXY_NAMES.join(', ')} allowed); not understood: ${what}`,
    );
  if (['off', 'false', 'no', '0'].includes(v)) return false;
  if (/^\d+$/.test(v)) {
    if (Number(v) > 20) throw refuse(v);
    return Number(v);
  }
  const items = v
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  const bad = items.filter((x) => !PROXY_NAMES.includes(x) && !isAddressOrCidr(x));
  if (items.length === 0 || bad.length) throw refuse(bad.join(', ') || JSON.stringify(raw));
  return items;
}

function isAddressOrCidr(s: string): boolean {
  const [addr, bits, extra] = s.split('/');
  if (extra !== undefined) return false;
  const family = net.isIP(addr!);
  if (!family) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

export const SETTINGS: Setting<keyof Config>[] = [
  { env: 'PORT', key: 'port', default: '3000', doc: 'HTTP port of the console and API.', parse: int(0, 65535) },
  {
    env: 'HOST',
    key: 'host',
    default: '127.0.0.1',
    doc: 'Interface to listen on (`0.0.0.0` to accept outside connections).',
    parse: str,
  },
  {
    env: 'KITH_DATA_DIR',
    key: 'dataDir',
    default: './data',
    doc: "Folder of Kith's own PostgreSQL server and its data (used when `DATABASE_URL` is not set).",
    parse: (r) => path.resolve(r),
  },
  {
    env: 'DATABASE_URL',
    key: 'databaseUrl',
    default: null,
    doc: 'PostgreSQL 15+ connection URL. When set, Kith uses it instead of running its own.',
    parse: (raw) => {
      if (raw === '') return null;
      let u: URL;
      try {
        u = new URL(raw);
      } catch {
        throw new Error('must be a URL like postgres://user:pass@host:5432/kith');
      }
      if (!['postgres:', 'postgresql:'].includes(u.protocol))
        throw new Error('must start with postgres:// or postgresql://');
      return raw;
    },
  },
  {
    env: 'KITH_LOG_LEVEL',
    key: 'logLevel',
    default: 'info',
    doc: 'fatal, error, warn, info, debug, trace or silent.',
    parse: (raw) => {
      if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(raw))
        throw new Error('must be one of fatal, error, warn, info, debug, trace, silent');
      return raw;
    },
  },
  {
    env: 'KITH_TIME_ZONE',
    key: 'timeZone',
    default: 'Asia/Shanghai',
    doc: 'Workspace time zone: days and weeks in reports are cut in it.',
    parse: (raw) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: raw });
      } catch {
        throw new Error('must be an IANA time zone such as Asia/Shanghai');
      }
      return raw;
    },
  },
  {
    env: 'KITH_SESSION_TTL_HOURS',
    key: 'sessionTtlHours',
    default: '72',
    doc: 'How long a console login lasts without activity.',
    parse: int(1, 24 * 90),
  },
  {
    env: 'KITH_COOKIE_SECURE',
    key: 'cookieSecure',
    default: 'false',
    doc: 'Mark the session cookie `Secure` (set to true behind HTTPS).',
    parse: bool,
  },
  {
    env: 'KITH_LOGIN_MAX_ATTEMPTS',
    key: 'loginMaxAttempts',
    default: '5',
    doc: 'Failed logins allowed per account and address within the window.',
    parse: int(1, 1000),
  },
  {
    env: 'KITH_LOGIN_WINDOW_MINUTES',
    key: 'loginWindowMinutes',
    default: '15',
    doc: 'Window of the login rate limit.',
    parse: int(1, 24 * 60),
  },
  {
    env: 'KITH_JOBS',
    key: 'jobsEnabled',
    default: 'true',
    doc: 'Run background jobs in this process (turn off on API-only copies).',
    parse: bool,
  },
  {
    env: 'KITH_IMPORT_MAX_MB',
    key: 'importMaxMb',
    default: '200',
    doc: 'Largest import file accepted, in MB (CSV and chat exports; an .xlsx workbook is read up to 20 MB). Uploads are stored under `KITH_DATA_DIR/uploads` (on PostgreSQL, a folder per database in the system temp folder) until their import ends.',
    parse: int(1, 4096),
  },
  {
    env: 'KITH_PUBLIC_URL',
    key: 'publicUrl',
    default: null,
    doc: 'The address users reach Kith at, printed at start. Its origin is also accepted for changes made from the console (set it when a proxy rewrites the host or scheme).',
    parse: (raw) => {
      if (raw === '') return null;
      let u: URL;
      try {
        u = new URL(raw);
      } catch {
        throw new Error('must be a URL like https://kith.example.com');
      }
      if (!['http:', 'https:'].includes(u.protocol)) throw new Error('must start with http:// or https://');
      return raw;
    },
  },
  {
    env: 'KITH_TRUST_PROXY',
    key: 'trustProxy',
    default: 'off',
    doc: "Behind a reverse proxy: whose `X-Forwarded-For`/`-Proto`/`-Host` to believe, so login limits and the audit see the user's address, not the proxy's. `off`, a hop count (`1` = one proxy in front, only when Kith cannot be reached except through it), or a comma list of proxy addresses/CIDRs (`10.0.0.0/8,loopback`). Never trust more than your own proxies: a trusted header is a client address anyone could forge.",
    parse: parseTrustProxy,
  },
];

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Kith cannot start: the configuration is invalid.\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const out: Partial<Record<keyof Config, unknown>> = {};
  const problems: string[] = [];
  for (const s of SETTINGS) {
    const raw = env[s.env];
    if (raw === undefined || raw === '') {
      out[s.key] = s.default === null ? null : s.parse(s.default);
      continue;
    }
    try {
      out[s.key] = s.parse(raw);
    } catch (e) {
      problems.push(`${s.env}=${s.env === 'DATABASE_URL' ? '<hidden>' : JSON.stringify(raw)} ${(e as Error).message}`);
    }
  }
  if (problems.length) throw new ConfigError(problems);
  return { ...(out as Config), ...overrides };
}

/** Markdown table of the settings, for the README. */
export function configTable(): string {
  const rows = SETTINGS.map((s) => `| \`${s.env}\` | ${s.default === null ? '—' : `\`${s.default}\``} | ${s.doc} |`);
  return ['| Variable | Default | Meaning |', '|---|---|---|', ...rows].join('\n');
}
