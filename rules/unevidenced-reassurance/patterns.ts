// Reassurance phrases, as data. Each runs on the normalised, term-masked sentence and marks the phrase with `v`.

const COPULA = String.raw`(?:is|are|was|were|has\s+been|have\s+been|had\s+been|been|'s|seems?|seemed|appears?|appeared|remains?|remained|looks?|looked|continues?\s+to\s+be|continued\s+to\s+be|feels?\s+|now|all)`;
const DEGREE = String.raw`(?:(?:very|really|extremely|quite|so|fairly|reasonably|generally|relatively|now|still|all|absolutely|completely|totally|much|otherwise)\s+)*`;

export interface ReassurancePattern {
  name: string;
  re: RegExp;
}

export const REASSURANCE_PATTERNS: ReassurancePattern[] = [
  {
    name: 'no concerns: "There are no concerns", "No concerns were noted during the visit"',
    re: /\b(?<v>(?:no|nil)\s+(?:(?:significant|major|further|particular|safeguarding|real|obvious|current|new|immediate|welfare|other|known|specific)\s+){0,2}(?:concerns?|issues?|worries|problems)(?:\s+(?:were|was|have\s+been|has\s+been|had\s+been|are|is)\s+(?:noted|raised|observed|reported|identified|seen|highlighted|expressed|evident|apparent|found))?|nothing\s+(?:of\s+concern|to\s+report|untoward)|no\s+cause\s+for\s+concern)\b/dg,
  },
  {
    name: 'going well: "doing well", "engaging well", "coping well", "presented well"',
    re: /\b(?<v>(?:doing|going|goes|engaging|engaged|engages|engage|coping|coped|copes|cope|managing|managed|manages|progressing|progressed|progresses|getting\s+on|gets\s+on|getting\s+along|settling(?:\s+in)?|settled\s+in|presenting|presented|presents|responding|responds|interacting|interacts|bonding|bonds)\s+(?:(?:very|really|extremely|quite|so|fairly|reasonably|generally|relatively)\s+)*well)\b(?!-|\s+(?:as|enough|below|above|beyond|known))/dg,
  },
  {
    name: 'settled: "Mia is settled", "settled and happy", "safe and well"',
    re: new RegExp(String.raw`\b(?:${COPULA}\s+${DEGREE})(?<v>settled(?:\s+and\s+(?:happy|content|doing\s+well|thriving|safe))?|happy\s+and\s+(?:settled|content|safe)|safe\s+and\s+(?:well|happy|settled)|well\s+and\s+happy|thriving|content\s+and\s+settled)\b(?!\s+(?:status|by|in\s+court|out\s+of\s+court|the|a|an|her|his|down|on|that|with\s+the\s+(?:plan|decision|outcome)))`, 'dg'),
  },
  {
    name: 'fine: "home conditions were fine", "all fine"',
    re: new RegExp(String.raw`\b(?:${COPULA}|everything|all)\s+${DEGREE}(?<v>fine|ok|okay)\b(?!\s+(?:motor|print|art|line|lines|detail|details|tuning|balance|dining|to|with|for|by))`, 'dg'),
  },
  {
    name: 'home conditions: "home conditions were good / appropriate"',
    re: /\b(?:home\s+conditions|conditions\s+(?:in|at)\s+the\s+home|the\s+home|the\s+house|the\s+flat|the\s+property|the\s+bedroom|the\s+nursery\s+room)\s+(?:were|was|are|is|appeared|seemed|looked|remain|remained)\s+(?:(?:very|generally|all|quite|fairly|reasonably|broadly)\s+)*(?<v>good|appropriate|acceptable|adequate|satisfactory|fine|ok|okay|suitable)\b/dg,
  },
  {
    name: 'advice given: "safe sleep advice given" with nothing of what was said or understood',
    re: /\b(?<v>safer?\s+sleep(?:ing)?\s+advice\s+(?:was\s+|has\s+been\s+|had\s+been\s+)?(?:given|provided|shared|offered|discussed|reiterated|repeated)|(?:given|provided|offered|gave|shared)\s+safer?\s+sleep(?:ing)?\s+advice)\b/dg,
  },
];
