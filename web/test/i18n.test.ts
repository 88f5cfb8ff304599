import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import { INCIDENT_STATUSES, LOCALES, MESSAGE_FLAGS, PRIORITIES, CHANNEL_KINDS, ROLES, type AssignmentStatus, type DeliveryStatus, type SenderKind } from '@contracts';
import en from '../src/i18n/en';
import es from '../src/i18n/es';
import ro from '../src/i18n/ro';

type Tree = { [key: string]: string | Tree };
const catalogs: Record<string, Tree> = { en, es, ro };

function flatten(tree: Tree, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out[path] = value;
    else Object.assign(out, flatten(value, path));
  }
  return out;
}
const flat = Object.fromEntries(Object.entries(catalogs).map(([code, tree]) => [code, flatten(tree)]));
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  it('exist for every locale of the contract', () => {
    expect(Object.keys(catalogs).sort()).toEqual([...LOCALES].sort());
  });

  it.each(['es', 'ro'])('%s has exactly the keys of en', (code) => {
    expect(Object.keys(flat[code]!).sort()).toEqual(Object.keys(flat.en!).sort());
  });

  it.each(['en', 'es', 'ro'])('%s has no empty message', (code) => {
    for (const [key, text] of Object.entries(flat[code]!)) expect(text.trim(), key).not.toBe('');
  });

  it.each(['es', 'ro'])('%s uses the same placeholders as en', (code) => {
    for (const [key, text] of Object.entries(flat.en!)) expect(placeholders(flat[code]![key]!), key).toEqual(placeholders(text));
  });

  it('names every status, priority, channel and role of the contract', () => {
    for (const code of LOCALES) {
      const keys = flat[code]!;
      for (const d of ['queued', 'sending', 'sent', 'failed', 'bounced'] satisfies DeliveryStatus[]) expect(keys[`delivery.${d}`], `${code} delivery.${d}`).toBeTruthy();
      for (const s of ['customer', 'contact', 'technician', 'agent', 'unknown'] satisfies SenderKind[]) expect(keys[`sender.${s}`], `${code} sender.${s}`).toBeTruthy();
      for (const a of ['pending', 'confirmed', 'declined'] satisfies AssignmentStatus[]) {
        for (const key of [`assignment.${a}`, `assignment.short.${a}`, `assignment.title.${a}`]) expect(keys[key], `${code} ${key}`).toBeTruthy();
      }
      expect(Object.keys(keys).filter((k) => k.startsWith('flag.'))).toHaveLength(MESSAGE_FLAGS.length);
      for (const s of INCIDENT_STATUSES) expect(keys[`status.${s}`], `${code} status.${s}`).toBeTruthy();
      for (const p of PRIORITIES) expect(keys[`priority.${p}`], `${code} priority.${p}`).toBeTruthy();
      for (const c of CHANNEL_KINDS) expect(keys[`channel.${c}`], `${code} channel.${c}`).toBeTruthy();
      for (const r of ROLES) expect(keys[`role.${r}`], `${code} role.${r}`).toBeTruthy();
    }
  });

  it('Romanian uses comma-below ș ț, never the cedilla forms ş ţ', () => {
    const text = Object.values(flat.ro!).join('\n');
    expect(text).not.toMatch(/[şţŞŢ]/);
    expect(text).toMatch(/[ăâîșț]/);
  });

  it('every message compiles and formats in every locale', () => {
    const i18n = createI18n({ legacy: false, locale: 'en', messages: catalogs, missingWarn: false, fallbackWarn: false });
    const params = { actor: 'Ana', to: 'Bob', from: 'X', field: 'f', action: 'a', channel: 'Email', when: 'now', names: 'Bob', name: 'a.pdf', reason: 'too large', reference: 'SB-1042' };
    for (const code of LOCALES) {
      i18n.global.locale.value = code;
      for (const [key, text] of Object.entries(flat[code]!)) {
        const out = i18n.global.t(key, params);
        expect(out, `${code}:${key}`).not.toBe(key);
        expect(out.includes('{'), `${code}:${key} -> ${out}`).toBe(false);
        if (!text.includes('{')) expect(out).toBe(text);
      }
    }
  });
});
