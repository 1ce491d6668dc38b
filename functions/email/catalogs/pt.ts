/**
 * Português do Brasil (Brazilian Portuguese), the emails. First draft written by the development team from
 * the English email catalog: it awaits review by a native-speaking member of the network before it is
 * relied on. Worded so that it reads naturally for women and men alike (formal address).
 */
import type { EmailCatalog } from '../catalog';

const pt: EmailCatalog = {
  'subject.notices': 'Você tem novos avisos',
  'subject.reminder': '{lead, select, day {Lembrete: um evento amanhã} other {Lembrete: um evento dentro de uma hora}}',
  'subject.nudge': 'Uma solicitação de mentoria aguarda sua resposta',
  'subject.decided': 'Sua candidatura tem uma resposta',
  'subject.announcement': 'Um novo comunicado do conselho',
  'subject.signup': 'Alguém tentou se cadastrar com seu endereço',
  'body.digest': '{count, plural, one {Você tem # aviso novo.} many {Você tem # de avisos novos.} other {Você tem # avisos novos.}}',
  'body.something': 'Há algo novo para você.',
  'body.reminder':
    '{lead, select, day {Um evento da sua agenda começa amanhã: “{title}”, {time}.} other {Um evento da sua agenda começa dentro de uma hora: “{title}”, {time}.}}',
  'body.nudge':
    '{days, plural, one {Uma solicitação de mentoria aguarda sua resposta há # dia.} many {Uma solicitação de mentoria aguarda sua resposta há # de dias.} other {Uma solicitação de mentoria aguarda sua resposta há # dias.}}',
  'body.decided': 'O conselho respondeu à sua candidatura. Entre para ler a resposta.',
  'body.announcement': 'O conselho enviou um comunicado a todos os membros. Entre para lê-lo.',
  'action.open': 'Abrir o aplicativo',
  'footer.reason': 'Você recebe este e-mail porque os e-mails estão ativados nas suas configurações.',
  'footer.settings': 'Escolher o que você recebe',
  'footer.unsubscribe': 'Cancelar todos os e-mails',
  'signup.body':
    'Alguém tentou criar uma nova conta com este endereço de e-mail. Você já tem uma conta, então nada foi alterado e nenhuma conta nova foi criada.',
  'signup.ifYou': 'Se foi você, entre como de costume. Se esqueceu sua senha, pode escolher uma nova:',
  'signup.reset': 'Escolher uma nova senha',
  'signup.ifNot': 'Se não foi você, não é preciso fazer nada: ninguém consegue entrar na sua conta sem a sua senha.',
};

export default pt;
