import type { IncidentDetailDto, IncidentSummaryDto } from '@contracts';

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
    version: 1,
    ...overrides,
  };
}

export function detail(overrides: Partial<IncidentDetailDto> = {}): IncidentDetailDto {
  return { ...incident(overrides), timeline: [], allowedTransitions: ['open', 'pending', 'resolved', 'closed'], ...overrides };
}

export const at = (minute: number) => new Date(Date.UTC(2030, 0, 1, 10, minute)).toISOString();
