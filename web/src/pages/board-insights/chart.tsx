import type uPlot from 'uplot';
import { onCleanup, onMount } from 'solid-js';

export type ChartLine = { label: string; values: (number | null)[] };

/** Colours and dashes told apart without colour too (each line its own dash), all ≥ 3:1 on white. */
const COLOURS = ['#0b5563', '#a3261a', '#7a4a00', '#4b3a8c', '#1d6b35', '#8a2c6b', '#1f4e99'];
const DASHES: number[][] = [[], [8, 4], [2, 3], [12, 3, 2, 3], [4, 4], [1, 5], [10, 6]];

/**
 * A chart drawn by uPlot, which loads with the first chart (only this page imports it) and draws
 * on a canvas as wide as its box: it is drawn again whenever the box changes size (a phone
 * turned, a window resized). The chart is a picture with a title and a description; the table
 * beside it is the accessible form of the same numbers. Suppressed points are gaps.
 */
export function Chart(props: {
  titleId: string;
  descriptionId: string;
  labels: string[];
  lines: ChartLine[];
  bars?: boolean;
  format: (n: number) => string;
}) {
  let box: HTMLDivElement | undefined;
  let plot: uPlot | undefined;
  let observer: ResizeObserver | undefined;
  let gone = false;
  onCleanup(() => {
    gone = true;
    observer?.disconnect();
    plot?.destroy();
  });
  onMount(async () => {
    const [{ default: UPlot }] = await Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]);
    if (gone || !box) return;
    const el = box;
    const css = getComputedStyle(document.documentElement);
    const text = css.getPropertyValue('--text').trim() || '#1c2126';
    const line = css.getPropertyValue('--line').trim() || '#d9dde1';
    const labels = props.labels;
    const size = () => ({ width: Math.max(240, el.clientWidth), height: el.clientWidth < 480 ? 200 : 260 });
    const options: uPlot.Options = {
      ...size(),
      scales: { x: { time: false, distr: 2 } },
      legend: { live: false },
      cursor: { drag: { x: false, y: false } },
      axes: [
        // Room for a month's name between ticks, so that a phone shows every second or third month rather than a pile-up.
        {
          stroke: text,
          space: 76,
          grid: { stroke: line },
          ticks: { stroke: line },
          values: (_u, splits) => splits.map((i) => labels[i] ?? ''),
        },
        { stroke: text, grid: { stroke: line }, ticks: { stroke: line }, values: (_u, splits) => splits.map((v) => props.format(v)) },
      ],
      series: [
        {},
        ...props.lines.map((l, i) => ({
          label: l.label,
          stroke: COLOURS[i % COLOURS.length],
          width: 2,
          dash: DASHES[i % DASHES.length],
          spanGaps: false,
          points: { show: true, size: 6 },
          ...(props.bars
            ? { paths: UPlot.paths.bars?.({ size: [0.6, 64] }), fill: `${COLOURS[i % COLOURS.length]}cc`, points: { show: false } }
            : {}),
        })),
      ],
    };
    const data: uPlot.AlignedData = [labels.map((_, i) => i), ...props.lines.map((l) => l.values)];
    plot = new UPlot(options, data, el);
    observer = new ResizeObserver(() => plot?.setSize(size()));
    observer.observe(el);
  });
  return (
    <figure class="insights-chart" role="img" aria-labelledby={props.titleId} aria-describedby={props.descriptionId}>
      <div class="insights-chart__plot" dir="ltr" ref={box} />
    </figure>
  );
}
