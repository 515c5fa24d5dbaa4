// The verdict constructions this rule knows, as data. Each pattern runs on the normalised sentence
// (lower case, straight quotes, '-' for dashes, terms of art blanked) and marks the verdict with the group `v`
// and what it judges with the group `np`. Word lists here are the ones a practitioner would extend.

const ASSESS = String.raw`(?:parenting\s+|pams\s+|residential\s+|viability\s+|special\s+guardianship\s+|sgo\s+|connected\s+persons?\s+|kinship\s+|risk\s+|capacity\s+|parent\s+|unit\s+|community\s+|family\s+)*(?:assess(?:ment|mnt|ement|emnt)s?|reassessment|pams|parentassess|evaluation|viability|gcp2|graded\s+care\s+profile(?:\s+2)?)`;
/** What a verdict can be about: an assessment, a placement, parenting, progress, an outcome, a plan's work. */
const TARGET = String.raw`(?:${ASSESS}(?:\s+(?:report|outcome|result|conclusion))?|placements?|outcomes?|progress|parenting(?:\s+capacity|\s+skills)?|capacity\s+to\s+parent|capacity|care|conclusion|overall\s+picture|(?:trial|period)\s+of\s+(?:reunification|rehabilitation|return\s+home)|(?:reunification|rehabilitation)(?:\s+home)?(?:\s+plan)?|return\s+home|intervention|(?:family\s+support|parenting|direct|intensive|therapeutic|outreach|support)\s+work|(?:contact|care|living|staying\s+put|private\s+fostering|kinship|family\s+time|shared\s+care)\s+arrangements?|(?:referral|youth\s+rehabilitation)\s+order|(?:pathway\s+plan|care\s+plan|placement|lac|cla|cin|cp|child\s+protection)\s+review|(?:signs\s+of\s+safety\s+)?mapping|trial\s+(?:at\s+home|home|return(?:\s+home)?)|(?:direct\s+|signs\s+of\s+safety\s+|parenting\s+|intensive\s+)?work\s+with\s+(?:the\s+)?(?:family|mother|father|parents?|mum|dad)|signs\s+of\s+safety\s+work|(?:parenting\s+)?(?:course|programme|program)|(?:the\s+)?(?:child\s+protection|cp|child\s+in\s+need|cin|early\s+help|safety|support|care|family)\s+plan|plan|pre-proceedings|(?:the\s+)?plo(?:\s+process)?|(?:family\s+group\s+)?conference|fgc|(?:carers'?|parenting|foster\s+carers'?)\s+practice)`;
/** Things a predicate verdict can also judge: contact and visits ("contact has been positive"). */
const PREDICATE_TARGET = String.raw`(?:${TARGET}|contact|(?:new\s+birth\s+|home\s+|review\s+)?visit)`;
const BE = String.raw`(?:was|is|were|are|has\s+been|have\s+been|had\s+been|will\s+be|(?:has\s+|have\s+|had\s+)?prove[dn](?:\s+to\s+be)?|(?:continues|continued|has\s+continued)\s+to\s+be|remains|remained|appears(?:\s+to\s+be)?|appeared(?:\s+to\s+be)?|seems(?:\s+to\s+be)?|seemed(?:\s+to\s+be)?|looks|looked|came\s+back|come\s+back|is\s+considered|was\s+considered|is\s+judged|was\s+judged)`;
const ADV = String.raw`(?:(?:very|largely|overall|generally|broadly|mostly|really|extremely|wholly|entirely|not|also|therefore|thus|so\s+far|to\s+date|on\s+the\s+whole|clearly|highly|fairly|quite|deemed|judged|considered|found)\s+){0,3}`;
const VERDICT_WORD = String.raw`(?:positive|negative|successful|unsuccessful|satisfactory|unsatisfactory|good|adequate|inadequate|favourable|favorable|unfavourable|excellent)`;
const VERDICT_ADJ = String.raw`(?:${VERDICT_WORD}|a\s+success|a\s+failure|a\s+pass|a\s+fail|an?\s+(?:great|huge|real|resounding|complete|total|big)\s+success|an?\s+(?:(?:very|really|largely|broadly|overall)\s+)?(?:positive|good|successful|excellent)\s+(?:experience|time|period)|an?\s+(?:(?:very|really|largely|broadly|overall)\s+)?${VERDICT_WORD}\s+one)`;
const JUDGE = String.raw`(?:judged|assessed|considered|deemed|found|rated|described|viewed|regarded|seen|graded|summarised|recorded|evaluated|reported)`;
const JUDGE_ACTIVE = String.raw`(?:described|describes|describe|rated|rates|judged|judges|considered|considers|deemed|viewed|views|regarded|regards|graded|summarised|summarises|assessed|recorded|records|found|finds)`;
const DET = String.raw`(?:(?:the|a|an|her|his|their|its|this|that|these|our|mother's|father's|[a-z]+'s)\s+)?`;
/** Words that may stand between a verb and its object; never a preposition or conjunction. */
const MODIFIER = String.raw`(?:(?!(?:without|to|on|by|for|with|from|in|of|at|before|after|during|and|but|or|than|because|until|while)\b)[a-z0-9.'-]+\s+)`;
// "passed on" hands something over, unless a date follows ("passed on 12 March").
const NOT_PASS_SENSE = String.raw`(?!\s+(?:away|on(?!\s+(?:\d|(?:mon|tues|wednes|thurs|fri|satur|sun)day|the\s+\d))|onto|to|by|out|over|through|along|around|round|down|up|back|between|into|under|urine|water|wind|stools?|blood)\b)`;
/** What may end a note-style verdict: end of sentence, punctuation, or a short tail ("with flying colours"). */
const NOTE_END = String.raw`(?=\s*(?:[.!,;(]|$|\s+(?:with|overall|comfortably|easily|and|but|so|no|subject)\b)|\s+-(?=\s|$))`;
/** What may stand between a target and its verb: "of the PAMS", "since the last review", "undertaken by the ISW", ", completed in March,". */
const QUALIFIER = String.raw`(?:(?:\s+(?:of|for|with|at|in|since|against|during|over|towards|on|from)\s+(?:[a-z0-9'-]+\s+){0,4}?[a-z0-9'-]+){1,2}|\s+(?:undertaken|completed|carried\s+out|conducted|done|written|led)\s+by\s+(?:[a-z'-]+\s+){0,4}?[a-z'-]+|\s*,[^,.;]{1,120},)?`;
const LABEL = String.raw`(?:outcome|result|conclusion|overall|verdict|summary|recommendation|${TARGET})`;

/** Verdict words and what they judge, both present: the gate for the adjective constructions. */
const ADJ_GATE = /^(?=.*(?:positive|negative|success|satisf|good|adequate|favo|excellent|pass|fail))(?=.*(?:assess|pams|viability|gcp2|graded\s+care|placement|outcome|progress|parenting|capacity|\bcare\b|conclusion|result|overall|verdict|summary|recommendation|reunification|rehabilitation|return\s+home|trial|intervention|evaluation|\bwork\b|\border\b|arrangement|mapping|review|course|programme|program|plan\b|plo|conference|fgc|practice|contact|visit))/;

export interface VerdictPattern {
  /** What the construction is, for maintainers. */
  name: string;
  re: RegExp;
  /** A cheap test the sentence must pass before the pattern runs. */
  gate: RegExp;
  /** The sentence must also mention an assessment or an assessor. */
  needsAssessment?: boolean;
  /** The sentence must also name what is judged (an assessment, placement, progress...). */
  needsTarget?: boolean;
  /** What the verdict judges, when the words matched do not say (for the message). */
  target?: 'assessment' | 'placement' | 'progress' | 'parenting' | 'outcome';
  /** A verdict that specifics answer ("outcomes achieved: Mia attends nursery every day") is not flagged. */
  needsNoEvidence?: boolean;
  /** The verdict is someone else's ("the unit described it as positive"): the writer may report it to dispute it. */
  attributed?: boolean;
}

export const VERDICT_PATTERNS: VerdictPattern[] = [
  {
    name: 'active pass/fail: "Mother passed the PAMS", "did not pass her assessment"',
    gate: /\b(?:pass|fail)/,
    re: new RegExp(String.raw`\b(?<v>(?:did\s+not\s+|didn't\s+|has\s+not\s+|have\s+not\s+|hasn't\s+|haven't\s+|failed\s+to\s+|has\s+|have\s+|had\s+)?(?:pass(?:ed|es)?|fail(?:ed|s)?))${NOT_PASS_SENSE}\s+(?<np>(?:(?:(?:all|every|each|most|some|none)\s+(?:of\s+)?)?(?:the\s+)?(?:[a-z'-]+\s+)?(?:areas?|domains?|sections?|modules?|parts?|elements?|components?)\s+(?:of|in)\s+)?${DET}(?:(?:mother\s+and\s+baby|parent\s+and\s+child)\s+)?${MODIFIER}{0,3}?(?:${ASSESS}|placement))\b`, 'gd'),
  },
  {
    name: 'passive pass/fail: "the parenting assessment was passed", "was not passed by either parent"',
    gate: /\b(?:pass|fail)/,
    re: new RegExp(String.raw`\b(?<np>${ASSESS})\b(?:[^.;:]{0,60}?)\s+(?:was|were|is|has\s+been|had\s+been|have\s+been)\s+(?:not\s+)?(?:\w+ly\s+)?(?<v>passed|failed)\b(?!\s+(?:away|on(?!\s+(?:\d|the\s+\d))|onto|to|over|through|back|along|around|up|down|between|into)\b)`, 'gd'),
  },
  {
    name: 'noun pass/fail: "concluded with a pass", "the PAMS was a pass", "gave her a pass"',
    gate: /\b(?:pass|fail)/,
    re: /\b(?:with|as|was|is|achieved|received|got|given|gave|awarded|resulted\s+in|ended\s+in|scored|recorded)\s+(?:(?:ms|mr|mrs|miss|mother|father|her|him|them)\s+(?:[a-z'-]+\s+)?)?(?<v>a\s+(?:clear\s+|overall\s+)?(?:pass|fail))\b(?!\s*(?:mark|rate|or\b|\/|-?\s*fail|band|level|grade))/gd,
    needsAssessment: true,
  },
  {
    name: 'label: "Outcome: positive", "PAMS - passed", "Parenting capacity: good", "Conclusion: Ms Rahman has passed"',
    gate: ADJ_GATE,
    re: new RegExp(String.raw`^\s*(?<np>(?:[a-z'()0-9.-]+\s+){0,3}?${LABEL}(?:\s+(?:of|for)\s+(?:[a-z0-9'-]+\s+){0,4}?[a-z0-9'-]+)?)(?:\s+(?:completed|done|concluded|finished))?\s*(?::|-|,)\s*(?:(?:ms|mr|mrs|miss|mother|father|mum|dad|she|he|they)\.?\s+(?:[a-z'-]+\s+)?(?:has\s+|have\s+)?)?(?<v>passed|pass|failed|fail|positive|negative|successful|unsuccessful|satisfactory|unsatisfactory|good|adequate|inadequate|favourable|successfully\s+completed|a\s+success)${NOTE_END}`, 'gd'),
  },
  {
    name: 'note style: "Residential assessment passed.", "placement positive, no change"',
    gate: ADJ_GATE,
    // "PAMS completed - pass": after a dash or colon, the bare noun is a verdict too.
    re: new RegExp(String.raw`(?:^|[:;,-]\s*)(?<np>(?:[a-z'-]+\s+){0,2}?${TARGET})(?:\s+(?:completed|done|concluded|finished))?(?:\s*[-:]\s*(?<v2>pass|fail|passed|failed|positive|negative|successful|unsuccessful|satisfactory|unsatisfactory|favourable|unfavourable|adequate|inadequate|good|a\s+success)|\s+(?<v>passed|failed|positive|negative|successful|unsuccessful|satisfactory|unsatisfactory|favourable|unfavourable|adequate|inadequate|good|a\s+success))${NOTE_END}`, 'gd'),
  },
  {
    name: 'predicate: "the assessment was positive", "the outcome of the PAMS is positive overall"',
    gate: ADJ_GATE,
    re: new RegExp(String.raw`\b(?<np>${PREDICATE_TARGET})${QUALIFIER}\s+(?:overall\s+|so\s+far\s+|to\s+date\s+)?${BE}\s+${ADV}(?:(?:to\s+be|to\s+have\s+been|as)\s+)?${ADV}(?<v>${VERDICT_ADJ})\b(?!\s+(?:about|that|towards|regarding|enough))`, 'gd'),
  },
  {
    name: 'concluded: "the SGO assessment concluded positively", "the placement ended successfully"',
    gate: /positively|successfully|favourably|well|negatively/,
    re: new RegExp(String.raw`\b(?<np>${TARGET})${QUALIFIER}\s+(?:has\s+|had\s+|was\s+)?(?:concluded|ended|finished|completed|progressed|gone|went|worked)\s+(?<v>positively|successfully|favourably|well|very\s+well|really\s+well|negatively|unsuccessfully)\b(?!\s+(?:with|alongside|together)\b)`, 'gd'),
  },
  {
    name: 'judged: "parenting capacity was judged to be good", "assessed as satisfactory", "deemed a success"',
    gate: ADJ_GATE,
    re: new RegExp(String.raw`\b(?<np>${TARGET})${QUALIFIER}\s+(?:was|were|is|are|has\s+been|had\s+been)\s+${JUDGE}\s+(?:(?:to\s+be|to\s+have\s+been|as)\s+)?(?:(?:very|largely|overall|generally|broadly|wholly|a)\s+)*(?<v>positive|negative|successful|unsuccessful|satisfactory|unsatisfactory|good|adequate|inadequate|favourable|excellent|success|failure|pass|fail)\b`, 'gd'),
  },
  {
    name: 'described as: "the unit described the placement as a success", "found his parenting capacity to be good"',
    attributed: true,
    gate: ADJ_GATE,
    re: new RegExp(String.raw`\b${JUDGE_ACTIVE}\s+${DET}(?:[a-z'-]+\s+){0,2}?(?<np>${TARGET})(?:\s+of\s+[a-z'-]+)?\s+(?:as|to\s+be)\s+(?:(?:a|an|very|largely|overall|wholly|broadly|generally)\s+){0,2}(?<v>positive|negative|successful|unsuccessful|satisfactory|unsatisfactory|good|adequate|inadequate|favourable|excellent|success|failure|pass|fail)\b`, 'gd'),
  },
  {
    name: 'attributive: "a positive placement", "positive progress", "good parenting capacity"',
    gate: ADJ_GATE,
    re: new RegExp(String.raw`\b(?<v>positive|successful|unsuccessful|good|satisfactory|unsatisfactory|favourable|favorable|excellent|negative)\s+(?<np>(?:overall\s+)?(?:${ASSESS}|placements?|outcomes?|progress|conclusion|pams|parenting\s+(?:capacity|skills)|capacity\s+to\s+parent))\b(?!\s+(?:tool|framework|manual|model|process|programme|program|form|template|team|unit|centre|center|service|enough))`, 'gd'),
  },
  {
    name: 'a good parent: "Mother is a good parent", "he is a safe and capable father"',
    gate: /\b(?:an?)\s+(?:very\s+|really\s+)?(?:good|adequate|capable|competent|safe|excellent|poor|bad|inadequate)\b/,
    re: /\b(?:is|was|has\s+been|remains|are|were|(?:has\s+|had\s+)?(?:prove[dn]|shown)\s+(?:herself|himself|themselves)\s+(?:to\s+be\s+)?)\s*(?:a|an)\s+(?:very\s+|really\s+)?(?<v>good|adequate|capable|competent|safe|excellent|poor|bad|inadequate)(?:\s+and\s+(?:capable|competent|safe|loving|caring))?\s+(?<np>parent|mother|father|mum|dad|carer|parents|carers)\b/gd,
  },
  {
    name: 'picture: "the placement presents a positive picture"',
    gate: /picture/,
    re: /\b(?<v>an?\s+(?:very\s+|broadly\s+|largely\s+|generally\s+|overall\s+)?(?:positive|good|encouraging|negative|poor)\s+picture)\b/gd,
    needsTarget: true,
  },
  {
    name: 'has failed: "the rehabilitation has failed", "the placement has succeeded"',
    gate: /fail|succeed/,
    re: new RegExp(String.raw`\b(?<np>${TARGET})${QUALIFIER}\s+(?:has|have|had)\s+(?:(?:now|clearly|largely)\s+)?(?<v>failed|succeeded)\b(?!\s+to\b)`, 'gd'),
  },
  {
    name: 'outcomes met: "Case closed: outcomes achieved", "all outcomes met" (with none named)',
    gate: /\b(?:outcomes?|goals?|targets?|aims?|objectives?)\b/,
    // "three outcomes met (school attendance, ...)" counts and names them: only an uncounted claim is a verdict.
    // "all outcomes on the child protection plan have now been met" names the plan, not the outcomes.
    re: /(?<!\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|of\s+the|several|some|most|no)\s+)\b(?<v>(?:all\s+(?:the\s+)?)?(?:outcomes?|goals?|targets?|aims?|objectives?)(?:\s+(?:on|of|in|for|from|under)\s+(?:the\s+|this\s+|her\s+|his\s+|their\s+)?(?:[a-z'-]+\s+){0,3}?(?:plan|programme|program|assessment|pams|order|agreement))?\s+(?:(?:have|has)\s+(?:now\s+|all\s+)?been\s+|were\s+|are\s+|was\s+)?(?:now\s+|all\s+)?(?:fully\s+)?(?:achieved|met|reached))\b/gd,
    needsNoEvidence: true,
  },
  {
    name: 'a good job: "Carers doing a great job"',
    gate: /\bjob\b/,
    // "done a good job of hiding his drinking" is idiom, not a verdict.
    re: /\b(?<v>(?:doing|done|did|does|do)\s+(?:an?\s+)?(?:really\s+|very\s+)?(?:great|good|fantastic|brilliant|excellent|amazing|wonderful|fab|fabulous)\s+job)\b(?!\s+of\b)/gd,
    target: 'parenting',
  },
  {
    name: 'completed: "successfully completed the assessment"',
    gate: /successfully/,
    re: new RegExp(String.raw`\b(?<v>(?:did\s+not\s+|didn't\s+)?successfully\s+(?:completed|complete|completing|finished|finish|passed|pass)|completed\s+(?:${DET}(?:[a-z'-]+\s+){0,3}?${ASSESS}\s+)successfully)(?:\s+${DET}(?<np>(?:[a-z'-]+\s+){0,3}?(?:${ASSESS}|placement|programme|program)))?`, 'gd'),
  },
  {
    name: 'went well: "the assessment went well", "has done really well in the assessment"',
    gate: /\bwell\b/,
    re: new RegExp(String.raw`\b(?<np>${TARGET})\s+(?:went|has\s+gone|had\s+gone|have\s+gone|goes)\s+(?<v>(?:(?:very|really|extremely|quite|so)\s+)?well)\b|\b(?<v2>(?:has|have|had)?\s*(?:done|did)\s+(?:(?:very|really|extremely|so|quite)\s+)?well)\s+(?:in|on|with|during|throughout|at)\s+${DET}(?<np2>(?:[a-z'-]+\s+){0,3}?(?:${ASSESS}|placement|programme|program|course|unit|intervention|sessions))`, 'gd'),
  },
  {
    name: 'assessed positively: "Both parents were assessed positively"',
    gate: /assessed/,
    re: /\b(?<v>(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:(?:both|all|each|also|initially)\s+)?assessed\s+(?:very\s+|broadly\s+|largely\s+)?(?:positively|negatively|favourably|unfavourably))\b(?!\s+for\b)/gd,
    target: 'assessment',
  },
  {
    name: 'a positive result: "the assessment of her parenting produced a positive result"',
    gate: /\b(?:produced|gave|yielded|returned|reached|had|led\s+to|resulted\s+in)\s+an?\s+(?:\w+\s+){0,2}(?:result|outcome|conclusion)\b/,
    re: new RegExp(String.raw`\b(?<np>${TARGET})${QUALIFIER}\s+(?:has\s+|had\s+)?(?:produced|gave|yielded|returned|reached|had|led\s+to|resulted\s+in)\s+(?<v>an?\s+(?:very\s+|broadly\s+|largely\s+|overall\s+)?(?:positive|negative|good|successful|favourable|unfavourable)\s+(?:result|outcome|conclusion))\b`, 'gd'),
  },
  {
    name: 'bare passed: "..., Ms Hughes passed and is now ready to move on" (in a sentence about an assessment)',
    gate: /\bpassed\b/,
    // The parent is named (not "her mother", whose passing is a death) and nothing follows that "passed away" would.
    re: /(?:(?:^|[,;:]\s*|\band\s+|\bthat\s+)(?<np>mother|father|mum|dad|she|he|they|both\s+parents)|\b(?<np2>(?:ms|mr|mrs|miss|mx)\.?\s+[a-z'-]+))\s+(?<v>(?:has\s+|have\s+)?(?:now\s+|clearly\s+|successfully\s+)?passed)(?=\s*(?:[.;]|$)|\s+and\s+(?:is|was|has|can|will|may)\b)/gd,
    needsAssessment: true,
    target: 'assessment',
  },
  {
    name: 'inverted: "Positive, overall, was the outcome of the assessment", "Successful is the only word for this placement"',
    gate: ADJ_GATE,
    re: /^\s*(?<v>positive|successful|good|satisfactory|excellent|a\s+success)\s*,?\s*(?:(?:overall|on\s+the\s+whole|in\s+short)\s*,?\s*)?(?:was|is|has\s+been|would\s+be)\s+(?:the\s+(?:only|best|right|one)\s+word\s+for|the\s+(?:outcome|result|conclusion|verdict)\b)/gd,
    needsTarget: true,
  },
  {
    name: 'done well: "Mum has done well and the plan is to step down"',
    gate: /\bdone\s+(?:\w+\s+)?well\b/,
    re: /\b(?<np>mum|mother|dad|father|parents?|(?:ms|mr|mrs|miss)\.?\s+[a-z'-]+|she|he|they)\s+(?:has|have|had)\s+(?<v>done\s+(?:(?:really|very|so|extremely)\s+)?well)(?=\s*(?:[.;,]|$|\s+and\b|\s+overall\b))/gd,
    target: 'progress',
  },
];

/** Verdict words whose sense is negative, for polarity. */
export const NEGATIVE_VERDICT = /\b(?:fail|failed|fails|failure|negative|negatively|unsuccessful|unsuccessfully|unsatisfactory|inadequate|unfavourable|poor|bad|did\s+not\s+pass|didn't\s+pass|has\s+not\s+passed|hasn't\s+passed|not)\b/;
