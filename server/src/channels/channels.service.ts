import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { AuditService } from '../audit/audit.service.js';
import { Secrets } from '../common/secrets.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { ChannelDto, ChannelKind, ChannelTestResult } from '../contracts/api.js';
import { sqlOf } from '../database/sql.js';
import { newEmailConfig, toEmailSettingsDto, updatedEmailConfig, type CreateEmailChannelInput, type EmailChannelConfig, type UpdateChannelInput } from '../email/email-settings.js';
import { testMailServers } from '../email/mail-servers.js';
import type { User } from '../users/user.entity.js';
import { Channel } from './channel.entity.js';
import { newPhoneConfig, toPhoneSettingsDto, type CreatePhoneChannelInput, type StoredPhoneConfig } from './phone-settings.js';
import { newTwilioConfig, toTwilioSettingsDto, type CreateTwilioChannelInput, type StoredTwilioConfig } from './twilio-settings.js';

/** Intake doors are looked up on every inbound request; they change rarely. */
const CACHE_MS = 30_000;

type SyncRow = { channel_id: string; synced_at: Date | null; last_error: string | null; last_uid: string | null };

@Injectable()
export class ChannelsService {
  private readonly cache = new Map<string, { channel: Channel; until: number }>();
  /** 'changed' (channel id) when a channel's settings change in this process (the mailbox sync restarts). */
  readonly changes = new EventEmitter();

  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
    private readonly secrets: Secrets,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  list(): Promise<Channel[]> {
    return this.em.fork().find(Channel, {}, { orderBy: { createdAt: 'asc' } });
  }

  activeOfKind(kind: ChannelKind): Promise<Channel[]> {
    return this.em.fork().find(Channel, { kind, active: true }, { orderBy: { createdAt: 'asc' } });
  }

  async toDtos(channels: Channel[]): Promise<ChannelDto[]> {
    const emailIds = channels.filter((c) => c.kind === 'email').map((c) => c.id);
    const sync = emailIds.length
      ? await sqlOf(this.em)<SyncRow>(`select channel_id, synced_at, last_error, last_uid from mailbox_sync where channel_id = any(?)`, [emailIds])
      : [];
    return channels.map((c) => {
      const s = sync.find((r) => r.channel_id === c.id);
      const email =
        c.kind === 'email'
          ? toEmailSettingsDto(c.config as unknown as EmailChannelConfig, {
              lastSyncAt: s?.synced_at ? new Date(s.synced_at).toISOString() : null,
              lastError: s?.last_error ?? null,
              lastUid: s?.last_uid != null ? Number(s.last_uid) : null,
            })
          : null;
      const base = this.config.publicUrl ?? `http://localhost:${this.config.port}`;
      const twilio = c.kind === 'sms' || c.kind === 'whatsapp' ? toTwilioSettingsDto(c.config as unknown as StoredTwilioConfig, c.id, base) : null;
      const stored = c.config as unknown as StoredPhoneConfig;
      const phone = c.kind === 'phone' ? toPhoneSettingsDto(stored, c.id, base, this.secrets.decrypt(stored.token)) : null;
      return { id: c.id, kind: c.kind, name: c.name, key: c.key, active: c.active, email, twilio, phone, createdAt: c.createdAt.toISOString() };
    });
  }

  async create(input: { kind: 'webform'; name: string } | CreateEmailChannelInput | CreateTwilioChannelInput | CreatePhoneChannelInput, actor: User | null): Promise<Channel> {
    const em = this.em.fork();
    const encrypt = (p: string) => this.secrets.encrypt(p);
    const config: Record<string, unknown> =
      input.kind === 'email'
        ? (newEmailConfig(input, encrypt) as unknown as Record<string, unknown>)
        : input.kind === 'sms' || input.kind === 'whatsapp'
          ? (newTwilioConfig(input, encrypt, this.config.defaultCountry) as unknown as Record<string, unknown>)
          : input.kind === 'phone'
            ? (newPhoneConfig(input, encrypt, this.config.defaultCountry) as unknown as Record<string, unknown>)
            : {};
    const channel = em.create(Channel, { kind: input.kind, name: input.name, key: randomBytes(18).toString('base64url'), config, active: true, createdAt: new Date() });
    const changes: Record<string, { from: unknown; to: unknown }> = { kind: { from: null, to: input.kind }, name: { from: null, to: input.name } };
    if (input.kind === 'email') changes.address = { from: null, to: input.address };
    if (input.kind === 'sms' || input.kind === 'whatsapp') changes.accountSid = { from: null, to: input.accountSid };
    if (input.kind === 'phone' && input.twilioAccountSid) changes.twilioAccountSid = { from: null, to: input.twilioAccountSid };
    this.audit.record(em, { entityType: 'channel', entityId: channel.id, actor, action: 'created', changes });
    await em.flush();
    this.changes.emit('changed', channel.id);
    return channel;
  }

  async update(id: string, patch: UpdateChannelInput, actor: User | null): Promise<Channel> {
    const em = this.em.fork();
    const channel = await em.findOne(Channel, { id });
    if (!channel) throw new NotFoundException(`No channel ${id}.`);
    const emailKeys = ['address', 'displayName', 'imap', 'smtp'] as const;
    if (channel.kind !== 'email' && emailKeys.some((k) => patch[k] !== undefined)) {
      throw new BadRequestException({ message: `A ${channel.kind} channel has no mailbox settings.`, fields: Object.fromEntries(emailKeys.filter((k) => patch[k] !== undefined).map((k) => [k, 'not for this kind of channel'])) });
    }
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    if (patch.name !== undefined && patch.name !== channel.name) changes.name = { from: channel.name, to: (channel.name = patch.name) };
    if (patch.active !== undefined && patch.active !== channel.active) changes.active = { from: channel.active, to: (channel.active = patch.active) };
    if (patch.templates !== undefined) {
      if (channel.kind !== 'whatsapp') throw new BadRequestException({ message: 'Only WhatsApp channels have templates.', fields: { templates: 'not for this kind of channel' } });
      const config = channel.config as unknown as StoredTwilioConfig;
      changes.templates = { from: (config.templates ?? []).map((t) => t.name), to: patch.templates.map((t) => t.name) };
      channel.config = { ...config, templates: patch.templates } as unknown as Record<string, unknown>;
    }
    if (channel.kind === 'email') {
      const before = channel.config as unknown as EmailChannelConfig;
      const after = updatedEmailConfig(before, patch, (p) => this.secrets.encrypt(p));
      // Which settings changed, never their (encrypted) password values.
      for (const k of emailKeys) if (patch[k] !== undefined) changes[k] = { from: k === 'imap' || k === 'smtp' ? { ...before[k], password: '…' } : before[k], to: k === 'imap' || k === 'smtp' ? { ...after[k], password: '…' } : after[k] };
      channel.config = after as unknown as Record<string, unknown>;
    }
    if (Object.keys(changes).length > 0) {
      this.audit.record(em, { entityType: 'channel', entityId: channel.id, actor, action: 'updated', changes });
      await em.flush();
      this.forget(channel);
      this.changes.emit('changed', channel.id);
    }
    return channel;
  }

  /** Tries the channel's mail servers with its stored settings. */
  async test(id: string): Promise<ChannelTestResult> {
    const channel = await this.em.fork().findOne(Channel, { id });
    if (!channel) throw new NotFoundException(`No channel ${id}.`);
    if (channel.kind !== 'email') throw new BadRequestException(`A ${channel.kind} channel has no servers to test.`);
    return testMailServers(channel.config as unknown as EmailChannelConfig, this.secrets);
  }

  /** An active intake door by its public key, or 404. Cached for CACHE_MS (a deactivation takes that long). */
  async byKey(kind: ChannelKind, key: string): Promise<Channel> {
    const hit = this.cache.get(`key:${key}`);
    if (hit && hit.until > Date.now() && hit.channel.kind === kind) return hit.channel;
    const channel = key.length <= 64 ? await this.em.fork().findOne(Channel, { key, kind, active: true }) : null;
    if (!channel) throw new NotFoundException('There is no such form. Check the address you were given.');
    this.remember(channel);
    return channel;
  }

  async byId(id: string): Promise<Channel> {
    const hit = this.cache.get(`id:${id}`);
    if (hit && hit.until > Date.now()) return hit.channel;
    const channel = await this.em.fork().findOneOrFail(Channel, { id });
    this.remember(channel);
    return channel;
  }

  private remember(channel: Channel): void {
    if (this.cache.size > 1000) this.cache.clear();
    const entry = { channel, until: Date.now() + CACHE_MS };
    this.cache.set(`key:${channel.key}`, entry);
    this.cache.set(`id:${channel.id}`, entry);
  }

  private forget(channel: Channel): void {
    this.cache.delete(`key:${channel.key}`);
    this.cache.delete(`id:${channel.id}`);
  }
}
