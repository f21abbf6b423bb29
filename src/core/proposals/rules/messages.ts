// English and Vietnamese text for rule names, choices, ballot errors and tally explanations.
//
// Vietnamese has no grammatical plural, so its `.one` variants repeat `.other`; keeping them lets
// both catalogs hold exactly the same keys, which is what the parity test and translators rely on.
import type { Catalog } from '../../i18n/catalog.js';

const en = {
  'rule.name.consensus': 'Consensus',
  'rule.name.consent': 'Consent',
  'rule.name.majority': 'Majority vote',
  'rule.name.fist-of-five': 'Fist of five',
  'rule.name.poll': 'Poll',
  'rule.name.approval': 'Approval vote',
  'rule.name.ranked': 'Ranked choice',
  'rule.name.score': 'Score vote',
  'rule.name.dot': 'Dot vote',
  'rule.name.advice': 'Advice process',

  'rule.describe.consensus': 'Passes when at least one member agrees and nobody blocks.',
  'rule.describe.consent': 'Passes when nobody objects.',
  'rule.describe.majority':
    'Passes when yes is more than half of the yes and no votes, so an even split fails; abstentions count toward quorum only.',
  'rule.describe.majority.threshold':
    'Passes when yes is at least {threshold} of the yes and no votes; abstentions count toward quorum only.',
  'rule.describe.majority.half':
    'Passes when yes is at least half ({threshold}) of the yes and no votes, so an even split passes; abstentions count toward quorum only.',
  'rule.describe.fist-of-five':
    'Show 0 to 5 fingers; passes when nobody shows 0 or 1 and the mean is at least {min}.',
  'rule.describe.poll': 'Choose one option; the option with the most votes wins.',
  'rule.describe.approval': 'Approve as many options as you like; the option with the most approvals wins.',
  'rule.describe.ranked':
    'Rank the options; the option with the fewest votes is eliminated round by round until one has more than half of the continuing votes. A tie for fewest goes against the option with fewer votes in earlier rounds, then the one ranked on fewer ballots, then a lot drawn when voting ends; if all remaining options are level, the result is a tie.',
  'rule.describe.ranked.batch':
    'Rank the options; the option with the fewest votes is eliminated round by round until one has more than half of the continuing votes. Options tied for fewest are all eliminated together; if all remaining options are level, the result is a tie.',
  'rule.describe.score':
    'Score each option from 0 to {max}; the highest mean score wins (options you leave out score 0).',
  'rule.describe.dot.one': 'Place your {count} dot on an option; the option with the most dots wins.',
  'rule.describe.dot.other': 'Spread up to {count} dots across the options; the option with the most dots wins.',
  'rule.describe.advice': 'Members give support or concerns; the decider makes and records the decision.',

  'choice.agree': 'Agree',
  'choice.abstain': 'Abstain',
  'choice.disagree': 'Disagree',
  'choice.block': 'Block',
  'choice.consent': 'Consent',
  'choice.object': 'Object',
  'choice.yes': 'Yes',
  'choice.no': 'No',
  'choice.support': 'Support',
  'choice.concern': 'Concern',
  'choice.fist-of-five.0': '0 – No way',
  'choice.fist-of-five.1': '1 – Serious concerns',
  'choice.fist-of-five.2': '2 – Some concerns',
  'choice.fist-of-five.3': '3 – Can live with it',
  'choice.fist-of-five.4': '4 – Good idea',
  'choice.fist-of-five.5': '5 – Fully support',

  'ballot.empty': 'Your ballot is empty. Example: {example}',
  'ballot.noOptions': 'This proposal has no options to vote on.',
  'ballot.reasonRequired':
    'To vote “{choice}”, give a reason: say what would have to change for you to accept the proposal.',
  'ballot.consensus.unknown': '“{input}” is not a valid choice. Use one of: {choices}. Example: {example}',
  'ballot.consent.unknown': '“{input}” is not a valid choice. Use one of: {choices}. Example: {example}',
  'ballot.majority.unknown': '“{input}” is not a valid choice. Use one of: {choices}. Example: {example}',
  'ballot.advice.unknown': '“{input}” is not a valid choice. Use one of: {choices}. Example: {example}',
  'ballot.fist-of-five.unknown':
    '“{input}” is not a valid ballot. Show a whole number of fingers from 0 to 5, e.g. {example}',
  'ballot.poll.unknownOption':
    '“{option}” is not one of the options ({options}). Type an option or its number from 1 to {count}, e.g. {example}',
  'ballot.approval.unknownOption':
    '“{option}” is not one of the options ({options}). List the options you approve, separated by commas, e.g. {example}',
  'ballot.approval.duplicate':
    '“{option}” is listed twice. Name each option once, separated by commas, e.g. {example}',
  'ballot.ranked.unknownOption':
    '“{option}” is not one of the options ({options}). Rank options from most to least preferred with >, e.g. {example}',
  'ballot.ranked.duplicate': '“{option}” is ranked twice. Rank each option at most once, e.g. {example}',
  'ballot.ranked.format': 'One of the ranks is empty. Put > only between option names, e.g. {example}',
  'ballot.score.format':
    'Give scores as option=score, each from 0 to {max}, e.g. {example} (options you leave out score 0).',
  'ballot.score.unknownOption':
    '“{option}” is not one of the options ({options}). Score options as option=score, e.g. {example}',
  'ballot.score.duplicate': '“{option}” is scored twice. Score each option at most once, e.g. {example}',
  'ballot.score.badValue':
    '“{value}” is not a valid score for “{option}”: use a whole number from 0 to {max}, e.g. {example}',
  'ballot.dot.format': 'Place dots as option=number, at most {dots} in total, e.g. {example}',
  'ballot.dot.unknownOption':
    '“{option}” is not one of the options ({options}). Place dots as option=number, e.g. {example}',
  'ballot.dot.duplicate': '“{option}” appears twice. Put all of its dots in one entry, e.g. {example}',
  'ballot.dot.badValue':
    '“{value}” is not a number of dots for “{option}”: use a whole number, e.g. {example}',
  'ballot.dot.tooMany': 'That places {total} dots but you have only {dots}. Example: {example}',
  'ballot.dot.none': 'Place at least 1 of your {dots} dots, e.g. {example}',

  'tally.noQuorum.one':
    'Only {count} ballot was cast but quorum needs {needed} of {electorate} members, so nothing was decided.',
  'tally.noQuorum.other':
    'Only {count} ballots were cast but quorum needs {needed} of {electorate} members, so nothing was decided.',
  'tally.noQuorum.none': 'No ballots were cast but quorum needs {needed} of {electorate} members, so nothing was decided.',
  'tally.quorumMet.one': '{count} ballot cast; the quorum of {needed} of {electorate} members is met.',
  'tally.quorumMet.other': '{count} ballots cast; the quorum of {needed} of {electorate} members is met.',
  'tally.ignored.one': '{count} ballot does not fit this rule and was not counted.',
  'tally.ignored.other': '{count} ballots do not fit this rule and were not counted.',
  'tally.noVotes': 'No usable ballots were cast, so there is no result.',

  'tally.consensus.passed':
    '{agree} agreed, {disagree} disagreed, {abstain} abstained and nobody blocked, so the proposal passes.',
  'tally.consensus.blocked.one': 'Blocked by {count} member, so the proposal fails.',
  'tally.consensus.blocked.other': 'Blocked by {count} members, so the proposal fails.',
  'tally.consensus.nobodyAgreed': 'Nobody agreed, so the proposal fails.',

  'tally.consent.passed.one': '{count} member consented and nobody objected, so the proposal passes.',
  'tally.consent.passed.other': '{count} members consented and nobody objected, so the proposal passes.',
  'tally.consent.objected.one': '{count} objection was raised, so the proposal fails.',
  'tally.consent.objected.other': '{count} objections were raised, so the proposal fails.',
  'tally.consent.noBallots': 'Nobody responded, so the proposal fails: consent needs at least one ballot.',

  'tally.majority.abstained.one': '{count} member abstained; abstentions count toward quorum only.',
  'tally.majority.abstained.other': '{count} members abstained; abstentions count toward quorum only.',
  'tally.majority.noVotes': 'Nobody voted yes or no, so the proposal fails.',
  'tally.majority.passed':
    'Yes {yes}, no {no}: yes is more than half of the yes and no votes, so the proposal passes.',
  'tally.majority.failed':
    'Yes {yes}, no {no}: yes is not more than half of the yes and no votes, so the proposal fails.',
  'tally.majority.passedThreshold':
    'Yes {yes} of {decided} yes/no votes is at least {threshold}, so the proposal passes.',
  'tally.majority.failedThreshold':
    'Yes {yes} of {decided} yes/no votes is less than {threshold}, so the proposal fails.',

  'tally.fist-of-five.noBallots': 'Nobody voted, so the proposal fails.',
  'tally.fist-of-five.mean.one': 'The mean of {count} ballot is {mean:2} (at least {min} needed).',
  'tally.fist-of-five.mean.other': 'The mean of {count} ballots is {mean:2} (at least {min} needed).',
  'tally.fist-of-five.lowFingers.one': '{count} member showed 0 or 1, so the proposal fails.',
  'tally.fist-of-five.lowFingers.other': '{count} members showed 0 or 1, so the proposal fails.',
  'tally.fist-of-five.lowMean': 'The mean {mean:2} is below {min}, so the proposal fails.',
  'tally.fist-of-five.passed': 'Nobody showed 0 or 1 and the mean {mean:2} is at least {min}, so the proposal passes.',

  'tally.advice.summary': 'Support: {support}, concerns: {concern}, abstentions: {abstain}.',
  'tally.advice.decider': 'The advice is in; the decider now makes and records the decision.',

  'tally.poll.winner.one': '{option} wins with {count} vote.',
  'tally.poll.winner.other': '{option} wins with {count} votes.',
  'tally.poll.tie.one': '{options} are tied with {count} vote each.',
  'tally.poll.tie.other': '{options} are tied with {count} votes each.',
  'tally.approval.winner.one': '{option} wins with {count} approval.',
  'tally.approval.winner.other': '{option} wins with {count} approvals.',
  'tally.approval.tie.one': '{options} are tied with {count} approval each.',
  'tally.approval.tie.other': '{options} are tied with {count} approvals each.',
  'tally.dot.winner.one': '{option} wins with {count} dot.',
  'tally.dot.winner.other': '{option} wins with {count} dots.',
  'tally.dot.tie.one': '{options} are tied with {count} dot each.',
  'tally.dot.tie.other': '{options} are tied with {count} dots each.',
  'tally.score.winner': '{option} wins with a mean score of {mean:2}.',
  'tally.score.tie': '{options} are tied with a mean score of {mean:2}.',

  'tally.ranked.round.winner':
    'Round {round}: {counts}; exhausted ballots: {exhausted}. {option} has more than half of the {active} continuing ballots and wins.',
  'tally.ranked.round.tie':
    'Round {round}: {counts}; exhausted ballots: {exhausted}. {options} have the same number of votes, so the result is a tie.',
  'tally.ranked.round.eliminated':
    'Round {round}: {counts}; exhausted ballots: {exhausted}. {option} has the fewest votes and is eliminated.',
  'tally.ranked.round.eliminatedPrevious':
    'Round {round}: {counts}; exhausted ballots: {exhausted}. {tied} share the fewest votes; {option} had fewer in round {previous} and is eliminated.',
  'tally.ranked.round.eliminatedMentions':
    'Round {round}: {counts}; exhausted ballots: {exhausted}. {tied} share the fewest votes; {option} is ranked on the fewest ballots overall and is eliminated.',
  'tally.ranked.round.eliminatedOrder':
    'Round {round}: {counts}; exhausted ballots: {exhausted}. {tied} share the fewest votes and are equal on every tie-break; {option} is listed last among them in the proposal and is eliminated.',
  'tally.ranked.round.eliminatedLot':
    'Round {round}: {counts}; exhausted ballots: {exhausted}. {tied} share the fewest votes and are equal on every other tie-break; in the lot seeded by audit entry #{seq}, {option} drew the lowest hash and is eliminated.',
  'tally.ranked.round.eliminatedBatch':
    'Round {round}: {counts}; exhausted ballots: {exhausted}. {tied} share the fewest votes and are all eliminated together.',
  'tally.ranked.round.lotAtClose':
    'Round {round}: {counts}; exhausted ballots: {exhausted}. {tied} share the fewest votes and are equal on every other tie-break; which of them is eliminated will be drawn by lot when voting ends, so the result is not known yet.',
} as const satisfies Catalog;

export type RuleMessageKey = keyof typeof en;

const vi: Record<RuleMessageKey, string> = {
  'rule.name.consensus': 'Đồng thuận',
  'rule.name.consent': 'Chấp thuận',
  'rule.name.majority': 'Biểu quyết đa số',
  'rule.name.fist-of-five': 'Biểu quyết bằng ngón tay (0–5)',
  'rule.name.poll': 'Thăm dò ý kiến',
  'rule.name.approval': 'Bỏ phiếu tán thành',
  'rule.name.ranked': 'Bỏ phiếu xếp hạng',
  'rule.name.score': 'Chấm điểm',
  'rule.name.dot': 'Bỏ phiếu bằng chấm',
  'rule.name.advice': 'Quy trình xin ý kiến',

  'rule.describe.consensus': 'Được thông qua khi có ít nhất một người đồng ý và không ai chặn.',
  'rule.describe.consent': 'Được thông qua khi không ai phản đối.',
  'rule.describe.majority':
    'Được thông qua khi phiếu có chiếm hơn một nửa tổng số phiếu có và không, nên nếu hai bên bằng nhau thì không được thông qua; phiếu trắng chỉ tính vào túc số.',
  'rule.describe.majority.threshold':
    'Được thông qua khi phiếu có chiếm ít nhất {threshold} tổng số phiếu có và không; phiếu trắng chỉ tính vào túc số.',
  'rule.describe.majority.half':
    'Được thông qua khi phiếu có chiếm ít nhất một nửa ({threshold}) tổng số phiếu có và không, nên nếu hai bên bằng nhau thì vẫn được thông qua; phiếu trắng chỉ tính vào túc số.',
  'rule.describe.fist-of-five':
    'Giơ từ 0 đến 5 ngón tay; được thông qua khi không ai giơ 0 hoặc 1 ngón và điểm trung bình đạt ít nhất {min}.',
  'rule.describe.poll': 'Chọn một phương án; phương án có nhiều phiếu nhất sẽ thắng.',
  'rule.describe.approval': 'Tán thành bao nhiêu phương án tùy ý; phương án được tán thành nhiều nhất sẽ thắng.',
  'rule.describe.ranked':
    'Xếp hạng các phương án; mỗi vòng loại phương án ít phiếu nhất cho đến khi có phương án đạt hơn một nửa số phiếu còn hiệu lực. Nếu nhiều phương án cùng ít phiếu nhất, phương án ít phiếu hơn ở các vòng trước bị loại, rồi đến phương án được xếp hạng trên ít phiếu hơn, sau cùng là bốc thăm khi việc bỏ phiếu kết thúc; nếu mọi phương án còn lại bằng phiếu nhau thì kết quả là hòa.',
  'rule.describe.ranked.batch':
    'Xếp hạng các phương án; mỗi vòng loại phương án ít phiếu nhất cho đến khi có phương án đạt hơn một nửa số phiếu còn hiệu lực. Các phương án cùng ít phiếu nhất bị loại cùng lúc; nếu mọi phương án còn lại bằng phiếu nhau thì kết quả là hòa.',
  'rule.describe.score':
    'Chấm mỗi phương án từ 0 đến {max} điểm; phương án có điểm trung bình cao nhất sẽ thắng (phương án không chấm tính là 0).',
  'rule.describe.dot.one': 'Phân bổ tối đa {count} chấm cho các phương án; phương án nhiều chấm nhất sẽ thắng.',
  'rule.describe.dot.other': 'Phân bổ tối đa {count} chấm cho các phương án; phương án nhiều chấm nhất sẽ thắng.',
  'rule.describe.advice':
    'Các thành viên góp ý ủng hộ hoặc nêu lo ngại; người chịu trách nhiệm quyết định sẽ đưa ra và ghi lại quyết định.',

  'choice.agree': 'Đồng ý',
  'choice.abstain': 'Phiếu trắng',
  'choice.disagree': 'Không đồng ý',
  'choice.block': 'Chặn',
  'choice.consent': 'Chấp thuận',
  'choice.object': 'Phản đối',
  'choice.yes': 'Có',
  'choice.no': 'Không',
  'choice.support': 'Ủng hộ',
  'choice.concern': 'Lo ngại',
  'choice.fist-of-five.0': '0 – Hoàn toàn phản đối',
  'choice.fist-of-five.1': '1 – Lo ngại nghiêm trọng',
  'choice.fist-of-five.2': '2 – Còn vài băn khoăn',
  'choice.fist-of-five.3': '3 – Chấp nhận được',
  'choice.fist-of-five.4': '4 – Ý tưởng tốt',
  'choice.fist-of-five.5': '5 – Hoàn toàn ủng hộ',

  'ballot.empty': 'Phiếu của bạn đang trống. Ví dụ: {example}',
  'ballot.noOptions': 'Đề xuất này chưa có phương án nào để bỏ phiếu.',
  'ballot.reasonRequired':
    'Phiếu “{choice}” cần kèm lý do: hãy nêu điều cần thay đổi để bạn có thể chấp nhận đề xuất.',
  'ballot.consensus.unknown':
    '“{input}” không phải lựa chọn hợp lệ. Hãy dùng đồng ý, phiếu trắng, phản đối hoặc chặn (tiếng Anh: {choices}). Ví dụ: {example}',
  'ballot.consent.unknown':
    '“{input}” không phải lựa chọn hợp lệ. Hãy dùng chấp thuận hoặc phản đối (tiếng Anh: {choices}). Ví dụ: {example}',
  'ballot.majority.unknown':
    '“{input}” không phải lựa chọn hợp lệ. Hãy dùng có, không hoặc phiếu trắng (tiếng Anh: {choices}). Ví dụ: {example}',
  'ballot.advice.unknown':
    '“{input}” không phải lựa chọn hợp lệ. Hãy dùng ủng hộ, lo ngại hoặc phiếu trắng (tiếng Anh: {choices}). Ví dụ: {example}',
  'ballot.fist-of-five.unknown': '“{input}” không hợp lệ. Hãy nhập số ngón tay từ 0 đến 5, ví dụ: {example}',
  'ballot.poll.unknownOption':
    '“{option}” không có trong các phương án ({options}). Hãy nhập tên phương án hoặc số thứ tự từ 1 đến {count}, ví dụ: {example}',
  'ballot.approval.unknownOption':
    '“{option}” không có trong các phương án ({options}). Hãy liệt kê các phương án bạn tán thành, cách nhau bằng dấu phẩy, ví dụ: {example}',
  'ballot.approval.duplicate':
    '“{option}” bị liệt kê hai lần. Mỗi phương án chỉ ghi một lần, cách nhau bằng dấu phẩy, ví dụ: {example}',
  'ballot.ranked.unknownOption':
    '“{option}” không có trong các phương án ({options}). Hãy xếp hạng từ thích nhất đến ít thích nhất bằng dấu >, ví dụ: {example}',
  'ballot.ranked.duplicate': '“{option}” bị xếp hạng hai lần. Mỗi phương án chỉ được xếp một lần, ví dụ: {example}',
  'ballot.ranked.format': 'Có một thứ hạng bị bỏ trống. Chỉ đặt dấu > giữa các tên phương án, ví dụ: {example}',
  'ballot.score.format':
    'Hãy chấm điểm theo dạng <phương án>=<điểm>, mỗi điểm từ 0 đến {max}, ví dụ: {example} (phương án không chấm tính là 0).',
  'ballot.score.unknownOption':
    '“{option}” không có trong các phương án ({options}). Hãy chấm điểm theo dạng <phương án>=<điểm>, ví dụ: {example}',
  'ballot.score.duplicate': '“{option}” bị chấm điểm hai lần. Mỗi phương án chỉ được chấm một lần, ví dụ: {example}',
  'ballot.score.badValue':
    '“{value}” không phải điểm hợp lệ cho “{option}”: hãy dùng số nguyên từ 0 đến {max}, ví dụ: {example}',
  'ballot.dot.format': 'Hãy đặt chấm theo dạng <phương án>=<số chấm>, tổng cộng tối đa {dots} chấm, ví dụ: {example}',
  'ballot.dot.unknownOption':
    '“{option}” không có trong các phương án ({options}). Hãy đặt chấm theo dạng <phương án>=<số chấm>, ví dụ: {example}',
  'ballot.dot.duplicate': '“{option}” xuất hiện hai lần. Hãy gộp toàn bộ số chấm của nó vào một mục, ví dụ: {example}',
  'ballot.dot.badValue': '“{value}” không phải số chấm hợp lệ cho “{option}”: hãy dùng số nguyên, ví dụ: {example}',
  'ballot.dot.tooMany': 'Bạn đã đặt {total} chấm nhưng chỉ có {dots} chấm. Ví dụ: {example}',
  'ballot.dot.none': 'Hãy đặt ít nhất 1 trong {dots} chấm của bạn, ví dụ: {example}',

  'tally.noQuorum.one':
    'Chỉ có {count} phiếu trong khi túc số là {needed} trên {electorate} thành viên, nên chưa có quyết định.',
  'tally.noQuorum.other':
    'Chỉ có {count} phiếu trong khi túc số là {needed} trên {electorate} thành viên, nên chưa có quyết định.',
  'tally.noQuorum.none': 'Chưa có phiếu nào trong khi túc số là {needed} trên {electorate} thành viên, nên chưa có quyết định.',
  'tally.quorumMet.one': 'Đã có {count} phiếu, đạt túc số {needed} trên {electorate} thành viên.',
  'tally.quorumMet.other': 'Đã có {count} phiếu, đạt túc số {needed} trên {electorate} thành viên.',
  'tally.ignored.one': '{count} phiếu không phù hợp với thể thức này nên không được tính.',
  'tally.ignored.other': '{count} phiếu không phù hợp với thể thức này nên không được tính.',
  'tally.noVotes': 'Không có phiếu hợp lệ nào nên chưa có kết quả.',

  'tally.consensus.passed':
    '{agree} đồng ý, {disagree} không đồng ý, {abstain} phiếu trắng và không ai chặn, nên đề xuất được thông qua.',
  'tally.consensus.blocked.one': 'Bị {count} thành viên chặn nên đề xuất không được thông qua.',
  'tally.consensus.blocked.other': 'Bị {count} thành viên chặn nên đề xuất không được thông qua.',
  'tally.consensus.nobodyAgreed': 'Không ai đồng ý nên đề xuất không được thông qua.',

  'tally.consent.passed.one': '{count} thành viên chấp thuận và không ai phản đối, nên đề xuất được thông qua.',
  'tally.consent.passed.other': '{count} thành viên chấp thuận và không ai phản đối, nên đề xuất được thông qua.',
  'tally.consent.objected.one': 'Có {count} ý kiến phản đối nên đề xuất không được thông qua.',
  'tally.consent.objected.other': 'Có {count} ý kiến phản đối nên đề xuất không được thông qua.',
  'tally.consent.noBallots': 'Chưa ai phản hồi nên đề xuất không được thông qua: cần ít nhất một phiếu.',

  'tally.majority.abstained.one': '{count} thành viên bỏ phiếu trắng; phiếu trắng chỉ được tính vào túc số.',
  'tally.majority.abstained.other': '{count} thành viên bỏ phiếu trắng; phiếu trắng chỉ được tính vào túc số.',
  'tally.majority.noVotes': 'Không ai bỏ phiếu có hoặc không nên đề xuất không được thông qua.',
  'tally.majority.passed':
    '{yes} phiếu có, {no} phiếu không: phiếu có chiếm hơn một nửa tổng số phiếu có và không, nên đề xuất được thông qua.',
  'tally.majority.failed':
    '{yes} phiếu có, {no} phiếu không: phiếu có không chiếm hơn một nửa tổng số phiếu có và không, nên đề xuất không được thông qua.',
  'tally.majority.passedThreshold':
    '{yes} trên {decided} phiếu có/không là phiếu có, đạt ít nhất {threshold}, nên đề xuất được thông qua.',
  'tally.majority.failedThreshold':
    '{yes} trên {decided} phiếu có/không là phiếu có, chưa đạt {threshold}, nên đề xuất không được thông qua.',

  'tally.fist-of-five.noBallots': 'Chưa ai bỏ phiếu nên đề xuất không được thông qua.',
  'tally.fist-of-five.mean.one': 'Điểm trung bình của {count} phiếu là {mean:2} (cần ít nhất {min}).',
  'tally.fist-of-five.mean.other': 'Điểm trung bình của {count} phiếu là {mean:2} (cần ít nhất {min}).',
  'tally.fist-of-five.lowFingers.one': '{count} thành viên giơ 0 hoặc 1 ngón nên đề xuất không được thông qua.',
  'tally.fist-of-five.lowFingers.other': '{count} thành viên giơ 0 hoặc 1 ngón nên đề xuất không được thông qua.',
  'tally.fist-of-five.lowMean': 'Điểm trung bình {mean:2} thấp hơn {min} nên đề xuất không được thông qua.',
  'tally.fist-of-five.passed':
    'Không ai giơ 0 hoặc 1 ngón và điểm trung bình {mean:2} đạt ít nhất {min}, nên đề xuất được thông qua.',

  'tally.advice.summary': 'Ủng hộ: {support}, lo ngại: {concern}, phiếu trắng: {abstain}.',
  'tally.advice.decider': 'Đã thu thập ý kiến; giờ người chịu trách nhiệm quyết định sẽ đưa ra và ghi lại quyết định.',

  'tally.poll.winner.one': '{option} thắng với {count} phiếu.',
  'tally.poll.winner.other': '{option} thắng với {count} phiếu.',
  'tally.poll.tie.one': '{options} hòa nhau, mỗi phương án {count} phiếu.',
  'tally.poll.tie.other': '{options} hòa nhau, mỗi phương án {count} phiếu.',
  'tally.approval.winner.one': '{option} thắng với {count} lượt tán thành.',
  'tally.approval.winner.other': '{option} thắng với {count} lượt tán thành.',
  'tally.approval.tie.one': '{options} hòa nhau, mỗi phương án {count} lượt tán thành.',
  'tally.approval.tie.other': '{options} hòa nhau, mỗi phương án {count} lượt tán thành.',
  'tally.dot.winner.one': '{option} thắng với {count} chấm.',
  'tally.dot.winner.other': '{option} thắng với {count} chấm.',
  'tally.dot.tie.one': '{options} hòa nhau, mỗi phương án {count} chấm.',
  'tally.dot.tie.other': '{options} hòa nhau, mỗi phương án {count} chấm.',
  'tally.score.winner': '{option} thắng với điểm trung bình {mean:2}.',
  'tally.score.tie': '{options} hòa nhau với điểm trung bình {mean:2}.',

  'tally.ranked.round.winner':
    'Vòng {round}: {counts}; phiếu đã hết lựa chọn: {exhausted}. {option} có hơn một nửa trong {active} phiếu còn hiệu lực nên thắng.',
  'tally.ranked.round.tie':
    'Vòng {round}: {counts}; phiếu đã hết lựa chọn: {exhausted}. {options} có số phiếu bằng nhau nên kết quả là hòa.',
  'tally.ranked.round.eliminated':
    'Vòng {round}: {counts}; phiếu đã hết lựa chọn: {exhausted}. {option} có ít phiếu nhất nên bị loại.',
  'tally.ranked.round.eliminatedPrevious':
    'Vòng {round}: {counts}; phiếu đã hết lựa chọn: {exhausted}. {tied} cùng có ít phiếu nhất; {option} có ít phiếu hơn ở vòng {previous} nên bị loại.',
  'tally.ranked.round.eliminatedMentions':
    'Vòng {round}: {counts}; phiếu đã hết lựa chọn: {exhausted}. {tied} cùng có ít phiếu nhất; {option} được xếp hạng trên ít phiếu nhất nên bị loại.',
  'tally.ranked.round.eliminatedOrder':
    'Vòng {round}: {counts}; phiếu đã hết lựa chọn: {exhausted}. {tied} cùng có ít phiếu nhất và bằng nhau ở mọi tiêu chí phụ; {option} đứng sau cùng trong số đó theo thứ tự phương án của đề xuất nên bị loại.',
  'tally.ranked.round.eliminatedLot':
    'Vòng {round}: {counts}; phiếu đã hết lựa chọn: {exhausted}. {tied} cùng có ít phiếu nhất và bằng nhau ở mọi tiêu chí phụ khác; trong lượt bốc thăm lấy hạt giống từ mục #{seq} của nhật ký kiểm toán, {option} có mã băm nhỏ nhất nên bị loại.',
  'tally.ranked.round.eliminatedBatch':
    'Vòng {round}: {counts}; phiếu đã hết lựa chọn: {exhausted}. {tied} cùng có ít phiếu nhất nên cùng bị loại.',
  'tally.ranked.round.lotAtClose':
    'Vòng {round}: {counts}; phiếu đã hết lựa chọn: {exhausted}. {tied} cùng có ít phiếu nhất và bằng nhau ở mọi tiêu chí phụ khác; phương án bị loại sẽ được bốc thăm khi việc bỏ phiếu kết thúc, nên hiện chưa biết kết quả.',
};

export const rulesMessages: { en: Catalog; vi: Catalog } = { en, vi };
