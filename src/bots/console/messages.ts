// The console's own words (its prompts and the labels around what Concord posts), in English and Vietnamese.
import { interpolate, type Locale } from '../../core/i18n/index.js';

const en = {
  'console.welcome': 'Concord local console. Type `alice: /concord help` to start; `@advance 3d` moves the clock; `@quit` leaves.',
  'console.lineFormat': '✗ Write a line as `name: /concord <command>` (for example `alice: /concord help`), or `name in #channel: /concord ...`. `@advance 3d` moves the clock; `@quit` leaves.',
  'console.badDuration': '✗ "@advance {text}" is not a duration. Try @advance 3d, @advance 2h or @advance 1d12h.',
  'console.clock': 'clock: {time}',
  'console.private': '[private #{channel}]',
  'console.cardUpdated': '{label} (card updated)',
  'console.spaceOpened': '{label} opened for {members}',
  'console.dm': '[DM @{member}]',
  'console.only': '[only @{member}]',
  'console.workspace': 'Local console',
  'console.chartSaved': 'Picture: {path}',
  'console.chartFailed': '✗ The picture could not be drawn ({reason}); the text above shows the same.',
} as const;

export type ConsoleKey = keyof typeof en;

const vi: Record<ConsoleKey, string> = {
  'console.welcome': 'Bảng điều khiển Concord trên máy. Gõ `alice: /concord help` để bắt đầu; `@advance 3d` để dời đồng hồ; `@quit` để thoát.',
  'console.lineFormat': '✗ Hãy viết mỗi dòng theo dạng `tên: /concord <lệnh>` (ví dụ `alice: /concord help`), hoặc `tên in #kênh: /concord ...`. `@advance 3d` để dời đồng hồ; `@quit` để thoát.',
  'console.badDuration': '✗ "@advance {text}" không phải là một khoảng thời gian. Hãy thử @advance 3d, @advance 2h hoặc @advance 1d12h.',
  'console.clock': 'đồng hồ: {time}',
  'console.private': '[riêng tư #{channel}]',
  'console.cardUpdated': '{label} (thẻ đã được cập nhật)',
  'console.spaceOpened': '{label} đã mở cho {members}',
  'console.dm': '[tin nhắn riêng cho @{member}]',
  'console.only': '[chỉ @{member} thấy]',
  'console.workspace': 'Bảng điều khiển trên máy',
  'console.chartSaved': 'Hình ảnh: {path}',
  'console.chartFailed': '✗ Không vẽ được hình ảnh ({reason}); phần chữ ở trên cho thấy cùng nội dung.',
};

export const consoleMessages: Record<Locale, Record<ConsoleKey, string>> = { en, vi };

/**
 * The language the console speaks: the one Concord last answered in, so the labels match the replies of the member
 * being played. It starts in the workspace's default language.
 */
export class ConsoleLanguage {
  constructor(public locale: Locale = 'en') {}

  text(key: ConsoleKey, params: Record<string, string | number> = {}): string {
    return interpolate(consoleMessages[this.locale][key], params);
  }
}
