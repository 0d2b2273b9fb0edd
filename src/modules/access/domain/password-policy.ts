/** Returns why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < 10) return 'must be at least 10 characters long';
  if (password.length > 256) return 'must be at most 256 characters long';
  if (/^(.)\1+$/.test(password)) return 'must not repeat a single character';
  if (
    email &&
    password.toLowerCase().includes(email.toLowerCase().split('@')[0]!) &&
    email.split('@')[0]!.length >= 4
  ) {
    return 'must not contain the account name';
  }
  return null;
}
