/**
 * বাংলা (Bengali), the emails. First draft written by the development team from
 * the English email catalog: it awaits review by a native-speaking member of the network before it is
 * relied on. Worded so that it reads naturally for women and men alike (formal address).
 */
import type { EmailCatalog } from '../catalog';

const bn: EmailCatalog = {
  'subject.notices': 'আপনার জন্য নতুন বিজ্ঞপ্তি আছে',
  'subject.reminder': '{lead, select, day {মনে করিয়ে দেওয়া: আগামীকাল একটি অনুষ্ঠান} other {মনে করিয়ে দেওয়া: এক ঘণ্টার মধ্যে একটি অনুষ্ঠান}}',
  'subject.nudge': 'মেন্টরিংয়ের একটি অনুরোধ আপনার উত্তরের অপেক্ষায়',
  'subject.decided': 'আপনার আবেদনের উত্তর এসেছে',
  'subject.announcement': 'পর্ষদের একটি নতুন ঘোষণা',
  'subject.signup': 'কেউ আপনার ঠিকানা দিয়ে সাইন আপ করার চেষ্টা করেছে',
  'body.digest': '{count, plural, one {আপনার জন্য #টি নতুন বিজ্ঞপ্তি আছে।} other {আপনার জন্য #টি নতুন বিজ্ঞপ্তি আছে।}}',
  'body.something': 'আপনার জন্য নতুন কিছু আছে।',
  'body.reminder':
    '{lead, select, day {আপনার সূচির একটি অনুষ্ঠান আগামীকাল শুরু হবে: “{title}”, {time}।} other {আপনার সূচির একটি অনুষ্ঠান এক ঘণ্টার মধ্যে শুরু হবে: “{title}”, {time}।}}',
  'body.nudge':
    '{days, plural, one {মেন্টরিংয়ের একটি অনুরোধ # দিন ধরে আপনার উত্তরের অপেক্ষায় আছে।} other {মেন্টরিংয়ের একটি অনুরোধ # দিন ধরে আপনার উত্তরের অপেক্ষায় আছে।}}',
  'body.decided': 'পর্ষদ আপনার আবেদনের উত্তর দিয়েছে। উত্তর পড়তে সাইন ইন করুন।',
  'body.announcement': 'পর্ষদ সব সদস্যকে একটি ঘোষণা পাঠিয়েছে। পড়তে সাইন ইন করুন।',
  'action.open': 'অ্যাপ খুলুন',
  'footer.reason': 'আপনার সেটিংসে ইমেল চালু আছে বলে আপনি এই ইমেলটি পাচ্ছেন।',
  'footer.settings': 'কী পাবেন তা বেছে নিন',
  'footer.unsubscribe': 'সব ইমেল বন্ধ করুন',
  'signup.body':
    'কেউ এই ইমেল ঠিকানা দিয়ে একটি নতুন অ্যাকাউন্ট খোলার চেষ্টা করেছে। আপনার আগে থেকেই অ্যাকাউন্ট আছে, তাই কিছুই বদলায়নি এবং নতুন কোনো অ্যাকাউন্ট খোলা হয়নি।',
  'signup.ifYou': 'চেষ্টাটি আপনার হলে যথারীতি সাইন ইন করুন। পাসওয়ার্ড ভুলে গেলে একটি নতুন পাসওয়ার্ড বেছে নিতে পারেন:',
  'signup.reset': 'নতুন পাসওয়ার্ড বেছে নিন',
  'signup.ifNot': 'চেষ্টাটি আপনার না হলে কিছুই করতে হবে না: আপনার পাসওয়ার্ড ছাড়া কেউ আপনার অ্যাকাউন্টে সাইন ইন করতে পারবে না।',
};

export default bn;
