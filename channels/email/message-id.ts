/**
 * Message-IDs in one spelling, so that a lookup of In-Reply-To / References against the ids we stored or
 * sent cannot miss on cosmetics: always `<local@domain>`, angle brackets on (as nodemailer and mailparser
 * give them), no whitespace or comments, the domain lower-cased (domains are case-insensitive, the local
 * part is not, so it is kept as is).
 */

/** Every id in a Message-ID / In-Reply-To / References value, normalised, in order, without repeats. */
export function parseMessageIds(value: string | readonly string[] | undefined | null): string[] {
  if (value === undefined || value === null) return [];
  const text = (typeof value === 'string' ? value : value.join(' ')).replace(/\([^()]*\)/g, ' ');
  const bracketed = [...text.matchAll(/<([^<>]*)>/g)].map((m) => m[1]);
  // Some broken mailers send ids without brackets: take the bare words that look like ids.
  const raw = bracketed.length > 0 ? bracketed : text.split(/[\s,]+/).filter((w) => w.includes('@'));
  const out: string[] = [];
  for (const r of raw) {
    const id = normalizeMessageId(r);
    if (id && !out.includes(id)) out.push(id);
  }
  return out;
}

/** `<Local@Domain>`, ` local@domain ` ... -> `<Local@domain>`; undefined when nothing is left. */
export function normalizeMessageId(value: string | undefined | null): string | undefined {
  if (!value) return undefined;
  const bare = value.replace(/[<>\s]/g, '');
  if (!bare) return undefined;
  const at = bare.lastIndexOf('@');
  return at < 0 ? `<${bare}>` : `<${bare.slice(0, at)}@${bare.slice(at + 1).toLowerCase()}>`;
}

/** The lower-cased domain of a Message-ID (`<x@mail.example>` -> `mail.example`). */
export function messageIdDomain(id: string | undefined): string | undefined {
  if (!id) return undefined;
  const bare = id.replace(/[<>\s]/g, '');
  const at = bare.lastIndexOf('@');
  return at < 0 || at === bare.length - 1 ? undefined : bare.slice(at + 1).toLowerCase();
}
