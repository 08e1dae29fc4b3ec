/**
 * The seven blocking items of the pre-closure checklist (spec §3.1), in spec order.
 */
import { layerAllowedOn } from './daily-report.js';
import { daysInWindowForMonth } from './validity-window.js';
import { isHttpUrl } from './evidence-link.js';
import { requiresGpu } from './gpu.js';
import { isLayer } from './layer.js';
import { isPositiveDecimal } from './money.js';
import type { ChecklistRef } from './checklist.js';
import { SIGN_OFF_KINDS, SIGN_OFF_LABELS } from './sign-off.js';
import type { IsoDate } from './dates.js';
import {
  counted,
  distinct,
  joinCapped,
  joinCappedTotal,
  makeItem,
  siteDaySegments,
  type ChecklistContext,
  type ChecklistRule,
  type ItemDefinition,
  type Message,
} from './checklist-context.js';

/** 1. Every day of the validity window in the month, at every site, has a daily report. */
export const dailyReportsComplete: ChecklistRule = (context) => {
  const { year, month, sites } = context.input;
  const missing = sites.flatMap((site) =>
    daysInWindowForMonth(site.window, year, month)
      .filter((date) => context.reportAt(site.id, date) === undefined)
      .map((date) => ({ kind: 'site_day' as const, siteId: site.id, date })),
  );
  return makeItem(
    {
      key: 'daily_reports_complete',
      blocking: true,
      label: { es: 'Reportes diarios completos', en: 'Daily reports complete' },
      okMessage: {
        es: 'Todos los días de la vigencia tienen reporte diario en cada sitio.',
        en: 'Every day of the validity window has a daily report at every site.',
      },
    },
    missing,
    () =>
      siteDaySegments(context, missing, (n, language) =>
        language === 'es' ? `${counted(n, 'día', 'días')} sin reporte diario en` : `${counted(n, 'day', 'days')} without a daily report at`,
      ),
  );
};

/** Item 2's description. */
export const GPU_EVIDENCE: ItemDefinition = {
  key: 'gpu_evidence',
  blocking: true,
  label: { es: 'GPU con evidencia (C-2/C-3)', en: 'GPU with evidence (C-2/C-3)' },
  okMessage: {
    es: 'Toda la producción C-2/C-3 tiene GPU con evidencia.',
    en: 'All C-2/C-3 production has a GPU with evidence.',
  },
};

/** Item 2's failure: `count` entries; `codes` the first distinct partida codes of `codeCount`. */
export const gpuEvidenceMessage = (count: number, codes: readonly string[], codeCount: number): Message => ({
  es: `${counted(count, 'registro', 'registros')} de producción C-2/C-3 sin GPU con evidencia (partidas ${joinCappedTotal(codes, codeCount, 'es')}).`,
  en: `${counted(count, 'C-2/C-3 production entry', 'C-2/C-3 production entries')} without a GPU with evidence (line items ${joinCappedTotal(codes, codeCount, 'en')}).`,
});

/** 2. Every C-2/C-3 (and C2EXT/C3EXT) entry with volume > 0 has a GPU record with an evidence URL. */
export const gpuEvidence: ChecklistRule = (context) => {
  const gpuByEntry = new Map(context.input.gpuRecords.map((g) => [g.productionEntryId, g]));
  const lacking = context.entries.filter((e) => requiresGpu(e.subAnnex, e.volume) && !isHttpUrl(gpuByEntry.get(e.id)?.evidenceUrl));
  const codes = distinct(lacking.map((e) => context.lineItemCode(e.lineItemId)));
  return makeItem(
    GPU_EVIDENCE,
    lacking.map((e) => ({ kind: 'production_entry', id: e.id })),
    () => gpuEvidenceMessage(lacking.length, codes, codes.length),
  );
};

/** Item 3's description. */
export const EXCESS_RESOLVED: ItemDefinition = {
  key: 'excess_resolved',
  blocking: true,
  label: { es: 'Excedentes resueltos', en: 'Excess resolved' },
  okMessage: { es: 'No hay excedentes sin resolver.', en: 'No unresolved excess.' },
};

/** Item 3's failure: `count` entries; `codes` the first distinct partida codes of `codeCount`. */
export const excessResolvedMessage = (count: number, codes: readonly string[], codeCount: number): Message => ({
  es: `${counted(count, 'registro', 'registros')} con excedente sin autorizar ni reconocer como no cobrable (partidas ${joinCappedTotal(codes, codeCount, 'es')}).`,
  en: `${counted(count, 'entry', 'entries')} with excess neither authorized nor acknowledged as non-billable (line items ${joinCappedTotal(codes, codeCount, 'en')}).`,
});

/** 3. Every entry with excess is covered by a newer authorized volume or acknowledged as non-billable. */
export const excessResolved: ChecklistRule = (context) => {
  const unresolved = context.entries.filter((e) => isPositiveDecimal(e.excessVolume) && !e.coveredByNewerCap && !e.excessAcknowledged);
  const codes = distinct(unresolved.map((e) => context.lineItemCode(e.lineItemId)));
  return makeItem(
    EXCESS_RESOLVED,
    unresolved.map((e) => ({ kind: 'production_entry', id: e.id })),
    () => excessResolvedMessage(unresolved.length, codes, codes.length),
  );
};

/** 4. The month's evidence folder URL is set and is a valid http(s) URL. */
export const evidenceUrlSet: ChecklistRule = (context) => {
  const url = context.input.evidenceUrl;
  const missing = url === null || url.trim() === '';
  const offending: ChecklistRef[] = isHttpUrl(url) ? [] : [{ kind: 'monthly_report' }];
  return makeItem(
    {
      key: 'evidence_url',
      blocking: true,
      label: { es: 'Carpeta de evidencia vinculada', en: 'Evidence folder linked' },
      okMessage: {
        es: 'La carpeta de evidencia del mes está vinculada.',
        en: 'The month’s evidence folder is linked.',
      },
    },
    offending,
    () =>
      missing
        ? {
            es: 'Falta el enlace a la carpeta de evidencia del mes.',
            en: 'The month’s evidence folder link is missing.',
          }
        : {
            es: 'El enlace de evidencia no es una URL http(s) válida.',
            en: 'The evidence link is not a valid http(s) URL.',
          },
  );
};

/** Item 5's description. */
export const PRODUCTION_MATCHES_DAILY_REPORTS: ItemDefinition = {
  key: 'production_matches_daily_reports',
  blocking: true,
  label: { es: 'Producción congruente con los reportes diarios', en: 'Production consistent with daily reports' },
  okMessage: {
    es: 'Toda la producción coincide con el estatus operativo de su día.',
    en: 'All production matches its day’s operational status.',
  },
};

/**
 * Item 5's failure: `count` entries on the site-days `days` (sites in the order of their first
 * offending entry; days in any order, repeated or not).
 */
export function productionMismatchMessage(
  context: Pick<ChecklistContext, 'siteName'>,
  count: number,
  days: readonly { readonly siteId: number; readonly date: IsoDate }[],
): Message {
  const where = siteDaySegments(context, days, (_n, language) => (language === 'es' ? 'en' : 'at'));
  return {
    es: `${counted(count, 'registro', 'registros')} de producción no coinciden con el estatus operativo del día (TE solo en días Productivo; CMA solo en En espera o Productivo) ${where.es}`,
    en: `${counted(count, 'production entry does', 'production entries do')} not match the day’s operational status (TE only on Productive days; CMA only on Standby or Productive days) ${where.en}`,
  };
}

/**
 * 5. Production matches the daily reports: TE only on `Productivo` days, CMA only on
 * `En espera`/`Productivo` days; production on a site-day without a daily report cannot be
 * verified and also fails. Entries without a layer are left to item 7.
 */
export const productionMatchesDailyReports: ChecklistRule = (context) => {
  const mismatched = context.entries.filter((e) => {
    if (!isLayer(e.layer)) return false;
    const report = context.reportAt(e.siteId, e.date);
    return report === undefined || !layerAllowedOn(e.layer, report.operationalStatus);
  });
  return makeItem(
    PRODUCTION_MATCHES_DAILY_REPORTS,
    mismatched.map((e) => ({ kind: 'production_entry', id: e.id })),
    () => productionMismatchMessage(context, mismatched.length, mismatched),
  );
};

/**
 * 6. Sign-offs: supervisor (reviewed), operations manager (validated), administration (confirmed
 * for billing), by three distinct users; the only user who captured the month's data may not
 * sign it off (segregation of duties).
 */
export const signOffs: ChecklistRule = (context) => {
  const { signOffs: recorded, capturedByUserIds } = context.input;
  const offending: ChecklistRef[] = [];
  const problems: Message[] = [];

  const missing = SIGN_OFF_KINDS.filter((kind) => !recorded.some((s) => s.kind === kind));
  for (const kind of missing) offending.push({ kind: 'sign_off', signOff: kind });
  if (missing.length > 0) {
    problems.push({
      es: `Falta la firma de: ${joinCapped(
        missing.map((k) => SIGN_OFF_LABELS[k].es),
        'es',
      )}`,
      en: `Missing sign-off: ${joinCapped(
        missing.map((k) => SIGN_OFF_LABELS[k].en),
        'en',
      )}`,
    });
  }

  const signers = recorded.map((s) => s.userId);
  const repeated = recorded.filter((s, i) => signers.indexOf(s.userId) !== i);
  for (const s of repeated) offending.push({ kind: 'sign_off', signOff: s.kind, userId: s.userId });
  if (repeated.length > 0) {
    problems.push({
      es: 'Las tres firmas deben ser de personas distintas',
      en: 'The three sign-offs must be by different people',
    });
  }

  const capturers = distinct(capturedByUserIds);
  const soleCapturer = capturers.length === 1 ? capturers[0] : undefined;
  const selfSigned = recorded.filter((s) => s.userId === soleCapturer);
  for (const s of selfSigned) offending.push({ kind: 'sign_off', signOff: s.kind, userId: s.userId });
  if (selfSigned.length > 0) {
    problems.push({
      es: 'Quien capturó todos los datos del mes no puede firmar su revisión',
      en: 'The only person who captured the month’s data cannot sign it off',
    });
  }

  return makeItem(
    {
      key: 'sign_offs',
      blocking: true,
      label: { es: 'Firmas de revisión', en: 'Sign-offs' },
      okMessage: {
        es: 'Revisado, validado y confirmado por tres personas distintas.',
        en: 'Reviewed, validated and confirmed by three different people.',
      },
    },
    offending,
    () => ({ es: `${problems.map((p) => p.es).join('. ')}.`, en: `${problems.map((p) => p.en).join('. ')}.` }),
  );
};

/** Item 7's description. */
export const LAYERS_ASSIGNED: ItemDefinition = {
  key: 'layers_assigned',
  blocking: true,
  label: { es: 'Clasificación TE/CMA asignada', en: 'TE/CMA layer assigned' },
  okMessage: {
    es: 'Toda la producción está clasificada como TE o CMA.',
    en: 'All production is classified as TE or CMA.',
  },
};

/** Item 7's failure for `count` entries. */
export const layersAssignedMessage = (count: number): Message => ({
  es: `${counted(count, 'registro', 'registros')} de producción sin clasificación TE/CMA.`,
  en: `${counted(count, 'production entry', 'production entries')} without a TE/CMA layer.`,
});

/** 7. Every production entry has its layer (TE/CMA); guaranteed by the schema, still shown. */
export const layersAssigned: ChecklistRule = (context) => {
  const unlayered = context.entries.filter((e) => !isLayer(e.layer));
  return makeItem(
    LAYERS_ASSIGNED,
    unlayered.map((e) => ({ kind: 'production_entry', id: e.id })),
    () => layersAssignedMessage(unlayered.length),
  );
};

/** The blocking rules in spec order. */
export const BLOCKING_RULES: readonly ChecklistRule[] = [
  dailyReportsComplete,
  gpuEvidence,
  excessResolved,
  evidenceUrlSet,
  productionMatchesDailyReports,
  signOffs,
  layersAssigned,
];
