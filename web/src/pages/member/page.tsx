import { A, createAsync, query, revalidate, useNavigate, useParams } from '@solidjs/router';
import { createSignal, For, Show, Suspense, type JSX } from 'solid-js';
import type { Profile } from '../../../../shared/schemas';
import { CompletionList } from '../../components/completions';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Loading } from '../../components/loading';
import { AskForMentoring } from '../mentors/ask-for-mentoring';
import { ReportDialog, type ReportTarget } from '../../components/report-dialog';
import { PageHeading } from '../../components/page-heading';
import { isolate, t, type MessageKey } from '../../i18n';
import { countryName, expertiseName, languageName } from '../../i18n/format';
import { api, unwrap } from '../../lib/api';
import { createBusy, generalMessage } from '../../lib/form';
import { getMe, isBoard } from '../../lib/session';
import { getDirectoryPage } from '../directory/data';
import { announceBlocked } from '../directory/notice';
import { getMember } from './data';
import { SharedPlanLink } from '../member-plan/link';
import { Sanction } from './sanction';

function Detail(props: { label: MessageKey; when: unknown; children: JSX.Element }) {
  return (
    <Show when={props.when}>
      <div class="details__row">
        <dt>{t(props.label)}</dt>
        <dd>{props.children}</dd>
      </div>
    </Show>
  );
}

function MemberDetails(props: { profile: Profile }) {
  const p = () => props.profile;
  const goals = () => [p().goals?.shortTerm, p().goals?.mediumTerm, p().goals?.longTerm].filter((g): g is string => !!g);
  const shared = () =>
    [p().country, p().organization, p().jobTitle, p().bio, p().timezone].some(Boolean) ||
    !!p().expertise?.length ||
    !!p().languages?.length ||
    !!p().completions?.length ||
    goals().length > 0;
  return (
    <Show when={shared()} fallback={<p class="muted">{t('member.nothingShared')}</p>}>
      <dl class="details">
        <Detail label="member.country" when={p().country}>
          {countryName(p().country ?? '')}
        </Detail>
        <Detail label="member.organization" when={p().organization}>
          <span dir="auto">{p().organization}</span>
        </Detail>
        <Detail label="member.jobTitle" when={p().jobTitle}>
          <span dir="auto">{p().jobTitle}</span>
        </Detail>
        <Detail label="member.bio" when={p().bio}>
          <p class="prose" dir="auto">
            {p().bio}
          </p>
        </Detail>
        <Detail label="member.expertise" when={p().expertise?.length}>
          <ul class="tags">
            <For each={p().expertise}>{(e) => <li class="tag">{expertiseName(e)}</li>}</For>
          </ul>
        </Detail>
        <Detail label="member.languages" when={p().languages?.length}>
          {(p().languages ?? []).map(languageName).join(', ')}
        </Detail>
        <Detail label="member.timezone" when={p().timezone}>
          {p().timezone?.replace(/_/g, ' ')}
        </Detail>
        <Detail label="member.goals" when={goals().length}>
          <ul class="plain-list">
            <For each={goals()}>{(g) => <li dir="auto">{g}</li>}</For>
          </ul>
        </Detail>
        <Detail label="completion.field" when={p().completions?.length}>
          <CompletionList items={p().completions ?? []} />
        </Detail>
      </dl>
    </Show>
  );
}

export default function MemberPage() {
  const params = useParams();
  const navigate = useNavigate();
  const member = createAsync(() => getMember(params.id ?? ''));
  const me = createAsync(() => getMe());
  const [confirming, setConfirming] = createSignal(false);
  const [report, setReport] = createSignal<ReportTarget>();
  const { busy, run } = createBusy();
  const [error, setError] = createSignal<string>();

  const block = async (id: string) => {
    setError(undefined);
    await run(
      async () => {
        await unwrap(api.members.me.blocks[':id'].$put({ param: { id } }));
        setConfirming(false);
        announceBlocked();
        // Neither the directory nor this profile may come back from the cache.
        await revalidate(getDirectoryPage.key);
        query.delete(getMember.keyFor(id));
        navigate('/directory');
      },
      (e) => {
        setError(generalMessage(e));
      },
    );
  };

  return (
    <div class="narrow">
      <p class="back">
        <A href="/directory">{t('member.back')}</A>
      </p>
      <Suspense fallback={<Loading />}>
        <Show
          when={member()}
          fallback={
            <Show when={member() === null}>
              <PageHeading>{t('notFound.title')}</PageHeading>
              <p>{t('member.notFound')}</p>
            </Show>
          }
        >
          {(m) => (
            <>
              <PageHeading dir="auto" kind={t('pageKind.member')}>
                {m().displayName}
              </PageHeading>
              <p class="muted">{t(`kind.${m().kind}`)}</p>
              <MemberDetails profile={m()} />
              <Show when={isBoard(me()) && me()?.id !== m().id}>
                <SharedPlanLink memberId={m().id} />
              </Show>
              <Show when={me()?.id !== m().id}>
                <AskForMentoring mentorId={m().id} name={m().displayName} />
              </Show>
              <section class="panel panel--quiet" aria-labelledby="block-title">
                <h2 class="section-title" id="block-title">
                  {t('member.blockTitle')}
                </h2>
                <p>{t('member.blockExplain')}</p>
                <button type="button" class="button button--secondary" onClick={() => setConfirming(true)}>
                  {t('member.block')}
                </button>
              </section>
              <Show when={me()?.id !== m().id}>
                <section class="panel panel--quiet" aria-labelledby="report-member-title">
                  <h2 class="section-title" id="report-member-title">
                    {t('member.reportTitle')}
                  </h2>
                  <p>{t('member.reportExplain', { kind: m().kind })}</p>
                  <button
                    type="button"
                    class="button button--secondary"
                    onClick={() => setReport({ targetType: 'member', targetId: m().id, title: t('member.reportLabel') })}
                  >
                    {t('member.report')}
                  </button>
                </section>
              </Show>
              {/* Mounted only while open: its fields must not share ids with the sanction dialog's. */}
              <Show when={report()}>{(target) => <ReportDialog target={target()} onClose={() => setReport(undefined)} />}</Show>
              <Show when={isBoard(me()) && me()?.id !== m().id}>
                <Sanction memberId={m().id} name={m().displayName} kind={m().kind} />
              </Show>
              <ConfirmDialog
                open={confirming()}
                title={t('member.blockConfirmTitle', { name: isolate(m().displayName) })}
                confirmLabel={t('member.blockConfirm')}
                danger
                busy={busy()}
                onConfirm={() => void block(m().id)}
                onClose={() => setConfirming(false)}
              >
                <p>{t('member.blockExplain')}</p>
                <p>{t('member.blockSilent')}</p>
                <Show when={error()}>
                  <p class="field__error" role="alert">
                    {error()}
                  </p>
                </Show>
              </ConfirmDialog>
            </>
          )}
        </Show>
      </Suspense>
    </div>
  );
}
