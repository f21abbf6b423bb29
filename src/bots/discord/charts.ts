// Draws the charts of rendered messages and attaches them as PNG files, within Discord's upload limit.
import { chartFile, DISCORD_MAX_BYTES, MAX_PNG_BYTES, chartPng } from '../../charts/render.js';
import { cut } from './limits.js';
import type { DiscordMessage } from './render.js';

/** Discord's limit on an attachment's description (its alt text). */
const ALT_MAX = 1024;

/**
 * Each message's chart drawn and attached; the `chart` mark removed, so what is sent is only what Discord
 * reads. A chart that cannot be drawn leaves its message as text (the grid), without the picture.
 */
export async function withCharts(messages: DiscordMessage[], onError: (error: unknown) => void = () => {}): Promise<DiscordMessage[]> {
  return Promise.all(
    messages.map(async ({ chart, ...message }) => {
      if (!chart) return message;
      try {
        const png = await chartPng(chart.title, chart.chart, { maxBytes: Math.min(MAX_PNG_BYTES, DISCORD_MAX_BYTES) });
        return { ...message, files: [...(message.files ?? []), { attachment: Buffer.from(png), name: chartFile(chart.chart), description: cut(chart.alt, ALT_MAX) }] };
      } catch (error) {
        onError(error);
        return { ...message, embeds: message.embeds.map(({ image: _image, ...embed }) => embed) };
      }
    }),
  );
}
