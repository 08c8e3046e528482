import { InvalidInputError } from '../../../../errors.js';

/** Reads "on"/"off" (and yes/no, true/false). */
export function parseOnOff(value: string, example: string): boolean {
  const word = value.trim().toLowerCase();
  if (['on', 'yes', 'true'].includes(word)) return true;
  if (['off', 'no', 'false'].includes(word)) return false;
  throw new InvalidInputError(`"${value}" should be on or off.`, example);
}
