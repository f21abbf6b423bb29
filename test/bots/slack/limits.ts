// Block Kit's documented limits as a checker: every payload a test sees is held to what Slack would accept.

type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export type Surface = 'message' | 'modal' | 'home';

export function blockKitProblems(payload: { blocks?: unknown; text?: unknown; view?: unknown }, surface: Surface): string[] {
  const problems: string[] = [];
  const p = (where: string, what: string) => problems.push(`${where}: ${what}`);

  const text = (where: string, t: unknown, max: number, kind?: 'plain_text' | 'mrkdwn') => {
    if (!isObj(t)) return p(where, 'missing text object');
    if (kind && t.type !== kind) p(where, `must be ${kind}, is ${String(t.type)}`);
    if (typeof t.text !== 'string' || t.text.length === 0) return p(where, 'empty text');
    if (t.text.length > max) p(where, `text ${t.text.length} > ${max}`);
    if (/[\ud800-\udbff]$/.test(t.text)) p(where, 'ends in half a surrogate pair');
    if (t.type === 'mrkdwn' && /<[^>]*$/.test(t.text)) p(where, 'unclosed < token');
  };

  const options = (where: string, e: Json, max: number) => {
    if (Array.isArray(e.option_groups)) {
      if (e.options !== undefined) p(where, 'both options and option_groups');
      if (e.option_groups.length === 0 || e.option_groups.length > 100) p(where, `${e.option_groups.length} option groups`);
      const all: unknown[] = [];
      for (const [i, g] of e.option_groups.entries()) {
        if (!isObj(g)) continue;
        text(`${where}.option_groups[${i}].label`, g.label, 75, 'plain_text');
        options(`${where}.option_groups[${i}]`, { options: g.options }, max);
        if (Array.isArray(g.options)) all.push(...g.options);
      }
      if (isObj(e.initial_option) && !all.some((o) => isObj(o) && o.value === (e.initial_option as Json).value)) p(where, 'initial_option not among options');
      return;
    }
    const list = e.options;
    if (!Array.isArray(list) || list.length === 0) return p(where, 'no options');
    if (list.length > max) p(where, `${list.length} options > ${max}`);
    for (const [i, o] of list.entries()) {
      if (!isObj(o)) continue;
      text(`${where}.options[${i}]`, o.text, 75);
      if (typeof o.value !== 'string' || o.value.length > 150) p(`${where}.options[${i}]`, 'value missing or > 150');
      if (o.description !== undefined) text(`${where}.options[${i}].description`, o.description, 75, 'plain_text');
    }
    if (isObj(e.initial_option) && !list.some((o) => isObj(o) && o.value === (e.initial_option as Json).value)) p(where, 'initial_option not among options');
  };

  const element = (where: string, e: unknown) => {
    if (!isObj(e)) return p(where, 'missing element');
    if (typeof e.action_id === 'string' && e.action_id.length > 255) p(where, 'action_id > 255');
    if (e.placeholder !== undefined) text(`${where}.placeholder`, e.placeholder, 150, 'plain_text');
    switch (e.type) {
      case 'button':
        text(`${where}.text`, e.text, 75, 'plain_text');
        if (typeof e.value === 'string' && e.value.length > 2000) p(where, `value ${e.value.length} > 2000`);
        break;
      case 'static_select':
        options(where, e, 100);
        break;
      case 'checkboxes':
      case 'radio_buttons':
        options(where, e, 10);
        break;
      case 'plain_text_input': {
        const max = typeof e.max_length === 'number' ? e.max_length : 3000;
        if (max > 3000) p(where, `max_length ${max} > 3000`);
        if (typeof e.initial_value === 'string' && e.initial_value.length > max) p(where, 'initial_value longer than max_length');
        break;
      }
      case 'number_input':
      case 'datepicker':
      case 'timepicker':
      case 'users_select':
        break;
      default:
        p(where, `unexpected element ${String(e.type)}`);
    }
  };

  let blocks: unknown = payload.blocks;
  let maxBlocks = 50;
  if (surface !== 'message') {
    const view = payload.view;
    if (!isObj(view)) return ['view missing'];
    blocks = view.blocks;
    maxBlocks = 100;
    if (surface === 'modal') {
      text('view.title', view.title, 24, 'plain_text');
      if (view.submit !== undefined) text('view.submit', view.submit, 24, 'plain_text');
      if (view.close !== undefined) text('view.close', view.close, 24, 'plain_text');
      if (typeof view.private_metadata === 'string' && view.private_metadata.length > 3000) p('view', 'private_metadata > 3000');
      if (typeof view.callback_id === 'string' && view.callback_id.length > 255) p('view', 'callback_id > 255');
    }
  } else if (typeof payload.text === 'string' && payload.text.length > 40_000) {
    p('text', 'over 40000');
  }
  if (!Array.isArray(blocks)) return [...problems, 'blocks missing'];
  if (blocks.length > maxBlocks) p('blocks', `${blocks.length} > ${maxBlocks}`);
  const blockIds = new Set<string>();
  for (const [i, b] of blocks.entries()) {
    const where = `blocks[${i}]`;
    if (!isObj(b)) {
      p(where, 'not an object');
      continue;
    }
    if (typeof b.block_id === 'string') {
      if (b.block_id.length > 255) p(where, 'block_id > 255');
      if (blockIds.has(b.block_id)) p(where, `duplicate block_id ${b.block_id}`);
      blockIds.add(b.block_id);
    }
    switch (b.type) {
      case 'header':
        text(`${where}.text`, b.text, 150, 'plain_text');
        break;
      case 'section':
        if (b.text === undefined && b.fields === undefined) p(where, 'section without text or fields');
        if (b.text !== undefined) text(`${where}.text`, b.text, 3000);
        if (b.fields !== undefined) {
          if (!Array.isArray(b.fields) || b.fields.length > 10) p(where, 'more than 10 fields');
          for (const [k, f] of ((b.fields as unknown[]) ?? []).entries()) text(`${where}.fields[${k}]`, f, 2000);
        }
        if (b.accessory !== undefined) element(`${where}.accessory`, b.accessory);
        break;
      case 'context':
        if (!Array.isArray(b.elements) || b.elements.length === 0 || b.elements.length > 10) p(where, 'context needs 1 to 10 elements');
        for (const [k, e] of ((b.elements as unknown[]) ?? []).entries()) text(`${where}.elements[${k}]`, e, 3000);
        break;
      case 'actions': {
        const elements = (b.elements as unknown[]) ?? [];
        if (elements.length === 0 || elements.length > 25) p(where, `actions needs 1 to 25 elements, has ${elements.length}`);
        const ids = new Set<string>();
        for (const [k, e] of elements.entries()) {
          element(`${where}.elements[${k}]`, e);
          const id = isObj(e) ? e.action_id : undefined;
          if (typeof id === 'string') {
            if (ids.has(id)) p(where, `duplicate action_id ${id}`);
            ids.add(id);
          }
        }
        break;
      }
      case 'input':
        if (surface === 'message') p(where, 'input blocks only belong in modals and App Home');
        text(`${where}.label`, b.label, 2000, 'plain_text');
        if (b.hint !== undefined) text(`${where}.hint`, b.hint, 2000, 'plain_text');
        element(`${where}.element`, b.element);
        break;
      case 'divider':
        break;
      default:
        p(where, `unexpected block ${String(b.type)}`);
    }
  }
  return problems;
}
