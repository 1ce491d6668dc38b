import { createEffect, createSignal, on } from 'solid-js';

export type PageOf<T> = { items: T[]; nextCursor: string | null };

export type MorePages<T> = {
  /** Items of every page after the first, in order. */
  items: () => T[];
  /** The cursor of the next page, or null/undefined when there is none. */
  next: () => string | null | undefined;
  loading: () => boolean;
  /** Fetches the next page; rejects with the API error (the caller shows it). */
  load: () => Promise<void>;
};

/**
 * The pages after the first of a cursor-paged list, for a "Load more" button. When the first
 * page is fetched again for the same list (a revalidation after a write), the pages she had
 * opened are fetched again too, so a reply or a decision never makes the list shrink back to one
 * page. When `list` names another list (another thread, a new filter), it starts at one page.
 */
export function createMorePages<T>(
  first: () => PageOf<T> | null | undefined,
  fetchPage: (cursor: string) => Promise<PageOf<T>>,
  list?: () => unknown,
): MorePages<T> {
  const [items, setItems] = createSignal<T[]>([]);
  const [cursor, setCursor] = createSignal<string | null | undefined>();
  const [loading, setLoading] = createSignal(false);
  let depth = 0;
  let generation = 0;
  let shown = list?.();

  createEffect(
    on(first, async (page) => {
      const gen = ++generation;
      const current = list?.();
      const want = current === shown ? depth : 0;
      shown = current;
      setItems([]);
      setCursor(undefined);
      depth = 0;
      let c = page?.nextCursor;
      const again: T[] = [];
      for (let i = 0; i < want && c; i++) {
        const next = await fetchPage(c).catch(() => undefined);
        if (gen !== generation || !next) break;
        again.push(...next.items);
        c = next.nextCursor;
        depth++;
      }
      if (gen !== generation || depth === 0) return;
      setItems(again);
      setCursor(c ?? null);
    }),
  );

  const next = () => (cursor() === undefined ? first()?.nextCursor : cursor());
  return {
    items,
    next,
    loading,
    async load() {
      const c = next();
      if (!c || loading()) return;
      const gen = generation;
      setLoading(true);
      try {
        const page = await fetchPage(c);
        if (gen !== generation) return;
        setItems((xs) => [...xs, ...page.items]);
        setCursor(page.nextCursor);
        depth++;
      } finally {
        setLoading(false);
      }
    },
  };
}
