/**
 * Français (French), the emails. First draft written by the development team from
 * the English email catalog: it awaits review by a native-speaking member of the network before it is
 * relied on. Worded so that it reads naturally for women and men alike (formal address).
 */
import type { EmailCatalog } from '../catalog';

const fr: EmailCatalog = {
  'subject.notices': 'Vous avez de nouvelles notifications',
  'subject.reminder': '{lead, select, day {Rappel : un événement demain} other {Rappel : un événement dans l’heure}}',
  'subject.nudge': 'Une demande de mentorat attend votre réponse',
  'subject.decided': 'Votre candidature a reçu une réponse',
  'subject.announcement': 'Une nouvelle annonce du comité',
  'subject.signup': 'Quelqu’un a tenté de s’inscrire avec votre adresse',
  'body.digest':
    '{count, plural, one {Vous avez # nouvelle notification.} many {Vous avez # nouvelles notifications.} other {Vous avez # nouvelles notifications.}}',
  'body.something': 'Il y a du nouveau pour vous.',
  'body.reminder':
    '{lead, select, day {Un événement de votre agenda commence demain : « {title} », {time}.} other {Un événement de votre agenda commence dans l’heure : « {title} », {time}.}}',
  'body.nudge':
    '{days, plural, one {Une demande de mentorat attend votre réponse depuis # jour.} many {Une demande de mentorat attend votre réponse depuis # jours.} other {Une demande de mentorat attend votre réponse depuis # jours.}}',
  'body.decided': 'Le comité a répondu à votre candidature. Connectez-vous pour lire la réponse.',
  'body.announcement': 'Le comité a envoyé une annonce à tous les membres. Connectez-vous pour la lire.',
  'action.open': 'Ouvrir l’application',
  'footer.reason': 'Vous recevez ce message parce que les e-mails sont activés dans vos paramètres.',
  'footer.settings': 'Choisir ce que vous recevez',
  'footer.unsubscribe': 'Se désabonner de tous les e-mails',
  'signup.body':
    'Quelqu’un a tenté de créer un nouveau compte avec cette adresse e-mail. Vous avez déjà un compte : rien n’a été modifié et aucun compte n’a été créé.',
  'signup.ifYou':
    'Si c’était vous, connectez-vous comme d’habitude. Si vous avez oublié votre mot de passe, vous pouvez en choisir un nouveau :',
  'signup.reset': 'Choisir un nouveau mot de passe',
  'signup.ifNot':
    'Si ce n’était pas vous, vous n’avez rien à faire : personne ne peut se connecter à votre compte sans votre mot de passe.',
};

export default fr;
