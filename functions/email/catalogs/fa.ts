/**
 * فارسی (Persian), the emails. First draft written by the development team from
 * the English email catalog: it awaits review by a native-speaking member of the network before it is
 * relied on. Worded so that it reads naturally for women and men alike (formal address).
 */
import type { EmailCatalog } from '../catalog';

const fa: EmailCatalog = {
  'subject.notices': 'اعلان‌های تازه دارید',
  'subject.reminder': '{lead, select, day {یادآوری: رویدادی در فردا} other {یادآوری: رویدادی در یک ساعت آینده}}',
  'subject.nudge': 'یک درخواست مربی‌گری منتظر پاسخ شماست',
  'subject.decided': 'درخواست عضویت شما پاسخ گرفته است',
  'subject.announcement': 'اطلاعیه‌ای تازه از هیئت',
  'subject.signup': 'کسی کوشید با نشانی ایمیل شما ثبت‌نام کند',
  'body.digest': '{count, plural, one {# اعلان تازه برای شما هست.} other {# اعلان تازه برای شما هست.}}',
  'body.something': 'چیز تازه‌ای برای شما هست.',
  'body.reminder':
    '{lead, select, day {رویدادی از برنامهٔ شما فردا آغاز می‌شود: «{title}»، {time}.} other {رویدادی از برنامهٔ شما در یک ساعت آینده آغاز می‌شود: «{title}»، {time}.}}',
  'body.nudge':
    '{days, plural, one {یک درخواست مربی‌گری # روز است که منتظر پاسخ شماست.} other {یک درخواست مربی‌گری # روز است که منتظر پاسخ شماست.}}',
  'body.decided': 'هیئت به درخواست عضویت شما پاسخ داده است. برای خواندن پاسخ وارد شوید.',
  'body.announcement': 'هیئت اطلاعیه‌ای برای همهٔ اعضا فرستاده است. برای خواندن آن وارد شوید.',
  'action.open': 'باز کردن اپ',
  'footer.reason': 'این ایمیل را دریافت می‌کنید چون ایمیل در تنظیمات شما روشن است.',
  'footer.settings': 'انتخاب ایمیل‌هایی که دریافت می‌کنید',
  'footer.unsubscribe': 'لغو همهٔ ایمیل‌ها',
  'signup.body': 'کسی کوشید با این نشانی ایمیل حساب تازه‌ای بسازد. شما از پیش حساب دارید؛ پس چیزی تغییر نکرد و حساب تازه‌ای ساخته نشد.',
  'signup.ifYou': 'اگر خودتان بودید، مانند همیشه وارد شوید. اگر گذرواژه را فراموش کرده‌اید، می‌توانید گذرواژهٔ تازه‌ای برگزینید:',
  'signup.reset': 'برگزیدن گذرواژهٔ تازه',
  'signup.ifNot': 'اگر شما نبودید، کاری لازم نیست: هیچ‌کس بدون گذرواژهٔ شما نمی‌تواند وارد حسابتان شود.',
};

export default fa;
