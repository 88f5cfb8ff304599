/**
 * Replies and forwards: the new part of a message, above what it quotes ("> …", "On … wrote:", "El …
 * escribió:", "În … a scris:", "-----Original Message-----", an Outlook "From: / Sent:" block). The quoted
 * part is an earlier message, often the very report the incident was opened with: it must not bring up
 * the equipment or the "also …" of that older message as if new. Pure.
 */
const plain = (line: string) => line.normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim();

const SEPARATOR = /^-{2,}\s*(?:original message|forwarded message|mensaje original|mensaje reenviado|mesaj original|mesajul original|mesaj redirectionat|mesaj transmis)\b/i;
const WROTE = /(?:wrote|escribio|ha escrito|a scris|a trimis):\s*$/i;
const WROTE_START = /^(?:on|el|pe|in|la)\s/i;
const HEADER = /^(?:from|de|sent|enviado(?: el)?|trimis|date|fecha|data|to|para|catre|subject|asunto|subiect)\s*:/i;

/** The new part of a reply or forward, or the whole text when it quotes nothing (or has nothing above the quote). */
export function newPartOf(text: string): string {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = plain(lines[i]!);
    const twoLine = i + 1 < lines.length ? `${line} ${plain(lines[i + 1]!)}` : line;
    const quoted =
      line.startsWith('>') ||
      SEPARATOR.test(line) ||
      (WROTE_START.test(line) && (WROTE.test(line) || WROTE.test(twoLine))) ||
      // An Outlook block: "From:" / "De:" then another header line.
      (/^(?:from|de)\s*:/i.test(line) && lines.slice(i + 1, i + 4).some((l) => HEADER.test(plain(l))));
    if (!quoted) continue;
    const fresh = lines.slice(0, i).join('\n').trim();
    return fresh || text;
  }
  return text;
}

/** The text without quote marks and reply headers: the quoted message read as part of this one. */
export function unquoted(text: string): string {
  return text
    .split('\n')
    .filter((l) => !SEPARATOR.test(plain(l)) && !HEADER.test(plain(l)) && !(WROTE_START.test(plain(l)) && WROTE.test(plain(l))))
    .map((l) => l.replace(/^\s*(?:>\s?)+/, ''))
    .join('\n');
}
