/** What kind of number a figure question asks for, and how the sentence that answers writes it. */

/**
 * What kind of number a figure question wants, and how a sentence writes it: a share
 * ("how many", "what %", "rate", "sensitivity") as "35.3%", "43 of 44", "5/9" or "seventy-six
 * percent"; a count ("how many had…") as "Twenty patients" or "N = 56"; a time ("how long", "median f/u")
 * with its unit; an effect size ("OR", "HR"); a size in cm or mm, or a volume in cc; a dose in Gy or mg; a cost in
 * a currency.
 */
/** "how many", "what %": the part wants the count itself, not a finding in words. */
export const COUNT_ASKED = /\bhow many\b|%|\bper ?cent|\bproportion\b|\bwhat (?:number|fraction|share)\b/i;
/** What follows "how big" when the size asked is a sample's: "was the cohort", "is their registry". */
const OF_A_SAMPLE =
  ' (?:was|is|were) (?:the |their |this |that )?(?:cohort|sample|study|series|trial|population|dataset|database|registry)\\b';
/** The sample asked for without "how many": "how big was the cohort", "sample size", "RCT - n?". */
export const SAMPLE_ASKED = `\\bhow (?:big|large|small)${OF_A_SAMPLE}|\\b(?:sample|cohort|study) size\\b|(?:^|[\\s(,-])n\\s*=?\\s*(?:\\?|$)`;

/** Numbers written as words, as a sentence that opens with a count must write them. */
export const NUMBER_WORD_PAST_NINE =
  'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred';
export const NUMBER_WORD_BELOW_TEN = 'one|two|three|four|five|six|seven|eight|nine';
export const NUMBER_WORD = `${NUMBER_WORD_BELOW_TEN}|${NUMBER_WORD_PAST_NINE}`;
/** "84", "Eighty-four", "one hundred and six". */
const WRITTEN_COUNT = `(?:\\d+|(?:${NUMBER_WORD})(?:[- ](?:and )?(?:${NUMBER_WORD}))*)`;

const FIGURE_FORMS: { asks: RegExp; states: RegExp }[] = [
  {
    asks: /\b(?:how (?:many|often|common|frequent|likely|sensitive|specific|accurate)|%|percent\w*|proportion|fraction|share|rates?|incidence|prevalence|sensitivity|specificity|accuracy|yield|ppv|npv)\b|%/i,
    // "43 of 44", "5/9", "Eighty-four of 134", "six of eight".
    states: new RegExp(
      `\\d\\s?%|\\bper ?cent\\b|\\b${WRITTEN_COUNT}\\s*(?:of|out of|\\/)\\s*(?:the\\s)?${WRITTEN_COUNT}\\b`,
      'i',
    ),
  },
  {
    // "how many", and the sample asked for otherwise: "RCT - n?", "how big was the cohort".
    asks: /\bhow many\b|(?:^|[\s(,-])n\s*=?\s*(?:\?|$)|\b(?:sample|cohort|study) size\b|\bhow (?:big|large) (?:was|is|were) (?:the |their |this |that )?(?:cohort|sample|study|series|trial|population)\b/i,
    states:
      /\b(?:\d{1,3}(?:,\d{3})+|\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)(?:-[a-z]+)?\s+(?:[a-z-]+\s+)?(?:patients|pts|cases|subjects|participants|children|women|men|people|samples|specimens|tumou?rs|lesions|residents|adults|individuals|persons|respondents|survivors|recipients|donors|infants|neonates|boys|girls|volunteers|controls|eyes|scans|biopsies|procedures|operations|resections|nodules)\b|\b[nN]\s?=\s?\d/i,
  },
  {
    asks: /\b(?:how long|how soon|median|mean|duration|time|months?|years?|days?|weeks?|follow[- ]?up|f\/u)\b/i,
    states: /\b\d+(?:[.,·]\d+)?\s?(?:-\s?)?(?:days?|weeks?|months?|years?|yrs?|hours?|h|min|minutes?)\b/i,
  },
  {
    asks: /\b(?:OR|HR|RR|odds|hazard|relative risk|risk ratio)\b/,
    states: /\b(?:OR|HR|RR|aOR|aHR|odds ratios?|hazard ratios?|relative risks?|risk ratios?)\b/i,
  },
  {
    // "how big was the cohort" asks for a count, not a size.
    asks: new RegExp(
      `\\b(?:how (?:big|large|small)(?!${OF_A_SAMPLE})|(?<!(?:sample|cohort|study) )size|diameter|cm|mm|margins?|volume)\\b`,
      'i',
    ),
    states: /\b\d+(?:[.,]\d+)?(?:\s?±\s?\d+(?:[.,]\d+)?)?\s?(?:cm|mm|cc|ml|mL|cm3|cm³)\b/i,
  },
  {
    asks: /\b(?:dose|dosing|dosage|how much (?:rt|radiation|drug)|gy)\b/i,
    states: /\b\d+(?:[.,]\d+)?\s?(?:gy|cgy|mg|g|ml|mcg|µg|units?|iu)\b/i,
  },
  {
    asks: /\b(?:cost|costs|price|how much (?:did|does|do|was|were|is|are) (?:it|they|that|this) cost|£|\$|€)/i,
    states: /[£$€]\s?\d|\b\d+(?:[.,]\d+)?\s?(?:dollars|pounds|euros|usd|eur|gbp)\b/i,
  },
];

/**
 * Units a question can ask a figure in ("how many minutes", "how many litres", "what dose"): a
 * sentence without a number in that unit does not answer, however close its words. A paper that
 * only says a change "reduces examination time" has not said by how much.
 */
const ASKED_UNITS: { asks: RegExp; states: RegExp }[] = [
  {
    asks: /\bhow (?:many|much) (?:more |fewer |less |extra )?(?:minutes?|mins?|hours?|hrs?|days?|weeks?|wks?|months?|mos?|years?|yrs?)\b|\bhow long\b/i,
    states:
      /\d\s?(?:-\s?)?(?:seconds?|secs?|s|minutes?|mins?|min|hours?|hrs?|h|days?|d|weeks?|wks?|months?|mos?|mo|years?|yrs?|y)\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty)[- ](?:minutes?|hours?|days?|weeks?|months?|years?)\b/i,
  },
  {
    asks: /\bhow (?:many|much) (?:litres?|liters?|ml|millilit(?:re|er)s?|cc|ounces?|oz)\b/i,
    states: /\d\s?(?:l|litres?|liters?|ml|mL|cc|ounces?|oz)\b/i,
  },
  {
    asks: /\bhow (?:many|much) (?:gy|grays?|cgy|mg|milligrams?|mcg|units?)\b|\bwhat (?:[\w-]+ ){0,2}doses?\b(?!\s+(?:intensity|density|reductions?|delays?|modifications?|escalation|levels?|distributions?|volume|constraints?|response))/i,
    states: /\d\s?(?:gy|cgy|mg|g|mcg|µg|units?|iu)\b/i,
  },
  {
    asks: /\bhow (?:many|much) (?:cm|mm|centimet(?:re|er)s?|millimet(?:re|er)s?)\b/i,
    states: /\d\s?(?:cm|mm|centimet(?:re|er)s?|millimet(?:re|er)s?)\b/i,
  },
];

/** How a sentence writes each kind of number the question asks for (soft: a sentence may still answer without). */
export function askedForms(question: string): RegExp[] {
  return FIGURE_FORMS.filter((form) => form.asks.test(question)).map((form) => form.states);
}

/** How a sentence writes each unit the question asks its figure in (hard: without it, no answer). */
export function askedUnits(question: string): RegExp[] {
  return ASKED_UNITS.filter((unit) => unit.asks.test(question)).map((unit) => unit.states);
}
