import { FILE_TYPES, type FileType, type FileUploadInput, MAX_FILE_BYTES, isFileType } from '../../shared/files-schemas';
import type { FileUpload } from '../../shared/files-schemas';
import { clock } from '../lib/clock';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../lib/errors';
import { ulid } from '../lib/ids';
import { log } from '../lib/log';
import type { Session } from '../lib/session';
import type { MemberRecord } from '../members/repository';
import * as repo from './repository';
import type { FileRecord } from './repository';
import * as storage from './storage';

/**
 * Attachments (issue 14): files of a good practice and an event's materials, kept in a private
 * bucket. A member asks for an upload (a presigned POST bound to one key, type and size), sends
 * the file straight to the bucket, then asks for it to be checked: its size and its first bytes
 * must be what she declared, or the object is deleted and the file rejected. Only checked files
 * are listed and downloaded, and a download is a short-lived link that saves the file, never
 * shows it.
 *
 * Each kind of owner says who may upload to and read one of its owners; this module knows
 * nothing else about practices or events.
 */

export type FileOwner = { kind: 'practice' | 'event'; id: string };
export type FileSummary = { id: string; name: string; type: string; size: number };

export type FileOwnerAccess = {
  /** Throws NotFoundError when she may not see the owner, ForbiddenError when she may see but not upload. */
  assertCanUpload(session: Session, ownerId: string, member: MemberRecord): Promise<void>;
  /** Throws NotFoundError when she may not see the owner. */
  assertCanRead(session: Session, ownerId: string, member: MemberRecord): Promise<void>;
};

const owners = new Map<FileOwner['kind'], FileOwnerAccess>();

/** Tells the file store who may upload to and read an owner of this kind (once, where the owner's domain loads). */
export function registerFileOwner(kind: FileOwner['kind'], access: FileOwnerAccess): void {
  owners.set(kind, access);
}

function accessOf(kind: FileOwner['kind']): FileOwnerAccess {
  const access = owners.get(kind);
  // A wiring mistake, not a request's: the domain that mounts the routes registers its owner.
  if (!access) throw new Error(`No file owner registered for ${kind}`);
  return access;
}

/** How many first bytes the check reads: enough for file-type to look inside an Office zip. */
const SNIFF_BYTES = 256 * 1024;
const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

const refuse = (
  code: 'file_type_not_allowed' | 'file_too_large' | 'file_not_uploaded' | 'file_size_mismatch' | 'file_content_mismatch',
  path: string,
  message: string,
  params?: Record<string, number>,
): never => {
  throw new ValidationError(message, [{ path, code, message, ...(params ? { params } : {}) }]);
};

const summary = (f: FileRecord): FileSummary => ({ id: f.id, name: f.name, type: f.type, size: f.size });

function checkOwnerId(ownerId: string | undefined): string {
  if (!ownerId || ownerId.length > 64) throw new NotFoundError();
  return ownerId;
}

async function fileOf(kind: FileOwner['kind'], ownerId: string, fileId: string | undefined): Promise<FileRecord> {
  if (!fileId || !ULID.test(fileId)) throw new NotFoundError();
  const f = await repo.getFile(kind, ownerId, fileId);
  if (!f) throw new NotFoundError();
  return f;
}

/**
 * An upload form for one file: 400 for a type outside the list or a size over 10 MiB, 409 when
 * the owner already holds five files (pending ones count until they are checked or abandoned).
 */
export async function requestUpload(
  kind: FileOwner['kind'],
  session: Session,
  member: MemberRecord,
  ownerIdParam: string | undefined,
  input: FileUploadInput,
): Promise<FileUpload> {
  const ownerId = checkOwnerId(ownerIdParam);
  await accessOf(kind).assertCanUpload(session, ownerId, member);
  if (!isFileType(input.type)) refuse('file_type_not_allowed', 'type', 'This type of file cannot be attached.');
  if (input.size > MAX_FILE_BYTES) refuse('file_too_large', 'size', 'A file is at most 10 MiB.', { maximum: MAX_FILE_BYTES });
  const now = clock.now();
  const f: FileRecord = {
    id: ulid(now),
    ownerKind: kind,
    ownerId,
    // Its own random id: the key says nothing of the file, its owner or who sent it.
    objectKey: `files/${ulid(now)}`,
    name: input.name,
    type: input.type,
    size: input.size,
    state: 'pending',
    uploaderId: session.userId,
    createdAt: new Date(now).toISOString(),
    version: 1,
  };
  if (!(await repo.createPending(f))) {
    // Full: uploads asked for and never finished hold their slot only until their form expired.
    if (!(await releaseAbandoned(kind, ownerId, now)) || !(await repo.createPending(f))) {
      throw new ConflictError('too_many_files', 'This already has the most files it can hold (5). Remove one first.');
    }
  }
  const upload = await storage.presignUpload(f.objectKey, f.type);
  log.info('file upload requested', { fileId: f.id, ownerKind: kind, ownerId });
  return { fileId: f.id, upload };
}

/** Frees the slots of pending files whose upload form has expired; true when it freed any. */
async function releaseAbandoned(kind: FileOwner['kind'], ownerId: string, now: number): Promise<boolean> {
  const cutoff = new Date(now - (storage.UPLOAD_SECONDS + 60) * 1000).toISOString();
  const abandoned = (await repo.ownerFiles(kind, ownerId)).filter((f) => f.state === 'pending' && f.createdAt < cutoff);
  let freed = false;
  // The record goes first (on its version: a check that just passed keeps the file), then the object.
  for (const f of abandoned) {
    if (!(await repo.removeFile(f))) continue;
    freed = true;
    await storage.remove(f.objectKey);
  }
  return freed;
}

/**
 * Checks an uploaded file: it must be in the bucket, its size the declared one (and at most 10 MiB),
 * and its first bytes of the declared type. A file that fails is deleted from the bucket and marked
 * rejected (400 with the reason); one that passes is listed from now on. Only its uploader asks.
 */
export async function complete(
  kind: FileOwner['kind'],
  session: Session,
  member: MemberRecord,
  ownerIdParam: string | undefined,
  fileId: string | undefined,
): Promise<FileSummary> {
  const ownerId = checkOwnerId(ownerIdParam);
  await accessOf(kind).assertCanUpload(session, ownerId, member);
  const f = await fileOf(kind, ownerId, fileId);
  if (f.uploaderId !== session.userId) throw new NotFoundError();
  const settled = f.state === 'pending' ? await settle(f) : f;
  if (!settled) return refuse('file_not_uploaded', '', 'Nothing has been uploaded for this file yet.');
  if (settled.state === 'ready') return summary(settled);
  return refuseFor(settled.refused);
}

/** The refusal of a rejected file, worded by why it was refused. */
function refuseFor(problem: string | undefined): never {
  if (problem === 'file_too_large') refuse(problem, 'size', 'A file is at most 10 MiB.', { maximum: MAX_FILE_BYTES });
  if (problem === 'file_size_mismatch') refuse(problem, 'size', 'The uploaded file is not the size declared.');
  return refuse('file_content_mismatch', 'type', 'The file is not of the type declared. It was deleted.');
}

/**
 * Checks a pending file's object and settles it: ready, or rejected with the object deleted.
 * Two checks may run at once — hers (`complete`) and the bucket's event (`checkUploadedObject`) —
 * and read the same bytes: the first to move the record wins, the other answers what it decided.
 * Undefined while nothing has been uploaded.
 */
async function settle(f: FileRecord): Promise<FileRecord | undefined> {
  const problem = await checkObject(f);
  if (problem === 'file_not_uploaded') {
    // Not there yet, or gone because the other check refused it: the record says which.
    const now = await repo.getFile(f.ownerKind, f.ownerId, f.id);
    return now && now.state !== 'pending' ? now : undefined;
  }
  if (problem) {
    // The record first: whoever then finds the object gone reads why. (If the delete fails, the
    // bucket's event runs again and deletes it: see checkUploadedObject.)
    if (await repo.markRejected(f, clock.now(), problem)) {
      await storage.remove(f.objectKey);
      log.info('file rejected', { fileId: f.id, ownerKind: f.ownerKind, ownerId: f.ownerId, reason: problem });
      return { ...f, state: 'rejected', refused: problem };
    }
  } else if (await repo.markReady(f)) {
    log.info('file ready', { fileId: f.id, ownerKind: f.ownerKind, ownerId: f.ownerId });
    return { ...f, state: 'ready' };
  }
  const now = await repo.getFile(f.ownerKind, f.ownerId, f.id);
  // Removed meanwhile (her delete, the owner's erasure): nothing is left to answer for.
  if (!now) throw new NotFoundError();
  if (now.state === 'pending') throw new ConflictError('already_handled');
  return now;
}

/**
 * The bucket's "object created" event (an EventBridge rule in AWS, s3rver's event locally): every
 * object is checked as it lands, whether or not the member's browser asks for the check after
 * its upload — a file sent with a form and never completed is not left unchecked in the bucket.
 * An object no form was given for is deleted.
 */
export async function checkUploadedObject(objectKey: string): Promise<void> {
  const pointer = objectKey.startsWith('files/') ? await repo.objectPointer(objectKey) : undefined;
  const f = pointer ? await repo.getFile(pointer.ownerKind, pointer.ownerId, pointer.fileId) : undefined;
  if (!f || f.objectKey !== objectKey) {
    await storage.remove(objectKey);
    log.warn('unknown object deleted', { objectKey });
    return;
  }
  if (f.state === 'ready') {
    // Her form stays valid five minutes: a second upload with it replaces checked bytes. Checked
    // again; if they fail now, the file goes.
    const problem = await checkObject(f);
    if (problem && problem !== 'file_not_uploaded' && (await repo.removeFile(f))) {
      await storage.remove(f.objectKey);
      log.warn('replaced file removed', { fileId: f.id, ownerKind: f.ownerKind, ownerId: f.ownerId, reason: problem });
    }
    return;
  }
  if (f.state === 'rejected') {
    // Refused by a check whose delete did not happen (this event is a retry), or done already.
    await storage.remove(f.objectKey);
    return;
  }
  try {
    await settle(f);
  } catch (e) {
    // Settled or removed by another path at the same moment: its outcome stands.
    if (!(e instanceof NotFoundError || e instanceof ConflictError)) throw e;
  }
}

type Problem = 'file_not_uploaded' | 'file_too_large' | 'file_size_mismatch' | 'file_content_mismatch' | undefined;

async function checkObject(f: FileRecord): Promise<Problem> {
  const found = await storage.inspect(f.objectKey, SNIFF_BYTES);
  if (!found) return 'file_not_uploaded';
  if (found.size > MAX_FILE_BYTES) return 'file_too_large';
  if (found.size !== f.size) return 'file_size_mismatch';
  return (await isOfType(found.head, found.size, f.type)) ? undefined : 'file_content_mismatch';
}

/** file-type, loaded by the first check of an instance and kept. */
let fileType: Promise<typeof import('file-type/core')> | undefined;

/** Types with no magic number: accepted only as plain UTF-8 text. */
const TEXT_TYPES = new Set<FileType>(['text/plain', 'text/csv']);

/**
 * Whether the first bytes are a file of the declared type: a binary type by its signature
 * (file-type, loaded on the first check), text as valid UTF-8 with no NUL and nothing a browser
 * could take for markup (HTML, SVG, XML) at its start.
 */
export async function isOfType(head: Uint8Array, size: number, declared: string): Promise<boolean> {
  if (!isFileType(declared)) return false;
  fileType ??= import('file-type/core');
  const { fileTypeFromBuffer } = await fileType;
  const detected = await fileTypeFromBuffer(head);
  if (!TEXT_TYPES.has(declared)) return detected?.mime === declared;
  if (detected) return false;
  let text: string;
  try {
    // A head cut short of the whole file may end inside a character: `stream` leaves that to the next chunk.
    text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: head.length < size });
  } catch {
    return false;
  }
  if (text.includes('\u0000')) return false;
  return !/^[\uFEFF\s]*</.test(text);
}

/** A 302's target: a five-minute link that downloads a checked file (404 for anything else, or outside the owner's readers). */
export async function downloadUrl(
  kind: FileOwner['kind'],
  session: Session,
  member: MemberRecord,
  ownerIdParam: string | undefined,
  fileId: string | undefined,
): Promise<string> {
  const ownerId = checkOwnerId(ownerIdParam);
  await accessOf(kind).assertCanRead(session, ownerId, member);
  const f = await fileOf(kind, ownerId, fileId);
  if (f.state !== 'ready') throw new NotFoundError();
  log.info('file download', { fileId: f.id, ownerKind: kind, ownerId });
  return storage.presignDownload(f.objectKey, withExtension(f.name, f.type as FileType), f.type);
}

/** The name she gave, with the type's extension when it lacks one, so her device opens it with the right app. */
function withExtension(name: string, type: FileType): string {
  const exts: readonly string[] = FILE_TYPES[type] ?? [];
  return exts.some((e) => name.toLowerCase().endsWith(e)) ? name : `${name}${exts[0] ?? ''}`;
}

/** Removes a file: its uploader or the board (403 for other readers, 404 outside them). */
export async function deleteFile(
  kind: FileOwner['kind'],
  session: Session,
  member: MemberRecord,
  ownerIdParam: string | undefined,
  fileId: string | undefined,
): Promise<void> {
  const ownerId = checkOwnerId(ownerIdParam);
  await accessOf(kind).assertCanRead(session, ownerId, member);
  const f = await fileOf(kind, ownerId, fileId);
  const own = f.uploaderId === session.userId;
  if (f.state === 'rejected' || (f.state === 'pending' && !own)) throw new NotFoundError();
  if (!own && !session.isBoard)
    throw new ForbiddenError('Only the member who attached this file and the board can remove it.', 'uploader_only');
  // The record first: once it is gone nothing lists or serves the file, and an object left behind
  // by a failure after it is private and unreachable.
  if (!(await repo.removeFile(f))) throw new ConflictError('stale_state');
  await storage.remove(f.objectKey);
  log.info('file deleted', { fileId: f.id, ownerKind: kind, ownerId });
}

/** The owner's checked files, oldest first. */
export async function listFiles(owner: FileOwner): Promise<FileSummary[]> {
  const files = await repo.ownerFiles(owner.kind, owner.id);
  return files.filter((f) => f.state === 'ready').map(summary);
}

/** Every file of an owner, object and record, and its count (the owner is being erased). */
export async function deleteOwnerFiles(owner: FileOwner): Promise<void> {
  for (const f of await repo.ownerFiles(owner.kind, owner.id)) {
    await repo.removeFile(f);
    if (f.state !== 'rejected') await storage.remove(f.objectKey);
  }
  await repo.removeCount(owner.kind, owner.id);
}

export { filesUploadedBy, forgetUploader, type UploadedFile } from './her-data';
