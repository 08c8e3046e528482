import { describe, expect, it } from 'vitest';
import { asksTheApp } from '../../src/qa/thread-message.js';

describe('asksTheApp', () => {
  it('answers questions and requests, with or without a question mark', () => {
    for (const text of [
      'what was the median OS in the NPC lung mets paper?',
      'pls pull the OS data for the esophageal chemoRT paper',
      'does the GIST one break down by exon 9',
      'quick q — how many pts had station 9 mets',
      'wondering if the STIR paper included kids',
      'eli5 the telomere paper',
      'I wonder if the effect held in elderly pts',
      'Would love to know if they adjusted for stage',
      'Summary please',
      'was response by RECIST or iRECIST',
      'the 68% 5y OS in the Wilms paper, is that all stages or just favorable histology',
      'got anything on CNS ppx in DLBCL? pt on the list thurs',
      'any data from EPIC on this?',
      'what were the presenting symptoms in the sun-exposed melanoma cohort?',
      'does coffee intake change HCC risk?',
      'does insurance status explain the survival gap?',
      'were pts with brain mets excluded',
      'pharmacy q — starting venetoclax dose in the elderly cohort',
      'help me understand why they used RMST instead of a hazard ratio',
      '2y local control in the spine SBRT paper',
      'interested to know whether they used ferritin to define iron overload',
      'path here, which antibody clone did they stain with',
      'random q but did the colon paper include rectal primaries',
      'was MRD assessed centrally in that study',
      "I'd love a side by side of the two CAR-T papers",
      'the lymphoma one - were pts stratified by cell of origin',
      'sorry if I missed it but what was the median f/u in the melanoma study',
      'short version of the myeloma one pls',
      'CR rate in the older subgroup',
      'the grade 3 diarrhea rate for arm A',
      'quick one, median age in the myeloma study',
      'number of pts who went on to transplant',
      'keen to know if they reported QoL',
      "I'd appreciate the dose intensity numbers",
      'the lymphoma one – was rituximab given as maintenance',
      'how they defined progression in the myeloma trial',
      'in the PTCy paper what was 1y GRFS for each arm',
      'in the screening study did they screen everyone or only those with a family hx',
      'menin inhibitor paper: differentiation syndrome incidence + how early did it show up',
      'neuropathy rate with EV+pembro and how many had to stop EV for it',
      'my fellow is asking whether the PTCy arm had more early infections',
      'chest tube paper, what air leak threshold did they use for removal',
      'how many pts in the pembro arm had surgery delayed or cancelled because of irAEs',
      'would be good to know whether any of the digest papers address CNS relapse',
      'ph3 readout when',
      'lifileucel inpt days avg',
      'merkel adj any ph3',
      'did #3 look at OS in the over 70s',
      '#4 whats the median f/u',
      'and was it given with concurrent cis',
      'would our pt (71yo, NPM1 mut) have fit the #1 eligibility',
      '3 line summary of #5 for the MDT slides pls',
      'need the ORR in pts with liver mets, our pt on thurs has extensive liver disease',
      'and the 30 day mortality in #5 too',
      'can you explain why #3 used a 10% margin',
    ])
      expect(asksTheApp(text), text).toBe(true);
  });

  it('stays quiet for thanks, logistics, sharing, remarks and messages to a colleague', () => {
    for (const text of [
      'thanks!',
      'both, stratified by cis eligibility. it was in the digest summary actually',
      'our surgeons will want to see that number before they sign off on neoadjuvant anything',
      'board is cancelled this week, see everyone on the 12th',
      'pt not eligible for any trials',
      'let me know when',
      'will circle back when',
      'can someone forward me the pdf',
      'when is the next board',
      'thanks, what a great paper',
      'great summary: what a week',
      'nice, which reminds me I owe you coffee',
      'in my experience what matters is the performance status',
      ':+1:',
      'Thanks, I will read the second one before Thursday',
      "can we move this to next week's board?",
      "<@U03ABC123> pls add the HCC case to thursday's list",
      '@maria can you present this one?',
      'sharing for tomorrow: <https://pubmed.ncbi.nlm.nih.gov/23389866/|esophageal CRT paper>',
      'who even reads page 2 of these digests lol',
      '👀 will look tonight',
      'Can we discuss this Thursday?',
      'who is presenting tomorrow?',
      'Priya is this the paper you brought up at M&M?',
      'why is it always the smallest trials that get the press release',
      'is board still noon or did it move',
      'Does anyone know if pharmacy stocks this drug?',
      'Is the meeting still at 7?',
      'can someone send the dial-in',
      'Who is covering clinic today?',
      "my pt got a CR after 4 cycles, thought you'd all want to know",
      'is it just me or is the digest font tiny on mobile',
      'has everyone done the annual compliance module? due friday',
      'had a 70M with the same picture last year, still in remission',
      'what a trial',
      'how cool is that',
      'how did we miss this one, great find',
      'how many times do we have to show this before it changes practice',
      'sorry to derail but has anyone seen my pager',
      'that HR of 0.42 is wild',
      'have a good weekend all',
      'great response rate',
      'Maria what do you make of the rectal one?',
      "what's next, CAR-T for everything? :sweat_smile:",
      'who needs sleep when there is a 60 page supplement',
      'what I liked is how they handled crossover',
      'where this will matter most is in the frail pts',
      "who's doing physics chart rounds this wk?",
      "who's got the ipi-nivo pt on the list?",
      "anyone else's pager going off nonstop or is it just me",
      "pt asked 'why cant you just cut it all out' yesterday - took 20 mins to explain",
      "daughter asked me 'is immunotherapy chemo?' - i get that one every wk",
    ])
      expect(asksTheApp(text), text).toBe(false);
  });

  it('answers a mention of the app whatever it asks, but not one that only thanks it', () => {
    expect(asksTheApp('<@U0APP> OS in the elderly?', 'U0APP')).toBe(true);
    expect(asksTheApp('<@U0APP> JMML rapamycin', 'U0APP')).toBe(true);
    expect(asksTheApp('<@U0APP> thanks, super helpful :pray:', 'U0APP')).toBe(false);
    expect(asksTheApp('<@U0APP> brilliant, sorted, ta', 'U0APP')).toBe(false);
    expect(asksTheApp('<@U0APP> ok so what was the OS in kids', 'U0APP')).toBe(true);
    expect(asksTheApp('<@U07OTHER> can you present this Thursday?', 'U0APP')).toBe(false);
  });

  it('stays quiet when a mention only corrects the app or jokes with it, and answers when it asks again', () => {
    expect(asksTheApp("<@U0APP> that's not right, the toxicity table lists 9 events not 6", 'U0APP')).toBe(
      false,
    );
    expect(asksTheApp('<@U0APP> no, the methods say 18 pts got the full dose', 'U0APP')).toBe(false);
    expect(asksTheApp("<@U0APP> that's really useful, thanks. passing it on", 'U0APP')).toBe(false);
    expect(asksTheApp('<@U0APP> will you be presenting next week too :joy:', 'U0APP')).toBe(false);
    expect(asksTheApp('<@U0APP> no, I meant the phase 3, same q', 'U0APP')).toBe(true);
    expect(asksTheApp("<@U0APP> that's wrong, can you recheck the denominator", 'U0APP')).toBe(true);
  });

  it('stays quiet when the channel asks how the app works, and answers what the papers say', () => {
    expect(asksTheApp('does this thing read the full text or just abstracts?')).toBe(false);
    expect(asksTheApp('does the bot actually do any maths or just quote?')).toBe(false);
    expect(asksTheApp('can the bot pull the OS for arm B?')).toBe(true);
    expect(asksTheApp('ok that explains it, per lesion.')).toBe(false);
    expect(asksTheApp('and the interobserver agreement for the low group, if they reported it')).toBe(true);
  });

  it('answers a need typed without its "I" when it names a paper or a figure, not a need of the day', () => {
    expect(asksTheApp('need grade 3 tox by arm for #4, the supplement table not the abstract')).toBe(true);
    expect(asksTheApp('#2 - local response at 6 wks or 12 wks for the index lesion')).toBe(true);
    expect(asksTheApp('need coffee before the 2nd half of this')).toBe(false);
    expect(asksTheApp('need to leave at 4 today, can someone cover')).toBe(false);
    expect(asksTheApp('need a volunteer to present #3 next week')).toBe(false);
  });

  it('stays quiet when someone is looked for, or a paper is said to be the one people asked about', () => {
    expect(asksTheApp('anyone seen the onc fellow? ward looking for her')).toBe(false);
    expect(asksTheApp('where is the nurse-led follow-up arm in #2')).toBe(true);
    expect(asksTheApp('does anyone know whos got the bleep tonight')).toBe(false);
    expect(asksTheApp('#3 is the CAR-T one everyone was asking about')).toBe(false);
    expect(asksTheApp('my pt was asking whether the rash comes back after a rechallenge')).toBe(true);
  });

  it('answers "I\'d like", a choice put with its verb first mid-sentence, and a request for bullets', () => {
    expect(asksTheApp("i'd like the dropout rate in the exercise arm of #2 for our grant")).toBe(true);
    expect(asksTheApp('the pain score in #4 was it BPI or a numeric scale')).toBe(true);
    expect(asksTheApp('boil #1 down to 4 bullets for the registrars')).toBe(true);
    expect(asksTheApp('#2 radial vs ALT for tongue - donor site complication rates')).toBe(true);
    expect(asksTheApp('<@U0BOT1234> fantastic, ta', 'U0BOT1234')).toBe(false);
    expect(asksTheApp('anyone want a coffee? heading to the canteen')).toBe(false);
  });

  it('answers a comparison, a plain-language version, the same asked of another outcome, and a choice of figures', () => {
    expect(asksTheApp('major bleed rate apixaban vs warfarin in #3')).toBe(true);
    expect(asksTheApp('lay version of #4 for the patient leaflet please')).toBe(true);
    expect(asksTheApp('and the wound infections as well, that mattered most for us')).toBe(true);
    expect(asksTheApp('dose they settled on in #2, 40mg or 60')).toBe(true);
    expect(asksTheApp("daughter asked 'is it contagious?' fair summary tbh")).toBe(false);
    expect(asksTheApp('who fills in the trial eligibility form now, the template changed')).toBe(false);
  });

  it('answers a diagnostic accuracy figure, a recap of a paper and a figure asked with "pls"', () => {
    expect(asksTheApp('#4 dual-energy CT - specificity for bone mets vs MRI')).toBe(true);
    expect(asksTheApp('short recap of #3 for the journal club on fri')).toBe(true);
    expect(asksTheApp('median time to relapse in #1 as well pls')).toBe(true);
    expect(asksTheApp('can someone write #2 up for the newsletter, 3 lines max')).toBe(true);
  });

  it('stays quiet for rotas, bookings, replies awaited, an hour away and a lab out of range', () => {
    expect(asksTheApp('anyone have the jan on-call rota, not on the shared drive')).toBe(false);
    expect(asksTheApp('does anyone know if the minibus is booked for the outreach clinic')).toBe(false);
    expect(asksTheApp('anyone know if radiology replied about the biopsy slot')).toBe(false);
    expect(asksTheApp('in theatre, back in an hr')).toBe(false);
    expect(asksTheApp('INR 4.1, out of range, held the warfarin')).toBe(false);
    expect(asksTheApp('<@U0BOT1234> brill, shared it with the team', 'U0BOT1234')).toBe(false);
    expect(asksTheApp('<@U0BOT1234> thanks, the ward loved the short version', 'U0BOT1234')).toBe(false);
    expect(asksTheApp('how many in #2 responded within the first year')).toBe(true);
  });

  it('answers a question about a digest paper after its auxiliary, a score asked with "pls", an ask after a comma and a summary boiled down', () => {
    expect(asksTheApp('and did prior rituximab in #2 change the CR rate')).toBe(true);
    expect(asksTheApp('frailty score in #4 as well pls')).toBe(true);
    expect(asksTheApp('#1 short-course RT vs long-course, any diff in sphincter preservation')).toBe(true);
    expect(asksTheApp('could someone boil #2 the lynch one down to three lines for clinic')).toBe(true);
  });

  it('stays quiet for a free slot, a complaint put as a question and a mention that only approves', () => {
    expect(asksTheApp('has anyone a free ultrasound slot on the list, ours is full')).toBe(false);
    expect(asksTheApp('why do all the referrals arrive at 4:55')).toBe(false);
    expect(asksTheApp('what on earth do you feed someone with mucositis this bad')).toBe(false);
    expect(asksTheApp('<@U0BOT1234> grand, cheers', 'U0BOT1234')).toBe(false);
    expect(asksTheApp('<@U0BOT1234> that will do nicely', 'U0BOT1234')).toBe(false);
  });

  it('answers a digest paper named first and asked of after a comma, a figure per thousand, a toxicity grade and "whether"', () => {
    expect(asksTheApp('#3 the lung screening one, did the false positive rate fall in round 2')).toBe(true);
    expect(asksTheApp('#2 HIPEC trial, was it stopped early or did it finish accrual')).toBe(true);
    expect(asksTheApp('and interval cancers per 1000 screens in #4 pls')).toBe(true);
    expect(asksTheApp('and grade 3+ neutropenia in #1 with vs without G-CSF')).toBe(true);
    expect(asksTheApp('and whether the pts in #2 had prior anthracycline')).toBe(true);
    expect(asksTheApp('#3 is up on the screen, did you get my email about the slides')).toBe(false);
  });

  it('stays quiet for letters, secretaries and a time by the clock', () => {
    expect(asksTheApp('anyone know if the clinic letters for the lung MDT have gone to the GPs')).toBe(false);
    expect(asksTheApp('does anyone know if the secretaries have the new template')).toBe(false);
    expect(asksTheApp("anyone know if the chemo for the 2 o'clock has been checked")).toBe(false);
  });

  it('answers "anything published" beyond a paper and a request to put a paper into a few lines', () => {
    expect(asksTheApp('anything published besides #2 on organ preservation in rectal ca')).toBe(true);
    expect(asksTheApp('could someone put #4 into three lines for the ward round')).toBe(true);
  });

  it('stays quiet for half term, bank holidays and what pharmacy has in', () => {
    expect(asksTheApp('anyone know if clinic runs as normal over half term')).toBe(false);
    expect(asksTheApp('is the day unit open on the bank holiday monday')).toBe(false);
    expect(asksTheApp('does anyone know if pharmacy have the new infusion bags yet')).toBe(false);
  });

  it('answers an auxiliary followed by what it asks about, after a topic and a comma too', () => {
    expect(asksTheApp('does early palliative care change chemo use at end of life')).toBe(true);
    expect(asksTheApp('TACE for HCC - does going superselective matter for survival')).toBe(true);
    expect(asksTheApp('older pts w AML, do they tolerate venetoclax as well')).toBe(true);
    expect(asksTheApp('was neoadjuvant chemo given to all of them')).toBe(true);
    expect(asksTheApp('for the audit, is 90 day mortality enough or do we need a year')).toBe(true);
    expect(asksTheApp('was 5y OS any better with the boost')).toBe(true);
    expect(asksTheApp('hw many got the boost in #2')).toBe(true);
    expect(asksTheApp('did well post op, home tomorrow')).toBe(false);
    expect(asksTheApp('was great, thanks all')).toBe(false);
    expect(asksTheApp('should be fine for thursday')).toBe(false);
    expect(asksTheApp('did 3 today, all uneventful')).toBe(false);
  });

  it('answers a question word after a preposition, and reads a department in capitals as no colleague', () => {
    expect(asksTheApp('below what platelet count did they transfuse')).toBe(true);
    expect(asksTheApp('in how many was the margin positive')).toBe(true);
    expect(asksTheApp('for what it is worth I liked #2')).toBe(false);
    expect(asksTheApp('ED: do residents trained in ultrasound scan more often?')).toBe(true);
    expect(asksTheApp('Ed, can you present the next case?')).toBe(false);
  });

  it('reads a figure named before a condition as asked for ("CR rate and VOD risk if going to transplant")', () => {
    expect(asksTheApp('relapsed ALL, inotuzumab - CR rate and VOD risk if going to transplant')).toBe(true);
  });
  it('answers "anything besides" a digest paper, and stays quiet for wifi, printers, deliveries and a thanks after praise', () => {
    expect(asksTheApp('anything other than #3 on maintenance rituximab in older pts')).toBe(true);
    expect(asksTheApp('anything apart from the STAMPEDE arm on abiraterone timing')).toBe(true);
    expect(asksTheApp('does anyone know if the wifi in clinic 4 is back')).toBe(false);
    expect(asksTheApp('is the printer on the day unit fixed yet')).toBe(false);
    expect(asksTheApp('anyone know if the cold cap order came in')).toBe(false);
    expect(asksTheApp('<@U0BOT1234> smashing, ta', 'U0BOT1234')).toBe(false);
    expect(asksTheApp('<@U0BOT1234> super, and the OS in the over 70s?', 'U0BOT1234')).toBe(true);
  });
  it('answers a question dictated without punctuation, its question word midway, and not a report of one', () => {
    expect(asksTheApp('the ELIOT trial in older women what was the ten year local recurrence')).toBe(true);
    expect(asksTheApp('for the myeloma day unit audit how many were readmitted within thirty days')).toBe(
      true,
    );
    expect(asksTheApp('not sure what was decided about the rota')).toBe(false);
    expect(asksTheApp('no idea how many are coming to the away day')).toBe(false);
    expect(asksTheApp('really liked what was said about ctDNA at the meeting')).toBe(false);
  });
  it('answers a request for data after a case set for a day, and stays quiet when the day is all it is about', () => {
    expect(asksTheApp('Whipple on the list tmrw, pt on apixaban - any data on bridging?')).toBe(true);
    expect(asksTheApp('is the board still on tmrw?')).toBe(false);
    expect(asksTheApp('any spare slots on thursday?')).toBe(false);
  });
  it('answers a second ask joined by "and did", a gain named as a figure, and not where things are kept or that the digest is up', () => {
    expect(asksTheApp('#3, median time to response, and did the older pts respond as well')).toBe(true);
    expect(asksTheApp('#2 olaparib adjuvant, OS gain in the BRCA2 carriers specifically')).toBe(true);
    expect(asksTheApp('does anyone know where the spare pump keys are kept')).toBe(false);
    expect(asksTheApp('anyone know where the consent forms are stored now')).toBe(false);
    expect(asksTheApp('GU digest posted :tada: #1 KEYNOTE-564 DFS, #3 CheckMate 914 OS')).toBe(false);
    expect(asksTheApp('and the OS, was that a key secondary endpoint?')).toBe(true);
  });
  it('answers a figure asked in its own place, "quick one -", "wd" and a set number of lines on a paper', () => {
    expect(asksTheApp('#2 luspatercept, the 24 wk response was what vs epo')).toBe(true);
    expect(asksTheApp('median OS in the over 75s was what?')).toBe(true);
    expect(asksTheApp('that was what we needed for the slides')).toBe(false);
    expect(asksTheApp('quick one - in #3 did they allow prior ibrutinib')).toBe(true);
    expect(asksTheApp('wd a pt on dialysis have been allowed into #2')).toBe(true);
    expect(asksTheApp('2 lines on #4 for the nurses bulletin pls')).toBe(true);
  });
  it('stays quiet for where things went, a spare kit, forms, a complaint about what always happens, and a retraction to the app', () => {
    expect(asksTheApp('anyone know where the marrow biopsy request forms went, tray is empty')).toBe(false);
    expect(asksTheApp('did you see where the new lung MDT template went?')).toBe(false);
    // "went" with more after it is what happened in a paper, not where a thing is.
    expect(asksTheApp('in #1 where the op time went past 4 hrs, how many leaked?')).toBe(true);
    expect(asksTheApp('has anyone got a spare PICC dressing pack for the day unit')).toBe(false);
    expect(asksTheApp('do we still need a referral form for the genetics clinic or is an email ok')).toBe(
      false,
    );
    expect(asksTheApp('why does the pharmacy always run out of G-CSF on a friday')).toBe(false);
    expect(asksTheApp('<@U0BOT1234> never mind, it was in the supplement', 'U0BOT1234')).toBe(false);
    expect(asksTheApp('<@U0BOT1234> ignore that, and the PFS in the elderly?', 'U0BOT1234')).toBe(true);
  });
  it('answers a figure asked in place of its answer, a case held against a paper with "or", and a plain-words rewrite', () => {
    expect(asksTheApp('#1 fat necrosis, the median follow-up was how long, needs years')).toBe(true);
    expect(asksTheApp('the primary endpoint of #3 was what exactly')).toBe(true);
    expect(asksTheApp('that was how long it took us to get the scan')).toBe(false);
    expect(asksTheApp('T3 glottic w cord fixation - eligible under #2 or was fixation an exclusion')).toBe(
      true,
    );
    expect(asksTheApp('I can take #2 on thursday or do you want it')).toBe(false);
    expect(asksTheApp('#2 grade 3 mucositis rate pls, and at what week did it peak')).toBe(true);
    expect(asksTheApp('margin status at 5 yrs, do we have anything besides the #4 series')).toBe(true);
    expect(asksTheApp('can someone translate #1 into plain words for the pt info sheet')).toBe(true);
    expect(asksTheApp('#3 - flap failure at 6 months, smokers vs non-smokers pls')).toBe(true);
  });
  it('stays quiet for a list of the digest items, a borrowed charger, a door code and a score given to the app', () => {
    expect(asksTheApp('this week: #1 PACIFIC-5, #2 ctDNA MRD in colon, #3 proton vs photon oesophagus')).toBe(
      false,
    );
    expect(asksTheApp('#1 ADAURA, #2 LAURA, #3 NeoADAURA - which one has OS data?')).toBe(true);
    expect(asksTheApp('#1 vs #2 vs #3, which suits a frail 80 yo')).toBe(true);
    expect(asksTheApp('door-to-antibiotic time for neutropenic fever in #2, what was it')).toBe(true);
    expect(asksTheApp('could whoever took the bladder scanner charger return it to bay 4')).toBe(false);
    expect(asksTheApp('does anyone have the door code for the seminar room')).toBe(false);
    expect(asksTheApp('<@U0BOT1234> 9/10, saved me a lot of reading', 'U0BOT1234')).toBe(false);
    expect(asksTheApp("<@U0BOT1234> that's the one, thanks", 'U0BOT1234')).toBe(false);
  });
  it('stays quiet for what the channel asks of its people and answers when they ask about the literature', () => {
    expect(asksTheApp('anyone know if the lymphoedema clinic still takes self referrals')).toBe(false);
    expect(asksTheApp("who's got the ward 7 handover sheet, can't find it anywhere")).toBe(false);
    expect(asksTheApp('can someone swap my friday MDT slot, dentist')).toBe(false);
    expect(asksTheApp('does anybody have the number for the hospice at home team?')).toBe(false);
    expect(asksTheApp('anyone know if #2 allowed prior pembro')).toBe(true);
    expect(asksTheApp('does anyone know whether the ctDNA paper included stage II')).toBe(true);
    expect(asksTheApp('anyone know if adjuvant RT is worth it after R1 for a 2cm sarcoma?')).toBe(true);
    expect(asksTheApp('could someone summarise the gastric one for the juniors')).toBe(true);
    expect(asksTheApp('who were the ones who relapsed early, any risk factors')).toBe(true);
    expect(asksTheApp('did anyone in the trial cross over to the ADC arm?')).toBe(true);
  });
  it('stays quiet for a word or two said to the app followed by news, and answers a figure asked where its answer would stand', () => {
    expect(asksTheApp('<@U0BOT1234> legend, the HR table is on the teaching slides now', 'U0BOT1234')).toBe(
      false,
    );
    expect(asksTheApp('<@U0BOT1234> hmm, I remember the control arm differently', 'U0BOT1234')).toBe(false);
    expect(asksTheApp('<@U0BOT1234> ok, and the OS in the over 70s?', 'U0BOT1234')).toBe(true);
    expect(asksTheApp('<@U0BOT1234> toxicity in #2, grade 3 or worse only', 'U0BOT1234')).toBe(true);
    expect(asksTheApp('#3 - mucositis at 6 wks was how much worse with the boost')).toBe(true);
    expect(asksTheApp('response in the older pts ended up how much lower than in the under 65s')).toBe(true);
    expect(asksTheApp('the 2y local control came out at what in #1')).toBe(true);
  });
});
