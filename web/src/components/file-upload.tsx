import { createSignal, createUniqueId, Show } from 'solid-js';
import {
  FILE_TYPE_LIST,
  FILE_TYPES,
  type FileSummaryView,
  type FileType,
  type FileUpload as FileUploadForm,
  type FileUploadInput,
  isFileType,
  MAX_FILE_BYTES,
} from '../../../shared/files-schemas';
import { isolate, t } from '../i18n';
import { generalMessage } from '../lib/form';
import { ActionOutcome } from './status-message';

/** What the picker offers: every accepted type, by extension and by media type (phones pick by either). */
const ACCEPT = [...FILE_TYPE_LIST, ...Object.values(FILE_TYPES).flat()].join(',');

/** The file's type from the list: the browser's word for it, or else its extension (a CSV often comes without one). */
export function fileTypeOf(file: Pick<File, 'name' | 'type'>): FileType | undefined {
  if (isFileType(file.type)) return file.type;
  const name = file.name.toLowerCase();
  return FILE_TYPE_LIST.find((type) => FILE_TYPES[type].some((ext) => name.endsWith(ext)));
}

/**
 * The browser's part of a presigned POST: the form's fields, then the file, straight to storage,
 * with the upload's progress. Resolves when storage has taken the whole file.
 */
function sendForm(form: FileUploadForm['upload'], file: File, type: FileType, onProgress: (share: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const body = new FormData();
    for (const [name, value] of Object.entries(form.fields)) body.append(name, value);
    // The policy binds Content-Type: the file part carries the same type.
    body.append('file', new Blob([file], { type }), 'upload');
    const xhr = new XMLHttpRequest();
    xhr.open('POST', form.url);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => (xhr.status >= 200 && xhr.status < 300 ? resolve() : reject(new Error(`upload ${xhr.status}`)));
    xhr.onerror = () => reject(new Error('upload failed'));
    xhr.onabort = () => reject(new Error('upload aborted'));
    xhr.send(body);
  });
}

class UploadFailed extends Error {}

/**
 * Attach a file: she picks it, the app checks its size and type, asks the API for an upload form,
 * sends the file straight to storage (with its progress), then asks the API to check it. The
 * owner's own routes are given as `start` and `finish`, so practices and events share this.
 */
export function FileUpload(props: {
  start: (input: FileUploadInput) => Promise<FileUploadForm>;
  finish: (fileId: string) => Promise<FileSummaryView>;
  onUploaded: (file: FileSummaryView) => void | Promise<void>;
}) {
  const id = `file-${createUniqueId()}`;
  const [file, setFile] = createSignal<File>();
  const [progress, setProgress] = createSignal<number>();
  const [checking, setChecking] = createSignal(false);
  const [done, setDone] = createSignal<string>();
  const [problem, setProblem] = createSignal<string>();
  let input: HTMLInputElement | undefined;

  /** The problem with a file before anything is sent, or undefined. */
  const localProblem = (f: File): string | undefined => {
    if (!fileTypeOf(f)) return t('validation.file_type_not_allowed');
    if (f.size > MAX_FILE_BYTES) return t('validation.file_too_large');
    if (f.size === 0) return t('validation.file_not_uploaded');
    return undefined;
  };

  const pick = (e: Event & { currentTarget: HTMLInputElement }) => {
    const f = e.currentTarget.files?.[0];
    setDone(undefined);
    setFile(f);
    setProblem(f ? localProblem(f) : undefined);
  };

  const busy = () => progress() !== undefined || checking();

  const upload = async (e: SubmitEvent) => {
    e.preventDefault();
    const f = file();
    const type = f && fileTypeOf(f);
    if (busy()) return;
    if (!f || !type) {
      setProblem(f ? t('validation.file_type_not_allowed') : t('validation.file_not_uploaded'));
      input?.focus();
      return;
    }
    const early = localProblem(f);
    if (early) {
      setProblem(early);
      input?.focus();
      return;
    }
    setProblem(undefined);
    setDone(undefined);
    setProgress(0);
    try {
      const form = await props.start({ name: f.name, type, size: f.size });
      await sendForm(form.upload, f, type, setProgress).catch(() => {
        throw new UploadFailed();
      });
      setProgress(undefined);
      setChecking(true);
      const checked = await props.finish(form.fileId);
      setDone(t('files.upload.done', { name: isolate(checked.name) }));
      setFile(undefined);
      if (input) input.value = '';
      await props.onUploaded(checked);
    } catch (err) {
      setProblem(err instanceof UploadFailed ? t('files.upload.failed') : generalMessage(err));
    } finally {
      setProgress(undefined);
      setChecking(false);
    }
  };

  return (
    <form class="form file-upload" novalidate onSubmit={(e) => void upload(e)}>
      <div class="field" classList={{ 'field--error': !!problem() }}>
        <label class="field__label" for={id}>
          {t('files.upload.label')}
        </label>
        <p class="field__hint" id={`${id}-hint`}>
          {t('files.upload.hint')}
        </p>
        <input
          ref={input}
          id={id}
          type="file"
          accept={ACCEPT}
          aria-describedby={`${id}-hint`}
          aria-invalid={problem() ? 'true' : undefined}
          onChange={pick}
        />
      </div>
      <Show when={progress() !== undefined}>
        <p class="file-upload__progress">
          <progress max="1" value={progress() ?? 0} aria-labelledby={`${id}-progress`} />{' '}
          <span id={`${id}-progress`}>{t('files.upload.progress', { progress: progress() ?? 0 })}</span>
        </p>
      </Show>
      <Show when={checking()}>
        <p>{t('files.upload.checking')}</p>
      </Show>
      <ActionOutcome done={done()} problem={problem()} />
      <div class="actions">
        <button type="submit" class="button button--secondary" aria-disabled={busy() ? 'true' : undefined}>
          {t('files.upload.button')}
        </button>
      </div>
    </form>
  );
}
