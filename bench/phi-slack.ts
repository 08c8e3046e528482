import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { findPhi } from '../src/privacy/index.js';
import { isCaught } from './phi-coverage.js';
import { loadClinicianSet } from './qa-eval-clinician.js';
import { round } from './stats.js';

/**
 * The PHI guard on text written around a tumor board, in eleven labelled sets written from the
 * user's side: Slack case lines and EHR pastes (`slack-identifiers.json`), letters, forms,
 * referral and discharge headers (`notes-identifiers.json`), short general texts dense in
 * names and addresses of many origins (`general-identifiers.json`), and dictated letters,
 * colleagues naming people in chat and international referrals
 * (`spoken-international-identifiers.json`), and a second general-register set
 * (`general-identifiers-2.json`), and one in the register of Presidio's synthetic records
 * (`presidio-style-identifiers.json`), and a second in that register with other templates
 * (`presidio-style-identifiers-2.json`), and a third with claims, tenancies, directories, chat
 * transcripts, key:value dumps and mail headers (`presidio-style-identifiers-3.json`), and a
 * fourth with school and pharmacy forms, notices, bookings, forums, SMS threads and voicemail
 * (`presidio-style-identifiers-4.json`), and a fifth that rewords Presidio's own template families
 * (`presidio-style-identifiers-5.json`), and a sixth from the same families
 * (`presidio-style-identifiers-6.json`), and a seventh from them again
 * (`presidio-style-identifiers-7.json`), an eighth (`presidio-style-identifiers-8.json`), a
 * ninth (`presidio-style-identifiers-9.json`), a tenth with a third of its spans street
 * addresses (`presidio-style-identifiers-10.json`) and an eleventh like it
 * (`presidio-style-identifiers-11.json`). For both halves of each: the identifiers caught,
 * and the share of texts without identifiers it alters. Also the share of
 * the clinician dev questions it alters (what it would take out of a question before the answer
 * is looked for).
 */

const FIXTURES = new URL('../test/fixtures/', import.meta.url);

const slackSchema = z.object({
  messages: z.array(
    z.object({
      text: z.string(),
      split: z.enum(['tune', 'holdout']),
      spans: z.array(z.object({ kind: z.string(), value: z.string(), start: z.number(), end: z.number() })),
    }),
  ),
});

export interface SlackHalf {
  caught: number;
  identifiers: number;
  byKind: Record<string, string>;
  cleanAltered: number;
  clean: number;
}

const LABELLED_SETS = [
  { file: 'phi/slack-identifiers.json', title: 'Slack case lines and pastes' },
  { file: 'phi/notes-identifiers.json', title: 'letters, forms, referral and discharge headers' },
  { file: 'phi/general-identifiers.json', title: 'names and addresses of many origins, general register' },
  {
    file: 'phi/spoken-international-identifiers.json',
    title: 'dictated letters, colleagues naming people in chat, international referrals',
  },
  {
    file: 'phi/general-identifiers-2.json',
    title: 'general register, second set: everyday names and streets',
  },
  {
    file: 'phi/presidio-style-identifiers.json',
    title: "Presidio's register, new names and streets of many countries",
  },
  {
    file: 'phi/presidio-style-identifiers-2.json',
    title: "Presidio's register, second set: shipping, payroll, bookings, clubs, forms in other languages",
  },
  {
    file: 'phi/presidio-style-identifiers-3.json',
    title:
      "Presidio's register, third set: claims, tenancies, directories, chats, key:value rows, mail headers",
  },
  {
    file: 'phi/presidio-style-identifiers-4.json',
    title:
      "Presidio's register, fourth set: school and pharmacy forms, notices, bookings, forums, SMS and voicemail",
  },
  {
    file: 'phi/presidio-style-identifiers-5.json',
    title: "Presidio's register, fifth set: Presidio's own template families reworded, names of many origins",
  },
  {
    file: 'phi/presidio-style-identifiers-6.json',
    title:
      "Presidio's register, sixth set: banking, customer service and bot chats reworded, multi-line blocks",
  },
  {
    file: 'phi/presidio-style-identifiers-7.json',
    title:
      "Presidio's register, seventh set: the same families reworded again, names and streets of many countries",
  },
  {
    file: 'phi/presidio-style-identifiers-8.json',
    title:
      "Presidio's register, eighth set: the same families again, handles, sign-offs and dates in other languages",
  },
  {
    file: 'phi/presidio-style-identifiers-9.json',
    title:
      "Presidio's register, ninth set: banking, people, addresses of many countries and forms, reworded again",
  },
  {
    file: 'phi/presidio-style-identifiers-10.json',
    title:
      "Presidio's register, tenth set: a third of the spans street addresses of about 35 countries, with flats and floors",
  },
  {
    file: 'phi/presidio-style-identifiers-11.json',
    title:
      "Presidio's register, eleventh set: addresses of 20-odd countries in sentences, letters and form fields",
  },
  {
    file: 'phi/presidio-style-identifiers-12.json',
    title:
      "Presidio's register, twelfth set: lower-case and everyday-word names, addresses of about 38 countries, some without a house number",
  },
] as const;

export interface LabelledSetFigures {
  file: string;
  title: string;
  halves: Record<'tune' | 'holdout', SlackHalf>;
}

export interface SlackPhiFigures {
  sets: LabelledSetFigures[];
  /** Clinician dev questions (and their thread's earlier questions) the guard alters. */
  questionsAltered: { altered: number; questions: number };
}

export function measureSlackPhi(): SlackPhiFigures {
  return {
    sets: LABELLED_SETS.map(({ file, title }) => ({ file, title, halves: measureLabelledSet(file) })),
    questionsAltered: questionsAltered(),
  };
}

function measureLabelledSet(file: string): Record<'tune' | 'holdout', SlackHalf> {
  const { messages } = slackSchema.parse(JSON.parse(readFileSync(new URL(file, FIXTURES), 'utf8')));
  const half = (split: 'tune' | 'holdout'): SlackHalf => {
    const kinds: Record<string, [number, number]> = {};
    const figures = { caught: 0, identifiers: 0, byKind: {}, cleanAltered: 0, clean: 0 };
    for (const message of messages.filter((m) => m.split === split)) {
      const spans = findPhi(message.text);
      if (message.spans.length === 0) {
        figures.clean += 1;
        if (spans.length > 0) figures.cleanAltered += 1;
      }
      for (const label of message.spans) {
        const start = utf16Offset(message.text, label.start);
        const end = utf16Offset(message.text, label.end);
        const caught = isCaught(message.text, start, end, spans);
        const tally = kinds[label.kind] ?? [0, 0];
        kinds[label.kind] = tally;
        tally[1] += 1;
        figures.identifiers += 1;
        if (caught) {
          tally[0] += 1;
          figures.caught += 1;
        }
      }
    }
    figures.byKind = Object.fromEntries(Object.entries(kinds).map(([k, [c, t]]) => [k, `${c}/${t}`]));
    return figures;
  };
  return { tune: half('tune'), holdout: half('holdout') };
}

function questionsAltered() {
  let altered = 0;
  let questions = 0;
  for (const q of loadClinicianSet(new URL('qa/', FIXTURES))) {
    for (const text of [q.question, ...(q.thread ?? [])]) {
      questions += 1;
      if (findPhi(text).length > 0) altered += 1;
    }
  }
  return { altered, questions };
}

/** The labels count Unicode code points; JavaScript strings count UTF-16 units. */
function utf16Offset(text: string, codePoints: number): number {
  return Array.from(text).slice(0, codePoints).join('').length;
}

export function formatSlackPhi(figures: SlackPhiFigures): string[] {
  const line = (half: SlackHalf, split: 'tune' | 'holdout') => {
    const kinds = Object.entries(half.byKind)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    return `    ${split.padEnd(8)} ${half.caught}/${half.identifiers} (${round(half.caught / half.identifiers, 3)}): ${kinds}; texts without identifiers altered ${half.cleanAltered}/${half.clean}`;
  };
  const q = figures.questionsAltered;
  return [
    ...figures.sets.flatMap((set) => [
      `  ${set.title} (test/fixtures/${set.file}), identifiers caught:`,
      line(set.halves.tune, 'tune'),
      line(set.halves.holdout, 'holdout'),
    ]),
    `  clinician dev questions altered: ${q.altered}/${q.questions} (${round(q.altered / q.questions, 4)})`,
  ];
}
