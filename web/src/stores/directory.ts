/** Reference data for pickers: users (assignees), departments and SLA policies. */
import { reactive } from 'vue';
import type { DepartmentDto, SlaPolicyDto, UserDto } from '@contracts';
import { endpoints } from '../api/endpoints';
import { listPolicies } from '../api/sla';

const state = reactive({
  users: [] as UserDto[],
  departments: [] as DepartmentDto[],
  /** Empty for technicians (they do not pick a policy; the server does not list them). */
  slaPolicies: [] as SlaPolicyDto[],
  loaded: false,
});
let pending: Promise<void> | null = null;

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

export const directory = {
  state,

  load(force = false): Promise<void> {
    if (state.loaded && !force) return Promise.resolve();
    pending ??= Promise.all([endpoints.users(), endpoints.departments(), listPolicies().catch(() => [] as SlaPolicyDto[])])
      .then(([users, departments, policies]) => {
        state.users = [...users].sort(byName);
        state.departments = [...departments].sort(byName);
        state.slaPolicies = [...policies].sort(byName);
        state.loaded = true;
      })
      .catch((err: unknown) => console.error('[directory] load failed', err))
      .finally(() => {
        pending = null;
      });
    return pending;
  },

  userName(id: string): string | null {
    return state.users.find((u) => u.id === id)?.name ?? null;
  },

  departmentName(id: string): string | null {
    return state.departments.find((d) => d.id === id)?.name ?? null;
  },

  reset(): void {
    state.users = [];
    state.departments = [];
    state.slaPolicies = [];
    state.loaded = false;
  },
};
