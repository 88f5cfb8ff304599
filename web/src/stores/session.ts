/** The signed-in agent: who it is and the CSRF token of its cookie session. */
import { reactive, readonly } from 'vue';
import type { LoginRequest, MeDto, UserDto } from '@contracts';
import { ApiRequestError, setCsrfToken } from '../api/client';
import { endpoints } from '../api/endpoints';

interface SessionState {
  user: UserDto | null;
  /** true once GET /api/auth/me has answered (either way). */
  checked: boolean;
}

const state = reactive<SessionState>({ user: null, checked: false });
let pending: Promise<UserDto | null> | null = null;

function apply(me: MeDto | null): void {
  state.user = me?.user ?? null;
  setCsrfToken(me?.csrfToken ?? null);
  state.checked = true;
}

export const session = {
  state: readonly(state),

  get user(): UserDto | null {
    return state.user;
  },

  /** Loads the session once (again after `forget`); resolves with the user or null. */
  ensure(): Promise<UserDto | null> {
    if (state.checked) return Promise.resolve(state.user);
    pending ??= endpoints
      .me()
      .then((me) => {
        apply(me);
        return state.user;
      })
      .catch((err: unknown) => {
        // 401: not signed in. Anything else (server down): treat as signed out, the login page says more.
        if (!(err instanceof ApiRequestError)) console.error(err);
        apply(null);
        return null;
      })
      .finally(() => {
        pending = null;
      });
    return pending;
  },

  async login(credentials: LoginRequest): Promise<UserDto> {
    const me = await endpoints.login(credentials);
    apply(me);
    return me.user;
  },

  async logout(): Promise<void> {
    try {
      await endpoints.logout();
    } finally {
      apply(null);
    }
  },

  /** Drop the local session (after a 401) without calling the server. */
  forget(): void {
    apply(null);
  },
};
