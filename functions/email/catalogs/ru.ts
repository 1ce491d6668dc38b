/**
 * Русский (Russian), the emails. First draft written by the development team from
 * the English email catalog: it awaits review by a native-speaking member of the network before it is
 * relied on. Worded so that it reads naturally for women and men alike (formal address).
 */
import type { EmailCatalog } from '../catalog';

const ru: EmailCatalog = {
  'subject.notices': 'У вас новые уведомления',
  'subject.reminder': '{lead, select, day {Напоминание: мероприятие завтра} other {Напоминание: мероприятие в течение часа}}',
  'subject.nudge': 'Запрос на наставничество ждёт вашего ответа',
  'subject.decided': 'По вашей заявке есть ответ',
  'subject.announcement': 'Новое объявление совета',
  'subject.signup': 'Кто-то пытался зарегистрироваться с вашим адресом',
  'body.digest':
    '{count, plural, one {У вас # новое уведомление.} few {У вас # новых уведомления.} many {У вас # новых уведомлений.} other {У вас # нового уведомления.}}',
  'body.something': 'Для вас есть что-то новое.',
  'body.reminder':
    '{lead, select, day {Мероприятие из вашего расписания начнётся завтра: «{title}», {time}.} other {Мероприятие из вашего расписания начнётся в течение часа: «{title}», {time}.}}',
  'body.nudge':
    '{days, plural, one {Запрос на наставничество ждёт вашего ответа # день.} few {Запрос на наставничество ждёт вашего ответа # дня.} many {Запрос на наставничество ждёт вашего ответа # дней.} other {Запрос на наставничество ждёт вашего ответа # дня.}}',
  'body.decided': 'Совет ответил на вашу заявку. Войдите, чтобы прочитать ответ.',
  'body.announcement': 'Совет отправил объявление всем участникам. Войдите, чтобы прочитать его.',
  'action.open': 'Открыть приложение',
  'footer.reason': 'Вы получаете это письмо, потому что в ваших настройках включены письма.',
  'footer.settings': 'Выбрать, что получать',
  'footer.unsubscribe': 'Отписаться от всех писем',
  'signup.body':
    'Кто-то пытался создать новую учётную запись с этим адресом электронной почты. У вас уже есть учётная запись, поэтому ничего не изменилось и новая учётная запись не создана.',
  'signup.ifYou': 'Если это были вы, входите как обычно. Если вы забыли пароль, можно выбрать новый:',
  'signup.reset': 'Выбрать новый пароль',
  'signup.ifNot': 'Если это были не вы, ничего делать не нужно: без вашего пароля никто не сможет войти в вашу учётную запись.',
};

export default ru;
