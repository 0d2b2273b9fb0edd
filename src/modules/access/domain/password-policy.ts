import type { ProblemCode, ProblemParams } from '../../../web/shared/problems.js';

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;

/** Why a new password is refused (a problem code with its parameters), or null when it is acceptable. */
export function passwordProblem(
  password: string,
  email?: string,
): { code: ProblemCode; params?: ProblemParams } | null {
  if (password.length < PASSWORD_MIN) return { code: 'password.too_short', params: { min: PASSWORD_MIN } };
  if (password.length > PASSWORD_MAX) return { code: 'password.too_long', params: { max: PASSWORD_MAX } };
  if (/^(.)\1+$/.test(password)) return { code: 'password.one_character' };
  if (
    email &&
    password.toLowerCase().includes(email.toLowerCase().split('@')[0]!) &&
    email.split('@')[0]!.length >= 4
  ) {
    return { code: 'password.contains_account' };
  }
  return null;
}
