/**
 * Planned vs executed per day (Apache ECharts): volumes of the selected line item, or for the
 * whole grid the MXN amounts (volumes of different units cannot be added). Display only, so JS
 * numbers are fine here; stored values never go through floats.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useI18n } from '../../../app/i18n';
import type { LiveGrid } from '../model/grid-model';
import type { GridResponse } from '../model/grid-types';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

interface Series {
  title: string;
  planned: number[];
  executed: number[];
}

function seriesOf(data: GridResponse, live: LiveGrid, rowIndex: number | null, labels: { all: string }): Series {
  const n = data.days.length;
  const num = (v: string | null | undefined) => (v ? Number(v) : 0);
  const row = rowIndex === null ? undefined : data.rows[rowIndex];
  if (row && rowIndex !== null) {
    const volumes = live.rows.get(rowIndex)?.volumes ?? row.volumes;
    return { title: `${row.code} ${row.concept} (${row.unit})`, planned: row.planned.map(num), executed: volumes.map(num) };
  }
  const planned = new Array<number>(n).fill(0);
  const executed = new Array<number>(n).fill(0);
  data.rows.forEach((r, i) => {
    const pu = num(r.puMxn);
    if (pu === 0) return;
    const volumes = live.rows.get(i)?.volumes ?? r.volumes;
    for (let d = 0; d < n; d += 1) {
      planned[d] = (planned[d] ?? 0) + num(r.planned[d]) * pu;
      executed[d] = (executed[d] ?? 0) + num(volumes[d]) * pu;
    }
  });
  return { title: labels.all, planned, executed };
}

export default function PlannedChart({ data, live, rowIndex }: { data: GridResponse; live: LiveGrid; rowIndex: number | null }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!ref.current) return;
    chart.current = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    const resize = () => chart.current?.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  const s = seriesOf(data, live, rowIndex, { all: t('prod.chart.allMxn') });
  useEffect(() => {
    chart.current?.setOption(
      {
        animation: false,
        title: { show: false },
        tooltip: { trigger: 'axis' },
        legend: { data: [t('prod.chart.planned'), t('prod.chart.executed')], top: 0 },
        grid: { left: 56, right: 16, top: 32, bottom: 28 },
        xAxis: { type: 'category', data: data.days.map((d) => String(d.day)) },
        yAxis: { type: 'value' },
        series: [
          { name: t('prod.chart.planned'), type: 'line', data: s.planned, itemStyle: { color: '#8a96a3' }, lineStyle: { type: 'dashed' } },
          { name: t('prod.chart.executed'), type: 'bar', data: s.executed, itemStyle: { color: '#1f6feb' } },
        ],
      },
      true,
    );
  });

  return (
    <figure className="pg-chart" data-testid="planned-chart">
      <figcaption>{t('prod.chart.title', { what: s.title })}</figcaption>
      <div ref={ref} style={{ height: 220 }} />
    </figure>
  );
}
