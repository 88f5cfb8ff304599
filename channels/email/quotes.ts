/**
 * The text a person actually wrote in a reply, without the quoted history under it.
 *
 * email-reply-parser (crisp-oss) does the heavy lifting: `>`-quoted blocks, signatures, and the quote
 * headers it knows. It does not know Romanian, Outlook's localised header blocks or Thunderbird's short
 * dates, and its pattern list cannot be configured through its public entry point (the list is a private,
 * process-wide singleton), so this module extends it with a first pass of its own:
 *
 * - an attribution line ("On ... wrote:", "El ... escribió:", "În/Pe ... a scris:", possibly wrapped
 *   over up to three lines by the client): when `>`-quoted lines follow, only the attribution is removed
 *   and the library drops the quoted lines, so answers written between quoted lines survive; otherwise
 *   (an HTML reply turned to text without `>`), everything from the attribution down is cut;
 * - a header block (From:/De:/De la: followed by Sent:/Enviado:/Trimis:/To:/Para:/Către: ...) and the
 *   separators before it (Outlook's underscore line, "-----Original Message-----" and its translations):
 *   cut there, since Outlook does not mark the quoted text any other way;
 * - a mobile signature line ("Sent from my iPhone", "Enviado desde mi ...", "Trimis de pe ..."): cut there.
 *
 * A forwarded message is not a quote: nothing at or below a "Forwarded message" separator is cut, and a
 * message whose subject starts with Fwd:/FW:/RV: is returned whole, since what was forwarded is the content.
 */
import EmailReplyParser from 'email-reply-parser';

export interface VisibleReplyOptions {
  /** The subject, to recognise forwards (which are returned whole). */
  subject?: string;
}

const ATTRIBUTION_END = /\b(wrote|escribi[óo]|a scris)\s*:$/i;
const ATTRIBUTION = [
  /^on\s.{4,300}\bwrote\s*:$/i, // On Fri, Nov 20, 2026 at 9:14 AM X <x@y> wrote: | On 11/20/26 9:14 AM, X wrote:
  /^el\s.{4,300}\bescribi[óo]\s*:$/i, // El vie, 20 nov 2026 a las 9:14, X (<x@y>) escribió: | El 20/11/26 a las 9:14, X escribió:
  /^(în|in|pe|la)\s.{4,300}\ba scris\s*:$/i, // În vin., 20 nov. 2026 la 09:14, X a scris: | Pe 20.11.2026 09:14, X a scris:
  // Without a leading word, only with an address or a time in it: "X <x@y> wrote:", "2026-11-20 9:14 GMT+01:00 X escribió:"
  /^.{0,300}(<[^<>\s]+@[^<>\s]+>|\b\d{1,2}[:.]\d{2}\b).{0,200}\b(wrote|escribi[óo]|a scris)\s*:$/i,
];
const HEADER_FROM = /^\*?(from|de|de la|von)\s*:\*?\s*\S/i;
const HEADER_OTHER = /^\*?(sent|date|to|cc|subject|enviado(\s+el)?|fecha|para|asunto|trimis|data|dată|către|catre|subiect)\s*:/i;
const SEPARATOR = /^(_{10,}|-{2,}\s*(original message|mensaje original|mesaj(ul)? original[ăa]?|mesaj inițial|mesaj initial)\s*-{2,})$/i;
const FORWARD_SEPARATOR = /^(-{2,}\s*(forwarded message|mensaje reenviado|mesaj redirec[țţt]ionat)\s*-*|(begin forwarded message|inicio del mensaje reenviado|[îi]nceputul mesajului redirec[țţt]ionat)\s*:)$/i;
const MOBILE_SIGNATURE = /^(sent from my .{1,40}|enviado desde mi .{1,40}|trimis de pe .{1,40}|get outlook for .{1,30}|obtener outlook para .{1,30}|desc[ăa]rca[țţt]i outlook pentru .{1,30})$/i;
const FORWARD_SUBJECT = /^\s*(fwd?|fw|rv|reenv)\s*:/i;

/** Only this much of a message is searched (a reply sits at the top); the rest stays in the full text. */
export const MAX_SCANNED_CHARS = 256 * 1024;
/** Longer lines are never quote headers, and the library's patterns backtrack badly on them. */
const MAX_HEADER_LINE = 1000;

/** The visible reply text; '' when the message is only quoted history. */
export function visibleReplyText(text: string, opts: VisibleReplyOptions = {}): string {
  const normalised = text.slice(0, MAX_SCANNED_CHARS).replace(/\r\n?/g, '\n').replace(/[\uFEFF\u200B\uE000\uE001]/g, '');
  if (opts.subject && FORWARD_SUBJECT.test(opts.subject)) return tidy(normalised);
  const head = cutOwnPatterns(normalised.split('\n'));
  // Long lines go through the library as short placeholders (its regexes are quadratic on them) and come back after.
  const long: string[] = [];
  const guarded = head
    .split('\n')
    .map((l) => (l.length > MAX_HEADER_LINE ? `\uE000${long.push(l) - 1}\uE001` : l))
    .join('\n');
  const visible = new EmailReplyParser().read(guarded).getVisibleText();
  return tidy(visible.replace(/\uE000(\d+)\uE001/g, (_, i: string) => long[Number(i)]));
}

function cutOwnPatterns(lines: string[]): string {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line || line.length > MAX_HEADER_LINE) continue;
    if (FORWARD_SEPARATOR.test(line)) break; // what follows was forwarded on purpose
    if (MOBILE_SIGNATURE.test(line) || SEPARATOR.test(line) || isHeaderBlock(lines, i)) return lines.slice(0, i).join('\n');
    const attribution = attributionLength(lines, i);
    if (attribution > 0) {
      const next = lines.slice(i + attribution).find((l) => l.trim() !== '');
      if (next === undefined || !next.trimStart().startsWith('>')) return lines.slice(0, i).join('\n');
      lines = [...lines.slice(0, i), ...lines.slice(i + attribution)];
      i--;
    }
  }
  return lines.join('\n');
}

/** How many lines (1 to 3) starting at i form an attribution line; 0 when none. */
function attributionLength(lines: string[], i: number): number {
  if (lines[i].trimStart().startsWith('>')) return 0; // quoted already: the library handles it
  let joined = '';
  for (let k = 0; k < 3 && i + k < lines.length; k++) {
    const part = lines[i + k].trim();
    if (!part) return 0;
    joined = joined ? `${joined}${joined.endsWith('<') || joined.endsWith('(<') ? '' : ' '}${part}` : part;
    if (ATTRIBUTION_END.test(joined)) return ATTRIBUTION.some((re) => re.test(joined)) ? k + 1 : 0;
  }
  return 0;
}

/** A From/De/De la line followed, within the next few lines, by another header of the block. */
function isHeaderBlock(lines: string[], i: number): boolean {
  if (!HEADER_FROM.test(lines[i].trim())) return false;
  const following = lines.slice(i + 1, i + 6).map((l) => l.trim()).filter(Boolean).slice(0, 3);
  return following.some((l) => HEADER_OTHER.test(l));
}

function tidy(text: string): string {
  return text
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
