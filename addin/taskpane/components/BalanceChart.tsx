/**
 * Remaining balance over time for one or more schedules, as a small SVG line chart (no chart
 * library: two polylines are all the Henstand page needs).
 */
import { tokens } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import type { Schedule } from '../../../core/commands/plan.js';
import { dayOf } from '../../../core/report/format.js';

export interface ChartSeries {
  label: string;
  plan: Schedule;
  color: string;
  dashed?: boolean;
}

const W = 360;
const H = 180;
const PAD = { left: 8, right: 8, top: 24, bottom: 20 };

export function BalanceChart({ series, title, label }: { series: readonly ChartSeries[]; title: string; label: string }): ReactElement {
  const points = series.map((s) => {
    const first = s.plan.rows[0];
    // What was owed at the first due date, before its payment.
    const start = first ? first.balance + first.payment : 0;
    return [{ day: first ? dayOf(first.dueDate) - 30 : 0, balance: start }, ...s.plan.rows.map((r) => ({ day: dayOf(r.dueDate), balance: r.balance }))];
  });
  const all = points.flat();
  const minDay = Math.min(...all.map((p) => p.day));
  const maxDay = Math.max(...all.map((p) => p.day));
  const maxBalance = Math.max(1, ...all.map((p) => p.balance));
  const x = (day: number) => PAD.left + ((day - minDay) / Math.max(1, maxDay - minDay)) * (W - PAD.left - PAD.right);
  const y = (b: number) => PAD.top + (1 - b / maxBalance) * (H - PAD.top - PAD.bottom);
  return (
    <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={label} style={{ background: tokens.colorNeutralBackground1 }}>
      <title>{title}</title>
      <text x={PAD.left} y={14} fontSize="12" fill={tokens.colorNeutralForeground1}>
        {title}
      </text>
      <line x1={PAD.left} y1={y(0)} x2={W - PAD.right} y2={y(0)} stroke={tokens.colorNeutralStroke1} />
      {points.map((pts, i) => (
        <polyline
          key={series[i]!.label}
          fill="none"
          stroke={series[i]!.color}
          strokeWidth={2}
          strokeDasharray={series[i]!.dashed ? '6 4' : undefined}
          points={pts.map((p) => `${x(p.day).toFixed(1)},${y(p.balance).toFixed(1)}`).join(' ')}
        />
      ))}
      {series.map((s, i) => (
        <g key={s.label} transform={`translate(${PAD.left + i * 150}, ${H - 6})`}>
          <line x1={0} y1={-4} x2={18} y2={-4} stroke={s.color} strokeWidth={2} strokeDasharray={s.dashed ? '6 4' : undefined} />
          <text x={22} y={0} fontSize="11" fill={tokens.colorNeutralForeground2}>
            {s.label}
          </text>
        </g>
      ))}
    </svg>
  );
}
