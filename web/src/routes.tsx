import { lazy } from 'solid-js';
import type { RouteDefinition } from '@solidjs/router';
import { Loading } from './components/loading';
import { preloadApplications } from './pages/board-applications/data';
import { preloadCohorts } from './pages/board-cohorts/data';
import { preloadBoardMessages } from './pages/contact-board/data';
import { preloadBoardMentorships } from './pages/board-mentorships/data';
import { preloadDirectory } from './pages/directory/data';
import { preloadSearch } from './pages/search/data';
import { preloadMember } from './pages/member/data';
import { preloadMentors } from './pages/mentors/data';
import { preloadMentorship } from './pages/mentorship/data';
import { preloadMentorships } from './pages/mentorships/data';
import { preloadNotifications } from './pages/notifications/data';
import { preloadProfile } from './pages/profile/data';
import { preloadRequests } from './pages/requests/data';
import { preloadAudit } from './pages/board-audit/data';
import { preloadModeration } from './pages/board-moderation/data';
import { preloadRules } from './pages/board-rules/data';
import { preloadSettings } from './pages/settings/data';
import { preloadSpace } from './pages/space/data';
import { preloadSpaces } from './pages/spaces/data';
import { preloadThread } from './pages/thread/data';
import { preloadAgenda } from './pages/agenda/data';
import { preloadBoardEvents } from './pages/board-events/data';
import { preloadEvent } from './pages/event/data';
import { preloadEvents } from './pages/events/data';
import { preloadSeries } from './pages/series/data';
import { preloadMemberPlan } from './pages/member-plan/data';
import { preloadPlan } from './pages/plan/data';
import { preloadAnnouncement } from './pages/announcement/data';
import { preloadBoardAnnouncements } from './pages/board-announcements/data';
import { preloadLibrary } from './pages/library/data';
import { preloadPractice } from './pages/practice/data';
import { preloadPracticeForm } from './pages/practice-form/data';
import { preloadInsights } from './pages/board-insights/data';

/*
 * Every page is its own chunk; the data files are tiny and load with the shell, so a route's
 * data starts loading in parallel with its page chunk (on link hover or focus, too).
 */
export const routes: RouteDefinition[] = [
  { path: '/', component: () => <Loading />, info: { access: 'home' } },
  { path: '/sign-in', component: lazy(() => import('./pages/sign-in/page')), info: { access: 'public' } },
  { path: '/sign-up', component: lazy(() => import('./pages/sign-up/page')), info: { access: 'public' } },
  { path: '/staying-safe', component: lazy(() => import('./pages/staying-safe/page')), info: { access: 'public' } },
  { path: '/forgot-password', component: lazy(() => import('./pages/forgot-password/page')), info: { access: 'public' } },
  { path: '/application', component: lazy(() => import('./pages/application/page')), info: { access: 'application' } },
  { path: '/pending', component: lazy(() => import('./pages/pending/page')), info: { access: 'waiting' } },
  // ── email (issue 13): the link in every email works signed out, on any device
  { path: '/unsubscribe', component: lazy(() => import('./pages/unsubscribe/page')), info: { access: 'public' } },
  {
    path: '/announcements/:id',
    component: lazy(() => import('./pages/announcement/page')),
    preload: preloadAnnouncement,
    info: { access: 'member' },
  },
  // ── knowledge: the board's insights (issue 14)
  {
    path: '/board/insights',
    component: lazy(() => import('./pages/board-insights/page')),
    preload: preloadInsights,
    info: { access: 'board' },
  },
  {
    path: '/board/announcements',
    component: lazy(() => import('./pages/board-announcements/page')),
    preload: preloadBoardAnnouncements,
    info: { access: 'board' },
  },
  { path: '/profile', component: lazy(() => import('./pages/profile/page')), preload: preloadProfile, info: { access: 'member' } },
  // ── personal development plan (issue 12)
  { path: '/plan', component: lazy(() => import('./pages/plan/page')), preload: preloadPlan, info: { access: 'member' } },
  { path: '/plan/print', component: lazy(() => import('./pages/plan-print/page')), preload: preloadPlan, info: { access: 'member' } },
  {
    path: '/members/:id/plan',
    component: lazy(() => import('./pages/member-plan/page')),
    preload: preloadMemberPlan,
    info: { access: 'member' },
  },
  { path: '/directory', component: lazy(() => import('./pages/directory/page')), preload: preloadDirectory, info: { access: 'member' } },
  { path: '/search', component: lazy(() => import('./pages/search/page')), preload: preloadSearch, info: { access: 'member' } },
  { path: '/members/:id', component: lazy(() => import('./pages/member/page')), preload: preloadMember, info: { access: 'member' } },
  { path: '/mentors', component: lazy(() => import('./pages/mentors/page')), preload: preloadMentors, info: { access: 'member' } },
  { path: '/requests', component: lazy(() => import('./pages/requests/page')), preload: preloadRequests, info: { access: 'member' } },
  {
    path: '/mentorships',
    component: lazy(() => import('./pages/mentorships/page')),
    preload: preloadMentorships,
    info: { access: 'member' },
  },
  {
    path: '/mentorships/:id',
    component: lazy(() => import('./pages/mentorship/page')),
    preload: preloadMentorship,
    info: { access: 'member' },
  },
  { path: '/events', component: lazy(() => import('./pages/events/page')), preload: preloadEvents, info: { access: 'member' } },
  { path: '/events/:id', component: lazy(() => import('./pages/event/page')), preload: preloadEvent, info: { access: 'member' } },
  { path: '/series/:id', component: lazy(() => import('./pages/series/page')), preload: preloadSeries, info: { access: 'member' } },
  { path: '/agenda', component: lazy(() => import('./pages/agenda/page')), preload: preloadAgenda, info: { access: 'member' } },
  {
    path: '/board/events',
    component: lazy(() => import('./pages/board-events/page')),
    preload: preloadBoardEvents,
    info: { access: 'board' },
  },
  // ── knowledge: the library of good practices (issue 14)
  { path: '/library', component: lazy(() => import('./pages/library/page')), preload: preloadLibrary, info: { access: 'member' } },
  {
    path: '/library/new',
    component: lazy(() => import('./pages/practice-form/page')),
    preload: preloadPracticeForm,
    info: { access: 'member' },
  },
  { path: '/library/:id', component: lazy(() => import('./pages/practice/page')), preload: preloadPractice, info: { access: 'member' } },
  {
    path: '/library/:id/edit',
    component: lazy(() => import('./pages/practice-form/page')),
    preload: preloadPracticeForm,
    info: { access: 'member' },
  },
  { path: '/spaces', component: lazy(() => import('./pages/spaces/page')), preload: preloadSpaces, info: { access: 'member' } },
  { path: '/spaces/:id', component: lazy(() => import('./pages/space/page')), preload: preloadSpace, info: { access: 'member' } },
  { path: '/threads/:id', component: lazy(() => import('./pages/thread/page')), preload: preloadThread, info: { access: 'member' } },
  {
    path: '/board/moderation',
    component: lazy(() => import('./pages/board-moderation/page')),
    preload: preloadModeration,
    info: { access: 'board' },
  },
  { path: '/board/audit', component: lazy(() => import('./pages/board-audit/page')), preload: preloadAudit, info: { access: 'board' } },
  { path: '/board/rules', component: lazy(() => import('./pages/board-rules/page')), preload: preloadRules, info: { access: 'board' } },
  {
    path: '/board/applications',
    component: lazy(() => import('./pages/board-applications/page')),
    preload: preloadApplications,
    info: { access: 'board' },
  },
  {
    path: '/board/cohorts',
    component: lazy(() => import('./pages/board-cohorts/page')),
    preload: preloadCohorts,
    info: { access: 'board' },
  },
  {
    path: '/board/mentorships',
    component: lazy(() => import('./pages/board-mentorships/page')),
    preload: preloadBoardMentorships,
    info: { access: 'board' },
  },
  {
    path: '/notifications',
    component: lazy(() => import('./pages/notifications/page')),
    preload: preloadNotifications,
    info: { access: 'account' },
  },
  {
    path: '/contact-board',
    component: lazy(() => import('./pages/contact-board/page')),
    preload: preloadBoardMessages,
    info: { access: 'account' },
  },
  { path: '/settings', component: lazy(() => import('./pages/settings/page')), preload: preloadSettings, info: { access: 'account' } },
  { path: '*404', component: lazy(() => import('./pages/not-found/page')), info: { access: 'public' } },
];
