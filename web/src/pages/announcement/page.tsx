import { A, createAsync, useParams } from '@solidjs/router';
import { Show } from 'solid-js';
import { PageHeading } from '../../components/page-heading';
import { t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { renderMarkdown } from '../../lib/markdown';
import { getAnnouncement } from './data';

/**
 * `/announcements/:id`: what the board sent every member. The body is the safe Markdown of posts
 * (member text only ever becomes text; links are links, never previews). The tab is titled by the
 * kind of page, not by the board's words.
 */
export default function AnnouncementPage() {
  const params = useParams();
  const announcement = createAsync(() => getAnnouncement(params.id ?? ''));
  return (
    <div class="narrow">
      <Show when={announcement()}>
        {(a) => (
          <article class="panel">
            <p class="muted">{t('announcement.fromBoard', { date: formatDate(a().at) })}</p>
            <PageHeading dir="auto" kind={t('announcement.kind')}>
              {a().title}
            </PageHeading>
            <div class="post__body" dir="auto">
              {renderMarkdown(a().body)}
            </div>
          </article>
        )}
      </Show>
      <p>
        <A href="/notifications">{t('announcement.back')}</A>
      </p>
    </div>
  );
}
