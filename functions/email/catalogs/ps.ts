/**
 * پښتو (Pashto), the emails. First draft written by the development team from
 * the English email catalog: it awaits review by a native-speaking member of the network before it is
 * relied on. Worded so that it reads naturally for women and men alike (formal address).
 */
import type { EmailCatalog } from '../catalog';

const ps: EmailCatalog = {
  'subject.notices': 'تاسو نوې خبرتیاوې لرئ',
  'subject.reminder': '{lead, select, day {یادونه: سبا یوه غونډه} other {یادونه: په راتلونکي ساعت کې یوه غونډه}}',
  'subject.nudge': 'د لارښودنې یوه غوښتنه ستاسو ځواب ته انتظار باسي',
  'subject.decided': 'ستاسو غوښتنلیک ته ځواب ورکړل شوی دی',
  'subject.announcement': 'له بورډ څخه یو نوی اعلان',
  'subject.signup': 'چا هڅه کړې چې ستاسو په برېښنالیک پته نوم لیکنه وکړي',
  'body.digest': '{count, plural, one {ستاسو لپاره # نوې خبرتیا ده.} other {ستاسو لپاره # نوې خبرتیاوې دي.}}',
  'body.something': 'ستاسو لپاره یو څه نوي دي.',
  'body.reminder':
    '{lead, select, day {ستاسو د مهالوېش یوه غونډه سبا پیلېږي: «{title}»، {time}.} other {ستاسو د مهالوېش یوه غونډه په راتلونکي ساعت کې پیلېږي: «{title}»، {time}.}}',
  'body.nudge':
    '{days, plural, one {د لارښودنې یوه غوښتنه # ورځ ستاسو ځواب ته انتظار باسي.} other {د لارښودنې یوه غوښتنه # ورځې ستاسو ځواب ته انتظار باسي.}}',
  'body.decided': 'بورډ ستاسو غوښتنلیک ته ځواب ورکړی دی. د ځواب لوستلو لپاره ننوځئ.',
  'body.announcement': 'بورډ ټولو غړو ته یو اعلان لېږلی دی. د لوستلو لپاره یې ننوځئ.',
  'action.open': 'اپ پرانیزئ',
  'footer.reason': 'دا برېښنالیک تاسو ته ځکه راغلی چې ستاسو په تنظیماتو کې برېښنالیک فعال دی.',
  'footer.settings': 'وټاکئ چې څه ترلاسه کوئ',
  'footer.unsubscribe': 'له ټولو برېښنالیکونو ګډون لغوه کړئ',
  'signup.body':
    'یو چا هڅه کړې چې په دې برېښنالیک پته نوی حساب جوړ کړي. تاسو دمخه حساب لرئ، نو هېڅ بدلون نه دی راغلی او نوی حساب نه دی جوړ شوی.',
  'signup.ifYou': 'که دا هڅه ستاسو وه، لکه تل ننوځئ. که مو پټنوم هېر کړی وي، نوی پټنوم ټاکلی شئ:',
  'signup.reset': 'نوی پټنوم وټاکئ',
  'signup.ifNot': 'که دا هڅه ستاسو نه وه، هېڅ کار ته اړتیا نشته: پرته له ستاسو د پټنوم څوک ستاسو حساب ته نه شي ننوتلی.',
};

export default ps;
