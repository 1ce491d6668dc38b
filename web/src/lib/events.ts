import type { EventView } from '../../../shared/events-schemas';
import { t } from '../i18n';
import { formatDateTime, formatNumber, timeZone } from '../i18n/format';
import { intlLocale } from '../i18n';

export type { EventView };

/** The zone times are shown in: her profile's, else the device's. */
export const shownZone = (): string => timeZone() ?? Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The end's time alone, with the zone's short name ("16:00 GMT+5"), in her zone. */
function endTime(iso: string): string {
  return new Intl.DateTimeFormat(intlLocale(), { timeZone: timeZone(), timeStyle: 'short' }).format(new Date(iso));
}
const zoneName = (iso: string): string =>
  new Intl.DateTimeFormat(intlLocale(), { timeZone: timeZone(), timeZoneName: 'short' })
    .formatToParts(new Date(iso))
    .find((p) => p.type === 'timeZoneName')?.value ?? '';

/** "4 Dec 2026, 10:00 to 12:00 (GMT+5)": the event's time in her time zone. */
export const eventWhen = (e: Pick<EventView, 'startsAt' | 'endsAt'>): string =>
  t('events.when', { start: formatDateTime(e.startsAt), end: endTime(e.endsAt), zone: zoneName(e.startsAt) });

/** "Part 2 of 4", for a part of a series. */
export const partOf = (e: Pick<EventView, 'part' | 'seriesParts'>): string | undefined =>
  e.part && e.seriesParts ? t('events.part', { part: formatNumber(e.part), parts: formatNumber(e.seriesParts) }) : undefined;

/** Places left, or how many wait. */
export const capacityState = (e: Pick<EventView, 'capacity' | 'registered' | 'waitlisted'>): string =>
  e.registered < e.capacity ? t('events.placesLeft', { count: e.capacity - e.registered }) : t('events.full', { count: e.waitlisted });

/** "Coaching session · In person"; a webinar is always online, so it says only what it is. */
export const kindLabel = (e: Pick<EventView, 'kind' | 'mode'>): string =>
  e.kind === 'webinar' ? t('events.kind.webinar') : `${t(`events.kind.${e.kind}`)} · ${t(`events.mode.${e.mode}`)}`;
