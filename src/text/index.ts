export { definedAbbreviations } from './abbreviation-definitions.js';
export { articleFullText, type ParsedArticle, parseArticleText } from './article.js';
export { isBoilerplateLine } from './boilerplate.js';
export { stripReferenceBrackets } from './citations.js';
export { cleanText, sentenceKey } from './clean.js';
export { decodeEntities } from './entities.js';
export { fullTextOf } from './full-text.js';
export {
  headingKind,
  labelKind,
  readableHeading,
  type SectionKind,
  sectionsOfGluedAbstract,
} from './headings.js';
export {
  type ExtractedIdentifiers,
  extractIdentifiers,
  normalizeDoi,
  PAPER_REFERENCE_EXAMPLE,
  type PaperReference,
  parseNctId,
  parsePaperReference,
  parsePmcid,
  parsePmid,
} from './identifiers.js';
export { extractKeyNumbers } from './key-numbers.js';
export {
  type KeySentence,
  keySentences,
  type PaperSection,
  paperSections,
  restates,
} from './key-sentences.js';
export { htmlToText, normalizeWhitespace } from './markup.js';
export { extractNumbers, numbersSupported } from './numbers.js';
export {
  contentHash,
  type DedupeKeys,
  dedupeKeys,
  type PaperIdInput,
  paperIdFor,
  titleKey,
} from './paper-keys.js';
export { splitSentences } from './sentences.js';
export { classifyStudy, type StudyClassification } from './study-type.js';
export { findVerbatim, normalizeForMatch, paperText, quoteBasis, quoteSupportedByPaper } from './verbatim.js';
