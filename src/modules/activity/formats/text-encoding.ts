import iconv from 'iconv-lite';
import { FormatError } from './format-error.js';

/**
 * Turns the bytes of an uploaded text file into a string. Community operators in China hand Kith
 * files from many tools: Excel on Windows saves CSV as GBK, QQ writes UTF-8 with a BOM (older
 * versions UTF-16), Numbers and Google Sheets write plain UTF-8. Asking users to pick the encoding
 * is a trap nobody gets right, so Kith recognises these and refuses anything else with a fix.
 */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });
const utf16le = new TextDecoder('utf-16le');

export function decodeText(buf: Buffer): DecodedText {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { text: decodeUtf8(buf.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) {
    return { text: utf16le.decode(buf.subarray(2)), encoding: 'utf-16le' };
  }
  if (looksLikeUtf16le(buf)) {
    // Some exporters drop the BOM; text made of mostly ASCII then shows a zero every other byte.
    return { text: utf16le.decode(buf), encoding: 'utf-16le' };
  }
  try {
    return { text: utf8Strict.decode(buf), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: the usual suspect is a CSV saved by Excel on a Chinese Windows (GBK).
  }
  const gb = iconv.decode(buf, 'gb18030');
  if (isPlausibleChineseText(gb)) return { text: gb, encoding: 'gb18030' };
  throw unsupportedEncoding();
}

function decodeUtf8(buf: Buffer): string {
  try {
    return utf8Strict.decode(buf);
  } catch {
    // A BOM promises UTF-8; broken bytes after it mean a damaged file, not another encoding.
    throw unsupportedEncoding();
  }
}

function unsupportedEncoding(): FormatError {
  return new FormatError(
    'UNSUPPORTED_ENCODING',
    'The file is neither UTF-8 nor GBK/GB18030 text; save it as UTF-8 and import again',
  );
}

/** Zero bytes in odd positions of the first KB and nowhere in even ones: UTF-16LE without a BOM. */
export function looksLikeUtf16le(buf: Buffer): boolean {
  const n = Math.min(buf.length, 1024) & ~1;
  if (n < 4) return false;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) return false;
    if (buf[i + 1] === 0) oddZeros++;
  }
  return oddZeros / (n / 2) >= 0.5;
}

/**
 * GB18030 can decode almost any byte soup, so a decode that "works" proves nothing. Real GBK
 * text is Chinese characters, ASCII and the punctuation Chinese typing produces; binary files
 * (an old .xls renamed to .csv, a zip) decode to replacement characters, control bytes and the
 * odd code points the four-byte GB18030 range maps to.
 */
export function isPlausibleChineseText(text: string): boolean {
  let good = 0;
  let counted = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) return false;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return false;
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) continue;
    counted++;
    if (isCommonChar(c)) good++;
  }
  return counted === 0 || good / counted >= 0.95;
}

function isCommonChar(c: number): boolean {
  return (
    (c >= 0x21 && c <= 0x7e) || // ASCII
    (c >= 0x4e00 && c <= 0x9fff) || // CJK unified ideographs
    (c >= 0x3400 && c <= 0x4dbf) || // CJK extension A
    (c >= 0x3000 && c <= 0x303f) || // CJK punctuation: 、。「」【】
    (c >= 0xff00 && c <= 0xffef) || // full-width forms: ，；：（）￥
    (c >= 0x2010 && c <= 0x2027) || // dashes, quotes “”, ellipsis …
    (c >= 0x3040 && c <= 0x30ff) || // kana (GBK has them; Japanese names appear in communities)
    (c >= 0xd840 && c <= 0xd87f) ||
    (c >= 0xdc00 && c <= 0xdfff) || // rare name characters (U+20000–U+2FFFF)
    c === 0x00b7 ||
    c === 0x00d7 ||
    c === 0x00f7 ||
    c === 0x00a5 // · × ÷ ¥
  );
}

const utf8Lenient = new TextDecoder('utf-8');

/**
 * The first `maxBytes` of a file as text, for guessing what the file is without decoding a
 * hundred megabytes twice. A cut may split a character at the end; that is tolerated.
 */
export function sniffText(buf: Buffer, maxBytes = 64 * 1024): string {
  const head = buf.subarray(0, maxBytes);
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
    return utf8Lenient.decode(head.subarray(3));
  if ((head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) || looksLikeUtf16le(head)) {
    const start = head[0] === 0xff && head[1] === 0xfe ? 2 : 0;
    return utf16le.decode(head.subarray(start, start + ((head.length - start) & ~1)));
  }
  const text = utf8Lenient.decode(head);
  const bad = text.indexOf('\ufffd');
  // A replacement character before the last few bytes means the file is not UTF-8.
  if (bad !== -1 && bad < text.length - 2) return iconv.decode(head, 'gb18030');
  return text;
}
