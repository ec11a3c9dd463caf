// The results of `analyze` and of a `Dossier`, generated from the Rust types of src/report.rs and src/analysis.rs by
// `cargo test --lib typescript` (src/typescript.rs): do not edit; change the Rust types and run
// `UPDATE_TYPESCRIPT=1 cargo test --lib typescript`. Offsets are UTF-16 code units in JavaScript.
/**
 * A language the extractors have rules and models for (more may come).
 */
export type Lang = "fr" | "en" | "other";
/**
 * Where the reference date came from.
 */
export type ReferenceDateSource = "given" | "dateline" | "metadata" | "inferred" | "none";
/**
 * The type of a named entity, as in CoNLL (more may come).
 */
export type EntityType = "PER" | "ORG" | "LOC" | "MISC";
/**
 * The role of a line of the page.
 */
export type BlockKind = "headline" | "byline" | "dateline" | "body" | "boilerplate";
/**
 * How a quote's speaker was found, strongest first.
 */
export type Resolution = "named" | "role" | "pronoun" | "continuation" | "headline" | "none";
/**
 * One mention of an entity; `text` is the input between `start` and `end`.
 */
export interface EntityMention {
    /** Where the name starts. */
    start: number;
    /** Where it ends (exclusive). */
    end: number;
    /** The name as written. */
    text: string;
    /** The entity's type. */
    type: EntityType;
    /** The fullest name the article gives the entity. */
    canonical: string;
    /** Index into `clusters`. */
    cluster: number;
    /** In page boilerplate; absent when false. */
    boilerplate?: boolean;
}
/**
 * A direct quote and its speaker; `text` is the input between `start` and `end`, without the
 * quotation marks.
 */
export interface Quote {
    /** Where the quoted words start. */
    start: number;
    /** Where they end (exclusive). */
    end: number;
    /** The quoted words. */
    text: string;
    /** Canonical name of the speaker, or null when the article names no one. */
    speaker: string | null;
    /** Index into `clusters` when the speaker is one of the entities. */
    speaker_cluster: number | null;
    /** Where the words attributing the quote start ("le président", "il"). */
    speaker_start: number | null;
    /** Where they end (exclusive). */
    speaker_end: number | null;
    /** Those words. */
    speaker_text: string | null;
    /** Where the verb or introducer that marks the attribution starts ("a déclaré", "selon"). */
    cue_start: number | null;
    /** Where it ends (exclusive). */
    cue_end: number | null;
    /** How the speaker was found. */
    resolution: Resolution;
    /** 0 to 1; at 0.8 and above the speaker was right at least 95 % of the time on real news. */
    confidence: number;
    /** In page boilerplate; absent when false. */
    boilerplate?: boolean;
}
/**
 * A date expression and its value; `text` is the input between `start` and `end`.
 */
export interface DateMention {
    /** Where the expression starts. */
    start: number;
    /** Where it ends (exclusive). */
    end: number;
    /** The expression as written. */
    text: string;
    /** ISO 8601 at the precision the text gives, or null when it cannot be resolved. */
    value: string | null;
    /** In page boilerplate; absent when false. */
    boilerplate?: boolean;
}
/**
 * One entity with all its mentions.
 */
export interface Cluster {
    /** The fullest name the article gives it. */
    canonical: string;
    /** Its type. */
    type: EntityType;
    /** Roles and titles found next to its name ("ministre de la Défense"). */
    roles: string[];
    /** Indices into `entities` (the mentions), in text order. */
    mentions: number[];
    /** Every mention is in page boilerplate. */
    boilerplate: boolean;
}
/**
 * A line or run of lines of the page with its role.
 */
export interface Block {
    /** Where the line starts. */
    start: number;
    /** Where it ends (exclusive). */
    end: number;
    /** Its role. */
    kind: BlockKind;
}
/**
 * The result of an analysis as the CLI and the JavaScript API return it: offsets in code points
 * in the CLI's JSON, in UTF-16 code units in JavaScript.
 */
export interface Analysis {
    /** The language whose rules were used. */
    lang: Lang;
    /** 0.5 to 1; 1 when the caller chose the language. */
    lang_confidence: number;
    /** The publication date used, as `YYYY-MM-DD`. */
    reference_date: string | null;
    /** Where it came from. */
    reference_date_source: ReferenceDateSource;
    /** Why this date, in words. */
    reference_date_note: string;
    /** The headline's text. */
    headline: string | null;
    /** The authors' names, from the byline. */
    authors: string[];
    /** The outlet the article comes from. */
    source: string | null;
    /** Every mention of an entity, in text order. */
    entities: EntityMention[];
    /** The direct quotes, in text order. */
    quotes: Quote[];
    /** The date expressions, in text order. */
    dates: DateMention[];
    /** One row per entity, in order of first mention. */
    clusters: Cluster[];
    /** The text's non-blank lines with their role. */
    blocks: Block[];
    /**
     * The text every offset indexes, when it is not the caller's own input: the article text
     * read from a web page.
     */
    text?: string;
}
/**
 * One article of a dossier: its id, its `analyze` result (`analyzeHtml`'s, with `text`, for a
 * saved web page), and the file it came from.
 */
export interface DossierArticle {
    /** Unique within the dossier. */
    id: string;
    /** The file's name, when it came from one. */
    file?: string;
    /** The language whose rules were used. */
    lang: Lang;
    /** 0.5 to 1; 1 when the caller chose the language. */
    lang_confidence: number;
    /** The publication date used, as `YYYY-MM-DD`. */
    reference_date: string | null;
    /** Where it came from. */
    reference_date_source: ReferenceDateSource;
    /** Why this date, in words. */
    reference_date_note: string;
    /** The headline's text. */
    headline: string | null;
    /** The authors' names, from the byline. */
    authors: string[];
    /** The outlet the article comes from. */
    source: string | null;
    /** Every mention of an entity, in text order. */
    entities: EntityMention[];
    /** The direct quotes, in text order. */
    quotes: Quote[];
    /** The date expressions, in text order. */
    dates: DateMention[];
    /** One row per entity, in order of first mention. */
    clusters: Cluster[];
    /** The text's non-blank lines with their role. */
    blocks: Block[];
    /**
     * The text every offset indexes, when it is not the caller's own input: the article text
     * read from a web page.
     */
    text?: string;
}
/**
 * A mention of a referent, in its article.
 */
export interface DossierMention {
    /** The article's id. */
    article: string;
    /** Where the name starts in that article. */
    start: number;
    /** Where it ends (exclusive). */
    end: number;
    /** The name as written. */
    text: string;
    /** In page boilerplate; absent when false. */
    boilerplate?: boolean;
}
/**
 * How often a referent is named in one article.
 */
export interface ReferentCount {
    /** The article's id. */
    article: string;
    /** Its mentions there. */
    mentions: number;
    /** Every one of them is in page boilerplate (a menu, a teaser); absent when false. */
    boilerplate?: boolean;
}
/**
 * One person, organisation or place across the articles of a dossier.
 */
export interface Referent {
    /** The fullest name any article gives it. */
    canonical: string;
    /** Its type. */
    type: EntityType;
    /** The roles the articles give it. */
    roles: string[];
    /** The other canonical names the articles use for it. */
    aliases: string[];
    /** Per article where it appears: the article id and its number of mentions there. */
    articles: ReferentCount[];
    /** Every mention, article by article, in text order. */
    mentions: DossierMention[];
    /** Every mention is in page boilerplate. */
    boilerplate: boolean;
}
/**
 * A quote in its article: `quote` indexes that article's `quotes`.
 */
export interface QuoteRef {
    /** The article's id. */
    article: string;
    /** Index into that article's `quotes`. */
    quote: number;
    /** Where the quote starts in that article. */
    start: number;
    /** Where it ends (exclusive). */
    end: number;
    /** The quoted words. */
    text: string;
    /** In page boilerplate; absent when false. */
    boilerplate?: boolean;
}
/**
 * The quotes of one speaker across the dossier.
 */
export interface Speaker {
    /** Index into `referents`, when the speaker is one of them. */
    referent: number | null;
    /** The speaker's name. */
    speaker: string;
    /** Its quotes, article by article. */
    quotes: QuoteRef[];
    /** Every one of its quotes is in page boilerplate; absent when false. */
    boilerplate?: boolean;
}
/**
 * How precise a date is.
 */
export type DatePrecision = "day" | "month" | "year";
/**
 * One resolved date of one article, with the sentence around it.
 */
export interface TimelineItem {
    /** The article's id. */
    article: string;
    /** Where the date expression starts in that article. */
    start: number;
    /** Where it ends (exclusive). */
    end: number;
    /** The date expression as written. */
    text: string;
    /** ISO 8601 at the text's precision. */
    value: string;
    /** Day, month or year. */
    precision: DatePrecision;
    /** The sentence around it. */
    sentence: string | null;
    /** Where that sentence starts. */
    sentence_start: number | null;
    /** Where it ends (exclusive). */
    sentence_end: number | null;
    /** Indices into `referents` named in the sentence. */
    referents: number[];
    /** In page boilerplate; absent when false. */
    boilerplate?: boolean;
}
/**
 * The merged view of a dossier as the CLI and the JavaScript API return it. Offsets are into
 * each item's own article: code points in the CLI's JSON, UTF-16 units in JavaScript.
 */
export interface DossierResult {
    /** Every article, in the order they were added. */
    articles: DossierArticle[];
    /** People, organisations and places across the articles, most mentioned first. */
    referents: Referent[];
    /** Quotes grouped by speaker, the most quoted first. */
    speakers: Speaker[];
    /** Every resolved date of every article, in calendar order. */
    timeline: TimelineItem[];
}
