/**
 * Deleting a policy or calendar from its editor: the server refuses (409) what is still used and says what
 * uses it (`inUse`); that is said here in the user's language.
 */
import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { ApiRequestError } from '../../api/client';
import { describeError } from '../../lib/errors';
import { slaAdmin } from '../../stores/sla-admin';

export function useRemoval(kind: 'policy' | 'calendar', onDeleted: () => void) {
  const { t } = useI18n();
  const busy = ref(false);
  const error = ref<string | null>(null);

  function inUse(err: unknown): string | null {
    if (!(err instanceof ApiRequestError) || err.status !== 409 || !err.body.inUse) return null;
    const u = err.body.inUse;
    const parts = [
      u.incidents ? t('sla.admin.delete.usedByIncidents', { n: u.incidents }, u.incidents) : null,
      u.rules?.length ? t('sla.admin.delete.usedByRules', { names: u.rules.join(', ') }) : null,
      u.policies?.length ? t('sla.admin.delete.usedByPolicies', { names: u.policies.join(', ') }) : null,
    ].filter(Boolean);
    return `${t(`sla.admin.delete.inUse.${kind}`)} ${parts.join(' · ')}`;
  }

  async function remove(id: string): Promise<void> {
    if (busy.value) return;
    busy.value = true;
    error.value = null;
    const outcome = await slaAdmin.remove(kind, id);
    busy.value = false;
    if (outcome.ok) onDeleted();
    else error.value = inUse(outcome.error) ?? describeError(outcome.error, t);
  }

  return { busy, error, remove };
}
