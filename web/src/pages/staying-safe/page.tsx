import { PageHeading } from '../../components/page-heading';
import { t } from '../../i18n';

/** What the quick exit and discreet mode do, and, as honestly, what they cannot do. Open to everyone. */
export default function StayingSafePage() {
  return (
    <div class="narrow prose">
      <PageHeading>{t('safe.title')}</PageHeading>
      <p>{t('safe.intro')}</p>
      <h2 class="section-title">{t('safe.exitTitle')}</h2>
      <p>{t('safe.exitHow')}</p>
      <h3>{t('safe.doesTitle')}</h3>
      <ul>
        <li>{t('safe.doesBlank')}</li>
        <li>{t('safe.doesSignOut')}</li>
        <li>{t('safe.doesForget')}</li>
        <li>{t('safe.doesLeave')}</li>
      </ul>
      <h3>{t('safe.notTitle')}</h3>
      <ul>
        <li>{t('safe.notHistory')}</li>
        <li>{t('safe.notDownloads')}</li>
        <li>{t('safe.notOthers')}</li>
      </ul>
      <h2 class="section-title">{t('safe.privateTitle')}</h2>
      <p>{t('safe.privateBody')}</p>
      <h2 class="section-title">{t('safe.sharedTitle')}</h2>
      <p>{t('safe.sharedBody')}</p>
      <h2 class="section-title">{t('safe.discreetTitle')}</h2>
      <p>{t('safe.discreetBody')}</p>
      <h2 class="section-title">{t('safe.historyTitle')}</h2>
      <p>{t('safe.historyBody')}</p>
    </div>
  );
}
