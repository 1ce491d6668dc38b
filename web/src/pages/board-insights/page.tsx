import { A, createAsync, useSearchParams } from '@solidjs/router';
import { createSignal, For, Show, Suspense } from 'solid-js';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { intlLocale, type MessageKey, t } from '../../i18n';
import { countryName } from '../../i18n/format';
import { Chart } from './chart';
import { downloadCsv, toCsv } from './csv';
import { getInsights, type Insights, type InsightsCell, type InsightsTable, rangeFrom } from './data';
import './insights.css';

type TableId = keyof Insights['tables'];
type Section = { id: TableId; rows: 'month' | 'country' | 'rating'; chart?: { bars?: boolean } };

/** The page's sections in order: each a chart (but the country table) and its table. */
const SECTIONS: Section[] = [
  { id: 'members', rows: 'month', chart: {} },
  { id: 'countries', rows: 'country' },
  { id: 'applications', rows: 'month', chart: {} },
  { id: 'requests', rows: 'month', chart: {} },
  { id: 'mentorships', rows: 'month', chart: {} },
  { id: 'feedback', rows: 'rating', chart: { bars: true } },
  { id: 'events', rows: 'month', chart: {} },
  { id: 'discussion', rows: 'month', chart: {} },
  { id: 'moderation', rows: 'month', chart: {} },
];

/** Columns that are means, not counts: not drawn with the counts, shown to one decimal. */
const isMean = (column: string) => column.startsWith('mean');
const MAX_MONTHS = 24;

const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;

function formatters() {
  const whole = new Intl.NumberFormat(intlLocale());
  const decimal = new Intl.NumberFormat(intlLocale(), { maximumFractionDigits: 1 });
  // Months are calendar months, not moments: formatted in UTC so no time zone moves one into the last.
  const month = new Intl.DateTimeFormat(intlLocale(), { month: 'short', year: 'numeric', timeZone: 'UTC' });
  return {
    whole: (n: number) => whole.format(n),
    decimal: (n: number) => decimal.format(n),
    month: (m: string) => month.format(new Date(`${m}-01T00:00:00Z`)),
  };
}

export default function InsightsPage() {
  const [search, setSearch] = useSearchParams();
  const insights = createAsync(() => getInsights(rangeFrom(search)));
  return (
    <div class="insights">
      <PageHeading>{t('insights.title')}</PageHeading>
      <p class="lead">{t('insights.intro')}</p>
      <Suspense fallback={<Loading />}>
        <Show when={insights()}>
          {(data) => (
            <>
              <RangeForm from={data().from} to={data().to} onChoose={(from, to) => setSearch({ from, to })} />
              <p class="no-print">
                <A href="/board/mentorships">{t('insights.feedbackLink')}</A>
              </p>
              <For each={SECTIONS}>{(section) => <InsightSection section={section} data={data()} />}</For>
            </>
          )}
        </Show>
      </Suspense>
    </div>
  );
}

/** The months to show: two month fields, checked here as the API checks them (from ≤ to, at most 24). */
function RangeForm(props: { from: string; to: string; onChoose: (from: string, to: string) => void }) {
  const [problem, setProblem] = createSignal<MessageKey | undefined>();
  let fromInput: HTMLInputElement | undefined;
  let toInput: HTMLInputElement | undefined;
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const from = fromInput?.value ?? '';
    const to = toInput?.value ?? '';
    if (!/^\d{4}-\d{2}$/.test(from) || !/^\d{4}-\d{2}$/.test(to) || monthIndex(from) > monthIndex(to))
      return setProblem('insights.rangeOrder');
    if (monthIndex(to) - monthIndex(from) + 1 > MAX_MONTHS) return setProblem('insights.rangeTooLong');
    setProblem(undefined);
    props.onChoose(from, to);
  };
  return (
    <form class="insights-range no-print" onSubmit={submit} noValidate>
      <div class="insights-range__fields">
        <div class="field">
          <label class="field__label" for="insights-from">
            {t('insights.from')}
          </label>
          <input id="insights-from" class="input" type="month" ref={fromInput} value={props.from} aria-describedby="insights-range-hint" />
        </div>
        <div class="field">
          <label class="field__label" for="insights-to">
            {t('insights.to')}
          </label>
          <input id="insights-to" class="input" type="month" ref={toInput} value={props.to} aria-describedby="insights-range-hint" />
        </div>
        <div class="insights-range__actions">
          <button type="submit" class="button">
            {t('insights.show')}
          </button>
          <button type="button" class="button button--secondary" onClick={() => window.print()}>
            {t('insights.print')}
          </button>
        </div>
      </div>
      <p id="insights-range-hint" class="field__hint">
        {t('insights.rangeHint')}
      </p>
      <Show when={problem()}>
        {(key) => (
          <p class="field__error" role="alert">
            {t(key())}
          </p>
        )}
      </Show>
    </form>
  );
}

function InsightSection(props: { section: Section; data: Insights }) {
  const id = () => props.section.id;
  const table = (): InsightsTable => props.data.tables[id()];
  const f = formatters();
  const title = () => t(`insights.${id()}.title` as MessageKey);
  const columnName = (c: string) => t(`insights.col.${c}` as MessageKey);
  const rowLabel = (label: string) =>
    props.section.rows === 'month' ? f.month(label) : props.section.rows === 'country' ? countryName(label) : f.whole(Number(label));
  const cellText = (cell: InsightsCell | undefined, column: string) =>
    cell?.suppressed ? t('insights.fewerThan5') : cell?.value == null ? '' : isMean(column) ? f.decimal(cell.value) : f.whole(cell.value);
  const firstHeader = () =>
    t(props.section.rows === 'month' ? 'insights.month' : props.section.rows === 'country' ? 'insights.country' : 'insights.rating');
  const lines = () =>
    table()
      .columns.filter((c) => !isMean(c))
      .map((c) => {
        const s = props.data.series.find((x) => x.name === `${id()}.${c}`);
        return { label: columnName(c), values: (s?.points ?? []).map((p) => p.value) };
      });
  const download = () => {
    const cell = (c: InsightsCell | undefined) => (c?.suppressed ? '<5' : c?.value == null ? '' : c.value);
    const rows: (string | number)[][] = [
      [firstHeader(), ...table().columns.map(columnName)],
      ...table().rows.map((r) => [props.section.rows === 'country' ? countryName(r.label) : r.label, ...r.cells.map(cell)]),
      ...(table().totals ? [[t('insights.total'), ...(table().totals ?? []).map(cell)]] : []),
    ];
    downloadCsv(`insights-${id()}-${props.data.from}-${props.data.to}.csv`, toCsv(rows));
  };
  return (
    // Not a landmark itself: its table's scroll box is, named by the table's caption.
    <section class="insights-section">
      <h2 id={`insights-${id()}`} class="section-title">
        {title()}
      </h2>
      <p id={`insights-${id()}-about`} class="insights-section__about">
        {t(`insights.${id()}.about` as MessageKey)}
      </p>
      <div
        class="insights-section__body"
        classList={{
          'insights-section__body--table-only': !props.section.chart,
          'insights-section__body--wide': table().columns.length > 4,
        }}
      >
        <Show when={props.section.chart}>
          {(chart) => (
            <Chart
              titleId={`insights-${id()}`}
              descriptionId={`insights-${id()}-about`}
              labels={table().rows.map((r) => rowLabel(r.label))}
              lines={lines()}
              bars={chart().bars}
              format={f.whole}
            />
          )}
        </Show>
        <div class="insights-table">
          {/* A wide table scrolls in its box: focusable, so a keyboard can scroll it too. */}
          <section class="table-wrap" aria-labelledby={`insights-${id()}-caption`} tabindex="0">
            <table class="table insights-table__table">
              <caption id={`insights-${id()}-caption`}>{title()}</caption>
              <thead>
                <tr>
                  <th scope="col">{firstHeader()}</th>
                  <For each={table().columns}>{(c) => <th scope="col">{columnName(c)}</th>}</For>
                </tr>
              </thead>
              <tbody>
                <For
                  each={table().rows}
                  fallback={
                    <tr>
                      <td colspan={table().columns.length + 1}>{t('insights.noRows')}</td>
                    </tr>
                  }
                >
                  {(r) => (
                    <tr>
                      <th scope="row">{rowLabel(r.label)}</th>
                      <For each={r.cells}>
                        {(c, i) => (
                          <td class="table__number" classList={{ 'insights-suppressed': !!c.suppressed }}>
                            {cellText(c, table().columns[i()] ?? '')}
                          </td>
                        )}
                      </For>
                    </tr>
                  )}
                </For>
              </tbody>
              <Show when={table().totals}>
                {(totals) => (
                  <tfoot>
                    <tr>
                      <th scope="row">{t('insights.total')}</th>
                      <For each={totals()}>
                        {(c, i) => (
                          <td class="table__number" classList={{ 'insights-suppressed': !!c.suppressed }}>
                            {cellText(c, table().columns[i()] ?? '')}
                          </td>
                        )}
                      </For>
                    </tr>
                  </tfoot>
                )}
              </Show>
            </table>
          </section>
          <button type="button" class="button button--secondary button--small" onClick={download}>
            {t('insights.download', { title: title() })}
          </button>
        </div>
      </div>
    </section>
  );
}
