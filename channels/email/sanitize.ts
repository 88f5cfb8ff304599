/**
 * HTML of inbound mail, made safe to show an agent: a strict allowlist (sanitize-html), links that open
 * outside the app, and remote images blocked until an agent asks for them.
 *
 * A remote image (http, https or protocol-relative src) loses its src and keeps the URL in
 * `data-blocked-src`: nothing is fetched (no tracking pixel fires, no IP leaks) until the UI copies
 * the attribute back into src on request. Any data-blocked-src that came in the mail itself is dropped,
 * so the attribute only ever holds an http(s) URL we put there. Inline images (`cid:`) are kept for the
 * UI to map to the stored attachment; `data:image/...` images are kept (they are in the message already).
 */
import sanitizeHtml from 'sanitize-html';

export interface SanitizedHtml {
  html: string;
  /** The remote image URLs that were blocked, in document order. */
  blockedImages: string[];
}

export const BLOCKED_SRC_ATTRIBUTE = 'data-blocked-src';

const TAGS = [
  'a', 'abbr', 'address', 'b', 'big', 'blockquote', 'br', 'caption', 'cite', 'code', 'col', 'colgroup', 'dd', 'del', 'div',
  'dl', 'dt', 'em', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'li', 'mark', 'ol', 'p', 'pre', 'q', 's',
  'small', 'span', 'strike', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'u', 'ul',
];
const CELL = ['align', 'valign', 'colspan', 'rowspan', 'width', 'height'];
const ATTRIBUTES: sanitizeHtml.IOptions['allowedAttributes'] = {
  '*': ['dir', 'lang', 'title', 'style'],
  a: ['href', 'name', 'target', 'rel'],
  img: ['src', 'alt', 'width', 'height', BLOCKED_SRC_ATTRIBUTE],
  table: ['align', 'width', 'border', 'cellpadding', 'cellspacing'],
  td: CELL,
  th: CELL,
  col: ['span', 'width'],
  colgroup: ['span', 'width'],
  ol: ['start', 'type'],
};
// A few presentational properties so agents can still read colour-coded mail; nothing that loads a URL.
const COLOR = [/^#[0-9a-f]{3,8}$/i, /^[a-z]{3,20}$/i, /^rgba?\(\s*[\d.,%\s]+\)$/i];
const STYLES: sanitizeHtml.IOptions['allowedStyles'] = {
  '*': {
    color: COLOR,
    'background-color': COLOR,
    'font-weight': [/^(normal|bold|bolder|lighter|[1-9]00)$/i],
    'font-style': [/^(normal|italic|oblique)$/i],
    'text-decoration': [/^(none|underline|line-through)$/i],
    'text-align': [/^(left|right|center|justify)$/i],
  },
};
const INLINE_IMAGE = /^data:image\/(png|jpe?g|gif|webp|bmp);base64,/i;

export function sanitizeEmailHtml(dirty: string): SanitizedHtml {
  const blockedImages: string[] = [];
  const html = sanitizeHtml(dirty, {
    allowedTags: TAGS,
    allowedAttributes: ATTRIBUTES,
    allowedStyles: STYLES,
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowedSchemesByTag: { img: ['cid', 'data'] },
    allowProtocolRelative: false,
    // Text inside these never reaches the agent (default list plus what mail clients put in <head>).
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'head', 'xml'],
    transformTags: {
      a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, target: '_blank', rel: 'noopener noreferrer nofollow' } }),
      img: (tagName, attribs) => {
        const { src = '', [BLOCKED_SRC_ATTRIBUTE]: _forged, srcset: _srcset, ...rest } = attribs;
        const url = src.trim();
        if (/^https?:\/\//i.test(url) || url.startsWith('//')) {
          const absolute = url.startsWith('//') ? `https:${url}` : url;
          blockedImages.push(absolute);
          return { tagName, attribs: { ...rest, alt: rest.alt ?? '', [BLOCKED_SRC_ATTRIBUTE]: absolute } };
        }
        if (/^cid:/i.test(url) || INLINE_IMAGE.test(url)) return { tagName, attribs: { ...rest, src: url } };
        return { tagName, attribs: rest };
      },
    },
  });
  return { html, blockedImages };
}
