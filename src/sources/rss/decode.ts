import { gunzipSync } from 'node:zlib';
import iconv from 'iconv-lite';

/** A saved feed that is still gzipped may not inflate past this (a compressed bomb stays a bomb on disk). */
const MAX_INFLATED_BYTES = 200 * 1024 * 1024;
const PROLOG_ENCODING = /^<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/;
const CHARSET = /charset\s*=\s*["']?([A-Za-z0-9._:-]+)/i;
/** XML 1.0 forbids these control characters; some real feeds carry them and strict parsers choke. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching the control characters XML forbids is the point.
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * Bytes of a feed as text: gunzipped if still compressed (a saved .xml.gz), decoded with the
 * encoding its BOM, XML prolog or Content-Type declares (windows-1251, ISO-8859-1…), else UTF-8
 * when the bytes are valid UTF-8 and Windows-1252 when they are not.
 */
export function decodeFeedBody(body: Buffer, contentType?: string): string {
  const bytes =
    body[0] === 0x1f && body[1] === 0x8b ? gunzipSync(body, { maxOutputLength: MAX_INFLATED_BYTES }) : body;
  const declared = declaredEncoding(bytes, contentType);
  const encoding = declared && iconv.encodingExists(declared) ? declared : isUtf8(bytes) ? 'utf8' : 'win1252';
  const text = iconv.decode(bytes, encoding);
  return text.replace(/^\uFEFF/, '').replace(INVALID_XML_CHARS, '');
}

/** Undeclared bytes that are not valid UTF-8 are almost always Latin-1/Windows-1252 (old CMS feeds). */
function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function declaredEncoding(bytes: Buffer, contentType?: string): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf16be';
  // The prolog is ASCII in every encoding a feed uses, so reading it as latin1 is safe.
  const head = bytes.subarray(0, 200).toString('latin1').trimStart();
  return PROLOG_ENCODING.exec(head)?.[1] ?? (contentType ? CHARSET.exec(contentType)?.[1] : undefined);
}
