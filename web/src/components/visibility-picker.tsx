import type { AudienceLevel } from '../../../shared/schemas';
import { t } from '../i18n';
import { Select } from './select';

const LEVELS: AudienceLevel[] = ['board', 'partners', 'members'];

/** Who may see one profile field: the board only, mentorship partners, or all members. */
export function VisibilityPicker(props: { id: string; field: string; value: AudienceLevel; onChange: (level: AudienceLevel) => void }) {
  return (
    <div class="visibility">
      <Select
        id={props.id}
        compact
        label={t('visibility.label', { field: props.field })}
        value={props.value}
        options={LEVELS.map((l) => ({ value: l, label: t(`visibility.${l}`) }))}
        onChange={(v) => props.onChange(LEVELS.find((l) => l === v) ?? 'board')}
      />
    </div>
  );
}
