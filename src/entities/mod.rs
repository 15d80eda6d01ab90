//! Stage 5, entities: [`Sentences`] → [`Entities`]: people, organisations,
//! places, groups, dates and numbers, merged under their fullest name and
//! ranked by salience.

mod doc;
mod features;
mod gazetteer;
mod model;
mod numbers;
mod tokens;
#[cfg(feature = "train")]
pub mod train;

use crate::words::{FastMap as HashMap, FastSet};

use crate::sentences::{Origin, Sentences};
use doc::DocTokens;
use features::{capitalised, class, split_tag, N_TAGS};
use numbers::Kind as RuleKind;

/// One entity of the article.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Entity {
    /// The fullest name the article uses.
    pub name: String,
    /// `person`, `organization`, `place`, `group`, `other`, `date`, `money`,
    /// `percent` or `quantity`.
    pub kind: &'static str,
    /// Mentions by name, and sentences opening with "He" or "She" right
    /// after one about the person (SPEC: the seed's envoy counts four).
    pub count: usize,
    pub salience: f32,
    /// Other names of the same entity ("Peskov" for "Dmitry Peskov").
    pub aliases: Vec<String>,
    /// Input byte spans of every mention, in input order.
    pub mentions: Vec<(usize, usize)>,
}

/// The entities of an article, highest salience first.
#[derive(Clone, Debug, Default)]
pub(crate) struct Entities {
    pub items: Vec<Entity>,
    /// Notes for the report ("entity recognition is English-first").
    pub warnings: Vec<String>,
}

/// Entity spans `(first token, end token, type index)` of a tagged
/// sentence; tolerant of ill-formed tag sequences.
pub(crate) fn spans_from_tags(tags: &[usize]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, &t) in tags.iter().enumerate() {
        let part = if t < N_TAGS { split_tag(t) } else { None };
        match part {
            None => {
                if let Some((s, ty)) = open.take() {
                    out.push((s, i, ty));
                }
            }
            Some((ty, p)) => {
                let continues = matches!(open, Some((_, oty)) if oty == ty) && (p == 1 || p == 2);
                if !continues {
                    if let Some((s, oty)) = open.take() {
                        out.push((s, i, oty));
                    }
                    open = Some((i, ty));
                }
                if p == 2 || p == 3 {
                    if let Some((s, ty)) = open.take() {
                        out.push((s, i + 1, ty));
                    }
                }
            }
        }
    }
    if let Some((s, ty)) = open {
        out.push((s, tags.len(), ty));
    }
    out
}

/// Name types of the tagger, as report types (`MISC` is split later into
/// `group` and `other`).
const PER: usize = 0;
const LOC: usize = 1;
const ORG: usize = 2;
const MISC: usize = 3;

/// What a mention is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Kind {
    /// A name of tagger type `PER`, `LOC`, `ORG` or `MISC`.
    Name(usize),
    Rule(RuleKind),
}

/// One mention: tokens `start..end` (document token indices) of sentence
/// `sent`.
#[derive(Clone, Copy, Debug)]
struct Found {
    sent: usize,
    start: usize,
    end: usize,
    kind: Kind,
}

/// Words that report speech: a name next to one is the subject of a
/// statement.
const SPEECH: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "noted",
    "notes",
    "stated",
    "states",
    "stressed",
    "emphasised",
    "emphasized",
    "announced",
    "announces",
    "clarified",
    "warned",
    "warns",
    "explained",
    "argued",
    "insisted",
    "claimed",
    "wrote",
    "according",
    "declared",
    "confirmed",
    "denied",
    "asked",
    "replied",
];

/// Finds the entities of the article.
pub(crate) fn find(sentences: &Sentences) -> Entities {
    let doc = doc::prepare(sentences);
    let mut words: Vec<&str> = Vec::with_capacity(doc.spans.len());
    for s in &doc.sents {
        words.extend((s.start..s.end).map(|i| doc.word(sentences, i, s.origin)));
    }
    let english = sentences.lang().code == "en";
    let mut found = tag_names(&doc);
    furniture(&doc, &words, &mut found);
    repair(&doc, &words, &mut found);
    datelines(&doc, &words, &mut found);
    vote_types(&doc, &words, &mut found);
    appositives(&doc, &words, &mut found);
    propagate(&doc, &words, &mut found);
    let mut warnings = Vec::new();
    if !english && !doc.sents.is_empty() {
        found.retain(|f| confident_person(&doc, f));
        confident_names(&doc, &words, &mut found);
        warnings.push(format!(
            "Entity recognition is English-first: for this text (language \"{}\") only names it is confident of are listed.",
            sentences.lang().code
        ));
    }
    find_rules(&doc, &words, &mut found);
    let items = merge(&doc, sentences, &words, found);
    Entities { items, warnings }
}

/// Runs the name tagger over every sentence.
fn tag_names(doc: &DocTokens) -> Vec<Found> {
    let mut found = Vec::new();
    let Some(m) = model::shipped() else {
        return found;
    };
    let mut scratch = model::Scratch::default();
    let mut tags = Vec::new();
    let mut history = features::History::for_tokens(doc.feats.len());
    for (k, s) in doc.sents.iter().enumerate() {
        tags.clear();
        model::tag_sentence(
            m,
            &doc.feats[s.start..s.end],
            &mut history,
            &mut scratch,
            &mut tags,
        );
        for (a, b, ty) in spans_from_tags(&tags) {
            found.push(Found {
                sent: k,
                start: s.start + a,
                end: s.start + b,
                kind: Kind::Name(ty),
            });
        }
    }
    found
}

/// Lower-case words that may sit inside a name ("Bank of England").
const CONNECTORS: &[&str] = &[
    "of", "de", "da", "del", "della", "di", "du", "la", "le", "van", "von", "der", "den", "al", "el", "bin",
    "ibn", "and", "&", "for", "the", "y", "on", "upon", "'s", "’s", "-",
];

/// Lower-case words that may sit inside a name the tagger found, between
/// capitalised words ("Organisation for Security and Cooperation in Europe").
const INNER_CONNECTORS: &[&str] = &["in", "at"];

/// Last words of place names.
const GEO_TAILS: &[&str] = &[
    "Island",
    "Islands",
    "Isle",
    "River",
    "Bay",
    "Lake",
    "Mountains",
    "Valley",
    "Peninsula",
    "Strait",
    "Straits",
    "Gulf",
    "Ocean",
    "Sea",
    "Desert",
    "Canyon",
    "Glacier",
    "Archipelago",
    "Coast",
    "Harbour",
    "Harbor",
    "Fjord",
    "Reef",
];

/// First words of two-word place names.
const GEO_HEADS: &[&str] = &["Lake", "Mount", "Cape", "Isle", "Loch"];

/// Surname endings common in news from Russia, the Caucasus, Central Asia
/// and Eastern Europe.
const SURNAME_ENDINGS: &[&str] = &[
    "ov", "ova", "ev", "eva", "enko", "yan", "dze", "shvili", "oglu", "sky", "skiy", "ski", "vich", "wicz",
    "yev", "yeva", "uk", "chuk",
];

fn has_surname_ending(word: &str) -> bool {
    let l = word.to_lowercase();
    l.chars().count() >= 5 && SURNAME_ENDINGS.iter().any(|e| l.ends_with(e))
}

/// Fixes the spans the tagger gets wrong in news style: a name never runs
/// over lower-case words; titles stay outside people's names ("Presidential
/// Envoy", "spokesperson"); a person named right after a long title is cut
/// out of it ("… Cooperation Mikhail Shvydkoy"); a `MISC` name ending in an
/// organisation word is an organisation ("Russian National Guard").
fn repair(doc: &DocTokens, words: &[&str], found: &mut Vec<Found>) {
    const NOT_PERSON: u8 = gazetteer::ORG_WORD | gazetteer::PLACE | gazetteer::GROUP | gazetteer::TITLE_WORD;
    const NOT_AUTHOR: u8 = gazetteer::ORG_WORD | gazetteer::GROUP | gazetteer::TITLE_WORD;
    // Lower-case (or punctuation) by class, so no case folding is needed.
    let connector = |i: usize| {
        matches!(doc.feats[i].class, class::LOWER | class::PUNCT) && CONNECTORS.contains(&words[i])
    };
    // Single words the tagger calls a person somewhere in the document.
    let mut person_words: FastSet<String> = FastSet::default();
    for f in found.iter() {
        if f.kind == Kind::Name(PER) {
            person_words.insert(words[f.end - 1].to_lowercase());
        }
    }
    let mut out = Vec::with_capacity(found.len());
    for mut f in found.drain(..) {
        let Kind::Name(ty) = f.kind else {
            out.push(f);
            continue;
        };
        // A name never runs across a parenthesis ("Slideshow (2 images)").
        while f.start < f.end && is_bracket(words[f.start]) {
            f.start += 1;
        }
        if let Some(cut) = (f.start..f.end).find(|&i| is_bracket(words[i])) {
            f.end = cut;
        }
        // Cut at the first lower-case word that is not a connector (nor
        // "in" or "at" before a capitalised word of the name); but events
        // and works may have some ("Italian general election").
        if let Some(cut) = (f.start + 1..f.end).find(|&i| {
            doc.feats[i].class == class::LOWER
                && !connector(i)
                && !(INNER_CONNECTORS.contains(&words[i])
                    && i + 1 < f.end
                    && capitalised(doc.feats[i + 1].class))
        }) {
            if ty != MISC || !capitalised(doc.feats[f.start].class) {
                f.end = cut;
            }
        }
        // Nor ends in a month or a weekday ("Austria September"); a
        // person's name in a month only before a day number ("Theresa May"
        // stays). What is left, if a known place, is that place ("Madrid
        // Thursday").
        let mut trimmed = false;
        while f.end > f.start + 1
            && numbers::is_month_or_weekday(words[f.end - 1])
            && (ty != PER
                || numbers::is_weekday(words[f.end - 1])
                || words
                    .get(f.end)
                    .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit())))
        {
            f.end -= 1;
            trimmed = true;
        }
        if trimmed && is_known_place(&key(words, &f)) {
            f.kind = Kind::Name(LOC);
            out.push(f);
            continue;
        }
        while f.end > f.start && connector(f.end - 1) {
            f.end -= 1;
        }
        while f.start < f.end && connector(f.start) {
            f.start += 1;
        }
        if f.start >= f.end {
            continue;
        }
        let title_at = (f.start..f.end)
            .rev()
            .find(|&i| doc.feats[i].gaz & gazetteer::TITLE_WORD != 0);
        // A byline (the source set apart) names its authors: two or three
        // capitalised words there, none a group, title or organisation
        // word, are a person, whatever the tagger makes of a line without
        // context (many surnames are places too: "Anand", "Lincoln").
        let len = f.end - f.start;
        if ty != PER
            && doc.sents.get(f.sent).is_some_and(|s| s.origin == Origin::Byline)
            && (2..=3).contains(&len)
            && (f.start..f.end)
                .all(|i| doc.feats[i].class == class::TITLE && doc.feats[i].gaz & NOT_AUTHOR == 0)
        {
            f.kind = Kind::Name(PER);
            out.push(f);
            continue;
        }
        // A name headed by a landform is a place: "Gull Island", "Lake
        // Orla", "Mount Kenya", "Red River".
        if len >= 2 && ty != LOC && (f.start..f.end).all(|i| doc.feats[i].gaz & NOT_AUTHOR == 0) {
            let last = words[f.end - 1];
            let first = words[f.start];
            if GEO_TAILS.contains(&last) || GEO_HEADS.contains(&first) && len == 2 {
                f.kind = Kind::Name(LOC);
                out.push(f);
                continue;
            }
        }
        // In a Title-Case headline every word is capitalised, so the tagger
        // has little to go on: a known place there, with no organisation
        // word, is the place ("Lisbon Signals Thaw …").
        if ty == ORG
            && doc.feats[f.start].flags & features::TITLE_CASE != 0
            && (f.start..f.end).all(|i| doc.feats[i].gaz & gazetteer::ORG_WORD == 0)
            && is_known_place(&key(words, &f))
        {
            f.kind = Kind::Name(LOC);
            out.push(f);
            continue;
        }
        if ty == PER {
            // "Russian Presidential Envoy", "President Ramon Manzanares".
            if let Some(t) = title_at.filter(|&t| t + 1 < f.end) {
                f.start = t + 1;
            }
            // A name starts at its given name: a capitalised common word
            // opening the sentence stays out ("Singer Rosa Delgado").
            let first = doc.feats[f.start];
            if f.end - f.start >= 3
                && first.flags & features::FIRST != 0
                && first.gaz & gazetteer::FIRST_NAME == 0
                && first.doc & features::doc::SEEN_CAP_MID == 0
                && doc.feats[f.start + 1].gaz & gazetteer::FIRST_NAME != 0
                && doc.feats[f.start + 1].class == class::TITLE
            {
                f.start += 1;
            }
            if f.start < f.end {
                out.push(f);
            }
            continue;
        }
        // A role, not an organisation: "Portuguese Special Envoy".
        let role = doc.feats[f.end - 1].gaz & gazetteer::TITLE_WORD != 0
            && (f.start..f.end).all(|i| doc.feats[i].gaz & gazetteer::ORG_WORD == 0);
        if role && title_at == Some(f.end - 1) {
            continue;
        }
        if ty == MISC
            && len >= 2
            && doc.feats[f.end - 1].gaz & gazetteer::ORG_WORD != 0
            && !words[f.end - 1].eq_ignore_ascii_case("league")
        {
            f.kind = Kind::Name(ORG);
        }
        // A person at the end of a long title.
        let mut person = None;
        // A title never stays inside an organisation or a place: "European
        // Commission President Ursula von der Leyen" is an organisation, a
        // title and a person.
        if let Some(t) = title_at.filter(|&t| t + 1 < f.end && f.end - t - 1 <= 5) {
            let tail = t + 1..f.end;
            let name_word =
                |i: usize| doc.feats[i].class == class::TITLE && doc.feats[i].gaz & NOT_PERSON == 0;
            let words_in = tail.clone().filter(|&i| !connector(i)).count();
            let named = words_in >= 2
                || person_words.contains(&words[f.end - 1].to_lowercase())
                || doc.feats[t + 1].gaz & gazetteer::FIRST_NAME != 0;
            if named
                && name_word(t + 1)
                && name_word(f.end - 1)
                && tail.clone().all(|i| name_word(i) || connector(i))
            {
                person = Some(t + 1);
            }
        }
        if person.is_none() && len >= 3 {
            let last = f.end - 1;
            let known = person_words.contains(&words[last].to_lowercase());
            if (known || has_surname_ending(words[last]))
                && doc.feats[last].class == class::TITLE
                && doc.feats[last].gaz & NOT_PERSON == 0
            {
                let given = last - 1;
                let given_ok = given > f.start
                    && doc.feats[given].class == class::TITLE
                    && doc.feats[given].gaz & NOT_PERSON == 0;
                person = Some(if given_ok { given } else { last });
            }
        }
        if person.is_none() && len >= 3 {
            // A known given name and one or two more capitalised words end
            // the name, after two words or more: "… for Maritime Affairs
            // Teresa Albuquerque" (but "San Francisco Giants" stays whole).
            let tail_from = (f.end.saturating_sub(3).max(f.start + 2)..f.end - 1).find(|&g| {
                doc.feats[g].gaz & gazetteer::FIRST_NAME != 0 && doc.feats[g].class == class::TITLE
            });
            // Surnames may be places too ("Albuquerque", "Lincoln").
            let not_surname = gazetteer::ORG_WORD | gazetteer::GROUP | gazetteer::TITLE_WORD;
            if let Some(g) = tail_from {
                if (g..f.end)
                    .all(|i| doc.feats[i].class == class::TITLE && doc.feats[i].gaz & not_surname == 0)
                {
                    person = Some(g);
                }
            }
        }
        if let Some(p) = person {
            let rest = Found { end: p, ..f };
            let mut rest_end = rest.end;
            while rest_end > rest.start
                && (connector(rest_end - 1) || doc.feats[rest_end - 1].gaz & gazetteer::TITLE_WORD != 0)
            {
                rest_end -= 1;
            }
            // What comes before the title: a name of two words or more, a
            // known place ("California Governor …") or an acronym.
            let one = rest_end == rest.start + 1;
            let kind = if one
                && is_known_place(&key(
                    words,
                    &Found {
                        end: rest_end,
                        ..rest
                    },
                )) {
                Some(Kind::Name(LOC))
            } else if rest_end >= rest.start + 2 || one && doc.feats[rest.start].class == class::UPPER {
                Some(rest.kind)
            } else {
                None
            };
            if let Some(kind) = kind {
                out.push(Found {
                    end: rest_end,
                    kind,
                    ..rest
                });
            }
            out.push(Found {
                start: p,
                kind: Kind::Name(PER),
                ..f
            });
            continue;
        }
        out.push(f);
    }
    *found = out;
}

/// Whether a token is a dash.
fn is_dash(word: &str) -> bool {
    matches!(word, "-" | "--" | "\u{2013}" | "\u{2014}")
}

/// Page furniture and caption labels name nothing: the names the tagger
/// finds there are dropped.
///
/// - A caption label, one to three ALL-CAPS words and a colon opening a
///   sentence that goes on in mixed case ("FILE PHOTO: A worker …"),
///   unless it is a known place (a dateline).
/// - A line that only counts what it holds: a few words and a
///   parenthesised number and plural ("Slideshow (2 images)").
fn furniture(doc: &DocTokens, words: &[&str], found: &mut Vec<Found>) {
    let mut dropped = vec![false; words.len()];
    for s in &doc.sents {
        let n = s.end - s.start;
        let at = |k: usize| words[s.start + k];
        // A caption label.
        if let Some(colon) = (1..n.min(4)).find(|&k| at(k) == ":") {
            let label = s.start..s.start + colon;
            let caps = label.clone().all(|i| doc.feats[i].class == class::UPPER);
            let goes_on = (s.start + colon + 1..s.end).any(|i| doc.feats[i].class == class::LOWER);
            let parts: Vec<String> = label.clone().map(|i| words[i].to_lowercase()).collect();
            let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
            let place = gazetteer::lookup_words(&parts) & gazetteer::PLACE != 0;
            if caps && goes_on && !place {
                label.for_each(|i| dropped[i] = true);
            }
        }
        // A count line: "Word (2 images)".
        if (4..=7).contains(&n) && at(n - 1) == ")" {
            if let Some(open) = (1..n - 3).find(|&k| at(k) == "(") {
                let inner = s.start + open + 1..s.end - 1;
                let count = inner.len() == 2
                    && doc.feats[inner.start].class == class::DIGITS
                    && doc.feats[inner.start + 1].class == class::LOWER
                    && words[inner.start + 1].ends_with('s');
                if count {
                    (s.start..s.end).for_each(|i| dropped[i] = true);
                }
            }
        }
    }
    found.retain(|f| !(f.start..f.end).any(|i| dropped[i]));
}

/// A dateline names a place: one to three ALL-CAPS words opening a
/// paragraph's sentence, before a parenthesised source or a dash
/// ("SELMOR (Northline Press) - …", "PORT ELLIS - …").
fn datelines(doc: &DocTokens, words: &[&str], found: &mut Vec<Found>) {
    let mut added = Vec::new();
    for (k, s) in doc.sents.iter().enumerate() {
        if !matches!(s.origin, Origin::Paragraph(_)) {
            continue;
        }
        let run = (s.start..s.end)
            .take_while(|&i| doc.feats[i].class == class::UPPER)
            .count();
        let next = s.start + run;
        if !(1..=3).contains(&run) || next >= s.end || !(words[next] == "(" || is_dash(words[next])) {
            continue;
        }
        // The sentence goes on in mixed case.
        if !(next..s.end).any(|i| doc.feats[i].class == class::LOWER) {
            continue;
        }
        found.retain(|f| f.end <= s.start || f.start >= next);
        added.push(Found {
            sent: k,
            start: s.start,
            end: next,
            kind: Kind::Name(LOC),
        });
    }
    found.extend(added);
    found.sort_by_key(|f| (f.start, f.end));
}

/// Nouns that, right before a one-word name, say what kind of thing it
/// is: an organisation ("the rail operator Valdorail").
const ORG_NOUNS: &[&str] = &[
    "operator",
    "company",
    "firm",
    "carrier",
    "airline",
    "maker",
    "manufacturer",
    "retailer",
    "insurer",
    "lender",
    "bank",
    "broadcaster",
    "publisher",
    "developer",
    "startup",
    "group",
    "conglomerate",
    "utility",
    "automaker",
    "carmaker",
    "chipmaker",
    "drugmaker",
    "supplier",
    "distributor",
    "agency",
    "club",
    "team",
    "band",
    "party",
    "newspaper",
    "network",
];

/// A one-word name right after a noun of [`ORG_NOUNS`] is an
/// organisation, and so is every mention of it in the document, whatever
/// the tagger made of each (a company's name that looks like a surname).
fn appositives(doc: &DocTokens, words: &[&str], found: &mut [Found]) {
    let mut orgs: FastSet<String> = FastSet::default();
    for f in found.iter() {
        if f.end - f.start != 1 || f.start == 0 || f.kind == Kind::Name(ORG) {
            continue;
        }
        let Kind::Name(_) = f.kind else { continue };
        let sent = doc.sents[f.sent];
        let before = f.start - 1;
        if before < sent.start || doc.feats[f.start].gaz & (gazetteer::FIRST_NAME | gazetteer::PLACE) != 0 {
            continue;
        }
        if doc.feats[before].class == class::LOWER && ORG_NOUNS.contains(&words[before]) {
            orgs.insert(words[f.start].to_lowercase());
        }
    }
    if orgs.is_empty() {
        return;
    }
    for f in found.iter_mut() {
        if f.end - f.start == 1
            && matches!(f.kind, Kind::Name(_))
            && orgs.contains(&words[f.start].to_lowercase())
        {
            f.kind = Kind::Name(ORG);
        }
    }
}

/// Whether a token is a bracket.
fn is_bracket(word: &str) -> bool {
    matches!(word, "(" | ")" | "[" | "]" | "{" | "}")
}

/// Whether a mention's key (see [`key`]) is a place in the gazetteer.
fn is_known_place(key: &str) -> bool {
    let parts: Vec<&str> = key.split(' ').collect();
    gazetteer::lookup_words(&parts) & gazetteer::PLACE != 0
}

/// The lower-case words of a mention, joined by spaces.
fn key(words: &[&str], f: &Found) -> String {
    let span = words.get(f.start..f.end).unwrap_or_default();
    let mut k = String::with_capacity(span.iter().map(|w| w.len() + 1).sum());
    for w in span {
        if !k.is_empty() {
            k.push(' ');
        }
        if w.is_ascii() {
            let from = k.len();
            k.push_str(w);
            k[from..].make_ascii_lowercase();
        } else {
            k.extend(w.chars().flat_map(char::to_lowercase));
        }
    }
    k
}

/// One document, one type per name: every mention of a name takes the
/// type most of its mentions got (the first one on a tie).
fn vote_types(doc: &DocTokens, words: &[&str], found: &mut [Found]) {
    // ALL-CAPS lines (headlines, results tables) neither vote nor change:
    // a club named after its city ("DETROIT 48 86") is not the city.
    let caps = |f: &Found| doc.feats[f.start].flags & features::HEADLINE != 0;
    // Counts per type, and the type of the first mention.
    let keys: Vec<Option<String>> = found
        .iter()
        .map(|f| (!caps(f) && matches!(f.kind, Kind::Name(_))).then(|| key(words, f)))
        .collect();
    let mut votes: HashMap<&str, ([usize; 4], usize)> =
        HashMap::with_capacity_and_hasher(found.len(), Default::default());
    for (f, k) in found.iter().zip(&keys) {
        if let (Kind::Name(ty), Some(k)) = (f.kind, k) {
            let e = votes.entry(k.as_str()).or_insert(([0; 4], ty));
            e.0[ty] += 1;
        }
    }
    // The surname of a person named in full is that person, whatever the
    // tagger said of it alone ("Albuquerque said" after "Teresa Albuquerque").
    let surnames: FastSet<String> = found
        .iter()
        .filter(|f| f.kind == Kind::Name(PER) && f.end - f.start >= 2)
        .map(|f| words[f.end - 1].to_lowercase())
        .collect();
    for (f, k) in found.iter_mut().zip(&keys) {
        if caps(f) {
            continue;
        }
        if f.end - f.start == 1 && surnames.contains(&words[f.start].to_lowercase()) {
            f.kind = Kind::Name(PER);
            continue;
        }
        if let (Kind::Name(ty), Some(k)) = (f.kind, k) {
            if let Some((counts, first)) = votes.get(k.as_str()) {
                // A known place read as a place once is a place throughout.
                let place = counts[LOC] > 0 && is_known_place(k);
                let best = if place {
                    LOC
                } else {
                    (0..4).max_by_key(|&t| (counts[t], t == *first)).unwrap_or(ty)
                };
                f.kind = Kind::Name(best);
            }
        }
    }
}

/// Marks again, where the tagger missed them, capitalised words the
/// document names elsewhere: a name seen once is the same name later
/// ("Peskov" after "Dmitry Peskov", a headline's ALL-CAPS word).
fn propagate(doc: &DocTokens, words: &[&str], found: &mut Vec<Found>) {
    // Keyed by the hash of the words' lower-case forms.
    let span_hash =
        |a: usize, b: usize| (a..b).fold(0x243f_6a88_85a3_08d3, |h, i| features::mix(h, doc.feats[i].lower));
    let mut known: features::HashKeyed<usize> =
        features::HashKeyed::with_capacity_and_hasher(found.len(), Default::default());
    for f in found.iter() {
        let Kind::Name(ty) = f.kind else { continue };
        known.entry(span_hash(f.start, f.end)).or_insert(ty);
    }
    // Surnames of people named in full.
    for f in found.iter() {
        if f.kind == Kind::Name(PER) && f.end - f.start >= 2 && words[f.end - 1].chars().count() >= 3 {
            known.entry(span_hash(f.end - 1, f.end)).or_insert(PER);
        }
    }
    if known.is_empty() {
        return;
    }
    let mut taken = vec![false; words.len()];
    for f in found.iter() {
        taken[f.start..f.end].iter_mut().for_each(|t| *t = true);
    }
    let mut added = Vec::new();
    for (k, s) in doc.sents.iter().enumerate() {
        let mut i = s.start;
        while i < s.end {
            if taken[i] || !capitalised(doc.feats[i].class) {
                i += 1;
                continue;
            }
            let mut hit = None;
            for len in (1..=4usize.min(s.end - i)).rev() {
                let span = i..i + len;
                if span.clone().any(|j| taken[j]) {
                    continue;
                }
                let inner = |j: usize| j > i && j + 1 < i + len && CONNECTORS.contains(&words[j]);
                if !span.clone().all(|j| capitalised(doc.feats[j].class) || inner(j)) {
                    continue;
                }
                // Not a piece of a longer capitalised run.
                if i + len < s.end && capitalised(doc.feats[i + len].class) && !taken[i + len] {
                    continue;
                }
                if len == 1 && words[i].chars().count() < 3 {
                    continue;
                }
                if let Some(&ty) = known.get(&span_hash(i, i + len)) {
                    hit = Some(Found {
                        sent: k,
                        start: i,
                        end: i + len,
                        kind: Kind::Name(ty),
                    });
                    break;
                }
            }
            match hit {
                Some(f) => {
                    i = f.end;
                    added.push(f);
                }
                None => i += 1,
            }
        }
    }
    found.extend(added);
    found.sort_by_key(|f| (f.start, f.end));
}

/// For text that is not English, the tagger's people are kept only with a
/// known given name and a second capitalised word.
fn confident_person(doc: &DocTokens, f: &Found) -> bool {
    let feats = &doc.feats[f.start..f.end];
    f.kind == Kind::Name(PER)
        && feats.len() >= 2
        && feats[0].gaz & gazetteer::FIRST_NAME != 0
        && feats.iter().all(|t| t.class == class::TITLE)
}

/// For text that is not English, names its form or the gazetteers vouch
/// for, whatever the tagger said: known places written with a capital, and
/// acronyms inside a sentence (organisations: "ADAC", "NATO").
fn confident_names(doc: &DocTokens, words: &[&str], found: &mut Vec<Found>) {
    let mut taken = vec![false; words.len()];
    for f in found.iter() {
        taken[f.start..f.end].iter_mut().for_each(|t| *t = true);
    }
    for (k, s) in doc.sents.iter().enumerate() {
        let mut i = s.start;
        while i < s.end {
            let t = doc.feats[i];
            if taken[i] || !capitalised(t.class) {
                i += 1;
                continue;
            }
            if t.gaz & gazetteer::PLACE != 0 {
                let mut end = i + 1;
                while end < s.end && doc.feats[end - 1].gaz & gazetteer::PLACE_MORE != 0 {
                    end += 1;
                }
                // Not the first word of a longer name ("Vladimir Putin").
                let longer = end < s.end
                    && capitalised(doc.feats[end].class)
                    && doc.feats[end].gaz & gazetteer::PLACE == 0;
                let word_ok = |j: usize| {
                    capitalised(doc.feats[j].class)
                        || (j > i && j + 1 < end && CONNECTORS.contains(&words[j]))
                };
                if !longer && (i..end).all(|j| !taken[j] && word_ok(j)) {
                    found.push(Found {
                        sent: k,
                        start: i,
                        end,
                        kind: Kind::Name(LOC),
                    });
                }
                i = end;
                continue;
            }
            let letters = words[i].chars().count();
            let roman = words[i]
                .chars()
                .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'M'));
            if t.class == class::UPPER
                && t.flags & (features::FIRST | features::HEADLINE) == 0
                && (2..=6).contains(&letters)
                && !roman
            {
                found.push(Found {
                    sent: k,
                    start: i,
                    end: i + 1,
                    kind: Kind::Name(ORG),
                });
            }
            i += 1;
        }
    }
    found.sort_by_key(|f| (f.start, f.end));
}

/// Dates, money, percentages and quantities, outside names (a group name
/// may sit inside a quantity: "two Azerbaijani citizens").
fn find_rules(doc: &DocTokens, words: &[&str], found: &mut Vec<Found>) {
    // Names made only of words like "Million" or "June" give way.
    let weak = |f: &Found| (f.start..f.end).all(|i| numbers::is_amount_or_date_word(words[i]));
    let mut taken = vec![false; words.len()];
    for f in found.iter().filter(|f| f.kind != Kind::Name(MISC) && !weak(f)) {
        taken[f.start..f.end].iter_mut().for_each(|t| *t = true);
    }
    let mut rules = Vec::new();
    for (k, s) in doc.sents.iter().enumerate() {
        for (a, b, kind) in numbers::find(&words[s.start..s.end], &taken[s.start..s.end]) {
            rules.push(Found {
                sent: k,
                start: s.start + a,
                end: s.start + b,
                kind: Kind::Rule(kind),
            });
        }
    }
    found.retain(|f| !weak(f) || !rules.iter().any(|r| r.start < f.end && f.start < r.end));
    found.extend(rules);
    found.sort_by_key(|f| (f.start, f.end));
}

/// An entity being assembled.
struct Cluster {
    kind: Kind,
    /// Surface forms, in order of first use.
    forms: Vec<String>,
    mentions: Vec<(usize, usize)>,
    count: usize,
    score: u32,
    first: usize,
}

/// The text of a mention as written.
fn surface(doc: &DocTokens, sentences: &Sentences, f: &Found) -> String {
    let origin = doc.sents[f.sent].origin;
    let text = sentences.block_text(origin);
    text.get(doc.spans[f.start].start..doc.spans[f.end - 1].end)
        .unwrap_or("")
        .to_string()
}

/// Initials of a name of several words ("Federal Security Service" → "fss").
fn initials(key: &str) -> String {
    key.split(' ')
        .filter(|w| !matches!(*w, "of" | "the" | "and" | "for"))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// How much a mention adds to its entity's salience: frequency, position
/// (title, first paragraph) and role (the subject of a statement).
fn weight(doc: &DocTokens, words: &[&str], f: &Found, first_paragraph: Option<usize>) -> u32 {
    let s = doc.sents[f.sent];
    let mut w = match f.kind {
        Kind::Name(_) => 4,
        Kind::Rule(_) => 2,
    };
    match s.origin {
        Origin::Title => w += 8,
        Origin::Paragraph(p) if Some(p) == first_paragraph => w += 4,
        _ => {}
    }
    if matches!(f.kind, Kind::Name(_)) {
        let after = (f.end..(f.end + 3).min(s.end)).map(|i| words[i]);
        let before = (s.start.max(f.start.saturating_sub(2))..f.start).map(|i| words[i]);
        if after.chain(before).any(is_speech_verb) {
            w += 4;
        }
    }
    w
}

/// Whether `word`, lower-cased, is one of [`SPEECH`] (ASCII words, the
/// most of them, compared without lower-casing them into a new string).
fn is_speech_verb(word: &str) -> bool {
    if word.is_ascii() {
        SPEECH.iter().any(|s| s.eq_ignore_ascii_case(word))
    } else {
        SPEECH.contains(&word.to_lowercase().as_str())
    }
}

/// Groups mentions into entities: aliases under the fullest name, two
/// people sharing a surname kept apart; ranks them by salience.
fn merge(doc: &DocTokens, sentences: &Sentences, words: &[&str], found: Vec<Found>) -> Vec<Entity> {
    let first_paragraph = doc.sents.iter().find_map(|s| match s.origin {
        Origin::Paragraph(p) => Some(p),
        _ => None,
    });
    let keys: Vec<String> = found.iter().map(|f| key(words, f)).collect();
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut by_key: HashMap<(Kind, &str), usize> =
        HashMap::with_capacity_and_hasher(found.len(), Default::default());
    // Full names of people (two words or more): cluster index and words.
    let mut people: Vec<(usize, Vec<String>, usize)> = Vec::new();
    // Full names by each of their words (indices into `people`).
    let mut people_by_word: HashMap<String, Vec<usize>> = HashMap::default();
    // Multi-word names by their initials, for acronyms.
    let mut by_initials: HashMap<(Kind, String), usize> = HashMap::default();
    let mut order: Vec<usize> = (0..found.len()).collect();
    // Longer names first, so that "Peskov" finds "Dmitry Peskov" even when
    // the surname comes first (a headline).
    order.sort_by_key(|&n| (std::cmp::Reverse(found[n].end - found[n].start), found[n].start));
    let mut cluster_of = vec![usize::MAX; found.len()];
    for &n in &order {
        let f = &found[n];
        let k = keys[n].as_str();
        let mut target = by_key.get(&(f.kind, k)).copied();
        if target.is_none() && f.kind == Kind::Name(PER) {
            // A part of a full name: the nearest full name before it (after
            // it if none), so two Safarovs stay apart.
            let parts: Vec<&str> = k.split(' ').collect();
            let mut best: Option<(usize, usize)> = None;
            let candidates = people_by_word.get(parts[0]).map_or(&[][..], Vec::as_slice);
            // The latest few full names with that word: enough for an
            // article, and bounded for a huge paste.
            for &pi in candidates.iter().rev().take(64) {
                let (c, full, at) = &people[pi];
                if full.len() > parts.len() && parts.iter().all(|p| full.iter().any(|w| w == p)) {
                    let before = *at <= f.start;
                    let distance = if before {
                        f.start - at
                    } else {
                        usize::MAX / 2 + (at - f.start)
                    };
                    if best.is_none_or(|(_, d)| distance < d) {
                        best = Some((*c, distance));
                    }
                }
            }
            target = best.map(|(c, _)| c);
        }
        if target.is_none() && f.end - f.start == 1 && doc.feats[f.start].class == class::UPPER {
            // An acronym of a name of the same type.
            target = by_initials.get(&(f.kind, k.to_string())).copied();
        }
        let c = match target {
            Some(c) => c,
            None => {
                clusters.push(Cluster {
                    kind: f.kind,
                    forms: Vec::new(),
                    mentions: Vec::new(),
                    count: 0,
                    score: 0,
                    first: f.start,
                });
                let c = clusters.len() - 1;
                if f.kind == Kind::Name(PER) && f.end - f.start >= 2 {
                    let full: Vec<String> = k.split(' ').map(str::to_string).collect();
                    for w in &full {
                        people_by_word.entry(w.clone()).or_default().push(people.len());
                    }
                    people.push((c, full, f.start));
                }
                c
            }
        };
        by_key.entry((f.kind, k)).or_insert(c);
        if k.contains(' ') {
            by_initials.entry((f.kind, initials(k))).or_insert(c);
        }
        cluster_of[n] = c;
    }
    for (n, f) in found.iter().enumerate() {
        let c = &mut clusters[cluster_of[n]];
        let form = surface(doc, sentences, f);
        if !c.forms.contains(&form) {
            c.forms.push(form);
        }
        if let (Some(a), Some(b)) = (doc.src[f.start], doc.src[f.end - 1]) {
            if a.0 < b.1 {
                c.mentions.push((a.0, b.1));
            }
        }
        c.count += 1;
        c.score += weight(doc, words, f, first_paragraph);
        c.first = c.first.min(f.start);
    }
    // "He …" or "She …" opening a sentence: the person the sentence before
    // (or the one before it) is about, one more mention of that person (the
    // pronoun's span, so that a chip highlights what it counts). The NER
    // scorers count the pronoun as a false name (0.004–0.007 F1 a split);
    // the report's count follows SPEC, which counts it.
    let mut first_person: Vec<Option<usize>> = vec![None; doc.sents.len()];
    for (n, f) in found.iter().enumerate() {
        if f.kind == Kind::Name(PER) && first_person[f.sent].is_none() {
            first_person[f.sent] = Some(cluster_of[n]);
        }
    }
    for (k, s) in doc.sents.iter().enumerate() {
        let opener = (s.start..s.end).find(|&i| doc.feats[i].class != class::PUNCT);
        if !opener.is_some_and(|i| matches!(words[i], "He" | "She")) {
            continue;
        }
        let (Some(i), Some(c)) = (
            opener,
            (k.saturating_sub(2)..k).rev().find_map(|j| first_person[j]),
        ) else {
            continue;
        };
        clusters[c].count += 1;
        clusters[c].score += 2;
        if let Some(span) = doc.src[i] {
            clusters[c].mentions.push(span);
        }
    }
    let mut items: Vec<(u32, usize, Entity)> = clusters
        .into_iter()
        .filter(|c| c.count > 0)
        .map(|mut c| {
            c.mentions.sort_unstable();
            c.mentions.dedup();
            let name = fullest(&c.forms);
            let mut aliases: Vec<String> = Vec::new();
            for f in &c.forms {
                if !f.eq_ignore_ascii_case(&name) && !aliases.iter().any(|a| a.eq_ignore_ascii_case(f)) {
                    aliases.push(f.clone());
                }
            }
            let kind = match c.kind {
                Kind::Name(PER) => "person",
                Kind::Name(LOC) => "place",
                Kind::Name(ORG) => "organization",
                Kind::Name(_) if is_group(&name) => "group",
                Kind::Name(_) => "other",
                Kind::Rule(r) => r.name(),
            };
            let salience = c.score as f32 / (c.score as f32 + 12.0);
            (
                c.score,
                c.first,
                Entity {
                    name,
                    kind,
                    count: c.count,
                    salience,
                    aliases,
                    mentions: c.mentions,
                },
            )
        })
        .collect();
    items.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    items.into_iter().map(|(_, _, e)| e).collect()
}

/// The fullest of the surface forms: the most words, then mixed case
/// over ALL CAPS, then the first used.
fn fullest(forms: &[String]) -> String {
    let all_caps = |s: &str| !s.chars().any(char::is_lowercase);
    forms
        .iter()
        .enumerate()
        .max_by_key(|(i, f)| {
            (
                f.split_whitespace().count(),
                !all_caps(f),
                f.chars().count(),
                std::cmp::Reverse(*i),
            )
        })
        .map(|(_, f)| f.clone())
        .unwrap_or_default()
}

/// Whether a `MISC` name is a group of people (a nationality, a religion,
/// a party's members) rather than an event, a work or a product.
fn is_group(name: &str) -> bool {
    if name.contains(' ') {
        return false;
    }
    let lower = name.to_lowercase();
    if gazetteer::lookup_words(&[lower.as_str()]) & gazetteer::GROUP != 0 {
        return true;
    }
    if let Some(singular) = lower.strip_suffix('s') {
        if gazetteer::lookup_words(&[singular]) & gazetteer::GROUP != 0 {
            return true;
        }
    }
    ["an", "ans", "ese", "ish", "i", "is"]
        .iter()
        .any(|s| lower.ends_with(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speech_verbs_match_whatever_their_case() {
        assert!(SPEECH.iter().all(|w| w.bytes().all(|b| b.is_ascii_lowercase())));
        for (word, want) in [
            ("said", true),
            ("Said", true),
            ("TOLD", true),
            ("saying", false),
            ("sad", false),
            ("", false),
            // Non-ASCII words go through full lower-casing: the Kelvin
            // sign lower-cases to "k", as `str::to_lowercase` has it.
            ("AS\u{212A}ED", true),
            ("sаid", false), // a Cyrillic "а"
        ] {
            assert_eq!(is_speech_verb(word), want, "{word}");
            assert_eq!(
                is_speech_verb(word),
                SPEECH.contains(&word.to_lowercase().as_str()),
                "{word}"
            );
        }
    }
}
