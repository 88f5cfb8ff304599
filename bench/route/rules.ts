/**
 * A desk's workflow rules as an admin would write them (26, in order): keywords in es/en/ro set the
 * department, the service type (whose required skills are in service_types: dataset.ts SERVICE_TYPES) and
 * tags, urgent words and emergencies set the priority, channel, zone, branch and language conditions add
 * tags, and the technical departments ask for the best technician (assign-best). Checked with the server's
 * own validateRule at start-up.
 */
import { validateRule, type Rule, type RuleDraft } from '../../server/src/domain/rules/index.js';
import { departmentId, SERVICE_TYPES, ZONES } from './dataset.js';

const dept = departmentId;
const TECHNICAL_IDS = ['hvac', 'lifts', 'electrical', 'plumbing', 'network'].map(dept);
const RURAL = Object.values(ZONES).map((zs) => zs[zs.length - 1]!);
const type = (name: keyof typeof SERVICE_TYPES & string) => ({ do: 'set-type', type: name }) as const;

const DRAFTS: Omit<RuleDraft, 'active'>[] = [
  {
    name: 'Gas smell: urgent, heating team',
    on: ['created'],
    match: 'all',
    conditions: [{ field: 'text', keywords: ['huele a gas', 'olor a gas', 'fuga de gas', 'smell of gas', 'gas leak', 'smells of gas', 'miroase a gaz', 'miros de gaz', 'scurgere de gaz'], where: 'any' }],
    actions: [{ do: 'set-department', departmentId: dept('hvac') }, { do: 'set-priority', priority: 'urgent' }, { do: 'add-tags', tags: ['gas', 'safety'] }, type('Gas leak')],
  },
  {
    name: 'Someone trapped in a lift: urgent',
    on: ['created'],
    match: 'all',
    conditions: [{ field: 'text', keywords: ['atrapad*', 'encerrad*', 'trapped', 'stuck in the lift', 'blocat*', 'blocata'], where: 'any' }],
    actions: [{ do: 'set-department', departmentId: dept('lifts') }, { do: 'set-priority', priority: 'urgent' }, { do: 'add-tags', tags: ['lift', 'rescue', 'safety'] }, type('Lift rescue')],
  },
  {
    name: 'Boilers and heating',
    on: ['created'],
    match: 'all',
    conditions: [{ field: 'text', keywords: ['caldera', 'calefac*', 'radiador*', 'boiler', 'heating', 'radiator*', 'centrala', 'calorifer*', 'incalzire*'], where: 'any' }],
    actions: [{ do: 'set-department', departmentId: dept('hvac') }, { do: 'add-tags', tags: ['boiler'] }, type('Boiler repair')],
  },
  {
    name: 'Air conditioning',
    on: ['created'],
    match: 'any',
    conditions: [
      { field: 'text', keywords: ['aire acondicionado', 'split', 'climatizacion', 'air conditioning', 'aircon', 'aer conditionat', 'aerul conditionat', 'aparatul de aer'], where: 'any' },
      { field: 'text', regex: '\\bA/?C\\b', where: 'subject' },
    ],
    actions: [{ do: 'set-department', departmentId: dept('hvac') }, { do: 'add-tags', tags: ['aircon'] }, type('Air conditioning')],
  },
  {
    name: 'Gas: a gas-qualified engineer whatever else it mentions',
    on: ['created'],
    match: 'all',
    conditions: [{ field: 'tag', in: ['gas'] }],
    actions: [type('Gas leak')],
  },
  {
    name: 'Lifts',
    on: ['created'],
    match: 'all',
    conditions: [
      { field: 'text', keywords: ['ascensor', 'elevador', 'lift', 'elevator', 'liftul', 'liftului'], where: 'any' },
      { field: 'department', in: [null, dept('general')] },
    ],
    actions: [{ do: 'set-department', departmentId: dept('lifts') }, { do: 'add-tags', tags: ['lift'] }, type('Lift repair')],
  },
  {
    name: 'Power cuts and breakers',
    on: ['created'],
    match: 'all',
    conditions: [{ field: 'text', keywords: ['sin luz', 'apagon', 'diferencial', 'cuadro electrico', 'no power', 'power cut', 'breaker', 'fuse board', 'fara curent', 'nu avem curent', 'siguranta', 'tabloul electric'], where: 'any' }],
    actions: [{ do: 'set-department', departmentId: dept('electrical') }, { do: 'add-tags', tags: ['electrical'] }, type('Electrical fault')],
  },
  {
    name: 'Leaks, pipes and drains',
    on: ['created'],
    match: 'all',
    conditions: [
      { field: 'text', keywords: ['fuga de agua', 'tuberia', 'desague', 'atascad*', 'water leak', 'pipe', 'drain', 'blocked', 'scurgere*', 'teava', 'infundat*'], where: 'any' },
      { field: 'department', in: [null] },
    ],
    actions: [{ do: 'set-department', departmentId: dept('plumbing') }, { do: 'add-tags', tags: ['plumbing'] }, type('Plumbing')],
  },
  {
    name: 'Internet, wifi, fibre',
    on: ['created'],
    match: 'all',
    conditions: [{ field: 'text', keywords: ['internet', 'wifi', 'wi-fi', 'router', 'fibra', 'fibre', 'conexion', 'broadband', 'conexiune'], where: 'any' }],
    actions: [{ do: 'set-department', departmentId: dept('network') }, { do: 'add-tags', tags: ['network'] }, type('Network')],
  },
  {
    name: 'Invoices and payments go to billing',
    on: ['created'],
    match: 'all',
    conditions: [{ field: 'text', keywords: ['factura', 'abono', 'cobran', 'invoice', 'refund', 'charged', 'billing', 'factur*', 'taxat', 'returnati banii'], where: 'any' }],
    actions: [{ do: 'set-department', departmentId: dept('billing') }, { do: 'set-priority', priority: 'low' }, { do: 'add-tags', tags: ['billing'] }, type('Invoice query'), { do: 'stop' }],
  },
  {
    name: 'Urgent words',
    on: ['created'],
    match: 'all',
    conditions: [
      { field: 'text', keywords: ['urgente', 'urgencia', 'emergencia', 'cuanto antes', 'urgent*', 'emergency', 'asap', 'de urgenta', 'urgenta'], where: 'any' },
      { field: 'priority', in: ['low', 'normal'] },
    ],
    actions: [{ do: 'set-priority', priority: 'high' }, { do: 'add-tags', tags: ['customer-says-urgent'] }],
  },
  {
    name: 'Water coming through to the neighbours',
    on: ['created', 'updated'],
    match: 'all',
    conditions: [
      { field: 'tag', in: ['plumbing'] },
      { field: 'text', keywords: ['piso de abajo', 'vecino de abajo', 'flat below', 'ceiling', 'vecinul de dedesubt', 'vecinul de jos', 'tavan'], where: 'body' },
    ],
    actions: [{ do: 'set-priority', priority: 'urgent' }, { do: 'add-tags', tags: ['water-damage'] }],
  },
  {
    name: 'No heat or hot water',
    on: ['created', 'updated'],
    match: 'all',
    conditions: [
      { field: 'tag', in: ['boiler'] },
      { field: 'text', keywords: ['agua caliente', 'frios', 'no calienta', 'hot water', 'cold', 'apa calda', 'reci', 'nu incalzeste'], where: 'body' },
    ],
    actions: [{ do: 'add-tags', tags: ['no-heat'] }],
  },
  {
    name: 'Error codes on the display',
    on: ['created'],
    match: 'all',
    conditions: [{ field: 'text', regex: '\\b(?:F|E|EA|L)\\d{1,3}\\b', where: 'body' }],
    actions: [{ do: 'add-tags', tags: ['error-code'] }],
  },
  {
    name: 'Elderly residents or hospitals: at least high',
    on: ['created', 'updated'],
    match: 'any',
    conditions: [
      { field: 'branch', in: ['hospital'] },
      { field: 'text', keywords: ['mayores', 'elderly', 'in varsta', 'varstnici'], where: 'body' },
    ],
    actions: [{ do: 'add-tags', tags: ['vulnerable'] }],
  },
  {
    name: 'Vulnerable and a lift or heating fault: high',
    on: ['created', 'updated'],
    match: 'all',
    conditions: [
      { field: 'tag', in: ['vulnerable'] },
      { field: 'tag', in: ['lift', 'boiler'] },
      { field: 'priority', in: ['low', 'normal'] },
    ],
    actions: [{ do: 'set-priority', priority: 'high' }],
  },
  {
    name: 'Calls and WhatsApp',
    on: ['created'],
    match: 'all',
    conditions: [{ field: 'channel', in: ['phone', 'whatsapp', 'sms'] }],
    actions: [{ do: 'add-tags', tags: ['mobile-contact'] }],
  },
  {
    name: 'Web form requests from offices',
    on: ['created'],
    match: 'all',
    conditions: [
      { field: 'channel', in: ['webform'] },
      { field: 'branch', in: ['office', 'retail'] },
    ],
    actions: [{ do: 'add-tags', tags: ['business'] }],
  },
  {
    name: 'Rural zones: long drive',
    on: ['created', 'updated'],
    match: 'all',
    conditions: [
      { field: 'zone', in: RURAL },
      { field: 'department', in: TECHNICAL_IDS },
    ],
    actions: [{ do: 'add-tags', tags: ['long-drive'] }],
  },
  {
    name: 'Madrid heating, priority routing',
    on: ['created', 'updated'],
    match: 'all',
    conditions: [
      { field: 'zone', in: ['madrid-norte', 'madrid-sur'] },
      { field: 'department', in: [dept('hvac')] },
    ],
    actions: [{ do: 'add-tags', tags: ['madrid-hvac'] }],
  },
  {
    name: 'Romanian requests',
    on: ['created'],
    match: 'all',
    conditions: [{ field: 'language', in: ['ro'] }],
    actions: [{ do: 'add-tags', tags: ['ro-desk'] }],
  },
  {
    name: 'UK customers by e-mail',
    on: ['created'],
    match: 'all',
    conditions: [
      { field: 'language', in: ['en'] },
      { field: 'channel', in: ['email'] },
      { field: 'zone', in: ZONES.en },
    ],
    actions: [{ do: 'add-tags', tags: ['uk-email'] }],
  },
  {
    name: 'Slow wifi is low',
    on: ['created'],
    match: 'all',
    conditions: [
      { field: 'department', in: [dept('network')] },
      { field: 'text', keywords: ['lento', 'slow', 'incet', 'se corta', 'drops', 'se intrerupe'], where: 'any' },
    ],
    actions: [{ do: 'set-priority', priority: 'low' }],
  },
  {
    name: 'Nothing matched: reception triages',
    on: ['created'],
    match: 'all',
    conditions: [{ field: 'department', in: [null] }],
    actions: [{ do: 'set-department', departmentId: dept('general') }, { do: 'add-tags', tags: ['triage'] }],
  },
  {
    name: 'Urgent and high: page the on-call supervisor',
    on: ['created', 'updated'],
    match: 'all',
    conditions: [
      { field: 'priority', in: ['urgent'] },
      { field: 'department', in: TECHNICAL_IDS },
    ],
    actions: [{ do: 'add-tags', tags: ['p1'] }, { do: 'notify', via: 'sms', to: '+34600000001' }],
  },
  {
    name: 'Technical departments: best technician',
    on: ['created', 'updated'],
    match: 'all',
    conditions: [{ field: 'department', in: TECHNICAL_IDS }],
    actions: [{ do: 'assign-best' }],
  },
];

export const RULES: Rule[] = DRAFTS.map((draft, i) => {
  const checked = validateRule({ ...draft, active: true });
  if (!checked.ok) throw new Error(`bench rule "${draft.name}" is not valid: ${checked.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return { ...checked.rule, id: `bench-rule-${i + 1}`, position: (i + 1) * 10 };
});

