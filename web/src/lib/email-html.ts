/**
 * The server-sanitised HTML of an e-mail, turned into the `srcdoc` of the sandboxed frame that shows
 * it. Pure (DOMParser only): `cid:` images point at their stored attachment, remote images stay blocked
 * (URL kept in data-blocked-src, no src) until the agent asks for them, and a Content-Security-Policy
 * meta allows nothing but inline styles and the images we mean to show.
 *
 * The server already sanitised the HTML; this module also drops whatever could run or load something
 * (scripts, frames, forms, event handlers, javascript: URLs) so it never depends on that alone.
 */
import type { AttachmentDto } from '@contracts';

export const BLOCKED_SRC_ATTRIBUTE = 'data-blocked-src';

/** Download URL of an attachment; `inline` asks the server to show an image in place. */
export function attachmentUrl(id: string, inline = false): string {
  return `/api/attachments/${encodeURIComponent(id)}${inline ? '?inline=1' : ''}`;
}

export interface EmailHtmlOptions {
  attachments: readonly AttachmentDto[];
  /** The agent asked to load remote images: data-blocked-src is copied into src. */
  loadRemoteImages: boolean;
}

export interface EmailSrcdocOptions extends EmailHtmlOptions {
  /** The app's origin (location.origin): images may come from its /api/attachments/ only. */
  origin: string;
}

const DROP_ELEMENTS = 'script, noscript, iframe, frame, frameset, object, embed, applet, base, meta, link, form, input, button, select, textarea, template, svg, math';
const INLINE_IMAGE = /^data:image\/(png|jpe?g|gif|webp|bmp);base64,/i;
const REMOTE = /^https?:\/\//i;
const SAFE_HREF = /^(https?:|mailto:|tel:|#)/i;
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'background', 'poster', 'xlink:href', 'srcset', 'lowsrc', 'dynsrc'];

/** cid references may be written `cid:<a@b>` or percent-encoded (RFC 2392): compare them normalised. */
function normaliseCid(value: string): string {
  let cid = value.trim().replace(/^cid:/i, '').replace(/^<|>$/g, '');
  try {
    cid = decodeURIComponent(cid);
  } catch {
    /* keep it as written */
  }
  return cid.toLowerCase();
}

function cidMap(attachments: readonly AttachmentDto[]): Map<string, AttachmentDto> {
  const map = new Map<string, AttachmentDto>();
  for (const a of attachments) if (a.cid && !a.rejected) map.set(normaliseCid(a.cid), a);
  return map;
}

function rewriteImage(img: Element, cids: Map<string, AttachmentDto>, loadRemote: boolean): void {
  const src = (img.getAttribute('src') ?? '').trim();
  const blocked = (img.getAttribute(BLOCKED_SRC_ATTRIBUTE) ?? '').trim();
  img.removeAttribute('src');
  if (blocked) {
    if (!REMOTE.test(blocked)) img.removeAttribute(BLOCKED_SRC_ATTRIBUTE);
    else if (loadRemote) {
      img.setAttribute('src', blocked);
      img.removeAttribute(BLOCKED_SRC_ATTRIBUTE);
    }
    return;
  }
  if (/^cid:/i.test(src)) {
    const attachment = cids.get(normaliseCid(src));
    if (attachment) img.setAttribute('src', attachmentUrl(attachment.id, true));
  } else if (INLINE_IMAGE.test(src)) {
    img.setAttribute('src', src);
  }
  // Anything else (a remote src the server would have blocked, file:, javascript:...) is left without src.
}

/** The body HTML to show: cid images mapped, remote images blocked or loaded, nothing that can run. */
export function prepareEmailHtml(html: string, options: EmailHtmlOptions): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const body = doc.body;
  for (const el of Array.from(body.querySelectorAll(DROP_ELEMENTS))) el.remove();
  for (const el of Array.from(body.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) el.removeAttribute(attr.name);
      else if (URL_ATTRIBUTES.includes(name) && !(el.tagName === 'IMG' && name === 'src') && !(el.tagName === 'A' && name === 'href')) {
        el.removeAttribute(attr.name);
      }
    }
  }
  const cids = cidMap(options.attachments);
  for (const img of Array.from(body.querySelectorAll('img'))) rewriteImage(img, cids, options.loadRemoteImages);
  for (const a of Array.from(body.querySelectorAll('a'))) {
    const href = (a.getAttribute('href') ?? '').trim();
    if (href && !SAFE_HREF.test(href)) a.removeAttribute('href');
    a.setAttribute('target', '_blank');
    a.setAttribute('rel', 'noopener noreferrer nofollow');
  }
  return body.innerHTML;
}

/** Only inline styles and our own images; remote images too once the agent loaded them. */
export function emailContentSecurityPolicy(origin: string, loadRemoteImages: boolean): string {
  const imgSrc = ['data:', `${origin.replace(/\/+$/, '')}/api/attachments/`, ...(loadRemoteImages ? ['https:', 'http:'] : [])];
  return `default-src 'none'; img-src ${imgSrc.join(' ')}; style-src 'unsafe-inline'`;
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

const FRAME_STYLE = [
  'html{margin:0;padding:0;color-scheme:light}',
  'body{margin:0;padding:8px 12px;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1b2330;background:#fff;overflow-wrap:anywhere}',
  'img{max-width:100%;height:auto}',
  'table{max-width:100%}',
  'pre{white-space:pre-wrap}',
  'blockquote{margin:0 0 0 4px;padding-left:10px;border-left:3px solid #e2e6ec;color:#3b4657}',
].join('');

/** The whole document of the sandboxed frame. */
export function buildEmailSrcdoc(html: string, options: EmailSrcdocOptions): string {
  const csp = emailContentSecurityPolicy(options.origin, options.loadRemoteImages);
  return (
    '<!doctype html><html><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">` +
    '<meta name="referrer" content="no-referrer">' +
    `<style>${FRAME_STYLE}</style>` +
    `</head><body>${prepareEmailHtml(html, options)}</body></html>`
  );
}
