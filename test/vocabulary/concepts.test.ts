import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Concept,
  CountedTermFrequencies,
  conceptsOf,
  SpellingIndex,
  saysForm,
  textKeysOf,
} from '../../src/vocabulary/index.js';
import { meshEntryTermsOf, symbolAliasesOf } from '../../src/vocabulary/mesh-entry-terms.js';
import { isKindOf, synonymsOf } from '../../src/vocabulary/wordnet.js';
import { pubMedQaRecords } from '../qa/corpus.js';

let terms: CountedTermFrequencies;
let spellings: SpellingIndex;

/** The PubMedQA abstracts (1,000 real ones) as the stored corpus. */
beforeAll(() => {
  terms = new CountedTermFrequencies();
  spellings = new SpellingIndex();
  for (const [, record] of pubMedQaRecords()) {
    const text = [record.QUESTION, ...record.CONTEXTS, record.LONG_ANSWER, record.MESHES.join('\n')].join(
      '\n',
    );
    terms.add(text);
    spellings.add(text);
  }
});

function concept(question: string, typed: string): Concept | undefined {
  return conceptsOf(question, { terms, spellings }).find((c) => c.text.toLowerCase() === typed.toLowerCase());
}

describe('conceptsOf', () => {
  it('reads "reminder" as what was sent, not as a chat word ("remind me")', () => {
    expect(concept('do reminder calls get women back for f/u?', 'reminder')?.role).toBe('subject');
  });

  it('reads clinical shorthand the way the papers write it', () => {
    expect(concept('median OS in stage IV NPC?', 'OS')?.phrases).toContain('overall survival');
    expect(concept('median OS in stage IV NPC?', 'NPC')?.phrases).toContain('nasopharyngeal carcinoma');
    expect(concept('did pts on chemo do better', 'chemo')?.phrases).toContain('chemotherapy');
    // MEDLINE's "LARC" is a chemokine; at a tumor board it is the rectal cancer.
    const stored = new CountedTermFrequencies();
    stored.add('response to chemoradiation in locally advanced rectal cancer');
    const larc = conceptsOf('p53 in a LARC, predicts response?', { terms: stored }).find(
      (c) => c.text === 'LARC',
    );
    expect(larc?.phrases).toContain('locally advanced rectal cancer');
    stored.add('preoperative platelet count and survival');
    expect(
      conceptsOf('5 yr OS if plts low', { terms: stored }).find((c) => c.text === 'plts')?.phrases,
    ).toContain('platelets');
    expect(concept('RT after surgery?', 'RT')?.phrases).toContain('radiotherapy');
    expect(concept('did the onc plan change', 'onc')?.phrases).toContain('oncology');
    expect(concept('kids in for minor surg stuff', 'surg')?.phrases).toContain('surgery');
    expect(concept('how often did bad hypos happen on glargine', 'hypos')?.phrases).toContain('hypoglycemia');
    expect(concept('bili still rising after the stent?', 'bili')?.phrases).toContain('bilirubin');
    expect(concept('older pts on 5+ regular meds', 'meds')?.phrases).toContain('medications');
    expect(concept('any med that helps the hot flushes', 'med')?.phrases).toContain('medication');
    expect(concept('did they all go on to angio', 'angio')?.phrases).toContain('angiography');
    expect(concept('hip fx pts, who got the jab', 'jab')?.phrases).toContain('vaccination');
    expect(concept('hip fx pts, who got the jab', 'fx')?.phrases).toContain('fracture');
    expect(concept('above knee amp or limb salvage', 'amp')?.phrases).toContain('amputation');
    expect(concept('tubed on the ICU for ARDS', 'tubed')?.phrases).toContain('intubation');
  });

  it('reads chat shorthand for time, averages and hepatitis as words the papers use', () => {
    expect(concept('avg stay in hrs?', 'hrs')?.phrases).toContain('hours');
    expect(concept('avg stay in hrs?', 'avg')?.phrases).toContain('average');
    expect(concept('avg stay in hrs?', 'avg')?.phrases).toContain('mean');
    expect(concept('mean f/u?', 'mean')?.role).toBe('measure');
    expect(concept('hep C referrals', 'hep')?.phrases).toContain('hepatitis');
  });

  it('reads "the sample count" as asking for a number, and a "platelet count" as a measure the papers name', () => {
    expect(concept('what was the sample count behind that?', 'count')).toBeUndefined();
    expect(concept('what was the sample count behind that?', 'sample')).toBeDefined();
    expect(concept('below what platelet count did they give IVIG', 'count')?.role).toBe('measure');
  });

  it("reads a patient's age typed apart ('a 30 yo cyclist') as no concept, as '30yo' is not", () => {
    expect(concept('displaced clavicle in a 30 yo cyclist, plate or sling?', 'yo')).toBeUndefined();
    expect(concept('displaced clavicle in a 30 yo cyclist, plate or sling?', 'clavicle')).toBeDefined();
  });

  it('reads an element before a mass number as a nuclide no paper names, not as an everyday word', () => {
    const radium = concept('survival gain from radium 223 in bone-only CRPC?', 'radium 223');
    expect(radium?.role).toBe('code');
    expect(radium?.known).toBe(false);
    expect(concept('technetium 99m bone scan sensitivity', 'technetium 99m')?.known).toBe(true);
    expect(concept('samarium 200 mg', 'samarium 200')).toBeUndefined();
  });

  it('reads a specialty no paper names as a subject that lowers fit, not a name that rules papers out', () => {
    expect(concept('hepatology referrals for hep C', 'hepatology')?.role).not.toBe('code');
  });

  it('reads an adjective also as the state it names ("pregnant" → pregnancy), and a prefix typed apart as no concept', () => {
    expect(concept('complications in pregnant women?', 'pregnant')?.phrases).toContain('pregnancy');
    expect(concept('hypothyroid post thyroidectomy', 'post')).toBeUndefined();
    expect(concept('hypothyroid post thyroidectomy', 'thyroidectomy')).toBeDefined();
  });

  it('reads a verb also as the event it names ("died" → death), never as its doer ("survivor")', () => {
    expect(concept('did fewer die after early extubation?', 'die')?.phrases).toContain('death');
    expect(concept('does it recur after resection?', 'recur')?.phrases).toContain('recurrence');
    expect(concept('how many survive 5 yrs', 'survive')?.phrases).not.toContain('survivor');
  });

  it('reads the plural of clinical shorthand as the shorthand ("ops", "bxs")', () => {
    expect(concept('how long did the ops take', 'ops')?.phrases).toContain('operation');
    expect(concept('how many bxs were positive', 'bxs')?.phrases).toContain('biopsy');
  });

  it('reads a regimen typed with a slash as its drugs, and a glued number-letter code as lists write it', () => {
    const concepts = conceptsOf('rectal ca after 5FU/LV chemoRT', { terms, spellings });
    expect(concepts.map((c) => c.text)).toEqual(expect.arrayContaining(['5FU', 'LV']));
    expect(concept('rectal ca after 5FU/LV chemoRT', '5FU')?.phrases).toContain('5-fluorouracil');
  });

  it('reads an age band and a medical adjective no paper uses as no name to rule papers out', () => {
    expect(concept('benefit in the 75-84s vs younger', '75-84s')).toBeUndefined();
    expect(concept('70s-80s w tonsil SCC, worth treating hard?', '70s-80s')).toBeUndefined();
    expect(concept('pts in their 70s/80s', '70s/80s')).toBeUndefined();
  });

  it('reads a performance status typed as one token as the score, not a name no paper uses', () => {
    for (const typed of ['PS2', 'ECOG1', 'ps0-1']) {
      expect(concept(`stage IV NSCLC, ${typed}, chemo vs BSC survival`, typed)).toBeUndefined();
      expect(concept(`stage IV NSCLC, ${typed}, chemo vs BSC survival`, 'PS')?.phrases).toContain(
        'performance status',
      );
    }
    expect(concept('BMI in stage IA/IB or IIIB/IV disease', 'IIIB')).toBeUndefined();
    expect(concept('the 16-centre RCC cohort (5k+ nephrectomies)', '5k')).toBeUndefined();
    expect(concept('the 16-centre RCC cohort (5k+ nephrectomies)', '16-centre')).toBeUndefined();
    expect(concept('the 16-centre RCC cohort (5k+ nephrectomies)', 'centre')?.role).not.toBe('code');
    expect(concept('TBB for ?lymphangitic spread', 'lymphangitic')?.role).toBe('subject');
  });

  it('reads a name in capitals that no paper uses as a trial the papers lack, not a misspelt word', () => {
    const targit = concept('TARGIT intraop RT at lumpectomy vs whole breast RT?', 'TARGIT');
    expect(targit?.role).toBe('code');
    expect(targit?.known).toBe(false);
  });

  it('reads a phrasal noun typed apart as papers write it joined ("cut off" → cutoff)', () => {
    expect(concept('OS at or under the cut off?', 'cut off')?.phrases).toContain('cutoff');
  });

  it('expands a drug abbreviation also to the drug without its salt, as papers name it', () => {
    expect(concept('TXA added to DDAVP in CABG', 'DDAVP')?.phrases).toContain('desmopressin');
  });

  it('bridges lay words and adjectives to the nouns papers use', () => {
    expect(concept('armpit nodes in breast ca', 'armpit')?.phrases).toContain('axilla');
    expect(concept('cheek mucosa cancer', 'cheek')?.phrases).toContain('buccal');
    expect(concept('kids with ARDS', 'kids')?.phrases).toContain('child');
  });

  it('bridges a word for people that no paper uses to their broader group, but not a thing to its kind', () => {
    expect(concept('how many preemies got it', 'preemies')?.phrases).toContain('neonate');
    expect(concept('the gavel was lost', 'gavel')?.phrases).not.toContain('mallet');
  });

  it('reads an adjective right after "how" as what it measures, and not elsewhere', () => {
    expect(concept('how heavy were the fibroids', 'heavy')?.phrases).toContain('weight');
    expect(concept('heavy smokers only?', 'heavy')?.phrases ?? []).not.toContain('weight');
  });

  it('reads an organ taken out as its operation, and a rare comparative as what it measures', () => {
    expect(concept('did they take the spleen out too?', 'spleen')?.phrases).toContain('splenectomy');
    expect(concept('uterus removed at the same time?', 'uterus')?.phrases).toContain('hysterectomy');
    expect(concept('spleen size on CT', 'spleen')?.phrases).not.toContain('splenectomy');
    expect(concept('how much heavier were the cone specimens?', 'heavier')?.phrases).toContain('weight');
    // Papers say "higher" themselves: it stays what it is, not "grade" or "level".
    expect(concept('higher relapse with RT?', 'higher')?.phrases).toEqual(['higher']);
  });

  it("bridges a lay name to the papers' through the MeSH heading that files both", () => {
    expect(meshEntryTermsOf('fibroids')).toContain('leiomyoma');
    expect(meshEntryTermsOf('reglan')).toContain('metoclopramide');
    expect(meshEntryTermsOf('gleevec')).toContain('imatinib');
    expect(meshEntryTermsOf('mechanical ventilation')).toContain('artificial respiration');
    expect(meshEntryTermsOf('not a heading at all')).toEqual([]);
  });

  it('leaves out a synonym that is only a clipping of another ("cell" for the phone)', () => {
    expect(concept('does mobile phone use cause brain tumours', 'mobile phone')?.phrases).not.toContain(
      'cell',
    );
  });

  it('reads a misspelt word as the nearest word the papers use', () => {
    expect(concept('nasopharyngael carcinoma relapse', 'nasopharyngael')?.phrases).toContain(
      'nasopharyngeal',
    );
    expect(concept('lymphadenecomy for cervix ca', 'lymphadenecomy')?.phrases).toContain('lymphadenectomy');
    // Two letters swapped, and the measure asked for still read as one.
    expect(concept('overall diagnostic yeild?', 'yeild')).toMatchObject({ role: 'measure' });
    expect(concept('overall diagnostic yeild?', 'yeild')?.phrases).toContain('yield');
  });

  it('reads two swapped letters beside another slip as a near word ("parapelgic" for paraplegia)', () => {
    const index = new SpellingIndex();
    index.add('Postoperative paraplegia occurred in 2 patients.');
    expect(index.nearest('parapelgic')).toBe('paraplegia');
    expect(index.nearest('parapelgia')).toBe('paraplegia');
    expect(index.nearest('quadriplegic')).toBeUndefined();
  });

  it('reads lower-case chat as chat, not as an abbreviation no paper uses', () => {
    // ADAM knows ISNT (a glaucoma rule) and MoM; typed "isnt" or "mom" they are chat that must not
    // outweigh the subject.
    const isnt = concept('is the INR from the art line ok even if the APTT isnt', 'isnt');
    expect(isnt?.weight ?? 0).toBeLessThanOrEqual(2);
    expect(concept('my mom had breast ca, am I at risk', 'mom')?.role).not.toBe('code');
    expect(concept('is the INR from the art line ok even if the APTT isnt', 'APTT')?.weight).toBeGreaterThan(
      2,
    );
  });

  it('lets a medical noun no paper uses weigh against a paper without ruling every paper out', () => {
    expect(concept('found a chordoma on imaging', 'chordoma')).toMatchObject({
      role: 'subject',
      known: false,
    });
  });

  it('weighs an English word no paper uses at half the weight of a name no paper uses', () => {
    const word = concept('how many were severely malnourished?', 'malnourished');
    const name = concept('any data on tarlatamab?', 'tarlatamab');
    expect(word).toMatchObject({ role: 'subject', known: false });
    expect(word?.weight).toBeCloseTo((name?.weight ?? 0) / 2);
  });

  it('reads a lower-case slip of an English word as that word, not a name no paper covers; capitals stay a trial', () => {
    expect(concept('was there a replicaton cohort', 'replicaton')).toMatchObject({ role: 'subject' });
    expect(concept('was there a replicaton cohort', 'replicaton')?.forms.flat()).toContain('replic');
    expect(concept('liver transplant (TRANSMET) vs chemo alone', 'TRANSMET')).toMatchObject({ role: 'code' });
  });

  it('reads a slip of an operation MeSH names and WordNet does not as that operation, not a name', () => {
    const stored = new CountedTermFrequencies();
    stored.add('Anastomotic leak after esophagectomy for cancer in 212 patients.');
    for (const [, record] of pubMedQaRecords()) stored.add(record.CONTEXTS.join('\n'));
    const slip = conceptsOf('leak rate after esophagectmy?', { terms: stored }).find(
      (c) => c.text === 'esophagectmy',
    );
    expect(slip).toMatchObject({ role: 'subject', known: true });
    expect(slip?.phrases).toContain('esophagectomy');
  });

  it('reads a verb and its particle after "to" or a subject as a verb, not as the noun papers write joined', () => {
    expect(concept('did the pay reform push them to set up care pathways', 'set up')).toBeUndefined();
    expect(concept('the work up for a thyroid nodule', 'work up')?.phrases).toContain('workup');
  });

  it('reads the plural of a word that asks for a number as asking, not as a subject', () => {
    expect(
      concept('depression w vs w/o a prior episode - what were the percentages', 'percentages'),
    ).toBeUndefined();
    expect(concept('what proportions relapsed in each arm', 'proportions')).toBeUndefined();
  });

  it('does not read a two-letter stem left by an ending as the word ("seing" is not selenium)', () => {
    expect(synonymsOf('seing')).not.toContain('selenium');
    expect(synonymsOf('kids')).toContain('child');
  });

  it('reads an adjective after "how" that measures nothing as asking how good, not as a subject', () => {
    expect(concept('how reliable is a low MASCC score', 'reliable')).toMatchObject({ role: 'generic' });
    expect(concept('how heavy were the fibroids', 'heavy')?.role).not.toBe('generic');
  });

  it("reads a condition's adjective in -otic as its noun in -osis and back", () => {
    expect(concept('are the osteoporotic ones more achy', 'osteoporotic')?.phrases).toContain('osteoporosis');
    expect(concept('leak rate after a stapled anastomosis', 'anastomosis')?.phrases).toContain('anastomotic');
  });

  it('knows a kind of a thing by WordNet, in any sense of the word: ewes and mice are animals, days are not', () => {
    expect(isKindOf('ewes', 'animals')).toBe(true);
    expect(isKindOf('mice', 'animals')).toBe(true);
    expect(isKindOf('surgeons', 'doctors')).toBe(true);
    expect(isKindOf('days', 'animals')).toBe(false);
    expect(isKindOf('animals', 'ewes')).toBe(false);
  });

  it('reads a slip that may be of an everyday word as chat, which no paper need say', () => {
    expect(concept('did it actualy help the pain', 'actualy')).toMatchObject({ role: 'generic', weight: 0 });
  });

  it('reads two words typed as one as the phrase the papers write apart, not as an unknown name', () => {
    expect(concept('at what timepoints did they scan?', 'timepoints')).toMatchObject({
      role: 'subject',
      known: true,
      phrases: expect.arrayContaining(['time points']),
    });
  });

  it('reads a word typed as one in the form a paper writes apart too, when papers use both', () => {
    const typedTogether = concept('does breastfeeding cut how often kids get sick', 'breastfeeding');
    expect(typedTogether?.forms).toEqual(expect.arrayContaining([['breastfeed'], ['breast', 'feed']]));
  });

  it('reads two everyday words typed as one that no paper writes either way as the two words ("schoolkids")', () => {
    const concepts = conceptsOf('karachi schoolkids chewing areca, how many?', { terms, spellings });
    expect(concepts.find((c) => c.text === 'schoolkids')).toBeUndefined();
    expect(concepts.find((c) => c.text === 'school')).toMatchObject({ known: true });
    expect(concepts.find((c) => c.text === 'kids')).toMatchObject({ known: true });
    // "happier" is one word WordNet knows, not "hap" + "pier"; "gotten" is one everyday word.
    expect(concept('were pts happier w it', 'happier')).toBeDefined();
    expect(concept('what dose had they gotten first time round', 'ten')).toBeUndefined();
  });

  it('reads a hyphenated prefix as part of its word, not as a concept of its own ("post-lecture")', () => {
    const typed = conceptsOf('in the post-lecture survey what share were non-smokers', { terms, spellings });
    expect(typed.map((c) => c.text.toLowerCase())).not.toContain('post');
    expect(typed.map((c) => c.text.toLowerCase())).not.toContain('non');
    expect(typed.map((c) => c.text.toLowerCase())).toContain('lecture');
  });

  it('reads capitals after "at" as a centre that lowers fit, not a drug no paper mentions', () => {
    expect(concept('stage III thymoma at MGH: how many got RT?', 'MGH')).toMatchObject({
      role: 'subject',
      known: false,
    });
    expect(concept('any data on XZT in thymoma?', 'XZT')).toMatchObject({ role: 'code', known: false });
  });

  it('reads a tumour acronym whose oncology sense no paper uses as a name no paper covers, whatever its other senses', () => {
    // MEDLINE's commonest "GBM" is the glomerular basement membrane, whose words the papers use.
    expect(concept('new GBM after chemoRT, do tumour treating fields add survival', 'GBM')).toMatchObject({
      role: 'code',
      known: false,
    });
  });

  it('marks a drug, trial or target no paper mentions as an unknown name', () => {
    for (const [question, name] of [
      ['any data on tarlatamab in SCLC?', 'tarlatamab'],
      ['KEYNOTE-189 OS benefit?', 'KEYNOTE-189'],
      ['sotorasib in KRAS G12C NSCLC', 'G12C'],
    ] as const) {
      expect(concept(question, name)).toMatchObject({ role: 'code', known: false });
    }
  });

  it('leaves grammar, chat words and quantities out, and weighs everyday words little', () => {
    const typed = conceptsOf('quick q tho - what % of pts got 7cm masses w/ the gap?', {
      terms,
      spellings,
    }).map((c) => c.text);
    expect(typed).not.toContain('tho');
    expect(typed).not.toContain('w/');
    expect(typed).not.toContain('7cm');
    expect(typed).not.toContain('what');
    const chat = conceptsOf('whats the OS, surgeon didnt take station 9', { terms, spellings }).map(
      (c) => c.text,
    );
    for (const word of ['whats', 'didnt']) expect(chat).not.toContain(word);
    // "worse", "better" ask which way an effect went, as "good" and "bad" do: a paper says it
    // with its figures or with "poorer", "inferior", "improved".
    const effect = conceptsOf('high ki67 in ureter ca, worse CSS? or better w adjuvant?', { terms }).map(
      (c) => c.text,
    );
    for (const word of ['worse', 'better']) expect(effect).not.toContain(word);
    const how = conceptsOf('pts going for resection: is a 2mm margin enough, or let the reg keep going', {
      terms,
    }).map((c) => c.text);
    for (const word of ['going', 'enough', 'let', 'keep']) expect(how).not.toContain(word);
    // The other forms of a chat verb the list has ("think", "want", "help") are chat too.
    const forms = conceptsOf('onc wants to know, thinking of CT, has it helped', { terms }).map(
      (c) => c.text,
    );
    for (const word of ['wants', 'thinking', 'helped']) expect(forms).not.toContain(word);
    const pronouns = conceptsOf('did they open theirs themselves', { terms }).map((c) => c.text);
    for (const word of ['theirs', 'themselves']) expect(pronouns).not.toContain(word);
    expect(
      concept('how far apart were they, did the coaching close the gap', 'gap')?.weight ?? 0,
    ).toBeLessThan(
      concept('how far apart were they, did the coaching close the gap', 'coaching')?.weight ?? 0,
    );
  });

  it('reads a hyphenated or staged code also as papers write it, and ordinals and dosing intervals as no name', () => {
    const stored = new CountedTermFrequencies();
    stored.add('PDL1 expression in pT3a tumours; 90Y radioembolization; 106Ru plaques; FDG uptake');
    const read = (question: string, typed: string) =>
      conceptsOf(question, { terms: stored }).find((c) => c.text === typed);
    expect(read('PD-L1 high?', 'PD-L1')?.phrases).toContain('pdl1');
    expect(read('T3a only?', 'T3a')?.known).toBe(true);
    expect(read('Y90 for HCC', 'Y90')?.phrases).toContain('90y');
    expect(read('ru-106 plaque?', 'ru-106')?.phrases).toContain('106ru');
    stored.add('99mTc-labelled white cell scintigraphy in children');
    expect(read('tc99 white cell scan', 'tc99')?.known).toBe(true);
    expect(read('18F-FDG avid?', '18F-FDG')?.phrases).toContain('fdg');
    stored.add('HPV type 16 was found in four of the lesions');
    expect(read('any HPV16 in them?', 'HPV16')?.known).toBe(true);
    stored.add('VEGF and TGF-β1 expression in endometrial polyps');
    expect(read('VEGF/TGF-b1 in polyps', 'TGF-b1')?.known).toBe(true);
    const typed = conceptsOf('2nd line pembro q3w, R-CHOP x6, C3D1 labs', { terms }).map((c) => c.text);
    for (const schedule of ['2nd', 'q3w', 'x6', 'C3D1']) expect(typed).not.toContain(schedule);
    const patient = conceptsOf('62M and a 28F, both 70yo; the under-40s; 3T MRI', { terms }).map(
      (c) => c.text,
    );
    for (const ageSex of ['62M', '28F', '70yo', 'under-40s', '3T']) expect(patient).not.toContain(ageSex);
    // A stage describes the patients: it weighs, but rules no paper out, and N2 is not nitrogen.
    expect(concept('pT2N0 after resection', 'pT2N0')?.role).toBe('subject');
    expect(concept('N2 disease', 'N2')).toMatchObject({ role: 'subject', phrases: ['n2'] });
    stored.add('T3 N0 tumours');
    expect(read('T3N0 only?', 'T3N0')?.phrases).toContain('t3 n0');
  });

  it('reads "the T1s" as the stage T1, said in a paper\'s glued stages ("144 T1N0"), and "T1-2" as T1-T2', () => {
    const stored = new CountedTermFrequencies();
    const paper = 'Of these, there were 436 Stage I disease, of whom 144 T1N0 and 292 T2N0.';
    stored.add(paper);
    const keys = textKeysOf(paper);
    for (const typed of ['T1s', 'T2s', 'N0']) {
      const read = conceptsOf('how do the T1s do vs the T2s, N0 only', { terms: stored }).find(
        (c) => c.text === typed,
      );
      expect(read?.role).toBe('subject');
      expect(read?.forms.some((form) => saysForm(keys, form))).toBe(true);
    }
    expect(textKeysOf('T3 tumours').set.has('t1')).toBe(false);
    // A range typed short is the range a paper writes out, and rules no paper out either.
    const range = conceptsOf('small T1-2 w clear margins', { terms: stored }).find((c) => c.text === 'T1-2');
    expect(range?.role).toBe('subject');
    expect(range?.forms.some((form) => saysForm(textKeysOf('small (T1-T2) tumors'), form))).toBe(true);
  });

  it('reads a slip WordNet happens to list, a lay plural and a medical noun no paper uses as what they mean', () => {
    expect(concept('baby on propanolol for a hemangioma', 'propanolol')?.phrases).toContain('propranolol');
    expect(concept('teens who vape', 'teens')?.phrases).toContain('adolescent');
    // A finding named another way than the papers' is weighed against them, not refused outright.
    expect(concept('adrenal incidentaloma workup', 'incidentaloma')?.role).toBe('subject');
    const typed = conceptsOf('BAL at 2am, 1-yr mortality?', { terms, spellings }).map((c) => c.text);
    expect(typed).not.toContain('2am');
    expect(typed).not.toContain('1-yr');
  });

  it('reads a known word with a prefix no paper puts on it as a subject, and time points typed with a slash as no name', () => {
    // Neither is a name no paper covers: the question is weighed, not refused outright.
    expect(concept('is a subfascial sarcoma worse after grade and size', 'subfascial')?.role).toBe('subject');
    expect(concept('how often was a defunctioning stoma made', 'defunctioning')?.role).toBe('subject');
    expect(concept('OS at 5/10y for the oligomets', '5/10y')).toBeUndefined();
    // A drug no paper names is still a name.
    expect(concept('any data on tulmimetostat in lymphoma', 'tulmimetostat')?.role).toBe('code');
  });

  it('reads a gene symbol no paper uses as the protein symbols MeSH files with it', () => {
    const tp53 = concept('does tp53 staining predict response to chemoRT', 'tp53');
    expect(tp53?.role).toBe('code');
    expect(tp53?.forms.some((form) => saysForm(textKeysOf('p53 expression was associated with'), form))).toBe(
      true,
    );
    expect(symbolAliasesOf('cd117')).toContain('c-kit');
    expect(symbolAliasesOf('pd-l1')).toContain('cd274');
    // Never a stage: "T10" is a vertebra or a tumour's stage, not CD38.
    expect(concept('cd38 expression in myeloma', 'cd38')?.phrases ?? []).not.toContain('t10');
  });

  it('does not expand an English word typed in lower case as an acronym', () => {
    expect(concept('should we start rapamycin', 'start')?.phrases).toEqual(['start']);
    expect(conceptsOf('all kids with ALL', { terms, spellings }).map((c) => c.text)).toContain('ALL');
  });
});
