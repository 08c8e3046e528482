/**
 * Word classes that decide how much a question word says about what is asked. Lists are small
 * and reviewable; they hold no medical content, only how people write in a chat.
 */

const words = (list: string) => new Set(list.trim().split(/\s+/));

/** Grammar: the same in every question, about nothing. */
export const FUNCTION_WORDS = words(`
  a an and are as at be been being but by can could did do does doing done for from had has have
  having how i if in into is it its itself me my of on or our ours so than that the their them then
  there these they this those to too us was we were what when where which while who whom whose why
  will with within without would you your yours he she his her him hers theirs also just only very much
  myself yourself yourselves himself herself themselves ourselves
  many more most some any each every other another such both either neither all own same few
  about above after again against before below between during over under until up down out off
  once here further nor not no yes vs versus via per etc eg ie toward towards onto upon among amongst
`);

/**
 * How people ask and chat rather than what they ask about: "anyone know if", "pls pull",
 * "wondering whether the data…". Discounted so that only the subject of a question weighs.
 */
export const CHAT_WORDS = words(`
  anyone anybody someone somebody know knew known knows tell told say said says saying means
  think thought wonder wondering wondered curious guess guys folks team everyone hey hi hello pls
  please plz thanks thank thx ty lol ok okay yeah yep really actually basically kinda sorta like
  quick question q qs ask asking asked answer help remind recall remember sure maybe
  perhaps probably get got getting give gave show shows showed shown find found look looked looking
  see seen saw pull summarize summarise summary explain compare list check share need want wanted
  paper papers study studies article articles report reported reports data evidence literature
  series audit audits
  trial's paper's one ones thing things stuff way something anything nothing lot lots bit often
  usually generally typically overall really still even ever already again now today currently
  new recent recently latest last first second third number numbers figure figures exactly
  approximately roughly around about whether which best good bad better worse worst
  tho though thru gonna wanna gotta btw fyi imo imho iirc afaik idk ppl u ur r ya yall re wrt abt
  smth sth cuz bc b/c rn atm tbh ngl fwiw ie eg mrn dob ssn id ids acct mr mrs ms dr prof
  came come comes went gone go goes took taken take takes made make makes did done ran run began begun
  going let lets letting keep keeps keeping enough thinking wants wanting needs looks
  checks tells telling helps helped helping gets gives giving finds
  brought held kept left put sent set stood won wrote written chose chosen fell felt grew knew led
  rose spent struck turned turn turns happen happened happens work works worked worth
  whats hows thats theres dont didnt doesnt isnt wasnt arent werent cant wont wouldnt shouldnt hasnt
  havent
`);

/**
 * What a figure can be about: when a question asks for a number, the sentence that answers must
 * state a number about one of these (or about the question's own subject).
 */
export const MEASURE_WORDS = words(`
  rate rates ratio risk odds hazard incidence prevalence frequency median mean average range
  duration time interval length level levels count survival survive survived surviving mortality
  death deaths died response respond responded remission relapse relapsed recurrence recur
  progression toxicity toxicities complication complications adverse events event failure
  success sensitivity sensitive specificity specific accuracy accurate auc ppv npv yield cost
  costs dose doses size age ages follow followup follow-up half-life ic50 ec50 concentration
  volume weight score scores value values margin margins
`);

/**
 * Words that only ask for a number ("what fraction", "what percentage"): the answer states the
 * number ("35.3%"), not the word, so they are cues, never concepts to cover.
 */
export const QUANTITY_CUE_WORDS = words(`
  percentage percentages percent percents proportion proportions fraction fractions share number
  numbers amount amounts how
`);

/**
 * Words that make a question ask for a number rather than a yes/no or an effect: "how many",
 * "what %", "median OS", "sensitivity", "…local recurrence rate?".
 */
export const FIGURE_CUES = new RegExp(
  [
    String.raw`\bhow (?:many|much|long|often|common|frequent|likely|sensitive|specific|accurate|big|large|high|low|fast|soon|early|late|heavy|old|tall|far|small|short|deep|wide|thick|quick|slow)\b`,
    String.raw`\bwhat (?:%|percent|percentage|proportion|fraction|share|number|dose|age|size|volume|weight|length|height|depth|distance|pressure|temperature|concentration|frequency|speed|duration|cutoff|cut-off|threshold|(?:\w+ )?counts?\b)`,
    '%',
    String.raw`\b(?:rates?|ratio|risk|incidence|prevalence|median|mean|average|avg|sensitivity|specificity|accuracy|yield|ppv|npv|auc|hr|rr|odds|hazard|n|numbers?|counts?|percent(?:age)?|proportion|fraction|frequency|cutoff|threshold|dose|duration)\b(?=[^?]{0,25}(?:\?|$))`,
    String.raw`\bhow many\b|\bwhat(?:'s| was| were| is| are) the (?:\w+ ){0,3}(?:rates?|numbers?|median|mean|risk|odds|ratio|yield|sensitivity|specificity|cutoff|survival|os|pfs|dfs|efs|orr|mortality|incidence|prevalence)\b`,
    // A time point ("1yr OS", "5-year survival", "at 3y") asks for the figure at that time.
    String.raw`\b\d+\s?-?(?:y|yr|yrs|year|years|mo|mos|month|months)\b`,
  ].join('|'),
  'i',
);
