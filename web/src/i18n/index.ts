/**
 * vue-i18n setup. The language defaults to the browser's (navigator.language) and the agent's
 * choice is remembered in localStorage.
 */
import { createI18n } from 'vue-i18n';
import { LOCALES, type Locale } from '@contracts';
import en from './en';
import es from './es';
import ro from './ro';

export const STORAGE_KEY = 'switchboard.locale';
export const FALLBACK_LOCALE: Locale = 'en';

export const messages = { en, es, ro } satisfies Record<Locale, typeof en>;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

function stored(): string | null {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

/** The remembered choice, else the first browser language we speak, else English. */
export function detectLocale(): Locale {
  const saved = stored();
  if (isLocale(saved)) return saved;
  const nav = globalThis.navigator;
  const wanted = [...(nav?.languages ?? []), nav?.language].filter((l): l is string => typeof l === 'string');
  for (const tag of wanted) {
    const base = tag.toLowerCase().split(/[-_]/)[0];
    if (isLocale(base)) return base;
  }
  return FALLBACK_LOCALE;
}

export const i18n = createI18n({
  legacy: false,
  globalInjection: true,
  locale: detectLocale(),
  fallbackLocale: FALLBACK_LOCALE,
  messages,
});

function applyToDocument(locale: Locale): void {
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}
applyToDocument(i18n.global.locale.value as Locale);

export function currentLocale(): Locale {
  return i18n.global.locale.value as Locale;
}

export function setLocale(locale: Locale): void {
  if (!isLocale(locale)) return;
  i18n.global.locale.value = locale;
  applyToDocument(locale);
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
}
