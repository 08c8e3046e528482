import { InvalidInputError } from '../../../../errors.js';
import { escapeMrkdwn } from '../../../blocks/escape.js';
import { renderSearchResultsBlocks } from '../../../blocks/search-results.js';
import { type LitSubcommand, reply } from './subcommand.js';

const RESULT_LIMIT = 5;

/** `/lit search <query>`: the best stored matches with study type and links. */
export const searchSubcommand: LitSubcommand = {
  name: 'search',
  usage: '/lit search <query>',
  summary: 'top stored papers for a query, with study type and links',
  async run(request) {
    const query = request.args;
    if (!query) throw new InvalidInputError('Say what to search for.', '/lit search rapamycin JMML relapse');
    const hits = await request.deps.searchPapers(query, RESULT_LIMIT);
    const text =
      hits.length > 0
        ? `Papers matching “${escapeMrkdwn(query)}”`
        : `No stored papers match “${escapeMrkdwn(query)}”.`;
    return reply(request, text, renderSearchResultsBlocks(query, hits));
  },
};
