import { onMount } from 'solid-js';
import { t } from '../i18n';

let firstPage = true;

/**
 * The page's h1. It names the document and, after a navigation inside the app, takes focus so
 * that screen-reader and keyboard users start at the new page's title (not on the first load:
 * the browser's own start point is better there).
 */
export function PageHeading(props: { children: string; dir?: 'auto' }) {
  let h1: HTMLHeadingElement | undefined;
  onMount(() => {
    document.title = t('app.titleSuffix', { title: props.children });
    if (firstPage) firstPage = false;
    else h1?.focus();
  });
  return (
    <h1 class="page-title" tabindex="-1" ref={h1} dir={props.dir}>
      {props.children}
    </h1>
  );
}
