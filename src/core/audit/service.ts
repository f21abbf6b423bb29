// The audit commands: read recent entries, and recompute the whole chain to prove nothing was altered.
import type { Session } from '../context.js';
import type { AuditEntry, Tx } from '../ports.js';
import { notice, type View } from '../views/types.js';
import { ChainVerifier } from './chain.js';
import { readableRecentAudit, readerOf } from '../groups/visibility.js';

const PAGE = 5000;

export async function listAudit(s: Session, limit: number): Promise<View[]> {
  // Entries about a private group are for its members and invitees only.
  const entries = await readableRecentAudit(s.tx, s.workspace.id, readerOf(s), limit);
  const names = new Map<number, string>();
  for (const e of entries) {
    if (e.actorId !== null && !names.has(e.actorId)) names.set(e.actorId, (await s.tx.getMember(e.actorId)).displayName);
  }
  return [
    {
      type: 'list',
      title: s.t({ key: 'audit.title', params: { count: entries.length } }),
      items: entries.map((e) => ({
        text: `#${e.seq} ${e.at.slice(0, 16).replace('T', ' ')}Z ${e.actorId === null ? s.t({ key: 'audit.system' }) : `@${names.get(e.actorId)}`} ${e.action}${e.subject ? ` ${e.subject}` : ''}`,
        detail: `${summarise(e)}  ${e.hash.slice(0, 12)}`,
      })),
      empty: s.t({ key: 'audit.empty' }),
    },
  ];
}

function summarise(e: AuditEntry): string {
  const parts = Object.entries(e.data)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
  const text = parts.join(' ');
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

export type VerifyOutcome = { ok: true; count: number } | { ok: false; count: number; firstBadSeq: number; reason: string };

/** Streams the chain page by page, so a long log never sits in memory at once. */
export async function verifyWorkspaceChain(tx: Tx, workspaceId: number): Promise<VerifyOutcome> {
  const verifier = new ChainVerifier();
  let after = 0;
  for (;;) {
    const page = await tx.auditPage(workspaceId, after, PAGE);
    for (const entry of page) {
      const failure = verifier.push(entry);
      if (failure) return failure;
    }
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.seq;
  }
  const result = verifier.result();
  if (!result.ok) return result;
  // Entries cut off the end leave a valid but shorter chain: the head remembers how long it was.
  const head = await tx.auditHead(workspaceId);
  if (head && head.seq !== result.count) {
    return { ok: false, count: result.count, firstBadSeq: result.count + 1, reason: 'truncated' };
  }
  return result;
}

export async function verifyAudit(s: Session): Promise<View[]> {
  const outcome = await verifyWorkspaceChain(s.tx, s.workspace.id);
  if (outcome.ok) return [notice('success', s.t({ key: 'audit.intact', params: { count: outcome.count } }))];
  return [notice('danger', s.t({ key: 'audit.broken', params: { seq: outcome.firstBadSeq, reason: s.t({ key: `audit.reason.${outcome.reason}` }), count: outcome.count } }))];
}
