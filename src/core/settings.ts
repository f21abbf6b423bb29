// Language, time zone and reminder settings, per workspace and per member (the member's choice wins).
import type { Command } from './commands/types.js';
import type { Session } from './context.js';
import { describeOffsets } from './commitments/schedule.js';
import { requireWorkspaceAdmin } from './access.js';
import { translator } from './i18n/index.js';
import { notice, type View } from './views/types.js';

type SettingsCommand = Extract<Command, { name: 'settings.show' | 'settings.locale' | 'settings.timezone' | 'settings.reminder' | 'settings.groupCreation' }>;


export async function runSettingsCommand(s: Session, c: SettingsCommand): Promise<View[]> {
  switch (c.name) {
    case 'settings.show': {
      const w = s.workspace;
      const unset = s.t({ key: 'settings.unset' });
      const commitments = await s.tx.commitments.settings(w.id);
      const retention = await s.tx.disputes.retentionDays(w.id);
      const groupCreation = await s.tx.workspaces.groupCreation(w.id);
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
          ],
          actions: [],
          footer: s.t({ key: 'settings.footer' }),
        },
      ];
    }
    case 'settings.locale': {
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
    case 'settings.timezone': {
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
    case 'settings.reminder': {
      requireWorkspaceAdmin(s);
      if (s.workspace.reminderHours === c.hours) {
        return [notice('info', s.t({ key: c.hours === 0 ? 'settings.reminderAlreadyOff' : 'settings.reminderAlready', params: { count: c.hours } }))];
      }
      await s.tx.workspaces.update(s.workspace.id, { reminderHours: c.hours });
      await audit(s, 'settings.reminder', { hours: c.hours });
      return [notice('success', s.t({ key: c.hours === 0 ? 'settings.reminderOff' : 'settings.reminderSet', params: { count: c.hours } }))];
    }
    case 'settings.groupCreation': {
      requireWorkspaceAdmin(s);
      await s.tx.workspaces.setGroupCreation(s.workspace.id, c.policy);
      await audit(s, 'settings.group-creation', { policy: c.policy });
      return [notice('success', s.t({ key: `settings.groupCreationSet.${c.policy}` }))];
    }
  }
}

async function audit(s: Session, action: string, data: Record<string, unknown>) {
  await s.tx.audit.append(s.workspace.id, s.now, { actorId: s.actor.id, action, subject: null, data });
}
