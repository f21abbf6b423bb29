// The map as a picture: a PNG any chat accepts, drawn with the bundled font in English and Vietnamese.
import { describe, expect, it } from 'vitest';
import { chartPng, chartSvg, DISCORD_MAX_BYTES, SLACK_MAX_BYTES, spread } from '../../src/charts/render.js';
import { translate, type Locale } from '../../src/core/i18n/index.js';
import { aggregateRatings, HIGH } from '../../src/core/stakeholders/classify.js';
import { stakeholderMap } from '../../src/core/stakeholders/map.js';
import type { GridPoint } from '../../src/core/views/types.js';
import { goalChart, sparkline } from '../../src/core/goals/chart.js';
import type { Indicator, IndicatorValue } from '../../src/core/goals/ports.js';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The width and height a PNG declares in its first chunk, which must be IHDR. */
function header(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  expect([...png.subarray(0, 8)]).toEqual(SIGNATURE);
  expect(new TextDecoder().decode(png.subarray(12, 16))).toBe('IHDR');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Ends with the IEND chunk: the file is whole. */
const complete = (png: Uint8Array) => new TextDecoder().decode(png.subarray(png.length - 8, png.length - 4)) === 'IEND';

function register(locale: Locale, count: number) {
  const names = ['City Council', 'Hội Phụ nữ phường Vĩnh Ninh', 'Riverside Residents', 'Đoàn Thanh niên', 'Trường Đại học Huế'];
  const map = stakeholderMap(
    (m) => translate(locale, m),
    translate(locale, { key: 'stakeholder.map.title' }),
    Array.from({ length: count }, (_, i) => ({
      ref: `S-${i + 1}`,
      name: `${names[i % names.length]} ${i + 1}`,
      // Spread over every spot of the grid, and one in ten not rated.
      ratings: aggregateRatings(i % 10 === 9 ? [] : [{ power: 1 + (i % 5), interest: 1 + (Math.floor(i / 5) % 5), legitimacy: null, urgency: null }]),
    })),
  );
  return map;
}

describe('the power/interest picture', () => {
  it('is a whole PNG of the size asked for', async () => {
    const map = register('en', 12);
    const png = await chartPng(map.title, map.chart, { size: { width: 800, height: 600 } });
    expect(header(png)).toEqual({ width: 800, height: 600 });
    expect(complete(png)).toBe(true);
  });

  it('stays within Slack\'s and Discord\'s upload limits for a register of 200 stakeholders', async () => {
    const map = register('vi', 200);
    expect(map.chart.points).toHaveLength(180);
    const png = await chartPng(map.title, map.chart);
    expect(header(png)).toEqual({ width: 1200, height: 900 });
    expect(png.byteLength).toBeLessThan(SLACK_MAX_BYTES);
    expect(png.byteLength).toBeLessThan(DISCORD_MAX_BYTES);
  });

  it('draws a smaller picture rather than one over the limit, and refuses when even that is too large', async () => {
    const map = register('en', 40);
    const whole = await chartPng(map.title, map.chart);
    const smaller = await chartPng(map.title, map.chart, { maxBytes: whole.byteLength - 1 });
    expect(header(smaller).width).toBeLessThan(1200);
    await expect(chartPng(map.title, map.chart, { maxBytes: 100 })).rejects.toThrow(/100 bytes/);
  });

  it('writes the Vietnamese title, axes and quadrants as text the bundled font draws', async () => {
    const map = register('vi', 5);
    const svg = await chartSvg(map.title, map.chart);
    for (const words of ['Bản đồ quyền lực/quan tâm', 'Quyền lực', 'Mức quan tâm', 'Quản lý chặt chẽ', 'Giữ cho hài lòng', 'Thông tin đầy đủ', 'Theo dõi']) {
      expect(svg).toContain(words);
    }
    expect(svg).toContain('DejaVu Sans');
    const png = await chartPng(map.title, map.chart);
    expect(complete(png)).toBe(true);
  });

  it('labels a lone stakeholder with its name and counts a crowded spot', async () => {
    const lone = register('en', 3);
    expect(await chartSvg(lone.title, lone.chart)).toContain('S-2 Hội Phụ nữ phường Vĩnh Ninh 2');
    const point = (i: number): GridPoint => ({ ref: `S-${i}`, name: `Member ${i}`, power: 4, interest: 4, quadrant: 'manage-closely' });
    const crowded = { ...lone.chart, points: Array.from({ length: 9 }, (_, i) => point(i + 1)) };
    const svg = await chartSvg(lone.title, crowded);
    expect(svg).toContain('×9');
    expect(svg).not.toContain('Member 1');
  });
});

describe('spreading stakeholders that share a spot', () => {
  const at = (n: number, power: number, interest: number): GridPoint[] =>
    Array.from({ length: n }, (_, i) => ({ ref: `S-${i + 1}`, name: `x${i}`, power, interest, quadrant: 'monitor' }));

  it('leaves a lone stakeholder where its medians are and keeps the others near, each apart', () => {
    expect(spread(at(1, 2, 3), HIGH)).toEqual([expect.objectContaining({ x: 3, y: 2 })]);
    const placed = spread(at(6, 2, 2), HIGH);
    const keys = new Set(placed.map((p) => `${p.x.toFixed(3)}:${p.y.toFixed(3)}`));
    expect(keys.size).toBe(6);
    for (const p of placed) expect(Math.hypot(p.x - 2, p.y - 2)).toBeLessThan(0.25);
  });

  it('keeps a stakeholder on the line between low and high on the side it counts on', () => {
    for (const p of spread(at(8, HIGH, HIGH), HIGH)) {
      expect(p.x).toBeGreaterThanOrEqual(HIGH);
      expect(p.y).toBeGreaterThanOrEqual(HIGH);
    }
  });

  it('draws the same register the same way every time', () => {
    expect(spread(at(7, 1, 5), HIGH)).toEqual(spread(at(7, 1, 5), HIGH));
  });
});

describe('the progress of a goal', () => {
  const DAY = 86_400_000;
  const start = new Date('2027-01-01T00:00:00Z');
  const indicator = (id: number, baseline: number, target: number): Indicator => ({
    id,
    workspaceId: 1,
    number: id,
    goalId: 1,
    name: id === 1 ? 'Rác chôn lấp mỗi tháng' : `Indicator ${id}`,
    baseline,
    target,
    unit: 't',
    weight: 1,
    ownerId: null,
    cadence: null,
    reachedAt: null,
    createdBy: 1,
    createdAt: start,
  });
  const values = (id: number, list: number[]): IndicatorValue[] =>
    list.map((value, i) => ({ indicatorId: id, value, at: new Date(start.getTime() + (i + 1) * 7 * DAY), note: null, recordedBy: 1, recordedAt: start }));
  const goal = { id: 1, workspaceId: 1, number: 2, ref: 'G-2', groupId: 1, title: 'Giảm rác', dueAt: new Date(start.getTime() + 180 * DAY), proposalId: null, status: 'open' as const, closedNote: null, closedBy: null, closedAt: null, createdBy: 1, createdAt: start };
  const chartOf = (locale: Locale, count: number) =>
    goalChart(
      (m) => translate(locale, m),
      locale,
      goal,
      Array.from({ length: count }, (_, i) => ({ ref: `I-${i + 1}`, indicator: indicator(i + 1, 120, 60), values: values(i + 1, [120, 110, 100 - i, 90, 84, 70]) })),
      new Date(start.getTime() + 60 * DAY),
    )!;

  it('is a valid PNG within both platforms’ limits, with a line per indicator and the pace', async () => {
    const view = chartOf('vi', 7);
    const svg = await chartSvg(view.title, view.chart);
    expect(svg).toContain('G-2 Giảm rác: tiến độ');
    expect(svg).toContain('I-1 Rác chôn lấp mỗi tháng');
    expect(svg).toContain('Nhịp đúng tiến độ');
    const png = await chartPng(view.title, view.chart);
    expect(header(png)).toEqual({ width: 1200, height: 900 });
    expect(complete(png)).toBe(true);
    expect(png.byteLength).toBeLessThan(SLACK_MAX_BYTES);
  });

  it('sends the same in words: a sparkline per indicator and the latest progress', () => {
    const view = chartOf('en', 1);
    expect(view.text).toBe('I-1 Rác chôn lấp mỗi tháng  ▁▂▃▅▅▇  83%');
    expect(view.alt).toContain('I-1 Rác chôn lấp mỗi tháng: 6 values, from 0% to 83%.');
    expect(sparkline([0, 0.5, 1])).toBe('▁▅█');
  });

  it('is not drawn while no indicator has a value', () => {
    expect(goalChart((m) => translate('en', m), 'en', goal, [{ ref: 'I-1', indicator: indicator(1, 0, 10), values: [] }], start)).toBeNull();
  });
});
