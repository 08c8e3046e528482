import type { ChannelProfile, FeedSubscription, Topic } from '../types.js';
import { entryTermsOf, MESH_ENTRY_TERMS } from './mesh-terms.js';
import { phraseKey } from './topic-phrases.js';
import { tokenize } from './topic-text.js';
import { PEDIATRIC_TOPIC_WORDS } from './topic-vocabulary.js';
import { topicInWords } from './topic-words.js';

/** Publication types a digest never wants; PubMed filters them out before we fetch. */
const EXCLUDED_PUBLICATION_TYPES = ['editorial', 'comment', 'letter', 'news', 'published erratum'];
const PEDIATRIC_PUBMED =
  '("Child"[mh] OR "Infant"[mh] OR "Adolescent"[mh] OR pediatric[tiab] OR paediatric[tiab] OR child*[tiab] OR infant*[tiab])';
const PEDIATRIC_EUROPEPMC =
  '(MESH_HEADING:"Child" OR MESH_HEADING:"Infant" OR MESH_HEADING:"Adolescent" OR TITLE_ABS:pediatric OR TITLE_ABS:children)';
const ONCOLOGY_PUBMED =
  '("Neoplasms"[mh] OR cancer[tiab] OR tumor[tiab] OR oncology[tiab] OR malignan*[tiab])';
const ONCOLOGY_EUROPEPMC =
  '(MESH_HEADING:"Neoplasms" OR TITLE_ABS:cancer OR TITLE_ABS:tumor OR TITLE_ABS:oncology)';
const GENERIC_TOPIC = /^(oncology|cancers?|tumou?rs?|neoplasms?|malignanc(y|ies)|solid tumou?rs?)$/i;
const PEDIATRIC_WORD = new RegExp(`\\b(${PEDIATRIC_TOPIC_WORDS.join('|')})\\b`, 'gi');

/** Preprint categories each kind of channel reads (bioRxiv and medRxiv spell them so). */
const TOPIC_PREPRINT_CATEGORIES: ReadonlyArray<{
  kind: 'biorxiv' | 'medrxiv';
  category: string;
  when?: RegExp;
}> = [
  { kind: 'medrxiv', category: 'oncology' },
  { kind: 'biorxiv', category: 'cancer biology' },
  { kind: 'medrxiv', category: 'hematology', when: /leuk|lymphom|myelom|hemato|transplant|myelodysplas/i },
  { kind: 'medrxiv', category: 'pediatrics', when: /pediatric|paediatric|child|infant|adolescent/i },
];

const HEADING_BY_ENTRY_TERM = new Map(
  Object.entries(MESH_ENTRY_TERMS).flatMap(([heading, terms]) =>
    terms.map((term): [string, string] => [phraseKey(tokenize(term)), heading]),
  ),
);

/**
 * The searches a channel's topics stand for: one PubMed query (MeSH headings as `[mh]` with
 * their entry terms as `[tiab]`, free text as `[tiab]`, authors, journals, no editorials or
 * letters), one Europe PMC query (preprints too when the channel wants them) and, for
 * preprint channels, the bioRxiv/medRxiv categories. Each carries a plain-words label. A
 * compiled source the channel edited by hand is not replaced.
 */
export function compileTopicSources(
  profile: Pick<ChannelProfile, 'topics' | 'includePreprints' | 'feeds'>,
  now: Date,
): FeedSubscription[] {
  const positive = profile.topics.filter((topic) => !(topic.kind === 'journal' && topic.exclude));
  if (positive.length === 0) return [];
  const excluded = profile.topics.flatMap((topic) =>
    topic.kind === 'journal' && topic.exclude ? [topic.name] : [],
  );
  const about = positive.map(topicInWords).join(', ');
  const addedAt = now.toISOString();
  const compiled: FeedSubscription[] = [
    {
      ...source('pubmed', pubmedQuery(positive, excluded, profile.includePreprints), addedAt),
      label: `PubMed: ${about}; no editorials, comments or letters`,
    },
    {
      ...source('europepmc', europePmcQuery(positive, excluded, profile.includePreprints), addedAt),
      label: `Europe PMC${profile.includePreprints ? ' (journals and preprints)' : ''}: ${about}`,
    },
  ];
  if (profile.includePreprints) {
    const words = profile.topics.map(topicInWords).join(' ');
    for (const { kind, category, when } of TOPIC_PREPRINT_CATEGORIES) {
      if (when && !when.test(words)) continue;
      compiled.push({
        ...source(kind, category, addedAt),
        label: `${kind === 'biorxiv' ? 'bioRxiv' : 'medRxiv'} ${category} preprints, filtered by your topics`,
      });
    }
  }
  const edited = new Set(profile.feeds.filter((feed) => feed.origin === 'edited').map((feed) => feed.kind));
  return compiled.filter((feed) => !edited.has(feed.kind));
}

/** The channel's feeds with its topic-compiled sources rewritten for its current topics. */
export function withTopicSources(
  profile: Pick<ChannelProfile, 'topics' | 'includePreprints' | 'feeds'>,
  now: Date,
): FeedSubscription[] {
  const kept = profile.feeds.filter((feed) => feed.origin !== 'topics');
  const compiled = compileTopicSources(profile, now).filter(
    (feed) => !kept.some((other) => other.id === feed.id),
  );
  const previous = new Map(profile.feeds.map((feed) => [feed.id, feed]));
  // An unchanged source keeps its first date, so its cursor and health carry on.
  return [...compiled.map((feed) => previous.get(feed.id) ?? feed), ...kept];
}

function source(kind: FeedSubscription['kind'], target: string, addedAt: string): FeedSubscription {
  return { id: `${kind}:${target}`, kind, target, origin: 'topics', addedAt };
}

function pubmedQuery(topics: Topic[], excluded: string[], preprints: boolean): string {
  const clauses = topics.map((topic) => pubmedClause(topic));
  const notTypes = [...EXCLUDED_PUBLICATION_TYPES, ...(preprints ? [] : ['preprint'])];
  const filters = [
    `NOT (${notTypes.map((type) => `"${type}"[pt]`).join(' OR ')})`,
    ...excluded.map((journal) => `NOT "${journal}"[ta]`),
  ];
  return [`(${clauses.join(' OR ')})`, ...filters].join(' ');
}

function pubmedClause(topic: Topic): string {
  switch (topic.kind) {
    case 'mesh':
      return orOf([`"${topic.term}"[mh]`, ...entryTermsOf(topic.term).map((term) => `"${term}"[tiab]`)]);
    case 'author':
      return `"${topic.name}"[au]`;
    case 'journal':
      return `"${topic.name}"[ta]`;
    case 'text': {
      const { core, pediatric } = splitPediatric(topic.query);
      const heading = HEADING_BY_ENTRY_TERM.get(phraseKey(tokenize(core)));
      const about = GENERIC_TOPIC.test(core)
        ? ONCOLOGY_PUBMED
        : orOf([`"${core}"[tiab]`, ...(heading ? [`"${heading}"[mh]`] : [])]);
      return pediatric ? `(${about} AND ${PEDIATRIC_PUBMED})` : about;
    }
  }
}

function europePmcQuery(topics: Topic[], excluded: string[], preprints: boolean): string {
  const clauses = topics.map((topic) => europePmcClause(topic));
  const sources = preprints ? '(SRC:MED OR SRC:PPR)' : 'SRC:MED';
  return [
    `(${clauses.join(' OR ')})`,
    `AND ${sources}`,
    ...excluded.map((journal) => `NOT JOURNAL:"${journal}"`),
  ].join(' ');
}

function europePmcClause(topic: Topic): string {
  switch (topic.kind) {
    case 'mesh':
      return orOf([
        `MESH_HEADING:"${topic.term}"`,
        ...entryTermsOf(topic.term).map((term) => `TITLE_ABS:"${term}"`),
      ]);
    case 'author':
      return `AUTH:"${topic.name}"`;
    case 'journal':
      return `JOURNAL:"${topic.name}"`;
    case 'text': {
      const { core, pediatric } = splitPediatric(topic.query);
      const heading = HEADING_BY_ENTRY_TERM.get(phraseKey(tokenize(core)));
      const about = GENERIC_TOPIC.test(core)
        ? ONCOLOGY_EUROPEPMC
        : orOf([`TITLE_ABS:"${core}"`, ...(heading ? [`MESH_HEADING:"${heading}"`] : [])]);
      return pediatric ? `(${about} AND ${PEDIATRIC_EUROPEPMC})` : about;
    }
  }
}

/** "pediatric brain tumors" → "brain tumors" for children; "pediatric oncology" → cancer in children. */
function splitPediatric(query: string): { core: string; pediatric: boolean } {
  const core = query
    .replace(PEDIATRIC_WORD, ' ')
    .replace(/^\s*(with|of|in|and)\s+/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  return { core: core || 'cancer', pediatric: core !== query.trim() };
}

function orOf(parts: string[]): string {
  return parts.length === 1 ? (parts[0] as string) : `(${parts.join(' OR ')})`;
}
