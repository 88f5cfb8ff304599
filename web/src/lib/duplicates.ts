/**
 * How duplicate detection explains itself, in the agent's language: the server's reasons are short
 * English phrases with details in brackets ("same equipment (boiler)"); the phrase is translated, the
 * details are kept.
 */
type Translate = (key: string, params?: Record<string, unknown>) => string;

const REASONS: Record<string, string> = {
  'same equipment': 'sameEquipment',
  'related equipment': 'relatedEquipment',
  'a follow-up naming no equipment': 'followUp',
  'same symptom': 'sameSymptom',
  'same sender': 'sameSender',
  'same customer': 'sameCustomer',
  'same site': 'sameSite',
  'same unit': 'sameUnit',
  'another site': 'anotherSite',
  'another unit': 'anotherUnit',
  'says it was reported before': 'reportedBefore',
  'brings up another problem': 'anotherProblem',
  'similar wording': 'similarWording',
};

export function reasonLabel(reason: string, t: Translate): string {
  const m = /^(.*?)(?: \((.*)\))?$/.exec(reason);
  const key = m ? REASONS[m[1]!] : undefined;
  if (!key) return reason;
  const label = t(`duplicates.reason.${key}`);
  return m![2] ? `${label} (${m![2]})` : label;
}

/** 0.523 -> "52 %" style, as the locale writes percentages. */
export function scoreLabel(score: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(score);
}
