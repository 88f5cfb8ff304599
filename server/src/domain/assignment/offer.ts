/**
 * An offer of a job to one technician, as a tiny state machine: an offer is either still open ('offered')
 * or settled for good. And when an unanswered offer lapses, counted in business time when the desk says
 * so (an offer made at 17:55 with 30 minutes to answer should not expire overnight). Pure.
 */
import { addBusinessMinutes, type BusinessCalendar } from '../sla/index.js';

export const OFFER_STATUSES = ['offered', 'confirmed', 'declined', 'expired', 'withdrawn'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];
export type OfferEvent = 'confirm' | 'decline' | 'expire' | 'withdraw';

/** What each event does to an open offer. Only 'offered' moves; every other status is final. */
const OUTCOME: Readonly<Record<OfferEvent, OfferStatus>> = { confirm: 'confirmed', decline: 'declined', expire: 'expired', withdraw: 'withdrawn' };

export class OfferTransitionError extends Error {
  constructor(
    readonly from: OfferStatus,
    readonly event: OfferEvent,
  ) {
    super(
      Object.hasOwn(OUTCOME, event)
        ? `An offer that is "${from}" cannot be told to ${event}: only an open ("offered") offer can be confirmed, declined, expired or withdrawn.`
        : `"${event}" is not an offer event; use confirm, decline, expire or withdraw.`,
    );
  }
}

export function offerTransition(from: OfferStatus, event: OfferEvent): OfferStatus {
  if (from !== 'offered' || !Object.hasOwn(OUTCOME, event)) throw new OfferTransitionError(from, event);
  return OUTCOME[event];
}

/** When an offer made at `offeredAt` lapses: `minutes` later, counting business minutes only with a calendar. */
export function offerExpiresAt(offeredAt: Date, minutes: number, calendar?: BusinessCalendar | null): Date {
  return addBusinessMinutes(offeredAt, minutes, calendar ?? null);
}
