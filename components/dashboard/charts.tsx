"use client";

import type { ReactNode } from "react";
import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_COLORS } from "./chart-legend";

/** One day of the completion chart, with every text already in the reader's language. */
export type CompletionPoint = {
  day: string;
  /** Short date for the axis ("3. Nov."). */
  label: string;
  /** Full date for the tooltip. */
  title: string;
  /** 0–100, or null when nothing of that kind is expected. */
  submittedPct: number | null;
  reviewedPct: number | null;
  /** "31 of 50 (62 %)". */
  submittedText: string;
  reviewedText: string;
};

export type FitBar = {
  /** "60–70" on the axis. */
  label: string;
  /** "60–70 %" in the tooltip. */
  title: string;
  count: number;
  /** "5 submissions". */
  countText: string;
};

const tick = { fill: CHART_COLORS.axis, fontSize: 12 };

function TooltipBox({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="rounded-lg border border-line bg-white px-3 py-2 text-xs shadow-sm">
      <p className="font-semibold text-ink">{title}</p>
      <div className="mt-1 flex flex-col gap-0.5 text-muted">{children}</div>
    </div>
  );
}

type TooltipProps<T> = { active?: boolean; payload?: ReadonlyArray<{ payload?: T }> };

export function CompletionChart({
  points,
  locale,
  names,
}: {
  points: CompletionPoint[];
  locale: string;
  names: { submitted: string; reviewed: string };
}) {
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  // A cumulative line of a few days is easier to read with its points marked; one day needs them to show at all.
  const dot = points.length <= 14 ? { r: 2.5, strokeWidth: 0 } : false;
  const showReviews = points.some((p) => p.reviewedPct !== null);

  const content = ({ active, payload }: TooltipProps<CompletionPoint>) => {
    const p = active ? payload?.[0]?.payload : undefined;
    if (!p) return null;
    return (
      <TooltipBox title={p.title}>
        <p>
          <span style={{ color: CHART_COLORS.submitted }}>■</span> {names.submitted}: {p.submittedText}
        </p>
        {showReviews && (
          <p>
            <span style={{ color: CHART_COLORS.reviewed }}>■</span> {names.reviewed}: {p.reviewedText}
          </p>
        )}
      </TooltipBox>
    );
  };

  return (
    <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 320, height: 256 }}>
      <LineChart data={points} margin={{ top: 8, right: 12, bottom: 0, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
        <XAxis dataKey="label" tick={tick} tickLine={false} axisLine={{ stroke: CHART_COLORS.grid }} minTickGap={24} />
        <YAxis
          domain={[0, 100]}
          ticks={[0, 25, 50, 75, 100]}
          tickFormatter={(v: number) => percent.format(v / 100)}
          tick={tick}
          tickLine={false}
          axisLine={false}
          width={48}
        />
        <Tooltip content={content} cursor={{ stroke: CHART_COLORS.grid }} isAnimationActive={false} />
        <Line
          dataKey="submittedPct"
          name={names.submitted}
          type="monotone"
          stroke={CHART_COLORS.submitted}
          strokeWidth={2.5}
          dot={dot && { ...dot, fill: CHART_COLORS.submitted }}
          activeDot={{ r: 4 }}
          isAnimationActive={false}
          connectNulls
        />
        {showReviews && (
          <Line
            dataKey="reviewedPct"
            name={names.reviewed}
            type="monotone"
            stroke={CHART_COLORS.reviewed}
            strokeWidth={2.5}
            strokeDasharray="6 4"
            dot={dot && { ...dot, fill: CHART_COLORS.reviewed }}
            activeDot={{ r: 4 }}
            isAnimationActive={false}
            connectNulls
          />
        )}
      </LineChart>
    </ResponsiveContainer>
  );
}

export function FitChart({ bars, axisLabel }: { bars: FitBar[]; axisLabel: string }) {
  const content = ({ active, payload }: TooltipProps<FitBar>) => {
    const b = active ? payload?.[0]?.payload : undefined;
    if (!b) return null;
    return (
      <TooltipBox title={b.title}>
        <p>{b.countText}</p>
      </TooltipBox>
    );
  };

  return (
    <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 320, height: 256 }}>
      <BarChart data={bars} margin={{ top: 8, right: 12, bottom: 16, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
        <XAxis
          dataKey="label"
          tick={tick}
          tickLine={false}
          axisLine={{ stroke: CHART_COLORS.grid }}
          interval="equidistantPreserveStart"
          minTickGap={2}
          label={{ value: axisLabel, position: "insideBottom", offset: -12, fill: CHART_COLORS.axis, fontSize: 12 }}
        />
        <YAxis allowDecimals={false} tick={tick} tickLine={false} axisLine={false} width={40} />
        <Tooltip content={content} cursor={{ fill: CHART_COLORS.cursor }} isAnimationActive={false} />
        <Bar dataKey="count" fill={CHART_COLORS.bar} radius={[3, 3, 0, 0]} maxBarSize={40} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
