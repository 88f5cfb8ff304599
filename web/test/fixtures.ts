import type { AttachmentDto, EmailMessageDto, IncidentDetailDto, IncidentSummaryDto, MessageDto } from '@contracts';

let seq = 0;

export function incident(overrides: Partial<IncidentSummaryDto> = {}): IncidentSummaryDto {
  seq += 1;
  const id = overrides.id ?? `inc-${seq}`;
  return {
    id,
    reference: `SB-${1000 + seq}`,
    subject: 'Boiler makes noise',
    status: 'new',
    priority: 'normal',
    department: null,
    assignee: null,
    contact: { id: 'c1', name: 'Maria Pop', email: 'maria@example.com', phone: '+40700000000', customerId: null, customerName: 'Acme SRL' },
    channelKind: 'webform',
    createdAt: '2030-01-01T10:00:00.000Z',
    updatedAt: '2030-01-01T10:00:00.000Z',
    lastMessageAt: '2030-01-01T10:00:00.000Z',
    lastMessagePreview: 'Hello, the boiler…',
    messageCount: 1,
    assignmentStatus: null,
    siteAddress: null,
    asset: null,
    serviceType: null,
    requestedWindow: null,
    maintenanceKind: null,
    tags: [],
    sla: null,
    version: 1,
    ...overrides,
  };
}

export function detail(overrides: Partial<IncidentDetailDto> = {}): IncidentDetailDto {
  return { ...incident(overrides), timeline: [], allowedTransitions: ['open', 'pending', 'resolved', 'closed'], reply: null, mergedInto: null, duplicates: [], merges: [], ...overrides };
}

export function message(overrides: Partial<MessageDto> = {}): MessageDto {
  seq += 1;
  return {
    id: `m-${seq}`,
    incidentId: 'i1',
    kind: 'inbound',
    channelKind: 'webform',
    body: 'Hello',
    author: { type: 'contact', id: 'c1', name: 'Maria Pop' },
    senderKind: null,
    flags: [],
    email: null,
    attachments: [],
    delivery: null,
    call: null,
    createdAt: '2030-01-01T10:00:00.000Z',
    ...overrides,
  };
}

export function email(overrides: Partial<EmailMessageDto> = {}): EmailMessageDto {
  return {
    from: 'Maria Pop <maria@example.com>',
    to: ['soporte@climatiza.example'],
    cc: [],
    subject: 'Boiler makes noise',
    html: null,
    hasBlockedImages: false,
    fullText: 'Hello',
    quotedHistoryStripped: false,
    automatic: 'human',
    ...overrides,
  };
}

export function attachment(overrides: Partial<AttachmentDto> = {}): AttachmentDto {
  seq += 1;
  return { id: `att-${seq}`, filename: 'photo.png', contentType: 'image/png', size: 2048, inline: false, cid: null, rejected: null, ...overrides };
}

export const at = (minute: number) => new Date(Date.UTC(2030, 0, 1, 10, minute)).toISOString();
