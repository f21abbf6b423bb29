// The mediation commands: ask for mediation, move a case through its stages, talk in private, agree, close it,
// and list or look at cases.
import { z } from 'zod';
import { disputeArg, groupFlag, ID, id, member, NAME, text } from '../commands/args.js';
import { MAX_PARTIES } from '../commands/caps.js';
import { defineCommand } from '../commands/declare.js';
import type { View } from '../views/types.js';
import { DISPUTE_OUTCOMES } from './ports.js';
import {
  addNote,
  caucus,
  closeMediation,
  listMediations,
  nextStage,
  proposeAgreement,
  requestMediation,
  respondToMediation,
  setPaused,
  showMediation,
} from './service.js';

/** `dispute` is omitted inside the dispute's private space, where it is implied. */
const disputeOnly = z.object({ dispute: id.optional() });

export const mediateCommand = defineCommand({
  name: 'mediate',
  words: ['mediate'],
  area: 'mediation',
  args: [{ key: 'parties', placeholder: '@member @member [@member...]', value: { kind: 'member' }, required: true, take: 'many', max: MAX_PARTIES, description: 'cmd.arg.parties' }],
  flags: [
    { name: 'topic', key: 'topic', value: { kind: 'text', max: 300 }, placeholder: '"<what it is about>"', required: true, description: 'cmd.flag.topic' },
    { name: 'mediator', key: 'mediator', value: { kind: 'member' }, placeholder: '@member', description: 'cmd.flag.mediator' },
    groupFlag('cmd.flag.group.mediation'),
    { name: 'confidential', key: 'confidential', value: { kind: 'boolean' }, description: 'cmd.flag.confidential' },
    { name: 'proposal', key: 'proposal', value: ID, placeholder: '<id>', description: 'cmd.flag.mediationProposal' },
  ],
  summary: 'cmd.summary.mediate',
  detail: 'cmd.detail.mediate',
  examples: [{ text: 'mediate @lan @minh --topic "Who leads the outreach budget" --group Budget --confidential', sample: 'cmd.sample.mediate.0' }],
  schema: z
    .object({ parties: z.array(member).min(1), topic: text, mediator: member.optional(), group: text.optional(), confidential: z.boolean().default(false), proposal: id.optional() })
    .transform((v) => ({ ...v, parties: [...new Set(v.parties)] })),
  run: (s, c): Promise<View[]> => requestMediation(s, c),
});

export const mediationNext = defineCommand({
  name: 'mediation.next',
  words: ['mediation', 'next'],
  area: 'mediation',
  args: [disputeArg],
  summary: 'cmd.summary.mediation.next',
  detail: 'cmd.detail.mediation.next',
  examples: [{ text: 'mediation next' }, { text: 'mediation next 3' }],
  schema: disputeOnly,
  run: (s, c): Promise<View[]> => nextStage(s, c.dispute),
});

export const mediationNote = defineCommand({
  name: 'mediation.note',
  words: ['mediation', 'note'],
  area: 'mediation',
  args: [disputeArg, { key: 'text', placeholder: '"<text>"', value: { kind: 'text', max: 4000 }, required: true, take: 'rest', description: 'cmd.arg.noteText' }],
  summary: 'cmd.summary.mediation.note',
  detail: 'cmd.detail.mediation.note',
  examples: [{ text: 'mediation note "Both want the outreach to reach rural members"', sample: 'cmd.sample.mediation.note.0' }, { text: 'mediation note 3 "Follow up on the venue"', sample: 'cmd.sample.mediation.note.1' }],
  schema: z.object({ dispute: id.optional(), text }),
  run: (s, c): Promise<View[]> => addNote(s, c.dispute, c.text),
});

export const mediationCaucus = defineCommand({
  name: 'mediation.caucus',
  words: ['mediation', 'caucus'],
  area: 'mediation',
  args: [
    disputeArg,
    { key: 'member', placeholder: '@member', value: { kind: 'member' }, required: true, take: 'one', description: 'cmd.arg.caucusMember' },
    { key: 'text', placeholder: '[<message>]', value: { kind: 'text', max: 4000 }, required: false, take: 'rest', description: 'cmd.arg.caucusText' },
  ],
  summary: 'cmd.summary.mediation.caucus',
  detail: 'cmd.detail.mediation.caucus',
  examples: [{ text: 'mediation caucus @lan "Can we talk about what matters most to you?"', sample: 'cmd.sample.mediation.caucus.0' }],
  schema: z.object({ dispute: id.optional(), member, text: text.optional() }),
  run: (s, c): Promise<View[]> => caucus(s, c.dispute, c.member, c.text),
});

export const mediationPause = defineCommand({
  name: 'mediation.pause',
  words: ['mediation', 'pause'],
  area: 'mediation',
  args: [disputeArg],
  summary: 'cmd.summary.mediation.pause',
  detail: 'cmd.detail.mediation.pause',
  examples: [{ text: 'mediation pause' }],
  schema: disputeOnly,
  run: (s, c): Promise<View[]> => setPaused(s, c.dispute, true),
});

export const mediationResume = defineCommand({
  name: 'mediation.resume',
  words: ['mediation', 'resume'],
  area: 'mediation',
  args: [disputeArg],
  summary: 'cmd.summary.mediation.resume',
  detail: 'cmd.detail.mediation.resume',
  examples: [{ text: 'mediation resume' }],
  schema: disputeOnly,
  run: (s, c): Promise<View[]> => setPaused(s, c.dispute, false),
});

export const mediationPropose = defineCommand({
  name: 'mediation.propose',
  words: ['mediation', 'propose-agreement'],
  area: 'mediation',
  args: [disputeArg, { key: 'terms', placeholder: '"<terms>"', value: { kind: 'text', max: 4000 }, required: true, take: 'rest', description: 'cmd.arg.terms' }],
  summary: 'cmd.summary.mediation.propose',
  detail: 'cmd.detail.mediation.propose',
  examples: [{ text: 'mediation propose-agreement "Lan leads outreach until March; Minh reviews the budget monthly"', sample: 'cmd.sample.mediation.propose.0' }],
  schema: z.object({ dispute: id.optional(), terms: text }),
  run: (s, c): Promise<View[]> => proposeAgreement(s, c.dispute, c.terms),
});

export const mediationAccept = defineCommand({
  name: 'mediation.accept',
  words: ['mediation', 'accept'],
  area: 'mediation',
  args: [disputeArg],
  summary: 'cmd.summary.mediation.accept',
  detail: 'cmd.detail.mediation.accept',
  examples: [{ text: 'mediation accept' }],
  schema: disputeOnly,
  run: (s, c): Promise<View[]> => respondToMediation(s, c.dispute, 'accepted'),
});

export const mediationDecline = defineCommand({
  name: 'mediation.decline',
  words: ['mediation', 'decline'],
  area: 'mediation',
  args: [disputeArg, { key: 'reason', placeholder: '[<why>]', value: { kind: 'text', max: 1000 }, required: false, take: 'rest', description: 'cmd.arg.declineReason' }],
  summary: 'cmd.summary.mediation.decline',
  detail: 'cmd.detail.mediation.decline',
  examples: [{ text: 'mediation decline "The review should be every two weeks"', sample: 'cmd.sample.mediation.decline.0' }],
  schema: z.object({ dispute: id.optional(), reason: text.optional() }),
  run: (s, c): Promise<View[]> => respondToMediation(s, c.dispute, 'declined', c.reason),
});

export const mediationClose = defineCommand({
  name: 'mediation.close',
  words: ['mediation', 'close'],
  area: 'mediation',
  args: [
    disputeArg,
    {
      key: 'outcome',
      placeholder: DISPUTE_OUTCOMES.join('|'),
      value: { kind: 'choice', values: DISPUTE_OUTCOMES },
      required: true,
      take: 'one',
      description: 'cmd.arg.mediationOutcome',
    },
  ],
  flags: [
    { name: 'summary', key: 'summary', value: { kind: 'text', max: 2000 }, placeholder: '"<public summary>"', description: 'cmd.flag.summary' },
    { name: 'to', key: 'to', value: NAME, placeholder: '<group>', description: 'cmd.flag.escalateTo' },
  ],
  summary: 'cmd.summary.mediation.close',
  detail: 'cmd.detail.mediation.close',
  examples: [
    { text: 'mediation close resolved --summary "The parties agreed on shared leadership of outreach"', sample: 'cmd.sample.mediation.close.0' },
    { text: 'mediation close 3 escalated --to "Steering Committee"', sample: 'cmd.sample.mediation.close.1' },
  ],
  schema: z.object({ dispute: id.optional(), outcome: z.enum(DISPUTE_OUTCOMES), summary: text.optional(), to: text.optional() }),
  run: (s, c): Promise<View[]> => closeMediation(s, c),
});

export const mediationList = defineCommand({
  name: 'mediation.list',
  words: ['mediations'],
  area: 'mediation',
  summary: 'cmd.summary.mediation.list',
  detail: 'cmd.detail.mediation.list',
  examples: [{ text: 'mediations' }],
  schema: z.object({}),
  run: (s): Promise<View[]> => listMediations(s),
});

export const mediationShow = defineCommand({
  name: 'mediation.show',
  words: ['mediation'],
  area: 'mediation',
  args: [disputeArg],
  summary: 'cmd.summary.mediation.show',
  detail: 'cmd.detail.mediation.show',
  examples: [{ text: 'mediation 3' }],
  schema: disputeOnly,
  run: (s, c): Promise<View[]> => showMediation(s, c.dispute),
});

export const mediationCommands = [
  mediateCommand,
  mediationNext,
  mediationNote,
  mediationCaucus,
  mediationPause,
  mediationResume,
  mediationPropose,
  mediationAccept,
  mediationDecline,
  mediationClose,
  mediationList,
  mediationShow,
] as const;
