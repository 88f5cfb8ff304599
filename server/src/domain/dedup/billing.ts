/** Is a request about money or paper (a bill, a quote, a contract), not a fault? Pure. */
import { BILLING, GRATITUDE, RESOLVED, TODAYS_JOB, VISITOR, WORK } from './vocabulary.js';
import { EQUIPMENT } from './equipment.js';
import { conceptsIn, says, wordsOf, type Words } from './match.js';

/**
 * About money or paper: a bill word up front (the subject, the first 100 characters), or anywhere when no
 * fault is described (a fault report may mention its contract further down). Not when the subject names
 * equipment and the message is about today's call-out: a purchase-order number "for the invoice" of this
 * morning's job is paperwork of that job, not a billing request.
 */
export function isBilling(text: string, all: Words, symptoms: Set<string>, clauses: Words[]): boolean {
  // A thank-you for the work that also asks for the invoice is about the job: only a message about money alone is a bill.
  const lines = text.trim().split('\n');
  // A subject about the bill ("Factura noviembre") is a bill, however thankful the message.
  if (lines.length > 1 && says(wordsOf(lines[0]!), BILLING)) return true;
  const rest = clauses.filter((w) => !says(w, BILLING));
  const aboutTheWork = (w: Words) => says(w, RESOLVED) || says(w, VISITOR) || says(w, WORK) || conceptsIn(w, EQUIPMENT).size > 0;
  if (says(all, BILLING) && rest.some((w) => says(w, GRATITUDE)) && rest.some(aboutTheWork)) return false;
  const head = text.trim().slice(0, 100);
  if (says(wordsOf(head), BILLING)) return true;
  if (!says(all, BILLING) || symptoms.size > 0) return false;
  const subject = wordsOf(text.trim().split('\n')[0] ?? '');
  return !(conceptsIn(subject, EQUIPMENT).size > 0 && says(all, TODAYS_JOB));
}
