/** A technician's SMS answer to a service order: "1" accepts, "2" declines, else the words (es/en/ro) as by e-mail. Pure. */
import { readTechnicianReply } from '../email/technician-reply.js';

export function readSmsAnswer(text: string): 'confirmed' | 'declined' | 'unclear' {
  const t = text.trim().replace(/[.!]+$/, '');
  if (t === '1') return 'confirmed';
  if (t === '2') return 'declined';
  return readTechnicianReply(text).decision;
}
