import { describe, expect, it } from 'vitest';
import { type HeldCode, newCodeLines } from '../../scripts/local/outbox';

const held = (entries: [string, HeldCode][]) => new Map(entries);

describe('the local outbox', () => {
  it('names a code that came with a sign-up as a sign-up code, not a password reset', () => {
    const lines = newCodeLines(held([]), held([['new@example.org', { code: '111111', unconfirmed: false }]]));
    expect(lines).toEqual([
      'Local outbox: sign-up confirmation code for new@example.org: 111111 (not needed: local mode confirms new accounts at once)',
    ]);
    expect(newCodeLines(held([]), held([['new@example.org', { code: '222222', unconfirmed: true }]]))).toEqual([
      'Local outbox: sign-up confirmation code for new@example.org: 222222',
    ]);
  });

  it('names a new code on an account already there a password-reset code, and prints nothing twice', () => {
    const before = held([['her@example.org', { code: '111111', unconfirmed: false }]]);
    expect(newCodeLines(before, held([['her@example.org', { code: '333333', unconfirmed: false }]]))).toEqual([
      'Local outbox: password-reset code for her@example.org: 333333',
    ]);
    expect(newCodeLines(before, before)).toEqual([]);
  });
});
