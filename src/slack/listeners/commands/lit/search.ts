import { InvalidInputError } from '../../../../errors.js';
import { type LiveOutcome, liveHits } from '../../../../qa/live-lookup.js';
import { escapeMrkdwn } from '../../../blocks/escape.js';
import { renderSearchResultsBlocks } from '../../../blocks/search-results.js';
import { type LitReply, type LitRequest, type LitSubcommand, reply } from './subcommand.js';

const RESULT_LIMIT = 5;
const PUBMED_FLAG = /(^|\s)--pubmed(?=\s|$)/i;

/**
 * `/lit search <query>`: the best stored matches with study type and links. With `--pubmed`,
 * or when nothing stored matches, a live search of PubMed (Europe PMC when PubMed is slow or
 * down) whose papers are stored for the thread's questions.
 */
export const searchSubcommand: LitSubcommand = {
  name: 'search',
  usage: '/lit search <query> [--pubmed]',
  summary: 'top stored papers for a query (--pubmed: search PubMed now), with study type and links',
  async run(request) {
    const wantsPubmed = PUBMED_FLAG.test(request.args);
    const query = request.args.replace(PUBMED_FLAG, ' ').trim();
    if (!query) throw new InvalidInputError('Say what to search for.', '/lit search rapamycin JMML relapse');
    const hits = wantsPubmed ? [] : await request.deps.searchPapers(query, RESULT_LIMIT);
    if (hits.length > 0 || (!wantsPubmed && !request.deps.live)) {
      const text =
        hits.length > 0
          ? `Papers matching “${escapeMrkdwn(query)}”`
          : `No stored papers match “${escapeMrkdwn(query)}”.`;
      return reply(request, text, renderSearchResultsBlocks(query, hits));
    }
    return searchLive(request, query);
  },
};

async function searchLive(request: LitRequest, query: string): Promise<LitReply> {
  const live = request.deps.live;
  if (!live) {
    throw new InvalidInputError(
      'Live PubMed searches are turned off here (LIVE_LOOKUPS=false); this searches the stored papers.',
      '/lit search rapamycin JMML relapse',
    );
  }
  const outcome: LiveOutcome = await live.lookup.forWords(query, RESULT_LIMIT);
  switch (outcome.kind) {
    case 'found': {
      const hits = liveHits(outcome.papers);
      const text = `Papers from a ${outcome.note.service} search just now for “${escapeMrkdwn(query)}”`;
      return reply(request, text, renderSearchResultsBlocks(query, hits, outcome.note));
    }
    case 'nothing':
      return reply(
        request,
        `Neither the stored papers nor a ${outcome.note.service} search just now match “${escapeMrkdwn(query)}”. Try fewer words, a gene or drug name, or a PMID.`,
      );
    case 'unavailable':
      return reply(
        request,
        `No stored papers match “${escapeMrkdwn(query)}”, and I could not search further: ${escapeMrkdwn(outcome.message)} Try again in a few minutes.`,
      );
    case 'no-query':
      throw new InvalidInputError('Say what to search for.', '/lit search rapamycin JMML relapse');
  }
}
