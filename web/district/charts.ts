import type { CommuneSummary } from '../../shared/api.ts';
import type { DeprivationFigures, ProjectFigures } from '../../shared/report/figures.ts';
import { INDICATORS } from '../../shared/standards/index.ts';
import { type Child, h, s } from '../../front/dom.ts';
import { count, dong, millions, percent } from './format.ts';
import { t } from './strings.ts';

/**
 * Hand-made SVG bar charts: three kinds of horizontal bars are all the page needs, so no charting
 * library (and no canvas): every bar is an element carrying its numbers (data-* attributes, a
 * <title> tooltip), each chart has a text description for screen readers and the same figures as
 * a table under it. Colours are presentation attributes (the CSP allows no inline style), each at
 * least 3:1 against white, and no figure is told by colour alone (labels carry the numbers).
 */

export const COLOURS = {
  poor: '#b4480b',
  nearPoor: '#1f5f99',
  startFill: '#e3e3e3',
  startStroke: '#6b6b6b',
  goal: '#242424',
  allocatedFill: '#c4e5d0',
  allocatedStroke: '#2f7a4d',
  disbursed: '#0e6e3a',
  grid: '#d6d6d6',
  text: '#242424',
  muted: '#5c5c5c',
} as const;

const FONT = 12;
/** A chart: figure, caption, the SVG (role img, named by its title and described by its desc), the table. */
function figure(id: string, caption: string, svg: SVGSVGElement, description: string, table: HTMLTableElement, legend?: HTMLElement): HTMLElement {
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', `${titleId} ${descId}`);
  svg.prepend(s('title', { id: titleId }, caption), s('desc', { id: descId }, description));
  return h(
    'figure',
    { class: 'chart', id, 'data-chart': id },
    h('figcaption', { class: 'chart-caption' }, caption),
    legend ?? null,
    h('div', { class: 'chart-area' }, svg),
    h('details', { class: 'chart-table' }, h('summary', {}, t('showTable')), h('div', { class: 'table-scroll' }, table)),
  );
}

function legendItem(swatch: SVGElement, label: string): HTMLElement {
  return h('li', {}, s('svg', { width: 18, height: 12, viewBox: '0 0 18 12', 'aria-hidden': 'true', focusable: 'false' }, swatch), ` ${label}`);
}

function legend(items: HTMLElement[]): HTMLElement {
  return h('ul', { class: 'chart-legend' }, ...items);
}

function dataTable(head: readonly string[], rows: readonly (readonly Child[])[], caption: string): HTMLTableElement {
  return h(
    'table',
    { class: 'data' },
    h('caption', { class: 'visually-hidden' }, caption),
    h('thead', {}, h('tr', {}, ...head.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, ...rows.map((r) => h('tr', {}, ...r.map((c, i) => (i === 0 ? h('th', { scope: 'row' }, c) : h('td', {}, c)))))),
  );
}

function text(x: number, y: number, content: string, attrs: Record<string, string | number> = {}): SVGTextElement {
  return s('text', { x, y, 'font-size': FONT, fill: COLOURS.text, 'dominant-baseline': 'middle', ...attrs }, content);
}

function shorten(label: string, max: number): string {
  return label.length <= max ? label : `${label.slice(0, max - 1).trimEnd()}…`;
}

/** Number of households, or "–" when unknown. */
function n(v: number | null): string {
  return v === null ? '–' : count(v);
}

function pct(v: number | null): string {
  return v === null ? '–' : percent(v);
}

/** Round axis ticks from 0 to at least `max`: steps of 1, 2, 2.5 or 5 times a power of ten, at most 5 of them. */
export function niceTicks(max: number): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power);
  const ticks: number[] = [];
  for (let v = 0; v < max + step / 2 && ticks.length < 12; v += step) ticks.push(v);
  if ((ticks.at(-1) ?? 0) < max) ticks.push((ticks.at(-1) ?? 0) + step);
  return ticks;
}

// ── 1. Poor and near-poor households per commune, against the plan's targets ──────────────────

type Category = 'poor' | 'nearPoor';

interface HouseholdRow {
  commune: string;
  now: number | null;
  rate: number | null;
  start: number | null;
  target: number;
  reduced: number | null;
  /** The level the target asks for: start − target, when the start is known. */
  goal: number | null;
}

function householdRows(communes: readonly CommuneSummary[], category: Category): HouseholdRow[] {
  return communes.map(({ name, summary: f }) => {
    const start = category === 'poor' ? f.poorAtStart : f.nearPoorAtStart;
    const target = category === 'poor' ? f.poorTarget : f.nearPoorTarget;
    return {
      commune: name,
      now: category === 'poor' ? f.poor : f.nearPoor,
      rate: category === 'poor' ? f.poorRate : f.nearPoorRate,
      start,
      target,
      reduced: category === 'poor' ? f.poorReduced : f.nearPoorReduced,
      goal: start === null ? null : Math.max(0, start - target),
    };
  });
}

/** Two short lines: "chỉ tiêu giảm 2" and "đã giảm 0" (or "chưa rõ số đầu năm"). */
function targetLines(r: HouseholdRow): [string, string] {
  const target = `${t('target')} ${count(r.target)}`;
  return [target, r.reduced === null ? t('startUnknown') : `${t('reduced')} ${count(r.reduced)}`];
}

function targetNote(r: HouseholdRow): string {
  return r.now === null ? t('noList') : targetLines(r).join(' · ');
}

function householdSentence(r: HouseholdRow, category: Category): string {
  if (r.now === null) return `${r.commune}: ${t('noList')}.`;
  const what = category === 'poor' ? t('poor') : t('nearPoor');
  const start = r.start === null ? '' : ` (${t('atStart').toLowerCase()} ${count(r.start)}, ${t('goal').toLowerCase()} ${count(r.goal ?? 0)})`;
  return `${r.commune}: ${what.toLowerCase()} ${count(r.now)} ${t('householdsUnit')}, ${t('rateOf')} ${pct(r.rate)}${start}; ${targetNote(r)}.`;
}

export function householdsChart(communes: readonly CommuneSummary[], width: number): HTMLElement {
  const id = 'chart-households';
  const W = Math.max(480, width);
  // Commune names | bars | the bar's value | the target, on two lines.
  const L = 112;
  const valueW = 86;
  const noteW = 150;
  const rowH = 34;
  const headH = 24;
  const plot = W - L - valueW - noteW;
  const categories: Category[] = ['poor', 'nearPoor'];
  const blocks = categories.map((c) => ({ category: c, rows: householdRows(communes, c) }));
  const H = blocks.reduce((y, b) => y + headH + Math.max(1, b.rows.length) * rowH + 8, 2);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, class: 'chart-svg', focusable: 'false' });
  let y = 2;
  const sentences: string[] = [];
  for (const { category, rows } of blocks) {
    const colour = COLOURS[category];
    const max = Math.max(1, ...rows.flatMap((r) => [r.now ?? 0, r.start ?? 0]));
    const x = (v: number): number => L + (v / max) * plot;
    svg.append(text(0, y + headH / 2, category === 'poor' ? t('poor') : t('nearPoor'), { 'font-weight': 600 }));
    y += headH;
    for (const r of rows) {
      const g = s('g', {
        class: 'bar-row',
        'data-category': category,
        'data-commune': r.commune,
        'data-now': r.now ?? '',
        'data-rate': r.rate ?? '',
        'data-start': r.start ?? '',
        'data-target': r.target,
        'data-goal': r.goal ?? '',
        'data-reduced': r.reduced ?? '',
      });
      const mid = y + rowH / 2;
      g.append(s('title', {}, householdSentence(r, category)), text(L - 8, mid, shorten(r.commune, 16), { 'text-anchor': 'end' }));
      if (r.now === null) {
        g.append(text(L, mid, t('noList'), { fill: COLOURS.muted, 'font-style': 'italic' }));
      } else {
        if (r.start !== null) {
          g.append(s('rect', { class: 'bar-start', x: L, y: y + 5, width: Math.max(1, x(r.start) - L), height: rowH - 10, fill: COLOURS.startFill, stroke: COLOURS.startStroke, 'stroke-width': 1 }));
        }
        g.append(s('rect', { class: 'bar-now', x: L, y: y + 11, width: Math.max(r.now > 0 ? 2 : 0, x(r.now) - L), height: rowH - 22, fill: colour }));
        if (r.goal !== null) {
          g.append(s('line', { class: 'bar-goal', x1: x(r.goal), x2: x(r.goal), y1: y + 2, y2: y + rowH - 2, stroke: COLOURS.goal, 'stroke-width': 2.5 }));
        }
        const end = Math.max(x(r.now), r.start === null ? 0 : x(r.start));
        g.append(text(end + 6, mid, `${count(r.now)} (${pct(r.rate)})`));
        const [first, second] = targetLines(r);
        g.append(text(W - noteW + 8, mid - 7, first, { fill: COLOURS.muted }), text(W - noteW + 8, mid + 8, second, { fill: COLOURS.muted }));
      }
      svg.append(g);
      sentences.push(householdSentence(r, category));
      y += rowH;
    }
    if (rows.length === 0) y += rowH;
    y += 8;
  }
  const head = [t('commune'), t('totalHouseholds'), ...categories.flatMap((c) => [`${c === 'poor' ? t('poor') : t('nearPoor')}: ${t('now').toLowerCase()}`, t('rateOf'), t('atStart'), t('target'), t('reduced')])];
  const rows = communes.map((c) => {
    const [poor, near] = [householdRows([c], 'poor')[0], householdRows([c], 'nearPoor')[0]] as [HouseholdRow, HouseholdRow];
    return [c.name, count(c.summary.totalHouseholds), ...[poor, near].flatMap((r) => [n(r.now), pct(r.rate), n(r.start), count(r.target), n(r.reduced)])];
  });
  const lg = legend([
    legendItem(s('rect', { x: 1, y: 1, width: 16, height: 10, fill: COLOURS.startFill, stroke: COLOURS.startStroke }), t('householdsLegendStart')),
    legendItem(s('rect', { x: 1, y: 3, width: 16, height: 6, fill: COLOURS.poor }), `${t('householdsLegendNow')} (${t('poor').toLowerCase()})`),
    legendItem(s('rect', { x: 1, y: 3, width: 16, height: 6, fill: COLOURS.nearPoor }), `${t('householdsLegendNow')} (${t('nearPoor').toLowerCase()})`),
    legendItem(s('line', { x1: 9, x2: 9, y1: 0, y2: 12, stroke: COLOURS.goal, 'stroke-width': 2.5 }), t('householdsLegendGoal')),
  ]);
  const fig = figure(id, t('householdsChart'), svg, communes.length === 0 ? t('noCommunesWithPlan') : sentences.join(' '), dataTable(head, rows, t('householdsChart')), lg);
  if (communes.length === 0) fig.querySelector('.chart-area')?.replaceChildren(h('p', { class: 'chart-empty' }, t('noCommunesWithPlan')));
  return fig;
}

// ── 2. Deprivations by indicator ────────────────────────────────────────────────────────────────

export function deprivationsChart(pair: readonly [DeprivationFigures, DeprivationFigures], width: number): HTMLElement {
  const id = 'chart-deprivations';
  const [poor, near] = pair;
  const known = poor.withIndicators !== null || near.withIndicators !== null;
  const W = Math.max(420, width);
  const L = 250;
  const R = 96;
  const rowH = 34;
  const plot = W - L - R;
  const H = INDICATORS.length * rowH + 26;
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, class: 'chart-svg', focusable: 'false' });
  const x = (share: number): number => L + share * plot;
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    svg.append(s('line', { x1: x(tick), x2: x(tick), y1: 0, y2: H - 20, stroke: COLOURS.grid, 'stroke-width': 1 }));
    svg.append(text(x(tick), H - 9, percent(tick), { 'text-anchor': 'middle', fill: COLOURS.muted }));
  }
  const sentences: string[] = [];
  INDICATORS.forEach((d, i) => {
    const y = i * rowH;
    const g = s('g', { class: 'bar-row', 'data-indicator': d.id });
    g.append(text(L - 8, y + rowH / 2, shorten(`${d.id} ${d.name}`, 36), { 'text-anchor': 'end' }));
    const parts: string[] = [];
    [poor, near].forEach((f, k) => {
      const deprived = f.deprived[i] ?? null;
      const share = f.shares[i] ?? null;
      const colour = f.category === 'poor' ? COLOURS.poor : COLOURS.nearPoor;
      const by = y + 4 + k * 13;
      const bar = s('rect', {
        class: 'bar',
        'data-category': f.category,
        'data-deprived': deprived ?? '',
        'data-share': share ?? '',
        x: L,
        y: by,
        width: share === null ? 0 : Math.max(share > 0 ? 2 : 0, share * plot),
        height: 11,
        fill: colour,
      });
      const label = `${f.category === 'poor' ? t('poor') : t('nearPoor')}: ${n(deprived)} ${t('householdsUnit')} (${pct(share)})`;
      bar.append(s('title', {}, `${d.id} ${d.name} — ${label}`));
      g.append(bar, text(L + (share ?? 0) * plot + 5, by + 6, share === null ? '–' : `${percent(share)} (${count(deprived ?? 0)})`, { 'font-size': 11 }));
      parts.push(label);
    });
    sentences.push(`${d.id} ${d.name}: ${parts.join('; ')}.`);
    svg.append(g);
  });
  const lg = legend([
    legendItem(s('rect', { x: 1, y: 2, width: 16, height: 8, fill: COLOURS.poor }), `${t('poor')} (${n(poor.withIndicators)} ${t('householdsUnit')})`),
    legendItem(s('rect', { x: 1, y: 2, width: 16, height: 8, fill: COLOURS.nearPoor }), `${t('nearPoor')} (${n(near.withIndicators)} ${t('householdsUnit')})`),
  ]);
  const head = [t('indicator'), `${t('poor')} (${t('householdsUnit')})`, t('rateOf'), `${t('nearPoor')} (${t('householdsUnit')})`, t('rateOf')];
  const rows = INDICATORS.map((d, i) => [`${d.id} ${d.name}`, n(poor.deprived[i] ?? null), pct(poor.shares[i] ?? null), n(near.deprived[i] ?? null), pct(near.shares[i] ?? null)]);
  const fig = figure(id, t('deprivationsChart'), svg, known ? sentences.join(' ') : t('noIndicators'), dataTable(head, rows, t('deprivationsChart')), lg);
  if (!known) fig.querySelector('.chart-area')?.replaceChildren(h('p', { class: 'chart-empty' }, t('noIndicators')));
  return fig;
}

// ── 3. Funds allocated and disbursed per sub-project ────────────────────────────────────────────

export function fundsChart(projects: readonly ProjectFigures[], width: number): HTMLElement {
  const id = 'chart-funds';
  const known = projects.some((p) => p.allocated !== null || p.disbursed !== null);
  const W = Math.max(420, width);
  const L = 200;
  const R = 150;
  const rowH = 30;
  const plot = W - L - R;
  const H = Math.max(1, projects.length) * rowH + 26;
  const ticks = niceTicks(Math.max(1, ...projects.flatMap((p) => [p.allocated ?? 0, p.disbursed ?? 0])));
  const max = ticks.at(-1) ?? 1;
  const x = (v: number): number => L + (v / max) * plot;
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, class: 'chart-svg', focusable: 'false' });
  for (const v of ticks) {
    svg.append(s('line', { x1: x(v), x2: x(v), y1: 0, y2: H - 20, stroke: COLOURS.grid, 'stroke-width': 1 }));
    svg.append(text(x(v), H - 9, millions(v), { 'text-anchor': 'middle', fill: COLOURS.muted }));
  }
  svg.append(text(W - 4, H - 9, t('million'), { 'text-anchor': 'end', fill: COLOURS.muted }));
  const sentences: string[] = [];
  projects.forEach((p, i) => {
    const y = i * rowH;
    const mid = y + rowH / 2;
    const label = p.code === null ? t('unresolvedProject') : `${p.code} ${p.name ?? ''}`.trim();
    const g = s('g', { class: 'bar-row', 'data-project': p.code ?? '', 'data-allocated': p.allocated ?? '', 'data-disbursed': p.disbursed ?? '', 'data-rate': p.disbursedRate ?? '' });
    const sentence = `${label}: ${t('allocated').toLowerCase()} ${p.allocated === null ? '–' : `${dong(p.allocated)} ${t('dong')}`}, ${t('disbursed').toLowerCase()} ${p.disbursed === null ? '–' : `${dong(p.disbursed)} ${t('dong')}`} (${pct(p.disbursedRate)}).`;
    g.append(s('title', {}, sentence), text(L - 8, mid, shorten(label, 28), { 'text-anchor': 'end' }));
    if (p.allocated !== null) {
      g.append(s('rect', { class: 'bar-allocated', x: L, y: y + 5, width: Math.max(p.allocated > 0 ? 2 : 0, x(p.allocated) - L), height: rowH - 10, fill: COLOURS.allocatedFill, stroke: COLOURS.allocatedStroke, 'stroke-width': 1 }));
    }
    if (p.disbursed !== null) {
      g.append(s('rect', { class: 'bar-disbursed', x: L, y: y + 10, width: Math.max(p.disbursed > 0 ? 2 : 0, x(p.disbursed) - L), height: rowH - 20, fill: COLOURS.disbursed }));
    }
    const end = Math.max(x(p.allocated ?? 0), x(p.disbursed ?? 0));
    const value = p.allocated === null && p.disbursed === null ? '–' : `${p.disbursed === null ? '–' : millions(p.disbursed)}/${p.allocated === null ? '–' : millions(p.allocated)} (${pct(p.disbursedRate)})`;
    g.append(text(end + 6, mid, value));
    svg.append(g);
    sentences.push(sentence);
  });
  const lg = legend([
    legendItem(s('rect', { x: 1, y: 1, width: 16, height: 10, fill: COLOURS.allocatedFill, stroke: COLOURS.allocatedStroke }), `${t('allocated')} (${t('million')})`),
    legendItem(s('rect', { x: 1, y: 3, width: 16, height: 6, fill: COLOURS.disbursed }), `${t('disbursed')} (${t('million')})`),
  ]);
  const head = [t('subProject'), `${t('allocated')} (${t('dong')})`, `${t('disbursed')} (${t('dong')})`, t('disbursedRate')];
  const rows = projects.map((p) => [p.code === null ? t('unresolvedProject') : `${p.code} ${p.name ?? ''}`.trim(), p.allocated === null ? '–' : dong(p.allocated), p.disbursed === null ? '–' : dong(p.disbursed), pct(p.disbursedRate)]);
  const fig = figure(id, t('fundsChart'), svg, known ? sentences.join(' ') : t('noFunds'), dataTable(head, rows, t('fundsChart')), lg);
  if (!known) fig.querySelector('.chart-area')?.replaceChildren(h('p', { class: 'chart-empty' }, t('noFunds')));
  return fig;
}
