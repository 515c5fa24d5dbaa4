// The verdict constructions this rule knows, as data. Each pattern runs on the normalised sentence
// (lower case, straight quotes, '-' for dashes, terms of art blanked) and marks the verdict with the group `v`
// and what it judges with the group `np`. Word lists here are the ones a practitioner would extend.

const ASSESS = String.raw`(?:parenting\s+|pams\s+|residential\s+|viability\s+|special\s+guardianship\s+|sgo\s+|connected\s+persons?\s+|kinship\s+|risk\s+|capacity\s+|parent\s+)*(?:assessments?|reassessment|pams|parentassess|evaluation)`;
const TARGET = String.raw`(?:${ASSESS}(?:\s+(?:report|outcome|result|conclusion))?|placements?|outcomes?|progress|parenting(?:\s+capacity)?|capacity\s+to\s+parent|capacity|conclusion|overall\s+picture|viability)`;
const BE = String.raw`(?:was|is|were|are|has\s+been|have\s+been|had\s+been|will\s+be|proved(?:\s+to\s+be)?|remains|remained|appears(?:\s+to\s+be)?|appeared(?:\s+to\s+be)?|seems(?:\s+to\s+be)?|seemed(?:\s+to\s+be)?|looks|looked|is\s+considered|was\s+considered|is\s+judged|was\s+judged)`;
const ADV = String.raw`(?:(?:very|largely|overall|generally|broadly|mostly|really|extremely|wholly|entirely|not|also|therefore|thus|so\s+far|to\s+date|on\s+the\s+whole|clearly|highly|fairly|quite|deemed|judged|considered|found)\s+){0,3}`;
const VERDICT_ADJ = String.raw`(?:positive|negative|successful|unsuccessful|satisfactory|unsatisfactory|good|adequate|inadequate|favourable|favorable|unfavourable|excellent|a\s+success|a\s+failure|a\s+pass|a\s+fail|a\s+positive\s+one|a\s+good\s+one)`;
const JUDGE = String.raw`(?:judged|assessed|considered|deemed|found|rated|described|viewed|regarded|seen|graded|summarised|recorded|evaluated|reported)`;
const JUDGE_ACTIVE = String.raw`(?:described|describes|describe|rated|rates|judged|judges|considered|considers|deemed|viewed|views|regarded|regards|graded|summarised|summarises|assessed|recorded|records)`;
const DET = String.raw`(?:(?:the|a|an|her|his|their|its|this|that|these|our|mother's|father's|[a-z]+'s)\s+)?`;
// "passed on" hands something over, unless a date follows ("passed on 12 March").
const NOT_PASS_SENSE = String.raw`(?!\s+(?:away|on(?!\s+(?:\d|(?:mon|tues|wednes|thurs|fri|satur|sun)day|the\s+\d))|onto|to|by|out|over|through|along|around|round|down|up|back|between|into|under|urine|water|wind|stools?|blood)\b)`;

export interface VerdictPattern {
  /** What the construction is, for maintainers. */
  name: string;
  re: RegExp;
  polarity?: 'positive' | 'negative';
  /** The sentence must also mention an assessment. */
  needsAssessment?: boolean;
}

export const VERDICT_PATTERNS: VerdictPattern[] = [
  {
    name: 'active pass/fail: "Mother passed the PAMS", "did not pass her assessment"',
    re: new RegExp(String.raw`\b(?<v>(?:did\s+not\s+|didn't\s+|has\s+not\s+|have\s+not\s+|hasn't\s+|haven't\s+|failed\s+to\s+|has\s+|have\s+|had\s+)?(?:pass(?:ed|es)?|fail(?:ed|s)?))${NOT_PASS_SENSE}\s+(?<np>${DET}(?:[a-z0-9.'-]+\s+){0,3}?${ASSESS})\b`, 'gd'),
  },
  {
    name: 'passive pass/fail: "the parenting assessment was passed"',
    re: new RegExp(String.raw`\b(?<np>${ASSESS})\s+(?:(?:of|for)\s+[a-z'-]+(?:\s+[a-z'-]+)?\s+)?(?:was|were|is|has\s+been|had\s+been|have\s+been)\s+(?:\w+ly\s+)?(?<v>passed|failed)\b${NOT_PASS_SENSE}`, 'gd'),
  },
  {
    name: 'noun pass/fail: "concluded with a pass", "the PAMS was a pass"',
    re: /\b(?:with|as|was|is|achieved|received|got|given|resulted\s+in|ended\s+in|scored|recorded|awarded)\s+(?<v>a\s+(?:clear\s+|overall\s+)?(?:pass|fail))\b(?!\s*(?:mark|rate|or\b|\/|-?\s*fail|band|level|grade))/gd,
    needsAssessment: true,
  },
  {
    name: 'label: "Outcome: positive", "PAMS - passed", "Assessment outcome: passed"',
    re: new RegExp(String.raw`^\s*(?<np>(?:[a-z'()0-9.-]+\s+){0,3}?(?:outcome|result|conclusion|overall|verdict|${ASSESS}))\s*(?::|-)\s*(?<v>passed|pass|failed|fail|positive|negative|successful|unsuccessful|satisfactory|unsatisfactory|good|adequate|inadequate|favourable|successfully\s+completed)\s*[.!]?\s*$`, 'gd'),
  },
  {
    name: 'predicate: "the assessment was positive", "the outcome of the PAMS is positive overall"',
    re: new RegExp(String.raw`\b(?<np>${TARGET})(?:\s+(?:of|for|with|at|in)\s+(?:[a-z'-]+\s+){0,4}?[a-z'-]+)?\s+(?:overall\s+|so\s+far\s+|to\s+date\s+)?${BE}\s+${ADV}(?:(?:to\s+be|to\s+have\s+been|as)\s+)?${ADV}(?<v>${VERDICT_ADJ})\b(?!\s+(?:about|that|towards|regarding|enough))`, 'gd'),
  },
  {
    name: 'judged: "parenting capacity was judged to be good", "assessed as satisfactory"',
    re: new RegExp(String.raw`\b(?<np>${TARGET})\s+(?:was|were|is|are|has\s+been|had\s+been)\s+${JUDGE}\s+(?:to\s+be|to\s+have\s+been|as)\s+(?:(?:very|largely|overall|generally|broadly|wholly|a)\s+)*(?<v>positive|negative|successful|unsuccessful|satisfactory|unsatisfactory|good|adequate|inadequate|favourable|excellent|success|failure|pass|fail)\b`, 'gd'),
  },
  {
    name: 'described as: "the unit described the placement as a success"',
    re: new RegExp(String.raw`\b${JUDGE_ACTIVE}\s+${DET}(?<np>${TARGET})\s+as\s+(?:(?:a|an|very|largely|overall|wholly|broadly|generally)\s+){0,2}(?<v>positive|negative|successful|unsuccessful|satisfactory|unsatisfactory|good|adequate|inadequate|favourable|excellent|success|failure|pass|fail)\b`, 'gd'),
  },
  {
    name: 'attributive: "a positive placement", "positive progress", "a successful assessment"',
    re: new RegExp(String.raw`\b(?<v>positive|successful|unsuccessful|good|satisfactory|unsatisfactory|favourable|favorable|excellent|negative)\s+(?<np>(?:overall\s+)?(?:${ASSESS}|placements?|outcomes?|progress|conclusion|pams))\b(?!\s+(?:tool|framework|manual|model|process|programme|program|form|template|team|unit|centre|center|service))`, 'gd'),
  },
  {
    name: 'completed: "successfully completed the assessment"',
    re: new RegExp(String.raw`\b(?<v>successfully\s+(?:completed|finished|passed)|completed\s+(?:${DET}(?:[a-z'-]+\s+){0,3}?${ASSESS}\s+)successfully)(?:\s+${DET}(?<np>(?:[a-z'-]+\s+){0,3}?(?:${ASSESS}|placement|programme|program)))?`, 'gd'),
  },
  {
    name: 'went well: "the assessment went well", "has done really well in the assessment"',
    re: new RegExp(String.raw`\b(?<np>${TARGET})\s+(?:went|has\s+gone|had\s+gone|have\s+gone|goes)\s+(?<v>(?:(?:very|really|extremely|quite|so)\s+)?well)\b|\b(?<v2>(?:has|have|had)?\s*(?:done|did)\s+(?:(?:very|really|extremely|so|quite)\s+)?well)\s+(?:in|on|with|during|throughout|at)\s+${DET}(?<np2>(?:[a-z'-]+\s+){0,3}?(?:${ASSESS}|placement|programme|unit))`, 'gd'),
  },
];

/** Verdict words whose sense is negative, for polarity. */
export const NEGATIVE_VERDICT = /\b(?:fail|failed|fails|failure|negative|unsuccessful|unsatisfactory|inadequate|unfavourable|did\s+not\s+pass|didn't\s+pass|has\s+not\s+passed|hasn't\s+passed|not)\b/;
