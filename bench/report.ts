/** One printed line of the results table. */
export interface ResultRow {
  section: string;
  figure: string;
  value: string | number;
  /** What the figure is measured against, e.g. "goal < 0.05". */
  against?: string;
}

export function formatTable(rows: ResultRow[]): string {
  const header: ResultRow = { section: 'bench', figure: 'figure', value: 'value', against: 'against' };
  const all = [header, ...rows];
  const width = (pick: (row: ResultRow) => string) => Math.max(...all.map((row) => pick(row).length));
  const columns: ((row: ResultRow) => string)[] = [
    (row) => row.section,
    (row) => row.figure,
    (row) => String(row.value),
    (row) => row.against ?? '',
  ];
  const widths = columns.map(width);
  const line = (row: ResultRow) =>
    columns
      .map((pick, i) => pick(row).padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n');
}
