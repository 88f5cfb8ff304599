/**
 * The route bench's data, made in the database by set-based SQL (insert ... select ... from generate_series),
 * never row by row, so 1,000,000 incidents load in minutes:
 * - 7 departments (5 technical, billing, reception), the technical ones with a supervisor (an agent) and an
 *   offer time; 200 technicians in the server's own tables: users with role technician, user_departments,
 *   technician_profiles (skills with levels, zones, capacity, working hours, time zone), a few absences (now,
 *   coming, past); the service types the rules set, with the skills each needs (SERVICE_TYPES);
 * - customers (incidents / 20) in es/en/ro zones and branches, 2 contacts each (with their identities);
 * - incidents spread over 2 years (last_message_at accordingly), ~15% open (new/open/pending: most of the last
 *   two weeks' and some stale ones), subjects and texts from texts.ts, department and priority as routing set
 *   them, closed ones mostly done by a technician of their department; 1-3 inbound messages each (author set,
 *   created_at from the incident's creation to its last message); each closed incident done by a technician
 *   has its offer history in assignment_offers (confirmed, 12% after a declined or expired offer to a
 *   colleague), so the technicians' last assignment and the offers' indexes grow with the incidents.
 * Ids are md5-derived from an index (customer c, contact k, incident i), so the data can grow in place:
 * incident i belongs to customer i / 20, contacts 2c and 2c + 1. Everything is in the bench's own database.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { FOLLOW_UPS, LOCALES, PROBLEMS, fillSql } from './texts.js';

export const INCIDENTS_PER_CUSTOMER = 20;
export const CONTACTS_PER_CUSTOMER = 2;
export const TECHNICIANS_PER_DEPARTMENT = 40;
/** Open incidents assigned to a technician at any time (the most recent ones): ~3 per technician. */
const OPEN_ASSIGNED = 600;
const DAYS = 730;

/** The uuid the SQL below gives to `kind` number `n` (md5('sb-<kind>-<n>')::uuid). */
export function idOf(kind: string, n: number | string): string {
  const h = createHash('md5').update(`sb-${kind}-${n}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const DEPARTMENTS = [
  { key: 'hvac', name: 'Climatización y calefacción', technical: true, policy: { joinAt: 0.55 } },
  { key: 'lifts', name: 'Ascensores', technical: true, policy: { windowHours: 168 } },
  { key: 'electrical', name: 'Electricidad', technical: true, policy: null },
  { key: 'plumbing', name: 'Fontanería', technical: true, policy: null },
  { key: 'network', name: 'Redes y telecomunicaciones', technical: true, policy: null },
  { key: 'billing', name: 'Administración', technical: false, policy: null },
  { key: 'general', name: 'Recepción', technical: false, policy: null },
] as const;
export const TECHNICAL = DEPARTMENTS.filter((d) => d.technical).map((d) => d.key);
export const departmentId = (key: string) => idOf('dept', key);

/** Zones by language (customers' and technicians'); the last of each is rural. */
export const ZONES: Record<(typeof LOCALES)[number], string[]> = {
  es: ['madrid-norte', 'madrid-sur', 'barcelona', 'valencia', 'sevilla-rural'],
  en: ['london', 'manchester', 'yorkshire-rural'],
  ro: ['bucuresti', 'cluj', 'moldova-rural'],
};
const TIME_ZONES = { es: 'Europe/Madrid', en: 'Europe/London', ro: 'Europe/Bucharest' } as const;
const BRANCHES = ['residential', 'office', 'hospital', 'hotel', 'retail', 'industrial'];

/** Customer c's language: 50% es, 30% en, 20% ro. */
const LOCALE_OF_CUSTOMER = `(case when {c} % 10 < 5 then 'es' when {c} % 10 < 8 then 'en' else 'ro' end)`;
const localeOf = (c: string) => LOCALE_OF_CUSTOMER.replaceAll('{c}', c);
const sqlArray = (xs: readonly string[]) => `array[${xs.map((x) => `'${x.replaceAll("'", "''")}'`).join(', ')}]`;

export interface DataCounts {
  incidents: number;
  messages: number;
  openIncidents: number;
  customers: number;
  contacts: number;
  technicians: number;
  offers: number;
  databaseBytes: number;
}

/**
 * The service types the rules set (rules.ts 'set-type'), with the skills each needs (skill -> minimum
 * level): service_types, read by AssignmentRepository.context().
 */
export const SERVICE_TYPES: Record<string, Record<string, number>> = {
  'Gas leak': { gas: 3 },
  'Boiler repair': { boiler: 2 },
  'Air conditioning': { aircon: 2 },
  'Lift rescue': { lift: 2, rescue: 3 },
  'Lift repair': { lift: 2 },
  'Electrical fault': { electrical: 2 },
  Plumbing: { plumbing: 2 },
  Network: { network: 1 },
  'Invoice query': {},
};

const TECHNICIANS = TECHNICIANS_PER_DEPARTMENT * TECHNICAL.length;
/** Who technician n is: their department (by position), language and the uuid the incidents use. */
const TECH_ROWS = `select n, (${sqlArray(TECHNICAL)})[1 + n / ${TECHNICIANS_PER_DEPARTMENT}] as department,
    (${sqlArray(LOCALES)})[1 + n % 3] as locale, md5('sb-tech-' || n)::uuid as id
  from generate_series(0, ${TECHNICIANS} - 1) as g(n)`;

/**
 * Departments with their supervisors and offer times, the technicians (users, user_departments,
 * technician_profiles, absences) and the service types: once, before the first incidents.
 */
export async function createStaff(c: pg.Client, anchor: Date): Promise<void> {
  await c.query(
    `with d as (select * from jsonb_to_recordset($2::jsonb) as d(key text, name text, technical boolean, policy jsonb)),
     s as (insert into users (id, email, name, password_hash, role, locale, active, created_at)
       select md5('sb-sup-' || key)::uuid, 'supervisor-' || key || '@bench.example', 'Supervisor ' || name, 'bench: no login', 'agent', 'es', true, $1
       from d where technical returning id)
     insert into departments (id, name, created_at, dedup_policy, supervisor_id, offer_minutes)
     select md5('sb-dept-' || d.key)::uuid, d.name, $1, d.policy, case when d.technical then md5('sb-sup-' || d.key)::uuid end,
       case d.key when 'lifts' then 15 when 'hvac' then 20 else 30 end
     from d left join s on s.id = md5('sb-sup-' || d.key)::uuid`,
    [anchor, JSON.stringify(DEPARTMENTS)],
  );
  // One in four works anywhere, the others three zones of their region; skills of their department at levels 1-5;
  // day, late, weekend + evening or round-the-clock shifts in their own time zone; one in 37 inactive.
  await c.query(
    `with t as (${TECH_ROWS}),
     u as (insert into users (id, email, name, password_hash, role, locale, active, created_at)
       select id, 'tech' || n || '@bench.example', ($3::text[])[1 + n % ${FIRST.length}] || ' ' || ($4::text[])[1 + (n * 5) % ${LAST.length}] || ' ' || n,
         'bench: no login', 'technician', locale, n % 37 <> 36, $1 from t returning id),
     ud as (insert into user_departments (user_id, department_id) select id, md5('sb-dept-' || department)::uuid from t)
     insert into technician_profiles (user_id, skills, zones, capacity, working_hours, time_zone, updated_at)
     select t.id,
       (select jsonb_object_agg(s.skill, 1 + (t.n * 7 + (s.ord::int - 1) * 3) % 5) from jsonb_array_elements_text($2::jsonb -> t.department) with ordinality as s(skill, ord)),
       case when t.n % 4 = 0 then '{}'::text[]
         else array(select $5::jsonb -> t.locale ->> ((t.n + d) % jsonb_array_length($5::jsonb -> t.locale)) from generate_series(0, 2) as g(d) order by d) end,
       4 + t.n % 7, $6::jsonb -> (t.n % jsonb_array_length($6::jsonb)), $7::jsonb ->> t.locale, $1
     from t join u on u.id = t.id`,
    [anchor, JSON.stringify(SKILLS), FIRST, LAST, JSON.stringify(ZONES), JSON.stringify(SHIFTS), JSON.stringify(TIME_ZONES)],
  );
  // Absent now (1 in 23), off for a week soon (1 in 9), and a past sick leave (1 in 6: filtered out by ends_at).
  await c.query(
    `with t as (${TECH_ROWS})
     insert into absences (id, user_id, starts_at, ends_at, reason, created_at)
     select gen_random_uuid(), t.id, $1::timestamptz + a.from_days * interval '1 day', $1::timestamptz + a.to_days * interval '1 day', a.reason, $1::timestamptz - interval '60 days'
     from t cross join lateral (values (t.n % 23 = 0, -1, 3, 'holiday'), (t.n % 9 = 4, 5, 12, 'holiday'), (t.n % 6 = 1, -40, -33, 'sick leave')) as a(keep, from_days, to_days, reason)
     where a.keep`,
    [anchor],
  );
  await c.query(
    `insert into service_types (name, required_skills, updated_at) select key, value, $1 from jsonb_each($2::jsonb)`,
    [anchor, JSON.stringify(SERVICE_TYPES)],
  );
}

const SKILLS: Record<string, string[]> = {
  hvac: ['boiler', 'gas', 'heating', 'aircon'],
  lifts: ['lift', 'rescue'],
  electrical: ['electrical', 'solar'],
  plumbing: ['plumbing', 'drains'],
  network: ['network', 'fibre'],
};
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
/** Day shift, late shift, weekend + evenings, on call round the clock. */
const SHIFTS: Record<string, [string, string][]>[] = [
  Object.fromEntries(WEEKDAYS.map((d) => [d, [['08:00', '17:00']]])),
  Object.fromEntries(WEEKDAYS.map((d) => [d, [['13:00', '22:00']]])),
  { ...Object.fromEntries(WEEKDAYS.map((d) => [d, [['18:00', '24:00']]])), sat: [['08:00', '20:00']], sun: [['08:00', '20:00']] },
  Object.fromEntries([...WEEKDAYS, 'sat', 'sun'].map((d) => [d, [['00:00', '24:00']]])),
];
const FIRST = ['Lucía', 'Javier', 'Carmen', 'Andrés', 'Tom', 'Sarah', 'James', 'Ioana', 'Andrei', 'Mihai', 'Elena', 'Pablo'];
const LAST = ['García', 'Martín', 'López', 'Smith', 'Jones', 'Taylor', 'Popescu', 'Ionescu', 'Dumitru', 'Sánchez', 'Brown', 'Rus'];

/**
 * Customers and contacts for incidents [from, to), then the incidents with their messages, `chunk` incidents
 * a statement; `progress` after each.
 */
export async function loadIncidents(c: pg.Client, r: { from: number; to: number; anchor: Date; chunk: number }, progress: (done: number) => void): Promise<void> {
  const c0 = r.from / INCIDENTS_PER_CUSTOMER;
  const c1 = r.to / INCIDENTS_PER_CUSTOMER;
  await c.query(
    `insert into customers (id, name, created_at, zone, branch)
     select md5('sb-cust-' || c)::uuid,
       (array['Comunidad', 'Hotel', 'Clínica', 'Oficinas', 'Residential', 'Office Park', 'Bloc', 'Pensiunea'])[1 + c % 8] || ' ' || c,
       $3::timestamptz - interval '800 days' + (c % 60) * interval '1 day',
       case ${localeOf('c')} when 'es' then (${sqlArray(ZONES.es)})[1 + (c / 10) % ${ZONES.es.length}]
         when 'en' then (${sqlArray(ZONES.en)})[1 + (c / 10) % ${ZONES.en.length}] else (${sqlArray(ZONES.ro)})[1 + (c / 10) % ${ZONES.ro.length}] end,
       (${sqlArray(BRANCHES)})[1 + (c / 7) % ${BRANCHES.length}]
     from generate_series($1::int, $2::int - 1) as g(c)`,
    [c0, c1, r.anchor],
  );
  await c.query(
    `with k as (select k, k / ${CONTACTS_PER_CUSTOMER} as c from generate_series($1::int, $2::int - 1) as g(k)),
     n as (select k, c, (${sqlArray(FIRST)})[1 + k % ${FIRST.length}] || ' ' || (${sqlArray(LAST)})[1 + (k / ${FIRST.length}) % ${LAST.length}] as name from k)
     insert into contacts (id, customer_id, name, email, phone, locale, created_at, name_key)
     select md5('sb-contact-' || k)::uuid, md5('sb-cust-' || c)::uuid, name, 'c' || k || '@customer' || c || '.example',
       '+3460' || lpad(k::text, 7, '0'), ${localeOf('c')}, $3::timestamptz - interval '800 days', lower(name)
     from n`,
    [c0 * CONTACTS_PER_CUSTOMER, c1 * CONTACTS_PER_CUSTOMER, r.anchor],
  );
  await c.query(
    `insert into contact_identities (id, contact_id, kind, value, created_at)
     select gen_random_uuid(), id, x.kind, x.value, created_at from contacts,
       lateral (values ('email', email), ('phone', phone)) as x(kind, value)
     where customer_id in (select md5('sb-cust-' || c)::uuid from generate_series($1::int, $2::int - 1) as g(c))`,
    [c0, c1],
  );
  for (let from = r.from; from < r.to; from += r.chunk) {
    await insertIncidents(c, from, Math.min(r.to, from + r.chunk), r.anchor);
    progress(Math.min(r.to, from + r.chunk) - r.from);
  }
}

const problemParams = () => {
  const byLocale = LOCALES.map((l) => PROBLEMS.filter((p) => p.locale === l));
  const ordered = byLocale.flat();
  const starts = byLocale.map((_, i) => 1 + byLocale.slice(0, i).reduce((n, ps) => n + ps.length, 0));
  const fus = LOCALES.flatMap((l) => FOLLOW_UPS[l]);
  const fstarts = LOCALES.map((_, i) => 1 + LOCALES.slice(0, i).reduce((n, l) => n + FOLLOW_UPS[l].length, 0));
  return {
    subjects: ordered.map((p) => p.subject),
    bodies: ordered.map((p) => p.body),
    agains: ordered.map((p) => p.again),
    departments: ordered.map((p) => p.department),
    priorities: ordered.map((p) => p.priority),
    starts,
    counts: byLocale.map((ps) => ps.length),
    fus,
    fstarts,
    fcounts: LOCALES.map((l) => FOLLOW_UPS[l].length),
  };
};

async function insertIncidents(c: pg.Client, from: number, to: number, anchor: Date): Promise<void> {
  const t = problemParams();
  await c.query(
    `with b as (
       select i, i / ${INCIDENTS_PER_CUSTOMER} as c, random() as r_age, random() as r_msgs, random() as r_status, random() as r_sub, random() as r_tpl,
         random() as r_ch, random() as r_pr, random() as r_gap, random() as r_asg, random() as r_tech, random() as r_fu, random() as r_m2,
         random() as r_off, random() as r_wait
       from generate_series($1::int, $2::int - 1) as g(i)),
     p as (
       select b.*, b.c * ${CONTACTS_PER_CUSTOMER} + (case when b.i % 3 = 0 then 1 else 0 end) as k,
         array_position(array['es', 'en', 'ro'], ${localeOf('b.c')}) as loc, b.r_age * ${DAYS} as age_days,
         $3::timestamptz - b.r_age * ${DAYS} * interval '1 day' as created_at,
         case when b.r_msgs < 0.55 then 1 when b.r_msgs < 0.85 then 2 else 3 end as msgs
       from b),
     q0 as (
       select p.*, ($6::int[])[p.loc] + floor(p.r_tpl * ($7::int[])[p.loc])::int as t,
         ($9::int[])[p.loc] + floor(p.r_fu * ($10::int[])[p.loc])::int as f,
         least($3::timestamptz, p.created_at + (p.msgs - 1) * p.r_gap * interval '36 hours') as last_at,
         (p.age_days < 14 and p.r_status < 0.8) or (p.age_days >= 14 and p.r_status < 0.12) as is_open
       from p),
     q as (
       select q0.*, ($11::text[])[q0.t] as dept, array_position(${sqlArray(TECHNICAL)}, ($11::text[])[q0.t]) - 1 as tidx,
         case when q0.is_open then (case when q0.r_sub < 0.3 then 'new' when q0.r_sub < 0.8 then 'open' else 'pending' end)
           else (case when q0.r_sub < 0.3 then 'resolved' else 'closed' end) end as status,
         case when ($12::text[])[q0.t] <> 'normal' then ($12::text[])[q0.t] when q0.r_pr < 0.12 then 'high' when q0.r_pr < 0.3 then 'low' else 'normal' end as priority,
         case when q0.r_ch < 0.35 then 'email' when q0.r_ch < 0.6 then 'webform' when q0.r_ch < 0.8 then 'phone' when q0.r_ch < 0.92 then 'whatsapp' else 'sms' end as channel,
         ${fillSql('($4::text[])[q0.t]')} as m1,
         case when q0.r_m2 < 0.5 then ${fillSql('($5::text[])[q0.t]')} else ($8::text[])[q0.f] end as m2,
         ($8::text[])[($9::int[])[q0.loc] + (q0.f - ($9::int[])[q0.loc] + 1) % ($10::int[])[q0.loc]] as m3
       from q0),
     qa as (
       select q.*, case when not q.is_open and q.tidx is not null and q.r_asg < 0.85
           then md5('sb-tech-' || (q.tidx * ${TECHNICIANS_PER_DEPARTMENT} + floor(q.r_tech * ${TECHNICIANS_PER_DEPARTMENT})::int))::uuid end as tech
       from q),
     inc as (
       insert into incidents (id, reference, subject, status, priority, department_id, assignee_id, assignment_id, assignment_status, contact_id, customer_id, channel_kind,
         created_at, updated_at, last_message_at, last_message_preview, message_count, version)
       select md5('sb-inc-' || q.i)::uuid, 'SB-' || nextval('incident_reference_seq'), ($13::text[])[q.t], q.status, q.priority,
         case when q.status = 'new' and q.r_sub < 0.15 then null else md5('sb-dept-' || q.dept)::uuid end,
         q.tech, case when q.tech is not null then md5('sb-offer-' || q.i || '-2')::uuid end, case when q.tech is not null then 'confirmed' end,
         md5('sb-contact-' || q.k)::uuid, md5('sb-cust-' || q.c)::uuid, q.channel,
         q.created_at, case when q.is_open then q.last_at else least($3::timestamptz, q.last_at + q.r_gap * interval '3 days') end, q.last_at,
         left(regexp_replace(case q.msgs when 1 then q.m1 when 2 then q.m2 else q.m3 end, '\\s+', ' ', 'g'), 160), q.msgs, 1 + q.msgs
       from qa as q returning id),
     -- The offer history of a closed incident a technician did: confirmed (round 1), or 12% of the time after
     -- an offer to a colleague of the same department that was declined or left to expire (rounds 1 and 2).
     off as (
       insert into assignment_offers (id, incident_id, technician_id, status, round, reasons, offered_at, expires_at, answered_at, via)
       select md5('sb-offer-' || q.i || '-' || o.n)::uuid, md5('sb-inc-' || q.i)::uuid,
         case when o.n = 2 then q.tech
           else md5('sb-tech-' || (q.tidx * ${TECHNICIANS_PER_DEPARTMENT} + (floor(q.r_tech * ${TECHNICIANS_PER_DEPARTMENT})::int + 1 + floor(q.r_wait * ${TECHNICIANS_PER_DEPARTMENT - 1})::int) % ${TECHNICIANS_PER_DEPARTMENT}))::uuid end,
         case when o.n = 2 then 'confirmed' when q.r_off < 0.06 then 'declined' else 'expired' end,
         o.n - f.first + 1, '[]'::jsonb, w.at, w.at + interval '30 minutes',
         case when o.n = 1 and q.r_off >= 0.06 then w.at + interval '30 minutes' else w.at + (1 + 25 * q.r_wait) * interval '1 minute' end,
         case when o.n = 1 and q.r_off >= 0.06 then null when q.r_ch < 0.6 then 'email-reply' else 'link' end
       from qa as q
         cross join lateral (select case when q.r_off < 0.12 then 1 else 2 end as first) as f
         cross join lateral generate_series(f.first, 2) as o(n)
         cross join lateral (select q.created_at + (5 + 55 * q.r_wait) * interval '1 minute' + (o.n - f.first) * interval '30 minutes' as at) as w
       where q.tech is not null)
     insert into messages (id, incident_id, kind, channel_kind, body, author_contact_id, created_at, sender_kind, meta, flags)
     select gen_random_uuid(), md5('sb-inc-' || q.i)::uuid, 'inbound', q.channel, case s.n when 1 then q.m1 when 2 then q.m2 else q.m3 end,
       md5('sb-contact-' || q.k)::uuid,
       case when s.n = 1 then q.created_at when s.n = q.msgs then q.last_at else q.created_at + (q.last_at - q.created_at) / 2 end,
       'customer', case when s.n = 1 and q.channel = 'email' then jsonb_build_object('subject', ($13::text[])[q.t]) end, '{}'
     from q cross join lateral generate_series(1, q.msgs) as s(n)`,
    [from, to, anchor, t.bodies, t.agains, t.starts, t.counts, t.fus, t.fstarts, t.fcounts, t.departments, t.priorities, t.subjects],
  );
}

/**
 * Who has what open now: the OPEN_ASSIGNED most recently active open/pending incidents of the technical
 * departments are offered to a technician of their department in the last two days (confirmed, or 10% an
 * offer still standing), every other open incident has no one and no offers. Run after each load, so every
 * size has the same load per technician (~3, against capacities of 4-10).
 */
export async function assignOpenIncidents(c: pg.Client, anchor: Date): Promise<void> {
  await c.query(`update incidents set assignee_id = null, assignment_id = null, assignment_status = null where status in ('new', 'open', 'pending') and assignee_id is not null`);
  await c.query(`delete from assignment_offers o using incidents i where i.id = o.incident_id and i.status in ('new', 'open', 'pending')`);
  await c.query(
    `with x as (
       select i2.id, d.tidx, random() < 0.1 as standing from incidents i2
         join (select md5('sb-dept-' || key)::uuid as id, ord - 1 as tidx from unnest(${sqlArray(TECHNICAL)}::text[]) with ordinality as u(key, ord)) d on d.id = i2.department_id
       where i2.status in ('open', 'pending') order by i2.last_message_at desc limit ${OPEN_ASSIGNED}),
     p as (
       select x.id, md5('sb-tech-' || (x.tidx * ${TECHNICIANS_PER_DEPARTMENT} + floor(random() * ${TECHNICIANS_PER_DEPARTMENT})::int))::uuid as tech,
         gen_random_uuid() as offer, x.standing, $1::timestamptz - case when x.standing then random() * interval '20 minutes' else random() * interval '48 hours' end as at
       from x),
     upd as (
       update incidents i set assignee_id = p.tech, assignment_id = p.offer, assignment_status = case when p.standing then 'pending' else 'confirmed' end
       from p where i.id = p.id)
     insert into assignment_offers (id, incident_id, technician_id, status, round, reasons, offered_at, expires_at, answered_at, via)
     select offer, id, tech, case when standing then 'offered' else 'confirmed' end, 1, '[]'::jsonb, at, at + interval '30 minutes',
       case when standing then null else at + interval '10 minutes' end, case when standing then null else 'link' end
     from p`,
    [anchor],
  );
}

export async function counts(c: pg.Client): Promise<DataCounts> {
  const { rows } = await c.query(`select
      (select count(*) from incidents)::int as incidents, (select count(*) from messages)::int as messages,
      (select count(*) from incidents where status in ('new', 'open', 'pending'))::int as "openIncidents",
      (select count(*) from customers)::int as customers, (select count(*) from contacts)::int as contacts,
      (select count(*) from users where role = 'technician')::int as technicians, (select count(*) from assignment_offers)::int as offers,
      pg_database_size(current_database())::float8 as "databaseBytes"`);
  return rows[0] as DataCounts;
}
