import { CatalogueScreen } from '../../features/catalogues/components/catalogue-screen';
import { frontsConfig } from '../../features/catalogues/components/catalogue-configs';
import { useCan } from '../session';

export function FrontsPage() {
  return <CatalogueScreen config={frontsConfig} canWrite={useCan('catalogues.write')} />;
}
