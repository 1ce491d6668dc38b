/**
 * العربية (Arabic), the emails. First draft written by the development team from
 * the English email catalog: it awaits review by a native-speaking member of the network before it is
 * relied on. Worded so that it reads naturally for women and men alike (formal address).
 */
import type { EmailCatalog } from '../catalog';

const ar: EmailCatalog = {
  'subject.notices': 'لديك إشعارات جديدة',
  'subject.reminder': '{lead, select, day {تذكير: فعالية غدًا} other {تذكير: فعالية خلال ساعة}}',
  'subject.nudge': 'طلب إرشاد بانتظار ردّك',
  'subject.decided': 'صدر ردّ على طلب انضمامك',
  'subject.announcement': 'إعلان جديد من المجلس',
  'subject.signup': 'محاولة تسجيل بعنوان بريدك الإلكتروني',
  'body.digest':
    '{count, plural, zero {لا توجد إشعارات جديدة لك.} one {لديك إشعار جديد واحد.} two {لديك إشعاران جديدان.} few {لديك # إشعارات جديدة.} many {لديك # إشعارًا جديدًا.} other {لديك # إشعار جديد.}}',
  'body.something': 'هناك جديد لك.',
  'body.reminder':
    '{lead, select, day {فعالية في جدولك تبدأ غدًا: «{title}»، {time}.} other {فعالية في جدولك تبدأ خلال ساعة: «{title}»، {time}.}}',
  'body.nudge':
    '{days, plural, zero {طلب إرشاد بانتظار ردّك.} one {طلب إرشاد بانتظار ردّك منذ يوم واحد.} two {طلب إرشاد بانتظار ردّك منذ يومين.} few {طلب إرشاد بانتظار ردّك منذ # أيام.} many {طلب إرشاد بانتظار ردّك منذ # يومًا.} other {طلب إرشاد بانتظار ردّك منذ # يوم.}}',
  'body.decided': 'ردّ المجلس على طلب انضمامك. يمكنك قراءة الرد بعد تسجيل الدخول.',
  'body.announcement': 'أرسل المجلس إعلانًا إلى جميع الأعضاء. يمكنك قراءته بعد تسجيل الدخول.',
  'action.open': 'فتح التطبيق',
  'footer.reason': 'تصلك هذه الرسالة لأن البريد الإلكتروني مفعّل في إعداداتك.',
  'footer.settings': 'اختيار ما يصلك',
  'footer.unsubscribe': 'إلغاء الاشتراك في كل الرسائل',
  'signup.body': 'حاول أحدهم إنشاء حساب جديد بعنوان البريد الإلكتروني هذا. لديك حساب بالفعل، لذلك لم يتغير شيء ولم يُنشأ حساب جديد.',
  'signup.ifYou': 'إن كانت المحاولة منك، فيمكنك تسجيل الدخول كالمعتاد. وإن نسيت كلمة المرور، فيمكنك اختيار كلمة مرور جديدة:',
  'signup.reset': 'اختيار كلمة مرور جديدة',
  'signup.ifNot': 'إن لم تكن المحاولة منك، فلا حاجة إلى أي إجراء: لا يمكن لأحد تسجيل الدخول إلى حسابك دون كلمة المرور.',
};

export default ar;
