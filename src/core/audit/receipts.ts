// Sealed ballot entries of anonymous proposals: what the chain stores instead of a name, and the receipt that lets a voter find theirs.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { BallotValue } from '../proposals/rules/types.js';
import { canonicalJson } from './chain.js';

/** A proposal's secret for its sealed entries: kept with the proposal, never shown, never in the chain. */
export function newBallotSalt(): string {
  return randomBytes(32).toString('hex');
}

const NONCE_BYTES = 16;
const RECEIPT = /^(\d{1,9})-([0-9a-f]{32})$/;

function mac(salt: string, text: string): string {
  return createHmac('sha256', Buffer.from(salt, 'hex')).update(text).digest('hex');
}

function sameHex(a: unknown, b: string): boolean {
  return typeof a === 'string' && a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

export interface SealedBallot {
  /** What the voter keeps: `<proposal number>-<nonce>`. */
  receipt: string;
  /** The entry's data: commitments only, no member id and no ballot value. */
  data: Record<string, unknown>;
}

/**
 * Each ballot gets a fresh nonce, so two entries of the same member (a cast and a change) cannot be
 * matched with each other. Without the salt nobody can test a guess of member or value against an
 * entry; without the nonce (the voter's receipt) not even someone holding the salt can.
 */
export function sealBallot(salt: string, proposalNumber: number, memberId: number, value: BallotValue): SealedBallot {
  const nonce = randomBytes(NONCE_BYTES).toString('hex');
  return {
    receipt: `${proposalNumber}-${nonce}`,
    data: { anonymous: true, voter: voterCommitment(salt, memberId, nonce), ballot: ballotCommitment(salt, nonce, value) },
  };
}

export function voterCommitment(salt: string, memberId: number, nonce: string): string {
  return mac(salt, `voter:${memberId}:${nonce}`);
}

function ballotCommitment(salt: string, nonce: string, value: BallotValue): string {
  return mac(salt, `ballot:${nonce}:${canonicalJson(value)}`);
}

/** Does the sealed entry hold this ballot value? (The voter's current one, to tell whether the receipt is their latest.) */
export function holdsBallot(salt: string, nonce: string, value: BallotValue, data: Record<string, unknown>): boolean {
  return sameHex(data.ballot, ballotCommitment(salt, nonce, value));
}

export function parseReceipt(text: string): { number: number; nonce: string } | null {
  const m = RECEIPT.exec(text.trim().toLowerCase());
  return m ? { number: Number(m[1]), nonce: m[2]! } : null;
}
