// The commitments module's job keys, and the weekly digest's place on the schedule (apart from the job handlers, so groups can schedule a digest without importing them).
import type { Tx } from '../ports.js';
import type { Workspace } from '../members/ports.js';

export const commitmentJobKeys = {
  remind: (id: number, offset: string, memberId: number) => `commitment:${id}:remind:${offset}:${memberId}`,
  overdue: (id: number) => `commitment:${id}:overdue`,
  escalate: (id: number) => `commitment:${id}:escalate`,
  digest: (groupId: number) => `group:${groupId}:digest`,
};

/** Puts the group's next weekly digest on the schedule (or takes it off). */
export async function scheduleDigest(tx: Tx, groupId: number, workspace: Workspace, now: Date): Promise<void> {
  const { digestDay, digestHour } = await tx.commitments.groupSettings(groupId);
  if (!digestDay) {
    await tx.jobs.cancel([commitmentJobKeys.digest(groupId)]);
    return;
  }
  const { DateTime } = await import('luxon');
  const local = DateTime.fromJSDate(now, { zone: workspace.timezone });
  let next = local.set({ weekday: digestDay as 1 | 2 | 3 | 4 | 5 | 6 | 7, hour: digestHour, minute: 0, second: 0, millisecond: 0 });
  if (next <= local) next = next.plus({ weeks: 1 });
  await tx.jobs.schedule({ kind: 'group.digest', key: commitmentJobKeys.digest(groupId), runAt: next.toJSDate(), payload: { groupId } }, 'replace');
}
