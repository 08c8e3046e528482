import { findVerbatim, normalizeForMatch, numbersSupported, paperText } from '../text/index.js';
import { splitIntoPassages } from '../text/passages.js';
import type { Paper } from '../types.js';
import type { AnswerDraft } from './answer-schema.js';

/** A quote shorter than this ("the", "50%") proves nothing about the sentence citing it. */
const MIN_QUOTE_WORDS = 4;

export interface VerifiedSentence {
  text: string;
  /** `section`: where in the paper the quote stands ("RESULTS"), when one passage holds it. */
  sources: { paper: Paper; quote: string; section?: string }[];
}

export interface Verification {
  sentences: VerifiedSentence[];
  /** Quotes the model gave, and how many of them occur verbatim in the cited paper. */
  quotesChecked: number;
  quotesVerified: number;
  droppedSentences: number;
}

// Identifiers and links are built by code from stored metadata; any the model writes is removed.
const PARENTHESIZED_IDENTIFIERS = /\s*\([^()]*\b(?:PMID|PMCID|doi|https?:\/\/|www\.)[^()]*\)/gi;
const BARE_IDENTIFIERS =
  /\s*\b(?:PMID:?\s*\d+|PMCID:?\s*PMC\d+|(?:doi:?\s*)?10\.\d{4,9}\/[^\s,;)]*[^\s.,;)]|https?:\/\/[^\s)]*[^\s.,;)]|www\.[^\s)]*[^\s.,;)])/gi;
/\s*\(?\b(?:PMID:?\s*\d+|PMCID:?\s*PMC\d+|doi:?\s*10\.\S+|10\.\d{4,9}\/\S+|https?:\/\/\S+|www\.\S+)\)?/gi;

/**
 * Keeps the model's sentences that rest on the papers: each kept sentence has at least one
 * quote found verbatim in the paper it cites, and every number it states appears in those
 * quotes. Anything else is dropped, never repaired.
 */
export function verifyDraft(draft: AnswerDraft, papersByPassage: Map<string, Paper>): Verification {
  let quotesChecked = 0;
  let quotesVerified = 0;
  let droppedSentences = 0;
  const sentences: VerifiedSentence[] = [];
  for (const sentence of draft.sentences) {
    const sources: VerifiedSentence['sources'] = [];
    for (const citation of sentence.citations) {
      quotesChecked += 1;
      const paper = papersByPassage.get(citation.passage.trim().toUpperCase());
      const quote = citation.quote.trim();
      if (!paper || quote.split(/\s+/).length < MIN_QUOTE_WORDS || !findVerbatim(quote, paperText(paper)))
        continue;
      quotesVerified += 1;
      sources.push({ paper, quote, section: sectionOf(paper, quote) });
    }
    const text = sentence.text
      .replace(PARENTHESIZED_IDENTIFIERS, '')
      .replace(BARE_IDENTIFIERS, '')
      .replace(/\s+/g, ' ')
      .trim();
    const quoted = sources.map((source) => source.quote).join('\n');
    if (text.length === 0 || sources.length === 0 || !numbersSupported(text, quoted).ok) {
      droppedSentences += 1;
      continue;
    }
    sentences.push({ text, sources });
  }
  return { sentences, quotesChecked, quotesVerified, droppedSentences };
}

function sectionOf(paper: Paper, quote: string): string | undefined {
  const wanted = normalizeForMatch(quote);
  return splitIntoPassages(paper).find((passage) => normalizeForMatch(passage.text).includes(wanted))
    ?.section;
}
