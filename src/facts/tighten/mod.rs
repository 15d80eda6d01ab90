//! Tightening: one sentence → the text of a fact, about [`MAX_WORDS`]
//! words and never more than [`HARD_MAX_WORDS`], that reads on its own. A
//! fact is the sentence, or a clause of it, with openers and safe asides
//! dropped ([`super::safe`]: never the speaker, a negation, a condition, a
//! contrast, the time or the place); it never gains a word the article does
//! not have (a leading "he" may become the name it stands for).
//!
//! Every rule works on byte offsets of the sentence: a [`Draft`] keeps the
//! range `head..end` minus some `holes`, so the fact's source span is known.
//!
//! By job: what is never a fact ([`skip`]), what may be cut (here, each cut
//! checked by [`super::safe`]), the grammar a cut must keep ([`grammar`]),
//! and what a leading pronoun refers to ([`refer`]).

mod grammar;
mod refer;
mod skip;

pub(in crate::facts) use grammar::has_verb;
use grammar::*;
pub(in crate::facts) use refer::clause_start;
use refer::*;
use skip::*;

use crate::words::{contains_str, find_str};

use super::safe::{attributes, is_time_word, may_drop_aside, may_drop_clause, may_drop_conjunct};
use super::text::{
    balanced, count_words, is_capitalised, is_close_quote, is_date_word, is_open_quote, lists, lower, marks,
    nested_at, words, Depth, Mark, Nesting,
};

/// The length a fact is cut to when a safe cut can do it, in words.
pub(super) const MAX_WORDS: usize = 25;
/// The longest fact, in words: a sentence no safe cut brings down to
/// [`MAX_WORDS`] is kept whole up to here (a long true fact beats a short
/// wrong one).
pub(super) const HARD_MAX_WORDS: usize = 35;
/// The shortest fact, in words.
pub(super) const MIN_WORDS: usize = 5;
/// A clause cut must leave at least this many words.
const MIN_CLAUSE_WORDS: usize = 8;
/// Longer sentences are not read at all (a paste without full stops).
pub(super) const MAX_SENTENCE_BYTES: usize = 1200;

/// Why a sentence gives no fact.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Skip {
    /// A question or an exclamation.
    Question,
    /// Links, "click here", credits.
    Boilerplate,
    /// Written in the first or second person ("we", "you"): the author or
    /// the page speaking, not the news.
    Voice,
    /// Opens with a pronoun whose antecedent is unclear.
    Pronoun,
    /// Nothing but a quotation, with no one saying it.
    Quote,
    /// Opens on words that continue the sentence before it ("Nor …",
    /// "That was …", "The two …"), outside the lede.
    Leans(Leans),
    /// No safe cut brings it under [`HARD_MAX_WORDS`].
    TooLong,
    TooShort,
    /// Unbalanced quotes or brackets, or an odd start.
    Broken,
}

/// How a clause cut split the sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Cut {
    /// The fact ends, at this offset, before a subordinate clause.
    Subordinate(usize),
    /// The fact ends before "; ", ", but" or ", and": the rest may stand
    /// alone.
    Coordinate(usize),
    /// The fact ends before a participle or a preposition: the cut that
    /// most often loses something.
    Trim,
}

/// What a fact keeps of its sentence.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Draft {
    /// The kept range of the sentence, minus `holes`.
    pub head: usize,
    pub end: usize,
    pub holes: Vec<(usize, usize)>,
    /// The name that replaces a subject pronoun ("Dmitry Peskov" for "He"),
    /// and the byte offset of the sentence where it goes.
    pub subject: Option<(usize, String)>,
    /// The noun of a leading "these operations", "this decision": the fact
    /// reads on its own only after one that names the thing.
    pub refers: Option<String>,
    pub cut: Option<Cut>,
    /// The fact's text and its length in words.
    pub text: String,
    pub words: usize,
}

/// What tightening knows beyond the sentence.
#[derive(Clone, Debug, Default)]
pub(super) struct Context {
    /// The sentence opens its paragraph (a dateline may lead it).
    pub opens_block: bool,
    /// The person a leading "he"/"she" refers to, when the article makes
    /// it clear.
    pub antecedent: Option<String>,
    /// English: the word-list rules apply. Otherwise only datelines, length
    /// and punctuation are handled.
    pub english: bool,
    /// Chinese or Japanese: length is counted in characters.
    pub unspaced: bool,
    /// The sentence states the lead event: it keeps its who, what, when
    /// and where, and is only cut when longer than [`HARD_MAX_WORDS`].
    pub lede: bool,
}

/// Turns a sentence into a fact's text, or tells why it cannot be one.
pub(super) fn tighten(s: &str, cx: &Context) -> Result<Draft, Skip> {
    if is_question(s) {
        return Err(Skip::Question);
    }
    if is_boilerplate(s) {
        return Err(Skip::Boilerplate);
    }
    if is_headline_fragment(s) {
        return Err(Skip::Broken);
    }
    if cx.english && (speaker_label(s) || addresses_reader(s)) {
        return Err(Skip::Voice);
    }
    if cx.english && attribution_only(s) {
        return Err(Skip::Quote);
    }
    let mut d = Draft {
        head: 0,
        end: s.len(),
        holes: Vec::new(),
        subject: None,
        refers: None,
        cut: None,
        text: String::new(),
        words: 0,
    };
    if cx.opens_block {
        d.head = dateline_end(s);
    }
    if cx.english {
        // Before and after the connectives go: "Still, …" is refused, and
        // so is "However, the pair …".
        let leans = |d: &Draft| leans_on_previous(&s[d.head..d.end]).filter(|_| !cx.lede);
        if let Some(why) = leans(&d) {
            return Err(Skip::Leans(why));
        }
        drop_openers(s, &mut d);
        if let Some(why) = leans(&d) {
            return Err(Skip::Leans(why));
        }
        // The cheap refusals first: a pronoun nobody can name.
        resolve_pronoun(s, &mut d.clone(), cx)?;
        drop_asides(s, &mut d);
        if d.word_count(s) > MAX_WORDS && has_personal_voice(s, &d) {
            return Err(Skip::Voice);
        }
        if !cx.lede || d.word_count(s) > HARD_MAX_WORDS {
            shorten(s, &mut d)?;
        }
        if d.cut.is_some() && !main_clause_kept(&d.pieces(s).join(" ")) {
            return Err(Skip::Broken);
        }
        resolve_pronoun(s, &mut d, cx)?;
        if has_personal_voice(s, &d) {
            return Err(Skip::Voice);
        }
    }
    d.render(s);
    d.words = if cx.unspaced {
        // About three characters a word.
        d.text.chars().count().div_ceil(3)
    } else {
        count_words(&d.text)
    };
    if d.words < MIN_WORDS {
        return Err(Skip::TooShort);
    }
    if d.words > HARD_MAX_WORDS {
        return Err(Skip::TooLong);
    }
    if !balanced(&d.text) || !starts_well(&d.text) {
        return Err(Skip::Broken);
    }
    if is_bare_quote(&d.text) {
        return Err(Skip::Quote);
    }
    // A fact is a clause: "June 4 -- Riverside Pavilion, Dayton", "Risks
    // to the grant." and "Maybe not all parents." are not.
    if cx.english && !has_verb(&d.text) {
        return Err(Skip::Broken);
    }
    Ok(d)
}

impl Draft {
    /// The kept byte ranges of the sentence, in order.
    pub fn ranges(&self) -> Vec<(usize, usize)> {
        let mut holes = self.holes.clone();
        holes.sort_unstable();
        let mut out = Vec::new();
        let mut at = self.head;
        for (a, b) in holes {
            let (a, b) = (a.clamp(self.head, self.end), b.clamp(self.head, self.end));
            if a > at {
                out.push((at, a));
            }
            at = at.max(b);
        }
        if at < self.end {
            out.push((at, self.end));
        }
        out
    }

    /// The kept ranges if the draft ended at `end`.
    fn ranges_to(&self, end: usize) -> Vec<(usize, usize)> {
        self.ranges()
            .into_iter()
            .filter(|&(a, _)| a < end)
            .map(|(a, b)| (a, b.min(end)))
            .collect()
    }

    /// Byte offsets in `s` where the kept words start, as the word count
    /// counts them.
    fn word_starts(&self, s: &str) -> Vec<usize> {
        let mut out = Vec::new();
        for (a, b) in self.ranges() {
            let piece = &s[a..b];
            let mut in_word = false;
            let mut prev_apostrophe = false;
            for (i, c) in piece.char_indices() {
                if c.is_alphanumeric() {
                    if !in_word && !prev_apostrophe {
                        out.push(a + i);
                    }
                    in_word = true;
                    prev_apostrophe = false;
                } else {
                    prev_apostrophe = in_word && matches!(c, '\'' | '’');
                    in_word = false;
                }
            }
        }
        out
    }

    /// The kept pieces of `s`, in order.
    fn pieces<'a>(&self, s: &'a str) -> Vec<&'a str> {
        self.ranges().into_iter().map(|(a, b)| &s[a..b]).collect()
    }

    /// Word count of the draft as it stands.
    fn word_count(&self, s: &str) -> usize {
        self.pieces(s).iter().map(|p| count_words(p)).sum()
    }

    /// Builds `text`: the pieces joined, the first letter capitalised, the
    /// end punctuated.
    fn render(&mut self, s: &str) {
        let mut out = String::new();
        let mut subject = self.subject.clone();
        for (start, end) in self.ranges() {
            if let Some((_, name)) = subject.take_if(|(at, _)| *at <= start) {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(&name);
            }
            let piece = s[start..end].trim();
            if piece.is_empty() {
                continue;
            }
            let glued = piece.starts_with([',', '.', ';', ':', ')', ']', '”', '’', '!', '?']);
            if !out.is_empty() && !glued {
                out.push(' ');
            }
            // Whitespace inside a piece becomes one space.
            for (i, w) in piece.split_whitespace().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                out.push_str(w);
            }
        }
        if let Some((_, name)) = subject {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&name);
        }
        self.text = finish(out);
    }
}

/// Capitalises the first letter and ends the text with a full stop.
fn finish(mut out: String) -> String {
    loop {
        let trimmed = out
            .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '—' | '–' | '-'));
        if trimmed.len() == out.len() {
            break;
        }
        out.truncate(trimmed.len());
    }
    // `…win,”` (a quotation whose attribution was dropped) ends `…win.”`.
    for quote in ['”', '"'] {
        let tail: String = [',', quote].iter().collect();
        if out.ends_with(&tail) {
            out.truncate(out.len() - tail.len());
            out.push('.');
            out.push(quote);
        }
    }
    let core = out.trim_end_matches(|c: char| is_close_quote(c) || matches!(c, ')' | ']'));
    if !core.ends_with(['.', '!', '?', '…', '。', '！', '？']) {
        out.push('.');
    }
    let mut chars = out.chars();
    match chars.next() {
        Some(c) if c.is_lowercase() => c.to_uppercase().chain(chars).collect(),
        _ => out,
    }
}

/// Skips spaces from `i`.
fn skip_space(s: &str, mut i: usize) -> usize {
    while let Some(c) = s[i..].chars().next() {
        if !c.is_whitespace() {
            break;
        }
        i += c.len_utf8();
    }
    i
}

/// The end of a dateline that opens a paragraph: "(CNN)", "Baghdad, Iraq
/// (CNN) -- ", "LONDON (Reuters) - ", "WASHINGTON — "; 0 when none.
pub(super) fn dateline_end(s: &str) -> usize {
    let place_ok = |before: &str| {
        let ws: Vec<&str> = before
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        before.len() <= 60
            && ws.len() <= 7
            && before
                .chars()
                .all(|c| c.is_alphanumeric() || c.is_whitespace() || matches!(c, ',' | '.' | '-' | '\''))
            && ws.iter().all(|w| {
                is_capitalised(w) || w.chars().all(|c| c.is_ascii_digit()) || matches!(*w, "of" | "de" | "la")
            })
    };
    let after_marker = |mut i: usize| {
        i = skip_space(s, i);
        let rest = &s[i..];
        let dash = rest.len() - rest.trim_start_matches(['-', '—', '–', ':']).len();
        skip_space(s, i + dash)
    };
    if let Some(open) = s.find('(') {
        if open <= 60 && place_ok(&s[..open]) {
            if let Some(len) = s[open..].find(')') {
                let close = open + len;
                let inner = s[open + 1..close].trim();
                let inner_words: Vec<&str> = inner.split_whitespace().collect();
                // "(CNN)", "(Reuters)", "(the Heartland Project)".
                let is_source = !inner.is_empty()
                    && inner.len() <= 30
                    && inner_words.len() <= 4
                    && inner_words.iter().any(|w| is_capitalised(w))
                    && inner_words.iter().all(|w| {
                        (is_capitalised(w) || matches!(*w, "the" | "of" | "and" | "for"))
                            && w.chars()
                                .all(|c| c.is_alphanumeric() || matches!(c, '.' | '&' | '-' | '\''))
                    });
                if is_source {
                    return after_marker(close + 1);
                }
            }
        }
    }
    // "WASHINGTON — …", "NEW YORK, March 3 - …": a place in capitals.
    for dash in [" — ", " – ", " -- ", " - "] {
        if let Some(at) = s.find(dash) {
            let before = &s[..at];
            let first = before.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
            let shouting = first.chars().count() >= 2 && first.chars().all(char::is_uppercase);
            if at <= 60 && shouting && place_ok(before) {
                return skip_space(s, at + dash.len());
            }
        }
    }
    0
}

/// Openers a fact drops: connectives that lean on the sentence before
/// ("However,", "Meanwhile,") and a short lead-in before a colon. The
/// speaker of reported speech ("Peskov said that …", "According to
/// police, …") stays: it is part of what the sentence says.
fn drop_openers(s: &str, d: &mut Draft) {
    for _ in 0..4 {
        d.head = skip_space(s, d.head);
        let rest = &s[d.head..d.end];
        let step = connective(rest)
            .or_else(|| earlier_later(rest))
            .or_else(|| colon_lead(rest));
        match step {
            Some(n) if n > 0 => d.head += n,
            _ => break,
        }
    }
    d.head = skip_space(s, d.head);
}

/// "It's official: AMC's new series has a title." → "AMC's new series has
/// a title.": a short lead-in before a colon and a whole sentence.
fn colon_lead(rest: &str) -> Option<usize> {
    let at = rest.find(": ")?;
    // Not "Police said: …": a speaker stays.
    if count_words(&rest[..at]) > 8 || nested_at(rest, at) || !may_drop_aside(&rest[..at]) {
        return None;
    }
    let start = skip_space(rest, at + 1);
    let after = &rest[start..];
    (after.starts_with(char::is_uppercase) && count_words(after) >= MIN_CLAUSE_WORDS).then_some(start)
}

/// Case-insensitive `starts_with` for ASCII phrases.
fn starts_with_ci(rest: &str, phrase: &str) -> bool {
    rest.get(..phrase.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(phrase))
}

fn connective(rest: &str) -> Option<usize> {
    let first = rest.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    if !lists().connective_starts.contains(&*lower(first)) {
        return None;
    }
    for &c in &lists().connectives {
        if !starts_with_ci(rest, c) {
            continue;
        }
        let after = &rest[c.len()..];
        if c.ends_with(',') {
            return Some(c.len());
        }
        // "But the plan failed", not "Butler"; not "And, …" either.
        if after.starts_with(' ')
            && after
                .trim_start()
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
        {
            return Some(c.len() + 1);
        }
    }
    None
}

/// "Earlier in June, …" → "In June, …"; "Later on Monday" → "On Monday".
fn earlier_later(rest: &str) -> Option<usize> {
    for w in ["Earlier ", "Later "] {
        if starts_with_ci(rest, w) {
            let after = &rest[w.len()..];
            if starts_with_ci(after, "in ") || starts_with_ci(after, "on ") {
                return Some(w.len());
            }
        }
    }
    None
}

/// The offset after the comma at `b` and a closing quote right after it.
fn past_comma(s: &str, b: usize) -> usize {
    let after = b + 1;
    after
        + s[after..]
            .chars()
            .next()
            .filter(|&c| is_close_quote(c))
            .map_or(0, char::len_utf8)
}

/// Top-level commas, and commas that close a quotation: in `Hamm, who
/// plays in "Mad Men," has completed`, both commas bound the aside.
fn aside_commas(s: &str) -> Vec<usize> {
    let mut out = top_level_commas(s);
    let mut nesting = None;
    for (i, c) in s.char_indices() {
        if c == ',' && s[i + 1..].starts_with(is_close_quote) {
            let after = i + 1 + s[i + 1..].chars().next().map_or(0, char::len_utf8);
            if !nesting.get_or_insert_with(|| Nesting::of(s)).at(after) {
                out.push(i);
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Byte offsets of the commas of `s` outside brackets and quotes.
fn top_level_commas(s: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut depth = Depth::default();
    let b = s.as_bytes();
    for (i, mark) in marks(s) {
        if mark != Mark::Comma {
            depth.step(mark);
        } else if !depth.nested() {
            // Not the comma of "20,000".
            let digits = i > 0 && b[i - 1].is_ascii_digit() && b.get(i + 1).is_some_and(u8::is_ascii_digit);
            if !digits {
                out.push(i);
            }
        }
    }
    out
}

/// Asides a fact drops: parentheticals, a pair of dashes, inner connectives
/// (", however,") and attributions (", officials said,").
fn drop_asides(s: &str, d: &mut Draft) {
    let (head, end) = (d.head, d.end);
    let body = &s[head..end];
    // Parentheticals: "(born 1956)", "(DNA passed down by the mother)".
    let mut i = 0usize;
    while let Some(off) = body[i..].find(['(', '[']) {
        let open = i + off;
        let closer = if body[open..].starts_with('(') { ')' } else { ']' };
        let Some(len) = body[open..].find(closer) else {
            break;
        };
        let close = open + len + 1;
        let inner = &body[open + 1..close - 1];
        if !inner.contains(['(', '['])
            && count_words(inner) <= 15
            && !nested_at(body, open)
            && may_drop_aside(inner)
        {
            let from = body[..open].trim_end().len();
            d.holes.push((head + from, head + close));
        }
        i = close;
    }
    // A pair of dashes around an aside: "The attack — the third this year — killed 12."
    for dash in [" — ", " – ", " -- "] {
        if let Some(a) = find_str(body, dash) {
            if let Some(len) = find_str(&body[a + dash.len()..], dash) {
                let b = a + dash.len() + len;
                if count_words(&body[a..b]) <= 12 && !nested_at(body, a) && may_drop_aside(&body[a..b]) {
                    d.holes.push((head + a, head + b + dash.len() - 1));
                }
            }
        }
    }
    // ", however,": a connective that leans on the sentence before.
    let commas = top_level_commas(body);
    for pair in commas.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let inner = body[a + 1..b].trim();
        let lower = inner.to_lowercase();
        let inner_words = count_words(inner);
        let connective = matches!(
            lower.as_str(),
            "however"
                | "meanwhile"
                | "though"
                | "in fact"
                | "for example"
                | "for instance"
                | "of course"
                | "too"
                | "also"
                | "nonetheless"
                | "nevertheless"
                | "therefore"
                | "moreover"
                | "furthermore"
                | "in turn"
                | "instead"
                | "still"
                | "indeed"
        );
        // Not in "X is Y, however, his Z has W", where it joins two
        // clauses of the sentence.
        if connective && inner_words <= 2 && !(has_verb(&body[..a]) && has_main_verb(&body[b + 1..])) {
            d.holes.push((head + a, head + b + 1));
        }
    }
}

/// Brings a long draft under [`MAX_WORDS`]: drops asides (", who was
/// 45,", ", the younger brother of X,"), else ends it at the latest clause
/// boundary that keeps a verb, trying commas first, then a colon, then bare
/// subordinators, participles and prepositions; else drops an opening
/// subordinate clause and tries again.
fn shorten(s: &str, d: &mut Draft) -> Result<(), Skip> {
    let whole = d.clone();
    drop_middle_conjunct(s, d);
    for _ in 0..2 {
        if d.word_count(s) <= MAX_WORDS {
            return Ok(());
        }
        drop_relative_asides(s, d);
        drop_appositives(s, d);
        if d.word_count(s) <= MAX_WORDS {
            return Ok(());
        }
        // Clause boundaries first (a comma, a colon, a bare "after"), the
        // latest that fits; then participles and prepositions.
        let levels: [&[CutFinder]; 2] = [
            &[clause_cuts, colon_cuts, bare_cuts],
            &[participle_cuts, preposition_cuts],
        ];
        for (i, level) in levels.into_iter().enumerate() {
            let mut cuts: Vec<(usize, Cut)> = level.iter().flat_map(|find| find(s, d)).collect();
            cuts.sort_by_key(|&(pos, _)| pos);
            let starts = d.word_starts(s);
            let best = cuts.into_iter().rev().find(|&(pos, _)| {
                // Words kept by a cut at `pos`, without building the text.
                let n = starts.partition_point(|&w| w < pos);
                if !(MIN_CLAUSE_WORDS..=MAX_WORDS).contains(&n) {
                    return false;
                }
                let kept = d
                    .ranges_to(pos)
                    .into_iter()
                    .map(|(a, b)| &s[a..b])
                    .collect::<Vec<_>>()
                    .join(" ");
                may_drop_clause(&s[pos..d.end])
                    && !ends_dangling(&kept)
                    && has_verb(&kept)
                    && main_clause_kept(&kept)
                    // Past the clause boundaries, what is dropped must not
                    // hold the main verb, nor the verb of a clause just
                    // begun: "… killed in the collision as two helicopters".
                    && (i == 0 || !has_main_verb(&s[pos..d.end]) && !ends_in_subordinate(&kept))
            });
            if let Some((pos, cut)) = best {
                d.end = pos;
                d.cut = Some(cut);
                return Ok(());
            }
        }
        if !drop_leading_clause(s, d) {
            break;
        }
    }
    if d.word_count(s) <= HARD_MAX_WORDS {
        return Ok(());
    }
    // No safe cut: the sentence whole, when it is not too long.
    if whole.word_count(s) <= HARD_MAX_WORDS {
        *d = whole;
        return Ok(());
    }
    Err(Skip::TooLong)
}

/// "A, and B, the envoy told reporters." → "A, the envoy told reporters.":
/// a second conjunct between a claim and its speaker goes when the draft
/// is too long; the speaker stays ([`may_drop_conjunct`]).
fn drop_middle_conjunct(s: &str, d: &mut Draft) {
    if d.word_count(s) <= MAX_WORDS {
        return;
    }
    let body = &s[d.head..d.end];
    let commas = top_level_commas(body);
    // The speaker: the last part between commas, short, with its verb.
    let Some(&tail) = commas.last() else { return };
    let speaker = &body[tail..];
    if !attributes(speaker) || count_words(speaker) > 16 || contains_str(speaker, " that ") {
        return;
    }
    for &c in commas.iter().filter(|&&c| c < tail) {
        let rest = body[c + 1..].trim_start();
        let Some(after_and) = rest.strip_prefix("and ") else {
            continue;
        };
        let subject = after_and
            .split(|ch: char| !ch.is_alphanumeric())
            .next()
            .unwrap_or("");
        let clause = matches!(subject, "there" | "the" | "it" | "this" | "they") || is_capitalised(subject);
        let middle = &body[c..tail];
        if clause && count_words(&body[..c]) >= MIN_CLAUSE_WORDS && may_drop_conjunct(middle) {
            d.holes.push((d.head + c, d.head + tail));
            return;
        }
    }
}

/// A rule that lists where a draft may end.
type CutFinder = fn(&str, &Draft) -> Vec<(usize, Cut)>;

/// ", the younger brother of X," after a name, before the verb.
fn drop_appositives(s: &str, d: &mut Draft) {
    let body = &s[d.head..d.end];
    let commas = aside_commas(body);
    for pair in commas.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let inner = body[a + 1..b].trim_start();
        let first = inner.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        let before = body[..a].rsplit(' ').next().unwrap_or("");
        let after = body[past_comma(body, b)..].trim_start();
        let apposition = matches!(first.to_lowercase().as_str(), "the" | "a" | "an")
            || first.starts_with(|c: char| c.is_ascii_digit());
        let next = after.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        let verb_next = next.ends_with("ly") || has_verb(next) || next.ends_with('s');
        if apposition
            && may_drop_aside(inner)
            && is_capitalised(before)
            && count_words(inner) <= 24
            && after.starts_with(|c: char| c.is_lowercase())
            && verb_next
        {
            d.holes.push((d.head + a, d.head + past_comma(body, b)));
            return;
        }
    }
}

/// Before ": ": "X reached a plea deal: he would admit …".
fn colon_cuts(s: &str, d: &Draft) -> Vec<(usize, Cut)> {
    let body = &s[d.head..d.end];
    body.match_indices(": ")
        .filter(|&(at, _)| !nested_at(body, at))
        .map(|(at, _)| (d.head + at, Cut::Coordinate(d.head + at)))
        .collect()
}

/// Before a participle after a noun: "… a 19-year-old man accused of …",
/// "… a major offensive intended to …".
fn participle_cuts(s: &str, d: &Draft) -> Vec<(usize, Cut)> {
    const NOT_BEFORE: &[&str] = &[
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "must",
        "should",
        "to",
        "the",
        "a",
        "an",
        "not",
        "and",
        "or",
        "also",
        "who",
        "which",
        "that",
        "of",
        "by",
        "for",
        "in",
        "on",
        "at",
        "with",
        "from",
        "get",
        "got",
        "gets",
        "become",
        "became",
        "still",
        "just",
        "already",
        "allegedly",
        "reportedly",
        "then",
        "as",
        "after",
        "before",
        "while",
        "when",
        "often",
        "always",
        "never",
        "ever",
        "once",
        "later",
        "soon",
        "again",
        "now",
        "sometimes",
        "usually",
        "recently",
        "previously",
        "even",
        "only",
    ];
    let body = &s[d.head..d.end];
    let ws = words(body);
    let nesting = Nesting::of(body);
    let mut out = Vec::new();
    for pair in ws.windows(2) {
        let ((pa, pb), (a, b)) = (pair[0], pair[1]);
        let w = &body[a..b];
        let prev = lower(&body[pa..pb]);
        let participle = w.len() >= 5
            && (w.ends_with("ed") || w.ends_with("ing"))
            && w.starts_with(|c: char| c.is_lowercase())
            && !w.contains('-');
        // "a man accused of", not "Lisa picking up" (the name is the
        // participle's own subject).
        if participle
            && !is_capitalised(&body[pa..pb])
            && body[pb..a].trim().is_empty()
            && !NOT_BEFORE.contains(&&*prev)
            && !lists().pronouns.contains(&*prev)
            && !prev.ends_with("ly")
            && !nesting.at(a)
            && participle_clause(&body[a..])
        {
            out.push((d.head + pb, Cut::Trim));
        }
    }
    out
}

/// Before a closing prepositional phrase: "… penned a letter to him on
/// their 13th anniversary".
fn preposition_cuts(s: &str, d: &Draft) -> Vec<(usize, Cut)> {
    const PREPOSITIONS: &[&str] = &[
        "in",
        "on",
        "at",
        "during",
        "for",
        "with",
        "from",
        "near",
        "over",
        "amid",
        "since",
        "across",
        "outside",
        "inside",
        "into",
        "through",
        "throughout",
        "under",
        "against",
        "after",
        "before",
        "without",
        "by",
        "between",
        "among",
        "within",
        "around",
        "along",
        "toward",
        "towards",
        "about",
        "behind",
        "beyond",
    ];
    let body = &s[d.head..d.end];
    let nesting = Nesting::of(body);
    let mut out = Vec::new();
    for (a, b) in words(body) {
        if a == 0 || !body[..a].ends_with(' ') || nesting.at(a) {
            continue;
        }
        let to_object = &body[a..b] == "to"
            && matches!(
                &*lower(body[b..].split_whitespace().next().unwrap_or("")),
                "the" | "a" | "an" | "his" | "her" | "their" | "its" | "anyone" | "everyone" | "all"
            );
        if !(PREPOSITIONS.contains(&&body[a..b]) || to_object) {
            continue;
        }
        // "crews shot | in Taipei": a verb would lose its object.
        let prev = lower(body[..a].split_whitespace().next_back().unwrap_or(""));
        let after_verb =
            lists().verbs.contains(&*prev) || lists().speech_verbs.contains(&*prev) || prev.ends_with("ed");
        if !after_verb {
            out.push((d.head + body[..a].trim_end().len(), Cut::Trim));
        }
    }
    out
}

/// ", who was 45," inside a sentence: the main clause goes on after it.
fn drop_relative_asides(s: &str, d: &mut Draft) {
    let body = &s[d.head..d.end];
    let commas = aside_commas(body);
    for pair in commas.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let inner = body[a + 1..b].trim_start();
        let first = inner.split_whitespace().next().unwrap_or("").to_lowercase();
        let next = body[past_comma(body, b)..]
            .split(|c: char| !c.is_alphanumeric())
            .find(|w| !w.is_empty())
            .unwrap_or("");
        let continues = next.ends_with("ly") || has_verb(next) || next.ends_with('s');
        if matches!(first.as_str(), "who" | "which" | "whose" | "whom" | "where")
            && count_words(inner) <= 20
            && may_drop_aside(inner)
            && count_words(&body[b..]) >= 2
            && continues
            && next.starts_with(char::is_lowercase)
        {
            d.holes.push((d.head + a, d.head + past_comma(body, b)));
            return;
        }
    }
}

/// Where the draft may end: before ", which …", "; …", " — …", ", but …".
fn clause_cuts(s: &str, d: &Draft) -> Vec<(usize, Cut)> {
    let l = lists();
    let body = &s[d.head..d.end];
    let nesting = Nesting::of(body);
    let commas = top_level_commas(body);
    let mut out = Vec::new();
    for (k, &c) in commas.iter().enumerate() {
        let rest = body[c + 1..].trim_start();
        let next = rest
            .split(|ch: char| !ch.is_alphanumeric())
            .next()
            .unwrap_or("")
            .to_lowercase();
        let later_comma = commas.get(k + 1).is_some();
        let relative = matches!(next.as_str(), "who" | "which" | "whose" | "whom" | "where");
        let cut = if next == "but" {
            Some(Cut::Coordinate(d.head + c))
        } else if next == "and" {
            // ", and he …" joins clauses; "A, B, and C" is a list.
            let since = commas.get(k.wrapping_sub(1)).map_or(0, |&p| p + 1);
            let after_and = rest[3..].trim_start();
            let subject = after_and
                .split(|ch: char| !ch.is_alphanumeric())
                .next()
                .unwrap_or("");
            let clause_like = matches!(
                subject.to_lowercase().as_str(),
                "he" | "she"
                    | "they"
                    | "it"
                    | "the"
                    | "a"
                    | "an"
                    | "his"
                    | "her"
                    | "their"
                    | "its"
                    | "there"
                    | "we"
                    | "i"
                    | "you"
                    | "this"
                    | "that"
                    | "these"
                    | "those"
                    | "no"
                    | "some"
                    | "many"
                    | "most"
                    | "all"
                    | "both"
                    | "each"
            ) || is_capitalised(subject)
                || subject.starts_with(|c: char| c.is_ascii_digit());
            (clause_like && k == 0 && count_words(&body[since..c]) >= 4)
                .then_some(Cut::Coordinate(d.head + c))
        } else if (l.clause_cues.contains(next.as_str())
            || ((participle(rest) || next.ends_with("ed")) && participle_clause(rest)))
            && !(relative && later_comma)
        {
            Some(Cut::Subordinate(d.head + c))
        } else {
            None
        };
        if let Some(cut) = cut {
            out.push((d.head + c, cut));
        }
    }
    for sep in ["; ", " — ", " – ", " -- ", " - "] {
        let mut from = 0;
        while let Some(off) = body[from..].find(sep) {
            let at = from + off;
            if !nesting.at(at) && !d.holes.iter().any(|&(a, b)| a <= d.head + at && d.head + at < b) {
                let cut = if sep == "; " {
                    Cut::Coordinate(d.head + at)
                } else {
                    Cut::Subordinate(d.head + at)
                };
                out.push((d.head + at, cut));
            }
            from = at + sep.len();
        }
    }
    out.sort_unstable_by_key(|&(p, _)| p);
    out
}

/// "killing at least 30", "accused of murder": a participle and what a
/// participle clause goes on with (not "conniving figure", "shooting that").
fn participle_clause(rest: &str) -> bool {
    let mut it = rest.split_whitespace();
    let w = it.next().unwrap_or("");
    let next = it.next().unwrap_or("");
    let next_lower = next.to_lowercase();
    let next_lower = next_lower.trim_matches(|c: char| !c.is_alphanumeric());
    let follows = matches!(
        next_lower,
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "its"
            | "their"
            | "at"
            | "more"
            | "up"
            | "out"
            | "in"
            | "on"
            | "to"
            | "with"
            | "him"
            | "them"
            | "it"
            | "some"
            | "all"
            | "dozens"
            | "hundreds"
            | "thousands"
            | "several"
            | "many"
            | "of"
            | "by"
            | "from"
            | "for"
            | "into"
            | "over"
            | "about"
            | "as"
            | "nearly"
            | "almost"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "off"
            | "down"
    ) || next.starts_with(|c: char| c.is_ascii_digit())
        || is_capitalised(next);
    // "records suggesting the statue belonged to a temple": a word in "-ed"
    // before "to" is as often the verb of a clause.
    let passive = w.ends_with("ed") && next_lower != "to";
    (passive || participle(w)) && follows
}

/// ", killing 30 people": a present participle opens a clause.
fn participle(rest: &str) -> bool {
    const NOUNS: &[&str] = &[
        "thing",
        "nothing",
        "something",
        "everything",
        "anything",
        "evening",
        "morning",
        "building",
        "spring",
        "string",
        "ring",
        "wing",
        "king",
        "meeting",
        "ceiling",
        "wedding",
        "funding",
        "shooting",
        "bombing",
        "hearing",
        "ruling",
        "warning",
        "training",
        "housing",
        "clothing",
        "feeling",
        "opening",
        "beginning",
    ];
    let w = rest.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    w.len() >= 5 && w.ends_with("ing") && w.starts_with(|c: char| c.is_lowercase()) && !NOUNS.contains(&w)
}

/// Where a draft with no usable comma may end: before " after …",
/// " because …", " while …" (the main clause comes first).
fn bare_cuts(s: &str, d: &Draft) -> Vec<(usize, Cut)> {
    const CUES: &[&str] = &[
        "after",
        "because",
        "while",
        "although",
        "despite",
        "amid",
        "following",
        "including",
        "according",
        "saying",
        "citing",
        "whereas",
        "before",
        "when",
        "as part of",
        "in order to",
        "prompting",
        "leaving",
    ];
    let body = &s[d.head..d.end];
    let nesting = Nesting::of(body);
    let mut out = Vec::new();
    for (a, _) in words(body) {
        if a == 0 || !body[..a].ends_with(' ') || nesting.at(a) {
            continue;
        }
        let rest = &body[a..];
        let hit = CUES.iter().any(|c| {
            starts_with_ci(rest, c)
                && rest[c.len()..].starts_with(' ')
                && rest.starts_with(|ch: char| ch.is_lowercase())
        });
        if hit {
            out.push((d.head + body[..a].trim_end().len(), Cut::Subordinate(d.head + a)));
        }
    }
    out
}

/// "After the storm hit the coast on Friday, the port closed …" → "The
/// port closed …".
fn drop_leading_clause(s: &str, d: &mut Draft) -> bool {
    const OPENERS: &[&str] = &[
        "after",
        "although",
        "though",
        "as",
        "while",
        "when",
        "despite",
        "since",
        "because",
        "if",
        "amid",
        "following",
        "with",
        "before",
        "until",
        "unlike",
        "in",
        "on",
        "at",
        "during",
        "by",
        "for",
        "from",
        "over",
        "under",
        "once",
        "whether",
        "speaking",
        "asked",
        "according",
    ];
    let body = &s[d.head..d.end];
    let first = body
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    if !OPENERS.contains(&first.as_str()) {
        return false;
    }
    // The comma after which the main clause starts with its subject: not
    // the comma of "June 27, 2025", nor of "a blood-soaked, gun-wielding
    // rant".
    let subject_follows = |c: usize| {
        let next = body[c + 1..]
            .split(|ch: char| !ch.is_alphanumeric())
            .find(|w| !w.is_empty())
            .unwrap_or("");
        let lower_next = next.to_lowercase();
        is_capitalised(next)
            || matches!(
                lower_next.as_str(),
                "the"
                    | "a"
                    | "an"
                    | "his"
                    | "her"
                    | "their"
                    | "its"
                    | "this"
                    | "these"
                    | "those"
                    | "he"
                    | "she"
                    | "they"
                    | "it"
                    | "we"
                    | "some"
                    | "many"
                    | "most"
                    | "several"
                    | "both"
                    | "no"
                    | "all"
            )
    };
    let Some(comma) = top_level_commas(body)
        .into_iter()
        .take_while(|&c| count_words(&body[..c]) <= 18)
        .filter(|&c| {
            subject_follows(c)
                && !body[c + 1..]
                    .trim_start()
                    .starts_with(|ch: char| ch.is_ascii_digit())
        })
        .last()
    else {
        return false;
    };
    if count_words(&body[comma..]) < MIN_CLAUSE_WORDS || !may_drop_clause(&body[..comma]) {
        return false;
    }
    d.head = skip_space(s, d.head + comma + 1);
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cx() -> Context {
        Context {
            opens_block: true,
            antecedent: None,
            english: true,
            unspaced: false,
            lede: false,
        }
    }

    /// A sentence and the fact it gives: the stage table. Every sentence is
    /// invented; each line shows one rule.
    #[test]
    fn tightening_table() {
        let cases: &[(&str, Option<&str>, &str)] = &[
            // Datelines go.
            (
                "(Coastal Wire) — The harbour in Port Ellis was closed on Friday after a storm.",
                None,
                "The harbour in Port Ellis was closed on Friday after a storm.",
            ),
            (
                "PORT ELLIS (Coastal Wire) - Two piers were damaged by the storm overnight.",
                None,
                "Two piers were damaged by the storm overnight.",
            ),
            // Leading connectives go; "Earlier in June" keeps its date.
            // … nor after a gerund that wants its object.
            // ("Two local brothers", not "The two brothers": that one leans
            // on the sentence before and is no fact outside the lede.)
            (
                "Two local brothers from the coast were accused of stealing diesel from the depot over the past \
                 four long and cold winters and dealing with several trusted local restaurant owners and their cooks.",
                None,
                // The cut would drop a time and a number: kept whole.
                "Two local brothers from the coast were accused of stealing diesel from the depot over the past \
                 four long and cold winters and dealing with several trusted local restaurant owners and their cooks.",
            ),
            // A long sentence is not cut inside a compound preposition
            // ("in connection | with …").
            (
                "On Tuesday, harbour police told reporters gathered outside the station that a local man was being \
                 questioned about two counts of arson in connection with the boatyard fires.",
                None,
                "On Tuesday, harbour police told reporters gathered outside the station that a local man was being \
                 questioned about two counts of arson.",
            ),
            (
                "However, the port authority reopened the north pier on Sunday.",
                None,
                "The port authority reopened the north pier on Sunday.",
            ),
            (
                "Earlier in June, the council approved new flood barriers for the harbour.",
                None,
                "In June, the council approved new flood barriers for the harbour.",
            ),
            (
                "It should be recalled that the last storm closed the harbour for 12 days.",
                None,
                "The last storm closed the harbour for 12 days.",
            ),
            // Attribution tails go; a quotation keeps its speaker.
            (
                "Repairs to the piers will take at least three weeks, harbour master Ana Ruiz added.",
                None,
                "Repairs to the piers will take at least three weeks, harbour master Ana Ruiz added.",
            ),
            (
                "The town will cover the first repairs itself, said Ana Ruiz, a spokeswoman for the port.",
                None,
                "The town will cover the first repairs itself, said Ana Ruiz, a spokeswoman for the port.",
            ),
            (
                "About 40 fishing boats were moved inland before the storm, according to the coast guard.",
                None,
                "About 40 fishing boats were moved inland before the storm, according to the coast guard.",
            ),
            (
                "“Two piers were lost in one night,” harbour master Ana Ruiz said on Saturday.",
                None,
                "“Two piers were lost in one night,” harbour master Ana Ruiz said on Saturday.",
            ),
            // Reported speech without its speaker.
            (
                "Ruiz said that the north pier would reopen to ferries by the end of the month.",
                None,
                "Ruiz said that the north pier would reopen to ferries by the end of the month.",
            ),
            (
                "Officials said the storm was the strongest to hit the coast since 1998.",
                None,
                "Officials said the storm was the strongest to hit the coast since 1998.",
            ),
            // Asides go: brackets, dashes, inner connectives and attributions.
            (
                "The north pier (built in 1911) lost most of its deck in the storm.",
                None,
                "The north pier lost most of its deck in the storm.",
            ),
            (
                "The storm — the third this winter — flooded 30 homes near the harbour.",
                None,
                "The storm flooded 30 homes near the harbour.",
            ),
            (
                "The ferry service, however, will resume on Monday with two boats.",
                None,
                "The ferry service will resume on Monday with two boats.",
            ),
            (
                "The harbour, officials said, will stay closed to cargo ships until May.",
                None,
                "The harbour, officials said, will stay closed to cargo ships until May.",
            ),
            // A long sentence ends at a clause boundary, never mid-phrase.
            (
                "A storm damaged two piers in Port Ellis on Friday, forcing the port authority to close the harbour to all traffic for what officials said could be several weeks.",
                None,
                "A storm damaged two piers in Port Ellis on Friday.",
            ),
            (
                "The port authority closed the harbour in Port Ellis to all ships on Friday after a storm with winds of more than 120 kilometres an hour damaged two of its piers.",
                None,
                "The port authority closed the harbour in Port Ellis to all ships on Friday after a storm with winds of more than 120 kilometres an hour damaged two of its piers.",
            ),
            (
                "The council approved 4 million euros for the repairs on Monday; the work on both piers is expected to start in April and to take most of the summer.",
                None,
                "The council approved 4 million euros for the repairs on Monday; the work on both piers is expected to start in April and to take most of the summer.",
            ),
            (
                "Ana Ruiz, who has run the harbour in Port Ellis for twelve years and oversaw its last renovation, said the damage was the worst she had seen.",
                None,
                "Ana Ruiz said the damage was the worst she had seen.",
            ),
            (
                "It's official: The harbour in Port Ellis will stay shut until the piers are rebuilt.",
                None,
                "The harbour in Port Ellis will stay shut until the piers are rebuilt.",
            ),
            // A leading pronoun becomes its person, or the sentence goes.
            (
                "He said the pier would be rebuilt with steel instead of wood.",
                Some("Ana Ruiz"),
                "Ana Ruiz said the pier would be rebuilt with steel instead of wood.",
            ),
            (
                "She ordered all boats out of the harbour before the storm arrived.",
                Some("Ana Ruiz"),
                "Ana Ruiz ordered all boats out of the harbour before the storm arrived.",
            ),
            (
                "Her office will publish a damage report for Port Ellis next week.",
                Some("Ana Ruiz"),
                "Ana Ruiz's office will publish a damage report for Port Ellis next week.",
            ),
            (
                "On Saturday, she toured the damaged piers with the mayor of Port Ellis.",
                Some("Ana Ruiz"),
                "On Saturday, Ana Ruiz toured the damaged piers with the mayor of Port Ellis.",
            ),
        ];
        let mut wrong = Vec::new();
        for (sentence, antecedent, want) in cases {
            let cx = Context {
                antecedent: antecedent.map(str::to_string),
                ..cx()
            };
            let got = tighten(sentence, &cx).map(|d| d.text);
            if got.as_deref() != Ok(*want) {
                wrong.push(format!("{sentence}\n  got  {got:?}\n  want {want:?}"));
            }
        }
        assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
    }

    /// A fact's kept ranges point into its sentence: the source span.
    #[test]
    fn kept_ranges_are_the_source() {
        let s = "However, the north pier (built in 1911) lost its deck, officials said.";
        let d = tighten(s, &cx()).expect("a fact");
        let kept: Vec<&str> = d.ranges().into_iter().map(|(a, b)| s[a..b].trim()).collect();
        // The opener and the aside go; the speaker stays.
        assert_eq!(kept, ["the north pier", "lost its deck, officials said."]);
        assert_eq!(d.text, "The north pier lost its deck, officials said.");
    }

    #[test]
    fn datelines() {
        let cases: &[(&str, &str)] = &[
            ("(CNN)Former officials met.", "Former officials met."),
            ("(CNN) -- Former officials met.", "Former officials met."),
            (
                "Baghdad, Iraq (CNN)Iraqi forces advanced.",
                "Iraqi forces advanced.",
            ),
            ("LONDON (Reuters) - Oil prices rose.", "Oil prices rose."),
            ("WASHINGTON — The Senate voted.", "The Senate voted."),
            ("The team (which won) said so.", "The team (which won) said so."),
            ("Prices rose (about 5%) in May.", "Prices rose (about 5%) in May."),
        ];
        for (s, want) in cases {
            assert_eq!(&s[dateline_end(s)..], *want, "{s}");
        }
    }

    #[test]
    fn skips() {
        let cases: &[(&str, Skip)] = &[
            (
                "Why did the bridge in Port Ellis collapse last week?",
                Skip::Question,
            ),
            (
                "Click here to read the full ruling from the court.",
                Skip::Boilerplate,
            ),
            (
                "It was the worst storm the harbour had seen in decades.",
                Skip::Pronoun,
            ),
            (
                "They were told to leave the harbour in Port Ellis by noon.",
                Skip::Pronoun,
            ),
            (
                "We asked the port authority in Port Ellis about the piers.",
                Skip::Pronoun,
            ),
            (
                "The storm that hit Port Ellis is closer than you think.",
                Skip::Voice,
            ),
            (
                "“Every pier in Port Ellis will be rebuilt by spring.”",
                Skip::Quote,
            ),
            ("The mayor spoke.", Skip::TooShort),
            // Every cut under the limit would keep only the opening
            // "When …" clause (its commas bound an aside, not the clause):
            // no fact rather than a clause without its main verb.
            (
                "When Lena Okafor, a nurse at the small county clinic in the hills, first asked the board in 2019 \
                 to pay for what the night shift needed to keep its patients safe, the board refused her request.",
                Skip::TooLong,
            ),
        ];
        for (s, want) in cases {
            assert_eq!(tighten(s, &cx()).map(|d| d.text), Err(*want), "{s}");
        }
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "[a-zA-Z0-9 ,;:.()\\[\\]\"“”‘’'—–\\-?!é中]{0,80}") {
            for opens_block in [false, true] {
                let cx = Context { opens_block, antecedent: Some("Ana Ruiz".into()), english: true, unspaced: false, lede: false };
                if let Ok(d) = tighten(&s, &cx) {
                    assert!(d.words <= MAX_WORDS);
                    assert!(d.head <= d.end && d.end <= s.len());
                }
            }
        }

        /// The byte scan finds the commas a character-by-character scan
        /// does.
        #[test]
        fn top_level_commas_as_read_char_by_char(s in "[ab1 ,()\\[\\]\"“”’—é]{0,40}") {
            let nested = super::super::text::nested_char_by_char(&s);
            let want: Vec<usize> = s
                .char_indices()
                .filter(|&(i, c)| {
                    // Not the comma of "20,000".
                    let digits = || {
                        s[..i].ends_with(|c: char| c.is_ascii_digit())
                            && s[i + 1..].starts_with(|c: char| c.is_ascii_digit())
                    };
                    c == ',' && !nested[i] && !digits()
                })
                .map(|(i, _)| i)
                .collect();
            proptest::prop_assert_eq!(top_level_commas(&s), want);
        }

        #[test]
        fn never_panics_on_words(
            ws in proptest::collection::vec("(He|She|However,|said|that|,|, which|;|“|”|\\(|\\)|—|The|port|Ana|Ruiz|closed|who|and|but|according|to|\\.|CNN|\\(CNN\\)|-)", 0..40)
        ) {
            let s = ws.join(" ");
            let cx = Context { opens_block: true, antecedent: None, english: true, unspaced: false, lede: false };
            let _ = tighten(&s, &cx);
        }
    }
}
