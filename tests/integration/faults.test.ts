import { ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dynamo } from '../../functions/lib/db';
import { expectError, member, profile } from '../helpers';

/** The only stand-in for DynamoDB in the suite: a fault injected into the real client. */
describe('when the database fails', () => {
  afterEach(() => vi.restoreAllMocks());

  it('answers 503 and writes nothing', async () => {
    const a = await member({ bio: 'Before' });
    const { version } = (await a.get('/api/members/me')).body;
    const { statement: _s, ...rest } = profile({ bio: 'After' });
    const { client } = await dynamo();
    const original = client.send.bind(client);
    vi.spyOn(client, 'send').mockImplementation(((command: { constructor: { name: string } }) => {
      if (command.constructor.name === 'TransactWriteItemsCommand') {
        return Promise.reject(new ProvisionedThroughputExceededException({ message: 'throttled', $metadata: {} }));
      }
      return original(command as never);
    }) as never);
    const res = await a.put('/api/members/me', { ...rest, version });
    expectError(res, 503, 'unavailable');
    vi.restoreAllMocks();
    expect((await a.get('/api/members/me')).body).toMatchObject({ bio: 'Before', version });
  });
});
