import { CatalogueBrowser } from '../../features/catalogue/components/catalogue-browser';
import { useCurrentUser } from '../session';

/** Mirrors server/policy.ts `contractCatalogue.write` (the server stays the authority). */
const CAN_IMPORT = new Set(['admin', 'gerente_operaciones', 'administracion']);

export function ContractCataloguePage() {
  return <CatalogueBrowser canImport={CAN_IMPORT.has(useCurrentUser().role)} />;
}
