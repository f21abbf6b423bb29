// Words only the Slack surfaces need (modals, App Home), in English and Vietnamese; everything else comes from core's catalogs.
import { translate } from '../../core/i18n/index.js';
import type { Catalog, Locale, Msg } from '../../core/i18n/types.js';

const en: Catalog = {
  'slack.propose.title': 'New proposal',
  'slack.propose.submit': 'Propose',
  'slack.cancel': 'Cancel',
  'slack.propose.field.title': 'Title',
  'slack.propose.field.body': 'Description',
  'slack.propose.group.placeholder': 'This channel’s group',
  'slack.propose.rule.placeholder': 'Choose how to decide',
  'slack.propose.field.options': 'Options',
  'slack.propose.options.hint': 'One option per line, from {min} to {max}.',
  'slack.propose.field.dots': 'Dots per member',
  'slack.propose.field.threshold': 'Share of yes needed',
  'slack.propose.threshold.default': 'More than half',
  'slack.propose.threshold.unanimous': 'Everyone (100%)',
  'slack.propose.field.closeDate': 'Closing date',
  'slack.propose.field.closeTime': 'Closing time',
  'slack.propose.close.hint': 'In your Slack time zone ({zone}). A date without a time closes at the end of that day.',
  'slack.propose.close.hintNoZone': 'In your Concord time zone. A date without a time closes at the end of that day.',
  'slack.propose.field.quorum': 'Quorum (% of the group)',
  'slack.propose.field.ballots': 'Ballots',
  'slack.propose.anonymous': 'Anonymous',
  'slack.propose.field.results': 'Show the results',
  'slack.propose.results.never': 'All the time',
  'slack.propose.results.until-vote': 'Once the member has voted',
  'slack.propose.results.until-close': 'When the proposal closes',
  'slack.reason.title': 'Your reason',
  'slack.reason.submit': 'Send',
  'slack.field.reason': 'Reason',
  'slack.field.reasonOptional': 'Reason (optional)',
  'slack.ballot.submit': 'Vote',
  'slack.ballot.rank': 'Choice {rank}',
  'slack.ballot.scorePlaceholder': 'Score',
  'slack.ballot.dotsHint': 'You have {count} dots in all.',
  'slack.ballot.approve': 'Options you approve',
  'slack.error.optionCount': 'Give from {min} to {max} options, one per line.',
  'slack.error.optionPipe': 'An option cannot contain “|”: {option}',
  'slack.error.optionDuplicate': '“{option}” is listed twice.',
  'slack.error.optionLength': 'Options are at most {max} characters: “{option}”.',
  'slack.error.timeWithoutDate': 'Pick a date for this time.',
  'slack.error.rankRepeat': '{option} is already ranked above.',
  'slack.error.rankGap': 'Fill in the choices in order, without gaps.',
  'slack.error.noScore': 'Score at least one option.',
  'slack.error.tooManyDots': 'That is {used} dots; you have {count}.',
  'slack.error.noDots': 'Place at least one dot.',
  'slack.error.noApproval': 'Choose at least one option.',
  'slack.retry': 'To try again, correct it and run: {command}',
  'slack.home.title': 'Concord',
  'slack.home.intro': 'Propose, decide and keep a record with your groups. Type `/concord help` in any channel to see every command.',
  'slack.home.newProposal': 'New proposal',
  'slack.home.updated': 'Updated {date}',
  'slack.list.more.one': '…and {count} more.',
  'slack.list.more.other': '…and {count} more.',
  'slack.cut': '…shortened to fit in Slack. Run the command again with fewer results or open it in Concord’s App Home.',
};

const vi: Catalog = {
  'slack.propose.title': 'Đề xuất mới',
  'slack.propose.submit': 'Đề xuất',
  'slack.cancel': 'Hủy',
  'slack.propose.field.title': 'Tiêu đề',
  'slack.propose.field.body': 'Mô tả',
  'slack.propose.group.placeholder': 'Nhóm của kênh này',
  'slack.propose.rule.placeholder': 'Chọn cách quyết định',
  'slack.propose.field.options': 'Các phương án',
  'slack.propose.options.hint': 'Mỗi dòng một phương án, từ {min} đến {max}.',
  'slack.propose.field.dots': 'Số chấm mỗi người',
  'slack.propose.field.threshold': 'Tỉ lệ phiếu thuận cần đạt',
  'slack.propose.threshold.default': 'Hơn một nửa',
  'slack.propose.threshold.unanimous': 'Tất cả (100%)',
  'slack.propose.field.closeDate': 'Ngày kết thúc',
  'slack.propose.field.closeTime': 'Giờ kết thúc',
  'slack.propose.close.hint': 'Theo múi giờ Slack của bạn ({zone}). Nếu chỉ chọn ngày, đề xuất kết thúc vào cuối ngày đó.',
  'slack.propose.close.hintNoZone': 'Theo múi giờ Concord của bạn. Nếu chỉ chọn ngày, đề xuất kết thúc vào cuối ngày đó.',
  'slack.propose.field.quorum': 'Túc số (% thành viên nhóm)',
  'slack.propose.field.ballots': 'Phiếu bầu',
  'slack.propose.anonymous': 'Ẩn danh',
  'slack.propose.field.results': 'Hiện kết quả',
  'slack.propose.results.never': 'Mọi lúc',
  'slack.propose.results.until-vote': 'Sau khi thành viên đã bỏ phiếu',
  'slack.propose.results.until-close': 'Khi đề xuất kết thúc',
  'slack.reason.title': 'Lý do của bạn',
  'slack.reason.submit': 'Gửi',
  'slack.field.reason': 'Lý do',
  'slack.field.reasonOptional': 'Lý do (không bắt buộc)',
  'slack.ballot.submit': 'Bỏ phiếu',
  'slack.ballot.rank': 'Lựa chọn {rank}',
  'slack.ballot.scorePlaceholder': 'Điểm',
  'slack.ballot.dotsHint': 'Bạn có tổng cộng {count} chấm.',
  'slack.ballot.approve': 'Các phương án bạn tán thành',
  'slack.error.optionCount': 'Hãy nhập từ {min} đến {max} phương án, mỗi dòng một phương án.',
  'slack.error.optionPipe': 'Phương án không được chứa “|”: {option}',
  'slack.error.optionDuplicate': '“{option}” bị nhập hai lần.',
  'slack.error.optionLength': 'Mỗi phương án tối đa {max} ký tự: “{option}”.',
  'slack.error.timeWithoutDate': 'Hãy chọn ngày cho giờ này.',
  'slack.error.rankRepeat': '{option} đã được xếp ở trên.',
  'slack.error.rankGap': 'Hãy điền các lựa chọn theo thứ tự, không bỏ trống.',
  'slack.error.noScore': 'Hãy chấm điểm ít nhất một phương án.',
  'slack.error.tooManyDots': 'Bạn đã dùng {used} chấm; bạn chỉ có {count}.',
  'slack.error.noDots': 'Hãy đặt ít nhất một chấm.',
  'slack.error.noApproval': 'Hãy chọn ít nhất một phương án.',
  'slack.retry': 'Để thử lại, hãy sửa và chạy: {command}',
  'slack.home.title': 'Concord',
  'slack.home.intro': 'Đề xuất, quyết định và lưu hồ sơ cùng các nhóm của bạn. Gõ `/concord help` ở bất kỳ kênh nào để xem mọi lệnh.',
  'slack.home.newProposal': 'Đề xuất mới',
  'slack.home.updated': 'Cập nhật {date}',
  'slack.list.more.other': '…và {count} mục nữa.',
  'slack.cut': '…đã rút gọn cho vừa Slack. Hãy chạy lại lệnh với ít kết quả hơn hoặc mở App Home của Concord.',
};

export const slackMessages: Record<Locale, Catalog> = { en, vi };

const plural: Record<Locale, Intl.PluralRules> = { en: new Intl.PluralRules('en'), vi: new Intl.PluralRules('vi') };

function lookup(locale: Locale, key: string, count: number | undefined): string | undefined {
  const catalog = slackMessages[locale];
  if (count !== undefined) {
    const variant = catalog[`${key}.${plural[locale].select(count)}`] ?? catalog[`${key}.other`];
    if (variant !== undefined) return variant;
  }
  return catalog[key];
}

export type SlackTranslator = (key: string, params?: Msg['params']) => string;

/** Slack's own words first, then core's catalogs (rule names, card labels, flag descriptions). */
export function slackText(locale: Locale): SlackTranslator {
  return (key, params) => {
    const count = typeof params?.count === 'number' ? params.count : undefined;
    const template = lookup(locale, key, count) ?? lookup('en', key, count);
    if (template === undefined) return translate(locale, params ? { key, params } : { key });
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));
  };
}

/** Slack's locale ("vi-VN", "en-GB") as one Concord speaks, when it speaks it. */
export function localeFromSlack(slackLocale: string | undefined | null): Locale | undefined {
  const language = slackLocale?.toLowerCase().split(/[-_]/)[0];
  return language === 'vi' || language === 'en' ? language : undefined;
}
