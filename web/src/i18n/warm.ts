/**
 * The browser loads each Intl service's data (plural rules, time zones, the names of regions and
 * languages, collation) the first time a page asks for it: 20–65 ms each on a cheap phone, 80–260 ms
 * at Lighthouse's 4× throttling. A member's pages ask for all of them in their first render, after
 * her data has arrived, in the one task that draws the page. Signed in, they are asked for here
 * instead, while the page still waits on the network, one service per task, so that render finds
 * them loaded. (Signed out, the pages use plain messages only: nothing is warmed.)
 */
export function warmIntl(tags: string[]): void {
  const steps = [
    () => new Intl.PluralRules(tags).select(1),
    () =>
      new Intl.DateTimeFormat(tags, {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      }).format(0),
    () => new Intl.DisplayNames(tags, { type: 'region' }).of('PK'),
    () => new Intl.DisplayNames(tags, { type: 'language' }).of('ur'),
    () => new Intl.NumberFormat(tags).format(1),
  ];
  const next = () => {
    const step = steps.shift();
    if (!step) return;
    try {
      step();
    } catch {
      // A browser without one of these services formats without it; nothing to warm.
    }
    setTimeout(next, 0);
  };
  setTimeout(next, 0);
}
