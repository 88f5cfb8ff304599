import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Role } from '../contracts/api.js';
import type { User } from '../users/user.entity.js';

export const PUBLIC_ROUTE = 'sb:public';
export const ROLES = 'sb:roles';

/** An intake door or login: no session needed. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);
/** Only these roles may call the route. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

/** The logged-in user and the session's CSRF token, set by the SessionGuard. */
export interface Viewer {
  user: User;
  departmentIds: string[];
  csrfToken: string;
  sessionHash: string;
  expiresAt: Date;
}

export const CurrentViewer = createParamDecorator((_: unknown, ctx: ExecutionContext): Viewer => {
  return ctx.switchToHttp().getRequest().viewer as Viewer;
});
