import { TABLE, db, toAttr } from '../../functions/lib/db';
import { keys } from '../../functions/lib/keys';

/** The contract's three discussion spaces, one per audience. Written only when missing. */
const SPACES = [
  { id: 'members', name: 'Members’ lounge', description: 'Good practices and lessons learnt, open to every member.', audience: 'members' },
  {
    id: 'practitioners',
    name: 'Practitioners’ circle',
    description: 'For women practitioners only: the barriers we face and how we get past them.',
    audience: 'practitioners',
  },
  { id: 'board', name: 'Advisory board', description: 'Board deliberations.', audience: 'board' },
] as const;

export async function seedSpaces(): Promise<void> {
  const at = new Date().toISOString();
  for (const s of SPACES) {
    try {
      await db.putItem({
        TableName: TABLE,
        Item: toAttr({ ...keys.space(s.id), ...keys.spaceIndex(s.audience, s.id), entity: 'space', version: 1, ...s, createdAt: at }),
        ConditionExpression: 'attribute_not_exists(pk)',
      });
    } catch (e) {
      if (!(e instanceof Error && e.name === 'ConditionalCheckFailedException')) throw e;
    }
  }
}
