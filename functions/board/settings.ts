import type { BoardSettings } from '../../shared/schemas';
import { TABLE, db, fromAttr, toAttr, values } from '../lib/db';
import { ConflictError } from '../lib/errors';
import { keys } from '../lib/keys';
import { withAudit } from '../moderation/audit';

/**
 * Settings the board changes for itself. The default waiting period comes from the environment
 * (a short one makes a local demo possible); once the board saves a value, that value holds.
 */
export const DEFAULT_REAPPLY_AFTER_DAYS = Number(process.env.REAPPLY_AFTER_DAYS ?? 90);

export async function getSettings(): Promise<BoardSettings> {
  const res = await db.getItem({ TableName: TABLE, Key: toAttr(keys.boardSettings()), ConsistentRead: true });
  const s = res.Item ? fromAttr<{ reapplyAfterDays?: number; version?: number }>(res.Item) : {};
  return { reapplyAfterDays: s.reapplyAfterDays ?? DEFAULT_REAPPLY_AFTER_DAYS, version: s.version ?? 0 };
}

/** Replaces the settings at the version read; audited as `settings.update`. */
export async function updateSettings(boardMemberId: string, input: { reapplyAfterDays: number; version: number }): Promise<BoardSettings> {
  const before = await getSettings();
  if (before.version !== input.version) throw new ConflictError('stale_version', 'The settings changed meanwhile. Reload them.');
  const next = { reapplyAfterDays: input.reapplyAfterDays, version: input.version + 1 };
  await withAudit(
    boardMemberId,
    () => [
      {
        Put: {
          TableName: TABLE,
          Item: toAttr({ ...keys.boardSettings(), entity: 'boardSettings', ...next }),
          ConditionExpression: input.version === 0 ? 'attribute_not_exists(pk)' : 'version = :v',
          ...(input.version === 0 ? {} : { ExpressionAttributeValues: values({ ':v': input.version }) }),
        },
      },
    ],
    {
      action: 'settings.update',
      targetType: 'rules',
      targetId: 'board-settings',
      reason: '',
      before: { reapplyAfterDays: before.reapplyAfterDays },
      after: { reapplyAfterDays: next.reapplyAfterDays },
    },
  );
  return next;
}
