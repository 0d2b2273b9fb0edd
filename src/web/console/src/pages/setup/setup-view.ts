/**
 * What the setup page shows: the form only while setup is needed and the address carries a token;
 * otherwise why not, and the way to the sign-in page.
 */
export type SetupView = 'loading' | 'form' | 'noToken' | 'done';

export function setupView(o: { needed: boolean | undefined; token: string | null; refusedAsDone: boolean }): SetupView {
  if (o.refusedAsDone || o.needed === false) return 'done';
  if (o.needed === undefined) return 'loading';
  return o.token?.trim() ? 'form' : 'noToken';
}
