// Message catalog for reading and showing dates: what members see when a date they typed is refused.
import type { Catalog } from './i18n/catalog.js';

const en = {
  'time.past': '{when} has already passed. Please give a time in the future.',
  'time.future': '{when} is still to come. Give a moment that has passed, such as today, yesterday, 2026-01-01 or 30 days ago.',
  'time.unparseable':
    'I could not read "{text}" as a date. Try for example: 2026-12-05 17:00, 2026-12-05, in 3 days, tomorrow 9am, friday 17:00 or next monday.',
  'time.ambiguousDate':
    '"{text}" could be read as day/month or as month/day. Please write the date as year-month-day, for example 2026-12-05 17:00.',
  'time.invalidZone': '"{zone}" is not a time zone I know. Use a name such as Asia/Ho_Chi_Minh or Europe/Berlin.',
  'time.zoneTooLong':
    'That time zone name is {length} characters long, but time zone names have at most {max}. Use a name such as Asia/Ho_Chi_Minh, Europe/Berlin or UTC.',
  'time.tooFar':
    '"{text}" is too far ahead. The latest date Concord accepts is {latest}; please choose a date before then, for example in 3 months.',
} as const satisfies Catalog;

export type TimeMessageKey = keyof typeof en;

const vi: Record<TimeMessageKey, string> = {
  'time.past': '{when} đã qua rồi. Vui lòng chọn một thời điểm trong tương lai.',
  'time.future': '{when} vẫn chưa tới. Hãy nêu một thời điểm đã qua, ví dụ hôm nay, hôm qua, 2026-01-01 hoặc 30 ngày trước.',
  'time.unparseable':
    'Không hiểu "{text}" là ngày giờ nào. Hãy thử ví dụ: 2026-12-05 17:00, 2026-12-05, 3 ngày nữa, ngày mai 9h, thứ sáu 17:00 hoặc thứ hai tới.',
  'time.ambiguousDate':
    '"{text}" có thể hiểu là ngày/tháng hoặc tháng/ngày. Vui lòng viết theo dạng năm-tháng-ngày, ví dụ 2026-12-05 17:00.',
  'time.invalidZone': 'Không nhận ra múi giờ "{zone}". Hãy dùng tên như Asia/Ho_Chi_Minh hoặc Europe/Berlin.',
  'time.zoneTooLong':
    'Tên múi giờ bạn nhập dài {length} ký tự, trong khi tên múi giờ dài tối đa {max} ký tự. Hãy dùng tên như Asia/Ho_Chi_Minh, Europe/Berlin hoặc UTC.',
  'time.tooFar':
    '"{text}" quá xa. Ngày muộn nhất Concord chấp nhận là {latest}; vui lòng chọn một ngày trước đó, ví dụ 3 tháng nữa.',
};

export const timeMessages: { en: Catalog; vi: Catalog } = { en, vi };
