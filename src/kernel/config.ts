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
const nullable = (raw: string) => (raw === '' ? null : raw);

export const SETTINGS: Setting<keyof Config>[] = [
  { env: 'PORT', key: 'port', default: '3000', doc: 'HTTP port of the console and API.', parse: int(0, 65535) },
  { env: 'HOST', key: 'host', default: '127.0.0.1', doc: 'Interface to listen on (`0.0.0.0` to accept outside connections).', parse: str },
  { env: 'KITH_DATA_DIR', key: 'dataDir', default: './data', doc: 'Folder of the embedded database (used when `DATABASE_URL` is not set).', parse: (r) => path.resolve(r) },
  {
    env: 'DATABASE_URL', key: 'databaseUrl', default: null, doc: 'PostgreSQL 15+ connection URL. When set, Kith uses it instead of the embedded database.',
    parse: (raw) => {
      if (raw === '') return null;
      let u: URL;
      try { u = new URL(raw); } catch { throw new Error('must be a URL like postgres://user:pass@host:5432/kith'); }
      if (!['postgres:', 'postgresql:'].includes(u.protocol)) throw new Error('must start with postgres:// or postgresql://');
      return raw;
    },
  },
  {
    env: 'KITH_LOG_LEVEL', key: 'logLevel', default: 'info', doc: 'fatal, error, warn, info, debug, trace or silent.',
    parse: (raw) => {
      if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(raw)) throw new Error('must be one of fatal, error, warn, info, debug, trace, silent');
      return raw;
    },
  },
  {
    env: 'KITH_TIME_ZONE', key: 'timeZone', default: 'Asia/Shanghai', doc: 'Workspace time zone: days and weeks in reports are cut in it.',
    parse: (raw) => {
      try { new Intl.DateTimeFormat('en', { timeZone: raw }); } catch { throw new Error('must be an IANA time zone such as Asia/Shanghai'); }
      return raw;
    },
  },
  { env: 'KITH_SESSION_TTL_HOURS', key: 'sessionTtlHours', default: '72', doc: 'How long a console login lasts without activity.', parse: int(1, 24 * 90) },
  { env: 'KITH_COOKIE_SECURE', key: 'cookieSecure', default: 'false', doc: 'Mark the session cookie `Secure` (set to true behind HTTPS).', parse: bool },
  { env: 'KITH_LOGIN_MAX_ATTEMPTS', key: 'loginMaxAttempts', default: '5', doc: 'Failed logins allowed per account and address within the window.', parse: int(1, 1000) },
  { env: 'KITH_LOGIN_WINDOW_MINUTES', key: 'loginWindowMinutes', default: '15', doc: 'Window of the login rate limit.', parse: int(1, 24 * 60) },
  { env: 'KITH_JOBS', key: 'jobsEnabled', default: 'true', doc: 'Run background jobs in this process (turn off on API-only copies).', parse: bool },
  {
    env: 'KITH_IMPORT_MAX_MB', key: 'importMaxMb', default: '200',
    doc: 'Largest import file accepted, in MB (CSV and chat exports; an .xlsx workbook is read up to 20 MB). Uploads are stored under `KITH_DATA_DIR/uploads` (the system temp folder on PostgreSQL) until their import ends.',
    parse: int(1, 4096),
  },
  { env: 'KITH_PUBLIC_URL', key: 'publicUrl', default: null, doc: 'The address users reach Kith at, printed at start.', parse: nullable },
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
