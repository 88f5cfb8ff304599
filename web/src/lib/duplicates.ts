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
  'another customer': 'anotherCustomer',
  'outside the window': 'outsideWindow',
  'a bill or quote, not a fault': 'billNotFault',
  'a fault, not a bill or quote': 'faultNotBill',
  'other equipment': 'otherEquipment',
  'other equipment on one supply': 'sharedSupply',
  'a power cut and what it stopped': 'powerCut',
  'another customer at the same address, other equipment': 'neighbourOtherEquipment',
  'asks after the booked visit': 'asksBookedVisit',
  'both say it does not work': 'bothNotWorking',
  'same service address': 'sameAddress',
  'same building': 'sameBuilding',
  'another unit at the address': 'anotherUnitAtAddress',
  'another service address': 'anotherAddress',
  'same floor': 'sameFloor',
  'another floor': 'anotherFloor',
  'same staircase': 'sameStaircase',
  'another staircase': 'anotherStaircase',
  'another building': 'anotherBuilding',
  'same room': 'sameRoom',
  'another room': 'anotherRoom',
  'another unit of the equipment': 'anotherEquipmentUnit',
  'the same equipment again': 'sameEquipmentAgain',
  'the same equipment within hours': 'sameEquipmentWithinHours',
  'says it works': 'saysItWorks',
  'a fault after a reported fix': 'faultAfterFix',
  'another occupant, not the building’s equipment': 'anotherOccupant',
  'the only open incident': 'onlyOpen',
  'the only open incident with a visit booked': 'onlyBooked',
  'the only recently active incident': 'onlyRecent',
  'several open incidents': 'severalOpen',
  'another open incident fits as well': 'fitsAlike',
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
