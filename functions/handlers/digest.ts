/** EventBridge schedule: digests and nudges (placeholder until the scheduling lands, issue 13). */
export const handler = async (): Promise<{ queued: number }> => ({ queued: 0 });
