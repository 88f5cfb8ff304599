/**
 * What a file really is, from its first bytes, and whether Switchboard keeps it. Attachments are typed by
 * content, never by the sender's word or the file name: a ".pdf" that is a Windows program is refused.
 * Pure.
 */

export interface FileVerdict {
  /** The type to store and serve it as. */
  contentType: string;
  /** Why it is not kept; undefined when it is. */
  rejected?: string;
}

const OFFICE_ZIP = new Set([
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
]);
const OFFICE_OLE = new Set(['application/msword', 'application/vnd.ms-excel', 'application/vnd.ms-powerpoint', 'application/vnd.ms-outlook']);
const TEXT = new Set(['text/plain', 'text/csv', 'text/calendar', 'text/vcard', 'text/x-vcard', 'message/rfc822', 'text/rfc822-headers', 'message/delivery-status']);

const startsWith = (b: Buffer, sig: number[], at = 0) => b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);
const ascii = (b: Buffer, at: number, s: string) => b.length >= at + s.length && b.toString('latin1', at, at + s.length) === s;

/** The type the bytes show, or undefined when they show none we know. */
export function sniffType(b: Buffer): string | undefined {
  if (startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (ascii(b, 0, 'GIF87a') || ascii(b, 0, 'GIF89a')) return 'image/gif';
  if (ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP')) return 'image/webp';
  if (ascii(b, 0, 'RIFF') && ascii(b, 8, 'WAVE')) return 'audio/wav';
  if (ascii(b, 0, 'BM') && b.length > 14) return 'image/bmp';
  if (startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a])) return 'image/tiff';
  if (ascii(b, 4, 'ftyp')) {
    const brand = b.toString('latin1', 8, 12);
    if (/^(heic|heix|mif1|msf1|hevc)$/.test(brand)) return 'image/heic';
    if (brand === 'qt  ') return 'video/quicktime';
    if (/^(M4A |M4B )$/.test(brand)) return 'audio/mp4';
    return 'video/mp4';
  }
  if (ascii(b, 0, 'OggS')) return 'audio/ogg';
  if (ascii(b, 0, 'ID3') || startsWith(b, [0xff, 0xfb]) || startsWith(b, [0xff, 0xf3])) return 'audio/mpeg';
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06])) return 'application/zip';
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'application/x-ole-storage';
  if (startsWith(b, [0x4d, 0x5a])) return 'application/x-msdownload';
  if (startsWith(b, [0x7f, 0x45, 0x4c, 0x46])) return 'application/x-executable';
  if (startsWith(b, [0xca, 0xfe, 0xba, 0xbe]) || startsWith(b, [0xcf, 0xfa, 0xed, 0xfe])) return 'application/x-mach-binary';
  if (ascii(b, 0, 'Rar!') || startsWith(b, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return 'application/x-archive';
  if (looksLikeText(b)) return 'text/plain';
  return undefined;
}

/** UTF-8 (or 8-bit text) without control bytes in the first 4 KB; HTML and scripts are text too, see below. */
function looksLikeText(b: Buffer): boolean {
  const head = b.subarray(0, 4096);
  for (const x of head) if (x === 0 || (x < 0x20 && x !== 0x09 && x !== 0x0a && x !== 0x0d && x !== 0x0c && x !== 0x1b)) return false;
  return true;
}

const ACTIVE_TEXT = /^\s*(<!doctype html|<html|<script|<svg|<\?xml[^>]*>\s*<svg|#!|@echo off)/i;

/**
 * The verdict for one attachment: its type by content, and whether it is kept (images, PDF, office
 * documents, plain text, audio and video; never programs, archives, HTML or SVG, which can carry code).
 */
export function classifyFile(content: Buffer, declaredType: string, maxBytes: number): FileVerdict {
  const declared = declaredType.toLowerCase().split(';')[0].trim();
  const sniffed = sniffType(content);
  let contentType = sniffed ?? 'application/octet-stream';
  let rejected: string | undefined;
  if (sniffed === 'application/zip') {
    // Office documents are zip files: keep them as what they say only when they say an office type.
    if (OFFICE_ZIP.has(declared)) contentType = declared;
    else rejected = 'archives are not accepted';
  } else if (sniffed === 'application/x-ole-storage') {
    if (OFFICE_OLE.has(declared)) contentType = declared;
    else rejected = 'this kind of file is not accepted';
  } else if (sniffed === 'text/plain') {
    if (ACTIVE_TEXT.test(content.subarray(0, 512).toString('latin1'))) rejected = 'web pages, SVG and scripts are not accepted as attachments';
    else contentType = TEXT.has(declared) ? declared : 'text/plain';
  } else if (!sniffed || /x-msdownload|x-executable|x-mach-binary|x-archive/.test(sniffed)) {
    rejected = sniffed ? 'programs and archives are not accepted' : 'the file type is not recognised';
  }
  if (!rejected && content.length > maxBytes) rejected = `larger than ${Math.floor(maxBytes / 1024 / 1024)} MB`;
  return rejected ? { contentType, rejected } : { contentType };
}
