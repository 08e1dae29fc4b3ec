import { describe, expect, it } from 'vitest';
import {
  BLOCKING_CHECKLIST_KEYS,
  WARNING_CHECKLIST_KEYS,
  computeChecklist,
  summarizeChecklist,
  type ChecklistInput,
  type ChecklistItem,
  type ChecklistKey,
} from './checklist.js';
import { makeWindow } from './validity-window.js';

const EVIDENCE = 'https://drive.google.com/drive/folders/abc';

/** A month where everything passes: one platform, 5 window days, one C-2 and one C-4 entry. */
function passingInput(overrides: Partial<ChecklistInput> = {}): ChecklistInput {
  const days = ['2025-03-01', '2025-03-02', '2025-03-03', '2025-03-04', '2025-03-05'];
  return {
    year: 2025,
    month: 3,
    today: '2025-03-20',
    status: 'abierto',
    sites: [{ id: 1, name: 'Plataforma ABK-A', window: makeWindow('2025-03-01', '2025-03-05') }],
    dailyReports: days.map((date) => ({
      siteId: 1,
      date,
      operationalStatus: 'productivo',
      signatureStatus: 'firmado',
    })),
    productionEntries: [
      {
        id: 100,
        lineItemId: 10,
        siteId: 1,
        date: '2025-03-01',
        layer: 'TE',
        subAnnex: 'C-2',
        volume: '5',
        excessVolume: '0',
        excessAcknowledged: false,
        coveredByNewerCap: false,
      },
      {
        id: 101,
        lineItemId: 20,
        siteId: 1,
        date: '2025-03-02',
        layer: 'CMA',
        subAnnex: 'C-4',
        volume: '1',
        excessVolume: '0',
        excessAcknowledged: false,
        coveredByNewerCap: false,
      },
    ],
    gpuRecords: [{ productionEntryId: 100, status: 'firmado', evidenceUrl: 'https://drive.google.com/file/d/gpu100' }],
    lineItems: [
      { id: 10, code: '2.1.', puMxn: '11813.3', puUsd: null, catalogue: { puMxn: '11813.30', puUsd: '0' } },
      { id: 20, code: '4.4.', puMxn: '1463.99', puUsd: null, catalogue: { puMxn: '1463.99', puUsd: null } },
    ],
    plannedVolumes: [{ lineItemId: 10, date: '2025-03-01', volume: '5' }],
    evidenceUrl: EVIDENCE,
    evidenceReachability: { url: EVIDENCE, reachable: true, checkedAt: '2025-03-20T10:00:00Z' },
    signOffs: [
      { kind: 'supervisor_reviewed', userId: 1 },
      { kind: 'manager_validated', userId: 2 },
      { kind: 'administration_confirmed', userId: 3 },
    ],
    capturedByUserIds: [1, 4],
    ...overrides,
  };
}

function itemOf(input: ChecklistInput, key: ChecklistKey): ChecklistItem {
  const item = computeChecklist(input).find((i) => i.key === key);
  if (!item) throw new Error(`missing item ${key}`);
  return item;
}

const base = passingInput();

describe('computeChecklist shape', () => {
  it('returns the 7 blocking items then the 6 warnings, all ok on a clean month', () => {
    const items = computeChecklist(base);
    expect(items.map((i) => i.key)).toEqual([...BLOCKING_CHECKLIST_KEYS, ...WARNING_CHECKLIST_KEYS]);
    expect(items.filter((i) => i.blocking)).toHaveLength(7);
    for (const item of items) {
      expect(item.result, item.key).toBe('ok');
      expect(item.count).toBe(0);
      expect(item.offending).toEqual([]);
      expect(item.label_es).not.toBe('');
      expect(item.label_en).not.toBe('');
      expect(item.message_es).not.toBe('');
      expect(item.message_en).not.toBe('');
    }
    expect(summarizeChecklist(items)).toEqual({
      canClose: true,
      failingBlockingKeys: [],
      warningKeys: [],
      blockingPassed: 7,
      blockingTotal: 7,
    });
  });

  it('summarises failures and warnings', () => {
    const items = computeChecklist(
      passingInput({
        evidenceUrl: null,
        dailyReports: base.dailyReports.map((r) => ({ ...r, signatureStatus: 'pendiente' })),
      }),
    );
    const summary = summarizeChecklist(items);
    expect(summary.canClose).toBe(false);
    expect(summary.failingBlockingKeys).toEqual(['evidence_url']);
    expect(summary.warningKeys).toEqual(['daily_reports_unsigned', 'evidence_url_reachable']);
    expect(summary.blockingPassed).toBe(6);
  });

  it('ignores data outside the month', () => {
    const stray = { ...base.productionEntries[1]!, id: 999, date: '2025-04-01', layer: null };
    expect(itemOf(passingInput({ productionEntries: [...base.productionEntries, stray] }), 'layers_assigned').result).toBe('ok');
  });
});

describe('1. daily_reports_complete', () => {
  it('fails listing the missing days per site in Spanish', () => {
    const input = passingInput({
      sites: [
        { id: 1, name: 'Plataforma ABK-A', window: makeWindow('2025-03-01', '2025-03-31') },
        { id: 2, name: 'Patio Tampico', window: makeWindow('2025-02-01', '2025-03-02') },
      ],
      dailyReports: [
        ...Array.from({ length: 31 }, (_, i) => `2025-03-${String(i + 1).padStart(2, '0')}`)
          .filter((d) => !['2025-03-04', '2025-03-05', '2025-03-18'].includes(d))
          .map((date) => ({
            siteId: 1,
            date,
            operationalStatus: 'productivo' as const,
            signatureStatus: 'firmado' as const,
          })),
        { siteId: 2, date: '2025-03-01', operationalStatus: 'productivo', signatureStatus: 'firmado' },
      ],
    });
    const item = itemOf(input, 'daily_reports_complete');
    expect(item.result).toBe('falla');
    expect(item.count).toBe(4);
    expect(item.offending).toContainEqual({ kind: 'site_day', siteId: 1, date: '2025-03-18' });
    expect(item.message_es).toBe('3 días sin reporte diario en Plataforma ABK-A: 4, 5 y 18; 1 día sin reporte diario en Patio Tampico: 2');
    expect(item.message_en).toBe(
      '3 days without a daily report at Plataforma ABK-A: 4, 5 and 18; 1 day without a daily report at Patio Tampico: 2',
    );
  });

  it('does not ask for days outside the window, or for a site with no window', () => {
    const input = passingInput({
      sites: [...base.sites, { id: 3, name: 'Sin fechas', window: makeWindow(null, null) }],
    });
    expect(itemOf(input, 'daily_reports_complete').result).toBe('ok');
  });
});

describe('2. gpu_evidence', () => {
  it('fails for a C-2 entry without a GPU or without a valid evidence URL', () => {
    const extra = { ...base.productionEntries[0]!, id: 102, date: '2025-03-03', subAnnex: 'C3EXT' };
    const input = passingInput({
      productionEntries: [...base.productionEntries, extra],
      gpuRecords: [{ productionEntryId: 100, status: 'en_proceso', evidenceUrl: 'javascript:alert(1)' }],
    });
    const item = itemOf(input, 'gpu_evidence');
    expect(item.result).toBe('falla');
    expect(item.offending).toEqual([
      { kind: 'production_entry', id: 100 },
      { kind: 'production_entry', id: 102 },
    ]);
    expect(item.message_es).toBe('2 registros de producción C-2/C-3 sin GPU con evidencia (partidas 2.1.).');
  });

  it('does not require GPUs outside C-2/C-3', () => {
    expect(
      itemOf(passingInput({ gpuRecords: [{ productionEntryId: 100, status: 'pendiente', evidenceUrl: EVIDENCE }] }), 'gpu_evidence').result,
    ).toBe('ok');
  });
});

describe('3. excess_resolved', () => {
  const withExcess = (ack: boolean, covered: boolean): ChecklistInput =>
    passingInput({
      productionEntries: [
        { ...base.productionEntries[0]!, excessVolume: '1.5', excessAcknowledged: ack, coveredByNewerCap: covered },
        base.productionEntries[1]!,
      ],
    });

  it('fails on unresolved excess', () => {
    const item = itemOf(withExcess(false, false), 'excess_resolved');
    expect(item.result).toBe('falla');
    expect(item.offending).toEqual([{ kind: 'production_entry', id: 100 }]);
    expect(item.message_es).toMatch(/^1 registro con excedente/);
  });

  it('passes when acknowledged or covered by a newer cap', () => {
    expect(itemOf(withExcess(true, false), 'excess_resolved').result).toBe('ok');
    expect(itemOf(withExcess(false, true), 'excess_resolved').result).toBe('ok');
  });
});

describe('4. evidence_url', () => {
  it('fails when missing or not http(s)', () => {
    const missing = itemOf(passingInput({ evidenceUrl: null }), 'evidence_url');
    expect(missing.result).toBe('falla');
    expect(missing.offending).toEqual([{ kind: 'monthly_report' }]);
    expect(missing.message_es).toMatch(/Falta el enlace/);
    const bad = itemOf(passingInput({ evidenceUrl: 'data:text/html,x' }), 'evidence_url');
    expect(bad.result).toBe('falla');
    expect(bad.message_es).toMatch(/no es una URL/);
  });
});

describe('5. production_matches_daily_reports', () => {
  const reportsWith = (date: string, operationalStatus: 'productivo' | 'en_espera' | 'suspendido' | 'sin_actividad') =>
    base.dailyReports.map((r) => (r.date === date ? { ...r, operationalStatus } : r));

  it('fails for TE on a standby day and CMA on a suspended day', () => {
    const input = passingInput({
      dailyReports: reportsWith('2025-03-01', 'en_espera').map((r) =>
        r.date === '2025-03-02' ? { ...r, operationalStatus: 'suspendido' as const } : r,
      ),
    });
    const item = itemOf(input, 'production_matches_daily_reports');
    expect(item.result).toBe('falla');
    expect(item.count).toBe(2);
    expect(item.message_es).toMatch(/^2 registros de producción no coinciden .* en Plataforma ABK-A: 1 y 2$/);
  });

  it('fails for production on a day without a daily report', () => {
    const item = itemOf(
      passingInput({ dailyReports: base.dailyReports.filter((r) => r.date !== '2025-03-02') }),
      'production_matches_daily_reports',
    );
    expect(item.offending).toEqual([{ kind: 'production_entry', id: 101 }]);
  });

  it('allows CMA on a standby day', () => {
    expect(itemOf(passingInput({ dailyReports: reportsWith('2025-03-02', 'en_espera') }), 'production_matches_daily_reports').result).toBe(
      'ok',
    );
  });
});

describe('6. sign_offs', () => {
  it('fails when a sign-off is missing', () => {
    const item = itemOf(passingInput({ signOffs: base.signOffs.slice(0, 2) }), 'sign_offs');
    expect(item.result).toBe('falla');
    expect(item.offending).toEqual([{ kind: 'sign_off', signOff: 'administration_confirmed' }]);
    expect(item.message_es).toBe('Falta la firma de: Administración (confirmado para facturación).');
  });

  it('fails when one user signs twice', () => {
    const item = itemOf(
      passingInput({ signOffs: [...base.signOffs.slice(0, 2), { kind: 'administration_confirmed', userId: 2 }] }),
      'sign_offs',
    );
    expect(item.result).toBe('falla');
    expect(item.offending).toEqual([{ kind: 'sign_off', signOff: 'administration_confirmed', userId: 2 }]);
    expect(item.message_es).toMatch(/personas distintas/);
  });

  it('fails when the only capturer signs (segregation of duties)', () => {
    const item = itemOf(passingInput({ capturedByUserIds: [1, 1, 1] }), 'sign_offs');
    expect(item.result).toBe('falla');
    expect(item.offending).toEqual([{ kind: 'sign_off', signOff: 'supervisor_reviewed', userId: 1 }]);
    expect(item.message_es).toMatch(/Quien capturó todos los datos/);
  });

  it('passes when the signer captured together with others', () => {
    expect(itemOf(passingInput({ capturedByUserIds: [1, 2, 3] }), 'sign_offs').result).toBe('ok');
  });
});

describe('7. layers_assigned', () => {
  it('fails for an entry without a layer', () => {
    const item = itemOf(passingInput({ productionEntries: [{ ...base.productionEntries[1]!, layer: null }] }), 'layers_assigned');
    expect(item.result).toBe('falla');
    expect(item.offending).toEqual([{ kind: 'production_entry', id: 101 }]);
    // and item 5 leaves it to item 7
    expect(
      itemOf(passingInput({ productionEntries: [{ ...base.productionEntries[1]!, layer: null }] }), 'production_matches_daily_reports')
        .result,
    ).toBe('ok');
  });
});

describe('warnings', () => {
  it('planned_without_production: warns for planned line items with no production', () => {
    const item = itemOf(
      passingInput({
        plannedVolumes: [
          ...base.plannedVolumes,
          { lineItemId: 30, date: '2025-03-02', volume: '2' },
          { lineItemId: 20, date: '2025-03-09', volume: '0' },
        ],
      }),
      'planned_without_production',
    );
    expect(item.result).toBe('aviso');
    expect(item.blocking).toBe(false);
    expect(item.offending).toEqual([{ kind: 'line_item', id: 30 }]);
    expect(item.message_es).toBe('1 partida programada sin producción en el mes: #30');
  });

  it('daily_reports_unsigned: warns for reports not Firmado', () => {
    const input = passingInput({
      dailyReports: base.dailyReports.map((r) => (r.date <= '2025-03-02' ? { ...r, signatureStatus: 'falta_firma_cliente' as const } : r)),
    });
    const item = itemOf(input, 'daily_reports_unsigned');
    expect(item.result).toBe('aviso');
    expect(item.count).toBe(2);
    expect(item.message_es).toBe('2 reportes diarios sin firmar en Plataforma ABK-A: 1 y 2');
  });

  it('unit_prices_match_catalogue: warns on a different price, ignores items without a catalogue match', () => {
    const lineItems = [
      { ...base.lineItems[0]!, puMxn: '11900' },
      base.lineItems[1]!,
      { id: 30, code: 'C3EXT-0977', puMxn: '5', puUsd: '1', catalogue: null },
    ];
    const item = itemOf(passingInput({ lineItems }), 'unit_prices_match_catalogue');
    expect(item.result).toBe('aviso');
    expect(item.offending).toEqual([{ kind: 'line_item', id: 10 }]);
    expect(item.message_es).toBe('1 partida con P.U. distinto al catálogo del contrato: 2.1.');
  });

  it('evidence_url_reachable: warns when unreachable, unchecked or checked for another URL', () => {
    const unreachable = itemOf(
      passingInput({ evidenceReachability: { url: EVIDENCE, reachable: false, checkedAt: 'x' } }),
      'evidence_url_reachable',
    );
    expect(unreachable.result).toBe('aviso');
    expect(unreachable.message_es).toMatch(/No se pudo acceder/);
    expect(itemOf(passingInput({ evidenceReachability: null }), 'evidence_url_reachable').message_es).toMatch(/aún no se ha verificado/);
    expect(
      itemOf(
        passingInput({ evidenceReachability: { url: 'https://old.example', reachable: true, checkedAt: 'x' } }),
        'evidence_url_reachable',
      ).result,
    ).toBe('aviso');
  });

  it('incidents_have_link: warns for incidents without a link, not for linked ones', () => {
    const dailyReports = base.dailyReports.map((r, i) =>
      i === 0 ? { ...r, incident: true, incidentLink: null } : i === 1 ? { ...r, incident: true, incidentLink: EVIDENCE } : r,
    );
    const item = itemOf(passingInput({ dailyReports }), 'incidents_have_link');
    expect(item.result).toBe('aviso');
    expect(item.offending).toEqual([{ kind: 'site_day', siteId: 1, date: '2025-03-01' }]);
    expect(item.message_es).toBe('1 incidente sin enlace de soporte en Plataforma ABK-A: 1');
  });

  it('closure_schedule: warns when behind schedule', () => {
    const item = itemOf(passingInput({ today: '2025-03-27' }), 'closure_schedule');
    expect(item.result).toBe('aviso');
    expect(item.message_es).toMatch(/debería estar «En Revisión» y está «Abierto»/);
    expect(itemOf(passingInput({ today: '2025-03-27', status: 'en_revision' }), 'closure_schedule').result).toBe('ok');
  });
});
