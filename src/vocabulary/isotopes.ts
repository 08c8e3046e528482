import { buildConcept, type Concept } from './concept-build.js';
import type { TermFrequencies } from './term-frequencies.js';
import { foldWord } from './word-key.js';

/**
 * Elements whose nuclides treat or image cancer, by name and symbol: a name typed before a mass
 * number ("radium 223", "lutetium 177", "technetium 99m") is the nuclide, a drug no less than
 * "Ra-223" is. Nutrients and metals said with a dose ("iron 200", "potassium 40") are left out,
 * and so are elements whose symbol is one letter or a word ("I-131", "Y-90", "In-111"): read as
 * words, "(131)I" is only its number, so whether a paper names the nuclide cannot be told.
 */
const RADIONUCLIDE_ELEMENTS: Record<string, string> = {
  actinium: 'Ac',
  bismuth: 'Bi',
  caesium: 'Cs',
  cesium: 'Cs',
  cobalt: 'Co',
  copper: 'Cu',
  erbium: 'Er',
  gallium: 'Ga',
  germanium: 'Ge',
  holmium: 'Ho',
  iridium: 'Ir',
  lutetium: 'Lu',
  palladium: 'Pd',
  radium: 'Ra',
  rhenium: 'Re',
  rubidium: 'Rb',
  samarium: 'Sm',
  scandium: 'Sc',
  strontium: 'Sr',
  technetium: 'Tc',
  terbium: 'Tb',
  thallium: 'Tl',
  thorium: 'Th',
  xenon: 'Xe',
  zirconium: 'Zr',
};
const MASS_NUMBER = /^(\d{1,3})(m?)$/;
/** "iodine 131 mCi", "carbon 14 %": a dose or a share after the number, not a nuclide's mass. */
const UNIT_AFTER = /^(?:mg|mcg|µg|ug|g|kg|ml|l|mmol|mol|iu|units?|%|percent|mci|gbq|mbq|mg\/kg|mg\/m2)$/i;

/**
 * The nuclide a question names by its element and mass ("radium 223"), with the ways papers
 * write it ("Ra-223", "223Ra", "(223)Ra", "radium-223"); a name no stored paper uses in any of
 * them rules the papers out, as any drug's does.
 */
export function nuclideConcept(
  element: string,
  mass: string,
  after: string | undefined,
  terms: TermFrequencies,
): Concept | undefined {
  const symbol = RADIONUCLIDE_ELEMENTS[foldWord(element)];
  const number = MASS_NUMBER.exec(mass);
  if (!symbol || !number || Number(number[1]) < 10 || (after !== undefined && UNIT_AFTER.test(after)))
    return undefined;
  const nuclide = `${number[1]}${number[2]}`;
  const spellings = [
    `${element}-${nuclide}`,
    `${symbol}-${nuclide}`,
    `${nuclide}${symbol}`,
    `(${nuclide})${symbol}`,
    `${symbol}${nuclide}`,
  ];
  return buildConcept(`${element} ${mass}`, spellings, terms, 'code');
}
