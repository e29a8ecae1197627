/**
 * One look for every chart: the web page (mermaid in the browser), the Chromium PNG and the SVG→PNG
 * renderer read their colours, font and sizes from here. Sizes are in CSS pixels at the chart's
 * natural width; renderers that scale keep them fixed instead of shrinking them with the chart.
 */
export const chartTheme = {
  palette: ['#2563eb', '#f97316', '#16a34a', '#dc2626', '#9333ea', '#0891b2', '#ca8a04', '#db2777'],
  fontFamily: '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "Noto Sans", "DejaVu Sans", system-ui, sans-serif',
  /**
   * Fonts the browser-free renderer names per label: shaping with a CJK collection costs tens of
   * milliseconds per label, so labels without CJK characters use a small Latin font.
   */
  svgFonts: { latin: 'DejaVu Sans', cjk: 'Noto Sans CJK SC' },
  text: '#1f2933',
  muted: '#52606d',
  grid: '#e4e7eb',
  background: '#ffffff',
  /** Same sizes on every chart, so labels do not jump between a 3-bar and a 40-bar chart. */
  fontSize: { title: 16, axis: 13, axisTitle: 13, dataLabel: 12, legend: 13, note: 12 },
  /** The natural size; the PNG renderer draws it at twice this for sharp text. */
  width: 720,
  height: 420,
  /** Narrowest width the web page lays a chart out at; below it the chart scrolls instead of shrinking its text. */
  minWidth: 320,
} as const
