import * as z from 'zod/mini';
import { lazy } from './schemas';
import { normalizeName } from './text';

/*
 * Attachments (issue 14): the files of a good practice and an event's materials. Same conventions
 * as shared/schemas.ts (zod/mini, built lazily on first use). The web app checks a file against
 * the same list and limit before it uploads anything.
 */

/** The largest file a member may attach: 10 MiB. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** The most files one practice or event holds. */
export const MAX_FILES_PER_OWNER = 5;

/**
 * The types a member may attach, with the extension the app offers in its file picker. Never HTML
 * or SVG: both run script when a browser opens them.
 */
export const FILE_TYPES = {
  'application/pdf': ['.pdf'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['.docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['.pptx'],
  'application/vnd.oasis.opendocument.text': ['.odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['.ods'],
  'application/vnd.oasis.opendocument.presentation': ['.odp'],
  'text/plain': ['.txt'],
  'text/csv': ['.csv'],
  'image/png': ['.png'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/webp': ['.webp'],
} as const satisfies Record<string, readonly string[]>;
export type FileType = keyof typeof FILE_TYPES;
export const FILE_TYPE_LIST = Object.keys(FILE_TYPES) as FileType[];

export const isFileType = (t: string): t is FileType => Object.hasOwn(FILE_TYPES, t);

/** A file's name as shown and as downloaded: NFC, no bidi or control characters, no path. */
export const normalizeFileName = (name: string): string => normalizeName(name).replace(/[/\\]/g, '_');

export const FileSummarySchema = /* @__PURE__ */ lazy(() =>
  z.object({ id: z.string(), name: z.string(), type: z.string(), size: z.number() }),
);
export type FileSummaryView = z.infer<typeof FileSummarySchema>;

export const FileUploadInputSchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    name: z.pipe(
      z.string().check(z.maxLength(200), z.overwrite(normalizeFileName)),
      z.string().check(z.minLength(1, { message: 'Give the file a name.' })),
    ),
    // Any string here: a type outside the list is the service's 400 with its own code (file_type_not_allowed).
    type: z.string().check(z.maxLength(200)),
    size: z.int().check(z.minimum(1), z.maximum(Number.MAX_SAFE_INTEGER)),
  }),
);
export type FileUploadInput = z.infer<typeof FileUploadInputSchema>;

export const FileUploadSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    fileId: z.string(),
    /** A presigned POST: the browser sends a multipart form with `fields` and then the file, to `url`. */
    upload: z.object({ url: z.string(), fields: z.record(z.string(), z.string()) }),
  }),
);
export type FileUpload = z.infer<typeof FileUploadSchema>;
