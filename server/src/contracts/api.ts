/**
 * The HTTP contract between the server and the web app. Only types and pure constants live here:
 * the web app imports this file (through the `@contracts` alias) and nothing else of the server.
 */
import type { IncidentStatus, Priority } from '../domain/incident-state.js';
export type { IncidentStatus, Priority } from '../domain/incident-state.js';
export { INCIDENT_STATUSES, INCIDENT_TRANSITIONS, PRIORITIES } from '../domain/incident-state.js';

export const LOCALES = ['es', 'en', 'ro'] as const;
export type Locale = (typeof LOCALES)[number];
export const ROLES = ['admin', 'agent', 'technician'] as const;
export type Role = (typeof ROLES)[number];
export const CHANNEL_KINDS = ['webform', 'email', 'sms', 'whatsapp', 'phone'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];
export type MessageKind = 'inbound' | 'outbound' | 'note';

/** Header that must carry the session's CSRF token on every cookie-authenticated write. */
export const CSRF_HEADER = 'x-csrf-token';

/** Error body of every 4xx/5xx answer. `fields` names what to fix on validation errors. */
export interface ApiError {
  statusCode: number;
  error: string;
  message: string;
  fields?: Record<string, string>;
  /** 409 on deleting something still used: what uses it (the app says it in the user's language). */
  inUse?: InUseDto;
}

/** What still uses a thing an admin tried to delete (each delete answers the fields that apply to it). */
export interface InUseDto {
  /**
   * How many incidents keep it, which depends on what it is:
   *  - an SLA policy: the incidents under it, open or closed (their SLA history reads by it);
   *  - a service type: only its open incidents (new, open, pending), whose technician is chosen by its
   *    skills; resolved and closed ones keep the type as text and do not hold it.
   */
  incidents?: number;
  /** Names of the workflow rules with an action that sets it (set-sla, set-type), active or not. */
  rules?: string[];
  /** Names of the SLA policies that count in it. */
  policies?: string[];
}

export interface UserDto {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: Locale;
  departmentIds: string[];
  /** Registered mobile (E.164), if any. */
  phone?: string | null;
}

/** GET /api/auth/me and POST /api/auth/login */
export interface MeDto {
  user: UserDto;
  csrfToken: string;
}
export interface LoginRequest {
  email: string;
  password: string;
}

export interface DepartmentDto {
  id: string;
  name: string;
  /** Its duplicate window and thresholds; null: the defaults. */
  dedup: DedupPolicyDto | null;
  /** Alerted when nobody is left to offer an incident to. */
  supervisorId: string | null;
  /** Minutes a technician has to answer an offer. */
  offerMinutes: number;
}

/** PATCH /api/departments/{id} (admins); dedup null goes back to the defaults. */
export interface DepartmentPatch {
  name?: string;
  dedup?: DedupPolicyDto | null;
  supervisorId?: string | null;
  offerMinutes?: number;
}

export interface ChannelDto {
  id: string;
  kind: ChannelKind;
  name: string;
  /** Public key of an intake door: /api/channels/webform/{key}, /forms/{key} */
  key: string;
  active: boolean;
  /** E-mail channels: the mailbox settings, passwords never included. */
  email: EmailChannelSettingsDto | null;
  /** SMS and WhatsApp channels: the Twilio account, the auth token never included. */
  twilio: TwilioChannelSettingsDto | null;
  /** Phone channels: where the PBX (CTI) and Twilio Voice post call events. */
  phone: PhoneChannelSettingsDto | null;
  createdAt: string;
}

export interface PhoneChannelSettingsDto {
  defaultCountry: string;
  /** Twilio Voice as a second source of call events (status callbacks), when configured. */
  twilioAccountSid: string | null;
  /** `events`: the CTI webhook with the channel's token (give it to the PBX); `twilioVoice`: the Voice status callback. */
  webhooks: { events: string; twilioVoice: string | null };
}

export interface TwilioChannelSettingsDto {
  accountSid: string;
  phoneNumber: string | null;
  messagingServiceSid: string | null;
  defaultCountry: string;
  hasAuthToken: boolean;
  /** Paste these into the Twilio Console (number or Messaging Service): where messages and statuses go. */
  webhooks: { inbound: string; status: string };
  /** WhatsApp: the approved templates agents may send when the 24-hour window is closed. */
  templates: WhatsAppTemplateDto[];
}

/** An approved WhatsApp template (Twilio Content API). */
export interface WhatsAppTemplateDto {
  name: string;
  /** HX + 32 hex */
  contentSid: string;
  language: string;
  /** The approved text, placeholders as {{1}}, {{2}} … */
  body: string;
  /** Its placeholders in order: ['1', '2'] */
  variables: string[];
}
export type WhatsAppTemplateInput = Omit<WhatsAppTemplateDto, 'variables'>;

export interface MailServerSettings {
  host: string;
  port: number;
  /** true: TLS from the first byte (993, 465); false: STARTTLS, required (cleartext only to a server on this machine). */
  secure: boolean;
  user: string;
}

export interface EmailChannelSettingsDto {
  /** The mailbox address customers write to, e.g. soporte@climatiza.example */
  address: string;
  displayName: string;
  imap: MailServerSettings & { folder: string; hasPassword: boolean };
  smtp: MailServerSettings & { hasPassword: boolean };
  /** Where the mailbox sync stands. */
  sync: { lastSyncAt: string | null; lastError: string | null; lastUid: number | null };
}

export type CreateChannelRequest =
  | { kind: 'webform'; name: string }
  | { kind: 'sms' | 'whatsapp'; name: string; accountSid: string; authToken: string; phoneNumber?: string; messagingServiceSid?: string; defaultCountry?: string; templates?: WhatsAppTemplateInput[] }
  | { kind: 'phone'; name: string; defaultCountry?: string; twilioAccountSid?: string; twilioAuthToken?: string }
  | {
      kind: 'email';
      name: string;
      address: string;
      displayName?: string;
      imap: MailServerSettings & { folder?: string; password: string };
      smtp: MailServerSettings & { password: string };
    };

/** PATCH /api/channels/{id}: a password left out is kept. */
export interface UpdateChannelRequest {
  name?: string;
  active?: boolean;
  address?: string;
  displayName?: string;
  imap?: Partial<MailServerSettings & { folder: string; password: string }>;
  smtp?: Partial<MailServerSettings & { password: string }>;
  /** WhatsApp channels: the approved templates (replaces the list). */
  templates?: WhatsAppTemplateInput[];
}

/** POST /api/channels/{id}/test: each side says whether it worked and, if not, what failed. */
export interface ChannelTestResult {
  imap: { ok: boolean; message: string };
  smtp: { ok: boolean; message: string };
}

import type { DedupPolicyDto, DuplicateSuggestionDto, IncidentMergeDto, IncidentRefDto } from './duplicates.js';
import type { MaintenanceKind } from '../domain/rules/types.js';
import type { IncidentSlaDto } from './sla.js';

export interface ContactDto {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  customerId: string | null;
  customerName: string | null;
}

export interface UserRefDto {
  id: string;
  name: string;
}

export interface IncidentSummaryDto {
  id: string;
  /** Human reference, e.g. "SB-1042" */
  reference: string;
  subject: string;
  status: IncidentStatus;
  priority: Priority;
  department: { id: string; name: string } | null;
  assignee: UserRefDto | null;
  contact: ContactDto | null;
  channelKind: ChannelKind;
  createdAt: string;
  updatedAt: string;
  lastMessageAt: string;
  lastMessagePreview: string;
  messageCount: number;
  /** The assigned technician's answer to the service order: pending, confirmed, declined; null without one. */
  assignmentStatus: AssignmentStatus | null;
  /** What a technician needs to know (the service order carries it). */
  siteAddress: string | null;
  asset: string | null;
  serviceType: string | null;
  requestedWindow: string | null;
  /** Maintenance kind (workflow rules set it, agents too). */
  maintenanceKind: MaintenanceKind | null;
  tags: string[];
  /** Its SLA clocks, with a policy; null without one. */
  sla: IncidentSlaDto | null;
  /** Optimistic-lock version; send it back in PATCH to refuse lost updates. */
  version: number;
}

export type AssignmentStatus = 'pending' | 'confirmed' | 'declined';

export type MessageAuthor =
  | { type: 'user'; id: string; name: string }
  | { type: 'contact'; id: string; name: string }
  | { type: 'system'; id: null; name: string };

export interface MessageDto {
  id: string;
  incidentId: string;
  kind: MessageKind;
  channelKind: ChannelKind | null;
  /** Plain text. Never HTML: the web app shows it escaped. */
  body: string;
  author: MessageAuthor;
  /** Who actually wrote it, as recognised from the address or number (inbound messages). */
  senderKind: SenderKind | null;
  /** needs-attention, suspicious, automatic, bounce ... (see MESSAGE_FLAGS). */
  flags: MessageFlag[];
  /** E-mail only: what the agent needs beyond the visible text. */
  email: EmailMessageDto | null;
  attachments: AttachmentDto[];
  /** Outbound only: where the delivery stands. */
  delivery: { status: DeliveryStatus; error: string | null } | null;
  /** Phone: the call this timeline entry logs. */
  call: CallDto | null;
  createdAt: string;
}

export const CALL_OUTCOMES = ['ringing', 'in-progress', 'answered', 'missed', 'busy', 'failed'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** One phone call: from the PBX (CTI), Twilio Voice, or logged by hand. */
export interface CallDto {
  id: string;
  source: 'cti' | 'twilio' | 'manual';
  direction: 'in' | 'out';
  /** E.164 when it is a number, else what the PBX said ('anonymous', an extension). */
  from: string | null;
  to: string | null;
  /** The agent who took or made it: a user when recognised, else the PBX's name for them. */
  agent: UserRefDto | null;
  agentLabel: string | null;
  queue: string | null;
  outcome: CallOutcome;
  startedAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  waitSeconds: number | null;
  talkSeconds: number | null;
  recordingUrl: string | null;
  /** The hangup cause (normalClearing, busy, cancel, noAnswer ...). */
  cause: string | null;
  notes: string | null;
  contactId: string | null;
  incidentId: string | null;
}

/** The other party of a call: the caller of an inbound call, the callee of an outbound one. */
export const otherParty = (c: Pick<CallDto, 'direction' | 'from' | 'to'>): string | null => (c.direction === 'in' ? c.from : c.to);

/** GET /api/calls: the call log, newest first. */
export interface CallLogEntryDto extends CallDto {
  contact: ContactDto | null;
  incidentReference: string | null;
}

/** POST /api/calls: an agent logs a call by hand, on an incident or a contact. */
export interface ManualCallRequest {
  incidentId?: string;
  contactId?: string;
  direction: 'in' | 'out';
  /** The other party's number (defaults to the contact's). */
  number?: string;
  durationSeconds?: number;
  outcome: 'answered' | 'missed' | 'busy' | 'failed';
  notes?: string;
  /** When it started (ISO); default now minus its duration. */
  startedAt?: string;
}

/** POST /api/calls/{id}/incident: put a call on an incident (given), or open a new one from it. */
export interface AttachCallRequest {
  incidentId?: string;
}

export type SenderKind = 'customer' | 'contact' | 'technician' | 'agent' | 'unknown';
export const MESSAGE_FLAGS = ['needs-attention', 'suspicious', 'automatic', 'bounce', 'confirmed', 'declined', 'call-back'] as const;
export type MessageFlag = (typeof MESSAGE_FLAGS)[number];
/** E-mail: queued → sending → sent (or failed, bounced). SMS/WhatsApp add Twilio's delivered, read, undelivered. */
export type DeliveryStatus = 'queued' | 'sending' | 'sent' | 'delivered' | 'read' | 'failed' | 'undelivered' | 'bounced';

export interface EmailMessageDto {
  from: string | null;
  to: string[];
  cc: string[];
  subject: string | null;
  /** Sanitised HTML (remote images carry data-blocked-src until the agent loads them); null for plain text. */
  html: string | null;
  hasBlockedImages: boolean;
  /** The whole text, quoted history included ("show full message"). */
  fullText: string;
  quotedHistoryStripped: boolean;
  /** human, auto-reply, bounce, mailing-list, loop, bulk */
  automatic: string;
}

export interface AttachmentDto {
  id: string;
  filename: string;
  /** As detected from the content. */
  contentType: string;
  size: number;
  inline: boolean;
  cid: string | null;
  /** Why it was not kept (too large, type not allowed); null when it can be downloaded. */
  rejected: string | null;
}

export interface AuditEntryDto {
  id: string;
  actor: UserRefDto | null;
  action: string;
  changes: Record<string, { from: unknown; to: unknown }>;
  createdAt: string;
}

export type TimelineEntry = ({ type: 'message' } & MessageDto) | ({ type: 'audit' } & AuditEntryDto);

export interface IncidentDetailDto extends IncidentSummaryDto {
  /** Messages and audit entries, oldest first. */
  timeline: TimelineEntry[];
  allowedTransitions: IncidentStatus[];
  /** How an agent's reply would reach the customer; null when it cannot (no address, no e-mail channel). */
  reply: ReplyRoute | null;
  /** Set when this incident was merged into another one (it is closed: work goes on there). */
  mergedInto: IncidentRefDto | null;
  /** Open "possible duplicate" suggestions involving it (either side). */
  duplicates: DuplicateSuggestionDto[];
  /** Merges into it, newest first (each can be undone until it is). */
  merges: IncidentMergeDto[];
}

export interface ReplyRoute {
  channelKind: 'email' | 'sms' | 'whatsapp';
  /** The customer's address (e-mail) or number (E.164) the reply goes to. */
  to: string;
  /** The mailbox or number (or Messaging Service) it is sent from. */
  from: string;
  /** WhatsApp only: free-form replies are allowed until then (24 h after the customer's last message); null when closed. */
  windowOpenUntil?: string | null;
  /** WhatsApp only: the approved templates that can be sent at any time (the only way when the window is closed). */
  templates?: WhatsAppTemplateDto[];
}

/**
 * POST /api/incidents/{id}/replies: an agent's answer to the customer, sent on the incident's channel: free
 * text, or (WhatsApp) an approved template with a value for each placeholder.
 */
export type ReplyRequest = { body: string } | { template: { contentSid: string; variables: Record<string, string> } };

/**
 * POST /api/messages/{id}/resend (202): sends a failed outbound mail again (after an "unknown outcome" the
 * agent checked, or a refusal fixed meanwhile). queued false: it was not in a failed state.
 */
export interface ResendResult {
  queued: boolean;
}

/** GET /api/incidents?status&departmentId&assigneeId&q&cursor&limit */
export interface IncidentListQuery {
  status?: IncidentStatus;
  /** the incidents of one contact (the caller's, in the call pop-up) */
  contactId?: string;
  /** 'true': only new, open and pending ones */
  active?: 'true' | 'false';
  /** a department id, or "none" */
  departmentId?: string;
  /** a user id, "me" or "none" */
  assigneeId?: string;
  q?: string;
  cursor?: string;
  limit?: number;
}
export interface IncidentListDto {
  items: IncidentSummaryDto[];
  /** Per status, for the current filters other than status, from one query. */
  counts: Record<IncidentStatus, number>;
  nextCursor: string | null;
}

/** PATCH /api/incidents/{id}; `null` clears department or assignee. */
export interface IncidentPatch {
  status?: IncidentStatus;
  priority?: Priority;
  departmentId?: string | null;
  assigneeId?: string | null;
  siteAddress?: string | null;
  asset?: string | null;
  serviceType?: string | null;
  requestedWindow?: string | null;
  /** An SLA policy id; null removes it. */
  slaPolicyId?: string | null;
  version?: number;
}
export interface NoteRequest {
  body: string;
}

/** POST /api/channels/webform/{key} (JSON or urlencoded) */
export interface WebformSubmission {
  name: string;
  email?: string;
  phone?: string;
  subject: string;
  message: string;
  submissionId?: string;
  locale?: Locale;
}
export interface WebformAccepted {
  /** The incident reference; null only when processing was deferred (it will still happen). */
  reference: string | null;
}

export interface HealthDto {
  status: 'ok' | 'error';
  mode: { database: 'postgres' | 'embedded'; jobs: 'bullmq' | 'in-process' };
  details: Record<string, { status: 'up' | 'down'; message?: string }>;
}
