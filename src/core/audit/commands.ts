// The audit commands: `audit` reads the latest entries, `audit verify` proves the chain (and a receipt) intact.
import { z } from 'zod';
import { text } from '../commands/args.js';
import { defineCommand } from '../commands/declare.js';
import type { View } from '../views/types.js';
import { listAudit, verifyAudit } from './service.js';

export const audit = defineCommand({
  name: 'audit',
  words: ['audit'],
  area: 'audit',
  flags: [
    {
      name: 'limit',
      key: 'limit',
      value: { kind: 'integer', min: 1, max: 200 },
      placeholder: '<n>',
      default: '20',
      description: 'cmd.flag.limit',
    },
  ],
  summary: 'cmd.summary.audit',
  detail: 'cmd.detail.audit',
  examples: [{ text: 'audit' }, { text: 'audit --limit 50' }],
  schema: z.object({ limit: z.number().int().default(20) }),
  run: (s, c): Promise<View[]> => listAudit(s, c.limit),
});

export const auditVerify = defineCommand({
  name: 'audit.verify',
  words: ['audit', 'verify'],
  area: 'audit',
  flags: [{ name: 'receipt', key: 'receipt', value: { kind: 'text', max: 100 }, placeholder: '<receipt>', description: 'cmd.flag.receipt' }],
  summary: 'cmd.summary.audit.verify',
  detail: 'cmd.detail.audit.verify',
  examples: [{ text: 'audit verify' }, { text: 'audit verify --receipt 7-0f3a9c1e5b7d2f4a6c8e0b1d3f5a7c9e' }],
  schema: z.object({ receipt: text.optional() }),
  run: (s, c): Promise<View[]> => verifyAudit(s, c.receipt),
});

export const auditCommands = [audit, auditVerify] as const;
