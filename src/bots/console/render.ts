// Renders core views as plain text for the terminal.
import type { View } from '../../core/views/types.js';

const indent = (text: string, prefix = '  ') =>
  text
    .split('\n')
    .map((line) => `${prefix}${line}`)
    .join('\n');

export function renderText(view: View): string {
  switch (view.type) {
    case 'notice': {
      const mark = view.tone === 'danger' ? '✗' : view.tone === 'success' ? '✓' : view.tone === 'warning' ? '!' : '•';
      return `${mark} ${view.text}`;
    }
    case 'text':
      return view.title ? `${view.title}\n${view.text}` : view.text;
    // The picture is written to a file by the session, which prints its path after this.
    case 'chart':
      return [view.title, view.text, ...(view.footer ? [view.footer] : [])].join('\n');
    case 'list': {
      const lines = [view.title];
      if (view.items.length === 0) lines.push(indent(view.empty));
      for (const item of view.items) {
        lines.push(`  - ${item.text}`);
        if (item.detail) lines.push(indent(item.detail, '    '));
      }
      if (view.footer) lines.push(view.footer);
      return lines.join('\n');
    }
    case 'card': {
      const lines = [`== ${view.title} ==`];
      if (view.subtitle) lines.push(view.subtitle);
      if (view.body) lines.push(indent(view.body));
      for (const field of view.fields) {
        const value = field.value.includes('\n') ? `\n${indent(field.value, '    ')}` : ` ${field.value}`;
        lines.push(`  ${field.label}:${value}`);
      }
      if (view.tally) {
        if (view.tally.hiddenNote) lines.push(`  ${view.tally.hiddenNote}`);
        for (const line of view.tally.lines) {
          const share = line.share === undefined ? '' : ` (${Math.round(line.share * 100)}%)`;
          lines.push(`  | ${line.label}: ${line.value}${share}`);
        }
        if (view.tally.summary) lines.push(indent(view.tally.summary));
      }
      if (view.footer) lines.push(`  ${view.footer}`);
      if (view.actions.length) lines.push(`  > ${view.actions.map((a) => `[${a.label}] /concord ${a.command}`).join('  ')}`);
      return lines.join('\n');
    }
  }
}
