import type { DepartmentDto, UserDto } from '../contracts/api.js';
import type { Department } from './department.entity.js';
import type { User } from './user.entity.js';

export function toUserDto(user: User, departmentIds?: string[]): UserDto {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    locale: user.locale,
    departmentIds: departmentIds ?? (user.departments.isInitialized() ? user.departments.getItems().map((d) => d.id) : []),
    phone: user.phone ?? null,
  };
}

export const toDepartmentDto = (d: Department): DepartmentDto => ({ id: d.id, name: d.name, dedup: d.dedupPolicy ?? null, supervisorId: d.supervisorId ?? null, offerMinutes: d.offerMinutes });
