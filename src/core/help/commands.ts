// The `help` command: the overview of every command, or one command, family or topic explained. Help reads every
// declaration, this one included; the session brings it, so that this declaration does not import its own table.
import { z } from 'zod';
import { text } from '../commands/args.js';
import { defineCommand } from '../commands/declare.js';
import type { View } from '../views/types.js';

export const helpCommand = defineCommand({
  name: 'help',
  words: ['help'],
  area: 'help',
  args: [
    {
      key: 'topic',
      placeholder: '[<command>]',
      value: { kind: 'text', max: 200 },
      required: false,
      take: 'rest',
      description: 'cmd.arg.topic',
    },
  ],
  summary: 'cmd.summary.help',
  detail: 'cmd.detail.help',
  examples: [{ text: 'help' }, { text: 'help propose' }, { text: 'help group create' }],
  schema: z.object({ topic: text.optional() }),
  run: (s, c): Promise<View[]> => Promise.resolve([{ type: 'text', text: s.help(c.topic) }]),
});
