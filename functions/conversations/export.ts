import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import * as repo from './repository';

/*
 * A conversation in her export and her erasure: small on purpose, since the members function
 * (export, erasure) carries it and none of the rest of conversations.
 */

/** Her messages in one conversation, for her export: what she wrote, never the other member's words. */
export async function messagesOf(mentorshipId: string, memberId: string) {
  const all = await repo.allMessages(mentorshipId);
  return all
    .filter((m) => m.authorId === memberId && !m.deleted)
    .map((m) => ({
      at: m.at,
      body: m.body,
      ...(m.editedAt ? { editedAt: m.editedAt } : {}),
      ...(m.proposals ? { proposals: m.proposals.map((p) => p.startsAt) } : {}),
      ...(m.acceptedProposal ? { meeting: m.acceptedProposal.startsAt } : {}),
    }));
}

/**
 * Erases what she wrote in one conversation: each of her messages keeps its place, marked deleted
 * with no words (the other member's messages stay, and show her as a former member). The meetings
 * agreed in it leave both agendas.
 */
export async function eraseMessagesOf(m: { id: string; mentorId: string; menteeId: string }, memberId: string): Promise<void> {
  const all = await repo.allMessages(m.id);
  const writes: TransactWriteItem[] = [];
  for (const message of all) {
    if (message.acceptedProposal) {
      writes.push(repo.agendaDelete(m.mentorId, m.id, message.acceptedProposal.startsAt));
      writes.push(repo.agendaDelete(m.menteeId, m.id, message.acceptedProposal.startsAt));
    }
    if (message.authorId !== memberId) continue;
    const { proposals: _p, editedAt: _e, acceptedProposal: _a, ...rest } = message;
    writes.push(repo.messagePut({ ...rest, body: '', deleted: true, erased: true, version: message.version + 1 }));
  }
  // Unconditional puts and deletes: an erasure run again writes the same.
  for (let i = 0; i < writes.length; i += 25) await repo.transact(writes.slice(i, i + 25).map(unconditional));
}

function unconditional(item: TransactWriteItem): TransactWriteItem {
  if (!item.Put) return item;
  const { ConditionExpression: _c, ExpressionAttributeValues: _v, ...put } = item.Put;
  return { Put: put };
}
