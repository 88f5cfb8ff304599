import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { DepartmentPatch, Locale, Role } from '../contracts/api.js';
import type { AuditChanges } from '../audit/audit-entry.entity.js';
import { isUuid } from '../incidents/incidents.repository.js';
import { AuditService } from '../audit/audit.service.js';
import { hashPassword } from '../auth/password.js';
import { Department } from './department.entity.js';
import { User } from './user.entity.js';

export interface NewUser {
  email: string;
  name: string;
  password: string;
  role: Role;
  locale?: Locale;
  departmentIds?: string[];
  extraEmails?: string[];
  phone?: string;
}

@Injectable()
export class UsersService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<User[]> {
    return this.em.fork().find(User, { active: true }, { populate: ['departments'], orderBy: { name: 'asc' } });
  }

  count(): Promise<number> {
    return this.em.fork().count(User, {});
  }

  async findByEmail(email: string): Promise<User | null> {
    return this.em.fork().findOne(User, { email: email.toLowerCase() }, { populate: ['departments'] });
  }

  async create(input: NewUser, actor: User | null): Promise<User> {
    const em = this.em.fork();
    const email = input.email.toLowerCase();
    if (await em.count(User, { email })) throw new ConflictException(`A user with the e-mail ${email} already exists.`);
    if (input.phone && (await em.count(User, { phone: input.phone }))) throw new ConflictException(`A user with the number ${input.phone} already exists.`);
    const departments = input.departmentIds?.length ? await em.find(Department, { id: { $in: input.departmentIds } }) : [];
    if (departments.length !== (input.departmentIds?.length ?? 0)) throw new NotFoundException('One of the departments does not exist.');
    const user = em.create(User, {
      email,
      name: input.name,
      passwordHash: await hashPassword(input.password),
      role: input.role,
      locale: input.locale ?? 'es',
      extraEmails: [...new Set((input.extraEmails ?? []).map((e) => e.toLowerCase()))].filter((e) => e !== email),
      phone: input.phone ?? null,
      active: true,
      createdAt: new Date(),
    });
    user.departments.set(departments);
    this.audit.record(em, { entityType: 'user', entityId: user.id, actor, action: 'created', changes: { email: { from: null, to: email }, role: { from: null, to: input.role } } });
    await em.flush();
    return user;
  }

  listDepartments(): Promise<Department[]> {
    return this.em.fork().find(Department, {}, { orderBy: { name: 'asc' } });
  }

  async updateDepartment(id: string, patch: DepartmentPatch, actor: User): Promise<Department> {
    const em = this.em.fork();
    const dept = isUuid(id) ? await em.findOne(Department, { id }) : null;
    if (!dept) throw new NotFoundException(`No department ${id}.`);
    const changes: AuditChanges = {};
    if (patch.name !== undefined && patch.name !== dept.name) {
      if (await em.count(Department, { name: patch.name, id: { $ne: id } })) throw new ConflictException(`A department named "${patch.name}" already exists.`);
      changes.name = { from: dept.name, to: patch.name };
      dept.name = patch.name;
    }
    if (patch.dedup !== undefined && JSON.stringify(patch.dedup) !== JSON.stringify(dept.dedupPolicy ?? null)) {
      changes.dedup = { from: dept.dedupPolicy ?? null, to: patch.dedup };
      dept.dedupPolicy = patch.dedup;
    }
    if (patch.supervisorId !== undefined && patch.supervisorId !== (dept.supervisorId ?? null)) {
      if (patch.supervisorId && !(await em.count(User, { id: patch.supervisorId, active: true }))) throw new BadRequestException({ message: 'That person does not exist or is inactive.', fields: { supervisorId: 'unknown user' } });
      changes.supervisor = { from: dept.supervisorId ?? null, to: patch.supervisorId };
      dept.supervisorId = patch.supervisorId;
    }
    if (patch.offerMinutes !== undefined && patch.offerMinutes !== dept.offerMinutes) {
      changes.offerMinutes = { from: dept.offerMinutes, to: patch.offerMinutes };
      dept.offerMinutes = patch.offerMinutes;
    }
    if (Object.keys(changes).length) this.audit.record(em, { entityType: 'department', entityId: dept.id, actor, action: 'updated', changes });
    await em.flush();
    return dept;
  }

  async createDepartment(name: string, actor: User | null): Promise<Department> {
    const em = this.em.fork();
    if (await em.count(Department, { name })) throw new ConflictException(`A department named "${name}" already exists.`);
    const dept = em.create(Department, { name, createdAt: new Date() });
    this.audit.record(em, { entityType: 'department', entityId: dept.id, actor, action: 'created', changes: { name: { from: null, to: name } } });
    await em.flush();
    return dept;
  }
}
