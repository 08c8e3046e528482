/**
 * Specialty starters: what one click in the Home tab, or `/lit setup <specialty>`, sets for a
 * channel. Topics are written as `/lit topics add` reads them; every `mesh:` heading is spelled
 * as MeSH spells it (checked by `test/digest/starters.test.ts` against real MeSH headings). The
 * topics compile into the channel's PubMed, Europe PMC and preprint searches.
 */
export interface SpecialtyStarter {
  id: string;
  /** How the Home tab and replies name it. */
  name: string;
  /** Other ways people type it after `/lit setup`. */
  aliases: string[];
  topics: string[];
  includePreprints: boolean;
  /** Five-field cron in the channel's (or the workspace default) time zone: Monday 07:00. */
  cron: string;
}

const MONDAY_MORNING = '0 7 * * 1';

export const SPECIALTY_STARTERS: SpecialtyStarter[] = [
  {
    id: 'heme',
    name: 'Hematologic malignancies',
    aliases: ['heme', 'heme malignancies', 'hematology', 'hematologic malignancies', 'leukemia'],
    topics: [
      'mesh:"Leukemia, Myeloid, Acute"',
      'mesh:"Precursor Cell Lymphoblastic Leukemia-Lymphoma"',
      'mesh:"Leukemia, Myelogenous, Chronic, BCR-ABL Positive"',
      'mesh:"Leukemia, Lymphocytic, Chronic, B-Cell"',
      'mesh:Lymphoma',
      'mesh:"Multiple Myeloma"',
      'mesh:"Myelodysplastic Syndromes"',
      // Transplant as a treatment of these diseases; GVHD on its own (mouse models, transplant
      // immunology) belongs to a transplant channel, which adds it with `/lit topics add`.
      'mesh:"Hematopoietic Stem Cell Transplantation"',
    ],
    includePreprints: true,
    cron: MONDAY_MORNING,
  },
  {
    id: 'peds',
    name: 'Pediatric oncology',
    aliases: [
      'peds',
      'pediatric',
      'pediatric oncology',
      'paediatric oncology',
      'peds onc',
      'childhood cancer',
    ],
    topics: [
      'pediatric oncology',
      'childhood leukemia',
      'mesh:"Precursor Cell Lymphoblastic Leukemia-Lymphoma"',
      'mesh:"Leukemia, Myelomonocytic, Juvenile"',
      'mesh:Neuroblastoma',
      'mesh:Medulloblastoma',
      'mesh:"Wilms Tumor"',
      'mesh:Retinoblastoma',
      'mesh:Rhabdomyosarcoma',
      'mesh:Osteosarcoma',
      'mesh:"Sarcoma, Ewing"',
      'pediatric brain tumors',
    ],
    includePreprints: true,
    cron: MONDAY_MORNING,
  },
  {
    id: 'breast',
    name: 'Breast',
    aliases: ['breast', 'breast cancer', 'breast oncology'],
    topics: [
      'mesh:"Breast Neoplasms"',
      'mesh:"Carcinoma, Intraductal, Noninfiltrating"',
      'mesh:"Triple Negative Breast Neoplasms"',
    ],
    includePreprints: false,
    cron: MONDAY_MORNING,
  },
  {
    id: 'thoracic',
    name: 'Thoracic',
    aliases: ['thoracic', 'lung', 'lung cancer', 'thoracic oncology', 'chest'],
    topics: [
      'mesh:"Lung Neoplasms"',
      'mesh:"Carcinoma, Non-Small-Cell Lung"',
      'mesh:"Small Cell Lung Carcinoma"',
      'mesh:Mesothelioma',
      'mesh:Thymoma',
      'mesh:"Esophageal Neoplasms"',
    ],
    includePreprints: false,
    cron: MONDAY_MORNING,
  },
  {
    id: 'gi',
    name: 'GI',
    aliases: ['gi', 'gastrointestinal', 'gi oncology', 'gastrointestinal oncology'],
    topics: [
      'mesh:"Colorectal Neoplasms"',
      'mesh:"Stomach Neoplasms"',
      'mesh:"Pancreatic Neoplasms"',
      'mesh:"Carcinoma, Hepatocellular"',
      'mesh:"Esophageal Neoplasms"',
      'mesh:Cholangiocarcinoma',
      'mesh:"Gastrointestinal Stromal Tumors"',
    ],
    includePreprints: false,
    cron: MONDAY_MORNING,
  },
  {
    id: 'gu',
    name: 'GU',
    aliases: ['gu', 'genitourinary', 'urologic oncology', 'uro-onc', 'gu oncology'],
    topics: [
      'mesh:"Prostatic Neoplasms"',
      'mesh:"Urinary Bladder Neoplasms"',
      'mesh:"Carcinoma, Renal Cell"',
      'mesh:"Kidney Neoplasms"',
      'mesh:"Testicular Neoplasms"',
      'mesh:"Penile Neoplasms"',
    ],
    includePreprints: false,
    cron: MONDAY_MORNING,
  },
  {
    id: 'gyn',
    name: 'Gynecologic oncology',
    aliases: ['gyn', 'gyn-onc', 'gyn onc', 'gynecologic oncology', 'gynaecological oncology'],
    topics: [
      'mesh:"Ovarian Neoplasms"',
      'mesh:"Uterine Cervical Neoplasms"',
      'mesh:"Endometrial Neoplasms"',
      'mesh:"Vulvar Neoplasms"',
      'mesh:"Gestational Trophoblastic Disease"',
    ],
    includePreprints: false,
    cron: MONDAY_MORNING,
  },
  {
    id: 'neuro',
    name: 'Neuro-oncology',
    aliases: ['neuro', 'neuro-onc', 'neuro onc', 'neuro-oncology', 'brain tumors'],
    topics: [
      'mesh:"Brain Neoplasms"',
      'mesh:Glioma',
      'mesh:Glioblastoma',
      'mesh:Astrocytoma',
      'mesh:Meningioma',
      'mesh:Medulloblastoma',
      'mesh:Ependymoma',
    ],
    includePreprints: true,
    cron: MONDAY_MORNING,
  },
  {
    id: 'melanoma-sarcoma',
    name: 'Melanoma and sarcoma',
    aliases: ['melanoma', 'sarcoma', 'melanoma/sarcoma', 'melanoma and sarcoma', 'skin', 'melanoma-sarcoma'],
    topics: [
      'mesh:Melanoma',
      'mesh:"Uveal Neoplasms"',
      'mesh:Sarcoma',
      'mesh:"Soft Tissue Neoplasms"',
      'mesh:Osteosarcoma',
      'mesh:"Sarcoma, Ewing"',
      'mesh:"Gastrointestinal Stromal Tumors"',
    ],
    includePreprints: false,
    cron: MONDAY_MORNING,
  },
  {
    id: 'head-neck',
    name: 'Head and neck',
    aliases: ['head and neck', 'head & neck', 'h&n', 'hn', 'head-neck', 'ent'],
    topics: [
      'mesh:"Head and Neck Neoplasms"',
      'mesh:"Squamous Cell Carcinoma of Head and Neck"',
      'mesh:"Mouth Neoplasms"',
      'mesh:"Laryngeal Neoplasms"',
      'mesh:"Oropharyngeal Neoplasms"',
      'mesh:"Nasopharyngeal Neoplasms"',
      'mesh:"Salivary Gland Neoplasms"',
      'mesh:"Thyroid Neoplasms"',
    ],
    includePreprints: false,
    cron: MONDAY_MORNING,
  },
];

/** The starter a person meant by `/lit setup <words>`, by id, name or alias (case and spacing aside). */
export function findStarter(words: string): SpecialtyStarter | undefined {
  const wanted = normalize(words);
  return SPECIALTY_STARTERS.find(
    (starter) =>
      normalize(starter.id) === wanted ||
      normalize(starter.name) === wanted ||
      starter.aliases.some((alias) => normalize(alias) === wanted),
  );
}

function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();
}
