import { z } from 'zod';
import { FeedError } from '../../errors.js';
import { childOf, listOf, parseXml, textOf } from '../xml.js';

export interface EsearchResult {
  count: number;
  retStart: number;
  ids: string[];
  webEnv?: string;
  queryKey?: string;
}

const jsonSchema = z.object({
  esearchresult: z.object({
    count: z.coerce.number().int().nonnegative(),
    retstart: z.coerce.number().int().nonnegative().default(0),
    idlist: z.array(z.string().regex(/^\d+$/)),
    webenv: z.string().optional(),
    querykey: z.string().optional(),
  }),
});

/** An esearch response in either retmode (JSON is what we request; XML is the E-utilities default). */
export function parseEsearch(body: string, feedId: string): EsearchResult {
  return body.trimStart().startsWith('{') ? parseJson(body, feedId) : parseXmlResult(body, feedId);
}

function parseJson(body: string, feedId: string): EsearchResult {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (cause) {
    throw new FeedError(feedId, `Feed ${feedId}: PubMed search returned unreadable JSON.`, { cause });
  }
  const parsed = jsonSchema.safeParse(json);
  if (!parsed.success)
    throw new FeedError(feedId, `Feed ${feedId}: PubMed search returned an unexpected response.`);
  const result = parsed.data.esearchresult;
  return {
    count: result.count,
    retStart: result.retstart,
    ids: result.idlist,
    webEnv: result.webenv,
    queryKey: result.querykey,
  };
}

function parseXmlResult(body: string, feedId: string): EsearchResult {
  const root = childOf(parseXml(body, feedId, { arrays: ['Id'] }), 'eSearchResult');
  const count = Number(textOf(childOf(root, 'Count')));
  if (!root || !Number.isInteger(count)) {
    const message = textOf(childOf(root, 'ERROR'));
    throw new FeedError(feedId, `Feed ${feedId}: PubMed search failed${message ? ` (${message})` : ''}.`);
  }
  return {
    count,
    retStart: Number(textOf(childOf(root, 'RetStart')) ?? 0),
    ids: listOf(childOf(childOf(root, 'IdList'), 'Id'))
      .map((id) => textOf(id) ?? '')
      .filter((id) => /^\d+$/.test(id)),
    webEnv: textOf(childOf(root, 'WebEnv')),
    queryKey: textOf(childOf(root, 'QueryKey')),
  };
}
