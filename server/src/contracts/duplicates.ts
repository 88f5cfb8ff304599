/** Duplicate incidents: suggestions an agent decides, and merges (automatic or by hand) that can be undone. */
import type { UserRefDto } from './api.js';

export interface IncidentRefDto {
  id: string;
  reference: string;
  subject: string;
}

/** "SB-12 may be about the same problem as SB-9": shown on both until someone decides. */
export interface DuplicateSuggestionDto {
  id: string;
  /** The newer incident (the one that would be merged away). */
  incident: IncidentRefDto;
  /** The open incident it looks like. */
  candidate: IncidentRefDto;
  score: number;
  reasons: string[];
  status: 'open' | 'merged' | 'dismissed';
  createdAt: string;
}

export interface IncidentMergeDto {
  id: string;
  /** The incident merged away; null: a request that joined by itself (it gets an incident of its own on unmerge). */
  source: IncidentRefDto | null;
  target: IncidentRefDto;
  automatic: boolean;
  /** The duplicate score and its reasons (automatic merges, and merges from a suggestion). */
  score: number | null;
  reasons: string[];
  note: string | null;
  messages: number;
  by: UserRefDto | null;
  createdAt: string;
  undoneAt: string | null;
}

/** POST /api/incidents/{id}/merge: this incident moves into `targetId` (timelines combined, it closes). */
export interface MergeRequest {
  targetId: string;
  note?: string;
  /** When merging from a suggestion (records its score and reasons). */
  suggestionId?: string;
}

/** Per department: how duplicates are found (PATCH /api/departments/{id} { dedup }). */
export interface DedupPolicyDto {
  windowHours: number;
  joinAt: number;
  suggestAt: number;
}
