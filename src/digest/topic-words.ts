import type { Topic } from '../types.js';
import { meshReadingOrder } from './topic-text.js';

/** Eponyms stay capitalized when a MeSH heading is read as plain words. */
const PROPER_NAMES = new Set([
  'Hodgkin',
  'Wilms',
  'Ewing',
  'Burkitt',
  'Kaposi',
  'Merkel',
  'Waldenstrom',
  'Sezary',
  'Langerhans',
  'Down',
  'Lynch',
]);

/**
 * A topic as a person would write it: free text as typed, a MeSH heading in reading order
 * ("Juvenile myelomonocytic leukemia (MeSH)"), "author Loh ML", "journal Blood", "not journal …".
 */
export function topicInWords(topic: Topic): string {
  switch (topic.kind) {
    case 'text':
      return topic.query;
    case 'mesh':
      return `${meshInWords(topic.term)} (MeSH)`;
    case 'author':
      return `author ${topic.name}`;
    case 'journal':
      return `${topic.exclude ? 'not journal' : 'journal'} ${topic.name}`;
  }
}

/** "Leukemia, Myelomonocytic, Juvenile" → "Juvenile myelomonocytic leukemia". */
export function meshInWords(heading: string): string {
  const words = meshReadingOrder(heading)
    .split(' ')
    .map((word) =>
      word
        .split('-')
        .map((part) => (/^[A-Z][a-z]+$/.test(part) && !PROPER_NAMES.has(part) ? part.toLowerCase() : part))
        .join('-'),
    )
    .join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
