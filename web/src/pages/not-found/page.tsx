import { A } from '@solidjs/router';
import { PageHeading } from '../../components/page-heading';
import { t } from '../../i18n';

export default function NotFoundPage() {
  return (
    <div class="narrow">
      <PageHeading>{t('notFound.title')}</PageHeading>
      <p>{t('notFound.body')}</p>
      <p>
        <A href="/">{t('notFound.home')}</A>
      </p>
    </div>
  );
}
