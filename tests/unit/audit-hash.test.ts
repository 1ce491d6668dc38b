import { describe, expect, it } from 'vitest';
import { hashEntry } from '../../functions/moderation/audit';

describe('audit entry hashes', () => {
  const entry = {
    id: '01J0000000000000000000000',
    seq: 7,
    at: '2026-11-23T00:00:00.000Z',
    actorId: 'board-1',
    action: 'case.resolve',
    targetType: 'case' as const,
    targetId: 'c1',
    reason: 'ok',
    before: { state: 'open' },
    after: { state: 'resolved', outcome: 'dismissed' },
    prevHash: '0'.repeat(64),
  };

  it('do not depend on the order of keys, which the database does not keep', () => {
    expect(hashEntry({ ...entry, after: { outcome: 'dismissed', state: 'resolved' } })).toBe(hashEntry(entry));
  });

  it('change with any recorded field', () => {
    for (const change of [
      { reason: 'changed' },
      { after: { state: 'resolved', outcome: 'actioned' } },
      { prevHash: '1'.repeat(64) },
      { seq: 8 },
    ]) {
      expect(hashEntry({ ...entry, ...change })).not.toBe(hashEntry(entry));
    }
  });
});
