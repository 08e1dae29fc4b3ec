import { CatalogueScreen } from '../../features/catalogues/components/catalogue-screen';
import { clientsConfig } from '../../features/catalogues/components/catalogue-configs';
import { useCan } from '../session';

export function ClientsPage() {
  return <CatalogueScreen config={clientsConfig} canWrite={useCan('catalogues.write')} />;
}
