/**
 * A technician's SMS answer to a service order: "1" accepts, "2" declines, else the words (es/en/ro) as by
 * e-mail. The order's reference may come with it ("1 SB-1042": which order, when several await an answer). Pure.
 */
import { readTechnicianReply } from '../email/technician-reply.js';

/** An incident reference in a text ("SB-1042", "sb1042"). */
export const REFERENCE_IN_TEXT = /\bSB-?(\d+)\b/i;

export function readSmsAnswer(text: string): 'confirmed' | 'declined' | 'unclear' {
  const t = text.replace(new RegExp(REFERENCE_IN_TEXT, 'gi'), ' ').replace(/^[\s.!,:;-]+|[\s.!,:;-]+$/g, '');
  if (t === '1') return 'confirmed';
  if (t === '2') return 'declined';
  return readTechnicianReply(text).decision;
}
