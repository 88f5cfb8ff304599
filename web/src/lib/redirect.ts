import type { RouteLocationNormalizedLoaded } from 'vue-router';

/** Where to go after signing in: the `redirect` query when it is a local path, else the inbox. */
export function safeRedirect(route: Pick<RouteLocationNormalizedLoaded, 'query'>): string {
  const target = typeof route.query.redirect === 'string' ? route.query.redirect : '/';
  return target.startsWith('/') && !target.startsWith('//') && !target.startsWith('/login') ? target : '/';
}
