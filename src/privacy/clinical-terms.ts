import { normalizeWord } from './lexicon.js';

/**
 * Capitalized words of medical writing that are not people: eponyms of diseases, tumours,
 * signs, scores, procedures and statistical methods, and common oncology brand names.
 * Written from clinical knowledge, not copied from any corpus the guard is measured on.
 */

/** Never a person in a clinical message, whatever follows. */
const ALWAYS = `
hodgkin hodgkins burkitt wilms ewing kaposi waldenstrom waldenström langerhans sezary sézary krukenberg
virchow pancoast fraumeni cowden peutz jeghers turcot hippel lindau gorlin beckwith wiedemann denys
drash fanconi blackfan shwachman kostmann noonan legius recklinghausen bannayan kasabach maffucci ollier
wermer zollinger crohn crohns hashimoto alzheimer alzheimers parkinson parkinsons huntington huntingtons
guillain kawasaki meniere ménière raynaud sjogren sjögren tourette wernicke korsakoff marfan
klinefelter patau angelman prader willi hirschsprung gaucher fabry pompe niemann duchenne charcot
perthes schlatter dupuytren peyronie bankart colles monteggia galeazzi lisfranc achilles bartholin
meckel zenker schatzki boerhaave whipple merkel spitz breslow gleason bethesda lugano binet durie
sternberg auer heinz epstein philadelphia kaplan meier wilcoxon kruskal spearman mcnemar mantel haenszel
cochran cochrane bonferroni tukey scheffe scheffé dunnett hosmer lemeshow cronbach likert poisson
gaussian bayes bayesian markov fleiss levene kolmogorov smirnov benjamini hochberg youden aalen durbin
keuls sidak šidák hotelling mahalanobis pareto weibull gompertz gini delphi jadad egger dersimonian peto
karnofsky lansky charlson apgar hounsfield doppler seldinger papanicolaou giemsa romanowsky ziehl
neelsen golgi purkinje cox schwann kupffer leydig langhans bence hürthle hurthle wolffian müllerian
mullerian pap cushings addisons rett pfannenstiel valsalva babinski trousseau chvostek brudzinski
lhermitte barrett barretts richter richters stupp cockcroft gault deauville nigro exon codon intron
dana-farber yawkey emory moffitt bengal churg strauss arbor tesla
lysholm tegner kujala oswestry enneking mirels tokuhashi bosniak fuhrman clavien dindo masaoka borrmann
siewert sokal hasford spetzler gastaut
`;

/** Eponyms that are also surnames: clinical only before a head word or joined to another eponym. */
const SURNAME_EPONYMS = `
aldrich allen alport altman alvarado ann apley reed askin barre barré clark barlow bartter begg behmel billroth birt bland
blatchford bloom blumberg brenner brooke bruton burgess caprini carney castleman chads chaikoff chediak child
christian conn costello courvoisier danlos diamond dietz dorfman down dube dubé duncan duval edwards
ehlers erdheim evans finkelstein fisher forrest friedman gardner geneva gitelman glasgow golabi
greenwood harrell hartmann heller higashi higgins hogg holm homans hunter hurler ishak kallman kallmann
kappa kasai kendall kernig khorana kikuchi killian kocher lachman laird lefevre lennox letterer li liddle loeys
lynch mann mcburney mcmurray meld metavir morquio muir murphy nelson newcastle newman nijmegen nissen
ortolani ottawa padua pallister papillon pearson perlman phalen pick pugh rai ranson rockall romberg
rosai rothmund roux rovsing sachs sanfilippo schuller schüller sertoli shapiro sheehan simpson siwe
sotos spiegler student tay thompson thomson tinel torre trendelenburg triton turner tweedie wagner wald
wallis watson weaver welch wells werner whitney wilk wiskott wolff yates young
`;

/**
 * Drugs, regimens and specialties as oncologists clip them in chat ("ven/aza", "dara", "pola-R",
 * "geri onc", "neuro onc", "surg ed", "vasc surg", "peri op", "gyn ca"), "til" for until, and "hilar" of the lung's hilum: clinical when
 * typed in lower case; capitalized, some are given names (Mel, Len, Dex, Geri).
 */
const CHAT_CLIPPINGS = new Set(
  `geri surg vasc peri hilar neuro gyn gyne gynae til
ven aza dara pola pembro nivo ipi atezo durva benda ritux carbo cis gem cape ox iri dox vin cy flu mel bu
tac siro pred dex len pom bort carf elo blin ino gilt mido quiz sora suni pazo cabo lenva axi
rego tras pert olap nira ruca tala abi enza apa daro ibru acala zanu pirto obin tafa glofit epcor teclis
talq elra cilta vorino romi treme cemi dostar sacit dasa`.split(/\s+/),
);

/** Brand names of common oncology and supportive-care drugs, capitalized in any sentence. */
const BRANDS = `
gleevec glivec herceptin avastin rituxan mabthera keytruda opdivo yervoy tecentriq imfinzi bavencio
libtayo tagrisso tarceva iressa xalkori alecensa zykadia lorbrena tafinlar mekinist zelboraf cotellic
braftovi mektovi ibrance kisqali verzenio afinitor tykerb nerlynx enhertu kadcyla perjeta lynparza
zejula rubraca talzenna xtandi zytiga erleada nubeqa provenge jevtana taxotere taxol abraxane gemzar
alimta navelbine xeloda eloxatin camptosar erbitux vectibix zaltrap stivarga lonsurf nexavar sutent
votrient inlyta cabometyx lenvima cometriq sprycel tasigna bosulif iclusig scemblix imbruvica calquence
brukinsa venclexta gazyva arzerra revlimid pomalyst thalomid velcade kyprolis ninlaro darzalex sarclisa
empliciti blincyto besponsa kymriah yescarta tecartus breyanzi abecma carvykti mylotarg vidaza dacogen
onureg jakafi inrebic vonjo rydapt xospata idhifa tibsovo daurismo neulasta neupogen procrit epogen
aranesp zofran emend decadron solumedrol zometa xgeva prolia lupron zoladex faslodex arimidex femara
aromasin nolvadex evista cytoxan adriamycin doxil oncaspar erwinaze rylaze purixan tabloid hydrea
leukeran treanda bendeka fludara cladribine campath lemtrada adcetris polivy padcev trodelvy tivdak
elahere blenrep tecvayli elrexfio talvey columvi epkinly lunsumio tukysa galleri guardant signatera
`;

/** Words after an eponym that make it a clinical term ("Graves disease", "Cox regression"). */
const HEADS = new Set(
  `
syndrome syndromes disease diseases disorder lymphoma lymphomas sarcoma sarcomas tumor tumors tumour tumours
leukemia leukaemia anemia anaemia palsy sign signs test tests correlation correlations coefficient coefficients
regression model models hazard hazards score scores scale scales classification criteria grade grading stage
staging index curve curves method methods analysis estimate estimates estimator plot plots cell cells ulcer
phenomenon procedure operation fracture cyst carcinoma adenoma bodies body node nodes tube catheter reflex
maneuver manoeuvre stain staining equation formula distribution rank exact chi kappa alpha rho tau technique
loop pouch line lines virus antigen effect law rule fever pattern ratio triad lesion nodule approach
classification's intervals interval limits agreement statistic statistics rats rat mice mouse strain
equation equations questionnaire inventory instrument questionnaire scheme tool position clamp incision
space ligament ring stripe bundle duct canal gland glands disc score's gangrene concordance fascia triangle
deformity contracture paralysis anomaly tetralogy theory hypothesis principle sequence factor factors
guideline guidelines nomogram nomograms protein type types diagram diagrams assay assays simulation
category rating system level levels apparatus dilator recording recordings software species device devices monitor
monitoring kit kits analyzer analyser camera scanner valve prosthesis probe program programme package
chamber pump machine medium agar broth buffer reagent antibody antibodies serum vaccine strains catheter
`
    .trim()
    .split(/\s+/),
);

const words = (list: string) => new Set(list.trim().split(/\s+/).map(normalizeWord));
const ALWAYS_SET = words(`${ALWAYS} ${BRANDS}`);
const SURNAME_EPONYM_SET = words(SURNAME_EPONYMS);

/**
 * Word shapes of drugs, diseases, procedures and adjectives (monoclonal antibodies, kinase
 * inhibitors, -itis, -ectomy…): a capitalized unknown word with one of these is medical.
 */
const MEDICAL_SHAPE =
  /(?:mab|nib|ciclib|parib|lisib|zomib|platin|taxel|rubicin|mycin|micin|cillin|cycline|floxacin|azole|vir|pril|sartan|olol|statin|dipine|prazole|tidine|setron|lukast|gliptin|glitazone|parin|xaban|gatran|plase|ase|ases|ine|ines|ide|ides|ate|ates|ium|one|osis|oses|itis|emia|aemia|oma|omas|omata|pathy|ectomy|otomy|ostomy|plasty|scopy|scopic|graphy|graphic|gram|grams|cyte|cytes|blast|blasts|genic|genesis|logy|logic|logical|ologist|ologists|lysis|lytic|plasia|trophy|tropic|philia|penia|uria|algia|cele|rrhea|rrhoea|megaly|ectasis|ism|isms|ics|ical|ally|ness|tion|tions|sion|sions|ment|ments|ity|ities|ance|ence|ous|ive|ary|ory|able|ible|ized|ised|izing|ising|ing|ed|ic|al|ar|oid|ae|um|yl|ux|caine)$/;
const MEDICAL_PREFIX =
  /^(?:pre|post|intra|inter|peri|trans|sub|supra|infra|hyper|hypo|anti|non|neo|multi|poly|mono|hemi|semi|endo|exo|extra|retro|micro|macro|immuno|chemo|radio|onco|hemato|haemato|cardio|neuro|gastro|hepato|nephro|uro|osteo|myelo|lympho|cyto|histo|patho|pharmaco|psycho|physio|bio|epi|para|meta|dys|auto|laparo|thoraco|colono|endoscop|echo|electro|angio|arterio|veno|pneumo|broncho|pleuro|mammo|cranio|spondyl|arthro|myo|dermato|ophthalm|oto|rhino|laryng|pharyng|esophag|oesophag|entero|colo|procto|cysto|nephr|pyelo|hystero|salping|oophor|orchi|prostat|thyro|adreno|pancreat|spleno|lapar|thorac|cholang|cholecyst|choledoch)/;

/**
 * True for a word that is not a person here: "Hodgkin", "Herceptin", "Kaplan-Meier"; "Cox" or
 * "Graves" only when `next` is a clinical head word ("Cox regression", "Graves' disease").
 */
export function isClinicalWord(word: string, next?: string): boolean {
  const key = normalizeWord(word).replace(/'s$|'$/, '');
  if (ALWAYS_SET.has(key)) return true;
  if (word === key && CHAT_CLIPPINGS.has(key)) return true;
  const parts = key.split('-');
  if (parts.length > 1 && parts.every((part) => ALWAYS_SET.has(part) || SURNAME_EPONYM_SET.has(part)))
    return true;
  if (!SURNAME_EPONYM_SET.has(key)) return false;
  // "Ann Arbor", "Li Fraumeni": joined to a word that is always an eponym.
  const nextKey = normalizeWord(next ?? '').replace(/'s$|'$/, '');
  return isClinicalHead(next) || EPONYM_HEADS.has(nextKey) || ALWAYS_SET.has(nextKey);
}

/** After an eponym that is also a surname, these make it a statistic or a sign ("Pearson's r", "Cohen's d"). */
const EPONYM_HEADS = new Set(
  'r rho d h u t w chi chi-square chi-squared product-moment χ2 kappa exact rank'.split(' '),
);

/** True for a word that is an eponym or a brand whoever it stands beside ("Arbor", "Fraumeni", "Herceptin"). */
export function isAlwaysClinical(word: string): boolean {
  return ALWAYS_SET.has(normalizeWord(word).replace(/'s$|'$/, ''));
}

/** True for any eponym of the lists, whatever follows ("Pearson", "Altman", "Spearman"). */
export function isEponym(word: string): boolean {
  const key = normalizeWord(word).replace(/'s$|'$/, '');
  return ALWAYS_SET.has(key) || SURNAME_EPONYM_SET.has(key);
}

/** True when `next` (the word after an eponym, possessive dropped) makes it a clinical term. */
export function isClinicalHead(next: string | undefined): boolean {
  return next !== undefined && HEADS.has(normalizeWord(next));
}

/** Endings only drugs, diseases and procedures have ("Cisplatin", "Nephrectomy", "Lymphoma"). */
const DRUG_OR_DISEASE =
  /(?:mab|nib|ciclib|parib|lisib|zomib|platin|taxel|rubicin|mycin|micin|cillin|cycline|floxacin|azole|vir|pril|sartan|olol|statin|dipine|prazole|tidine|setron|lukast|gliptin|glitazone|parin|xaban|gatran|plase|osis|itis|emia|aemia|oma|omas|pathy|ectomy|otomy|ostomy|plasty|scopy|graphy|cyte|cytes|blast|blasts|plasia|penia|algia|megaly)$/;

/** True for a drug, disease or procedure word: never a street's or a person's name. */
export function hasDrugOrDiseaseShape(word: string): boolean {
  const key = normalizeWord(word);
  return key.length >= 5 && DRUG_OR_DISEASE.test(key);
}

/** True for the shape of a drug, disease, procedure or adjective ("Rapamycin", "Postoperative"). */
export function hasMedicalShape(word: string): boolean {
  const key = normalizeWord(word);
  // "Chukwuemeka-Ide": each part of a hyphenated word carries its own ending ("beta-lactamase",
  // "anti-inflammatory"); a short last part ("-Ide") is no drug ending.
  const shaped = (part: string) =>
    part.length >= 5 && (MEDICAL_SHAPE.test(part) || (part.length >= 7 && MEDICAL_PREFIX.test(part)));
  return (key.length >= 7 && MEDICAL_PREFIX.test(key)) || key.split('-').some(shaped);
}
