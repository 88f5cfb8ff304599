/**
 * WhatsApp message templates (Twilio Content API): outside WhatsApp's 24-hour window only an approved template
 * can be sent, named by its content SID (HX…) with values for its numbered placeholders ({{1}}, {{2}} …).
 * Switchboard keeps the template's text to show on the timeline what the customer received. Pure.
 */
export interface WhatsAppTemplate {
  /** How agents know it: "Visit confirmation" */
  name: string;
  /** HX + 32 hex: the approved template in Twilio */
  contentSid: string;
  /** Its language as approved (es, en, ro …) */
  language: string;
  /** Its text with the placeholders, as approved: "Hola {{1}}, el técnico llega el {{2}}." */
  body: string;
}

const PLACEHOLDER = /\{\{\s*(\d{1,2})\s*\}\}/g;

/** The placeholders of a template's text, in order: ['1', '2']. */
export function templateVariables(body: string): string[] {
  return [...new Set([...body.matchAll(PLACEHOLDER)].map((m) => m[1]!))].sort((a, b) => Number(a) - Number(b));
}

/** What is wrong with these values for this template, per placeholder (empty: nothing). */
export function templateErrors(t: WhatsAppTemplate, values: Record<string, string>): Record<string, string> {
  const errors: Record<string, string> = {};
  const wanted = templateVariables(t.body);
  for (const key of wanted) {
    const v = values[key]?.trim() ?? '';
    if (!v) errors[key] = 'required';
    else if (v.length > 1024) errors[key] = 'at most 1024 characters';
    else if (/[\n\t]| {5,}/.test(v)) errors[key] = 'no new lines, tabs or more than four spaces in a row (WhatsApp refuses them)';
  }
  for (const key of Object.keys(values)) if (!wanted.includes(key)) errors[key] = 'the template has no such placeholder';
  return errors;
}

/** The text the customer receives. */
export function renderTemplate(body: string, values: Record<string, string>): string {
  return body.replace(PLACEHOLDER, (_, key: string) => values[key]?.trim() ?? '');
}
