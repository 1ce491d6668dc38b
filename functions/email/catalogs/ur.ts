/**
 * اردو (Urdu), the emails. First draft written by the development team from
 * the English email catalog: it awaits review by a native-speaking member of the network before it is
 * relied on. Worded so that it reads naturally for women and men alike (formal address).
 */
import type { EmailCatalog } from '../catalog';

const ur: EmailCatalog = {
  'subject.notices': 'آپ کے لیے نئی اطلاعات ہیں',
  'subject.reminder': '{lead, select, day {یاد دہانی: کل ایک تقریب} other {یاد دہانی: ایک گھنٹے کے اندر ایک تقریب}}',
  'subject.nudge': 'رہنمائی کی ایک درخواست آپ کے جواب کی منتظر ہے',
  'subject.decided': 'آپ کی رکنیت کی درخواست کا جواب آ گیا ہے',
  'subject.announcement': 'بورڈ کی طرف سے ایک نیا اعلان',
  'subject.signup': 'کسی نے آپ کے ای میل پتے سے اکاؤنٹ بنانے کی کوشش کی',
  'body.digest': '{count, plural, one {آپ کے لیے # نئی اطلاع ہے۔} other {آپ کے لیے # نئی اطلاعات ہیں۔}}',
  'body.something': 'آپ کے لیے کچھ نیا ہے۔',
  'body.reminder':
    '{lead, select, day {آپ کے ایجنڈے کی ایک تقریب کل شروع ہو رہی ہے: “{title}”، {time}۔} other {آپ کے ایجنڈے کی ایک تقریب ایک گھنٹے کے اندر شروع ہو رہی ہے: “{title}”، {time}۔}}',
  'body.nudge':
    '{days, plural, one {رہنمائی کی ایک درخواست # دن سے آپ کے جواب کی منتظر ہے۔} other {رہنمائی کی ایک درخواست # دن سے آپ کے جواب کی منتظر ہے۔}}',
  'body.decided': 'بورڈ نے آپ کی رکنیت کی درخواست کا جواب دے دیا ہے۔ جواب پڑھنے کے لیے سائن اِن کریں۔',
  'body.announcement': 'بورڈ نے تمام اراکین کو ایک اعلان بھیجا ہے۔ اسے پڑھنے کے لیے سائن اِن کریں۔',
  'action.open': 'ایپ کھولیں',
  'footer.reason': 'یہ ای میل اس لیے بھیجی گئی ہے کہ آپ کی ترتیبات میں ای میل آن ہے۔',
  'footer.settings': 'منتخب کریں کہ کون سی ای میلز موصول ہوں',
  'footer.unsubscribe': 'تمام ای میلز بند کریں',
  'signup.body':
    'کسی نے اس ای میل پتے سے نیا اکاؤنٹ بنانے کی کوشش کی۔ آپ کا اکاؤنٹ پہلے سے موجود ہے، اس لیے کچھ تبدیل نہیں ہوا اور کوئی نیا اکاؤنٹ نہیں بنا۔',
  'signup.ifYou': 'اگر یہ کوشش آپ کی تھی تو معمول کے مطابق سائن اِن کریں۔ اگر پاس ورڈ یاد نہیں تو نیا پاس ورڈ منتخب کیا جا سکتا ہے:',
  'signup.reset': 'نیا پاس ورڈ منتخب کریں',
  'signup.ifNot': 'اگر یہ کوشش آپ کی نہیں تھی تو کچھ کرنے کی ضرورت نہیں: آپ کے پاس ورڈ کے بغیر کوئی آپ کے اکاؤنٹ میں سائن اِن نہیں کر سکتا۔',
};

export default ur;
