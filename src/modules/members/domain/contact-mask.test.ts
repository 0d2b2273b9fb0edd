import { describe, expect, it } from 'vitest';
import { maskAccount, maskEmail, maskPhone } from './contact-mask.js';

describe('contact masking', () => {
  it('keeps enough of a phone or email to recognise it, not to use it', () => {
    expect(maskPhone('13800001234')).toBe('138****1234');
    expect(maskPhone('+447700900123')).toBe('+44*******123');
    expect(maskPhone('12345')).toBe('*****');
    expect(maskEmail('lin.xiao@qq.com')).toBe('l***@qq.com');
    expect(maskEmail('x')).toBe('***');
    expect([maskPhone(null), maskEmail(null)]).toEqual([null, null]);
    expect(maskAccount('phone', '13800001234')).toBe('138****1234');
    expect(maskAccount('wechat', 'wxid_abc')).toBe('wxid_abc');
  });
});
