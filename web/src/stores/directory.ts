/** Reference data for pickers: users (assignees) and departments. */
import { reactive } from 'vue';
import type { DepartmentDto, UserDto } from '@contracts';
import { endpoints } from '../api/endpoints';

const state = reactive({
  users: [] as UserDto[],
  departments: [] as DepartmentDto[],
  loaded: false,
});
let pending: Promise<void> | null = null;

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

export const directory = {
  state,

  load(force = false): Promise<void> {
    if (state.loaded && !force) return Promise.resolve();
    pending ??= Promise.all([endpoints.users(), endpoints.departments()])
      .then(([users, departments]) => {
        state.users = [...users].sort(byName);
        state.departments = [...departments].sort(byName);
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
    state.loaded = false;
  },
};
