import { CatalogueScreen } from '../../features/catalogues/components/catalogue-screen';
import { unitsConfig } from '../../features/catalogues/components/catalogue-configs';
import { useCan } from '../session';

export function UnitsPage() {
  return <CatalogueScreen config={unitsConfig} canWrite={useCan('catalogues.write')} />;
}
