import type { InferRequestType, InferResponseType } from 'hono/client';
import { api, unwrap } from './api';

/*
 * Her preferences, kept with her account (`GET/PUT /api/members/me/preferences`): the language she
 * chose follows her to any device. Typed from the server's routes; a refusal throws ApiError
 * (409 `stale_version` when they changed since they were read: read them again and retry).
 */
const route = api.members.me.preferences;

/** Her preferences as the API answers them: `{locale, email, version}` (version 0: never saved). */
export type Preferences = InferResponseType<(typeof route)['$get'], 200>;
/** A change: the fields to replace (email field by field) and the `version` read. */
export type PreferencesChange = InferRequestType<(typeof route)['$put']>['json'];

/** Her preferences; before she first saves any, the defaults with her browser's language. */
export const getPreferences = (): Promise<Preferences> => unwrap(route.$get());

/** Replaces the fields `change` names, at `change.version`; answers the saved preferences. */
export const savePreferences = (change: PreferencesChange): Promise<Preferences> => unwrap(route.$put({ json: change }));
