import { For } from 'solid-js';
import type { Goals } from '../../../shared/schemas';
import { t } from '../i18n';
import { fieldId } from '../lib/form';
import { Field } from './field';

export const GOAL_TERMS = ['shortTerm', 'mediumTerm', 'longTerm'] as const;
export type GoalTerm = (typeof GOAL_TERMS)[number];

export const EMPTY_GOALS: Goals = { shortTerm: '', mediumTerm: '', longTerm: '' };

export const trimGoals = (g: Goals): Goals => ({
  shortTerm: g.shortTerm.trim(),
  mediumTerm: g.mediumTerm.trim(),
  longTerm: g.longTerm.trim(),
});

/** One goal changed, the others kept. */
export const withGoal = (g: Goals, term: GoalTerm, text: string): Goals => ({ ...g, [term]: text });

/**
 * The three goal fields (short, medium and long term), wherever goals are written: the profile,
 * what she seeks in mentoring, a request to a mentor. `path` is where the API reports their
 * errors (`goals`, `mentoring.seeking.goals`), which also names their ids.
 */
export function GoalFields(props: {
  path: string;
  value: Goals;
  onInput: (term: GoalTerm, text: string) => void;
  error: (path: string) => string | undefined;
}) {
  return (
    <For each={GOAL_TERMS}>
      {(term) => (
        <Field
          id={fieldId(`${props.path}.${term}`)}
          label={t(`field.goals.${term}`)}
          multiline
          rows={2}
          dir="auto"
          maxLength={500}
          value={props.value[term]}
          onInput={(text) => props.onInput(term, text)}
          error={props.error(`${props.path}.${term}`)}
        />
      )}
    </For>
  );
}
