import type { JSX } from 'solid-js';

/** A calm message box. `status` ones are announced politely when they appear. */
export function Notice(props: { tone?: 'info' | 'success' | 'warning'; live?: boolean; children: JSX.Element }) {
  return (
    <div class={`notice notice--${props.tone ?? 'info'}`} role={props.live ? 'status' : undefined}>
      {props.children}
    </div>
  );
}
