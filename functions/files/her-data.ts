import * as repo from './repository';

/**
 * Her files for the export and the erasure of her account. Kept apart from the file service so
 * that the functions that run them carry only these table reads and writes, no S3 code.
 */

/** What her export says of a file she attached: its owner, name, type, size, state and when. */
export type UploadedFile = {
  id: string;
  name: string;
  type: string;
  size: number;
  ownerKind: string;
  ownerId: string;
  state: string;
  createdAt: string;
};

/** Every file she attached that was not refused, oldest first. The bytes stay behind their download links. */
export async function filesUploadedBy(memberId: string): Promise<UploadedFile[]> {
  return (await repo.uploadsOf(memberId))
    .filter((f) => f.state !== 'rejected')
    .map((f) => ({
      id: f.id,
      name: f.name,
      type: f.type,
      size: f.size,
      ownerKind: f.ownerKind,
      ownerId: f.ownerId,
      state: f.state,
      createdAt: f.createdAt,
    }));
}

/**
 * Her erasure: a file she attached to an event stays with the event (it is the programme's
 * material) without her id on it; the files of her own practices go with the practices
 * (deleteOwnerFiles, from the practices' erasure).
 */
export async function forgetUploader(memberId: string): Promise<void> {
  for (const f of await repo.uploadsOf(memberId)) await repo.forgetUploader(f);
}
