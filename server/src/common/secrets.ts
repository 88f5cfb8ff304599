/**
 * The application secret and what is derived from it: the key that encrypts stored credentials (mailbox
 * and provider passwords) and the keys that sign reply tokens and one-click links. Each use gets its own
 * key (HKDF with a label), so a value made for one purpose never verifies for another.
 *
 * Where the secret comes from (Secrets.resolve):
 * - SECRET_KEY, required with DATABASE_URL: encrypted credentials are only worth something when the key
 *   does not live next to them in the database;
 * - embedded mode without it: DATA_DIR/secret.key, generated once (mode 0600);
 * - DATA_DIR=memory://: a random one for the life of the process.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppConfig } from '../config/config.js';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class CredentialError extends Error {}

export class Secrets {
  private readonly credentialKey: Buffer;
  /** Signs reply tokens (server/src/domain/reply-token.ts). */
  readonly replyTokenKey: Buffer;
  /** Signs one-click links (confirm / decline a service order). */
  readonly linkKey: Buffer;

  constructor(master: Buffer) {
    const derive = (label: string) => Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `switchboard/${label}`, 32));
    this.credentialKey = derive('credentials');
    this.replyTokenKey = derive('reply-token');
    this.linkKey = derive('one-click-link');
  }

  static async resolve(config: Pick<AppConfig, 'secretKey' | 'databaseUrl' | 'dataDir'>): Promise<Secrets> {
    if (config.secretKey) return new Secrets(Buffer.from(config.secretKey, 'utf8'));
    if (config.databaseUrl) {
      throw new Error('SECRET_KEY is required with DATABASE_URL: it encrypts mailbox passwords and signs reply addresses. Generate one with: openssl rand -base64 32');
    }
    if (config.dataDir === 'memory://') return new Secrets(randomBytes(32));
    const file = join(config.dataDir, 'secret.key');
    try {
      return new Secrets(Buffer.from((await readFile(file, 'utf8')).trim(), 'base64'));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    await mkdir(config.dataDir, { recursive: true });
    const secret = randomBytes(32);
    try {
      await writeFile(file, `${secret.toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
      return new Secrets(secret);
    } catch (err) {
      // Another process wrote it first: use theirs.
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return new Secrets(Buffer.from((await readFile(file, 'utf8')).trim(), 'base64'));
      throw err;
    }
  }

  /** AES-256-GCM: "v1:" + base64url(iv | tag | ciphertext). */
  encrypt(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.credentialKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
  }

  /** Throws CredentialError when the value was not encrypted with this secret (SECRET_KEY changed?). */
  decrypt(box: string): string {
    const [version, data] = box.split(':', 2);
    const bytes = version === VERSION && data ? Buffer.from(data, 'base64url') : Buffer.alloc(0);
    if (bytes.length < IV_BYTES + TAG_BYTES) throw new CredentialError('A stored credential is not in a known format.');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.credentialKey, bytes.subarray(0, IV_BYTES));
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new CredentialError('A stored credential cannot be decrypted with this SECRET_KEY (was it changed?). Enter the password again.');
    }
  }
}
