// Shared word lists: the language context every rule reads. They are data, in packages/core/data/lexicon.yaml,
// compiled by scripts/build-knowledge.mjs; extend them there, not in rule logic.
import { LEXICON } from '../knowledge/knowledge.generated.js';

/** Real, binary tests and medical or forensic results: their "pass" and "positive" are findings, not verdicts. */
export const TEST_WORDS = LEXICON.test_words;
/** Names and terms of art that contain verdict or reassurance words. Masked before rules look. */
export const TERMS_OF_ART = LEXICON.terms_of_art;
/** Family members and pronouns whose reported words are their own voice, not the writer's verdict. */
export const FAMILY_SPEAKERS = LEXICON.family_speakers;
/** Verbs that report speech, feelings or views. */
export const VOICE_VERBS = LEXICON.voice_verbs;
/** Professional and agency sources: their report is evidence of where a statement comes from. */
export const SOURCES = LEXICON.sources;
export const MONTHS = LEXICON.months;
/** Counted subjects, which make a sentence generic commentary ("many homes", "two-thirds of councils"). */
export const GENERIC_QUANTIFIERS = LEXICON.generic_quantifiers;
/** Counted times, which do not ("some days she is settled"). */
export const TIME_NOUNS = LEXICON.time_nouns;
/** Being told: what follows is someone else's ("we hear from our agency that ..."). */
export const RECEIVED_VERBS = LEXICON.received_verbs;
/** Hearsay: "it was reported that ..." is someone else's report, though the passive names no one. */
export const HEARSAY_VERBS = LEXICON.hearsay_verbs;
export const TELLING_VERBS = LEXICON.telling_verbs;
/** Describing: "was described as a devoted parent" is someone's description. */
export const DESCRIBING_VERBS = LEXICON.describing_verbs;
/** Appraising: "has been praised for its committed staff" is someone's praise, passive or not. */
export const APPRAISING_VERBS = LEXICON.appraising_verbs;
/** Reporting nouns: "the declaration ... that the mother is a good mother". */
export const REPORTING_NOUNS = LEXICON.reporting_nouns;
/** Those whose findings a verdict pattern reports ("they noted that ..."). */
export const FINDERS = LEXICON.finders;
/** Aiming: a verdict after "on achieving" is a goal. */
export const GOAL_VERBS = LEXICON.goal_verbs;
/** A verdict that is the subject of these is a goal ("A successful transition will depend on ..."). */
export const MODALS_AFTER = LEXICON.modals_after;
/** The speaker's own family, after "my" ("my foster mum"): a kind, then a member. */
export const FAMILY_KINDS = LEXICON.family_kinds;
export const FAMILY_MEMBERS = LEXICON.family_members;
/** A shortfall: "shortfalls in the effective management of ..." records a concern. */
export const SHORTFALL_NOUNS = LEXICON.shortfall_nouns;
