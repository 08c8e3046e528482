import { describe, expect, it } from 'vitest';
import { understandQuestion } from '../../src/qa/understand.js';
import { pubMedQaTerms } from './corpus.js';

describe('understandQuestion', () => {
  it('reads the case described before the ask as context, even with a "?" marking a suspicion', async () => {
    const understood = await understandQuestion(
      'after TBB for ?lymphangitic spread, debating routine CXR. how many pneumothoraces had no symptoms',
      undefined,
      pubMedQaTerms(),
    );
    expect(understood.parts.map((part) => part.text).join(' ')).not.toContain('lymphangitic');
    expect(understood.parts[0]?.text).toContain('pneumothoraces');
  });

  it('reads "it" in the ask as the drug the case line says the patient is on', async () => {
    const understood = await understandQuestion(
      'pt on warfarin, going for a colonoscopy w polypectomy. ok to keep giving it?',
      undefined,
      pubMedQaTerms(),
    );
    expect(understood.parts[0]?.concepts.map((c) => c.text.toLowerCase())).toContain('warfarin');
  });

  it('reads a sentence after the ask that only names the paper as context, not as a second ask', async () => {
    const understood = await understandQuestion(
      'resected squamous NSCLC - do women still outlive men, or is that only an adeno thing? the tokyo series of 2770 resections',
      undefined,
      pubMedQaTerms(),
    );
    expect(understood.parts).toHaveLength(1);
    expect(understood.context.map((c) => c.text.toLowerCase())).toContain('resections');
  });

  it('asks for a figure when "what" follows the paper described first, whatever "vs" and "did" say', async () => {
    const understood = await understandQuestion(
      'the german RCT of single agent novantrone vs FEC as first line for high risk MBC - what mitoxantrone dose and schedule did they use',
      undefined,
      pubMedQaTerms(),
    );
    expect(understood.parts.map((part) => part.kind)).toEqual(['figure']);
  });

  it('asks for a finding when it asks what the authors say about something, though a measure is named', async () => {
    const understood = await understandQuestion(
      '#2, the JMML relapse after transplant case w rapamycin - what do they say about handling the immunosuppression?',
      undefined,
      pubMedQaTerms(),
    );
    expect(understood.parts.map((part) => part.kind)).toEqual(['finding']);
  });

  it('asks for a finding when it asks what predicted a measure or which group did best, unless it asks how many', async () => {
    const kinds = async (question: string) =>
      (await understandQuestion(question, undefined, pubMedQaTerms())).parts.map((part) => part.kind);
    expect(await kinds('resected pancreatic ca - what independently predicted a worse DFS')).toEqual([
      'finding',
    ]);
    expect(await kinds('melanoma adjuvant series - which subgroups got the most survival benefit')).toEqual([
      'finding',
    ]);
    expect(await kinds('melanoma adjuvant series - what % of each subgroup survived')).toEqual(['figure']);
  });

  it('reads the words that ask for the number studied ("how big was the cohort") as no subject', async () => {
    const understood = await understandQuestion(
      'station 9 dissection in lung ca - how big was the cohort?',
      undefined,
      pubMedQaTerms(),
    );
    const asked = understood.concepts.map((c) => c.text.toLowerCase());
    expect(asked).toEqual(expect.arrayContaining(['station', 'lung']));
    expect(asked).not.toContain('big');
    expect(asked).not.toContain('cohort');
  });

  it('keeps apart the words before a dash that say which paper is meant', async () => {
    const understood = await understandQuestion(
      'spanish CYP2D6*4 and breast ca risk study - how many cases vs controls did they genotype',
      undefined,
      pubMedQaTerms(),
    );
    const describing = understood.parts[0]?.describing.map((c) => c.text.toLowerCase());
    expect(describing).toEqual(expect.arrayContaining(['spanish', 'breast']));
    expect(describing).not.toContain('cases');
    expect(describing).not.toContain('genotype');
  });

  it("reads who asks ('uro path -', 'gyn onc colleague asking:') as no part of what is asked", async () => {
    for (const [question, asked] of [
      ['uro path - VEGF staining in pT3 kidney ca, n?', 'VEGF staining in pT3 kidney ca, n?'],
      [
        'gyn onc colleague asking: bladder neck suspension, success rate?',
        'bladder neck suspension, success rate?',
      ],
      [
        'vasc: TIA clinic, over 75s - days to endarterectomy?',
        'TIA clinic, over 75s - days to endarterectomy?',
      ],
      ['NICU/anaesth: micro prems, end tidal CO2 bias?', 'micro prems, end tidal CO2 bias?'],
      ['plastics/maxfax: cleft lip repair age?', 'cleft lip repair age?'],
      ['ob: twins after IVF, how many went to term', 'twins after IVF, how many went to term'],
      ['anaes: spinal vs GA for hip fx, delirium rate?', 'spinal vs GA for hip fx, delirium rate?'],
      ['GME: duty hour caps and fatigue, any data', 'duty hour caps and fatigue, any data'],
      ['pall care np: syringe driver use at home?', 'syringe driver use at home?'],
      [
        'supp care: mouthwash for mucositis in kids, does it work?',
        'mouthwash for mucositis in kids, does it work?',
      ],
      ['bariatric: leak after sleeve, how many?', 'leak after sleeve, how many?'],
      ['head and neck ca QoL: is appearance picked up?', 'head and neck ca QoL: is appearance picked up?'],
    ]) {
      const understood = await understandQuestion(question as string, undefined, pubMedQaTerms());
      expect(understood.parts.map((part) => part.text).join(' ')).toBe(asked);
    }
  });

  it("reads who opened the thread ('thoracic onc:') as no part of what a follow-up leans on", async () => {
    const understood = await understandQuestion(
      'how many of them actually had both sets of forms filled in',
      'thoracic onc: lung ca pts from poorer postcodes, is their QoL worse at dx?',
      pubMedQaTerms(),
    );
    expect(understood.leansOnThread).toBe(true);
    const context = understood.context.map((c) => c.text.toLowerCase());
    expect(context).toContain('lung');
    expect(context).not.toContain('thoracic');
    expect(context).not.toContain('onc');
  });

  it("keeps the setting of who asks ('peds ward:', 'global onc:') as context no paper must name", async () => {
    const understood = await understandQuestion(
      'peds ward: toddler w bronchiolitis, how long do they stay in?',
      undefined,
      pubMedQaTerms(),
    );
    expect(understood.parts.map((part) => part.text).join(' ')).toBe(
      'toddler w bronchiolitis, how long do they stay in?',
    );
    expect(understood.concepts.map((c) => c.text)).not.toContain('ward');
    expect(understood.context.map((c) => c.text)).toContain('ward');
  });

  it('weighs a role word of the opening ("breast onc audit:") at a quarter of its weight, a setting word at half', async () => {
    const terms = pubMedQaTerms();
    const opened = await understandQuestion(
      'breast onc audit: how many re-excisions for margins?',
      undefined,
      terms,
    );
    const asked = await understandQuestion(
      'onc breast audit, how many re-excisions for margins?',
      undefined,
      terms,
    );
    const ratio = (text: string) =>
      (opened.context.find((c) => c.text === text)?.weight ?? Number.NaN) /
      (asked.concepts.find((c) => c.text === text)?.weight ?? Number.NaN);
    expect(ratio('breast')).toBeCloseTo(0.5);
    expect(ratio('onc')).toBeCloseTo(0.25);
  });
});
