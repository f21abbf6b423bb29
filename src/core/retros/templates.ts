// Retrospective templates as data: each one's columns, with their labels, prompts and the words members may type
// for them, in English and Vietnamese. A new template is a new entry here, nothing else.
import type { Locale } from '../i18n/types.js';

export const TEMPLATE_IDS = ['4ls', 'start-stop-continue', 'blameless', 'premortem'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

/** A retro started without --template: the 4Ls suit any look back, good or bad. */
export const DEFAULT_TEMPLATE: TemplateId = '4ls';

type Words = Record<Locale, string>;

export interface Column {
  /** What is stored, and what members type. */
  id: string;
  label: Words;
  prompt: Words;
  /** Other words that name the column, written with `-` between words (`bắt-đầu`). */
  aliases: readonly string[];
}

export interface Template {
  id: TemplateId;
  name: Words;
  columns: readonly Column[];
}

export const TEMPLATES: Record<TemplateId, Template> = {
  '4ls': {
    id: '4ls',
    name: { en: '4Ls', vi: '4L' },
    columns: [
      { id: 'liked', label: { en: 'Liked', vi: 'Thích' }, prompt: { en: 'What went well, what we enjoyed', vi: 'Điều gì tốt, điều gì ta thấy vui' }, aliases: ['thích'] },
      { id: 'learned', label: { en: 'Learned', vi: 'Học được' }, prompt: { en: 'What we found out', vi: 'Điều ta đã rút ra' }, aliases: ['học', 'học-được'] },
      { id: 'lacked', label: { en: 'Lacked', vi: 'Thiếu' }, prompt: { en: 'What was missing or held us back', vi: 'Điều còn thiếu hoặc cản bước ta' }, aliases: ['thiếu'] },
      { id: 'longed-for', label: { en: 'Longed for', vi: 'Mong muốn' }, prompt: { en: 'What we wish we had', vi: 'Điều ta ước đã có' }, aliases: ['longed', 'mong', 'mong-muốn'] },
    ],
  },
  'start-stop-continue': {
    id: 'start-stop-continue',
    name: { en: 'Start, stop, continue', vi: 'Bắt đầu, dừng, tiếp tục' },
    columns: [
      { id: 'start', label: { en: 'Start', vi: 'Bắt đầu' }, prompt: { en: 'What we should begin doing', vi: 'Điều ta nên bắt đầu làm' }, aliases: ['bắt-đầu'] },
      { id: 'stop', label: { en: 'Stop', vi: 'Dừng' }, prompt: { en: 'What we should stop doing', vi: 'Điều ta nên thôi làm' }, aliases: ['dừng', 'thôi'] },
      { id: 'continue', label: { en: 'Continue', vi: 'Tiếp tục' }, prompt: { en: 'What works and should go on', vi: 'Điều đang ổn và nên giữ' }, aliases: ['tiếp-tục', 'giữ'] },
    ],
  },
  // A blameless look back at what went wrong: facts first, then what helped and what got in the way (conditions,
  // not culprits), then what the group will try. Nobody's name is asked for.
  blameless: {
    id: 'blameless',
    name: { en: 'Blameless post-mortem', vi: 'Nhìn lại không đổ lỗi' },
    columns: [
      { id: 'happened', label: { en: 'What happened', vi: 'Điều đã xảy ra' }, prompt: { en: 'The facts, in order, without blame', vi: 'Các sự việc, theo thứ tự, không đổ lỗi' }, aliases: ['what-happened', 'xảy-ra', 'diễn-biến'] },
      { id: 'helped', label: { en: 'What helped', vi: 'Điều đã giúp' }, prompt: { en: 'What limited the harm or helped us recover', vi: 'Điều đã hạn chế thiệt hại hoặc giúp ta vượt qua' }, aliases: ['what-helped', 'giúp'] },
      { id: 'hindered', label: { en: 'What got in the way', vi: 'Điều đã cản trở' }, prompt: { en: 'Conditions, tools and pressures that made it likely', vi: 'Hoàn cảnh, công cụ và áp lực đã khiến việc này dễ xảy ra' }, aliases: ['in-the-way', 'cản-trở', 'trở-ngại'] },
      { id: 'try', label: { en: 'What we will try', vi: 'Điều ta sẽ thử' }, prompt: { en: 'Changes to make next time', vi: 'Những thay đổi cho lần sau' }, aliases: ['will-try', 'thử', 'sẽ-thử'] },
    ],
  },
  // Imagining the work has already failed makes it easier to say what could sink it.
  premortem: {
    id: 'premortem',
    name: { en: 'Pre-mortem', vi: 'Dự liệu thất bại' },
    columns: [
      { id: 'failed-because', label: { en: 'It failed because…', vi: 'Việc thất bại vì…' }, prompt: { en: 'Imagine it is over and it failed: why?', vi: 'Hãy hình dung việc đã xong và thất bại: vì sao?' }, aliases: ['failed', 'because', 'thất-bại', 'vì'] },
      { id: 'warning-signs', label: { en: 'Warning signs', vi: 'Dấu hiệu cảnh báo' }, prompt: { en: 'What we would notice early', vi: 'Điều ta sẽ nhận ra từ sớm' }, aliases: ['signs', 'dấu-hiệu', 'cảnh-báo'] },
      { id: 'do-now', label: { en: 'What we do now', vi: 'Điều ta làm ngay' }, prompt: { en: 'What we do now so it does not happen', vi: 'Điều ta làm ngay để nó không xảy ra' }, aliases: ['now', 'làm-ngay', 'ngay'] },
    ],
  },
};

/** The words members may type for templates, besides their ids. */
export const TEMPLATE_ALIASES: Readonly<Record<string, TemplateId>> = {
  '4l': '4ls',
  ssc: 'start-stop-continue',
  'bắt-đầu-dừng-tiếp-tục': 'start-stop-continue',
  postmortem: 'blameless',
  'post-mortem': 'blameless',
  'không-đổ-lỗi': 'blameless',
  'pre-mortem': 'premortem',
  'dự-liệu': 'premortem',
};

const normal = (word: string) => word.trim().toLowerCase().normalize('NFC').replace(/[\s_]+/g, '-').replace(/[….]+$/u, '');

/** The column a member typed: its id, one of its aliases or its label in either language, any case. */
export function findColumn(template: TemplateId, typed: string): Column | null {
  const word = normal(typed);
  return (
    TEMPLATES[template].columns.find(
      (c) => c.id === word || c.aliases.includes(word) || normal(c.label.en) === word || normal(c.label.vi) === word,
    ) ?? null
  );
}

export const isTemplateId = (value: string): value is TemplateId => (TEMPLATE_IDS as readonly string[]).includes(value);
