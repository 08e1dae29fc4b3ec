import { CatalogueScreen } from '../../features/catalogues/components/catalogue-screen';
import { sitesConfig } from '../../features/catalogues/components/catalogue-configs';
import { useCan } from '../session';

export function SitesPage() {
  return <CatalogueScreen config={sitesConfig} canWrite={useCan('catalogues.write')} />;
}
