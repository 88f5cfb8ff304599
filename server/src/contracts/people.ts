/** Customers, their contacts, and the identities a contact is recognised by. */
import type { ContactDto, UserRefDto } from './api.js';

export interface CustomerDto {
  id: string;
  name: string;
  /** Where its sites are, for routing ("north", "Madrid-centro"). */
  zone: string | null;
  /** The customer's branch or line of business, for routing. */
  branch: string | null;
  contactCount: number;
  createdAt: string;
}

/** POST /api/customers, PATCH /api/customers/{id} */
export interface CustomerInput {
  name?: string;
  zone?: string | null;
  branch?: string | null;
}

export type IdentityKind = 'email' | 'phone';

export interface IdentityDto {
  id: string;
  kind: IdentityKind;
  /** lower-case address, or E.164 number */
  value: string;
  /** The contact's primary address or number (what replies go to). */
  primary: boolean;
  createdAt: string;
}

/** Another contact that is probably the same person, with why. */
export interface LikelySameDto {
  contact: ContactDto;
  score: number;
  reasons: string[];
}

export interface ContactMergeDto {
  id: string;
  /** The contact that was merged away (it still exists, emptied, pointing at the target). */
  source: { id: string; name: string };
  targetId: string;
  moved: { identities: number; incidents: number; messages: number; calls: number };
  by: UserRefDto | null;
  createdAt: string;
  undoneAt: string | null;
}

/** GET /api/contacts/{id} */
export interface ContactDetailDto extends ContactDto {
  locale: string | null;
  identities: IdentityDto[];
  likelySame: LikelySameDto[];
  /** Merges into this contact, newest first (an undone one stays listed). */
  merges: ContactMergeDto[];
  /** Set when this contact was merged into another: look there. */
  mergedInto: { id: string; name: string } | null;
  openIncidents: number;
  createdAt: string;
}

/** PATCH /api/contacts/{id}; customerId null detaches. */
export interface ContactPatch {
  name?: string;
  customerId?: string | null;
  locale?: string | null;
}

/** POST /api/contacts/{id}/identities: the value is normalised (phones read in the default country). */
export interface IdentityInput {
  kind: IdentityKind;
  value: string;
}

/** POST /api/contacts/{id}/merge: the other contact moves into this one. */
export interface ContactMergeRequest {
  sourceId: string;
}
