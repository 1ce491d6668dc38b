/**
 * नेपाली (Nepali), the emails. First draft written by the development team from
 * the English email catalog: it awaits review by a native-speaking member of the network before it is
 * relied on. Worded so that it reads naturally for women and men alike (formal address).
 */
import type { EmailCatalog } from '../catalog';

const ne: EmailCatalog = {
  'subject.notices': 'तपाईंका लागि नयाँ सूचनाहरू छन्',
  'subject.reminder': '{lead, select, day {सम्झना: भोलि एउटा कार्यक्रम} other {सम्झना: एक घण्टाभित्र एउटा कार्यक्रम}}',
  'subject.nudge': 'मेन्टरिङको एउटा अनुरोधले तपाईंको जवाफ पर्खिरहेको छ',
  'subject.decided': 'तपाईंको आवेदनको जवाफ आएको छ',
  'subject.announcement': 'बोर्डको नयाँ घोषणा',
  'subject.signup': 'कसैले तपाईंको ठेगानाबाट साइन अप गर्ने प्रयास गर्‍यो',
  'body.digest': '{count, plural, one {तपाईंका लागि # नयाँ सूचना छ।} other {तपाईंका लागि # नयाँ सूचनाहरू छन्।}}',
  'body.something': 'तपाईंका लागि केही नयाँ छ।',
  'body.reminder':
    '{lead, select, day {तपाईंको तालिकाको एउटा कार्यक्रम भोलि सुरु हुन्छ: “{title}”, {time}।} other {तपाईंको तालिकाको एउटा कार्यक्रम एक घण्टाभित्र सुरु हुन्छ: “{title}”, {time}।}}',
  'body.nudge':
    '{days, plural, one {मेन्टरिङको एउटा अनुरोधले # दिनदेखि तपाईंको जवाफ पर्खिरहेको छ।} other {मेन्टरिङको एउटा अनुरोधले # दिनदेखि तपाईंको जवाफ पर्खिरहेको छ।}}',
  'body.decided': 'बोर्डले तपाईंको आवेदनको जवाफ दिएको छ। जवाफ पढ्न साइन इन गर्नुहोस्।',
  'body.announcement': 'बोर्डले सबै सदस्यहरूलाई एउटा घोषणा पठाएको छ। पढ्न साइन इन गर्नुहोस्।',
  'action.open': 'एप खोल्नुहोस्',
  'footer.reason': 'तपाईंको सेटिङमा इमेल सक्रिय भएकाले यो इमेल पठाइएको हो।',
  'footer.settings': 'के पाउने भनी छान्नुहोस्',
  'footer.unsubscribe': 'सबै इमेल बन्द गर्नुहोस्',
  'signup.body': 'कसैले यो इमेल ठेगानाबाट नयाँ खाता खोल्ने प्रयास गर्‍यो। तपाईंको खाता पहिल्यै छ, त्यसैले केही परिवर्तन भएन र कुनै नयाँ खाता खोलिएन।',
  'signup.ifYou': 'यो प्रयास तपाईंकै हो भने सधैँझैँ साइन इन गर्नुहोस्। पासवर्ड बिर्सनुभएको छ भने नयाँ पासवर्ड छान्न सक्नुहुन्छ:',
  'signup.reset': 'नयाँ पासवर्ड छान्नुहोस्',
  'signup.ifNot': 'यो प्रयास तपाईंको होइन भने केही गर्नुपर्दैन: तपाईंको पासवर्डबिना कसैले पनि तपाईंको खातामा साइन इन गर्न सक्दैन।',
};

export default ne;
