import type { Paper } from '../types.js';
import { overlap, termSet } from './similarity.js';

/** Two records whose titles share this much are the same work (or its erratum, its reprint). */
const SAME_TITLE = 0.8;
/** A trial's primary report and one secondary analysis are both worth a look; a third is noise. */
const MAX_PER_TRIAL = 2;

/**
 * Walks papers best first and keeps at most two per trial (same NCT id) and one per
 * near-identical title; each dropped id is listed on the paper that kept its place.
 */
export function diversify<T extends { paper: Paper }>(ranked: T[]): (T & { collapsed: string[] })[] {
  const kept: (T & { collapsed: string[] })[] = [];
  const keptTitles: Set<string>[] = [];
  const perTrial = new Map<string, number>();
  for (const entry of ranked) {
    const title = termSet(entry.paper.title);
    const twin = keptTitles.findIndex((other) => overlap(other, title) >= SAME_TITLE);
    const crowdedTrial = entry.paper.nctIds.find((nct) => (perTrial.get(nct) ?? 0) >= MAX_PER_TRIAL);
    const host =
      twin >= 0
        ? kept[twin]
        : kept.find((other) => crowdedTrial && other.paper.nctIds.includes(crowdedTrial));
    if (host) {
      host.collapsed.push(entry.paper.id);
      continue;
    }
    for (const nct of entry.paper.nctIds) perTrial.set(nct, (perTrial.get(nct) ?? 0) + 1);
    kept.push({ ...entry, collapsed: [] });
    keptTitles.push(title);
  }
  return kept;
}
