import { refused, type Parsed } from './datetime.js';
import { parseEmail, parsePhone, type Channel } from './values.js';

/**
 * An account of a member on one channel. Kith recognises a person across imports and chat logs
 * by these, so each channel's ids are stored in one canonical form: a QQ number is digits, a
 * phone is normalised like the phone column, an email is lowercased.
 */
export interface Identity {
  channel: Channel;
  externalId: string;
}

const QQ_NUMBER = /^[1-9]\d{4,11}$/;
const LINE_BREAK = /[\r\n]/;
export const MAX_EXTERNAL_ID_LENGTH = 128;

export function parseExternalId(channel: Channel, raw: string): Parsed<string> {
  const s = raw.trim();
  switch (channel) {
    case 'qq': {
      const d = s.normalize('NFKC');
      return QQ_NUMBER.test(d) ? { ok: true, value: d } : refused('cell.qq');
    }
    case 'phone':
      return parsePhone(s);
    case 'email':
      return parseEmail(s);
    default:
      if (s.length > MAX_EXTERNAL_ID_LENGTH || LINE_BREAK.test(s)) {
        return refused('cell.account_id', { max: MAX_EXTERNAL_ID_LENGTH });
      }
      return { ok: true, value: s };
  }
}
