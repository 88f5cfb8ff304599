import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { ChannelsService } from '../channels/channels.service.js';
import { Secrets } from '../common/secrets.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { sqlOf } from '../database/sql.js';
import { EmailReplies } from '../email/email-replies.service.js';
import type { EmailChannelConfig } from '../email/email-settings.js';
import { composeIncidentMail } from '../email/outbound-mail.js';
import { IncidentsRepository } from '../incidents/incidents.repository.js';
import { JobQueue } from '../jobs/job-queue.js';
import { AlreadyQueued, OutboundMessages } from '../outbox/outbound-messages.service.js';
import { keyOf, recordUnsendable, settledKeys, sourceIdOf, type OutboxKey, type UnsendableReason } from '../outbox/outbox-key.js';
import { WorkflowService, type RuleEffect } from './workflow.service.js';


/** What outbox kind each effect sends as. */
const KIND_OF: Record<string, string> = { notify: 'rule-notify', 'auto-reply': 'rule-auto-reply' };
/** The outbox key of an effect's message (one per firing and action), or null for an effect that sends nothing. */
const outboxKeyOf = (e: Pick<RuleEffect, 'action' | 'key'>): OutboxKey | null => (KIND_OF[e.action.do] ? { kind: KIND_OF[e.action.do]!, sourceId: sourceIdOf(e.key) } : null);
/** How often the sweep looks for effects a crash left undone, how long one has to be carried out first, and for how long it is looked for. */
const SWEEP_MS = 5 * 60_000;
const GRACE_MS = 60_000;
const LOOK_BACK_MS = 60 * 60_000;

/** "{reference}", "{subject}", "{priority}", "{department}", "{customer}", "{rule}" in a template. */
export function renderRuleTemplate(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
}

interface IncidentFacts {
  reference: string;
  subject: string;
  priority: string;
  department: string | null;
  customer: string | null;
  channel_id: string | null;
}

/**
 * What a rule asks to be done outside the incident, once the change that decided it commits: notify
 * someone by e-mail or SMS, or send the customer an automatic reply on the incident's channel. Each is an
 * outbound message on the incident's timeline (sent by the outbox workers), at most once per firing.
 * 'assign-best' is the assignment module's.
 */
@Injectable()
export class WorkflowEffects implements OnModuleInit, OnApplicationBootstrap {
  private readonly log = new Logger('WorkflowEffects');

  constructor(
    private readonly em: EntityManager,
    private readonly workflow: WorkflowService,
    private readonly replies: EmailReplies,
    private readonly outbound: OutboundMessages,
    private readonly channels: ChannelsService,
    private readonly incidents: IncidentsRepository,
    private readonly secrets: Secrets,
    private readonly queue: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.repeat('workflow.effects-sweep', SWEEP_MS, () => this.sweep());
  }

  /**
   * The effects of firings recorded between an hour and a minute before `now` that never reached the outbox and
   * were not found unsendable: the process died after the rules' transaction committed and before it carried
   * them out. Each is carried out now (at most once still: the outbox keeps one message per effect). Returns how
   * many.
   */
  async sweep(now = new Date()): Promise<number> {
    const rows = await sqlOf(this.em)<{ id: string; incidentId: string; rule: string; actions: RuleEffect['action'][] }>(
      `select a.id, a.entity_id as "incidentId", a.changes->'rule'->>'to' as rule, a.changes->'actions'->'to' as actions
       from audit_log a where a.action = 'rule.fired' and a.entity_type = 'incident' and a.created_at between ? and ? and jsonb_typeof(a.changes->'actions'->'to') = 'array'
       order by a.created_at limit 200`,
      [new Date(now.getTime() - LOOK_BACK_MS), new Date(now.getTime() - GRACE_MS)],
    );
    const effects = rows.flatMap((r) =>
      r.actions.flatMap((action, n) => {
        const effect = { incidentId: r.incidentId, ruleName: r.rule, action, key: `${r.id}:${n}` };
        const outbox = outboxKeyOf(effect);
        return outbox ? [{ effect, outbox }] : [];
      }),
    );
    const settled = await settledKeys(sqlOf(this.em), effects.map((e) => e.outbox));
    let done = 0;
    for (const { effect, outbox } of effects) {
      if (settled.has(keyOf(outbox))) continue;
      this.log.warn(`rule "${effect.ruleName}" ${effect.action.do} on ${effect.incidentId} was never carried out; doing it now`);
      await this.carryOut(effect).catch((err: Error) => this.log.warn(`rule "${effect.ruleName}" ${effect.action.do} on ${effect.incidentId} failed: ${err.message}`));
      done++;
    }
    return done;
  }

  onModuleInit(): void {
    this.workflow.effects.on('effects', (effects: RuleEffect[]) => {
      for (const e of effects) void this.carryOut(e).catch((err: Error) => this.log.warn(`rule "${e.ruleName}" ${e.action.do} on ${e.incidentId} failed: ${err.message}`));
    });
  }

  async carryOut(e: RuleEffect): Promise<void> {
    let skipped: UnsendableReason | null = null;
    try {
      if (e.action.do === 'notify') skipped = await this.notify(e, e.action);
      else if (e.action.do === 'auto-reply') skipped = await this.autoReply(e, e.action.template);
    } catch (err) {
      if (!(err instanceof AlreadyQueued)) throw err;
    }
    if (skipped) await this.recordSkip(e, skipped);
  }

  /** Once per effect: the timeline says what was not sent and why, and the sweep leaves it be. */
  private async recordSkip(e: RuleEffect, reason: UnsendableReason): Promise<void> {
    const to = e.action.do === 'notify' ? e.action.to : null;
    if (await recordUnsendable(sqlOf(this.em), { incidentId: e.incidentId, key: outboxKeyOf(e)!, recipient: to, reason, rule: e.ruleName })) {
      this.log.warn(`rule "${e.ruleName}" ${e.action.do}${to ? ` to ${to}` : ''} on ${e.incidentId} not carried out: ${reason}`);
    }
  }

  private async facts(incidentId: string): Promise<IncidentFacts | null> {
    const [row] = await sqlOf(this.em)<IncidentFacts>(
      `select i.reference, i.subject, i.priority, d.name as department, coalesce(cu.name, c.name) as customer, i.channel_id
       from incidents i left join departments d on d.id = i.department_id left join customers cu on cu.id = i.customer_id left join contacts c on c.id = i.contact_id where i.id = ?`,
      [incidentId],
    );
    return row ?? null;
  }

  private vars(f: IncidentFacts, rule: string): Record<string, string> {
    return { reference: f.reference, subject: f.subject, priority: f.priority, department: f.department ?? '—', customer: f.customer ?? '—', rule };
  }

  private async notify(e: RuleEffect, a: { via: 'email' | 'sms'; to: string; template?: string }): Promise<UnsendableReason | null> {
    const f = await this.facts(e.incidentId);
    if (!f) return 'gone';
    const base = this.config.publicUrl?.replace(/\/+$/, '');
    const fallback = `{reference} — {subject}\n{customer} · {priority} · {department}\n(rule "{rule}")${base ? `\n${base}/incidents/${e.incidentId}` : ''}`;
    const text = renderRuleTemplate(a.template || fallback, this.vars(f, e.ruleName));
    if (a.via === 'email') {
      const sent = await this.replies.notice({ incidentId: e.incidentId, reference: f.reference, subject: f.subject, to: a.to, text, subjectPrefix: `[${e.ruleName}]`, ...outboxKeyOf(e)! });
      return sent ? null : 'no-email-channel';
    }
    const [channel] = await sqlOf(this.em)<{ id: string }>(`select id from channels where kind = 'sms' and active order by (id = ?) desc, created_at limit 1`, [f.channel_id]);
    if (!channel) return 'no-sms-channel';
    await this.outbound.queue({ incidentId: e.incidentId, channelId: channel.id, channelKind: 'sms', body: text, mail: { to: a.to, body: text, statusCallback: null }, recipient: a.to, externalId: null, meta: { to: a.to, rule: e.ruleName }, automatic: true, author: null, flags: ['automatic'], ...outboxKeyOf(e)! });
    return null;
  }

  /** To the customer, where they wrote from (e-mail, SMS or WhatsApp: they just wrote, so its window is open). */
  private async autoReply(e: RuleEffect, template: string): Promise<UnsendableReason | null> {
    const [f, route] = await Promise.all([this.facts(e.incidentId), this.incidents.replyRoute(e.incidentId)]);
    if (!f) return 'gone';
    if (!route) return 'no-route';
    const text = renderRuleTemplate(template, { ...this.vars(f, e.ruleName), name: route.name });
    if (route.channelKind === 'email') {
      const mailbox = (await this.channels.byId(route.channelId)).config as unknown as EmailChannelConfig;
      const thread = await this.incidents.threadIds(sqlOf(this.em), e.incidentId);
      const mail = composeIncidentMail({ mailbox, to: route.to, text, automatic: 'auto-replied', thread: { incidentId: e.incidentId, reference: f.reference, subject: f.subject, threadIds: thread.all, inReplyTo: thread.lastInbound } }, this.secrets.replyTokenKey);
      await this.replies.send({ incidentId: e.incidentId, channelId: route.channelId, body: text, mail, automatic: true, author: null, flags: ['automatic'], ...outboxKeyOf(e)! });
      return null;
    }
    await this.outbound.queue({ incidentId: e.incidentId, channelId: route.channelId, channelKind: route.channelKind, body: text, mail: { to: route.to, body: text, statusCallback: null }, recipient: route.to, externalId: null, meta: { to: route.to, from: route.from, rule: e.ruleName }, automatic: true, author: null, flags: ['automatic'], ...outboxKeyOf(e)! });
    return null;
  }
}
