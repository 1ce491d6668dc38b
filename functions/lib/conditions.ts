import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { TABLE, toAttr, values } from './db';
import { keys } from './keys';

/*
 * Condition checks that transactions of several domains share: each holds a write back unless
 * what it checks is still true when the transaction commits.
 */

/** Holds only while the member is active (she was not suspended between the guard and the write). */
export function activeMemberCheck(memberId: string): TransactWriteItem {
  return {
    ConditionCheck: {
      TableName: TABLE,
      Key: toAttr(keys.member(memberId)),
      ConditionExpression: '#status = :active',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: values({ ':active': 'active' }),
    },
  };
}

/** Holds only while no item has this key (a block, for one). */
export function absentCheck(key: { pk: string; sk: string }): TransactWriteItem {
  return { ConditionCheck: { TableName: TABLE, Key: toAttr(key), ConditionExpression: 'attribute_not_exists(pk)' } };
}
