// Caps on what one command may carry. They are checked before any other work, so a huge or hostile line costs nothing.

/** The longest line read at all: room for a 4000-character body, a title, 20 options and every flag. */
export const MAX_LINE_LENGTH = 10_000;
/** A word that is not free text (a number, a choice, a member, a time zone) is never longer than this. */
export const MAX_WORD_LENGTH = 200;
/** People named as owners of one commitment. */
export const MAX_OWNERS = 20;
/** Parties to one mediation. */
export const MAX_PARTIES = 20;
/** People added to a group by one command: a whole assembly can join at once. */
export const MAX_ADDED = 500;
/** Mentions (`<@U1>`, `<!here>`) written in one free-text value, each of which may notify someone. */
export const MAX_MENTIONS = 20;
/** How much of something the member typed a reply quotes back before cutting it short with "…". */
export const MAX_ECHO = 40;

/** The first MAX_ECHO characters of `text`, with "…" when something was cut. */
export function echo(text: string): string {
  const chars = Array.from(text);
  return chars.length > MAX_ECHO ? `${chars.slice(0, MAX_ECHO).join('')}…` : text;
}
