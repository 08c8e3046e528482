/**
 * Whether a message in a digest thread (or a direct message) asks the app something. People also
 * thank, schedule, share and joke in those threads; only questions and requests get an answer.
 */

import { createRequire } from 'node:module';
import { findPhi, isGivenName } from '../privacy/index.js';

// The tagger loads on first use, not on import (a third of a second): most messages never need it.
const require = createRequire(import.meta.url);
type Tagger = (text: string) => { json(): { terms: { text: string; tags: string[] }[] }[] };
let tagger: Tagger | undefined;

/** Links, emoji codes and pictographs carry no question. */
const NOISE = /<https?:[^>]*>|:[a-z0-9_+-]+:|\p{Extended_Pictographic}|\u{FE0F}/gu;
/** A message that opens by naming a colleague is addressed to them ("@maria can you present…"). */
const TO_A_COLLEAGUE = /^\s*(?:<@[UW][A-Z0-9]+(?:\|[^>]*)?>|@[\p{L}][\p{L}.-]*)/u;
/** After a colleague's name, what turns to them: "Priya, …", "Sam is this…", "Jen can you…". */
const ADDRESSED_AFTER_NAME =
  /^\s*(?:,|:|—|-|\s(?:is|are|was|did|do|does|can|could|would|will|have|has|what|how|why|any|thoughts)\b)/i;
/**
 * Openers that add nothing: "quick q —", "hmm", "ok so", "path here,", "and", a digest's "#2"
 * (not the subject of a statement: "#3 is the CAR-T one").
 */
const FILLER =
  /^\s*(?:and\b[\s,]+|#\d+\b(?!\s+(?:is|was|are|were)\s+(?:the|a|an|my|our)\s)[\s:,—–-]*|(?:quick|small|dumb|random) (?:q|qs|question|sanity check|one)\b[\s:,—–-]*(?:but\b\s*)?|hmm+\b[\s,]*|ok(?:ay)?\b[\s,]+(?:so\b[\s,]*)?|so\b[\s,]+|btw\b[\s,]*|also\b[\s,]+|wait\b[\s,]+(?:so\b[\s,]*)?|(?:[\p{L}/]+ ){1,2}here\b[\s:,—–-]+)+/iu;
/** Meetings, links and logistics: how the board runs, not what the papers say. */
const LOGISTICS =
  /\b(?:zoom|teams link|meeting link|lunch|room|resched\w*|move (?:this|it|the case)|next week'?s? (?:board|meeting)|running (?:\d+ min )?late|late to (?:board|the meeting)|agenda|submit (?:your |the )?cases|case list|'?s list\b|slides?|calendar|invite|wrong thread|forward(?:ed|ing)? (?:this|it|to|me|us)|\bpdfs?\b|next (?:board|tb|tumou?r board)|posting the|present(?:ing)? (?:this|the|it)\b|who(?:'s| is) presenting|who(?:'?s| is| has)\s+(?:doing|got|covering|taking|bringing|running|chairing|seeing)\b|who (?:signs|fills in|fills out|completes|submits|books|orders)\b|presenting (?:on|at|tomorrow|today|next|this week)|(?:monday|tuesday|tues|wednesday|thursday|thurs|friday|fri|saturday|sunday)s?\b|tomorrow|tmrw|parking|garage|donuts?|pizza|bagels?|(?:want|wants|grab|grabbing|getting|fancy|fancies)\s+(?:a\s+|some\s+)?(?:coffee|snacks?|cake|tea)\b|coffee (?:run|cart|break|order)|canteen|cafeteria|on call|out of office|ooo\b|pto\b|noon\b|\d{1,2}(?::\d\d)?\s?(?:am|pm)\b|\d{1,2}\s?o['’]?clock\b|(?:outcome|clinic|gp|discharge|referral|appointment) letters?\b|secretar(?:y|ies)\b|half[- ]term\b|school holidays?\b|bank holiday\b|pharmacy (?:have|has|got)\b|wi-?fi\b|printers?\b|keys\b|where (?:[\w'-]+\s){0,6}(?:(?:kept|stored)\b|(?:went|gone)(?=\s*(?:[,.;!?]|$)))|digest (?:is )?(?:posted|up|out)\b|(?:order|delivery|parcel)\s(?:came|come|has come|arrived|turned up)\b|cupboard|chargers?\b|doors?\b(?![- ]to\b)|whoever (?:borrowed|took|has|moved|left)\b|(?:got|have|has|is there) a spare\b|(?:consent|request|referral|booking) forms?\b|board (?:still|moved|starts|is at)|formulary|in stock|stock(?:s|ed)?\b|prior auth\w*|billing|order set|meeting|meet in person|in person|dial[- ]?in|(?:board|meeting|clinic|conference|session|call)\s(?:is\s|was\s|got\s|has been\s)?cancel(?:l?ed)|cancel(?:l?ing)?\s(?:the\s)?(?:board|meeting|clinic|conference|session|call)|covering|cme\b|looking for (?:him|her|them)\b|(?:seen|where(?:'?s| is)|page|paged|bleep|call)\s+(?:the|my|our)\s+(?:[\w-]+\s)?(?:reg|registrar|fellow|resident|consultant|attending|nurse|coordinator|pharmacist|sho|spr|intern|secretary|scribe)\b(?!-)|moc\b|badges?\b|sign[- ]in|compliance|training module|rotas?\b|shared drive|(?:spare |free |open )?slots?\b|(?:is|was|are|were|got|get) booked\b|replied\b|got back to (?:us|me|you|them|him|her)\b|heard back\b)/i;
/**
 * "does this thing read full text?", "can the bot do maths?": the channel asked how the app
 * works, not the app what the papers say ("can the bot pull the OS for arm B" still asks).
 */
const ABOUT_THE_APP =
  /^\s*(?:does|do|did|can|could|will|would|is|has)\s+(?:this thing|the bot|this bot|the app|this app|our bot)\s+(?:(?:actually|really|even|also|ever|only|just)\s+)?(?:read|look at|see|do (?:any )?(?:maths?|calculations?|sums)|search|use|handle|work|understand|access|have access|remember|learn|hallucinate|make (?:stuff|things|numbers) up|get (?:things|it|stuff) wrong|cope)\b/i;
/** "anyone else's pager going off or is it just me": a complaint put as a question at its end. */
const RHETORICAL_TAIL = /\bor is it just (?:me|us)\b|\bam i the only one\b|\bon earth\b/i;
/**
 * "pt asked 'why cant you just cut it all out'", "daughter asked me 'is immunotherapy chemo?'":
 * a question someone else asked, reported: the message tells it, it does not ask it.
 */
const REPORTED_QUESTION =
  /\b(?:asked|asks|asking|said|says|saying|goes|went|wanted to know|wants to know|told me|tells me)(?:\s+(?:me|us|him|her|them))?\s*[:,]?\s*(?:'[^']*'|"[^"]*"|‘[^’]*’|“[^”]*”)/giu;
/** Laughter marks a remark, even one shaped like a question ("who even reads page 2 lol"). */
const LAUGHTER = /\b(?:lol|lmao|haha+|hehe|smh|ugh|yikes|omg|sigh)\b/i;
/** The same in emoji: ":sweat_smile:", ":joy:", 😂. */
const LAUGHING_EMOJI =
  /:(?:joy|sweat_smile|laughing|rolling_on_the_floor_laughing|rofl|upside_down_face|eye_roll|face_with_rolling_eyes|smirk):|[\u{1F602}\u{1F605}\u{1F606}\u{1F923}\u{1F643}\u{1F644}]/u;
/** "why is it always…", "who decided…", "how is it already…": a question that is a complaint. */
const RHETORICAL =
  /^\s*(?:why (?:is|are|do|does) (?:it|they|we) (?:always|never|still)|why (?:is|are|do|does) (?:[\w/-]+\s){1,6}?always\b|who decided|how is it already|is it just me|how (?:did|do|could) (?:i|we) (?:miss|not)|how many (?:more )?times (?:do|does|did|must|will|have|has) |who needs |why (?:do|does|is|are) (?:every|all)\b|what (?:i|we) (?:find|think|love|like|mean|noticed|liked) |(?:has|have|did|is|are) (?:everyone|everybody|y'all|you all)\b)/i;
/**
 * "where this will matter most is…", "how they got this past the reviewers is beyond me": a
 * question word that opens a clause, not a question, when the clause is the subject of "is".
 */
const CLAUSE_AS_SUBJECT =
  /^\s*(?:(?:how|where|what|why|when)\s+(?:this|that|they|it|we|these|those|he|she|i|you)\s[^?]*\b(?:is|was)\b|what\s+\w+s\s+(?:most\s+)?(?:is|was)\b|which\s+(?:reminds|means|is why|explains|makes)\b)/i;
/** "what a paper", "how cool is that", "how about that": exclaimed, not asked. */
const EXCLAIMS =
  /^\s*(?:what an? (?!\S+ (?:is|was|are|were|does|did)\b)|how about that\b|how (?:cool|great|nice|amazing|awesome|wild|neat|impressive|exciting|crazy|lucky|sad|funny|weird) (?:is|was) (?:that|this)\b)/i;
/**
 * What a person says to ask: a question word first ("what was…", "any data on…", or typed in a
 * hurry: "wht chemo did they give"), or an auxiliary followed by what it asks about ("does the
 * GIST one…", "did #2 report…"; not "will look tonight", "had a pt like this" nor "have a good
 * weekend").
 */
const ASKS =
  /^\s*(?:(?:what|whats|what's|wht|waht|whta|how|hw|hwo|which|wich|whihc|who|whom|whose|when|where|why|whether|any|anyone|anybody)\b|(?:at|in|for|by|to|from|with|on|of|below|above|over|under|after|before|up to)\s+(?:what(?! (?:it|its|it's|it is|that's|thats|that is) worth\b)|which|how (?:many|much|long|often))\b|anything (?:published|out there|new|recent|else published|more recent|(?:else )?(?:besides|other than|apart from|beyond) #?\w)|(?:does|did|do|is|isn't|are|was|were|can|could|should|would|wd|wud|will|has)\s+(?:the|this|that|these|those|it|they|there|any|anyone|anybody|someone|we|you|he|she|a|an|their|its|pts|patients|people|participants|subjects|kids|children|women|men|our|bed|pt|#\d)\b|have\s+(?:the|this|that|these|those|they|there|any|anyone|anybody|someone|we|you|their|pts|patients|people|#\d)\b)/i;
/** An auxiliary, a word, then a participle: "was escalation allowed", "were doses reduced". */
const ASKS_YES_NO =
  /^\s*(?:is|was|are|were|has|have|had)\s+[\p{L}-]+\s+(?:\p{L}+(?:ed|en)|done|given|made|seen|shown|run|set|put|kept|held|met|read|paid|sent)\b/iu;
/**
 * An auxiliary, then what it asks about: "does selective embolisation help OS", "was lavage to
 * first abx quicker", "does going selective matter". Not a note that drops its subject: "was
 * great", "did well post op", "should be fine", "can do thurs", "is on the list", "is going to".
 */
const ASKS_WITH_AUXILIARY =
  /^\s*(?:(?:does|did|do)\s+|(?:is|are|was|were|can|could|should|has|have)\s+(?!(?:going|looking|hoping|planning|trying|getting|doing|thinking)\b))(?!(?:be|been|being|have|has|had|not|also|just|still|really|probably|definitely|prob|def|well|great|good|fine|nice|ok|okay|lovely|brilliant|amazing|awesome|terrible|awful|back|on|in|at|out|off|up|away|here|there|around|done|sorted|booked|free|busy|a|an|my|me|so|too|very|pretty|quite|gonna|gunna|need|needs|look|see|check|send|do|get|go|come|try|say|said|mention|present|discuss|review|cover|help|let|make|take|keep|love|like|want|think|agree|hope|know|remember|feel|seem|seems|seemed|sound|sounds|sounded|read|use|post|share|forward|add|bring|grab|join|attend|find|ask|call|page|chase|book|run|start|stop|finish|miss|leave|leaving|left|hear|heard)\b)(?:[\p{L}#]|\d+\s?-?(?:d|day|days|wk|wks|week|weeks|mo|mos|month|months|y|yr|yrs|year|years)\b)/iu;
/** An auxiliary opening a clause about a digest's paper: "did earlier toci in #3 blunt the expansion". */
const ASKS_OF_A_PAPER = /^\s*(?:does|did|do|is|are|was|were)\s(?:[^#.!?]*\s)?#\d/i;
/** An auxiliary, then a named measure, drug or trial: "was MRD run centrally", "is PFS mature". */
const ASKS_ABOUT_A_NAME =
  /^\s*(?:[Dd]oes|[Dd]id|[Dd]o|[Ii]s|[Aa]re|[Ww]as|[Ww]ere|[Hh]as|[Hh]ave)\s+[A-Z][A-Z0-9-]+\b/;
const REQUESTS =
  /\b(?:summari[sz]e|side[- ]by[- ]side|(?:i'd|i would|we'd) love (?:a|an|the|to see|to know)|(?<!(?:digest|the|for the|great|nice|good|bad|decent|fair|neat|solid|lovely|perfect) )summary|tl;?dr|eli5|(?:one|1)[- ]liners?|pull (?:up )?the|compare\b|(?<!\bto )explain\b|remind me|looking for|find (?:me )?the|show (?:me )?the|list the|give me|tell me|break (?:it )?down|what about|(?<!(?:appreciate|appreciated|liked|loved|enjoyed|for) the )(?:short|quick|brief|plain(?: english| language)?|lay|simple|simpler) version|(?:quick |short |brief )?(?:rundown|run-down|recap|synopsis|overview) of|\bwrite #\d+ up\b|\b\d+ (?:lines?|sentences?) max\b|\b(?:into|in) (?:\d+|one|two|three|four|five|a few) (?:lines?|sentences?|bullets?|bullet points)\b|key (?:points|findings|results)|main (?:findings|results|takeaways?)|take-?aways?|bottom line|(?:i )?wonder(?:ing)? (?:if|whether|about|what|how|why)|curious (?:if|whether|about|what|how|why)|interested (?:in )?(?:whether|if|what|how|why)|(?<!you(?:'d| would)?(?: all)? |will )(?:want|wants|wanted|like|love|interested|keen|eager) to (?:know|hear|see|learn)|(?:would|'d) be (?:good|nice|great|useful|helpful|interesting) to (?:know|see|hear|learn)|(?:i|we)(?:'d| would) appreciate|any idea|(?:is|are|was|were) asking (?:whether|if|about|what|how|why|when|which)(?!\s*$)|asked (?:me |us )?(?:whether|if)|if (?:they|it|the (?:paper|authors|study|trial)) (?:reported|reports|gave|gives|mentioned|mentions|has|had|have|looked at) (?:it|that|them|one|this)\b|if (?:reported|available)\b|need the|help me (?:understand|find|figure)|(?:i|we)(?: want| need| would like|['’]d like) (?:the|actual|some|a|to see|numbers|data)|boil (?:[#\w-]+ ){0,4}down|\b\d+ bullets?\b|\btranslate #\d|\bcouple (?:of )?(?:lines|sentences|bullets)\b|\b(?:\d+|one|two|three|four|five|a few) (?:lines?|sentences?|bullets?) (?:on|about|of|for) #\d|bullet(?:ed)? (?:points|list)|\w+ q\s*[—–:-])/i;
/** What the literature holds: "any data", "evidence", "studies on". */
const DATA = /\b(?:data|evidence|studies|trials?|rcts?|literature|papers?|published)\b/i;
/** "false positives per scan in #2 too pls": a figure of a paper named by number, "please" makes it a request. */
const PLEASE = /\b(?:pls|plz|please)\b/i;
/** "implant loss at 3 months … pls": a time point names a figure as a measure's name does. */
const AT_A_TIME = /\bat \d+\s?(?:d|days?|wks?|weeks?|m|mo|mos|months?|y|yrs?|years?)\b/i;
/**
 * "need objective response by mRECIST for both arms of #2": a need typed without its "I", which
 * asks when it names a paper or a figure ("need coffee", "need to leave at 5", "need a volunteer
 * to present #3" do not).
 */
const NEEDS =
  /^\s*(?:(?:i|we)\s+)?(?:still\s+|really\s+)?need\s+(?!to\b|a hand\b|help\b|(?:a |an |some )?(?:volunteer|someone|somebody|anyone|people|cover|coffee|break)\b)/i;
/**
 * A short fragment that names a figure: "2y local control in the spine SBRT paper", "median
 * f/u", "HR for PFS". People ask for a number this way without a verb or a question mark.
 */
const FIGURE_FRAGMENT =
  /^\s*(?:\d+\s?-?(?:y|yr|yrs|year|years|mo|mos|month|months)\b|median\b|mean\b|os\b|pfs\b|orr\b|dfs\b|efs\b|hr\b|[\p{L}-]+ rates? (?:in|for|of|with|at|by)\b|response rate|local control|n\b)/iu;
const FRAGMENT_WORDS = 12;
/**
 * Terse asks with the question at the end: "ph3 readout when", "lifileucel inpt days avg", "cemi
 * neoadj cscc pCR %", "merkel adj any ph3".
 */
const ASKS_AT_THE_END =
  /(?:\s(?:when|where|which|how many|how long|how much|avg|average|median)|(?<!\d)\s%|\sany\s(?:[\p{L}\d-]+\s)?(?:data|ph[123]|phase\s?[123]|rcts?|trials?|studies|evidence))\s*\??$/iu;
/** A person or a negation makes it a statement: "let me know when", "pt not eligible for any trials". */
const SAYS_SOMETHING = /\b(?:i|we|me|you|us|they|he|she|it|not|no|never|none|nobody|will|gonna)\b|n['’]?t\b/i;
/** What a figure is called: "the grade 3 rash rate for arm B", "median age in the AML study". */
const MEASURE_NAME =
  /\b(?:rates?|median|mean|number of|proportion|percentage|share of|incidence|(?<!\b(?:over|in|out of|within|normal|therapeutic|target|reference) )range|hazard ratio|odds ratio|(?<!\b(?:an|per|one|half an|\d+) )hr|os|pfs|orr|dfs|efs|mortality|survival|morbidity|toxicity|recurrence|relapse|response|scores?|per (?:\d[\d,]*|100k|1k)|grade\s?(?:≥|>=)?\s?[1-5]|sensitivity|specificity|accuracy|ppv|npv|aucs?|roc|false (?:positives?|negatives?)|gain)\b/i;
const MEASURE_WORD = new RegExp(`^${MEASURE_NAME.source}$`, 'i');
/** "great response rate", "impressive OS": a measure praised, not asked for. */
const PRAISE =
  /^\s*(?:great|impressive|amazing|incredible|nice|good|solid|huge|wild|crazy|terrible|awful|bad|poor|dismal|stunning|remarkable)\b/i;
/**
 * A question inside a longer message: "…the 68% 5y OS in the Wilms paper, is that all stages or
 * just favorable histology", "was response by RECIST or iRECIST", "scale used in #3 was it FCRI or
 * something else" (the verb before its subject, then a choice).
 */
const EMBEDDED_QUESTION =
  /(?:^|[,:;—–-]\s*)(?:is|was|are|were|does|did|do) (?:that|this|it|they|there|the|response|survival|os|pfs)\b|^\s*(?:is|was|are|were|does|did|do)\b[^.!]*\bor\b|\b(?:is|was|were) (?:it|that|this|they)\b[^.!]*\bor\b/i;

/**
 * A question dictated without punctuation, its question word midway: "the scoping review on NLP in
 * pall care research what was the average sample size". Not one that reports or defers ("not sure
 * what was decided", "let me know how many are coming").
 */
const ASKS_MIDWAY =
  /(?<!\b(?:know|knows|knew|sure|see|seen|wonder|wondering|remember|idea|matter|matters|regardless|that's|thats|exactly|decide|decided|tell|told|ask|asked|explain|understand|about|of|on|check|show|shows|showed|find|found|like|love|liked|loved|is|was)\s+)\b(?:what|which|how many|how much|how long|how often)\s+(?:was|were|is|are|did|do|does|proportion|percentage|share|fraction|number|kind|dose|rate)\b/i;

/**
 * "the TI rate at wk 24 was what vs danazol", "median f/u was how long, bc…", "failure at 5 yrs
 * was how much worse than…", "uptake ended up how much higher": the question word where the
 * answer would stand.
 */
const ASKS_IN_PLACE =
  /\b(?:was|were|ended up|came out|turned out)\s+(?:at\s+)?(?:what|how (?:long|many|much|often|big)(?:\s+(?:more|less|higher|lower|better|worse|longer|shorter|bigger|smaller))?)\s*(?:exactly\b|again\b|roughly\b|vs\b|versus\b|than\b|in\b|for\b|at\b|with\b|[?,;]|$)/i;

/**
 * "and the pulmonary complications too": the thread's last question asked again of something else.
 */
const SAME_FOR_ANOTHER =
  /^\s*and (?:the|their|its|for the) [\p{L}\d/-]+(?: [\p{L}\d/-]+){0,4} (?:too|as well)\b/iu;
/**
 * "still lateralised by #3 criteria or did that put them out", "in scope for #4 or were shunted
 * kids excluded": a case held against a paper, the choice closing the ask ("…or do you want to?"
 * turns to a colleague).
 */
const OR_ELSE_OF_A_PAPER =
  /#\d[^?]*\bor (?:did|does|do|is|are|was|were|would|will|has|have|had)\s(?!(?:you|u|ya|y'all|i|we)\b)/i;
/**
 * "#1 InPACT, #2 DSNB false negatives, #3 …": the digest's items listed, a table of contents
 * ("#1 vs #2 vs #3, which one for a frail pt" asks).
 */
const LISTS_ITEMS =
  /^(?!.*\b(?:what|which|how|why|when|where|who|any)\b)(?!.*#\d\s+(?:vs|versus)\.?\s+#\d).*#\d[^#?,]*,\s*#\d[^#?,]*,\s*#\d/i;
/** "ablation margin they aimed for in #1, 5mm or 10": a choice between figures closes the ask. */
const FIGURE_CHOICE = /,\s*(?:[\p{L}]+\s)?[\d.]+\s?[\p{L}%]*\s+or\s+[\d.]+\s?[\p{L}%]*\s*\??$/iu;

/**
 * "anyone know if the apheresis unit takes referrals this wk", "who has the key for the trolley",
 * "can someone double check bay 4": asked of the people in the channel. The app answers one only
 * when it asks what the literature says ("anyone know if #5 used oncotype", "does anyone know if
 * the STIR paper included kids", "anyone know if a PET is worth ordering before neoadj"): who is
 * on call or where a form is kept it cannot know. "who were the ones recurring" asks of a study.
 */
const TO_THE_ROOM =
  /^\s*(?:(?:does|do|can|could|would|will|has|is)\s+)?(?:anyone|anybody|someone|somebody|any(?:one)? takers)\b|^\s*(?:who(?:'s|s| is| has| have| wants| needs| designed| made| can| could| will)|who's got)\b/i;
/** Besides `DATA`, what else names the literature or weighs it: a digest's paper, a study, a comparison, an outcome. */
const ABOUT_THE_LITERATURE =
  /#\d|\b(?:study|articles?|meta-?analys[ie]s|cohort|guidelines?|vs\.?|versus|compared?|worth|benefits?|better|worse|numbers|figures|results?|outcomes?|efficacy|safe|safety|risks?)\b/i;

/** Thanks and acknowledgements: said to the app, they need no answer. */
const ACKNOWLEDGES =
  /^\s*(?:thx|thanks|thank you|thank u|ty|tysm|ta|cheers|great|perfect|brilliant|brill|lovely|amazing|fab|fantastic|excellent|superb|wonderful|spot on|nice one|sorted|legend|got it|cool|awesome|nice|ok(?:ay)?|k|appreciated?|helpful|useful|much appreciated|that'?s (?:(?:really|very|super|so|exactly) )?(?:it|great|perfect|helpful|useful|exactly|what i needed)|exactly|grand|that(?:'ll| will) do|that'?s the one|\d+\/10\b|ignore (?:that|this|me|my last)|never ?mind|nvm|found it)\b/i;
/** A word or up to three before a comma, with no figure in them: "bless u,", "top stuff,", "hmm,". */
const SHORT_OPENER = /^\s*(?:[\p{L}'’.]+\s+){0,2}[\p{L}'’.]+\s*[,;]\s+\S/u;
/** "no, I meant DREAMM-8, same q", "can you recheck the denominator": the app is asked again. */
const ASKS_AGAIN =
  /\b(?:same (?:q|qs|question)|i meant|re-?check|double[- ]check|check again|try again|redo|re-?run|look again)\b/i;
/**
 * A correction told to the app: "that's not right, the table lists 9", "no, the methods say…",
 * "I think you mixed up…". It says what the paper says; only a request to check again asks.
 */
const CORRECTS =
  /^\s*(?:no\b|nope\b|wrong\b|incorrect\b|not quite\b|that'?s (?:not|wrong|incorrect)\b|that is (?:not|wrong|incorrect)\b|(?:i think )?you(?:'ve| have)? (?:mixed|got|missed|counted|confused|misread|swapped|only|quoted the wrong)\b)/i;

/**
 * `botUserId`: the app's own Slack user. A message that mentions it asks the app whatever it
 * says (a bare topic is a search), unless all it does is thank it, correct it or joke with it.
 */
export function asksTheApp(message: string, botUserId?: string): boolean {
  if (botUserId && message.includes(`<@${botUserId}>`)) {
    const rest = message.replaceAll(`<@${botUserId}>`, ' ').replace(NOISE, ' ').replace(/\s+/g, ' ').trim();
    // "@app thanks!" and "@app that's not right, it was 9" are not asking; "@app ok, and the OS
    // in kids?" and "@app no, recheck the denominator" are. A joke is not asking either.
    if (LAUGHTER.test(rest) || LAUGHING_EMOJI.test(message)) return false;
    // "ace, thx": the thanks may follow a word of praise the list does not know.
    const answersBack = rest.split(/[,.;!]/).some((part) => ACKNOWLEDGES.test(part)) || CORRECTS.test(rest);
    const asks = asksInSomeSentence(rest) || ASKS_AGAIN.test(rest);
    // "champion, that's the table for the review", "hmm, I read the methods differently": a word or
    // two said to the app, then news or an opinion, asks nothing ("ok, and the OS in kids?" does).
    const remark = !rest.includes('?') && !/#\d/.test(rest) && SHORT_OPENER.test(rest);
    return /[\p{L}\p{N}]/u.test(rest) && !((answersBack || remark) && !asks);
  }
  const text = message.replace(NOISE, ' ').replace(REPORTED_QUESTION, ' ').replace(/\s+/g, ' ').trim();
  if (!/[\p{L}\p{N}]/u.test(text)) return false;
  if (
    TO_A_COLLEAGUE.test(text) ||
    toANamedColleague(text) ||
    LAUGHTER.test(text) ||
    LAUGHING_EMOJI.test(message)
  )
    return false;
  return asksInSomeSentence(text);
}

/** "got anything on CNS ppx in DLBCL? pt on the list thurs": one sentence asks, another schedules. */
function asksInSomeSentence(text: string): boolean {
  return sentencesOf(text).some((sentence) => {
    const body = sentence.replace(FILLER, '');
    // "3 line summary of #5 for the MDT slides pls", "need the ORR in pts with liver mets, our pt on
    // thurs…": asked of a paper or for a figure, the slides and the day are only what it is for.
    const requests = REQUESTS.test(body);
    // "#3 - flap failure at 6 months…": the digest number the filler took off still names the paper.
    const namesAPaperOrFigure =
      /#\d|\b(?:paper|study|trial|article)\b/i.test(sentence) || MEASURE_NAME.test(body);
    const ofAPaper =
      ((requests || NEEDS.test(body)) && namesAPaperOrFigure) ||
      (PLEASE.test(body) && (MEASURE_NAME.test(body) || AT_A_TIME.test(body)) && /#\d/.test(sentence));
    const clauses = clausesOf(body);
    if (
      (LOGISTICS.test(body) && !ofAPaper && !clauses.some(asksForData)) ||
      (TO_THE_ROOM.test(body) &&
        !requests &&
        !DATA.test(sentence) &&
        !ABOUT_THE_LITERATURE.test(sentence) &&
        !MEASURE_NAME.test(body)) ||
      RHETORICAL.test(body) ||
      RHETORICAL_TAIL.test(body)
    )
      return false;
    if (ABOUT_THE_APP.test(body) || (LISTS_ITEMS.test(body) && !body.includes('?') && !requests))
      return false;
    if ((EXCLAIMS.test(body) || CLAUSE_AS_SUBJECT.test(body)) && !body.includes('?')) return false;
    const short = body.split(/\s+/).length <= FRAGMENT_WORDS;
    const terseAsk = ASKS_AT_THE_END.test(body) && !SAYS_SOMETHING.test(body);
    const fragment = short && (FIGURE_FRAGMENT.test(body) || terseAsk);
    return (
      body.includes('?') ||
      clauses.some(
        (clause) =>
          !EXCLAIMS.test(clause) &&
          !CLAUSE_AS_SUBJECT.test(clause) &&
          (ASKS.test(clause) ||
            ASKS_WITH_AUXILIARY.test(clause) ||
            ASKS_ABOUT_A_NAME.test(clause) ||
            ASKS_YES_NO.test(clause) ||
            ASKS_OF_A_PAPER.test(clause)),
      ) ||
      requests ||
      ofAPaper ||
      EMBEDDED_QUESTION.test(body) ||
      SAME_FOR_ANOTHER.test(sentence) ||
      ASKS_MIDWAY.test(body) ||
      ASKS_IN_PLACE.test(body) ||
      OR_ELSE_OF_A_PAPER.test(body) ||
      (FIGURE_CHOICE.test(body) && namesAPaperOrFigure) ||
      fragment ||
      body.split(/[,:;]\s|\s[-—–]\s/).some(namesAFigure)
    );
  });
}

/** "CRS/HIPEC case tmrw - any safety data?": the day is the case's; the clause after it asks for data. */
function asksForData(clause: string): boolean {
  return !LOGISTICS.test(clause) && ASKS.test(clause) && (DATA.test(clause) || MEASURE_NAME.test(clause));
}

/**
 * A clause that names a figure and says nothing of it: no verb outside a relative or conditional
 * clause ("number of pts who went to transplant", "CR rate if going to transplant"), read by
 * compromise's tagger. "The response rate was
 * impressive" says something; "the neutropenia rate with vs without G-CSF" asks for it.
 */
function namesAFigure(clause: string): boolean {
  if (!MEASURE_NAME.test(clause) || PRAISE.test(clause) || clause.split(/\s+/).length > FRAGMENT_WORDS)
    return false;
  const main = clause.trim().replace(/\s(?:who|that|which|whose|if|when|once)\b.*$/i, '');
  tagger ??= require('compromise') as Tagger;
  const terms = tagger(main)
    .json()
    .flatMap((sentence) => sentence.terms);
  // After a preposition or an article a word is a noun, whatever the tagger guessed ("for arm A"),
  // and so is the measure's own name ("flap failure rates" is no one rating anything), the word
  // that names it ("bleed rate"), a name in two words ("grade 3+ infections") and what "vs"
  // compares ("leak rate robotic vs open").
  return !terms.some(
    (term, i) =>
      term.tags.includes('Verb') &&
      !MEASURE_WORD.test(term.text) &&
      !MEASURE_WORD.test(terms[i + 1]?.text ?? '') &&
      !MEASURE_WORD.test(`${term.text} ${(terms[i + 1]?.text ?? '').replace(/\W+$/, '')}`) &&
      !/^(?:vs|versus|v)\.?$/i.test(terms[i - 1]?.text ?? '') &&
      !['Preposition', 'Determiner'].some((tag) => terms[i - 1]?.tags.includes(tag)),
  );
}

function sentencesOf(text: string): string[] {
  return text.split(/(?<=[?!.])\s+(?=\S)/);
}

/**
 * Where an ask starts after its topic: "the nsclc one - were pts stratified…", "menin paper: how
 * early did it show up", "rate with EV and how many stopped", "in EMBARK what % restarted", "in
 * the screening study did they…", "older pts w AML, do they tolerate it" (an auxiliary after a comma,
 * unless it turns to a colleague: ", can someone cover"). A question word after "but" or "and"
 * opens a clause ("sorry to derail but has anyone seen my stethoscope" is no ask).
 */
const CLAUSE_BREAK =
  /\s[-—–+]\s|:\s|,\s(?=(?:what|which|how|when|where|why|who)\s|any\s(?!time\b)|(?:do|does|did) (?:we|they|you) have (?:anything|any|data|evidence)\b|(?:does|did|do|is|are|was|were|can|could|should|has|have)\s(?!(?:you|u|ya|y'all|i|we|someone|somebody)\b))|,?\s(?:but|and)\s(?=(?:(?:at|in|for|by|with|from|after|before)\s)?(?:what|which|how|when|where|why|who)\b|(?:did|does|do|was|were|is|are)\s(?:the|they|it|any|pts|patients)\b)|^\s*(?:in|for|with|on)\s[^,?]{1,60}?\s(?=(?:what|which|how|when|where|why|who)\s|(?:did|do|does|was|were|is|are)\s(?:they|it|we|the|pts|patients|anyone|any)\b)/i;

function clausesOf(sentence: string): string[] {
  return sentence.split(new RegExp(CLAUSE_BREAK, 'gi'));
}

/** "Priya is this the paper you brought up?", "Sam, can you present it": a person's name, then to them. */
function toANamedColleague(text: string): boolean {
  const opening = findPhi(text.slice(0, 60)).find((span) => span.kind === 'name' && span.start === 0);
  // "ED: do residents…": a word in capitals is a department or an acronym, not a given name.
  const firstWord = /^\p{Lu}\p{Ll}[\p{L}'’-]*/u.exec(text)?.[0];
  const end = opening?.end ?? (firstWord && isGivenName(firstWord) ? firstWord.length : undefined);
  return end !== undefined && ADDRESSED_AFTER_NAME.test(text.slice(end));
}
