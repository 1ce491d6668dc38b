import { For } from 'solid-js';
import type { Completion } from '../../../shared/schemas';
import { isolate, t } from '../i18n';
import { formatMonth } from '../i18n/format';

/** The series she completed, newest first: "<series title> (<month year>)". */
export function CompletionList(props: { items: readonly Completion[] }) {
  const newestFirst = () => [...props.items].sort((a, b) => b.completedAt.localeCompare(a.completedAt));
  return (
    <ul class="plain-list">
      <For each={newestFirst()}>
        {(c) => <li>{t('completion.item', { title: isolate(c.title), date: formatMonth(c.completedAt) })}</li>}
      </For>
    </ul>
  );
}
