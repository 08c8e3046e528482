/**
 * The curated vocabulary a tumor-board case line is read with. Each term lists the ways
 * clinicians write it (abbreviation, full name, common variants); `query` is what a
 * literature or trial search should use for it.
 */

export interface VocabularyTerm {
  id: string;
  /** Short label shown in a brief ("JMML", "post-HSCT"). */
  label: string;
  /** Regular-expression sources, matched case-insensitively on word boundaries. */
  patterns: string[];
  /** Search phrase for PubMed and ClinicalTrials.gov. */
  query: string;
  /** Regular-expression sources that must match case-sensitively (gene names, short abbreviations). */
  casePatterns?: string[];
}

export const DIAGNOSES: VocabularyTerm[] = [
  term('jmml', 'JMML', ['juvenile myelomonocytic leuka?emia'], 'juvenile myelomonocytic leukemia', ['JMML']),
  term('aml', 'AML', ['acute myeloid leuka?emia', 'acute myelogenous leuka?emia'], 'acute myeloid leukemia', [
    'AML',
  ]),
  term(
    'all',
    'ALL',
    ['acute lymphoblastic leuka?emia', 'acute lymphocytic leuka?emia', 'B-ALL', 'T-ALL'],
    'acute lymphoblastic leukemia',
    ['ALL'],
  ),
  term(
    'cml',
    'CML',
    [
      'chronic myeloid leuka?emia',
      'chronic myelogenous leuka?emia',
      'Ph\\(\\+\\) leuka?emia',
      'Philadelphia[- ]positive leuka?emia',
    ],
    'chronic myeloid leukemia',
    ['CML'],
  ),
  term('cll', 'CLL', ['chronic lymphocytic leuka?emia'], 'chronic lymphocytic leukemia', ['CLL']),
  term('mds', 'MDS', ['myelodysplastic syndromes?', 'myelodysplasia'], 'myelodysplastic syndrome', ['MDS']),
  term('dlbcl', 'DLBCL', ['diffuse large B[- ]cell lymphoma'], 'diffuse large B-cell lymphoma', ['DLBCL']),
  term('hodgkin', 'Hodgkin lymphoma', ["hodgkin'?s? lymphoma", "hodgkin'?s? disease"], 'Hodgkin lymphoma'),
  term('follicular-lymphoma', 'follicular lymphoma', ['follicular lymphoma'], 'follicular lymphoma'),
  term('myeloma', 'multiple myeloma', ['multiple myeloma', 'myeloma'], 'multiple myeloma'),
  term(
    'nsclc',
    'NSCLC',
    ['non[- ]small[- ]cell lung (cancer|carcinoma)', 'lung adenocarcinoma'],
    'non-small cell lung cancer',
    ['NSCLC'],
  ),
  term('sclc', 'SCLC', ['small[- ]cell lung (cancer|carcinoma)'], 'small cell lung cancer', ['SCLC']),
  term('uveal-melanoma', 'uveal melanoma', ['uveal melanomas?', 'choroidal melanomas?'], 'uveal melanoma'),
  term('melanoma', 'melanoma', ['(cutaneous |malignant )?melanomas?'], 'melanoma'),
  term(
    'breast',
    'breast cancer',
    ['breast (cancer|carcinoma)', 'TNBC', 'triple[- ]negative breast'],
    'breast cancer',
  ),
  term('rectal', 'rectal cancer', ['rectal (cancer|carcinoma|adenocarcinoma)'], 'rectal cancer'),
  term(
    'colorectal',
    'colorectal cancer',
    ['colorectal (cancer|carcinoma)', 'colon (cancer|carcinoma)'],
    'colorectal cancer',
    ['CRC'],
  ),
  term(
    'pancreatic',
    'pancreatic cancer',
    ['pancreatic (cancer|adenocarcinoma|carcinoma)', 'PDAC'],
    'pancreatic cancer',
  ),
  term('hcc', 'hepatocellular carcinoma', ['hepatocellular (carcinoma|cancer)'], 'hepatocellular carcinoma', [
    'HCC',
  ]),
  term(
    'gastric',
    'gastric cancer',
    ['gastric (cancer|carcinoma|adenocarcinoma)', 'stomach cancer'],
    'gastric cancer',
  ),
  term('gist', 'GIST', ['gastrointestinal stromal tumou?rs?'], 'gastrointestinal stromal tumor', ['GIST']),
  term('ovarian', 'ovarian cancer', ['(epithelial )?ovarian (cancer|carcinoma)'], 'ovarian cancer'),
  term(
    'prostate',
    'prostate cancer',
    ['prostate (cancer|adenocarcinoma)', 'prostatic (cancer|adenocarcinoma)'],
    'prostate cancer',
  ),
  term(
    'rcc',
    'renal cell carcinoma',
    ['renal cell (carcinoma|cancer)', 'kidney cancer'],
    'renal cell carcinoma',
    ['RCC'],
  ),
  term(
    'urothelial',
    'urothelial carcinoma',
    ['urothelial (carcinoma|cancer)', 'bladder (cancer|carcinoma)'],
    'urothelial carcinoma',
  ),
  term(
    'thyroid',
    'thyroid cancer',
    ['(differentiated |papillary |follicular )?thyroid (cancer|carcinoma)s?'],
    'thyroid cancer',
  ),
  term('npc', 'nasopharyngeal carcinoma', ['nasopharyngeal (carcinoma|cancer)'], 'nasopharyngeal carcinoma', [
    'NPC',
  ]),
  term(
    'hnscc',
    'head and neck cancer',
    ['head and neck (squamous cell )?(cancer|carcinoma)'],
    'head and neck cancer',
    ['HNSCC'],
  ),
  term(
    'cervical',
    'cervical cancer',
    ['cervical (cancer|carcinoma)', 'cancer of the cervix'],
    'cervical cancer',
  ),
  term('endometrial', 'endometrial cancer', ['endometrial (cancer|carcinoma)'], 'endometrial cancer'),
  term(
    'esophageal',
    'esophageal cancer',
    ['o?esophageal (cancer|carcinoma|adenocarcinoma)'],
    'esophageal cancer',
  ),
  term('sts', 'soft tissue sarcoma', ['soft[- ]tissue sarcomas?'], 'soft tissue sarcoma', ['STS']),
  term('osteosarcoma', 'osteosarcoma', ['osteosarcoma'], 'osteosarcoma'),
  term('ewing', 'Ewing sarcoma', ["ewing'?s? sarcoma"], 'Ewing sarcoma'),
  term('neuroblastoma', 'neuroblastoma', ['neuroblastoma'], 'neuroblastoma'),
  term('wilms', 'Wilms tumor', ["wilms'? tumou?r", 'nephroblastoma'], 'Wilms tumor'),
  term('medulloblastoma', 'medulloblastoma', ['medulloblastoma'], 'medulloblastoma'),
  term('glioblastoma', 'glioblastoma', ['glioblastoma( multiforme)?'], 'glioblastoma', ['GBM']),
  term('glioma', 'glioma', ['(low[- ]grade |high[- ]grade |diffuse midline )?gliomas?'], 'glioma', ['DIPG']),
  term('mesothelioma', 'mesothelioma', ['(pleural )?mesothelioma'], 'mesothelioma'),
];

export const MARKERS: VocabularyTerm[] = [
  term('monosomy-7', 'monosomy 7', ['monosomy ?7', 'del\\(7q?\\)', '7q deletion'], 'monosomy 7'),
  term('flt3-itd', 'FLT3-ITD', ['FLT3 internal tandem duplication'], 'FLT3-ITD', ['FLT3[- ]ITD']),
  term('npm1', 'NPM1', [], 'NPM1', ['NPM1']),
  term('braf-v600e', 'BRAF V600E', [], 'BRAF V600E', ['BRAF[- ]?V600E', 'V600E']),
  term('braf', 'BRAF', [], 'BRAF', ['BRAF']),
  term('egfr-exon19', 'EGFR exon 19 deletion', ['exon ?19 (deletion|del)'], 'EGFR exon 19 deletion', [
    'EGFR exon ?19',
  ]),
  term('egfr-l858r', 'EGFR L858R', [], 'EGFR L858R', ['L858R']),
  term('egfr-t790m', 'EGFR T790M', [], 'EGFR T790M', ['T790M']),
  term('egfr', 'EGFR', ['epidermal growth factor receptor'], 'EGFR', ['EGFR']),
  term('kras-g12c', 'KRAS G12C', [], 'KRAS G12C', ['KRAS[- ]?G12C', 'G12C']),
  term('kras', 'KRAS', [], 'KRAS', ['K-?RAS']),
  term('nras', 'NRAS', [], 'NRAS', ['N-?RAS']),
  term('ptpn11', 'PTPN11', [], 'PTPN11', ['PTPN11']),
  term('nf1', 'NF1', ['neurofibromatosis type 1'], 'NF1', ['NF1']),
  term('cbl', 'CBL', [], 'CBL', ['CBL']),
  term('bcr-abl', 'BCR-ABL1', ['philadelphia chromosome', 'philadelphia[- ]positive'], 'BCR-ABL', [
    'BCR[- :]?ABL1?',
    'Ph\\+',
    'Ph\\(\\+\\)',
  ]),
  term('her2', 'HER2', [], 'HER2', ['HER-?2', 'ERBB2']),
  term('alk', 'ALK', [], 'ALK', ['ALK']),
  term('ros1', 'ROS1', [], 'ROS1', ['ROS1']),
  term('mycn', 'MYCN', [], 'MYCN amplification', ['MYCN']),
  term('idh', 'IDH', [], 'IDH', ['IDH[12]?']),
  term('tp53', 'TP53', [], 'TP53', ['TP53', 'p53']),
  term('mgmt', 'MGMT', [], 'MGMT', ['MGMT']),
  term('pd-l1', 'PD-L1', [], 'PD-L1', ['PD-?L1']),
  term('brca', 'BRCA', [], 'BRCA', ['BRCA[12]?']),
  term(
    'msi-h',
    'MSI-H/dMMR',
    ['microsatellite instability', 'mismatch repair deficien\\w*'],
    'microsatellite instability',
    ['MSI-?H', 'dMMR'],
  ),
  term('kit', 'KIT', ['c-?kit'], 'KIT', ['KIT']),
  term('ki-67', 'Ki-67', ['ki-?67'], 'Ki-67'),
  term('vegf', 'VEGF', [], 'VEGF', ['VEGF']),
  term('ebv', 'EBV', ['epstein[- ]barr'], 'Epstein-Barr virus', ['EBV']),
];

export const SETTINGS: VocabularyTerm[] = [
  term(
    'post-hsct',
    'post-HSCT',
    [
      '(after|post|following|status post)[- ]?(allogeneic |allo[- ])?(HSCT|SCT|BMT|transplant(ation)?|stem cell transplant(ation)?|bone marrow transplant(ation)?|hematopoietic stem cell transplant(ation)?)',
      'post[- ]?transplant(ation)?',
      '(HSCT|transplant(ation)?)[^.;]{0,40}(relapse|recurrence)',
    ],
    'hematopoietic stem cell transplantation',
  ),
  term('relapse', 'relapse', ['relapsed?', 'relapsing', 'recurren(t|ce)', 'recurred'], 'recurrence'),
  term('refractory', 'refractory', ['refractory', 'resistant to', 'progress(ed|ion) on'], 'refractory'),
  term(
    'first-line',
    'first-line',
    ['first[- ]line', 'front[- ]?line', 'newly diagnosed', 'treatment[- ]na[iï]ve', 'untreated'],
    'first-line',
  ),
  term('maintenance', 'maintenance', ['maintenance'], 'maintenance'),
  term('neoadjuvant', 'neoadjuvant', ['neo-?adjuvant', 'pre-?operative (chemo|radio)'], 'neoadjuvant'),
  term('adjuvant', 'adjuvant', ['(?<!neo-?)adjuvant', 'post-?operative (chemo|radio)'], 'adjuvant'),
  term('metastatic', 'metastatic', ['metasta(tic|ses|sis)', 'stage IV\\b', 'M1\\b'], 'metastatic'),
];

/** Words in a paper that make it about the same age group as the case. */
export const AGE_GROUP_PATTERNS = {
  pediatric: [
    'p(a)?ediatric',
    'child(ren|hood)?',
    'infants?',
    'infancy',
    'adolescents?',
    'neonat\\w*',
    'juvenile',
    'toddlers?',
  ],
  adult: ['adults?'],
  elderly: ['elderly', 'older (adults|patients|men|women)', 'aged (65|70|75|80)'],
} as const;

export type AgeGroup = keyof typeof AGE_GROUP_PATTERNS;

function term(
  id: string,
  label: string,
  patterns: string[],
  query: string,
  casePatterns?: string[],
): VocabularyTerm {
  return { id, label, patterns, query, casePatterns };
}
