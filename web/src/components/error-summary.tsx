import { For, Show, createEffect, createUniqueId } from 'solid-js';
import { t } from '../i18n';

export type SummaryItem = { id: string; message: string };

/**
 * The form's problems, announced (role="alert") and focused when they appear; each links to its
 * field. `general` holds problems that belong to no field.
 */
export function ErrorSummary(props: { items: readonly SummaryItem[]; general?: string }) {
  let box: HTMLDivElement | undefined;
  const titleId = `error-summary-${createUniqueId()}`;
  createEffect(() => {
    if ((props.items.length || props.general) && box) box.focus();
  });
  return (
    <Show when={props.items.length > 0 || props.general}>
      <div class="error-summary" role="alert" tabindex="-1" ref={box} aria-labelledby={titleId}>
        <h2 class="error-summary__title" id={titleId}>
          {t('common.errorSummary')}
        </h2>
        <Show when={props.general}>
          <p>{props.general}</p>
        </Show>
        <Show when={props.items.length > 0}>
          <ul class="error-summary__list">
            <For each={props.items}>
              {(item) => (
                <li>
                  <a
                    href={`#${item.id}`}
                    onClick={(e) => {
                      // Focus the control itself; the router must not treat this as navigation.
                      e.preventDefault();
                      const el = document.getElementById(item.id);
                      el?.focus();
                      el?.scrollIntoView({ block: 'center' });
                    }}
                  >
                    {item.message}
                  </a>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </div>
    </Show>
  );
}
