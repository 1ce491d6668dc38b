import { DEFAULT_EXIT_URL, SHIFT_PRESSES } from '../../../shared/discretion';
import { type Locale, LOCALES } from '../../../shared/locales';
import { deviceLocale } from '../i18n/device';
import { ICONS, readDiscreet } from '../lib/discreet-kept';
import { leaveFor, listenForShifts, readExitUrl } from '../lib/quick-exit-core';
import { FIRST_PAINT_ID, type FirstPaintWords, TAKEN_OVER } from './first-paint';

/*
 * The first paint: a classic script at the start of <body>, run before anything of the page is drawn
 * (built on its own by web/first-paint.ts, with the few words it shows from every catalog). On a poor
 * link the app's code and her language's catalog take seconds; until they arrive she sees the header,
 * a line saying the page is loading, and a quick exit that works in full (the session ends on the
 * server, this browser forgets, three Shifts leave too), all in her device's language and direction.
 * It also names the tab as discreet mode says before the tab shows anything (index.html has no
 * title), and starts the download of her language's catalog.
 * The app removes all of it when it draws its own page (first-paint.ts, takeOverFirstPaint).
 *
 * Hand-written DOM: a few elements, and no framework may load before the page can first be drawn.
 */

declare const FIRST_PAINT_WORDS: FirstPaintWords;
declare const FIRST_PAINT_CATALOGS: Record<Locale, string>;

const tag = deviceLocale();
const words = FIRST_PAINT_WORDS[tag];

// Her language's catalog starts downloading now, beside the app's code rather than after it: the
// app asks for the same module when it starts, and the browser hands it the one already on its way.
// A wrong guess (her account's language differs) costs only a download.
const catalog = document.createElement('link');
catalog.rel = 'modulepreload';
catalog.href = FIRST_PAINT_CATALOGS[tag];
document.head.append(catalog);
document.documentElement.lang = tag;
document.documentElement.dir = LOCALES[tag].dir;

const discreet = readDiscreet().on;
document.title = discreet ? words['discreet.tabTitle'] : words['app.name'];
const icon = document.createElement('link');
icon.rel = 'icon';
icon.type = 'image/svg+xml';
icon.href = discreet ? ICONS.discreet : ICONS.plain;
document.head.append(icon);

function el(name: string, attributes: Record<string, string>, ...children: (Node | string)[]): HTMLElement {
  const element = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  element.append(...children);
  return element;
}

let exitTo = DEFAULT_EXIT_URL;
const leave = (e: Event) => {
  e.preventDefault();
  leaveFor(exitTo);
};

const skip = el('a', { class: 'skip-link', href: '#quick-exit' }, words['exit.skip']);
skip.addEventListener('click', leave);
const dots = Array.from({ length: SHIFT_PRESSES }, () => el('span', { class: 'quick-exit__dot' }));
const button = el(
  'a',
  { class: 'quick-exit__button', href: exitTo, rel: 'noreferrer nofollow' },
  words['exit.button'],
  el('span', { class: 'quick-exit__dots', 'aria-hidden': 'true' }, ...dots),
);
button.addEventListener('click', leave);
// How many presses of Shift are left, said politely, as the app's own exit says it.
const status = el('p', { class: 'visually-hidden', role: 'status' });

document.body.prepend(
  el(
    'div',
    { id: FIRST_PAINT_ID },
    skip,
    el('header', { class: 'header' }, el('div', { class: 'header__inner' }, el('a', { class: 'brand', href: '/' }, words['app.name']))),
    el('main', { class: 'main' }, el('p', { class: 'loading', role: 'status' }, words['app.loading'])),
    el(
      'aside',
      { class: 'quick-exit', id: 'quick-exit', 'aria-label': words['exit.region'] },
      button,
      el('a', { class: 'quick-exit__help', href: '/staying-safe' }, words['exit.help']),
      status,
    ),
  ),
);

const stopShifts = listenForShifts(
  (presses) => {
    for (const [i, dot] of dots.entries()) dot.classList.toggle('quick-exit__dot--on', i < presses);
    status.textContent = presses > 0 ? (words.shiftsLeft[SHIFT_PRESSES - presses] ?? '') : '';
  },
  () => leaveFor(exitTo),
);
window.addEventListener(TAKEN_OVER, stopShifts, { once: true });

void readExitUrl().then((url) => {
  if (!url) return;
  exitTo = url;
  button.setAttribute('href', url);
});
