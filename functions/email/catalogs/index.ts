import type { Locale } from '../../../shared/locales';
import type { EmailCatalog } from '../catalog';
import ar from './ar';
import bn from './bn';
import en from './en';
import es from './es';
import fa from './fa';
import fr from './fr';
import ne from './ne';
import ps from './ps';
import pt from './pt';
import ru from './ru';
import uk from './uk';
import ur from './ur';

/** Every email catalog by language: small enough for the mailer to carry all twelve. */
export const EMAIL_CATALOGS: Record<Locale, EmailCatalog> = { en, ar, fa, ps, ur, bn, ne, fr, es, pt, ru, uk };
