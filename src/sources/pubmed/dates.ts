import { childOf, textOf } from '../xml.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export interface PubmedDate {
  /** ISO date, as precise as the record: "2023-01-15", "2023-01" or "2023". */
  iso?: string;
  /** The date as printed when it is not a plain date ("2023 Jan-Feb", "1990 Spring"). */
  text?: string;
}

/** A PubMed month: "Jan", "01" or "1". */
function monthNumber(raw: string | undefined): number | undefined {
  if (!raw) return undefined;
  const numeric = Number(raw);
  if (Number.isInteger(numeric) && numeric >= 1 && numeric <= 12) return numeric;
  const index = MONTHS.indexOf(raw.slice(0, 3).toLowerCase());
  return index >= 0 ? index + 1 : undefined;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** `<PubDate>` / `<ArticleDate>`: Year/Month/Day, Season, or a free-text MedlineDate. */
export function parsePubmedDate(node: unknown): PubmedDate {
  const medlineDate = textOf(childOf(node, 'MedlineDate'));
  if (medlineDate) return parseMedlineDate(medlineDate);
  const year = textOf(childOf(node, 'Year'));
  if (!year || !/^\d{4}$/.test(year)) return {};
  const month = monthNumber(textOf(childOf(node, 'Month')));
  const day = Number(textOf(childOf(node, 'Day')));
  const season = textOf(childOf(node, 'Season'));
  const text = season ? `${year} ${season}` : undefined;
  if (!month) return { iso: year, text };
  if (!Number.isInteger(day) || day < 1 || day > 31) return { iso: `${year}-${pad(month)}`, text };
  return { iso: `${year}-${pad(month)}-${pad(day)}`, text };
}

/**
 * MedlineDate is free text ("2023 Jan-Feb", "1998 Dec-1999 Jan", "2000 Spring"): keep it as
 * printed and take the first year and month it names as the ISO date.
 */
export function parseMedlineDate(raw: string): PubmedDate {
  const text = raw.trim();
  const match = /^(\d{4})(?:\s+([A-Za-z]{3})[a-z]*)?/.exec(text);
  if (!match?.[1]) return { text };
  const month = monthNumber(match[2]);
  return { iso: month ? `${match[1]}-${pad(month)}` : match[1], text };
}
