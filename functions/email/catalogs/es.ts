/**
 * Español (Spanish, neutral Latin American), the emails. First draft written by the development team from
 * the English email catalog: it awaits review by a native-speaking member of the network before it is
 * relied on. Worded so that it reads naturally for women and men alike (formal address).
 */
import type { EmailCatalog } from '../catalog';

const es: EmailCatalog = {
  'subject.notices': 'Tiene nuevos avisos',
  'subject.reminder': '{lead, select, day {Recordatorio: un evento mañana} other {Recordatorio: un evento dentro de una hora}}',
  'subject.nudge': 'Una solicitud de mentoría espera su respuesta',
  'subject.decided': 'Su postulación tiene una respuesta',
  'subject.announcement': 'Un nuevo anuncio del consejo',
  'subject.signup': 'Alguien intentó registrarse con su dirección',
  'body.digest': '{count, plural, one {Tiene # aviso nuevo.} many {Tiene # de avisos nuevos.} other {Tiene # avisos nuevos.}}',
  'body.something': 'Hay algo nuevo para usted.',
  'body.reminder':
    '{lead, select, day {Un evento de su agenda comienza mañana: «{title}», {time}.} other {Un evento de su agenda comienza dentro de una hora: «{title}», {time}.}}',
  'body.nudge':
    '{days, plural, one {Una solicitud de mentoría espera su respuesta desde hace # día.} many {Una solicitud de mentoría espera su respuesta desde hace # de días.} other {Una solicitud de mentoría espera su respuesta desde hace # días.}}',
  'body.decided': 'El consejo respondió a su postulación. Inicie sesión para leer la respuesta.',
  'body.announcement': 'El consejo envió un anuncio a todos los miembros. Inicie sesión para leerlo.',
  'action.open': 'Abrir la aplicación',
  'footer.reason': 'Recibe este correo porque el correo está activado en su configuración.',
  'footer.settings': 'Elegir qué recibe',
  'footer.unsubscribe': 'Darse de baja de todos los correos',
  'signup.body':
    'Alguien intentó crear una cuenta nueva con esta dirección de correo. Usted ya tiene una cuenta, así que no se cambió nada y no se creó ninguna cuenta.',
  'signup.ifYou': 'Si fue usted, inicie sesión como siempre. Si olvidó su contraseña, puede elegir una nueva:',
  'signup.reset': 'Elegir una contraseña nueva',
  'signup.ifNot': 'Si no fue usted, no tiene que hacer nada: nadie puede iniciar sesión en su cuenta sin su contraseña.',
};

export default es;
