// Reassurance phrases, as data. Each runs on the normalised, term-masked sentence and marks the phrase with `v`.

const COPULA = String.raw`(?:is|are|was|were|has\s+been|have\s+been|had\s+been|been|'s|seems?|seemed|appears?|appeared|remains?|remained|looks?|looked|continues?\s+to\s+be|continued\s+to\s+be|feels?|now|all)`;
const DEGREE = String.raw`(?:(?:very|really|extremely|quite|so|fairly|reasonably|generally|relatively|now|still|all|absolutely|completely|totally|much|otherwise|both)\s+)*`;
const WELL = String.raw`(?:(?:very|really|extremely|quite|so|fairly|reasonably|generally|relatively)\s+)*(?:well|fine|ok|okay|great|brilliantly|nicely)`;
/** "settled" that is an action on a baby ("settled in her cot", "settled Mia") is an observation, not reassurance. */
const NOT_SETTLED_ACTION = String.raw`(?!\s+(?:status|by|in\s+court|out\s+of\s+court|the|a|an|her|his|him|them|their|its|our|my|your|this|these|those|any|some|debts?|arrears|bills?|accounts?|down|on|onto|that|with\s+the\s+(?:plan|decision|outcome)|(?:in|into|on)\s+(?:her|his|the|a|their)\s+(?:own\s+)?(?:cot|moses|basket|bed|pram|buggy|car|chair|arms|crib|bassinet|lap|sling))\b)`;

export interface ReassurancePattern {
  name: string;
  /** The message (in the rule's metadata) a match reports. */
  messageId: 'noConcerns' | 'wellPhrase' | 'settled' | 'fine' | 'advice';
  /** A cheap test the sentence must pass before the pattern runs. */
  gate: RegExp;
  re: RegExp;
}

export const REASSURANCE_PATTERNS: ReassurancePattern[] = [
  {
    name: 'no concerns: "There are no concerns", "No concerns were noted during the visit"',
    messageId: 'noConcerns',
    gate: /\b(?:no|nil|nothing)\b/,
    re: /\b(?<v>(?:no|nil)\s+(?:(?:significant|major|further|particular|safeguarding|real|obvious|current|new|immediate|welfare|other|known|specific|previous)\s+){0,2}(?:concerns?|issues?|worries|problems)(?:\s+(?:were|was|have\s+been|has\s+been|had\s+been|are|is)\s+(?:noted|raised|observed|reported|identified|seen|highlighted|expressed|evident|apparent|found))?|nothing\s+(?:of\s+concern|to\s+report|untoward)|no\s+cause\s+for\s+concern)\b/dg,
  },
  {
    name: 'going well: "doing well", "went well", "engaging well", "coping well", "presented well", "feeding fine"',
    messageId: 'wellPhrase',
    gate: /\b(?:well|fine|ok|okay|great|brilliantly|nicely)\b/,
    re: new RegExp(String.raw`\b(?<v>(?:settled|settling|doing|going|went|gone|goes|engaging|engaged|engages|engage|coping|coped|copes|cope|managing|managed|manages|progressing|progressed|progresses|getting\s+on|gets\s+on|got\s+on|getting\s+along|settling(?:\s+in)?|settled\s+in|presenting|presented|presents|responding|responds|interacting|interacts|bonding|bonds|feeding|sleeping|eating)\s+${WELL})\b(?!-|\s+(?:as|enough|below|above|beyond|known))`, 'dg'),
  },
  {
    name: 'compounds: "happy and settled", "safe and well", "well and settled" (with or without a verb)',
    messageId: 'settled',
    gate: /\band\b/,
    re: /\b(?<v>(?:settled|happy|content|safe|well|stable)\s+and\s+(?:happy|content|settled|safe|well|stable|fine|doing\s+well|thriving))\b(?!\s+(?:check|visit|checks|visits|status|good|meeting))/dg,
  },
  {
    name: 'settled: "Mia is settled", "he seems settled in placement", "thriving", "content", "happy in placement", "Mum is managing"',
    messageId: 'settled',
    gate: /settled|thriving|content|happy|managing|coping/,
    re: new RegExp(
      String.raw`\b(?:(?:${COPULA}|has|have|had)\s+(?:to\s+be\s+)?${DEGREE})(?<v>settled${NOT_SETTLED_ACTION}|thriving|content(?!\s+(?:with|to|that|of)\b)|happy(?=\s+(?:in|at)\s+(?:the\s+|her\s+|his\s+|their\s+)?(?:placement|home|school|nursery|college|foster)|\s+(?:during|throughout|at|in)\s+(?:the\s+|this\s+|today's\s+)?(?:visit|contact|session)\s*(?:[.;]|$)|\s+with\s+(?:her|his|their)\s+(?:carers?|foster)|\s*[.;]|\s*$)|(?:managing|coping)(?=\s*(?:[.;,]|$|\s+(?:at|in|now|so\s+far|ok|okay)\b)))\b`,
      'dg',
    ),
  },
  {
    name: 'fine: "home conditions were fine", "all fine"',
    messageId: 'fine',
    gate: /\b(?:fine|ok|okay)\b/,
    re: new RegExp(String.raw`\b(?:${COPULA}|everything|all)\s+${DEGREE}(?<v>fine|ok|okay)\b(?!\s+(?:motor|print|art|line|lines|detail|details|tuning|balance|dining|to|with|for|by))`, 'dg'),
  },
  {
    name: 'home conditions: "home conditions were good / appropriate"',
    messageId: 'fine',
    gate: /home|house|flat|property|bedroom|nursery|conditions/,
    re: /\b(?:home\s+conditions|conditions\s+(?:in|at)\s+the\s+home|the\s+home|the\s+house|the\s+flat|the\s+property|the\s+bedroom|the\s+nursery\s+room)\s+(?:were|was|are|is|appeared|seemed|looked|remain|remained)\s+(?:(?:very|generally|all|quite|fairly|reasonably|broadly)\s+)*(?<v>good|appropriate|acceptable|adequate|satisfactory|fine|ok|okay|suitable)\b/dg,
  },
  {
    name: 'label: "Conditions in the home: fine", "Presentation - good", "Contact: went well"',
    messageId: 'fine',
    gate: /[:-]/,
    // One label, or a list of them: "Sleep - good; feeding - good; mood - settled."
    re: /(?:^|;\s*)(?:[a-z'-]+\s+){0,4}?(?:home|conditions|presentation|contact|health|feeding|sleep|sleeping|school|nursery|mood|behaviour|child|children|baby|mother|father|visit|routines?|hygiene|appearance|interaction|attachment|development)\s*(?::|-)\s*(?<v>fine|good|ok|okay|satisfactory|appropriate|settled|well|went\s+well|going\s+well|happy|no\s+concerns?|no\s+issues?)(?=\s*(?:;|[.!]?\s*$))/dg,
  },
  {
    name: 'presentation: "presentation was good", "attendance has been good", "all well at home"',
    messageId: 'wellPhrase',
    gate: /presentation|mood|behaviour|interaction|attachment|hygiene|appearance|routine|engagement|attendance|feeding|sleep|weight|relationship|bond|health|development|\ball\b/,
    re: /\b(?:(?:her|his|their|the\s+child's|the\s+baby's|[a-z]+'s)\s+)?(?:presentation|mood|behaviour|interaction|interactions|attachment|hygiene|appearance|routines?|engagement|attendance|feeding|sleep|sleeping|weight\s+gain|relationship|bond|health|development)\s+(?:was|is|were|are|has\s+been|have\s+been|remains|remained|appeared|appears|seemed|seems|looked|looks)\s+(?:(?:very|generally|fairly|really|quite|all)\s+)*(?<v>good|fine|ok|okay|appropriate|positive|satisfactory|excellent|lovely|great|settled)\b|\b(?<v2>all\s+(?:is\s+|was\s+|seems\s+|seemed\s+|appears\s+|appeared\s+)?well)\b(?!\s+(?:and\s+good|as)\b)/dg,
  },
  {
    name: 'a good night: "Tyler had a settled night", "YP had a good day"',
    messageId: 'settled',
    gate: /\bha(?:d|s|ve)\b/,
    re: /\b(?:had|has\s+had|have\s+had)\s+(?<v>an?\s+(?:(?:really|very)\s+)?(?:good|great|lovely|positive|settled|calm|quiet|fine|nice|happy|ok|okay)\s+(?:day|night|evening|morning|weekend|week|visit|contact|time|session))\b/dg,
  },
  {
    name: 'meeting needs: "Placement stable and meeting needs", "the placement is meeting her needs"',
    messageId: 'wellPhrase',
    gate: /meeting/,
    re: /\b(?:stable\s+and\s+(?<v>meeting\s+(?:all\s+(?:of\s+)?)?(?:(?:her|his|their|the\s+child's|the\s+children's|[a-z]+'s)\s+)?needs)|(?:is|are|was|were|remains?|been)\s+(?<v2>meeting\s+(?:all\s+(?:of\s+)?)?(?:her|his|their|the\s+child's|the\s+children's|[a-z]+'s)\s+needs))\b/dg,
  },
  {
    name: 'note style: "Baby fine, Mum fine.", "Home conditions fine."',
    messageId: 'fine',
    gate: /\b(?:fine|ok|okay|settled|well|good)\b/,
    re: /(?:^|[,;:]\s*)(?:(?:the|her|his)\s+)?(?:baby|babies|mum|dad|mother|father|parents?|child|children|kids|twins|yp|young\s+person|home(?:\s+conditions)?|conditions|house|flat|presentation|health|feeding|sleep|contact|visit|everything|family|carers?)\s+(?:(?:all|both|very)\s+)?(?<v>fine|ok|okay|settled|well|good)(?=(?:\s+(?:on\s+arrival|today|again|throughout|during\s+the\s+visit|at\s+the\s+visit))?\s*(?:[.,;!]|$))/dg,
  },
  {
    name: 'a happy child: "Amira is a happy little girl"',
    messageId: 'settled',
    gate: /happy|content|settled/,
    re: /\b(?:is|was|seems|seemed|appears|appeared|remains|has\s+been)\s+(?:an?\s+)(?:(?:very|really|generally)\s+)?(?<v>(?:happy|content|contented|settled)\s+(?:(?:little|young)\s+)?(?:girl|boy|baby|child|toddler|young\s+person|lad|teenager))\b/dg,
  },
  {
    name: 'settled back: "YP settled back into the unit", "..., settled."',
    messageId: 'settled',
    gate: /settled/,
    re: /\b(?:yp|young\s+person|child|children|baby|he|she|they)\s+(?<v>settled\s+(?:back\s+)?(?:in|into|well)(?!\s+(?:her|his|their|the)\s+(?:own\s+)?(?:cot|moses|basket|bed|pram|crib)))\b|,\s*(?<v2>settled|calm|content)(?=\s*[.!]?\s*$)/dg,
  },
  {
    name: 'advice given: "safe sleep advice given" with nothing of what was said or understood',
    messageId: 'advice',
    gate: /sleep/,
    re: /\b(?<v>safer?\s+sleep(?:ing)?\s+(?:advice\s+)?(?:was\s+|has\s+been\s+|had\s+been\s+)?(?:given|provided|shared|offered|discussed|reiterated|repeated|covered|talked\s+about)|(?:given|provided|offered|gave|shared|discussed|covered|repeated|reiterated|went\s+through)\s+safer?\s+sleep(?:ing)?(?:\s+advice)?)\b/dg,
  },
];
