import { createSignal, For, Show } from 'solid-js';
import { FILE_TYPES, type FileSummaryView, isFileType } from '../../../shared/files-schemas';
import { intlLocale, isolate, t } from '../i18n';
import { generalMessage } from '../lib/form';
import { ConfirmDialog } from './confirm-dialog';
import { ActionOutcome } from './status-message';

/** "PDF", "DOCX": the type as its extension, the same in every language. */
const typeLabel = (type: string) => (isFileType(type) ? (FILE_TYPES[type][0] ?? '').slice(1).toUpperCase() : '');

/** "1.2 MB", "840 kB" in her language's digits and units. */
export function humanSize(bytes: number): string {
  const [value, unit] = bytes >= 1_000_000 ? [bytes / 1_000_000, 'megabyte'] : [Math.max(bytes / 1000, 0.1), 'kilobyte'];
  return new Intl.NumberFormat(intlLocale(), { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}

/**
 * An owner's files: each name a download link (the API redirects to a short-lived link that saves
 * the file, never shows it), its type and size; a remove button where `canRemove` says so.
 */
export function FileList(props: {
  files: readonly FileSummaryView[];
  href: (fileId: string) => string;
  canRemove?: (file: FileSummaryView) => boolean;
  remove?: (fileId: string) => Promise<void>;
  onRemoved?: () => void | Promise<void>;
  /**
   * Asks the API for the file before the browser goes to it, so that a session that lapsed while
   * the page stood open is refreshed (a plain link would land on a 401) and a file removed
   * meanwhile is said in words.
   */
  prepare?: (fileId: string) => Promise<void>;
}) {
  const [confirming, setConfirming] = createSignal<FileSummaryView>();
  const [busy, setBusy] = createSignal(false);
  const [done, setDone] = createSignal<string>();
  const [problem, setProblem] = createSignal<string>();

  const open = async (e: MouseEvent, f: FileSummaryView) => {
    if (!props.prepare) return;
    e.preventDefault();
    setDone(undefined);
    setProblem(undefined);
    try {
      await props.prepare(f.id);
      // The answer saves the file (Content-Disposition: attachment): the page stays where it is.
      window.location.assign(props.href(f.id));
    } catch (err) {
      setProblem(generalMessage(err));
    }
  };

  const remove = async () => {
    const f = confirming();
    if (!f || !props.remove || busy()) return;
    setBusy(true);
    setDone(undefined);
    setProblem(undefined);
    try {
      await props.remove(f.id);
      setDone(t('files.removed'));
      setConfirming(undefined);
      await props.onRemoved?.();
    } catch (err) {
      setConfirming(undefined);
      setProblem(generalMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Show when={props.files.length > 0} fallback={<p>{t('files.empty')}</p>}>
        <ul class="file-list">
          <For each={props.files}>
            {(f) => (
              <li class="file-list__item">
                <a class="file-list__name" href={props.href(f.id)} download={f.name} dir="auto" onClick={(e) => void open(e, f)}>
                  {f.name}
                </a>{' '}
                <span class="file-list__details">{t('files.details', { type: typeLabel(f.type), size: humanSize(f.size) })}</span>
                <Show when={props.canRemove?.(f)}>
                  {' '}
                  <button type="button" class="button button--secondary button--small" onClick={() => setConfirming(f)}>
                    {t('files.remove', { name: isolate(f.name) })}
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <ActionOutcome done={done()} problem={problem()} />
      <ConfirmDialog
        open={confirming() !== undefined}
        title={t('files.remove', { name: isolate(confirming()?.name ?? '') })}
        confirmLabel={t('files.remove', { name: isolate(confirming()?.name ?? '') })}
        busy={busy()}
        danger
        onConfirm={() => void remove()}
        onClose={() => setConfirming(undefined)}
      >
        <p>{t('files.removeConfirm')}</p>
      </ConfirmDialog>
    </>
  );
}
