/**
 * Українська (Ukrainian), the emails. First draft written by the development team from
 * the English email catalog: it awaits review by a native-speaking member of the network before it is
 * relied on. Worded so that it reads naturally for women and men alike (formal address).
 */
import type { EmailCatalog } from '../catalog';

const uk: EmailCatalog = {
  'subject.notices': 'У вас нові сповіщення',
  'subject.reminder': '{lead, select, day {Нагадування: захід завтра} other {Нагадування: захід протягом години}}',
  'subject.nudge': 'Запит на наставництво чекає на вашу відповідь',
  'subject.decided': 'На вашу заявку є відповідь',
  'subject.announcement': 'Нове оголошення ради',
  'subject.signup': 'Хтось намагався зареєструватися з вашою адресою',
  'body.digest':
    '{count, plural, one {У вас # нове сповіщення.} few {У вас # нові сповіщення.} many {У вас # нових сповіщень.} other {У вас # нового сповіщення.}}',
  'body.something': 'Для вас є щось нове.',
  'body.reminder':
    '{lead, select, day {Захід із вашого розкладу почнеться завтра: «{title}», {time}.} other {Захід із вашого розкладу почнеться протягом години: «{title}», {time}.}}',
  'body.nudge':
    '{days, plural, one {Запит на наставництво чекає на вашу відповідь # день.} few {Запит на наставництво чекає на вашу відповідь # дні.} many {Запит на наставництво чекає на вашу відповідь # днів.} other {Запит на наставництво чекає на вашу відповідь # дня.}}',
  'body.decided': 'Рада відповіла на вашу заявку. Увійдіть, щоб прочитати відповідь.',
  'body.announcement': 'Рада надіслала оголошення всім учасникам. Увійдіть, щоб прочитати його.',
  'action.open': 'Відкрити застосунок',
  'footer.reason': 'Ви отримуєте цей лист, бо у ваших налаштуваннях увімкнено листи.',
  'footer.settings': 'Вибрати, що отримувати',
  'footer.unsubscribe': 'Відписатися від усіх листів',
  'signup.body':
    'Хтось намагався створити новий обліковий запис із цією адресою електронної пошти. У вас уже є обліковий запис, тож нічого не змінилося і новий обліковий запис не створено.',
  'signup.ifYou': 'Якщо це були ви, входьте як зазвичай. Якщо ви забули пароль, можна вибрати новий:',
  'signup.reset': 'Вибрати новий пароль',
  'signup.ifNot': 'Якщо це були не ви, нічого робити не треба: без вашого пароля ніхто не зможе увійти до вашого облікового запису.',
};

export default uk;
