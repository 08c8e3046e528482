/**
 * Endings the USAN Council assigns to classes of drugs ("USAN stem list", American Medical
 * Association): a word ending this way names a drug even when no dictionary and no stored paper
 * knows it ("tarlatamab", "sotorasib"). Endings shared with ordinary words (-ase, -kin, -ide) are
 * left out on purpose.
 */
const DRUG_STEMS = [
  'mab', // monoclonal antibodies
  'cept', // receptor fusion proteins
  'fusp', // bispecific fusion proteins
  'nib', // kinase inhibitors: -tinib, -rafenib, -ciclib, -zomib
  'parib', // PARP inhibitors
  'lisib', // PI3K inhibitors
  'ciclib', // CDK4/6 inhibitors
  'xaban', // factor Xa inhibitors
  'gatran', // thrombin inhibitors
  'mestane', // steroidal aromatase inactivators
  'tecan', // topoisomerase I inhibitors
  'zomib', // proteasome inhibitors
  'rasib', // KRAS inhibitors
  'sertib', // serine/threonine kinase inhibitors
  'platin', // platinum compounds
  'taxel', // taxanes
  'rubicin', // anthracyclines
  'poside', // topoisomerase II inhibitors
  'mustine', // nitrogen mustards
  'abine', // nucleoside analogues: cytarabine, gemcitabine, capecitabine
  'citabine',
  'trexate', // folate antagonists
  'trexed',
  'lutamide', // antiandrogens
  'relix', // GnRH antagonists
  'strozole', // aromatase inhibitors
  'lidomide', // thalidomide analogues
  'phosphamide', // alkylating agents
  'mycin', // antineoplastic antibiotics
  'limus', // mTOR inhibitors
  'ostat', // enzyme inhibitors: vorinostat, entinostat
  'leucel', // CAR-T cell products
  'vec', // gene therapy vectors
  'degib', // hedgehog pathway inhibitors
  'clax', // BCL-2 inhibitors
  'tide', // peptides: lutetium dotatate aside, e.g. -relin, -glutide
  'dronate', // bisphosphonates
  'xifene', // estrogen receptor modulators
  'xifen',
  'strant', // estrogen receptor antagonists
  'formin', // biguanides
  'vudine',
  'ciclovir',
];

const DRUG_ENDING = new RegExp(`(?:${DRUG_STEMS.join('|')})$`);

/** "sotorasib", "Enhertu"-style brand names aside: a generic drug name by its USAN ending. */
export function looksLikeDrugName(word: string): boolean {
  const folded = word.toLowerCase();
  return folded.length >= 6 && /^[a-z]+$/.test(folded) && DRUG_ENDING.test(folded);
}

/**
 * A gene, protein, variant or trial as typed: letters with digits ("HER2", "G12C", "CD19",
 * "KEYNOTE-189"), or a hyphenated capital code ("PD-L1", "CAR-T").
 */
export function looksLikeCode(token: string): boolean {
  if (/^\d+(?:[.,]\d+)?%?$/.test(token)) return false;
  return (/\d/.test(token) && /[A-Za-z]/.test(token)) || /^[A-Z]{2,}(?:-[A-Z0-9]+)+$/.test(token);
}
