import type { PracticeInput } from '../../shared/practice-schemas';
import { getMember } from '../../functions/members/repository';
import * as practicesRepo from '../../functions/practices/repository';
import { decide, submit } from '../../functions/practices/service';

/**
 * The library of good practices (issue 14): four published practices by demo members, in Urdu,
 * Arabic (with harakat on a word, so a search without them finds it), English and Spanish, and one
 * waiting for the board, by the demo practitioner. Idempotent: adds nothing once the library has a
 * published practice.
 */

type Author = { id: string; email: string };

const PUBLISHED: { by: string; input: PracticeInput }[] = [
  {
    by: 'Ayesha Siddiqui',
    input: {
      title: 'متاثرہ خواتین کے انٹرویو خاتون افسر کے ساتھ',
      summary:
        'لاہور میں ایف آئی اے کے انسدادِ انسانی اسمگلنگ سیل نے متاثرہ خواتین کے بیانات صرف خاتون افسر اور خاتون مترجم کی موجودگی میں لینا شروع کیے۔',
      countries: ['PK'],
      themes: ['investigation', 'protection'],
      done: 'ہر بیان ایک الگ کمرے میں لیا گیا، جہاں کوئی مرد اہلکار موجود نہیں تھا۔\n\n- بیان سے پہلے قانونی مدد اور پناہ گاہ کے بارے میں بتایا گیا\n- بیان کی تاریخ متاثرہ خاتون کی سہولت سے طے کی گئی',
      worked:
        'خواتین نے بھرتی کرنے والوں کے نام اور راستوں کی تفصیل پہلے سے کہیں زیادہ بتائی، اور عدالت میں بیان سے مکرنے کے واقعات کم ہوئے۔',
      didNotWork: 'اضلاع میں خاتون مترجم ہمیشہ دستیاب نہیں تھیں؛ بعض بیانات میں ہفتوں کی تاخیر ہوئی۔',
      language: 'ur',
      contact: true,
      identity: 'named',
      audience: 'members',
    },
  },
  {
    by: 'زينب الموسوي',
    input: {
      title: 'شبكة إحالة بين الشرطة ومنظمات حماية الضحايا في البصرة',
      summary: 'اتفاق مكتوب بين شرطة مكافحة الاتجار ومنظمتين محليتين يضمن نقل الضحية إلى مأوى آمن خلال ساعات من التعرّف عليها.',
      countries: ['IQ'],
      themes: ['cooperation', 'protection'],
      done: 'وقّعنا مذكرة تفاهم تحدد من يتصل بمن، ومتى، وما المعلومات التي تُنقل وما لا يُنقل. عُيّنت ضابطة اتصال في كل مركز شرطة.\n\nالكلمة الأهم في المذكرة هي «السِّرِّيَّة»: لا يُذكر اسم الضحية في أي مراسلة.',
      worked: 'انخفض وقت الوصول إلى المأوى من أيام إلى ساعات، وصارت الضحايا يثقن بالإجراءات أكثر.',
      didNotWork: 'تغيّر الضباط المناوبين أضعف المعرفة بالمذكرة؛ احتجنا إلى تدريب متكرر كل ثلاثة أشهر.',
      language: 'ar',
      contact: false,
      identity: 'named',
      audience: 'practitioners',
    },
  },
  {
    by: 'Olena Kovalenko',
    input: {
      title: 'Screening women crossing the border for signs of labour exploitation',
      summary:
        'Border guards and labour inspectors used a short, shared checklist with women crossing for seasonal work, and referred those at risk before they left the country.',
      countries: ['UA', 'PL'],
      themes: ['prevention', 'cooperation'],
      done: 'A ten-question checklist, agreed by both services, was used at two crossings. A woman officer asked the questions in a private space; no answer was written down with her name.',
      worked: 'Women asked for the hotline number far more often when the officer offered it as routine advice for everyone.',
      didNotWork: 'Queues at peak hours left no time for private conversations; the checklist was skipped on the busiest days.',
      language: 'en',
      contact: true,
      identity: 'named',
      audience: 'members',
    },
  },
  {
    by: 'María Fernanda López',
    input: {
      title: 'Audiencias con enfoque de género en casos de trata',
      summary:
        'La fiscalía preparó a las víctimas antes de las audiencias y pidió medidas de protección para que declararan sin ver a los acusados.',
      countries: ['CO'],
      themes: ['investigation', 'legislation'],
      done: 'Una fiscal y una psicóloga acompañaron a cada víctima desde la denuncia hasta el juicio. Se solicitó declaración por video en una sala separada.',
      worked: 'Ninguna víctima se retractó durante el juicio, y dos casos terminaron en condena.',
      didNotWork: 'No todos los juzgados tenían equipo de video; en un caso hubo que aplazar la audiencia.',
      language: 'es',
      contact: false,
      identity: 'anonymous',
      audience: 'members',
    },
  },
];

const PENDING: PracticeInput = {
  title: 'Women-only help desks at the Kabul bus terminal',
  summary:
    'A help desk staffed by women officers where women travelling alone could ask for advice without being seen talking to the police.',
  countries: ['AF'],
  themes: ['prevention', 'protection'],
  done: 'Two women officers staffed a desk inside the women’s waiting room for six months.',
  worked: 'Women asked about job offers abroad and brought the written offers with them.',
  didNotWork: 'The desk closed whenever one of the two officers was on leave.',
  language: 'en',
  contact: false,
  identity: 'named',
  audience: 'practitioners',
};

async function viewerOf(author: Author, isBoard = false) {
  const member = await getMember(author.id);
  if (!member) throw new Error(`seed: no member ${author.id}`);
  return { session: { userId: author.id, email: author.email, groups: isBoard ? ['board'] : [], isBoard }, member };
}

export async function seedPractices(opts: { board: Author; practitioner: Author; members: (Author & { name: string })[] }): Promise<void> {
  const existing = await practicesRepo.listPublished({ limit: 1, scope: 'seed', audiences: ['members', 'practitioners', 'board'] });
  if (existing.items.length > 0) return;
  const board = await viewerOf(opts.board, true);
  for (const p of PUBLISHED) {
    const author = opts.members.find((m) => m.name === p.by);
    if (!author) continue;
    const submitted = await submit(await viewerOf(author), p.input);
    await decide(board, submitted.id, 'approve', 'Clear, practical and free of personal data (demo data).');
  }
  await submit(await viewerOf(opts.practitioner), PENDING);
}
