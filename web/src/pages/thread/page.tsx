import { createAsync, useLocation, useParams } from '@solidjs/router';
import { createEffect, on, Show, Suspense } from 'solid-js';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { t } from '../../i18n';
import { fetchPostsPage, getPosts, getThread, type Post } from '../../lib/discussion';
import { createMorePages, type MorePages } from '../../lib/more-pages';
import { getMe, isBoard } from '../../lib/session';
import { ThreadView } from './thread-view';

/**
 * A link to `#post-<id>` (a notice about a reply, say) opens that post: the thread pages forward
 * until it is on the page, then it is scrolled to and focused, so she lands on it however deep it is.
 */
function createScrollToPost(loaded: () => boolean, more: MorePages<Post>) {
  const location = useLocation();
  let reached = '';
  createEffect(
    on([loaded, () => location.hash, () => more.items().length], async ([ready, hash]) => {
      if (!ready || hash === reached || !/^#post-[\w-]+$/.test(hash)) return;
      const target = document.getElementById(hash.slice(1));
      if (target) {
        reached = hash;
        target.setAttribute('tabindex', '-1');
        target.scrollIntoView({ block: 'start' });
        target.focus({ preventScroll: true });
        return;
      }
      // Not on the pages loaded so far: fetch the next one (the effect runs again when it arrives).
      if (more.next() && !more.loading()) await more.load().catch(() => undefined);
    }),
  );
}

export default function ThreadPage() {
  const params = useParams();
  const me = createAsync(() => getMe());
  const thread = createAsync(() => getThread(params.id ?? ''));
  const posts = createAsync(() => getPosts(params.id ?? ''));
  const more = createMorePages(
    posts,
    (cursor) => fetchPostsPage(params.id ?? '', cursor),
    () => params.id,
  );
  createScrollToPost(() => !!(thread() && posts() && me()), more);
  return (
    <div class="narrow">
      <Suspense fallback={<Loading />}>
        <Show
          when={thread() && posts() && me()}
          fallback={
            <Show when={thread() === null || posts() === null}>
              <PageHeading>{t('notFound.title')}</PageHeading>
              <p>{t('thread.notFound')}</p>
            </Show>
          }
        >
          <ThreadView
            thread={thread()!}
            posts={[...(posts()?.items ?? []), ...more.items()]}
            more={more}
            me={me()!.id}
            board={isBoard(me())}
            readOnly={!!me()?.sanction}
          />
        </Show>
      </Suspense>
    </div>
  );
}
