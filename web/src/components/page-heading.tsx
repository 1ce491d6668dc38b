import { onMount } from 'solid-js';
import { setPageTitle } from '../lib/discreet';

let firstPage = true;

/**
 * The page's h1. It names the document and, after a navigation inside the app, takes focus so
 * that screen-reader and keyboard users start at the new page's title (not on the first load:
 * the browser's own start point is better there).
 *
 * A heading that holds a name or a member's words (`dir="auto"`) names the tab by the page's
 * `kind` instead ("Mentorship"): the tab shows outside the app, on a locked screen and in the
 * history.
 */
export function PageHeading(props: { children: string; dir?: 'auto'; kind?: string }) {
  let h1: HTMLHeadingElement | undefined;
  onMount(() => {
    setPageTitle(props.kind ?? (props.dir === 'auto' ? undefined : props.children));
    if (firstPage) firstPage = false;
    else h1?.focus();
  });
  return (
    <h1 class="page-title" tabindex="-1" ref={h1} dir={props.dir}>
      {props.children}
    </h1>
  );
}
