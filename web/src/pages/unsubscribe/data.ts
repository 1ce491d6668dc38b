/**
 * Turns email off for the member an emailed link names (`POST /api/email/unsubscribe?token=`): no
 * session needed, so that the link works on any device and from any inbox. Answers 'done' (204),
 * 'invalid' (400: a token that is malformed, forged or no longer valid) or 'failed'.
 *
 * A plain fetch, not the typed client: the route belongs to the mailer's part of the API, and
 * nothing here depends on its types beyond the two answers the contract fixes.
 */
export async function stopEmails(token: string): Promise<'done' | 'invalid' | 'failed'> {
  try {
    const res = await fetch(`/api/email/unsubscribe?token=${encodeURIComponent(token)}`, { method: 'POST', credentials: 'same-origin' });
    if (res.status === 204) return 'done';
    if (res.status === 400) return 'invalid';
    return 'failed';
  } catch {
    return 'failed';
  }
}
