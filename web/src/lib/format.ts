/** Dates, relative times and file sizes in the current UI language (Intl, cached per locale). */
import { computed, ref } from 'vue';
import { useI18n } from 'vue-i18n';

/** A clock that ticks every 30 s, so relative times stay current. */
export const now = ref(Date.now());
let ticking = false;
function startClock(): void {
  if (ticking || typeof window === 'undefined') return;
  ticking = true;
  setInterval(() => (now.value = Date.now()), 30_000);
}

type Formatter = Intl.RelativeTimeFormat | Intl.DateTimeFormat | Intl.NumberFormat;
const cache = new Map<string, Formatter>();
function cached<T extends Formatter>(key: string, make: () => T): T {
  let value = cache.get(key) as T | undefined;
  if (!value) cache.set(key, (value = make()));
  return value;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

export function formatRelative(iso: string, locale: string, nowMs: number): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return '';
  const rtf = cached(`rel:${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' }));
  const seconds = Math.round((time - nowMs) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return rtf.format(0, 'second');
  for (const [unit, size] of UNITS) {
    if (abs >= size * (unit === 'minute' ? 0.75 : 1)) return rtf.format(Math.round(seconds / size), unit);
  }
  return rtf.format(Math.round(seconds / 60), 'minute');
}

export function formatDateTime(iso: string, locale: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return '';
  const dtf = cached(`dt:${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }));
  return dtf.format(time);
}

export function formatTime(iso: string, locale: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return '';
  const dtf = cached(`t:${locale}`, () => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }));
  return dtf.format(time);
}

const SIZE_UNITS: [Intl.NumberFormatOptions['unit'], number][] = [
  ['gigabyte', 1024 ** 3],
  ['megabyte', 1024 ** 2],
  ['kilobyte', 1024],
];

/** A file size for people: 512 B, 1.5 kB, 3.4 MB (binary multiples, as file managers show them). */
export function formatSize(bytes: number, locale: string): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  for (const [unit, size] of SIZE_UNITS) {
    if (bytes >= size) {
      const value = bytes / size;
      const nf = cached(`size:${locale}:${unit}:${value < 10 ? 1 : 0}`, () => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: value < 10 ? 1 : 0 }));
      return nf.format(value);
    }
  }
  const nf = cached(`size:${locale}:byte`, () => new Intl.NumberFormat(locale, { style: 'unit', unit: 'byte', unitDisplay: 'narrow' }));
  return nf.format(bytes);
}

/** Locale-bound formatters for components. */
export function useFormat() {
  startClock();
  const { locale } = useI18n();
  const current = computed(() => locale.value);
  return {
    relative: (iso: string) => formatRelative(iso, current.value, now.value),
    dateTime: (iso: string) => formatDateTime(iso, current.value),
    time: (iso: string) => formatTime(iso, current.value),
    size: (bytes: number) => formatSize(bytes, current.value),
  };
}
