// Canonical ballot choices for the rules that vote with a single word, in the order cards show them.

export const CONSENSUS_CHOICES = ['agree', 'abstain', 'disagree', 'block'] as const;
export const CONSENT_CHOICES = ['consent', 'object'] as const;
export const MAJORITY_CHOICES = ['yes', 'no', 'abstain'] as const;
export const FIST_OF_FIVE_CHOICES = ['0', '1', '2', '3', '4', '5'] as const;
/**
 * Advice includes 'abstain' so a member can acknowledge they were consulted without taking a
 * stance; the decider then sees who was asked and stayed neutral rather than who never answered.
 */
export const ADVICE_CHOICES = ['support', 'concern', 'abstain'] as const;

/** Defaults shared by tallies, ballot parsing and rule descriptions so they never disagree. */
export const DEFAULT_MIN_MEAN = 3;
export const DEFAULT_DOTS = 5;
export const MAX_SCORE = 5;
