// Words only the Discord surfaces need (modals, ballots, cut notes), in English and Vietnamese; everything else comes from core's catalogs.
import { adapterText, localeOfTag, type AdapterTranslator } from '../shared/catalog.js';
import type { Catalog, Locale } from '../../core/i18n/types.js';

const en = {
  'discord.command.concord': 'Run any Concord command as you would type it, such as help or propose.',
  'discord.option.text': 'The command line after /concord, such as: propose "Adopt the budget" --rule consent',
  'discord.option.filter': 'Which commitments: open ones (default), yours, overdue ones, or all.',
  'discord.filter.open': 'Open',
  'discord.filter.mine': 'Mine',
  'discord.filter.overdue': 'Overdue',
  'discord.filter.all': 'All, including done and cancelled',
  'discord.tally': 'Tally',
  'discord.page': '{title} ({page}/{pages})',
  'discord.cut': '…shortened to fit in Discord.',
  'discord.more.one': '…and {count} more.',
  'discord.more.other': '…and {count} more.',
  'discord.moreActions': 'More actions…',
  'discord.runCommand': 'Run it yourself',
  'discord.reason.label': 'Reason',
  'discord.reason.optional': 'Reason (optional)',
  'discord.form.title': 'A few details',
  'discord.ballot.title': 'Ballot: proposal #{number}',
  'discord.ballot.approve': 'Choose the options you approve',
  'discord.ballot.rankPlaceholder': 'Your choice {rank}',
  'discord.ballot.rankedSoFar': 'Your ranking so far:',
  'discord.ballot.rankNone': 'Pick your first choice below.',
  'discord.ballot.submitRanking': 'Vote with this ranking',
  'discord.ballot.startOver': 'Start over',
  'discord.ballot.lines': 'One option per line: put the number after “=”',
  'discord.ballot.scoreHint': '0 to {max}; left empty counts as 0',
  'discord.ballot.dotsHint': 'You have {count} dots in all',
  'discord.ballot.closed': 'Proposal #{number} is not open for voting any more.',
  'discord.ballot.slow': 'Concord is busy: press the button again in a moment.',
  'discord.noWorkspace': 'Concord works inside a server. Use it in a channel of your server.',
  'discord.notMember': 'You are not a member of the server this would act in, so Concord did nothing.',
  'discord.unknownAction': 'This button is from an older version of Concord. Run the command again, or use `/concord`.',
  'discord.failed': 'Something went wrong on our side (error {id}). Please try again.',
  'discord.space.missingPermissions': 'Concord is missing permissions in <#{channel}>: {permissions}; ask a server admin to grant them to the Concord role',
  'discord.space.stranger': 'someone who is not part of the mediation is in the private thread and Concord could not remove them, so nothing private is posted there: remove them in Discord',
  'discord.permission.viewChannel': 'View Channel',
  'discord.permission.createPrivateThreads': 'Create Private Threads',
  'discord.permission.sendMessagesInThreads': 'Send Messages in Threads',
} satisfies Catalog;

export type DiscordKey = keyof typeof en;

const vi: Record<DiscordKey, string> = {
  'discord.command.concord': 'Chạy bất kỳ lệnh Concord nào như khi gõ, ví dụ help hoặc propose.',
  'discord.option.text': 'Dòng lệnh sau /concord, ví dụ: propose "Thông qua ngân sách" --rule consent',
  'discord.option.filter': 'Cam kết nào: đang mở (mặc định), của bạn, quá hạn, hoặc tất cả.',
  'discord.filter.open': 'Đang mở',
  'discord.filter.mine': 'Của tôi',
  'discord.filter.overdue': 'Quá hạn',
  'discord.filter.all': 'Tất cả, kể cả đã xong và đã hủy',
  'discord.tally': 'Kết quả',
  'discord.page': '{title} ({page}/{pages})',
  'discord.cut': '…đã rút gọn cho vừa Discord.',
  'discord.more.one': '…và {count} mục nữa.',
  'discord.more.other': '…và {count} mục nữa.',
  'discord.moreActions': 'Thao tác khác…',
  'discord.runCommand': 'Tự chạy lệnh',
  'discord.reason.label': 'Lý do',
  'discord.reason.optional': 'Lý do (không bắt buộc)',
  'discord.form.title': 'Thêm vài chi tiết',
  'discord.ballot.title': 'Phiếu bầu: đề xuất #{number}',
  'discord.ballot.approve': 'Chọn các phương án bạn tán thành',
  'discord.ballot.rankPlaceholder': 'Lựa chọn thứ {rank} của bạn',
  'discord.ballot.rankedSoFar': 'Thứ hạng bạn đã chọn:',
  'discord.ballot.rankNone': 'Chọn lựa chọn đầu tiên của bạn bên dưới.',
  'discord.ballot.submitRanking': 'Bỏ phiếu với thứ hạng này',
  'discord.ballot.startOver': 'Làm lại',
  'discord.ballot.lines': 'Mỗi dòng một phương án: ghi số sau dấu “=”',
  'discord.ballot.scoreHint': 'Từ 0 đến {max}; để trống tính là 0',
  'discord.ballot.dotsHint': 'Bạn có tổng cộng {count} chấm',
  'discord.ballot.closed': 'Đề xuất #{number} không còn mở để bỏ phiếu.',
  'discord.ballot.slow': 'Concord đang bận: hãy bấm lại nút sau giây lát.',
  'discord.noWorkspace': 'Concord hoạt động trong một máy chủ. Hãy dùng nó trong một kênh của máy chủ.',
  'discord.notMember': 'Bạn không phải thành viên của máy chủ mà thao tác này nhắm tới, nên Concord không làm gì cả.',
  'discord.unknownAction': 'Nút này thuộc phiên bản cũ của Concord. Hãy chạy lại lệnh, hoặc dùng `/concord`.',
  'discord.failed': 'Đã có lỗi từ phía chúng tôi (mã lỗi {id}). Vui lòng thử lại.',
  'discord.space.missingPermissions': 'Concord thiếu quyền trong <#{channel}>: {permissions}; hãy nhờ quản trị viên máy chủ cấp các quyền này cho vai trò Concord',
  'discord.space.stranger': 'có người không thuộc buổi hòa giải đang ở trong chủ đề riêng tư và Concord không thể mời họ ra, nên chưa có gì riêng tư được đăng ở đó: hãy mời họ ra trong Discord',
  'discord.permission.viewChannel': 'Xem kênh',
  'discord.permission.createPrivateThreads': 'Tạo chủ đề riêng tư',
  'discord.permission.sendMessagesInThreads': 'Gửi tin nhắn trong chủ đề',
};

export const discordMessages: Record<Locale, Catalog> = { en, vi };

export type DiscordTranslator = AdapterTranslator<DiscordKey>;

/** Discord's own words first, then core's catalogs. */
export const discordText: (locale: Locale) => DiscordTranslator = adapterText({ en, vi });

/** Discord's locale ("vi", "en-US") as one Concord speaks; English when it speaks neither. */
export function localeOf(discordLocale: string | null | undefined): Locale {
  return localeOfTag(discordLocale) ?? 'en';
}
