import { scaleBand, scaleLinear } from 'd3-scale';

export interface Bar {
  label: string;
  value: number;
  text: string;
}

/** A horizontal bar chart (d3-scale for the geometry, SVG drawn by Preact: no inline styles or scripts). */
export function BarChart({ bars, title, id }: { bars: Bar[]; title: string; id: string }) {
  const width = 420;
  const labelWidth = 150;
  const rowHeight = 26;
  const height = Math.max(1, bars.length) * rowHeight;
  const x = scaleLinear()
    .domain([0, Math.max(...bars.map((bar) => bar.value), 0) || 1])
    .range([0, width - labelWidth - 90]);
  const y = scaleBand<string>()
    .domain(bars.map((bar) => bar.label))
    .range([0, height])
    .padding(0.2);
  return (
    <figure class="chart" id={id}>
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${title}: ${bars.map((bar) => `${bar.label} ${bar.text}`).join(', ')}`}>
        {bars.map((bar) => (
          <g key={bar.label} transform={`translate(0,${y(bar.label) ?? 0})`} data-label={bar.label} data-value={bar.value}>
            <text x={labelWidth - 6} y={y.bandwidth() / 2} dy="0.35em" text-anchor="end" class="chart-label">
              {bar.label}
            </text>
            <rect x={labelWidth} width={Math.max(x(bar.value), bar.value > 0 ? 1 : 0)} height={y.bandwidth()} class="chart-bar" />
            <text x={labelWidth + x(bar.value) + 4} y={y.bandwidth() / 2} dy="0.35em" class="chart-value">
              {bar.text}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}
