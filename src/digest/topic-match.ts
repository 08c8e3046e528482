import type { Author, Paper } from '../types.js';

/** "The Lancet. Oncology" and "lancet oncology" name the same journal. */
export function normalizeJournal(name: string): string {
  return normalizeName(name).replace(/^the /, '');
}

export function matchesJournal(paper: Paper, journal: string): boolean {
  return paper.journal !== undefined && normalizeJournal(paper.journal) === normalizeJournal(journal);
}

/** Exact MeSH heading, with or without a subheading ("…, Juvenile/therapy"). */
export function matchesMesh(paper: Paper, term: string): boolean {
  const wanted = normalizeName(term);
  return paper.mesh.some((heading) => {
    const descriptor = normalizeName(heading.split('/')[0] ?? heading);
    return descriptor === wanted;
  });
}

/** "Loh ML", "Loh M", "Mignon Loh" or "Loh" all follow the author Mignon L. Loh. */
export function matchesAuthor(paper: Paper, name: string): boolean {
  const wanted = normalizeName(name);
  return paper.authors.some((author) => authorForms(author).includes(wanted));
}

function authorForms(author: Author): string[] {
  if (author.collective) return [normalizeName(author.collective)];
  const last = normalizeName(author.lastName ?? '');
  if (!last) return [];
  const fore = normalizeName(author.foreName ?? '');
  const initials = normalizeName(author.initials ?? '').replace(/ /g, '') || initialsOf(fore);
  const forms = [last, `${last} ${initials}`, `${last} ${initials.slice(0, 1)}`];
  if (fore) forms.push(`${fore} ${last}`, `${last} ${fore}`);
  return forms;
}

function initialsOf(foreName: string): string {
  return foreName
    .split(/[\s-]+/)
    .map((part) => part.slice(0, 1))
    .join('');
}

function normalizeName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[.,;:()'"*]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
