/**
 * The boolean search the loopback fakes of PubMed and Europe PMC run over their fixture
 * records: enough of both query languages for what the app sends, not a search engine.
 *
 * - `a AND b`, `a OR b`, `a NOT b`, parentheses; adjacent terms are ANDed; operators apply
 *   left to right, as in PubMed.
 * - a word or "a phrase" matches the record's title, abstract, MeSH and keywords (each word as
 *   a word or, from four letters, a word's beginning: "leukemia" finds "leukemias").
 * - PubMed tags: `[tiab]`, `[mh]` (MeSH heading), `[doi]`, `[pt]` (publication type),
 *   `hasabstract[text]`; Europe PMC fields: `DOI:`, `PMCID:`, `EXT_ID:`, `MESH_HEADING:`,
 *   `SRC:`, `HAS_ABSTRACT:y`, `TITLE_ABS:`, `TITLE:`; any other field or tag matches all.
 */

export interface SearchableRecord {
  title: string;
  abstract: string;
  mesh: string[];
  keywords: string[];
  publicationTypes: string[];
  pmid?: string;
  pmcid?: string;
  doi?: string;
  /** Europe PMC's source: MED for journals, PPR for preprints. */
  source?: string;
}

type Node =
  | { kind: 'term'; field?: string; text: string }
  | { kind: 'op'; op: 'AND' | 'OR' | 'NOT'; left: Node; right: Node };

const TOKEN =
  /\s*(\(|\)|"[^"]*"(?:\[[^\]]+\])?|[A-Z_]+:"[^"]*"|[A-Z_]+:\[[^\]]*\]|[A-Z_]+:[^\s()]+|[^\s()"]+(?:\[[^\]]+\])?)/gy;

/** The records a query matches, best first (more of the query's words in the text first). */
export function searchRecords<T extends SearchableRecord>(records: T[], query: string): T[] {
  const tree = parse(tokenize(query));
  if (!tree) return [];
  const words = wordsOf(query);
  return records
    .map((record, index) => ({ record, index, hits: hitCount(record, words) }))
    .filter(({ record }) => matches(tree, record))
    .sort((a, b) => b.hits - a.hits || a.index - b.index)
    .map(({ record }) => record);
}

function tokenize(query: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(query); match; match = TOKEN.exec(query)) tokens.push(match[1] as string);
  return tokens;
}

function parse(tokens: string[]): Node | undefined {
  let position = 0;
  const expression = (): Node | undefined => {
    let left = operand();
    while (left && position < tokens.length && tokens[position] !== ')') {
      const token = tokens[position] as string;
      const op = token === 'AND' || token === 'OR' || token === 'NOT' ? token : 'AND';
      if (op === token) position++;
      const right = operand();
      if (!right) break;
      left = { kind: 'op', op, left, right };
    }
    return left;
  };
  const operand = (): Node | undefined => {
    const token = tokens[position++];
    if (token === undefined) return undefined;
    if (token === '(') {
      const inner = expression();
      position++;
      return inner;
    }
    return termOf(token);
  };
  return expression();
}

function termOf(token: string): Node {
  const tagged = /^(.*)\[([^\]]+)\]$/.exec(token);
  if (tagged)
    return { kind: 'term', field: (tagged[2] as string).toLowerCase(), text: unquote(tagged[1] as string) };
  const fielded = /^([A-Z_]+):(.*)$/.exec(token);
  if (fielded)
    return { kind: 'term', field: (fielded[1] as string).toLowerCase(), text: unquote(fielded[2] as string) };
  return { kind: 'term', text: unquote(token) };
}

function unquote(text: string): string {
  return text.replace(/^"|"$/g, '');
}

function matches(node: Node, record: SearchableRecord): boolean {
  if (node.kind === 'op') {
    const left = matches(node.left, record);
    if (node.op === 'AND') return left && matches(node.right, record);
    if (node.op === 'OR') return left || matches(node.right, record);
    return left && !matches(node.right, record);
  }
  const value = node.text.toLowerCase();
  switch (node.field) {
    case undefined:
    case 'tiab':
    case 'title_abs':
      return saysAll(textOf(record, node.field === undefined), value);
    case 'title':
      return saysAll(record.title, value);
    case 'mh':
    case 'mesh_heading':
      return record.mesh.some((heading) => heading.toLowerCase() === value);
    case 'doi':
      return record.doi?.toLowerCase() === value;
    case 'pmcid':
      return record.pmcid?.toLowerCase() === value;
    case 'ext_id':
      return record.pmid === value;
    case 'pt':
      return record.publicationTypes.some((type) => type.toLowerCase() === value);
    case 'src':
      return (record.source ?? 'MED').toLowerCase() === value;
    case 'text':
    case 'has_abstract':
      return value.startsWith('hasabstract') || value === 'y' ? record.abstract.length > 0 : true;
    default:
      return true;
  }
}

function textOf(record: SearchableRecord, everything: boolean): string {
  const parts = [record.title, record.abstract];
  if (everything) parts.push(...record.mesh, ...record.keywords);
  return parts.join(' ');
}

function saysAll(text: string, phrase: string): boolean {
  const words = new Set(wordsOf(text));
  return wordsOf(phrase).every((wanted) =>
    wanted.length < 4 ? words.has(wanted) : [...words].some((word) => word.startsWith(wanted)),
  );
}

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function hitCount(record: SearchableRecord, words: string[]): number {
  const text = new Set(wordsOf(textOf(record, true)));
  return words.filter((word) => text.has(word)).length;
}
