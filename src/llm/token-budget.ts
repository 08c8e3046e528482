import type { TokenBudget } from './types.js';

export interface TokenBudgetState extends TokenBudget {
  /** Tokens spent by settled calls. */
  spent(): number;
}

/** A per-digest token allowance; reservations count until settled, so parallel calls cannot overshoot it. */
export function createTokenBudget(limit: number): TokenBudgetState {
  let spent = 0;
  let reserved = 0;
  return {
    tryReserve(tokens) {
      if (spent + reserved + tokens > limit) return false;
      reserved += tokens;
      return true;
    },
    settle(reservation, used) {
      reserved = Math.max(0, reserved - reservation);
      spent += used;
    },
    spent: () => spent,
  };
}
