import { InvalidInputError } from '../../../../errors.js';
import { parsePaperReference } from '../../../../text/identifiers.js';
import { renderPaperBlocks } from '../../../blocks/paper.js';
import { loadProfile } from '../../../channel-config.js';
import { type LitSubcommand, reply } from './subcommand.js';

/** `/lit paper <PMID|DOI|URL>`: one paper with its takeaway and key numbers, fetched when not stored. */
export const paperSubcommand: LitSubcommand = {
  name: 'paper',
  usage: '/lit paper <PMID | DOI | URL>',
  summary: 'one paper: takeaway, key numbers, abstract',
  async run(request) {
    const reference = parsePaperReference(request.args);
    const paper = await request.deps.findPaper(reference);
    if (!paper) {
      throw new InvalidInputError(
        `No paper found for ${reference.kind.toUpperCase()} ${reference.value}.`,
        '/lit paper 38534005',
      );
    }
    const profile = await loadProfile(request);
    const summary = await request.deps.summarizePaper(paper, {
      channelName: profile.name,
      topics: profile.topics,
    });
    return reply(request, paper.title, renderPaperBlocks(paper, summary));
  },
};
