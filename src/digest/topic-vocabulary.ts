/**
 * How oncologists name what a channel follows, written from the clinician's side (not from any
 * corpus): words that name a cancer whatever the organ, organ words that mean the same, the
 * narrower diseases a broad topic covers, and the abbreviations boards use. Topic matching and
 * the PubMed/Europe PMC query compiler both read it.
 */

/** Nouns that say "a cancer of …": "breast cancer" = "breast carcinoma" = "Breast Neoplasms". */
export const CANCER_NOUNS = [
  'cancer',
  'cancers',
  'carcinoma',
  'carcinomas',
  'adenocarcinoma',
  'neoplasm',
  'neoplasms',
  'tumor',
  'tumors',
  'malignancy',
  'malignancies',
  'oncology',
];

/** Topic words that only say "cancer" with no site: "oncology", "solid tumors". */
export const GENERIC_ONCOLOGY_WORDS = [...CANCER_NOUNS, 'malignant', 'solid', 'oncologic', 'oncological'];

/** Words that name a cancer in a paper's text, for a channel that follows cancer in general. */
export const ONCOLOGY_STEM_PATTERN =
  /^(cancer|carcinoma|adenocarcinoma|neoplasm|tumor|malign|oncolog|leukemia|lymphoma|myeloma|\w*sarcoma|melanoma|\w*glioma|glioblastoma|\w*blastoma|astrocytoma|ependymoma|mesothelioma|thymoma|\w*carcinoma|myelodysplast|metastas|metastat|chemotherapi)$/;

/** MeSH descriptors that name a cancer (for the same purpose, on indexed papers). */
export const ONCOLOGY_MESH_PATTERN =
  /neoplasm|leukemia|lymphoma|myeloma|sarcoma|melanoma|glioma|carcinoma|blastoma/i;

/** Organ words written either way in titles and MeSH. */
export const WORD_EQUIVALENTS: string[][] = [
  ['gastric', 'stomach'],
  ['renal', 'kidney'],
  ['hepatic', 'liver'],
  ['breast', 'mammary'],
  ['myeloid', 'myelogenous'],
  ['lung', 'pulmonary'],
  ['ovarian', 'ovary'],
  ['uterine', 'uterus'],
  ['esophageal', 'esophagus'],
  ['pancreatic', 'pancreas'],
  ['colon', 'colonic'],
  ['rectal', 'rectum'],
  ['cervical', 'cervix'],
  ['endometrial', 'endometrium'],
  ['hematologic', 'hematological'],
  ['bladder', 'vesical'],
  ['testicular', 'testis'],
];

/** Words that make a topic about children ("pediatric", "childhood") rather than a disease. */
export const PEDIATRIC_TOPIC_WORDS = [
  'pediatric',
  'paediatric',
  'pediatrics',
  'childhood',
  'children',
  'child',
  'kids',
];

/** Words in a paper that say its patients are children. */
export const PEDIATRIC_TEXT_WORDS = [
  ...PEDIATRIC_TOPIC_WORDS,
  'infant',
  'infants',
  'infantile',
  'infancy',
  'adolescent',
  'adolescents',
  'neonate',
  'neonatal',
  'newborn',
  'toddler',
  'boys',
  'girls',
  'youth',
];

/** MeSH age groups of children; "Adult", "Aged" and "Middle Aged" mean adults were studied too. */
export const PEDIATRIC_MESH = [
  'Child',
  'Child, Preschool',
  'Infant',
  'Infant, Newborn',
  'Adolescent',
  'Pediatrics',
];
export const ADULT_MESH = ['Adult', 'Middle Aged', 'Aged', 'Aged, 80 and over'];

/**
 * Board abbreviations and what they stand for. In a paper they count only as written, in
 * capitals ("ALL" is a leukemia, "all" is not).
 */
export const ABBREVIATIONS: Record<string, string> = {
  AML: 'acute myeloid leukemia',
  ALL: 'acute lymphoblastic leukemia',
  CML: 'chronic myeloid leukemia',
  CLL: 'chronic lymphocytic leukemia',
  JMML: 'juvenile myelomonocytic leukemia',
  MDS: 'myelodysplastic syndrome',
  DLBCL: 'diffuse large B-cell lymphoma',
  NHL: 'non-Hodgkin lymphoma',
  HSCT: 'hematopoietic stem cell transplantation',
  HCT: 'hematopoietic cell transplantation',
  GVHD: 'graft-versus-host disease',
  NSCLC: 'non-small cell lung cancer',
  SCLC: 'small cell lung cancer',
  HCC: 'hepatocellular carcinoma',
  CRC: 'colorectal cancer',
  GIST: 'gastrointestinal stromal tumor',
  RCC: 'renal cell carcinoma',
  HNSCC: 'head and neck squamous cell carcinoma',
  TNBC: 'triple-negative breast cancer',
  DCIS: 'ductal carcinoma in situ',
  GBM: 'glioblastoma',
};

/**
 * What a broad topic covers beyond its own words: a channel following "brain tumors" wants
 * the glioma papers, one following "head and neck cancer" the laryngeal ones.
 */
export const NARROWER: Record<string, string[]> = {
  leukemia: ['AML', 'ALL', 'CML', 'CLL', 'JMML'],
  lymphoma: ['Hodgkin disease', 'DLBCL', 'NHL'],
  'Hodgkin lymphoma': ['Hodgkin disease'],
  'hematologic cancer': [
    'leukemia',
    'lymphoma',
    'myeloma',
    'myelodysplastic syndrome',
    'hematologic neoplasm',
    'AML',
    'ALL',
    'CML',
    'CLL',
    'MDS',
    'Hodgkin disease',
  ],
  'stem cell transplant': [
    'hematopoietic cell transplantation',
    'bone marrow transplantation',
    'HSCT',
    'HCT',
  ],
  'hematopoietic stem cell transplantation': [
    'hematopoietic cell transplantation',
    'bone marrow transplantation',
    'HSCT',
    'HCT',
  ],
  'colorectal cancer': ['colon cancer', 'rectal cancer', 'bowel cancer', 'CRC'],
  'liver cancer': ['hepatocellular carcinoma', 'HCC'],
  'kidney cancer': ['renal cell carcinoma', 'RCC'],
  'bladder cancer': ['urothelial carcinoma'],
  'lung cancer': ['NSCLC', 'SCLC'],
  'breast cancer': ['ductal carcinoma in situ', 'DCIS', 'TNBC'],
  'brain tumor': [
    'glioma',
    'glioblastoma',
    'astrocytoma',
    'medulloblastoma',
    'ependymoma',
    'oligodendroglioma',
    'meningioma',
    'CNS tumor',
    'central nervous system tumor',
    'GBM',
  ],
  glioma: ['glioblastoma', 'astrocytoma', 'oligodendroglioma', 'ependymoma', 'GBM'],
  'gynecologic cancer': [
    'ovarian cancer',
    'cervical cancer',
    'endometrial cancer',
    'uterine cancer',
    'vulvar cancer',
    'vaginal cancer',
    'female genital neoplasm',
    'hydatidiform mole',
    'gestational trophoblastic disease',
  ],
  'gastrointestinal cancer': [
    'colorectal cancer',
    'colon cancer',
    'rectal cancer',
    'gastric cancer',
    'esophageal cancer',
    'pancreatic cancer',
    'liver cancer',
    'hepatocellular carcinoma',
    'anal cancer',
    'biliary cancer',
    'gallbladder cancer',
    'cholangiocarcinoma',
    'gastrointestinal stromal tumor',
    'GIST',
    'HCC',
    'CRC',
  ],
  'genitourinary cancer': [
    'prostate cancer',
    'bladder cancer',
    'kidney cancer',
    'renal cell carcinoma',
    'urothelial carcinoma',
    'testicular cancer',
    'penile cancer',
    'urologic cancer',
    'RCC',
  ],
  'urologic cancer': ['prostate cancer', 'bladder cancer', 'kidney cancer', 'urothelial carcinoma'],
  'head and neck cancer': [
    'oral cancer',
    'oropharyngeal cancer',
    'nasopharyngeal cancer',
    'laryngeal cancer',
    'hypopharyngeal cancer',
    'pharyngeal cancer',
    'salivary gland cancer',
    'parotid cancer',
    'tongue cancer',
    'HNSCC',
  ],
  'thoracic cancer': [
    'lung cancer',
    'esophageal cancer',
    'mesothelioma',
    'thymoma',
    'thymic cancer',
    'NSCLC',
  ],
  'skin cancer': ['melanoma', 'basal cell carcinoma', 'merkel cell carcinoma'],
  sarcoma: [
    'osteosarcoma',
    'rhabdomyosarcoma',
    'liposarcoma',
    'leiomyosarcoma',
    'chondrosarcoma',
    'soft tissue neoplasm',
    'bone neoplasm',
    'gastrointestinal stromal tumor',
    'GIST',
  ],
  'oral cancer': ['oral squamous cell carcinoma', 'mouth cancer', 'tongue cancer'],
  'pediatric cancer': ['neuroblastoma', 'Wilms tumor', 'retinoblastoma', 'medulloblastoma', 'hepatoblastoma'],
};
