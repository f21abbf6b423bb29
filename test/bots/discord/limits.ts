// Checks a Discord payload against the documented limits, independently of the renderer's own constants.

interface Embed {
  title?: string;
  description?: string;
  fields?: Array<{ name: string; value: string }>;
  footer?: { text: string };
  author?: { name: string };
}

interface Component {
  type: number;
  custom_id?: string;
  label?: string;
  options?: Array<{ label: string; value: string; description?: string }>;
  components?: Component[];
  component?: Component;
  placeholder?: string;
  max_values?: number;
  min_values?: number;
}

const len = (s: string | undefined) => (s ?? '').length;

export function embedChars(e: Embed): number {
  return len(e.title) + len(e.description) + len(e.footer?.text) + len(e.author?.name) + (e.fields ?? []).reduce((n, f) => n + len(f.name) + len(f.value), 0);
}

/** Problems with a message body (channel post, edit, interaction reply or follow-up). Empty when Discord would accept it. */
export function messageProblems(body: { content?: string; embeds?: Embed[]; components?: Component[] }): string[] {
  const problems: string[] = [];
  const embeds = body.embeds ?? [];
  if (len(body.content) > 2000) problems.push(`content ${len(body.content)} > 2000`);
  if (embeds.length > 10) problems.push(`${embeds.length} embeds > 10`);
  let total = 0;
  for (const e of embeds) {
    if (len(e.title) > 256) problems.push(`embed title ${len(e.title)} > 256`);
    if (len(e.description) > 4096) problems.push(`embed description ${len(e.description)} > 4096`);
    if ((e.fields ?? []).length > 25) problems.push(`${e.fields?.length} fields > 25`);
    for (const f of e.fields ?? []) {
      if (len(f.name) > 256 || len(f.name) === 0) problems.push(`field name ${len(f.name)}`);
      if (len(f.value) > 1024 || f.value.trim() === '') problems.push(`field value ${len(f.value)}`);
    }
    if (len(e.footer?.text) > 2048) problems.push(`footer ${len(e.footer?.text)} > 2048`);
    total += embedChars(e);
  }
  if (total > 6000) problems.push(`embeds total ${total} > 6000`);
  const rows = body.components ?? [];
  if (rows.length > 5) problems.push(`${rows.length} action rows > 5`);
  const ids = new Set<string>();
  for (const row of rows) {
    if (row.type !== 1) problems.push(`top-level component type ${row.type}`);
    const inner = row.components ?? [];
    const buttons = inner.filter((c) => c.type === 2);
    const selects = inner.filter((c) => c.type === 3);
    if (buttons.length > 5) problems.push(`${buttons.length} buttons in a row > 5`);
    if (selects.length > 0 && inner.length > 1) problems.push('a select shares its row');
    for (const c of inner) {
      if (c.custom_id !== undefined) {
        if (c.custom_id.length > 100 || c.custom_id.length === 0) problems.push(`custom_id ${c.custom_id.length}: ${c.custom_id}`);
        if (ids.has(c.custom_id)) problems.push(`duplicate custom_id ${c.custom_id}`);
        ids.add(c.custom_id);
      }
      if (c.type === 2 && (len(c.label) > 80 || len(c.label) === 0)) problems.push(`button label ${len(c.label)}`);
      if (c.type === 3) {
        const options = c.options ?? [];
        if (options.length > 25 || options.length === 0) problems.push(`${options.length} select options`);
        if (len(c.placeholder) > 150) problems.push(`placeholder ${len(c.placeholder)} > 150`);
        if ((c.max_values ?? 1) > options.length) problems.push('max_values above the option count');
        const values = new Set<string>();
        for (const o of options) {
          if (len(o.label) > 100 || len(o.label) === 0) problems.push(`option label ${len(o.label)}`);
          if (len(o.value) > 100 || len(o.value) === 0) problems.push(`option value ${len(o.value)}`);
          if (values.has(o.value)) problems.push(`duplicate option value ${o.value}`);
          values.add(o.value);
        }
      }
    }
  }
  return problems;
}

export function modalProblems(modal: { custom_id: string; title: string; components: Component[] }): string[] {
  const problems: string[] = [];
  if (modal.custom_id.length > 100) problems.push(`modal custom_id ${modal.custom_id.length}`);
  if (modal.title.length > 45 || modal.title.length === 0) problems.push(`modal title ${modal.title.length}`);
  if (modal.components.length > 5 || modal.components.length === 0) problems.push(`${modal.components.length} modal components`);
  for (const c of modal.components) {
    const input = c.type === 18 ? c.component : c.components?.[0];
    if (c.type === 18 && (len(c.label) > 45 || len(c.label) === 0)) problems.push(`modal label ${len(c.label)}`);
    if (c.type === 18 && len((c as { description?: string }).description) > 100) problems.push('modal label description > 100');
    const text = input as { custom_id?: string; placeholder?: string; value?: string } | undefined;
    if (len(text?.custom_id) > 100) problems.push('input custom_id > 100');
    if (len(text?.placeholder) > 100) problems.push(`input placeholder ${len(text?.placeholder)}`);
    if (len(text?.value) > 4000) problems.push('input value > 4000');
  }
  return problems;
}
