/**
 * Who sees the annex import and ad-hoc buttons. Mirrors server/policy.ts (`annex.import`), which
 * stays the authority; web/app/permissions.ts has no such capability yet.
 */
import type { Role } from '../../../contracts/auth';

export const canImportAnnex = (role: Role) => role === 'admin' || role === 'gerente_operaciones';
