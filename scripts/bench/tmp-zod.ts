import { SaveGridBody } from '../../contracts/production';
import { parseCells } from '../../server/modules/production/commands/save-grid';
import { prng } from './stats';
const rnd = prng(1);
const cells = Array.from({ length: 93000 }, (_, i) => ({ lineItemId: 1 + Math.floor(i / 31), date: `2025-07-${String((i % 31) + 1).padStart(2, '0')}`, volume: rnd() < 0.3 ? (0.5 + rnd() * 19.5).toFixed(3) : 0 }));
const body = { workOrderId: 1, siteId: 1, year: 2025, month: 7, layer: 'TE', baseRevision: 0, cells };
const text = JSON.stringify(body);
for (let k = 0; k < 3; k++) {
  let t = performance.now(); const parsed = JSON.parse(text); const a = performance.now() - t;
  t = performance.now(); const v = SaveGridBody.parse(parsed); const b = performance.now() - t;
  t = performance.now(); parseCells(v); const c = performance.now() - t;
  console.log(`json ${a.toFixed(0)} zod ${b.toFixed(0)} parseCells ${c.toFixed(0)}`);
}
