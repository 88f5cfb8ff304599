/**
 * Loads the demo data set through the same services the app uses (so incidents get references,
 * contacts, audit entries). Safe to run twice: it stops if the demo users already exist.
 */
import type { INestApplicationContext } from '@nestjs/common';
import type { Viewer } from '../auth/auth.decorators.js';
import { ChannelsService } from '../channels/channels.service.js';
import { IncidentsService } from '../incidents/incidents.service.js';
import { IngestService } from '../ingest/ingest.service.js';
import type { User } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';
import { DEMO_DEPARTMENTS, DEMO_PASSWORD, DEMO_REQUESTS, DEMO_USERS } from './demo-data.js';

export async function seedDemo(app: INestApplicationContext): Promise<string> {
  const users = app.get(UsersService);
  if (await users.findByEmail(DEMO_USERS[0].email)) return 'The demo data is already there; nothing done.';
  const depts = new Map<string, string>();
  for (const name of DEMO_DEPARTMENTS) {
    const existing = (await users.listDepartments()).find((d) => d.name === name);
    depts.set(name, existing?.id ?? (await users.createDepartment(name, null)).id);
  }
  const byEmail = new Map<string, User>();
  for (const u of DEMO_USERS) {
    byEmail.set(u.email, await users.create({ ...u, password: DEMO_PASSWORD, departmentIds: u.departments.map((d) => depts.get(d)!) }, null));
  }
  const channel = await app.get(ChannelsService).create({ kind: 'webform', name: 'Sitio web / Website' }, null);
  const ingest = app.get(IngestService);
  const incidents = app.get(IncidentsService);
  const asViewer = (email: string): Viewer => {
    const user = byEmail.get(email)!;
    return { user, departmentIds: [], csrfToken: '', sessionHash: '', expiresAt: new Date() };
  };
  const lucia = asViewer('lucia@demo.switchboard');
  for (const r of DEMO_REQUESTS) {
    const [result] = await ingest.receive(channel, {
      fields: { name: r.name, email: r.email, phone: r.phone, subject: r.subject, message: r.message, locale: r.locale },
      receivedAt: new Date().toISOString(),
    });
    if (!r.then || !result.reference) continue;
    const { items } = await incidents.list({ q: result.reference, limit: 1 }, lucia);
    const id = items[0].id;
    const { assignTo, department, status, priority, note } = r.then;
    await incidents.update(
      id,
      { assigneeId: assignTo ? byEmail.get(assignTo)!.id : undefined, departmentId: department ? depts.get(department) : undefined, priority },
      lucia,
    );
    if (note) await incidents.addNote(id, note.body, asViewer(note.by));
    if (status) await incidents.update(id, { status }, lucia);
  }
  return [
    `Demo data loaded: ${DEMO_USERS.length} people, ${DEMO_DEPARTMENTS.length} departments, ${DEMO_REQUESTS.length} incidents.`,
    `Log in as any of them with the password "${DEMO_PASSWORD}":`,
    ...DEMO_USERS.map((u) => `  ${u.email.padEnd(28)} ${u.role.padEnd(10)} ${u.name}`),
    `Public web form: /forms/${channel.key}`,
  ].join('\n');
}
