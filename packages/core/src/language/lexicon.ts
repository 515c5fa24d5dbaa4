// Shared word lists: the language context every rule reads. Lists are data; extend them here, not in rule logic.

/** What the verdict words are about, when they are verdicts. */
export const ASSESSMENT_NOUNS = ['assessment', 'assessments', 'reassessment', 'pams', 'parentassess', 'evaluation', 'viability'];

/** Real, binary tests and medical or forensic results: their "pass" and "positive" are findings, not verdicts. */
export const TEST_WORDS = [
  'test', 'tests', 'tested', 'testing', 'exam', 'exams', 'examination', 'gcse', 'gcses', 'a-level', 'a-levels', 'dbs', 'driving',
  'theory', 'mot', 'screen', 'screening', 'hearing', 'swab', 'sample', 'samples', 'toxicology', 'hair strand', 'hair-strand',
  'breath', 'breathalyser', 'urine', 'blood', 'drug', 'drugs', 'alcohol', 'cannabis', 'cocaine', 'heroin', 'amphetamine',
  'methadone', 'opiates', 'covid', 'covid-19', 'lateral flow', 'pcr', 'hiv', 'hepatitis', 'pregnancy', 'pregnant', 'rhesus',
  'identification', 'id', 'scan', 'x-ray', 'biopsy', 'culture', 'antibody', 'antibodies', 'strep', 'mrsa', 'tb', 'syphilis',
  'chlamydia',
];

/** Names and terms of art that contain verdict or reassurance words. Masked before rules look. */
export const TERMS_OF_ART = [
  'triple p', 'positive parenting', 'positive parenting program', 'positive parenting programme', 'positive behaviour support',
  'positive behavior support', 'positive behavioural support', 'positive behaviour plan', 'positive reinforcement',
  'positive identification', 'positive id', 'good enough parenting', 'good enough parent', 'good enough care', 'good enough',
  'fine motor', 'fine motor skills', 'safe and well check', 'safe and well visit', 'safe & well check', 'settled status',
  'pre-settled status', 'appropriate adult', 'medically stable', 'medically fit', 'good practice', 'good faith', 'good cause',
  'in good time', 'good morning', 'good afternoon', 'fine print', 'a fine', 'positive test',
  'successful appeal', 'pass mark', 'bus pass', 'pass rate', 'ofsted rated good', 'rated good by ofsted', 'ofsted grade good',
  'ofsted: good', 'good by ofsted',
];

/** Words that, after a form of "pass", give it another sense (died, handed over, time, motion, bodily). */
export const PASS_OTHER_SENSES = [
  'away', 'on', 'onto', 'to', 'by', 'out', 'over', 'through', 'along', 'around', 'round', 'down', 'up', 'back', 'between',
  'into', 'under', 'urine', 'water', 'wind', 'stool', 'stools', 'blood', 'a law', 'the law', 'a motion', 'the motion',
  'a resolution', 'the resolution', 'the time', 'comment', 'a comment', 'judgement', 'judgment', 'sentence', 'the ball',
  'it on', 'them on', 'this on', 'that on', 'the message', 'the information', 'information', 'a message', 'messages',
];

/** Family members and pronouns whose reported words are their own voice, not the writer's verdict. */
export const FAMILY_SPEAKERS = [
  'mother', 'father', 'mum', 'dad', 'parent', 'parents', 'grandmother', 'grandfather', 'grandparents', 'nan', 'grandma',
  'grandad', 'aunt', 'uncle', 'sister', 'brother', 'partner', 'stepfather', 'stepmother', 'she', 'he', 'they', 'the child',
  'the young person', 'the children',
];

/** Verbs that report speech, feelings or views. */
export const VOICE_VERBS = [
  'said', 'says', 'say', 'told', 'tells', 'feels', 'felt', 'feel', 'thinks', 'thought', 'think', 'believes', 'believed',
  'stated', 'states', 'explained', 'explains', 'expressed', 'expresses', 'hopes', 'hoped', 'wants', 'wanted', 'shared',
  'reported', 'reports', 'described', 'describes', 'considers', 'considered', 'insisted', 'insists', 'claimed', 'claims',
  'maintains', 'maintained', 'disclosed', 'commented', 'commented that', 'was clear that', 'is clear that', 'agreed', 'asked',
];

/** Professional and agency sources: their report is evidence of where a statement comes from. */
export const SOURCES = [
  'school', 'nursery', 'college', 'teacher', 'class teacher', 'head teacher', 'headteacher', 'senco', 'gp', 'doctor',
  'health visitor', 'hv', 'midwife', 'police', 'foster carer', 'foster carers', 'carer', 'carers', 'paediatrician',
  'hospital', 'unit', 'unit staff', 'staff', 'key worker', 'keyworker', 'camhs', 'dentist', 'consultant',
  'family support worker', 'contact supervisor', 'contact worker', 'iro', 'guardian', "children's guardian", 'probation',
  'housing officer', 'psychologist', 'psychiatrist', 'therapist', 'cafcass', 'social worker', 'nurse', 'school nurse',
  'early help', 'family centre', 'health', 'records', 'the report', 'attendance records', 'the log', 'daily log',
];

export const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
];
