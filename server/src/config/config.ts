/**
 * Configuration, read from the environment once at start-up and handed to Nest as a value.
 * Nothing else in the server reads process.env.
 */
import { resolve } from 'node:path';

export interface AppConfig {
  port: number;
  host: string;
  /** postgres://... ; absent = embedded PGlite in dataDir */
  databaseUrl?: string;
  /** redis://... ; absent = in-process jobs */
  redisUrl?: string;
  /** Folder of the embedded database; 'memory://' for a throwaway one. */
  dataDir: string;
  /** Key prefix in Redis for queues and socket.io fan-out (lets several installs share one Redis). */
  redisPrefix: string;
  /** Run job processors inside the server process (always true without Redis). */
  workersInProcess: boolean;
  publicUrl?: string;
  secureCookies: boolean;
  /** Express 'trust proxy': false, a number of proxy hops, or addresses/CIDRs of trusted proxies. */
  trustProxy: false | number | string;
  sessionTtlHours: number;
  bodyLimit: string;
  intakeRateLimitPerMinute: number;
  loginRateLimitPerMinute: number;
  defaultCountry: string;
  /** The desk's time zone: technicians' working hours and business calendars without their own (IANA). */
  timeZone: string;
  adminEmail?: string;
  adminPassword?: string;
  /** Folder of the built web app served at / (absent or missing: API only). */
  webDist?: string;
  logLevel: string;
  /**
   * The application secret (SECRET_KEY): encrypts stored credentials and signs reply tokens and links.
   * Required with DATABASE_URL; embedded mode keeps a generated one in DATA_DIR/secret.key.
   */
  secretKey?: string;
  /** Largest e-mail imported (bytes); larger ones are kept in quarantine. */
  emailMaxBytes: number;
  /** Largest attachment kept (bytes); larger ones are listed with the reason. */
  attachmentMaxBytes: number;
  /** Where the Twilio REST API is (default https://api.twilio.com): a local fake in tests, an egress proxy. */
  twilioApiUrl?: string;
  /** An SMS/WhatsApp message joins the sender's open incident on that channel active within this many hours. */
  messagingThreadHours: number;
}

function int(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return n;
}

function bool(env: Record<string, string | undefined>, name: string, fallback: boolean): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new Error(`${name} must be true or false, got "${env[name]}"`);
}

/**
 * 'true' means ONE proxy in front (not "trust every hop", which would let a client pick its own address
 * with X-Forwarded-For and escape rate limits); a number is that many hops; anything else a list of
 * trusted proxy addresses or CIDRs, e.g. "10.0.0.0/8".
 */
function trustProxy(raw: string | undefined): false | number | string {
  const v = raw?.trim().toLowerCase();
  if (!v || v === 'false' || v === '0' || v === 'no') return false;
  if (v === 'true' || v === 'yes') return 1;
  if (/^\d+$/.test(v)) return Number(v);
  return raw!.trim();
}

function secretKey(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  if (raw.length < 32) throw new Error('SECRET_KEY must be at least 32 characters (e.g. the output of: openssl rand -base64 32)');
  return raw;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const redisUrl = env.REDIS_URL || undefined;
  const publicUrl = env.PUBLIC_URL || undefined;
  return {
    port: int(env, 'PORT', 3000),
    host: env.HOST || '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    redisUrl,
    dataDir: env.DATA_DIR === 'memory://' ? 'memory://' : resolve(env.DATA_DIR || './data'),
    redisPrefix: env.REDIS_PREFIX || 'sb',
    workersInProcess: redisUrl ? bool(env, 'WORKERS_IN_PROCESS', false) : true,
    publicUrl,
    secureCookies: bool(env, 'SECURE_COOKIES', publicUrl?.startsWith('https://') ?? false),
    trustProxy: trustProxy(env.TRUST_PROXY),
    sessionTtlHours: int(env, 'SESSION_TTL_HOURS', 12),
    bodyLimit: env.BODY_LIMIT || '100kb',
    intakeRateLimitPerMinute: int(env, 'INTAKE_RATE_LIMIT', 30),
    loginRateLimitPerMinute: int(env, 'LOGIN_RATE_LIMIT', 10),
    defaultCountry: (env.DEFAULT_COUNTRY || 'ES').toUpperCase(),
    timeZone: env.TIME_ZONE || 'Europe/Madrid',
    adminEmail: env.SWITCHBOARD_ADMIN_EMAIL || undefined,
    adminPassword: env.SWITCHBOARD_ADMIN_PASSWORD || undefined,
    webDist: env.WEB_DIST === '' ? undefined : resolve(env.WEB_DIST || 'web/dist'),
    logLevel: env.LOG_LEVEL || 'info',
    secretKey: secretKey(env.SECRET_KEY),
    emailMaxBytes: int(env, 'EMAIL_MAX_BYTES', 25 * 1024 * 1024),
    attachmentMaxBytes: int(env, 'ATTACHMENT_MAX_BYTES', 15 * 1024 * 1024),
    messagingThreadHours: int(env, 'MESSAGING_THREAD_HOURS', 72),
    twilioApiUrl: env.TWILIO_API_URL || undefined,
  };
}

/** Nest injection token for AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');
