/** What a call says on the timeline and in the inbox list, in the contact's language (es/en/ro). Pure. */
import { otherParty, type CallDto, type Locale } from '../contracts/api.js';

const minutes = (s: number | null) => (s === null ? '' : ` (${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')})`);

type Line = 'answered' | 'missed' | 'busy' | 'failed';
interface Texts {
  in: Record<Line, string>;
  out: Record<Line, string>;
  unknown: string;
  subject: { callBack: string; in: string; out: string };
}

const TEXT: Record<Locale, Texts> = {
  es: {
    in: { answered: 'Llamada de {n}', missed: 'Llamada perdida de {n}', busy: 'Llamada de {n}: líneas ocupadas', failed: 'Llamada de {n}: fallida' },
    out: { answered: 'Llamada a {n}', missed: 'Llamada a {n} sin respuesta', busy: 'Llamada a {n}: ocupado', failed: 'Llamada a {n}: fallida' },
    unknown: 'número oculto',
    subject: { callBack: 'Llamada perdida: devolver la llamada a {n}', in: 'Llamada de {n}', out: 'Llamada a {n}' },
  },
  en: {
    in: { answered: 'Call from {n}', missed: 'Missed call from {n}', busy: 'Call from {n}: all lines busy', failed: 'Call from {n}: failed' },
    out: { answered: 'Call to {n}', missed: 'Call to {n}, not answered', busy: 'Call to {n}: busy', failed: 'Call to {n}: failed' },
    unknown: 'withheld number',
    subject: { callBack: 'Missed call: call back {n}', in: 'Call from {n}', out: 'Call to {n}' },
  },
  ro: {
    in: { answered: 'Apel de la {n}', missed: 'Apel pierdut de la {n}', busy: 'Apel de la {n}: toate liniile ocupate', failed: 'Apel de la {n}: eșuat' },
    out: { answered: 'Apel către {n}', missed: 'Apel către {n}, fără răspuns', busy: 'Apel către {n}: ocupat', failed: 'Apel către {n}: eșuat' },
    unknown: 'număr ascuns',
    subject: { callBack: 'Apel pierdut: sunați înapoi la {n}', in: 'Apel de la {n}', out: 'Apel către {n}' },
  },
};

/** An inbound call nobody took (rang out, the caller gave up, all lines busy, it failed): someone should call back. */
export const needsCallBack = (c: Pick<CallDto, 'direction' | 'outcome'>) => c.direction === 'in' && (c.outcome === 'missed' || c.outcome === 'busy' || c.outcome === 'failed');

export function callBody(locale: Locale, c: CallDto, notes?: string | null): string {
  const t = TEXT[locale];
  const line: Line = c.outcome === 'busy' || c.outcome === 'failed' || c.outcome === 'missed' ? c.outcome : 'answered';
  const text = t[c.direction][line].replace('{n}', otherParty(c) ?? t.unknown) + (c.outcome === 'answered' ? minutes(c.talkSeconds) : '');
  return notes ? `${text}\n\n${notes}` : text;
}

export function callSubject(locale: Locale, c: CallDto): string {
  const t = TEXT[locale];
  return (needsCallBack(c) ? t.subject.callBack : t.subject[c.direction]).replace('{n}', otherParty(c) ?? t.unknown);
}
