// Language, time zone and reminder settings, per workspace and per member (the member's choice wins).
import type { Session } from './context.js';
import { describeOffsets } from './commitments/schedule.js';
import { requireWorkspaceAdmin } from './access.js';
import { formatNumber, translator } from './i18n/index.js';
import type { Locale } from './i18n/types.js';
import { notice, type View } from './views/types.js';

/** Whose setting a command changes: the member's own, or the workspace's. */
type Scope = 'me' | 'workspace';

/** The settings card: the member's own choices, the workspace's, and what governs commitments and mediation. */
export async function showSettings(s: Session): Promise<View[]> {
  const w = s.workspace;
  const unset = s.t({ key: 'settings.unset' });
  const commitments = await s.tx.commitments.settings(w.id);
  const retention = await s.tx.disputes.retentionDays(w.id);
  const groupCreation = await s.tx.workspaces.groupCreation(w.id);
  const minCell = await s.tx.profiles.minCell(w.id);
  const threshold = await s.tx.inclusion.threshold(w.id);
  const retros = await s.tx.retros.settings(w.id);
  return [
    {
      type: 'card',
      title: s.t({ key: 'settings.title' }),
      fields: [
        { label: s.t({ key: 'settings.myLocale' }), value: s.actor.locale ?? unset },
        { label: s.t({ key: 'settings.myTimezone' }), value: s.actor.timezone ?? unset },
        { label: s.t({ key: 'settings.workspaceLocale' }), value: w.locale },
        { label: s.t({ key: 'settings.workspaceTimezone' }), value: w.timezone },
        { label: s.t({ key: 'settings.reminderHours' }), value: String(w.reminderHours) },
        { label: s.t({ key: 'settings.commitmentReminders' }), value: describeOffsets(commitments.reminders, s.locale) || s.t({ key: 'settings.none' }) },
        {
          label: s.t({ key: 'settings.quietHours' }),
          value: commitments.quietFrom === commitments.quietTo ? s.t({ key: 'settings.none' }) : `${commitments.quietFrom}:00–${commitments.quietTo}:00`,
        },
        { label: s.t({ key: 'settings.escalationHours' }), value: String(commitments.escalationHours) },
        { label: s.t({ key: 'settings.retentionDays' }), value: String(retention) },
        { label: s.t({ key: 'settings.groupCreation' }), value: s.t({ key: `settings.groupCreation.${groupCreation}` }) },
        { label: s.t({ key: 'settings.inclusionMinCell' }), value: String(minCell) },
        { label: s.t({ key: 'settings.inclusionThreshold' }), value: formatNumber(s.locale, threshold, 2) },
        { label: s.t({ key: 'settings.retroDots' }), value: `${retros.dots} (${retros.dotsPerItem})` },
        { label: s.t({ key: 'settings.kudosLimit' }), value: String(retros.kudosDailyLimit) },
      ],
      actions: [],
      footer: s.t({ key: 'settings.footer' }),
    },
  ];
}

/** Sets the member's language, or with `scope` workspace the workspace's (admins only). */
export async function setLocale(s: Session, c: { locale: Locale; scope: Scope }): Promise<View[]> {
  if ((c.scope === 'me' ? s.actor.locale : s.workspace.locale) === c.locale) {
    return [notice('info', s.t({ key: c.scope === 'me' ? 'settings.localeAlreadyMine' : 'settings.localeAlreadyWorkspace', params: { locale: c.locale } }))];
  }
  if (c.scope === 'workspace') {
    requireWorkspaceAdmin(s);
    await s.tx.workspaces.update(s.workspace.id, { locale: c.locale });
  } else {
    await s.tx.members.update(s.actor.id, { locale: c.locale });
  }
  await audit(s, 'settings.locale', { scope: c.scope, locale: c.locale });
  // The member's language from here on (the workspace's, unless they chose their own): the confirmation and the
  // reply's locale, which adapters remember for what they show next, are in it.
  if (c.scope === 'me' || !s.actor.locale) {
    s.locale = c.locale;
    s.t = translator(c.locale);
  }
  return [notice('success', s.t({ key: c.scope === 'me' ? 'settings.localeSetMine' : 'settings.localeSetWorkspace', params: { locale: c.locale } }))];
}

/** Sets the member's time zone, or with `scope` workspace the workspace's (admins only). */
export async function setTimezone(s: Session, c: { timezone: string; scope: Scope }): Promise<View[]> {
  if ((c.scope === 'me' ? s.actor.timezone : s.workspace.timezone) === c.timezone) {
    return [notice('info', s.t({ key: c.scope === 'me' ? 'settings.timezoneAlreadyMine' : 'settings.timezoneAlreadyWorkspace', params: { timezone: c.timezone } }))];
  }
  if (c.scope === 'workspace') {
    requireWorkspaceAdmin(s);
    await s.tx.workspaces.update(s.workspace.id, { timezone: c.timezone });
  } else {
    await s.tx.members.update(s.actor.id, { timezone: c.timezone });
  }
  await audit(s, 'settings.timezone', { scope: c.scope, timezone: c.timezone });
  return [notice('success', s.t({ key: c.scope === 'me' ? 'settings.timezoneSetMine' : 'settings.timezoneSetWorkspace', params: { timezone: c.timezone } }))];
}

/** How many hours before a deadline members who have not voted are reminded; 0 turns reminders off. */
export async function setReminderHours(s: Session, hours: number): Promise<View[]> {
  requireWorkspaceAdmin(s);
  if (s.workspace.reminderHours === hours) {
    return [notice('info', s.t({ key: hours === 0 ? 'settings.reminderAlreadyOff' : 'settings.reminderAlready', params: { count: hours } }))];
  }
  await s.tx.workspaces.update(s.workspace.id, { reminderHours: hours });
  await audit(s, 'settings.reminder', { hours });
  return [notice('success', s.t({ key: hours === 0 ? 'settings.reminderOff' : 'settings.reminderSet', params: { count: hours } }))];
}

/** Who may create groups. */
export async function setGroupCreation(s: Session, policy: 'anyone' | 'admins'): Promise<View[]> {
  requireWorkspaceAdmin(s);
  await s.tx.workspaces.setGroupCreation(s.workspace.id, policy);
  await audit(s, 'settings.group-creation', { policy });
  return [notice('success', s.t({ key: `settings.groupCreationSet.${policy}` }))];
}

async function audit(s: Session, action: string, data: Record<string, unknown>) {
  await s.tx.audit.append(s.workspace.id, s.now, { actorId: s.actor.id, action, subject: null, data });
}
