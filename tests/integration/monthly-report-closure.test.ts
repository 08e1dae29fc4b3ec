/**
 * The closure workflow (spec §3.1; seed "Monthly Closure Workflow", "Lock After Billing"): the
 * transition table, who may do what, sign-offs with segregation of duties, the checklist gate,
 * frozen versions with their pack, reopen with a reason, invoicing only through an estimate, and
 * close racing grid saves.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../server/context';
import { markMonthsInvoiced } from '../../server/modules/monthly-reports/commands/mark-months-invoiced';
import { buildCompleteMonth, insertLineItem, insertProduction, setStatus } from '../support/builders-monthly';
import { createTestApp, type TestApp, type TestClient } from '../support/test-app';

let t: TestApp;
let manager: TestClient;
let billing: TestClient;
let consulta: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  manager = await t.userWithRole('gerente_operaciones');
  billing = await t.userWithRole('administracion');
  consulta = await t.userWithRole('consulta');
});
afterAll(() => t.close());

const pool = () => t.database.pool;
const transition = (c: TestClient, id: number, action: string, reason?: string) =>
  c.post(`/api/v1/monthly-reports/${id}/transitions`, { action, ...(reason === undefined ? {} : { reason }) });
const signOff = (c: TestClient, id: number, kind: string) => c.post(`/api/v1/monthly-reports/${id}/sign-offs`, { kind });

/** A complete month captured by `capturer`, plus a second in-scope supervisor. */
async function monthWithTeam() {
  const capturer = await t.userWithRole('supervisor');
  const m = await buildCompleteMonth(t, { capturerId: capturer.userId });
  await pool().query(`insert into user_sites (user_id, site_id) values ($1, $2)`, [capturer.userId, m.siteIds[0]]);
  const sup = await t.userWithRole('supervisor', { siteIds: [m.siteIds[0]!] });
  const capturerClient = await t.login(capturer.email, 'password-123456');
  return { m, capturer: capturerClient, sup };
}

async function signAll(id: number, sup: TestClient) {
  expect((await signOff(sup, id, 'supervisor_reviewed')).statusCode).toBe(200);
  expect((await signOff(manager, id, 'manager_validated')).statusCode).toBe(200);
  expect((await signOff(billing, id, 'administration_confirmed')).statusCode).toBe(200);
}

describe('transitions', () => {
  it('walks Abierto → En Revisión → Cerrado → (reopen) Abierto with history, audit and versions', async () => {
    const { m, capturer, sup } = await monthWithTeam();
    // The OT's supervisor submits.
    const submitted = await transition(capturer, m.reportId, 'submit');
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'en_revision', statusLabel: 'En Revisión' });

    // Closing without the sign-offs is blocked by the checklist, naming the item.
    const blocked = await transition(billing, m.reportId, 'close');
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.code).toBe('checklist_blocked');
    expect(blocked.json().error.details.failingKeys).toEqual(['sign_offs']);
    expect(blocked.json().error.message).toMatch(/Firmas de revisión/);

    await signAll(m.reportId, sup);
    const closed = await transition(billing, m.reportId, 'close');
    expect(closed.statusCode).toBe(200);
    const detail = closed.json();
    expect(detail).toMatchObject({ status: 'cerrado', statusLabel: 'Cerrado', version: 1 });
    expect(detail.closedAt).toBeTruthy();
    expect(detail.closedByName).toMatch(/administracion/);
    expect(detail.versions).toHaveLength(1);
    expect(detail.versions[0].pdfSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(detail.signOffs).toHaveLength(3);
    expect(detail.abilities).toMatchObject({ setEvidence: false, submit: false });

    // The frozen pack is downloadable, its digest matches.
    const pdf = await t.admin.get(`/api/v1/monthly-reports/${m.reportId}/versions/1/pack.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(createHash('sha256').update(pdf.rawPayload).digest('hex')).toBe(detail.versions[0].pdfSha256);
    expect(pdf.headers['x-content-sha256']).toBe(detail.versions[0].pdfSha256);

    // Reopen: admin only, reason mandatory.
    expect((await transition(manager, m.reportId, 'reopen', 'x')).statusCode).toBe(403);
    const noReason = await transition(t.admin, m.reportId, 'reopen');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toMatch(/motivo/i);
    expect((await transition(t.admin, m.reportId, 'reopen', '   ')).statusCode).toBe(400);
    const reopened = await transition(t.admin, m.reportId, 'reopen', 'Corrección de volumen de la partida 4.1.');
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json()).toMatchObject({ status: 'abierto', version: 2, closedAt: null, signOffs: [] });
    expect(reopened.json().versions[0]).toMatchObject({ version: 1, reopenReason: 'Corrección de volumen de la partida 4.1.' });
    expect(reopened.json().transitions.map((x: { action: string }) => x.action)).toEqual(['submit', 'close', 'reopen']);

    // Version 1's pack is still the same after reopening.
    const again = await t.admin.get(`/api/v1/monthly-reports/${m.reportId}/versions/1/pack.pdf`);
    expect(createHash('sha256').update(again.rawPayload).digest('hex')).toBe(detail.versions[0].pdfSha256);

    // The diff between version 1 and the reopened month shows a corrected cell.
    await pool().query(`update production_entries set volume = 4 where id = $1`, [m.entries.e2]);
    const diff = (await t.admin.get(`/api/v1/monthly-reports/${m.reportId}/versions/1/diff`)).json();
    expect(diff.to.label).toMatch(/actual/);
    expect(diff.production).toEqual([expect.objectContaining({ code: '4.1.', before: '3.000000', after: '4.000000' })]);
    expect(diff.totals.map((x: { key: string }) => x.key)).toContain('amountMxn');

    const audit = await pool().query(
      `select action, reason from audit_log where entity = 'monthly_report' and entity_id = $1 order by id`,
      [String(m.reportId)],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(expect.arrayContaining(['submit', 'sign_off', 'close', 'reopen']));
    expect(audit.rows.find((r) => r.action === 'reopen').reason).toBe('Corrección de volumen de la partida 4.1.');
  });

  it('refuses every illegal transition with 409 illegal_transition and a clear message', async () => {
    const { m } = await monthWithTeam();
    const close = await transition(t.admin, m.reportId, 'close');
    expect(close.statusCode).toBe(409);
    expect(close.json().error.code).toBe('illegal_transition');
    expect(close.json().error.message).toMatch(/Abierto/);
    expect((await transition(t.admin, m.reportId, 'reopen', 'r')).json().error.code).toBe('illegal_transition');
    expect((await transition(t.admin, m.reportId, 'return', 'r')).json().error.code).toBe('illegal_transition');
    await setStatus(pool(), m.reportId, 'facturado');
    for (const action of ['submit', 'close', 'reopen', 'return']) {
      const res = await transition(t.admin, m.reportId, action, 'r');
      expect(res.statusCode).toBe(409);
      expect(res.json().error.message).toMatch(/Facturado/);
    }
  });

  it('invoice has no public endpoint', async () => {
    const { m } = await monthWithTeam();
    expect((await transition(t.admin, m.reportId, 'invoice')).statusCode).toBe(400);
  });

  it('permissions: consulta and out-of-scope supervisors cannot submit; supervisors cannot close', async () => {
    const { m, sup } = await monthWithTeam();
    expect((await transition(consulta, m.reportId, 'submit')).statusCode).toBe(403);
    const stranger = await t.userWithRole('supervisor');
    expect((await transition(stranger, m.reportId, 'submit')).statusCode).toBe(403);
    expect((await transition(manager, m.reportId, 'submit')).statusCode).toBe(200);
    expect((await transition(sup, m.reportId, 'close')).statusCode).toBe(403);
    expect((await transition(consulta, m.reportId, 'return', 'x')).statusCode).toBe(403);
  });

  it('return needs a reason, goes back to Abierto and withdraws the sign-offs of the version', async () => {
    const { m, sup } = await monthWithTeam();
    await transition(manager, m.reportId, 'submit');
    await signOff(sup, m.reportId, 'supervisor_reviewed');
    expect((await transition(manager, m.reportId, 'return')).statusCode).toBe(400);
    const res = await transition(manager, m.reportId, 'return', 'Faltan fotos del día 4');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'abierto', signOffs: [] });
    expect(res.json().transitions.at(-1)).toMatchObject({ action: 'return', reason: 'Faltan fotos del día 4' });
  });
});

describe('sign-offs', () => {
  it('are given only En Revisión, by the matching role, three distinct people; the sole capturer may not sign', async () => {
    const { m, capturer, sup } = await monthWithTeam();
    expect((await signOff(sup, m.reportId, 'supervisor_reviewed')).json().error.code).toBe('illegal_transition');
    await transition(capturer, m.reportId, 'submit');
    const sole = await signOff(capturer, m.reportId, 'supervisor_reviewed');
    expect(sole.statusCode).toBe(409);
    expect(sole.json().error.code).toBe('segregation_of_duties');
    expect((await signOff(billing, m.reportId, 'manager_validated')).statusCode).toBe(403);
    expect((await signOff(consulta, m.reportId, 'supervisor_reviewed')).statusCode).toBe(403);
    // admin may give any kind, but only one.
    expect((await signOff(t.admin, m.reportId, 'supervisor_reviewed')).statusCode).toBe(200);
    const twice = await signOff(t.admin, m.reportId, 'manager_validated');
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('segregation_of_duties');
    // Same kind again by someone else: conflict; same person again: idempotent.
    expect((await signOff(sup, m.reportId, 'supervisor_reviewed')).statusCode).toBe(409);
    expect((await signOff(t.admin, m.reportId, 'supervisor_reviewed')).statusCode).toBe(200);
    const detail = (await t.admin.get(`/api/v1/monthly-reports/${m.reportId}`)).json();
    expect(detail.signOffs).toHaveLength(1);
  });

  it('a capturer who is not the only one may sign', async () => {
    const { m, capturer } = await monthWithTeam();
    const other = await t.userWithRole('gerente_operaciones');
    await pool().query(`update production_entries set updated_by = $1 where id = $2`, [other.userId, m.entries.e2]);
    await transition(manager, m.reportId, 'submit');
    expect((await signOff(capturer, m.reportId, 'supervisor_reviewed')).statusCode).toBe(200);
  });
});

describe('Facturado only through an estimate', () => {
  it('markMonthsInvoiced moves Cerrado months to Facturado (final) and audits the estimate link', async () => {
    const { m, sup } = await monthWithTeam();
    await transition(manager, m.reportId, 'submit');
    await signAll(m.reportId, sup);
    await transition(billing, m.reportId, 'close');
    await t.database.db.transaction((tx) => markMonthsInvoiced(tx, systemCtx(), [m.reportId], 77));
    const detail = (await t.admin.get(`/api/v1/monthly-reports/${m.reportId}`)).json();
    expect(detail).toMatchObject({ status: 'facturado', statusLabel: 'Facturado' });
    expect(detail.transitions.at(-1)).toMatchObject({ action: 'invoice', reason: 'Estimación 77' });
    expect((await transition(t.admin, m.reportId, 'reopen', 'x')).statusCode).toBe(409);
  });

  it('refuses a month that is not Cerrado and changes nothing (all or nothing)', async () => {
    const a = await monthWithTeam();
    const b = await monthWithTeam();
    await transition(manager, a.m.reportId, 'submit');
    await signAll(a.m.reportId, a.sup);
    await transition(billing, a.m.reportId, 'close');
    await expect(
      t.database.db.transaction((tx) => markMonthsInvoiced(tx, systemCtx(), [a.m.reportId, b.m.reportId], 78)),
    ).rejects.toMatchObject({ code: 'illegal_transition' });
    expect((await t.admin.get(`/api/v1/monthly-reports/${a.m.reportId}`)).json().status).toBe('cerrado');
  });
});

describe('close racing grid saves', () => {
  it('every save either lands before the close (and is in the frozen snapshot) or is refused: never a saved cell inside a closed month', async () => {
    const { m, sup } = await monthWithTeam();
    const items: number[] = [];
    for (let i = 0; i < 20; i++)
      items.push(
        await insertLineItem(pool(), { familyId: m.workOrderId, subAnnex: 'C-5', code: `5.${i + 1}.`, authorizedVolume: '100000' }),
      );
    // Signed days freeze production (day_signed): leave them awaiting the client's signature.
    await pool().query(`update daily_reports set signature_status = 'falta_firma_cliente' where monthly_report_id = $1`, [m.reportId]);
    await transition(manager, m.reportId, 'submit');
    await signAll(m.reportId, sup);
    const later = <T>(ms: number, f: () => Promise<T>) =>
      new Promise<T>((resolve, reject) => setTimeout(() => f().then(resolve, reject), ms));
    // Saves of different line items spread over ~1 s; the close starts early among them.
    const saves = m.days.slice(0, 20).map((date, i) =>
      later(i * 50, () =>
        manager.put('/api/v1/production/grid', {
          workOrderId: m.workOrderId,
          year: m.year,
          month: m.month,
          siteId: m.siteIds[0],
          layer: 'TE',
          baseRevision: 0,
          cells: [{ lineItemId: items[i], date, volume: String(i + 1), previous: null }],
        }),
      ),
    );
    const closing = later(120, () => transition(billing, m.reportId, 'close'));
    const [closeRes, ...saveRes] = await Promise.all([closing, ...saves]);
    expect(closeRes.statusCode).toBe(200);
    const accepted = saveRes.filter((r) => r.statusCode === 200).length;
    const refused = saveRes.filter((r) => r.statusCode === 409);
    expect(accepted + refused.length).toBe(20);
    for (const r of refused) expect(r.json().error.code).toBe('period_closed');
    // Both outcomes happen: early saves land, saves after the close are refused.
    expect(accepted).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    const stored = await pool().query(`select count(*)::int as n from production_entries where line_item_id = any($1::int[])`, [items]);
    expect(stored.rows[0].n).toBe(accepted);
    const snap = await pool().query(`select snapshot from monthly_report_versions where monthly_report_id = $1 and version = 1`, [
      m.reportId,
    ]);
    const frozen = (snap.rows[0].snapshot.cells as [number][]).filter((c) => items.includes(c[0])).length;
    expect(frozen).toBe(accepted);
    // And nothing else can be written now.
    const late = await manager.put('/api/v1/production/grid', {
      workOrderId: m.workOrderId,
      year: m.year,
      month: m.month,
      siteId: m.siteIds[0],
      layer: 'TE',
      baseRevision: 0,
      cells: [{ lineItemId: items[0], date: m.days[25], volume: '1', previous: null }],
    });
    expect(late.statusCode).toBe(409);
  });
});

describe('excess blocks closure until acknowledged', () => {
  it('an unacknowledged excess entry blocks; acknowledging it lets the month close', async () => {
    const { m, sup } = await monthWithTeam();
    const item = await insertLineItem(pool(), { familyId: m.workOrderId, subAnnex: 'C-4', code: '4.7.', authorizedVolume: '1' });
    const e = await insertProduction(pool(), {
      lineItemId: item,
      reportId: m.reportId,
      siteId: m.siteIds[0]!,
      date: m.days[6]!,
      volume: '3',
      excess: '2',
    });
    await transition(manager, m.reportId, 'submit');
    await signAll(m.reportId, sup);
    const blocked = await transition(billing, m.reportId, 'close');
    expect(blocked.json().error.details.failingKeys).toEqual(['excess_resolved']);
    expect(
      (
        await manager.post(`/api/v1/monthly-reports/${m.reportId}/excess-acknowledgments`, {
          entryIds: [e],
          reason: 'Volumen fuera de contrato, no cobrable',
        })
      ).json(),
    ).toEqual({ acknowledged: 1 });
    expect((await transition(billing, m.reportId, 'close')).statusCode).toBe(200);
  });
});
