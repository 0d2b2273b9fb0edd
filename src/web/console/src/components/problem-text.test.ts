import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/problem';
import { CATALOG } from '../i18n/catalog';
import { interpolate } from '../i18n/locale';
import type { Translate } from '../i18n/I18nProvider';
import { errorMessage, problemMessage } from './problem-text';

const zh: Translate = (key, values) => interpolate(CATALOG['zh-CN'][key], values, 'zh-CN');

describe("the server's refusals in the operator's language", () => {
  it('words a field problem by its code and parameters, or keeps the server text when it has no code', () => {
    expect(
      problemMessage(zh, { path: 'password', message: 'x', code: 'password.too_short', params: { min: 10 } }),
    ).toBe('至少需要 10 个字符');
    expect(problemMessage(zh, { path: 'x', message: 'is odd' })).toBe('is odd');
  });

  it('words a whole refusal: its fields with their names, or its code with its figures', () => {
    const invalid = new ApiError({
      status: 400,
      code: 'VALIDATION_FAILED',
      detail: 'phone: …',
      fields: [{ path: 'body/phone', message: '…', code: 'phone.invalid' }],
    });
    expect(errorMessage(zh, invalid)).toMatch(/^手机号：不是有效的手机号/);
    const poor = new ApiError({
      status: 409,
      code: 'INSUFFICIENT_POINTS',
      detail: 'Member 5 has 547 points',
      params: { balance: 547, needed: 100000 },
    });
    expect(errorMessage(zh, poor)).toBe('积分不足：会员现有 547 积分，需要 100000。');
    expect(errorMessage(zh, new ApiError({ status: 409, code: 'SOME_NEW_CODE', detail: 'taken' }))).toBe('taken');
  });
});
