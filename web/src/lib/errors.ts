import { ApiRequestError } from '../api/client';

type Translate = (key: string, params?: Record<string, unknown>) => string;

/** What a 404 means on the incident screens: the incident is gone. */
export const INCIDENT_NOT_FOUND = 'errors.notFoundIncident';

/**
 * A sentence for the user: translated for network/server failures, the server's message otherwise. A 404
 * says `notFound` (an i18n key: what the screen was about, INCIDENT_NOT_FOUND), by default naming nothing.
 */
export function describeError(err: unknown, t: Translate, notFound = 'errors.notFound'): string {
  if (err instanceof ApiRequestError) {
    if (err.status === 0) return t('errors.network');
    if (err.status >= 500) return t('errors.server');
    if (err.status === 404) return t(notFound);
    if (err.status === 403) return t('errors.forbidden');
    return err.message || t('errors.generic');
  }
  return t('errors.generic');
}

/** The main sentence followed by what the server says to fix per field (when it says more than the sentence). */
export function withFieldMessages(main: string, fields: Record<string, string> | undefined): string {
  const extra = fields ? Object.values(fields).filter((m) => m && m !== main) : [];
  return [main, ...extra].join(' · ');
}

/** describeError plus the server's field messages: for a box that shows its own error next to what failed. */
export function describeErrorWithFields(err: unknown, t: Translate, notFound?: string): string {
  return withFieldMessages(describeError(err, t, notFound), err instanceof ApiRequestError ? err.fields : undefined);
}
