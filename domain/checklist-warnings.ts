/**
 * The non-blocking warnings of the pre-closure checklist (spec §3.1).
 */
import { expectedClosureStatus, isOverdue } from './closure-schedule.js';
import { isHttpUrl } from './evidence-link.js';
import { Dec, toDec } from './money.js';
import { MONTHLY_REPORT_STATUS_LABELS as LABELS } from './monthly-report-status.js';
import type { ChecklistRef } from './checklist.js';
import {
  counted,
  distinct,
  joinCappedTotal,
  makeItem,
  siteDaySegments,
  type ChecklistRule,
  type ItemDefinition,
  type Message,
} from './checklist-context.js';

/** Description of the planned-without-production warning. */
export const PLANNED_WITHOUT_PRODUCTION: ItemDefinition = {
  key: 'planned_without_production',
  blocking: false,
  label: { es: 'Partidas programadas sin producción', en: 'Planned line items without production' },
  okMessage: {
    es: 'Todas las partidas programadas tienen producción.',
    en: 'Every planned line item has production.',
  },
};

/** Its message for `count` idle line items whose first codes (in order, repeats kept) are `codes`. */
export const plannedWithoutProductionMessage = (count: number, codes: readonly string[]): Message => ({
  es: `${counted(count, 'partida programada', 'partidas programadas')} sin producción en el mes: ${joinCappedTotal(codes, count, 'es')}`,
  en: `${counted(count, 'planned line item', 'planned line items')} without production this month: ${joinCappedTotal(codes, count, 'en')}`,
});

/** Line items with planned volume in the month but no production in the month. */
export const plannedWithoutProduction: ChecklistRule = (context) => {
  const producedIds = new Set(context.entries.filter((e) => toDec(e.volume).greaterThan(0)).map((e) => e.lineItemId));
  const plannedTotals = new Map<number, Dec>();
  for (const p of context.planned) plannedTotals.set(p.lineItemId, (plannedTotals.get(p.lineItemId) ?? new Dec(0)).plus(toDec(p.volume)));
  const idle = [...plannedTotals].filter(([id, total]) => total.greaterThan(0) && !producedIds.has(id)).map(([id]) => id);
  const codes = idle.map((id) => context.lineItemCode(id));
  return makeItem(
    PLANNED_WITHOUT_PRODUCTION,
    idle.map((id): ChecklistRef => ({ kind: 'line_item', id })),
    () => plannedWithoutProductionMessage(idle.length, codes),
  );
};

/** Daily reports whose signature status is not `Firmado`. */
export const dailyReportsUnsigned: ChecklistRule = (context) => {
  const unsigned = context.reports.filter((r) => r.signatureStatus !== 'firmado');
  return makeItem(
    {
      key: 'daily_reports_unsigned',
      blocking: false,
      label: { es: 'Reportes diarios firmados', en: 'Daily reports signed' },
      okMessage: { es: 'Todos los reportes diarios están firmados.', en: 'All daily reports are signed.' },
    },
    unsigned.map((r): ChecklistRef => ({ kind: 'site_day', siteId: r.siteId, date: r.date })),
    () =>
      siteDaySegments(context, unsigned, (n, language) =>
        language === 'es'
          ? `${counted(n, 'reporte diario', 'reportes diarios')} sin firmar en`
          : `${counted(n, 'unsigned daily report', 'unsigned daily reports')} at`,
      ),
  );
};

/** Prices compare as decimals, a missing price counting as 0. */
export const samePrice = (a: string | null, b: string | null): boolean => toDec(a ?? '0').equals(toDec(b ?? '0'));

/** Description of the unit-price warning. */
export const UNIT_PRICES_MATCH_CATALOGUE: ItemDefinition = {
  key: 'unit_prices_match_catalogue',
  blocking: false,
  label: { es: 'Precios unitarios conforme al catálogo', en: 'Unit prices match the catalogue' },
  okMessage: {
    es: 'Los precios unitarios coinciden con el catálogo del contrato.',
    en: 'Unit prices match the contract catalogue.',
  },
};

/** Its message for `count` line items; `codes` the first distinct codes of `codeCount`. */
export const unitPricesMessage = (count: number, codes: readonly string[], codeCount: number): Message => ({
  es: `${counted(count, 'partida', 'partidas')} con P.U. distinto al catálogo del contrato: ${joinCappedTotal(codes, codeCount, 'es')}`,
  en: `${counted(count, 'line item', 'line items')} priced differently from the contract catalogue: ${joinCappedTotal(codes, codeCount, 'en')}`,
});

/** Line items whose unit price differs from the contract catalogue (items without a catalogue match are not compared). */
export const unitPricesMatchCatalogue: ChecklistRule = (context) => {
  const differing = context.input.lineItems.filter(
    (l) => l.catalogue !== null && (!samePrice(l.puMxn, l.catalogue.puMxn) || !samePrice(l.puUsd, l.catalogue.puUsd)),
  );
  const codes = distinct(differing.map((l) => l.code));
  return makeItem(
    UNIT_PRICES_MATCH_CATALOGUE,
    differing.map((l): ChecklistRef => ({ kind: 'line_item', id: l.id })),
    () => unitPricesMessage(differing.length, codes, codes.length),
  );
};

/**
 * The evidence URL was reachable when the server last checked it. Not checked yet (or checked
 * for a different URL, or no valid URL at all) is also a warning: nobody has confirmed access.
 */
export const evidenceUrlReachable: ChecklistRule = (context) => {
  const { evidenceUrl, evidenceReachability: check } = context.input;
  const current = check !== null && check.url === evidenceUrl ? check : null;
  const fine = isHttpUrl(evidenceUrl) && current?.reachable === true;
  return makeItem(
    {
      key: 'evidence_url_reachable',
      blocking: false,
      label: { es: 'Enlace de evidencia accesible', en: 'Evidence link reachable' },
      okMessage: {
        es: 'El enlace de evidencia respondió en la última verificación.',
        en: 'The evidence link responded when last checked.',
      },
    },
    fine ? [] : [{ kind: 'monthly_report' }],
    () => {
      if (!isHttpUrl(evidenceUrl))
        return {
          es: 'No hay un enlace de evidencia válido que verificar.',
          en: 'There is no valid evidence link to check.',
        };
      if (current === null)
        return {
          es: 'El enlace de evidencia aún no se ha verificado.',
          en: 'The evidence link has not been checked yet.',
        };
      return {
        es: 'No se pudo acceder al enlace de evidencia en la última verificación.',
        en: 'The evidence link could not be reached when last checked.',
      };
    },
  );
};

/** Daily reports flagged as incidents without a valid support link. */
export const incidentsHaveLink: ChecklistRule = (context) => {
  const bare = context.reports.filter((r) => r.incident === true && !isHttpUrl(r.incidentLink ?? null));
  return makeItem(
    {
      key: 'incidents_have_link',
      blocking: false,
      label: { es: 'Incidentes con soporte', en: 'Incidents with a link' },
      okMessage: { es: 'Todos los incidentes tienen enlace de soporte.', en: 'Every incident has a support link.' },
    },
    bare.map((r): ChecklistRef => ({ kind: 'site_day', siteId: r.siteId, date: r.date })),
    () =>
      siteDaySegments(context, bare, (n, language) =>
        language === 'es'
          ? `${counted(n, 'incidente', 'incidentes')} sin enlace de soporte en`
          : `${counted(n, 'incident', 'incidents')} without a support link at`,
      ),
  );
};

/** The month-end schedule (days 1–25 Abierto, 26–29 En Revisión, 30+ Cerrado) is overdue. */
export const closureScheduleOnTime: ChecklistRule = (context) => {
  const { status, year, month, today } = context.input;
  const expected = expectedClosureStatus(year, month, today);
  const overdue = isOverdue(status, year, month, today);
  return makeItem(
    {
      key: 'closure_schedule',
      blocking: false,
      label: { es: 'Calendario de cierre', en: 'Closure schedule' },
      okMessage: { es: 'El reporte va al corriente con el calendario de cierre.', en: 'The report is on schedule.' },
    },
    overdue ? [{ kind: 'monthly_report' }] : [],
    () => ({
      es: `Según el calendario de cierre (días 1–25 Abierto, 26–29 En Revisión, 30+ Cerrado) el reporte debería estar «${expected ? LABELS[expected].es : ''}» y está «${LABELS[status].es}».`,
      en: `By the closure schedule (days 1–25 Open, 26–29 Under review, 30+ Closed) the report should be "${expected ? LABELS[expected].en : ''}" but is "${LABELS[status].en}".`,
    }),
  );
};

/** The warnings in display order. */
export const WARNING_RULES: readonly ChecklistRule[] = [
  plannedWithoutProduction,
  dailyReportsUnsigned,
  unitPricesMatchCatalogue,
  evidenceUrlReachable,
  incidentsHaveLink,
  closureScheduleOnTime,
];
