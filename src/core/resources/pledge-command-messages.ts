// The words of the pledge commands (help, reference, errors), in English and Vietnamese.
import type { Catalog } from '../i18n/catalog.js';

const en = {
  'cmd.area.pledges': 'Pledges',
  'cmd.ph.amount': 'amount',
  'cmd.ph.thing': 'thing',
  'cmd.ph.note-or-link': 'note or link',
  'cmd.summary.pledge': 'Pledge money, hours or a thing to a group: PL-3.',
  'cmd.detail.pledge':
    'Give exactly one of --amount (with --currency), --hours and --in-kind. Amounts are typed either way: 5000000, 5.000.000, 5,000,000, 5tr, 1,5 triệu, 500k, 2.5m; money is kept exactly in the currency\'s smallest unit. The pledge goes to the group named with --group, else to this channel\'s group, else to the whole workspace; only members of a group may pledge to it. --due makes it your commitment too: you are reminded, and `done` with a note or link closes both. --pool puts money into a pool (P-1) of the same currency, in the pool\'s group unless --group names another; --currency may then be left out.',
  'cmd.summary.pledge.list': 'The pledges, with totals per kind and per sector.',
  'cmd.detail.pledge.list':
    'Open and done pledges, oldest first, with totals: money per currency, hours and things. Totals per sector count the sectors pledging members declared in their profiles; a sector with fewer pledging members than the workspace\'s minimum cell shows no amounts. --group lists one group\'s, --mine only yours.',
  'cmd.summary.pledge.done': 'Mark a pledge as kept, with a note or link as evidence.',
  'cmd.detail.pledge.done':
    'A pledge with a due date closes its commitment too. --evidence is optional but shows the group the pledge was kept; it can be added later to a done pledge that has none. The member who pledged, a convener of its group or a workspace admin may mark it done.',
  'cmd.summary.pledge.cancel': 'Withdraw a pledge.',
  'cmd.detail.pledge.cancel': 'Its commitment, if it has one, is cancelled too and nobody is reminded. The pledge stays in the audit log.',
  'cmd.arg.pledgeWhat': 'What the pledge is for.',
  'cmd.arg.pledge': 'The pledge, as PL-3.',
  'cmd.flag.pledgeAmount': 'Money: the amount, as you write it (5.000.000, 5tr, 1,5 triệu, 2k).',
  'cmd.flag.pledgeCurrency': 'The amount\'s currency, a three-letter code (VND, USD).',
  'cmd.flag.pledgeHours': 'Time: how many hours.',
  'cmd.flag.pledgeInKind': 'A thing you bring.',
  'cmd.flag.group.pledge': 'The group the pledge is to; else this channel\'s group.',
  'cmd.flag.group.pledgeFilter': 'Only this group\'s pledges.',
  'cmd.flag.pledgeDue': 'When you will have given it: makes the pledge your commitment.',
  'cmd.flag.pledgePool': 'The pool (P-1) the money goes into.',
  'cmd.flag.pledgesMine': 'Only your pledges.',
  'cmd.flag.pledgeEvidence': 'A note or a link showing it was given.',
  'cmd.error.badPledge': '{field} must be a pledge such as PL-3; "{given}" is not.',
  'cmd.error.badPledgePool': '{field} must be a pool such as P-1; "{given}" is not.',
  'cmd.sample.pledge.0': 'pledge "For the library fund" --amount 5tr --currency VND --group Budget --due "2026-12-31"',
} as const satisfies Catalog;

export type PledgeCommandMessageKey = keyof typeof en;

const vi: Record<PledgeCommandMessageKey, string> = {
  'cmd.area.pledges': 'Đóng góp',
  'cmd.ph.amount': 'số tiền',
  'cmd.ph.thing': 'hiện vật',
  'cmd.ph.note-or-link': 'ghi chú hoặc đường dẫn',
  'cmd.summary.pledge': 'Cam kết đóng góp tiền, giờ công hoặc hiện vật cho một nhóm: PL-3.',
  'cmd.detail.pledge':
    'Dùng đúng một trong --amount (cùng --currency), --hours và --in-kind. Số tiền gõ kiểu nào cũng được: 5000000, 5.000.000, 5,000,000, 5tr, 1,5 triệu, 500k, 2.5m; tiền được giữ chính xác theo đơn vị nhỏ nhất của loại tiền. Đóng góp thuộc về nhóm nêu trong --group, nếu không thì nhóm của kênh này, nếu không nữa thì cả không gian làm việc; chỉ thành viên của nhóm mới đóng góp cho nhóm được. --due biến đóng góp thành cam kết của bạn: bạn được nhắc, và `done` kèm ghi chú hoặc đường dẫn sẽ đóng cả hai. --pool đưa tiền vào một quỹ (P-1) cùng loại tiền, thuộc nhóm của quỹ trừ khi --group nêu nhóm khác; khi đó có thể bỏ qua --currency.',
  'cmd.summary.pledge.list': 'Các đóng góp, với tổng theo loại và theo lĩnh vực.',
  'cmd.detail.pledge.list':
    'Các đóng góp đang mở và đã hoàn thành, cũ nhất trước, kèm tổng: tiền theo từng loại tiền, giờ công và hiện vật. Tổng theo lĩnh vực dựa trên lĩnh vực mà thành viên đóng góp đã khai trong hồ sơ; lĩnh vực có ít thành viên đóng góp hơn ngưỡng tối thiểu của không gian làm việc sẽ không hiện số tiền. --group liệt kê của một nhóm, --mine chỉ của bạn.',
  'cmd.summary.pledge.done': 'Đánh dấu một đóng góp đã thực hiện, kèm ghi chú hoặc đường dẫn làm bằng chứng.',
  'cmd.detail.pledge.done':
    'Đóng góp có hạn sẽ đóng luôn cam kết của nó. --evidence không bắt buộc nhưng cho nhóm thấy lời hứa đã được giữ; có thể thêm sau cho một đóng góp đã xong mà chưa có bằng chứng. Người đã cam kết, người điều phối của nhóm hoặc quản trị viên có thể đánh dấu đã xong.',
  'cmd.summary.pledge.cancel': 'Rút lại một đóng góp.',
  'cmd.detail.pledge.cancel': 'Cam kết đi kèm (nếu có) cũng bị huỷ và không ai bị nhắc nữa. Đóng góp vẫn còn trong nhật ký kiểm tra.',
  'cmd.arg.pledgeWhat': 'Đóng góp dành cho việc gì.',
  'cmd.arg.pledge': 'Đóng góp, như PL-3.',
  'cmd.flag.pledgeAmount': 'Tiền: số tiền, theo cách bạn vẫn viết (5.000.000, 5tr, 1,5 triệu, 2k).',
  'cmd.flag.pledgeCurrency': 'Loại tiền, mã ba chữ cái (VND, USD).',
  'cmd.flag.pledgeHours': 'Thời gian: bao nhiêu giờ.',
  'cmd.flag.pledgeInKind': 'Hiện vật bạn mang đến.',
  'cmd.flag.group.pledge': 'Nhóm nhận đóng góp; nếu không thì nhóm của kênh này.',
  'cmd.flag.group.pledgeFilter': 'Chỉ các đóng góp cho nhóm này.',
  'cmd.flag.pledgeDue': 'Khi nào bạn sẽ đóng góp xong: biến đóng góp thành cam kết của bạn.',
  'cmd.flag.pledgePool': 'Quỹ (P-1) nhận số tiền.',
  'cmd.flag.pledgesMine': 'Chỉ các đóng góp của bạn.',
  'cmd.flag.pledgeEvidence': 'Ghi chú hoặc đường dẫn cho thấy đã đóng góp.',
  'cmd.error.badPledge': '{field} phải là một đóng góp như PL-3; "{given}" không phải.',
  'cmd.error.badPledgePool': '{field} phải là một quỹ như P-1; "{given}" không phải.',
  'cmd.sample.pledge.0': 'pledge "Cho quỹ thư viện" --amount 5tr --currency VND --group "Ngân sách" --due "2026-12-31"',
};

export const pledgeCommandMessages: { en: Catalog; vi: Catalog } = { en, vi };
