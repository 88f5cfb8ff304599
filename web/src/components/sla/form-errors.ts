/**
 * What an SLA editor does with its form. `useFormErrors`: what it shows of a failed save — the server's
 * field messages by input path (`place` moves them where the form's inputs are), and the sentence above
 * Save, with whatever no input stands for. `useEditorForm`: all an editor in EditorFrame needs — saving,
 * those messages, and deleting a stored one (a refusal said in words, see useRemoval).
 */
import { computed, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { useRemoval } from '../../lib/removal';
import { errorFor, errorsBesides } from '../../lib/rules';
import { useSubmission, type Outcome } from '../../lib/submission';
import { normalizeFieldPaths } from '../../lib/workload';

type Place = (fields: Record<string, string>) => Record<string, string>;

export function useFormErrors(submission: { error: Ref<string | null>; fields: Ref<Record<string, string>> }, placed: readonly string[], place: Place = (f) => f) {
  const { t } = useI18n();
  const fields = computed(() => place(normalizeFieldPaths(submission.fields.value)));
  const formError = computed(() => {
    if (Object.keys(fields.value).length === 0) return submission.error.value;
    const elsewhere = errorsBesides(fields.value, placed);
    return [t('sla.admin.invalid'), elsewhere].filter(Boolean).join(' · ');
  });
  return { fields, formError, error: (key: string) => errorFor(fields.value, key) };
}

/**
 * `save` and `remove` answer an Outcome as the store does; `removal` is the i18n prefix of the refusals
 * ('sla.admin.delete.policy'), `onDeleted` runs once it is gone. Bind `frame` on EditorFrame (v-bind), and
 * `submit` / `remove` to its events.
 */
export function useEditorForm(options: { save: () => Promise<Outcome>; placed: readonly string[]; place?: Place; remove: () => Promise<Outcome>; removal: string; onDeleted: () => void }) {
  const submission = useSubmission(options.save);
  const { fields, formError, error } = useFormErrors(submission, options.placed, options.place);
  const removal = useRemoval(options.remove, options.removal, options.onDeleted);
  const frame = computed(() => ({ error: formError.value, saving: submission.busy.value, removing: removal.busy.value, removeError: removal.error.value }));
  return { saving: submission.busy, fields, error, frame, submit: () => submission.run(), remove: () => removal.remove() };
}
