/**
 * The emails' words in English, the source of the other catalogs. Discreet by design: the neutral
 * messages name no network, no person and no topic; the detailed ones name only the kind of thing
 * (an event and its title, a waiting request, an answer, an announcement). The sender's display
 * name ("CN") is not a message: it is the same in every language.
 */
const en = {
  'subject.notices': 'You have new notices',
  'subject.reminder': '{lead, select, day {Reminder: an event tomorrow} other {Reminder: an event within the hour}}',
  'subject.nudge': 'A mentoring request is waiting for your answer',
  'subject.decided': 'Your application has an answer',
  'subject.announcement': 'A new announcement from the board',
  'subject.signup': 'Someone tried to sign up with your address',
  'body.digest': '{count, plural, one {There is # new notice for you.} other {There are # new notices for you.}}',
  'body.something': 'There is something new for you.',
  'body.reminder':
    '{lead, select, day {An event you registered for starts tomorrow: “{title}”, {time}.} other {An event you registered for starts within the hour: “{title}”, {time}.}}',
  'body.nudge':
    '{days, plural, one {A mentoring request has been waiting # day for your answer.} other {A mentoring request has been waiting # days for your answer.}}',
  'body.decided': 'The board has answered your application. Sign in to read the answer.',
  'body.announcement': 'The board has sent an announcement to all members. Sign in to read it.',
  'action.open': 'Open the app',
  'footer.reason': 'You receive this email because email is turned on in your settings.',
  'footer.settings': 'Choose what you receive',
  'footer.unsubscribe': 'Unsubscribe from all emails',
  'signup.body':
    'Someone tried to create a new account with this email address. You already have an account, so nothing was changed and no new account was made.',
  'signup.ifYou': 'If it was you, sign in as usual. If you have forgotten your password, you can choose a new one:',
  'signup.reset': 'Choose a new password',
  'signup.ifNot': 'If it was not you, there is nothing to do: nobody can sign in to your account without your password.',
} as const;

export default en;
