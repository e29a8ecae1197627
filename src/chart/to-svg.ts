import type { ChartSpec } from './chart-spec.js'
import { chartTheme as T } from './chart-theme.js'
import { formatChartValue, omittedNote, valueDecimals } from './chart-values.js'
import { fitText, textWidth } from './text-width.js'

/** Size to lay the chart out at (CSS pixels); the theme's natural size by default. */
export type SvgSize = { width?: number; height?: number }

type Box = { left: number; top: number; right: number; bottom: number }

/**
 * Draws a chart spec as a self-contained SVG — bars, lines or a pie, with the theme's fixed font
 * sizes, value labels rounded as answers write them, and a note when values were left out. No
 * browser and no chart library: the PNG renderer rasterises it with a CJK font.
 */
export function toSvg(spec: ChartSpec, size: SvgSize = {}): string {
  const W = size.width ?? T.width
  const H = size.height ?? T.height
  const parts: string[] = []
  let top = 12
  if (spec.title.trim()) {
    top += T.fontSize.title
    parts.push(text(W / 2, top, fitText(spec.title, T.fontSize.title, W - 32), { size: T.fontSize.title, anchor: 'middle', weight: 600 }))
    top += 10
  }
  const note = omittedNote(spec)
  const bottom = H - (note ? T.fontSize.note + 12 : 8)
  if (note) parts.push(text(W - 16, H - 10, note, { size: T.fontSize.note, anchor: 'end', fill: T.muted }))
  if (spec.type === 'pie') parts.push(...pie(spec, { left: 16, top: top + 8, right: W - 16, bottom }))
  else {
    if (spec.series.length > 1) {
      parts.push(...legend(spec.series.map((s) => s.name), 16, top + T.fontSize.legend + 4, W - 32))
      top += T.fontSize.legend + 14
    }
    parts.push(...axesChart(spec, { left: 16, top: top + 12, right: W - 20, bottom }))
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}"><rect width="${W}" height="${H}" fill="${T.background}"/>${parts.join('')}</svg>`
}

function axesChart(spec: ChartSpec, box: Box): string[] {
  const out: string[] = []
  const n = spec.x.length
  const decimals = valueDecimals(spec)
  const values = spec.series.flatMap((s) => s.values).filter((v): v is number => v !== null && Number.isFinite(v))
  const ticks = niceTicks(Math.min(0, ...values), Math.max(0, ...values))
  const tickLabel = (v: number) => formatChartValue(v, spec, tickDecimals(ticks))
  const axis = T.fontSize.axis
  // Left: the unit title (rotated) and the widest tick label.
  const unitW = spec.unit && spec.unit !== '%' ? axis + 8 : 0
  const left = box.left + unitW + Math.max(...ticks.map((t) => textWidth(tickLabel(t), axis))) + 8
  const plotW = box.right - left
  const band = plotW / Math.max(1, n)
  // Bottom: x labels, turned when they would overlap; long ones shortened.
  const every = spec.type === 'line' ? Math.max(1, Math.ceil((n * textWidth(spec.x[0] ?? '', axis) * 1.2) / plotW)) : 1
  const widest = Math.max(0, ...spec.x.map((x) => textWidth(x, axis)))
  const rotate = widest > band * every - 6
  const maxLabel = rotate ? 140 : band * every - 6
  const labelH = rotate ? Math.min(maxLabel, widest) * 0.64 + axis : axis + 4
  const plot: Box = { left, top: box.top, right: box.right, bottom: box.bottom - labelH - 8 }
  const y = (v: number) => plot.bottom - ((v - ticks[0]) / (ticks.at(-1)! - ticks[0])) * (plot.bottom - plot.top)
  for (const t of ticks) {
    out.push(`<line x1="${plot.left}" x2="${plot.right}" y1="${r(y(t))}" y2="${r(y(t))}" stroke="${t === 0 ? T.muted : T.grid}" stroke-width="1"/>`)
    out.push(text(plot.left - 6, y(t) + axis * 0.35, tickLabel(t), { size: axis, anchor: 'end', fill: T.muted }))
  }
  if (unitW) out.push(text(box.left + axis, (plot.top + plot.bottom) / 2, fitText(spec.unit, T.fontSize.axisTitle, plot.bottom - plot.top), { size: T.fontSize.axisTitle, anchor: 'middle', fill: T.muted, rotate: -90 }))
  spec.x.forEach((label, i) => {
    if (i % every) return
    const cx = plot.left + band * (i + 0.5)
    const shown = fitText(label, axis, maxLabel)
    out.push(rotate
      ? text(cx + axis * 0.3, plot.bottom + 12, shown, { size: axis, anchor: 'end', fill: T.text, rotate: -40 })
      : text(cx, plot.bottom + axis + 6, shown, { size: axis, anchor: 'middle', fill: T.text }))
  })
  const showLabels = spec.type === 'bar' && n * spec.series.length <= 24
  if (spec.type === 'bar') {
    const k = spec.series.length
    const barW = Math.min(56, (band * 0.76) / k)
    spec.series.forEach((s, j) => {
      s.values.forEach((v, i) => {
        if (v === null || !Number.isFinite(v)) return
        const x = plot.left + band * (i + 0.5) - (barW * k) / 2 + barW * j
        const y0 = y(0)
        const y1 = y(v)
        out.push(`<rect x="${r(x)}" y="${r(Math.min(y0, y1))}" width="${r(Math.max(1, barW - 2))}" height="${r(Math.max(0.5, Math.abs(y1 - y0)))}" fill="${color(j)}"/>`)
        if (showLabels) out.push(text(x + barW / 2 - 1, v >= 0 ? y1 - 4 : y1 + T.fontSize.dataLabel + 2, formatChartValue(v, spec, decimals), { size: T.fontSize.dataLabel, anchor: 'middle', fill: T.text }))
      })
    })
  } else {
    spec.series.forEach((s, j) => {
      let d = ''
      s.values.forEach((v, i) => {
        if (v === null || !Number.isFinite(v)) {
          d += ' '
          return
        }
        d += `${d.endsWith(' ') || !d ? 'M' : 'L'}${r(plot.left + band * (i + 0.5))},${r(y(v))}`
      })
      out.push(`<path d="${d.replace(/ +/g, ' ').trim()}" fill="none" stroke="${color(j)}" stroke-width="2.5" stroke-linejoin="round"/>`)
      if (n <= 24) s.values.forEach((v, i) => { if (v !== null && Number.isFinite(v)) out.push(`<circle cx="${r(plot.left + band * (i + 0.5))}" cy="${r(y(v))}" r="3.5" fill="${color(j)}"/>`) })
    })
  }
  return out
}

function pie(spec: ChartSpec, box: Box): string[] {
  const out: string[] = []
  const values = (spec.series[0]?.values ?? []).map((v) => (v !== null && Number.isFinite(v) && v > 0 ? v : 0))
  const total = values.reduce((a, b) => a + b, 0)
  const radius = Math.min((box.bottom - box.top) / 2, (box.right - box.left) * 0.22)
  const cx = box.left + radius + 24
  const cy = (box.top + box.bottom) / 2
  let angle = -Math.PI / 2
  values.forEach((v, i) => {
    if (!total || !v) return
    const sweep = (v / total) * Math.PI * 2
    const end = angle + sweep
    const p = (a: number) => `${r(cx + radius * Math.cos(a))},${r(cy + radius * Math.sin(a))}`
    out.push(sweep >= Math.PI * 2 - 1e-9
      ? `<circle cx="${r(cx)}" cy="${r(cy)}" r="${r(radius)}" fill="${color(i)}"/>`
      : `<path d="M${r(cx)},${r(cy)} L${p(angle)} A${r(radius)},${r(radius)} 0 ${sweep > Math.PI ? 1 : 0} 1 ${p(end)} Z" fill="${color(i)}" stroke="#ffffff" stroke-width="1.5"/>`)
    angle = end
  })
  // The legend carries labels, values and shares: slice labels inside small slices would overlap.
  const size = T.fontSize.legend
  const lx = cx + radius + 40
  const rows = Math.max(1, Math.floor((box.bottom - box.top) / (size + 10)))
  spec.x.slice(0, rows).forEach((label, i) => {
    const ly = box.top + (size + 10) * i + size
    const share = total ? ` (${((values[i] / total) * 100).toFixed(1)}%)` : ''
    out.push(`<rect x="${r(lx)}" y="${r(ly - size + 2)}" width="${size}" height="${size}" rx="2" fill="${color(i)}"/>`)
    out.push(text(lx + size + 8, ly, fitText(`${label}: ${formatChartValue(spec.series[0]?.values[i], spec)}${share}`, size, box.right - lx - size - 8), { size, fill: T.text }))
  })
  return out
}

function legend(names: string[], x: number, y: number, maxW: number): string[] {
  const size = T.fontSize.legend
  const out: string[] = []
  let cx = x
  names.forEach((name, i) => {
    const label = fitText(name, size, 160)
    const w = size + 6 + textWidth(label, size) + 16
    if (cx + w > x + maxW) return
    out.push(`<rect x="${r(cx)}" y="${r(y - size + 2)}" width="${size}" height="${size}" rx="2" fill="${color(i)}"/>`)
    out.push(text(cx + size + 6, y, label, { size, fill: T.text }))
    cx += w
  })
  return out
}

/** Round tick values covering [min, max]: 1, 2 or 5 × 10^k steps, about five of them. */
export function niceTicks(min: number, max: number): number[] {
  if (max === min) max = min + 1
  const raw = (max - min) / 5
  const p = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 2, 2.5, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? 10 * p
  const lo = Math.floor(min / step + 1e-9) * step
  const hi = Math.ceil(max / step - 1e-9) * step
  const ticks: number[] = []
  for (let v = lo; v <= hi + step / 2; v += step) ticks.push(Math.round(v / step) * step)
  return ticks.length > 1 ? ticks : [lo, lo + step]
}

function tickDecimals(ticks: number[]): number {
  const step = Math.abs(ticks[1] - ticks[0])
  return step >= 1 ? 0 : Math.min(3, Math.ceil(-Math.log10(step) - 1e-9))
}

function color(i: number): string {
  return T.palette[i % T.palette.length]
}

function r(v: number): number {
  return Math.round(v * 10) / 10
}

function text(x: number, y: number, s: string, o: { size: number; anchor?: 'start' | 'middle' | 'end'; fill?: string; weight?: number; rotate?: number }): string {
  const rot = o.rotate ? ` transform="rotate(${o.rotate} ${r(x)} ${r(y)})"` : ''
  const family = /[\u2e80-\u9fff\uac00-\ud7a3\uf900-\ufaff\uff00-\uffe6]/.test(s) ? T.svgFonts.cjk : T.svgFonts.latin
  return `<text x="${r(x)}" y="${r(y)}" font-family="${family}" font-size="${o.size}" fill="${o.fill ?? T.text}"${o.anchor && o.anchor !== 'start' ? ` text-anchor="${o.anchor}"` : ''}${o.weight ? ` font-weight="${o.weight}"` : ''}${rot}>${esc(s)}</text>`
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)
}
