import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { asksTheApp } from '../src/qa/thread-message.js';
import { loadClinicianSet } from './qa-eval-clinician.js';

/**
 * Digest-thread messages as people write them, labelled: does the app answer only the ones that
 * ask? Twenty-three batches by twenty-three authors, each split in halves. The second to twenty-third were
 * measured before anything was tuned on them: tune 34/50, holdout 32/50; tune 53/62, holdout
 * 49/60; tune 62/70, holdout 59/70; tune 61/70, holdout 59/70; tune 51/70, holdout 52/70; tune
 * 69/80, holdout 71/80; tune 70/80, holdout 74/80; tune 69/80, holdout 65/80; tune 72/80,
 * holdout 72/80; tune 72/80, holdout 71/80; tune 75/80, holdout 71/80; tune 75/80, holdout 74/80;
 * tune 74/80, holdout 73/80; tune 69/80, holdout 73/80; tune 71/80, holdout 76/80; tune 73/80, holdout 73/80; tune 76/80, holdout 77/80; tune 76/80, holdout 75/80; tune 76/80, holdout 76/80; tune 70/80, holdout 73/80; tune 66/80, holdout 70/80; tune 75/80, holdout 77/80. The seventh to twenty-third are eight whole threads of 20 messages each (four per half), so the
 * bench also counts threads in which every message was handled right; in the ninth the app has
 * already answered and people thank it, correct it, joke with it and ask the channel how it
 * works; the tenth is the plain register of a first deployment (thanks, scheduling, FYI,
 * questions, a digest's papers named by number); the eleventh is the same in channels the earlier
 * ones had little of (radiation oncology, neuro-oncology, sarcoma, GU, melanoma, myeloma,
 * leukaemia, palliative care), with questions reported in quotes and put to the channel; the
 * twelfth in yet other channels (hepatobiliary, neuroendocrine, bone sarcoma, cervix
 * brachytherapy), with needs typed without their "I" and people looked for on the ward; the
 * thirteenth in others again (thyroid, molecular tumour board, survivorship, lung screening,
 * breast surgery, oncology pharmacy, head and neck reconstruction, geriatric oncology); the
 * fourteenth in still others (interventional oncology, ocular oncology, chemotherapy day-unit
 * nursing, cutaneous lymphoma, oncofertility, psycho-oncology, upper GI surgery, acute oncology);
 * the fifteenth in yet others (cancer-associated thrombosis, AYA oncology, the radiology reading
 * room, the clinical trials office, rural outreach, orthopaedic oncology, paediatric
 * neuro-oncology, cardio-oncology); the sixteenth in still others (hereditary cancer genetics,
 * skin cancer and Mohs surgery, colorectal MDT, pleural service, oncology dietetics, cancer of
 * unknown primary, critical care outreach, pancreatic MDT); the seventeenth in yet others (breast
 * screening, bone marrow pathology, urology cancer nurse specialists, hospice liaison, a myeloma
 * day unit, lymphoma fellows, oral medicine and dental oncology, neuroendocrine tumours); the
 * eighteenth in others again (gastric and oesophageal MDT, a CAR-T unit, paediatric oncology
 * nurses, radiology-pathology correlation, lung cancer nurse navigators, sarcoma fellows, a
 * haematology day ward, a brain metastases clinic); the nineteenth in others still (oncology prehabilitation,
 * a mesothelioma clinic, allo-SCT follow-up, paediatric leukaemia fellows, a bladder cancer clinic,
 * gynae-oncology MDT, teenage and young adult haematology, hepatobiliary MDT); the twentieth in others again (a spinal cord
 * compression pathway, a renal cancer clinic, oncology ward nurses at night, a germ cell clinic, an
 * immunotherapy side-effect clinic, a lymphoedema service, breast oncology fellows, an MDS clinic); the twenty-first in others still (an MPN clinic, an AL amyloidosis clinic, advanced
 * prostate cancer, a gestational trophoblastic disease service, radiotherapy review radiographers,
 * head and neck swallowing therapy, GI endoscopy for early neoplasia, a peritoneal malignancy unit); the twenty-second in yet others
 * (head and neck radiotherapy planning, an anal cancer clinic, a penile cancer network,
 * haematology-oncology antibiotic stewardship, a proton referral panel, interventional cancer
 * pain, oncoplastic breast reconstruction, a bowel screening programme); the twenty-third in others
 * again (a colposcopy clinic, a cancer in pregnancy service, a brachytherapy unit, cancer
 * anaesthesia, a bronchoscopy and EBUS service, a stem cell apheresis unit, robotic cancer
 * surgery, a menopause after cancer clinic).
 */
const BATCHES = [
  'thread-messages.json',
  'thread-messages-2.json',
  'thread-messages-3.json',
  'thread-messages-4.json',
  'thread-messages-5.json',
  'thread-messages-6.json',
  'thread-messages-7.json',
  'thread-messages-8.json',
  'thread-messages-9.json',
  'thread-messages-10.json',
  'thread-messages-11.json',
  'thread-messages-12.json',
  'thread-messages-13.json',
  'thread-messages-14.json',
  'thread-messages-15.json',
  'thread-messages-16.json',
  'thread-messages-17.json',
  'thread-messages-18.json',
  'thread-messages-19.json',
  'thread-messages-20.json',
  'thread-messages-21.json',
  'thread-messages-22.json',
  'thread-messages-23.json',
];
/** The app's own user in the fixtures: "<@U0BOT1234> what was…" mentions the app. */
const APP_USER_ID = 'U0BOT1234';

const threadMessagesSchema = z.object({
  messages: z.array(
    z.object({
      text: z.string(),
      isQuestion: z.boolean(),
      split: z.enum(['tune', 'holdout']),
      thread: z.number().int().optional(),
    }),
  ),
});

export interface ThreadMessageFigures {
  messages: number;
  right: number;
  questionsMissed: number;
  chatterAnswered: number;
  /** Whole threads (batch seven) and how many of them got answers to their questions only. */
  threads: number;
  threadsAllRight: number;
  /**
   * The clinician dev set's questions and their threads' earlier questions, every one of which
   * asks the app, as if posted in a digest's thread: how many would be answered.
   */
  clinicianMessages: number;
  clinicianMessagesAnswered: number;
}

export function measureThreadMessages(fixtures: URL): Record<'tune' | 'holdout', ThreadMessageFigures> {
  const messages = BATCHES.flatMap((batch) =>
    threadMessagesSchema
      .parse(JSON.parse(readFileSync(new URL(batch, fixtures), 'utf8')))
      .messages.map((m) => ({ ...m, thread: m.thread === undefined ? undefined : `${batch}#${m.thread}` })),
  );
  const clinician = loadClinicianSet(fixtures);
  const figures = (split: 'tune' | 'holdout'): ThreadMessageFigures => {
    const subset = messages.filter((m) => m.split === split);
    const asked = clinician
      .filter((q) => q.split === split)
      .flatMap((q) => [q.question, ...(q.thread ?? [])]);
    const answered = subset.map((m) => ({ ...m, answered: asksTheApp(m.text, APP_USER_ID) }));
    const threads = new Map<string, boolean[]>();
    for (const m of answered)
      if (m.thread !== undefined)
        threads.set(m.thread, [...(threads.get(m.thread) ?? []), m.answered === m.isQuestion]);
    return {
      messages: subset.length,
      right: answered.filter((m) => m.answered === m.isQuestion).length,
      questionsMissed: answered.filter((m) => m.isQuestion && !m.answered).length,
      chatterAnswered: answered.filter((m) => !m.isQuestion && m.answered).length,
      threads: threads.size,
      threadsAllRight: [...threads.values()].filter((thread) => thread.every(Boolean)).length,
      clinicianMessages: asked.length,
      clinicianMessagesAnswered: asked.filter((text) => asksTheApp(text, APP_USER_ID)).length,
    };
  };
  return { tune: figures('tune'), holdout: figures('holdout') };
}
