import { describe, expect, it } from 'vitest';
import { isDomainError } from './errors.js';
import {
  CLOSURE_ACTIONS,
  CLOSURE_TRANSITIONS,
  MONTHLY_REPORT_STATUSES,
  MONTHLY_REPORT_STATUS_LABELS,
  availableActions,
  canPerform,
  isMonthlyReportStatus,
  isPeriodClosed,
  lockLevel,
  mayWriteMonth,
  reportDisplayName,
  transition,
  type ClosureAction,
} from './monthly-report-status.js';
import { ROLES, type Role } from './roles.js';

const withContext = (action: ClosureAction) => ({ reason: 'Faltan GPU del día 4', viaEstimate: action === 'invoice' });

describe('labels', () => {
  it('uses the seed’s exact Spanish labels', () => {
    expect(MONTHLY_REPORT_STATUSES.map((s) => MONTHLY_REPORT_STATUS_LABELS[s].es)).toEqual([
      'Abierto',
      'En Revisión',
      'Cerrado',
      'Facturado',
    ]);
    expect(isMonthlyReportStatus('en_revision')).toBe(true);
    expect(isMonthlyReportStatus('En Revisión')).toBe(false);
  });
});

describe('transition', () => {
  it.each([
    ['abierto', 'submit', 'en_revision'],
    ['en_revision', 'return', 'abierto'],
    ['en_revision', 'close', 'cerrado'],
    ['cerrado', 'reopen', 'abierto'],
    ['cerrado', 'invoice', 'facturado'],
  ] as const)('%s --%s--> %s', (from, action, to) => {
    expect(transition(from, action, withContext(action))).toEqual({ ok: true, value: to });
  });

  it('agrees with the transition table for every status × action and refuses everything else', () => {
    for (const status of MONTHLY_REPORT_STATUSES) {
      for (const action of CLOSURE_ACTIONS) {
        const result = transition(status, action, withContext(action));
        const edge = CLOSURE_TRANSITIONS[action];
        if (edge.from === status) expect(result).toEqual({ ok: true, value: edge.to });
        else {
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.error.code).toBe('illegal_transition');
        }
      }
    }
  });

  it('keeps Facturado final with a clear message', () => {
    for (const action of CLOSURE_ACTIONS) {
      const result = transition('facturado', action, withContext(action));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(/definitivo/);
    }
    expect(availableActions('facturado')).toEqual([]);
  });

  it('explains an illegal edge in Spanish', () => {
    const result = transition('abierto', 'close');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(isDomainError(result.error, 'illegal_transition')).toBe(true);
      expect(result.error.message).toBe('No se puede «Cerrar mes» un reporte mensual en estatus «Abierto».');
      expect(result.error.details).toEqual({ entity: 'monthly_report', from: 'abierto', action: 'close' });
    }
  });

  it.each(['return', 'reopen'] as const)('%s requires a reason', (action) => {
    const from = CLOSURE_TRANSITIONS[action].from;
    for (const reason of [undefined, null, '', '   ']) {
      const result = transition(from, action, { reason });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('validation_failed');
        expect(result.error.details).toMatchObject({ issues: [{ path: 'reason', code: 'required' }] });
      }
    }
    expect(transition(from, action, { reason: 'x'.repeat(1001) }).ok).toBe(false);
  });

  it('invoices only through an estimate', () => {
    const result = transition('cerrado', 'invoice');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('illegal_transition');
      expect(result.error.message).toMatch(/estimación/);
    }
    expect(transition('cerrado', 'invoice', { viaEstimate: true })).toEqual({ ok: true, value: 'facturado' });
  });

  it('lists the available actions per status', () => {
    expect(availableActions('abierto')).toEqual(['submit']);
    expect(availableActions('en_revision')).toEqual(['return', 'close']);
    expect(availableActions('cerrado')).toEqual(['reopen', 'invoice']);
  });
});

describe('canPerform', () => {
  const allowed = (action: ClosureAction): Role[] => ROLES.filter((r) => canPerform(r, action));

  it('follows the spec’s who-may-do-what', () => {
    expect(allowed('submit')).toEqual(['admin', 'gerente_operaciones', 'supervisor']);
    expect(allowed('return')).toEqual(['admin', 'gerente_operaciones', 'administracion']);
    expect(allowed('close')).toEqual(['admin', 'gerente_operaciones', 'administracion']);
    expect(allowed('reopen')).toEqual(['admin']);
    expect(allowed('invoice')).toEqual(['admin', 'administracion']);
  });

  it('never lets consulta do anything', () => {
    for (const action of CLOSURE_ACTIONS) expect(canPerform('consulta', action)).toBe(false);
  });
});

describe('locks', () => {
  it('describes each status', () => {
    expect(lockLevel('abierto')).toEqual({ level: 'open', supervisorsMayWrite: true, managersMayWrite: true });
    expect(lockLevel('en_revision')).toEqual({ level: 'review', supervisorsMayWrite: false, managersMayWrite: true });
    expect(lockLevel('cerrado')).toEqual({ level: 'locked', supervisorsMayWrite: false, managersMayWrite: false });
    expect(lockLevel('facturado').level).toBe('locked');
    expect(isPeriodClosed('cerrado')).toBe(true);
    expect(isPeriodClosed('en_revision')).toBe(false);
  });

  it('decides who may write per role and status', () => {
    const writers = (status: (typeof MONTHLY_REPORT_STATUSES)[number]): Role[] => ROLES.filter((r) => mayWriteMonth(r, status));
    expect(writers('abierto')).toEqual(['admin', 'gerente_operaciones', 'supervisor']);
    expect(writers('en_revision')).toEqual(['admin', 'gerente_operaciones']);
    expect(writers('cerrado')).toEqual([]);
    expect(writers('facturado')).toEqual([]);
  });
});

describe('reportDisplayName', () => {
  it('matches the legacy __str__', () => {
    expect(reportDisplayName('OTE-2025-001', 3, 2025)).toBe('Reporte OTE-2025-001 - 3/2025');
  });
});
