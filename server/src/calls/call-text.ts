/** What a call says on the timeline and in the inbox list, in the contact's language (es/en/ro). Pure. */
import { otherParty, type CallDto, type Locale } from '../contracts/api.js';

const minutes = (s: number | null) => (s === null ? '' : ` (${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')})`);

const TEXT: Record<Locale, { missed: string; inbound: string; outbound: string; unanswered: string; busy: string; failed: string; unknown: string; subjectMissed: string; subjectCall: string }> = {
  es: {
    missed: 'Llamada perdida de {n}',
    inbound: 'Llamada de {n}',
    outbound: 'Llamada a {n}',
    unanswered: 'Llamada a {n} sin respuesta',
    busy: 'Llamada a {n}: ocupado',
    failed: 'Llamada con {n}: fallida',
    unknown: 'número oculto',
    subjectMissed: 'Llamada perdida: devolver la llamada a {n}',
    subjectCall: 'Llamada de {n}',
  },
  en: {
    missed: 'Missed call from {n}',
    inbound: 'Call from {n}',
    outbound: 'Call to {n}',
    unanswered: 'Call to {n}, not answered',
    busy: 'Call to {n}: busy',
    failed: 'Call with {n}: failed',
    unknown: 'withheld number',
    subjectMissed: 'Missed call: call back {n}',
    subjectCall: 'Call from {n}',
  },
  ro: {
    missed: 'Apel pierdut de la {n}',
    inbound: 'Apel de la {n}',
    outbound: 'Apel către {n}',
    unanswered: 'Apel către {n}, fără răspuns',
    busy: 'Apel către {n}: ocupat',
    failed: 'Apel cu {n}: eșuat',
    unknown: 'număr ascuns',
    subjectMissed: 'Apel pierdut: sunați înapoi la {n}',
    subjectCall: 'Apel de la {n}',
  },
};

export function callBody(locale: Locale, c: CallDto, notes?: string | null): string {
  const t = TEXT[locale];
  const n = otherParty(c) ?? t.unknown;
  const line =
    c.outcome === 'busy'
      ? t.busy
      : c.outcome === 'failed'
        ? t.failed
        : c.outcome === 'missed'
          ? c.direction === 'in'
            ? t.missed
            : t.unanswered
          : c.direction === 'in'
            ? t.inbound
            : t.outbound;
  const text = line.replace('{n}', n) + (c.outcome === 'answered' ? minutes(c.talkSeconds) : '');
  return notes ? `${text}\n\n${notes}` : text;
}

export function callSubject(locale: Locale, c: CallDto): string {
  const t = TEXT[locale];
  return (c.outcome === 'missed' ? t.subjectMissed : t.subjectCall).replace('{n}', otherParty(c) ?? t.unknown);
}
