// Every message of the command language (parse errors and help), in English and Vietnamese.
import type { Catalog } from '../i18n/types.js';

const en = {
  // Parse errors. {field} is a flag (`--dots`) or an argument (`<title>`), shown as typed in usage lines.
  'cmd.error.unterminatedQuote':
    'A quote ({quote}) is opened but never closed: {quote}{near}. Add the closing quote, or write \\" for a quote that is part of the text.',
  'cmd.error.unknownCommand': 'Concord has no command "{command}". `/concord help` lists them all.',
  'cmd.error.unknownCommandSuggest': 'Concord has no command "{command}". Did you mean `{suggestion}`?',
  'cmd.error.missingSubcommand': '`{command}` needs one more word: {subcommands}.',
  'cmd.error.unknownFlag': '`{command}` has no flag `{flag}`. Its flags are: {flags}.',
  'cmd.error.unknownFlagSuggest': '`{command}` has no flag `{flag}`. Did you mean `{suggestion}`? Its flags are: {flags}.',
  'cmd.error.noFlags': '`{command}` takes no flags, so `{flag}` is not understood.',
  'cmd.error.duplicateFlag': '`{flag}` is given twice. Give it once.',
  'cmd.error.missingValue': '`{flag}` needs a value, like `{flag} {expected}`.',
  'cmd.error.flagTakesNoValue': '`{flag}` is a switch and takes no value (you wrote "{given}"). Write just `{flag}`.',
  'cmd.error.missingArg': '`{command}` is missing `{arg}`.',
  'cmd.error.missingFlag': '`{command}` needs `{flag}` with one of: {allowed}.',
  'cmd.error.tooManyArgs.one':
    '`{command}` takes only {count} argument, so "{extra}" is left over. Put text that contains spaces in quotes.',
  'cmd.error.tooManyArgs.other':
    '`{command}` takes only {count} arguments, so "{extra}" is left over. Put text that contains spaces in quotes.',
  'cmd.error.noArgs': '`{command}` takes no arguments, so "{extra}" is left over.',
  'cmd.error.argAndFlag': '`{arg}` is given twice: once as text and once with `{flag}`. Use one of them.',
  'cmd.error.empty': '`{field}` cannot be empty.',
  'cmd.error.tooLong': '`{field}` is too long: {length} characters, and the limit is {max}.',
  'cmd.error.badChoice': '"{given}" is not allowed for `{field}`. Choose one of: {allowed}.',
  'cmd.error.badChoiceSuggest': '"{given}" is not allowed for `{field}`. Did you mean `{suggestion}`? Choose one of: {allowed}.',
  'cmd.error.badMember': '`{field}` should be a person, such as @lan or a mention, and "{given}" is not one.',
  'cmd.error.badProposalId': '`{field}` should be a proposal number such as 7 or #7, not "{given}".',
  'cmd.error.badInteger': '`{field}` must be a whole number from {min} to {max}, not "{given}".',
  'cmd.error.badNumber': '`{field}` must be a number from {min} to {max}, not "{given}".',
  'cmd.error.badFraction': '`{field}` should be a share written like 60%, 0.6 or 3/5, not "{given}".',
  'cmd.error.fractionRange': '`{field}` must be between {min} and {max}, and "{given}" is not.',
  'cmd.error.fractionAbove': '`{field}` must be more than {min} and at most {max}, and "{given}" is not.',
  'cmd.error.optionEmpty': '`{field}` has an empty option in "{given}". Separate options with |, like "A|B|C".',
  'cmd.error.optionReservedChar': 'The option "{option}" contains , > or =, which {rule} ballots use to separate options. Rename it, for example with "-" or "/".',
  'cmd.error.optionTooLong': 'The option "{option}" is too long: options can have at most {max} characters.',
  'cmd.error.optionDuplicate': 'The option "{option}" appears twice in `{field}` (capital letters do not make it different).',
  'cmd.error.optionCount.one': '`{field}` needs {min} to {max} options separated by |, like "A|B|C". You gave {count} option.',
  'cmd.error.optionCount.other': '`{field}` needs {min} to {max} options separated by |, like "A|B|C". You gave {count} options.',
  'cmd.error.optionsRequired':
    'The {rule} rule chooses among options: add `--options "A|B|C"`. Rules that need options: {rules}.',
  'cmd.error.flagNotForRule': '`{flag}` does not apply to the {rule} rule; it is only for: {rules}.',
  'cmd.error.badTimezone':
    '"{given}" is not a time zone Concord knows. Use an IANA name such as Asia/Ho_Chi_Minh, Europe/Berlin or UTC.',
  'cmd.error.badTimezoneSuggest': '"{given}" is not a time zone Concord knows. Did you mean `{suggestion}`?',
  'cmd.error.invalid': 'That `{command}` command could not be understood. `/concord help {command}` shows how to write it.',

  // Help layout.
  'cmd.help.title': 'Concord commands',
  'cmd.help.intro':
    'Type `/concord <command>`. Replace <...> with your own text; [...] is optional. Put text that contains spaces in quotes.',
  'cmd.help.usage': 'Usage: {usage}',
  'cmd.help.arguments': 'Arguments:',
  'cmd.help.flags': 'Flags:',
  'cmd.help.examples': 'Examples:',
  'cmd.help.required': 'required',
  'cmd.help.default': 'default: {value}',
  'cmd.help.related': 'Related commands:',
  'cmd.help.more': 'Try `/concord help propose` for the details of a command.',
  'cmd.help.moreOn': 'Try `/concord help {command}` for the details of one of them.',
  'cmd.help.unknownTopic': 'There is no help on "{topic}". Here is the overview.',
  'cmd.help.unknownTopicSuggest': 'There is no help on "{topic}". Did you mean `/concord help {suggestion}`? Here is the overview.',

  'cmd.area.groups': 'Groups',
  'cmd.area.proposals': 'Proposals & voting',
  'cmd.area.decisions': 'Decisions',
  'cmd.area.audit': 'Audit',
  'cmd.area.settings': 'Settings',

  // One-line summaries and the longer text of `help <command>`.
  'cmd.summary.help': 'Show the commands, or the details of one.',
  'cmd.detail.help':
    'Without a command, lists everything Concord understands. With a command, shows how to write it, its flags and examples.',
  'cmd.summary.group.create': 'Create a group in this channel.',
  'cmd.detail.group.create':
    'The group is linked to this channel and you become its convener. Names can have up to 60 characters; put a name with spaces in quotes.',
  'cmd.summary.group.join': 'Join a group.',
  'cmd.detail.group.join':
    'You join as a member, so you can propose and vote. Without a name, you join the group of this channel.',
  'cmd.summary.group.leave': 'Leave a group.',
  'cmd.detail.group.leave':
    "Without a name, you leave the group of this channel, or your only group. A group's last convener has to hand the role to someone else first.",
  'cmd.summary.group.add': 'Add people to a group.',
  'cmd.detail.group.add':
    'They join as members. Mention them (@name) or write their user names. Only conveners can add people.',
  'cmd.summary.group.role': "Change someone's role in a group.",
  'cmd.detail.group.role':
    'Roles: convener (runs the group), mediator (helps work through objections), member (proposes and votes) and observer (follows along without voting). Only conveners can change roles.',
  'cmd.summary.group.list': 'List the groups in this workspace.',
  'cmd.detail.group.list': 'Shows every group with its number of members and its channel.',
  'cmd.summary.group.info': "Show a group's members and their roles.",
  'cmd.detail.group.info':
    "Shows the group's kind, channel and members by role. Without a name, shows the group of this channel, or your only group.",
  'cmd.summary.propose': 'Start a proposal for a group to decide.',
  'cmd.detail.propose':
    'The proposal is posted in the group\'s channel for its members to vote on. `--rule` sets how the decision is made. Rules that pick among options (poll, approval, ranked, score, dot) need `--options`; the others are answered with a word such as agree or yes.',
  'cmd.summary.vote': 'Vote on a proposal.',
  'cmd.detail.vote':
    'Voting again replaces your earlier ballot until the proposal closes. How to write <choice> depends on the rule. consensus: agree, abstain, disagree or block. consent: consent or object. majority: yes, no or abstain. advice: support, concern or abstain. fist-of-five: a number from 0 to 5. poll: one option. approval: every option you approve, separated by commas (A,C). ranked: options from most to least preferred (B>A>C). score: each option scored 0 to 5 (A=5 B=2 C=0). dot: your dots spread over options (A=3 C=2). Put a choice that contains spaces in quotes; anything after it is your reason.',
  'cmd.summary.proposal.show': 'Show a proposal and how the vote stands.',
  'cmd.detail.proposal.show':
    'Shows the proposal card: its rule, deadline, turnout and, unless results are hidden, the tally.',
  'cmd.summary.proposal.list': 'List the open proposals.',
  'cmd.detail.proposal.list': 'Shows the proposals open for voting and whether you have voted on each.',
  'cmd.summary.close': 'Close voting now and announce the result.',
  'cmd.detail.close':
    'Ends voting before the deadline and posts the result. The proposer or a convener of the group can do this; for an advice process, only the decider.',
  'cmd.summary.withdraw': 'Withdraw a proposal.',
  'cmd.detail.withdraw':
    'Takes the proposal off the table. Its ballots are kept but no longer count. Whoever may close the proposal may withdraw it.',
  'cmd.summary.outcome': 'Record what was decided.',
  'cmd.detail.outcome':
    'Writes the decision into the decision log once the proposal has closed; in an advice process the decider records it directly.',
  'cmd.summary.decisions': 'Show the decision log.',
  'cmd.detail.decisions': 'Lists closed proposals with the decisions recorded for them, newest first.',
  'cmd.summary.audit': 'Show the latest audit log entries.',
  'cmd.detail.audit':
    'Shows who did what and when, newest first. Each entry is chained to the one before it, so later tampering can be detected.',
  'cmd.summary.audit.verify': 'Check that the audit log has not been altered.',
  'cmd.detail.audit.verify': 'Recomputes the chain over the whole audit log and reports the first entry that does not match, if any.',
  'cmd.summary.settings.show': 'Show your settings and the workspace defaults.',
  'cmd.detail.settings.show': 'Shows your language and time zone, the workspace defaults and when reminders are sent.',
  'cmd.summary.settings.locale': 'Choose the language Concord uses.',
  'cmd.detail.settings.locale':
    'Sets your own language. With `--workspace`, sets the default for everyone, which needs a workspace admin or a group convener.',
  'cmd.summary.settings.timezone': 'Choose the time zone for dates.',
  'cmd.detail.settings.timezone':
    'Dates you type, such as `--closes`, are read in this time zone, and dates are shown in it. With `--workspace`, sets the default for everyone.',
  'cmd.summary.settings.reminder': 'Choose when non-voters get a reminder.',
  'cmd.detail.settings.reminder':
    'Members who have not voted are reminded this many hours before a deadline, from 0 to 168 (one week). 0 turns reminders off. This applies to the whole workspace.',

  // Arguments.
  'cmd.arg.topic': 'A command to explain, such as propose or group create.',
  'cmd.arg.groupName': "The group's name, up to 60 characters.",
  'cmd.arg.groupOptional': "The group's name. Leave it out to use the group of this channel, or your only group.",
  'cmd.arg.members': 'One or more people: @name, a mention, or a user name.',
  'cmd.arg.member': 'A person: @name, a mention, or a user name.',
  'cmd.arg.role': 'convener, mediator, member or observer.',
  'cmd.arg.title': 'What is being decided, up to 200 characters.',
  'cmd.arg.proposal': 'The proposal number, like 7 or #7.',
  'cmd.arg.choice': 'Your ballot. Its form depends on the rule; see the examples.',
  'cmd.arg.reason': 'Why you voted this way: everything after the choice.',
  'cmd.arg.statement': 'What was decided, in a sentence or two.',
  'cmd.arg.locale': 'en for English, vi for Tiếng Việt.',
  'cmd.arg.timezone': 'An IANA time zone such as Asia/Ho_Chi_Minh, Europe/Berlin or UTC.',
  'cmd.arg.hours': 'Hours before the deadline, from 0 to 168; 0 turns reminders off.',

  // Flags.
  'cmd.flag.kind': 'What sort of group it is.',
  'cmd.flag.group.target': 'Which group. Without it: the group of this channel, or your only group.',
  'cmd.flag.group.proposal': 'The group that decides. Without it: the group of this channel, or your only group.',
  'cmd.flag.group.filter': 'Only show the decisions of this group.',
  'cmd.flag.body': 'Details, background or links, up to 4000 characters.',
  'cmd.flag.rule': 'How the decision is made.',
  'cmd.flag.options':
    'The options to choose from, separated by |: 2 to 20 options of up to 80 characters. Needed for poll, approval, ranked, score and dot.',
  'cmd.flag.quorum': 'Share of the group that must vote for the result to count, such as 60%, 0.6 or 3/5.',
  'cmd.flag.threshold':
    'majority only: the share of yes among yes and no needed to pass, from 1/2 to 1, such as 2/3 or 66%. Without it, more than half.',
  'cmd.flag.closes': 'When voting ends, such as "in 3 days" or "2026-12-05 17:00", read in your time zone.',
  'cmd.flag.anonymous': 'Keep who voted what secret.',
  'cmd.flag.hideResults': 'Hide the tally until you have voted (until-vote) or until the proposal closes (until-close).',
  'cmd.flag.decider': 'advice only: who makes the decision after hearing the advice. Without it, you.',
  'cmd.flag.dots': 'dot only: how many dots each member spreads, from 1 to 100. Without it, 5.',
  'cmd.flag.minMean': 'fist-of-five only: the average needed to pass, from 0 to 5. Without it, 3.',
  'cmd.flag.reason': 'Your reason, instead of writing it after the choice.',
  'cmd.flag.all': 'Include closed and withdrawn proposals.',
  'cmd.flag.review': 'When to revisit the decision, such as "in 6 months". Concord sends a reminder then.',
  'cmd.flag.limit': 'How many entries to show, from 1 to 200.',
  'cmd.flag.workspace': 'Change the workspace default instead of your own setting.',

  // Captions of examples.
  'cmd.example.propose.consent': 'consent, with a deadline',
  'cmd.example.propose.ranked': 'ranked choice among three options',
  'cmd.example.propose.majority': 'two-thirds majority, 60% quorum, secret ballot',
  'cmd.example.propose.advice': 'advice process with a named decider',
  'cmd.example.vote.choice': 'one choice, with a reason (consensus, consent, majority, advice, fist-of-five, poll)',
  'cmd.example.vote.ranked': 'ranked: most preferred first',
  'cmd.example.vote.score': 'score: 0 to 5 for each option',
  'cmd.example.vote.dot': 'dot: spread your dots',
  'cmd.example.vote.approval': 'approval: every option you accept',
} satisfies Catalog;

export type CommandMessageKey = keyof typeof en;

const vi: Record<CommandMessageKey, string> = {
  'cmd.error.unterminatedQuote':
    'Dấu ngoặc {quote} đã mở nhưng chưa được đóng: {quote}{near}. Hãy thêm dấu đóng ngoặc, hoặc viết \\" nếu dấu ngoặc là một phần của nội dung.',
  'cmd.error.unknownCommand': 'Concord không có lệnh "{command}". `/concord help` liệt kê tất cả các lệnh.',
  'cmd.error.unknownCommandSuggest': 'Concord không có lệnh "{command}". Có phải ý bạn là `{suggestion}`?',
  'cmd.error.missingSubcommand': '`{command}` cần thêm một từ nữa: {subcommands}.',
  'cmd.error.unknownFlag': '`{command}` không có tùy chọn `{flag}`. Các tùy chọn của lệnh này: {flags}.',
  'cmd.error.unknownFlagSuggest':
    '`{command}` không có tùy chọn `{flag}`. Có phải ý bạn là `{suggestion}`? Các tùy chọn của lệnh này: {flags}.',
  'cmd.error.noFlags': '`{command}` không nhận tùy chọn nào, nên không hiểu được `{flag}`.',
  'cmd.error.duplicateFlag': '`{flag}` được nhập hai lần. Chỉ cần nhập một lần.',
  'cmd.error.missingValue': '`{flag}` cần có giá trị, ví dụ `{flag} {expected}`.',
  'cmd.error.flagTakesNoValue': '`{flag}` là công tắc bật/tắt, không nhận giá trị (bạn đã viết "{given}"). Chỉ cần viết `{flag}`.',
  'cmd.error.missingArg': '`{command}` còn thiếu `{arg}`.',
  'cmd.error.missingFlag': '`{command}` cần có `{flag}`, chọn một trong: {allowed}.',
  'cmd.error.tooManyArgs.one':
    '`{command}` chỉ nhận {count} tham số nên "{extra}" bị thừa. Hãy đặt nội dung có dấu cách trong ngoặc kép.',
  'cmd.error.tooManyArgs.other':
    '`{command}` chỉ nhận {count} tham số nên "{extra}" bị thừa. Hãy đặt nội dung có dấu cách trong ngoặc kép.',
  'cmd.error.noArgs': '`{command}` không nhận tham số nào nên "{extra}" bị thừa.',
  'cmd.error.argAndFlag': '`{arg}` được nhập hai lần: một lần trực tiếp và một lần bằng `{flag}`. Hãy chỉ dùng một cách.',
  'cmd.error.empty': '`{field}` không được để trống.',
  'cmd.error.tooLong': '`{field}` quá dài: {length} ký tự, trong khi tối đa là {max}.',
  'cmd.error.badChoice': '"{given}" không hợp lệ cho `{field}`. Hãy chọn một trong: {allowed}.',
  'cmd.error.badChoiceSuggest': '"{given}" không hợp lệ cho `{field}`. Có phải ý bạn là `{suggestion}`? Các lựa chọn: {allowed}.',
  'cmd.error.badMember': '`{field}` phải là một người, ví dụ @lan hoặc một người được gắn thẻ; "{given}" thì không phải.',
  'cmd.error.badProposalId': '`{field}` phải là số của đề xuất, ví dụ 7 hoặc #7, chứ không phải "{given}".',
  'cmd.error.badInteger': '`{field}` phải là số nguyên từ {min} đến {max}, chứ không phải "{given}".',
  'cmd.error.badNumber': '`{field}` phải là một số từ {min} đến {max}, chứ không phải "{given}".',
  'cmd.error.badFraction': '`{field}` phải là một tỷ lệ, viết như 60%, 0,6 hoặc 3/5, chứ không phải "{given}".',
  'cmd.error.fractionRange': '`{field}` phải nằm trong khoảng từ {min} đến {max}, nhưng "{given}" thì không.',
  'cmd.error.fractionAbove': '`{field}` phải lớn hơn {min} và không quá {max}, nhưng "{given}" thì không.',
  'cmd.error.optionEmpty': '`{field}` có một phương án để trống trong "{given}". Hãy ngăn cách các phương án bằng |, ví dụ "A|B|C".',
  'cmd.error.optionReservedChar': 'Phương án "{option}" chứa dấu , > hoặc =, là các dấu mà phiếu {rule} dùng để ngăn cách phương án. Hãy đổi tên, ví dụ dùng "-" hoặc "/".',
  'cmd.error.optionTooLong': 'Phương án "{option}" quá dài: mỗi phương án chỉ được tối đa {max} ký tự.',
  'cmd.error.optionDuplicate': 'Phương án "{option}" xuất hiện hai lần trong `{field}` (chữ hoa và chữ thường được coi là như nhau).',
  'cmd.error.optionCount.one':
    '`{field}` cần từ {min} đến {max} phương án, ngăn cách bằng |, ví dụ "A|B|C". Bạn đã nhập {count} phương án.',
  'cmd.error.optionCount.other':
    '`{field}` cần từ {min} đến {max} phương án, ngăn cách bằng |, ví dụ "A|B|C". Bạn đã nhập {count} phương án.',
  'cmd.error.optionsRequired':
    'Cách quyết định {rule} chọn giữa các phương án: hãy thêm `--options "A|B|C"`. Các cách quyết định cần phương án: {rules}.',
  'cmd.error.flagNotForRule': '`{flag}` không dùng được với cách quyết định {rule}; tùy chọn này chỉ dành cho: {rules}.',
  'cmd.error.badTimezone':
    '"{given}" không phải múi giờ mà Concord biết. Hãy dùng tên IANA như Asia/Ho_Chi_Minh, Europe/Berlin hoặc UTC.',
  'cmd.error.badTimezoneSuggest': '"{given}" không phải múi giờ mà Concord biết. Có phải ý bạn là `{suggestion}`?',
  'cmd.error.invalid': 'Không hiểu được lệnh `{command}` này. `/concord help {command}` hướng dẫn cách viết.',

  'cmd.help.title': 'Các lệnh của Concord',
  'cmd.help.intro':
    'Gõ `/concord <lệnh>`. Thay <...> bằng nội dung của bạn; phần trong [...] có thể bỏ qua. Nội dung có dấu cách cần đặt trong ngoặc kép.',
  'cmd.help.usage': 'Cách dùng: {usage}',
  'cmd.help.arguments': 'Tham số:',
  'cmd.help.flags': 'Tùy chọn:',
  'cmd.help.examples': 'Ví dụ:',
  'cmd.help.required': 'bắt buộc',
  'cmd.help.default': 'mặc định: {value}',
  'cmd.help.related': 'Lệnh liên quan:',
  'cmd.help.more': 'Gõ `/concord help propose` để xem chi tiết một lệnh.',
  'cmd.help.moreOn': 'Gõ `/concord help {command}` để xem chi tiết từng lệnh.',
  'cmd.help.unknownTopic': 'Không có hướng dẫn nào cho "{topic}". Dưới đây là phần tổng quan.',
  'cmd.help.unknownTopicSuggest':
    'Không có hướng dẫn nào cho "{topic}". Có phải ý bạn là `/concord help {suggestion}`? Dưới đây là phần tổng quan.',

  'cmd.area.groups': 'Nhóm',
  'cmd.area.proposals': 'Đề xuất và biểu quyết',
  'cmd.area.decisions': 'Quyết định',
  'cmd.area.audit': 'Nhật ký kiểm toán',
  'cmd.area.settings': 'Cài đặt',

  'cmd.summary.help': 'Xem danh sách lệnh, hoặc chi tiết của một lệnh.',
  'cmd.detail.help':
    'Không kèm tên lệnh thì liệt kê mọi lệnh Concord hiểu. Kèm tên lệnh thì cho biết cách viết, các tùy chọn và ví dụ.',
  'cmd.summary.group.create': 'Tạo một nhóm trong kênh này.',
  'cmd.detail.group.create':
    'Nhóm được gắn với kênh này và bạn trở thành điều phối viên. Tên nhóm dài tối đa 60 ký tự; tên có dấu cách cần đặt trong ngoặc kép.',
  'cmd.summary.group.join': 'Tham gia một nhóm.',
  'cmd.detail.group.join':
    'Bạn tham gia với vai trò thành viên, nên có thể đề xuất và biểu quyết. Không ghi tên thì bạn tham gia nhóm của kênh này.',
  'cmd.summary.group.leave': 'Rời một nhóm.',
  'cmd.detail.group.leave':
    'Không ghi tên thì bạn rời nhóm của kênh này, hoặc nhóm duy nhất của bạn. Điều phối viên cuối cùng của nhóm phải trao vai trò cho người khác trước.',
  'cmd.summary.group.add': 'Thêm người vào nhóm.',
  'cmd.detail.group.add':
    'Họ được thêm với vai trò thành viên. Hãy gắn thẻ họ (@tên) hoặc ghi tên người dùng. Chỉ điều phối viên mới thêm được người.',
  'cmd.summary.group.role': 'Đổi vai trò của một người trong nhóm.',
  'cmd.detail.group.role':
    'Các vai trò: convener (điều phối viên, điều hành nhóm), mediator (hòa giải viên, giúp tháo gỡ các ý kiến phản đối), member (thành viên, đề xuất và biểu quyết) và observer (quan sát viên, theo dõi nhưng không biểu quyết). Chỉ điều phối viên mới đổi được vai trò.',
  'cmd.summary.group.list': 'Liệt kê các nhóm trong không gian làm việc.',
  'cmd.detail.group.list': 'Hiển thị mọi nhóm cùng số thành viên và kênh của từng nhóm.',
  'cmd.summary.group.info': 'Xem thành viên của nhóm và vai trò của họ.',
  'cmd.detail.group.info':
    'Hiển thị loại nhóm, kênh và thành viên theo từng vai trò. Không ghi tên thì hiển thị nhóm của kênh này, hoặc nhóm duy nhất của bạn.',
  'cmd.summary.propose': 'Đưa ra một đề xuất để nhóm quyết định.',
  'cmd.detail.propose':
    'Đề xuất được đăng trong kênh của nhóm để các thành viên biểu quyết. `--rule` quy định cách ra quyết định. Các cách chọn giữa nhiều phương án (poll, approval, ranked, score, dot) cần có `--options`; các cách còn lại được trả lời bằng một từ như agree hoặc yes.',
  'cmd.summary.vote': 'Biểu quyết một đề xuất.',
  'cmd.detail.vote':
    'Bỏ phiếu lại sẽ thay phiếu cũ, cho đến khi đề xuất đóng. Cách viết <choice> tùy theo cách quyết định. consensus: agree, abstain, disagree hoặc block. consent: consent hoặc object. majority: yes, no hoặc abstain. advice: support, concern hoặc abstain. fist-of-five: một số từ 0 đến 5. poll: một phương án. approval: mọi phương án bạn tán thành, ngăn cách bằng dấu phẩy (A,C). ranked: các phương án từ thích nhất đến kém nhất (B>A>C). score: chấm mỗi phương án từ 0 đến 5 (A=5 B=2 C=0). dot: phân bổ số chấm của bạn (A=3 C=2). Có thể dùng từ tiếng Việt như đồng ý, phản đối, phiếu trắng. Lựa chọn có dấu cách cần đặt trong ngoặc kép; phần viết sau lựa chọn là lý do của bạn.',
  'cmd.summary.proposal.show': 'Xem một đề xuất và tình hình biểu quyết.',
  'cmd.detail.proposal.show':
    'Hiển thị thẻ đề xuất: cách quyết định, hạn chót, số người đã bỏ phiếu và, nếu kết quả không bị ẩn, bảng kiểm phiếu.',
  'cmd.summary.proposal.list': 'Liệt kê các đề xuất đang mở.',
  'cmd.detail.proposal.list': 'Hiển thị các đề xuất đang mở biểu quyết và cho biết bạn đã bỏ phiếu cho từng đề xuất hay chưa.',
  'cmd.summary.close': 'Kết thúc biểu quyết ngay và công bố kết quả.',
  'cmd.detail.close':
    'Dừng biểu quyết trước hạn chót và đăng kết quả. Người đề xuất hoặc điều phối viên của nhóm có thể làm việc này; với quy trình xin ý kiến thì chỉ người quyết định.',
  'cmd.summary.withdraw': 'Rút lại một đề xuất.',
  'cmd.detail.withdraw':
    'Gác đề xuất lại, không xem xét nữa. Các phiếu vẫn được lưu nhưng không còn được tính. Ai có quyền đóng đề xuất thì cũng có quyền rút lại.',
  'cmd.summary.outcome': 'Ghi lại điều đã quyết định.',
  'cmd.detail.outcome':
    'Ghi quyết định vào sổ quyết định sau khi đề xuất đã đóng; với quy trình xin ý kiến, người quyết định ghi trực tiếp.',
  'cmd.summary.decisions': 'Xem sổ quyết định.',
  'cmd.detail.decisions': 'Liệt kê các đề xuất đã đóng cùng quyết định đã ghi, mới nhất trước.',
  'cmd.summary.audit': 'Xem các mục mới nhất của nhật ký kiểm toán.',
  'cmd.detail.audit':
    'Cho biết ai đã làm gì và vào lúc nào, mới nhất trước. Mỗi mục được nối chuỗi với mục trước nó, nên mọi chỉnh sửa về sau đều có thể bị phát hiện.',
  'cmd.summary.audit.verify': 'Kiểm tra xem nhật ký kiểm toán có bị sửa đổi không.',
  'cmd.detail.audit.verify': 'Tính lại chuỗi của toàn bộ nhật ký kiểm toán và báo mục đầu tiên không khớp, nếu có.',
  'cmd.summary.settings.show': 'Xem cài đặt của bạn và mặc định của không gian làm việc.',
  'cmd.detail.settings.show': 'Hiển thị ngôn ngữ và múi giờ của bạn, các giá trị mặc định của không gian làm việc và thời điểm gửi nhắc nhở.',
  'cmd.summary.settings.locale': 'Chọn ngôn ngữ Concord dùng.',
  'cmd.detail.settings.locale':
    'Đặt ngôn ngữ của riêng bạn. Với `--workspace`, đặt mặc định cho mọi người; việc này cần quản trị viên không gian làm việc hoặc điều phối viên của một nhóm.',
  'cmd.summary.settings.timezone': 'Chọn múi giờ cho ngày giờ.',
  'cmd.detail.settings.timezone':
    'Ngày giờ bạn nhập, như `--closes`, được hiểu theo múi giờ này, và ngày giờ cũng được hiển thị theo nó. Với `--workspace`, đặt mặc định cho mọi người.',
  'cmd.summary.settings.reminder': 'Chọn lúc nhắc người chưa bỏ phiếu.',
  'cmd.detail.settings.reminder':
    'Thành viên chưa bỏ phiếu sẽ được nhắc trước hạn chót bấy nhiêu giờ, từ 0 đến 168 (một tuần). 0 là tắt nhắc nhở. Cài đặt này áp dụng cho cả không gian làm việc.',

  'cmd.arg.topic': 'Lệnh cần giải thích, ví dụ propose hoặc group create.',
  'cmd.arg.groupName': 'Tên nhóm, tối đa 60 ký tự.',
  'cmd.arg.groupOptional': 'Tên nhóm. Bỏ trống để dùng nhóm của kênh này, hoặc nhóm duy nhất của bạn.',
  'cmd.arg.members': 'Một hoặc nhiều người: @tên, người được gắn thẻ, hoặc tên người dùng.',
  'cmd.arg.member': 'Một người: @tên, người được gắn thẻ, hoặc tên người dùng.',
  'cmd.arg.role': 'convener, mediator, member hoặc observer.',
  'cmd.arg.title': 'Điều cần quyết định, tối đa 200 ký tự.',
  'cmd.arg.proposal': 'Số của đề xuất, ví dụ 7 hoặc #7.',
  'cmd.arg.choice': 'Lá phiếu của bạn. Cách viết tùy theo cách quyết định; xem các ví dụ.',
  'cmd.arg.reason': 'Lý do bạn chọn như vậy: mọi thứ viết sau lựa chọn.',
  'cmd.arg.statement': 'Điều đã được quyết định, trong một hai câu.',
  'cmd.arg.locale': 'en cho English, vi cho Tiếng Việt.',
  'cmd.arg.timezone': 'Múi giờ IANA, ví dụ Asia/Ho_Chi_Minh, Europe/Berlin hoặc UTC.',
  'cmd.arg.hours': 'Số giờ trước hạn chót, từ 0 đến 168; 0 là tắt nhắc nhở.',

  'cmd.flag.kind': 'Loại nhóm: working-group (nhóm công tác), task-force (tổ công tác đặc nhiệm) hoặc committee (ủy ban).',
  'cmd.flag.group.target': 'Nhóm nào. Nếu bỏ trống: nhóm của kênh này, hoặc nhóm duy nhất của bạn.',
  'cmd.flag.group.proposal': 'Nhóm ra quyết định. Nếu bỏ trống: nhóm của kênh này, hoặc nhóm duy nhất của bạn.',
  'cmd.flag.group.filter': 'Chỉ hiển thị quyết định của nhóm này.',
  'cmd.flag.body': 'Chi tiết, bối cảnh hoặc đường dẫn, tối đa 4000 ký tự.',
  'cmd.flag.rule': 'Cách ra quyết định.',
  'cmd.flag.options':
    'Các phương án để chọn, ngăn cách bằng |: từ 2 đến 20 phương án, mỗi phương án tối đa 80 ký tự. Bắt buộc với poll, approval, ranked, score và dot.',
  'cmd.flag.quorum': 'Túc số: tỷ lệ thành viên phải bỏ phiếu thì kết quả mới có hiệu lực, ví dụ 60%, 0,6 hoặc 3/5.',
  'cmd.flag.threshold':
    'Chỉ dùng cho majority: tỷ lệ phiếu "có" trên tổng số phiếu "có" và "không" cần để thông qua, từ 1/2 đến 1, ví dụ 2/3 hoặc 66%. Nếu bỏ trống: hơn một nửa.',
  'cmd.flag.closes': 'Khi nào kết thúc biểu quyết, ví dụ "3 ngày nữa", "in 3 days" hoặc "2026-12-05 17:00", theo múi giờ của bạn.',
  'cmd.flag.anonymous': 'Giữ bí mật ai đã bầu gì.',
  'cmd.flag.hideResults': 'Ẩn kết quả cho đến khi bạn bỏ phiếu (until-vote) hoặc cho đến khi đề xuất đóng (until-close).',
  'cmd.flag.decider': 'Chỉ dùng cho advice: người ra quyết định sau khi nghe ý kiến. Nếu bỏ trống: chính bạn.',
  'cmd.flag.dots': 'Chỉ dùng cho dot: số chấm mỗi thành viên được phân bổ, từ 1 đến 100. Nếu bỏ trống: 5.',
  'cmd.flag.minMean': 'Chỉ dùng cho fist-of-five: điểm trung bình tối thiểu để thông qua, từ 0 đến 5. Nếu bỏ trống: 3.',
  'cmd.flag.reason': 'Lý do của bạn, thay cho việc viết sau lựa chọn.',
  'cmd.flag.all': 'Hiển thị cả các đề xuất đã đóng và đã rút lại.',
  'cmd.flag.review': 'Khi nào xem xét lại quyết định, ví dụ "6 tháng nữa" hoặc "in 6 months". Đến lúc đó Concord sẽ nhắc.',
  'cmd.flag.limit': 'Số mục cần hiển thị, từ 1 đến 200.',
  'cmd.flag.workspace': 'Đổi giá trị mặc định của không gian làm việc thay vì cài đặt của riêng bạn.',

  'cmd.example.propose.consent': 'chấp thuận, có hạn chót',
  'cmd.example.propose.ranked': 'bỏ phiếu xếp hạng giữa ba phương án',
  'cmd.example.propose.majority': 'đa số hai phần ba, túc số 60%, bỏ phiếu kín',
  'cmd.example.propose.advice': 'quy trình xin ý kiến, có chỉ định người quyết định',
  'cmd.example.vote.choice': 'một lựa chọn, kèm lý do (consensus, consent, majority, advice, fist-of-five, poll)',
  'cmd.example.vote.ranked': 'xếp hạng: phương án thích nhất đứng trước',
  'cmd.example.vote.score': 'chấm điểm: mỗi phương án từ 0 đến 5',
  'cmd.example.vote.dot': 'bỏ phiếu bằng chấm: phân bổ số chấm của bạn',
  'cmd.example.vote.approval': 'tán thành: mọi phương án bạn chấp nhận',
};

export const commandMessages: { en: Catalog; vi: Catalog } = { en, vi };
