/**
 * Demo data for the personal development plan (issue 12): the demo practitioner's plan, whole,
 * shared with her mentorship with `mentorId` (made here when the pair has none open), and one
 * check-in of his linked to a goal.
 * Through the real services, so the seed keeps the same rules; idempotent (a written plan stays).
 */
export async function seedPlan(menteeId: string, menteeEmail: string, mentorId: string, mentorEmail: string): Promise<void> {
  const { getMember } = await import('../../functions/members/repository');
  const mentorships = await import('../../functions/mentorship/service');
  const { getMentorship, openMentorshipOfPair } = await import('../../functions/mentorship/repository');
  const plans = await import('../../functions/plan/service');
  const mentee = { userId: menteeId, email: menteeEmail, groups: [], isBoard: false };
  const mentor = { userId: mentorId, email: mentorEmail, groups: [], isBoard: false };

  const member = await getMember(menteeId);
  if (member?.status !== 'active') return;
  const plan = await plans.ensurePlan(member);
  // Written before (version 1 is the plan her profile's goals made): leave hers alone.
  if (plan.version > 1) return;

  const openId = await openMentorshipOfPair(mentorId, menteeId);
  let open = openId ? await getMentorship(openId) : undefined;
  if (!open) {
    const asked = await mentorships.request(mentee, {
      mentorId,
      message: 'I lead trafficking investigations in Herat and would value your advice on financial investigations.',
      goals: member.goals ?? { shortTerm: '', mediumTerm: '', longTerm: '' },
    });
    open = await getMentorship(asked.id);
  }
  if (open?.state === 'pending') await mentorships.accept(mentor, open.id);
  const accepted = open ? await getMentorship(open.id) : undefined;
  const shared = accepted?.state === 'accepted' ? [accepted.id] : [];

  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const written = await plans.put(member, {
    vision:
      'A provincial unit where survivors of trafficking are heard first, and where women investigators lead the cases that cross borders.',
    goals: [
      {
        horizon: 'short',
        title: 'Lead my first financial investigation of a smuggling network',
        actions: [
          { text: 'Finish the asset-tracing course', due: day(30), done: true },
          { text: 'Map the money of one open case with the prosecutor', due: day(60), done: false },
        ],
        status: 'under_way',
        notes: 'The course is done; the case is chosen.',
      },
      {
        horizon: 'medium',
        title: 'Train five colleagues in victim-centred interviews',
        actions: [{ text: 'Draft a one-day module with the NGO partner', due: day(120), done: false }],
        status: 'not_started',
        notes: '',
      },
      {
        horizon: 'long',
        title: 'Head a specialised anti-trafficking unit',
        actions: [],
        status: 'not_started',
        notes: 'Ask the board about leadership programmes.',
      },
    ],
    strengths: [
      { text: 'Interviewing survivors', use: 'Teach it to new colleagues in the unit' },
      { text: 'Dari, Pashto and English', use: 'Work with partners across the border' },
    ],
    growth: [{ text: 'Public speaking', how: 'Present a case at the next webinar of the series' }],
    reflections: [
      { text: 'The first webinar on vision made me write this plan. I want my goals to be about the unit, not only about me.' },
    ],
    sharing: { board: false, mentorships: shared },
    version: plan.version,
  });
  const goal = written.goals[0];
  if (accepted?.state === 'accepted' && goal)
    await mentorships.addCheckIn(mentor, accepted.id, {
      date: day(-3),
      notes: 'We went through her asset-tracing notes and chose the case to map first.',
      nextSteps: 'Meet the prosecutor before the next call.',
      goalId: goal.id,
    });
}
