/**
 * How an input of the admin forms shows the server's message for it: marked invalid, and pointing (with
 * its hint, if it has one) to the message under it. FieldCell binds these for one labelled input; the rule
 * editor's rows, whose messages come keyed by input ("tags", "in"), take them from `useInputErrors`.
 */
import { useId } from 'vue';
import { errorFor } from './rules';

/** What goes on the input: `class` merges with its own classes. */
export function invalidMarks(error: string | null | undefined, errorId: string, hint?: string) {
  return {
    class: { invalid: !!error },
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': describedBy(error, errorId, hint),
  };
}

/** The hint's id and the message's id (while there is one), as aria-describedby wants them; none: undefined. */
export function describedBy(error: string | null | undefined, errorId: string, hint?: string): string | undefined {
  return [hint, error ? errorId : undefined].filter(Boolean).join(' ') || undefined;
}

/** For a part with several inputs: `errors()` are its messages by input key; ids are unique to the part. */
export function useInputErrors(errors: () => Record<string, string>) {
  const id = useId();
  const error = (key: string) => errorFor(errors(), key);
  const errId = (key: string) => `${id}-err-${key}`;
  return {
    id,
    error,
    errId,
    /** aria-describedby alone, for an input that is not marked invalid itself. */
    described: (key: string, hint?: string) => describedBy(error(key), errId(key), hint),
    marks: (key: string, hint?: string) => invalidMarks(error(key), errId(key), hint),
  };
}
