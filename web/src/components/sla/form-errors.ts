/**
 * What an SLA editor shows of a failed save: the server's field messages by input path (`place` moves
 * them where the form's inputs are), and the sentence above Save — with whatever no input stands for.
 */
import { computed, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { errorFor, errorsBesides } from '../../lib/rules';
import { normalizeFieldPaths } from '../../lib/workload';

export function useFormErrors(submission: { error: Ref<string | null>; fields: Ref<Record<string, string>> }, placed: readonly string[], place: (fields: Record<string, string>) => Record<string, string> = (f) => f) {
  const { t } = useI18n();
  const fields = computed(() => place(normalizeFieldPaths(submission.fields.value)));
  const formError = computed(() => {
    if (Object.keys(fields.value).length === 0) return submission.error.value;
    const elsewhere = errorsBesides(fields.value, placed);
    return [t('sla.admin.invalid'), elsewhere].filter(Boolean).join(' · ');
  });
  return { fields, formError, error: (key: string) => errorFor(fields.value, key) };
}
