/**
 * Audit entries as short sentences ("Ana assigned to Bob", "Ana: status New → Open").
 * The server's `changes` values are `unknown`: ids, names, {id,name} refs or null are all handled.
 */
import type { AuditEntryDto } from '@contracts';

type Translate = (key: string, params?: Record<string, unknown>) => string;

export interface AuditLookups {
  userName(id: string): string | null;
  departmentName(id: string): string | null;
}

const FIELD_ALIASES: Record<string, string> = {
  assignee: 'assignee',
  assigneeId: 'assignee',
  assignedTo: 'assignee',
  department: 'department',
  departmentId: 'department',
  status: 'status',
  priority: 'priority',
  subject: 'subject',
  assignmentStatus: 'assignmentStatus',
};

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

function refName(value: unknown, lookup: (id: string) => string | null): string {
  if (typeof value === 'object' && value !== null && 'name' in value) return String((value as { name: unknown }).name);
  if (typeof value === 'string') return lookup(value) ?? value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function enumLabel(t: Translate, group: 'status' | 'priority', value: unknown): string {
  if (typeof value !== 'string') return refName(value, () => null);
  const key = `${group}.${value}`;
  const label = t(key);
  return label === key ? value : label;
}

function actionSentence(entry: AuditEntryDto, actor: string, t: Translate): string {
  const action = entry.action.split('.').pop() ?? entry.action;
  const known = ['created', 'updated', 'merged', 'reopened', 'closed', 'deleted'];
  return known.includes(action) ? t(`audit.action.${action}`, { actor }) : t('audit.generic', { actor, action: entry.action });
}

function channelLabel(t: Translate, value: unknown): string {
  if (typeof value !== 'string') return refName(value, () => null);
  const label = t(`channel.${value}`);
  return label === `channel.${value}` ? value : label;
}

/** Fields named in the agent's language: the service order's, and the SLA policy. */
const FIELD_LABELS: Record<string, string> = {
  ...Object.fromEntries(['siteAddress', 'asset', 'serviceType', 'requestedWindow'].map((f) => [f, `serviceOrder.${f}`])),
  slaPolicyId: 'incident.slaPolicy',
  slaPolicy: 'incident.slaPolicy',
};
const ASSIGNMENT_KEYS: Record<string, string> = { pending: 'assignmentPending', confirmed: 'assignmentConfirmed', declined: 'assignmentDeclined' };

/** Merges and duplicate decisions (duplicates/ on the server): one sentence each, with the score. */
function describeMerge(entry: AuditEntryDto, actor: string, t: Translate): string[] | null {
  const v = (key: string) => entry.changes?.[key]?.to;
  const text = (key: string) => (isEmpty(v(key)) ? '—' : refName(v(key), () => null));
  const score = typeof v('score') === 'number' ? `${Math.round((v('score') as number) * 100)} %` : '';
  switch (entry.action) {
    case 'duplicate.joined':
      return [t('duplicates.audit.joined', { sender: text('sender'), channel: channelLabel(t, v('channel')), score })];
    case 'merged':
      return [t('duplicates.audit.merged', { actor, into: text('into') })];
    case 'merged-in': {
      const lines = [t('duplicates.audit.mergedIn', { actor, from: text('from'), n: text('messages') })];
      if (!isEmpty(v('released'))) lines.push(t('duplicates.audit.released', { name: text('released'), from: text('from') }));
      return lines;
    }
    case 'unmerged':
      return [t('duplicates.audit.unmerged', { actor, from: text('from') })];
    case 'unmerged-out': {
      // A joined request that had reopened the incident takes the reopening with it (pending again).
      const status = entry.changes?.status;
      const lines = [t('duplicates.audit.unmergedOut', { actor, into: text('into') })];
      if (status && !isEmpty(status.to)) lines.push(t('audit.status', { actor, from: enumLabel(t, 'status', status.from), to: enumLabel(t, 'status', status.to) }));
      return lines;
    }
    case 'duplicate.dismissed':
      return [t('duplicates.audit.dismissed', { actor, candidate: text('candidate') })];
    default:
      return null;
  }
}

/** Why a notice or automatic reply was not sent (outbox-key.ts on the server: UnsendableReason). */
const SKIP_REASONS: Record<string, string> = { 'no-email-channel': 'noEmailChannel', 'no-sms-channel': 'noSmsChannel', 'no-route': 'noRoute', gone: 'gone', 'no-recipient': 'noRecipient' };

/** A notice (a rule's, an SLA's, a supervisor alert) or a rule's automatic reply that could not be sent: to whom, and why. */
function describeUnsendable(entry: AuditEntryDto, t: Translate): string[] {
  const v = (key: string) => entry.changes?.[key]?.to;
  const actor = isEmpty(v('rule')) ? t('audit.system') : t('audit.byRule', { rule: refName(v('rule'), () => null) });
  const reasonKey = SKIP_REASONS[String(v('reason'))];
  const reason = reasonKey ? t(`audit.skipReason.${reasonKey}`) : String(v('reason') ?? '—');
  const to = isEmpty(v('recipient')) ? '—' : String(v('recipient'));
  if (v('kind') === 'rule-auto-reply') return [t('audit.autoReplySkipped', { actor, reason })];
  return [t(v('kind') === 'service-order' ? 'audit.orderSkipped' : 'audit.noticeSkipped', { actor, to, reason })];
}

/** The fields of a rule firing that name the rule rather than a change. */
const RULE_FIELDS = ['rule', 'ruleId', 'trigger', 'effects', 'actions'];

export function describeAudit(entry: AuditEntryDto, t: Translate, lookups: AuditLookups): string[] {
  // A workflow rule's changes read as the rule's doing: "Rule “Gas smell” moved to Boilers".
  if (entry.action === 'notice.unsendable') return describeUnsendable(entry, t);
  const byRule = entry.action === 'rule.fired';
  const actor = byRule ? t('audit.byRule', { rule: refName(entry.changes?.rule?.to, () => null) }) : (entry.actor?.name ?? t('audit.system'));
  const merge = describeMerge(entry, actor, t);
  if (merge) return merge;
  const changes = Object.entries(entry.changes ?? {}).filter(([field]) => !byRule || !RULE_FIELDS.includes(field));
  const action = entry.action.split('.').pop();
  if (action === 'created') {
    // The opening entry records the initial status and channel: one sentence says it all.
    const channel = entry.changes?.channel?.to;
    if (!entry.actor) return [isEmpty(channel) ? t('audit.opened') : t('audit.openedVia', { channel: channelLabel(t, channel) })];
    return [actionSentence(entry, actor, t)];
  }
  // A technician's answer to the service order: its sentence says the incident left them when they
  // declined, and how they answered (link, e-mail reply) is detail.
  const answer = entry.action.startsWith('assignment.');

  const lines = changes.flatMap(([rawField, change]): string[] => {
    const field = FIELD_ALIASES[rawField] ?? rawField;
    const from = change?.from;
    const to = change?.to;
    if (answer && (field === 'assignee' || field === 'via')) return [];
    switch (field) {
      case 'assignee':
        return isEmpty(to)
          ? [t('audit.unassigned', { actor, from: isEmpty(from) ? '—' : refName(from, lookups.userName) })]
          : [t('audit.assigned', { actor, to: refName(to, lookups.userName) })];
      case 'department':
        return isEmpty(to)
          ? [t('audit.departmentCleared', { actor })]
          : [t('audit.department', { actor, to: refName(to, lookups.departmentName) })];
      case 'status':
      case 'priority':
        return [
          t(`audit.${field}`, {
            actor,
            from: isEmpty(from) ? '—' : enumLabel(t, field, from),
            to: isEmpty(to) ? '—' : enumLabel(t, field, to),
          }),
        ];
      case 'assignmentStatus': {
        // Cleared (assigned to someone who is not a technician): the assignee line says it.
        const key = typeof to === 'string' ? ASSIGNMENT_KEYS[to] : undefined;
        return key ? [t(`audit.${key}`, { actor })] : [];
      }
      default:
        return [
          t('audit.field', {
            actor,
            field: FIELD_LABELS[rawField] ? t(FIELD_LABELS[rawField]) : rawField,
            from: isEmpty(from) ? '—' : refName(from, () => null),
            to: isEmpty(to) ? '—' : refName(to, () => null),
          }),
        ];
    }
  });
  return lines.length > 0 ? lines : [actionSentence(entry, actor, t)];
}
