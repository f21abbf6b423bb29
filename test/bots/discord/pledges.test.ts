// Pledges through Discord's native commands: the amount typed in Vietnamese style, shown in each member's language.
import { beforeEach, describe, expect, it } from 'vitest';
import { member, slash, useDiscord, type Member } from './support.js';

const t = useDiscord({ each: true });
let alice: Member;
let lan: Member;

type Embed = { title?: string; description?: string; fields?: Array<{ name: string; value: string }>; footer?: { text: string } };
type Data = { embeds?: Embed[] };
const text = (data: Data | undefined) =>
  (data?.embeds ?? [])
    .map((e) => [e.title, e.description, ...(e.fields ?? []).map((f) => `${f.name}: ${f.value}`), e.footer?.text].filter(Boolean).join('\n'))
    .join('\n')
    .replace(/[\u00a0\u202f]/g, ' ');

async function send(raw: { id: string }): Promise<Data | undefined> {
  await t.h.dispatch(raw);
  const [callback] = t.fake.callbacks(raw.id);
  return (callback as { data?: Data } | undefined)?.data;
}

beforeEach(async () => {
  alice = member('alice');
  lan = member('lan', { locale: 'vi' });
  await t.h.dispatch(slash(alice, 'group', [{ name: 'group', type: 3, value: 'Budget' }], 'create'));
  await t.h.dispatch(slash(alice, 'group', [{ name: 'members', type: 3, value: `<@${lan.id}>` }], 'add'));
  t.fake.take();
});

describe('pledges on Discord', () => {
  it('records a pledge from /pledge make and lists it with totals in each member’s language', async () => {
    const made = await send(
      slash(lan, 'pledge', [
        { name: 'what', type: 3, value: 'Sách cho thư viện' },
        { name: 'amount', type: 3, value: '1,5 triệu' },
        { name: 'currency', type: 3, value: 'VND' },
        { name: 'group', type: 3, value: 'Budget' },
      ], 'make'),
    );
    expect(text(made)).toContain('Đã ghi nhận đóng góp PL-1: 1.500.000 ₫ cho “Sách cho thư viện”, tới Budget.');
    const list = await send(slash(alice, 'pledges', [{ name: 'group', type: 3, value: 'Budget' }]));
    expect(text(list)).toContain('PL-1 ₫1,500,000 — Sách cho thư viện');
    expect(text(list)).toContain('Total: ₫1,500,000');
    const refused = await send(slash(alice, 'pledge', [{ name: 'what', type: 3, value: 'Something' }], 'make'));
    expect(text(refused)).toContain('Say what you pledge with one of');
  });
});
