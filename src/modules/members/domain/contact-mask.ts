/**
 * Phones and emails as most of Kith shows them: enough to tell two apart and to recognise one you
 * know, not enough to call or write (docs/security.md → personal data). Pure.
 *
 *   13800001234        → 138****1234
 *   +447700900123      → +44*******123 (first 3 and last 3 kept, the rest starred)
 *   lin.xiao@qq.com    → l***@qq.com
 */
export function maskPhone(phone: string | null): string | null {
  if (phone === null) return null;
  if (/^1\d{10}$/.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(7)}`;
  if (phone.length <= 6) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 6)}${phone.slice(-3)}`;
}

export function maskEmail(email: string | null): string | null {
  if (email === null) return null;
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

/** A channel account id that is itself a phone or an email is masked like one. */
export function maskAccount(channel: string, externalId: string): string {
  if (channel === 'phone') return maskPhone(externalId)!;
  if (channel === 'email') return maskEmail(externalId)!;
  return externalId;
}
