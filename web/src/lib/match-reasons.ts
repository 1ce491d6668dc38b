import type { MatchReason } from '../../../shared/matching';
import { t } from '../i18n';
import { expertiseName, formatList, languageName } from '../i18n/format';

/**
 * A suggestion's reason in the reader's words: to the mentee about herself ("your topics"), to
 * the board about the mentee ("the mentee's topics"). Reasons stored before the API sent their
 * facts as data fall back to the API's English sentence.
 */
export function reasonText(r: MatchReason, reader: 'mentee' | 'board'): string {
  const board = reader === 'board';
  switch (r.code) {
    case 'topics':
      if (!r.topics) break;
      return t(board ? 'reason.topics.board' : 'reason.topics', { count: r.topics.length, list: formatList(r.topics.map(expertiseName)) });
    case 'goals':
      if (!r.topics) break;
      return t(board ? 'reason.goals.board' : 'reason.goals', { list: formatList(r.topics.map(expertiseName)) });
    case 'language':
      if (!r.languages) break;
      return t(board ? 'reason.language.board' : 'reason.language', { list: formatList(r.languages.map(languageName)) });
    case 'timezone':
      if (r.hours === undefined) break;
      if (r.hours === 0) return t('reason.timezone.same');
      return t('reason.timezone.hours', { hours: r.hours });
    case 'capacity':
      if (r.free === undefined) break;
      return t('reason.capacity', { count: r.free });
    case 'country':
      return t(board ? 'reason.country.board' : 'reason.country');
  }
  return r.detail;
}
