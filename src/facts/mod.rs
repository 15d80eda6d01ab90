//! Stage 6, facts: [`Sentences`] + [`Entities`] → [`Facts`]: a few short,
//! self-contained statements, each traceable to its source span.
//!
//! The recipe:
//!
//! 1. the body sentences are ranked by what can be known cheaply (position,
//!    centrality among the article's sentences, likeness to the title);
//! 2. in that order, sentences are tightened into draft facts
//!    ([`tighten`]) until there are enough: dateline, openers, asides and
//!    attribution dropped, cut at a clause boundary when too long, a subject
//!    pronoun replaced by its person or the sentence skipped; the clause
//!    after a split may stand alone as a draft of its own;
//! 3. each draft is scored ([`score`]): position, names, numbers and dates,
//!    entities, centrality, quotations, reported speech;
//! 4. the lede's draft is taken first (the article's main event: the first
//!    usable one of the first [`LEDE_LINES`] sentences that names someone
//!    or something or has a number or a date, not a scene), then the best
//!    drafts, one per sentence, each next one scored down by its likeness
//!    to those already taken;
//! 5. they are put back in article order after the lede's, with their
//!    source spans and the entities they mention.
//!
//! The title is never a fact (it is not a sentence); it guides the score.
//! Everything is linear in the article's length: a paste with more than
//! [`MAX_LINES`] sentences is read up to there, and only the most promising
//! sentences are tightened.

mod safe;
mod score;
mod text;
mod tighten;

use std::borrow::Cow;

use crate::entities::Entities;
use crate::sentences::{Origin, Sentences};
use score::{Centroid, Features};
use tighten::{Context, Cut, Draft};

/// One fact.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Fact {
    pub text: String,
    /// Input byte span of the source sentence(s).
    pub start: usize,
    pub end: usize,
    /// Names of the entities it mentions.
    pub entities: Vec<String>,
}

/// The facts of an article, in article order.
#[derive(Clone, Debug, Default)]
pub(crate) struct Facts {
    pub items: Vec<Fact>,
}

/// Body sentences read at most.
const MAX_LINES: usize = 2000;

/// Picks at most `max_facts` facts.
pub(crate) fn pick(sentences: &Sentences, entities: &Entities, max_facts: usize) -> Facts {
    if max_facts == 0 {
        return Facts::default();
    }
    let article = Article::new(sentences, entities);
    let context = article.context();
    let count = fact_count(&article, max_facts);
    let order = article.reading_order(&context);
    let mut candidates = article.drafts(&order, 2 * count + 2);
    article.score(&context, &mut candidates);
    let mut chosen = select(candidates, count, article.lede_lines());
    if article.english {
        article.introduce_roles(&mut chosen);
    }
    Facts {
        items: chosen.iter().map(|c| article.fact(c)).collect(),
    }
}

/// A body sentence.
struct Line {
    /// Index of the kept paragraph.
    block: usize,
    /// Byte span in the paragraph's text.
    start: usize,
    end: usize,
}

/// A draft fact from (part of) a body sentence.
struct Candidate {
    /// Index into [`Article::lines`].
    line: usize,
    /// Byte offset of the tightened part in the sentence.
    offset: usize,
    draft: Draft,
    /// The entity a resolved pronoun stood for.
    subject_entity: Option<usize>,
    terms: Vec<String>,
    stems: Vec<String>,
    score: f32,
    /// It names no one and nothing, and has no number and no date: a
    /// scene or a teaser when it opens the article.
    plain: bool,
}

/// What scoring needs of the whole article.
struct ScoreContext<'a> {
    /// The content terms of each body sentence.
    line_terms: Vec<Vec<Cow<'a, str>>>,
    centroid: Centroid<'a>,
    /// Words the article capitalises inside sentences.
    names: crate::words::FastSet<&'a str>,
    title: Vec<String>,
}

/// What the stage reads of the article.
struct Article<'a> {
    sentences: &'a Sentences,
    entities: &'a Entities,
    lines: Vec<Line>,
    /// Every entity mention: input byte span and entity index, by start.
    mentions: Vec<(usize, usize, usize)>,
    /// Input byte where each line starts.
    line_starts: Vec<usize>,
    english: bool,
    unspaced: bool,
}

impl<'a> Article<'a> {
    fn new(sentences: &'a Sentences, entities: &'a Entities) -> Article<'a> {
        let lines = sentences
            .items
            .iter()
            .filter_map(|s| match s.origin {
                Origin::Paragraph(block) => Some(Line {
                    block,
                    start: s.start,
                    end: s.end,
                }),
                _ => None,
            })
            .take(MAX_LINES)
            .collect();
        let mut mentions: Vec<(usize, usize, usize)> = entities
            .items
            .iter()
            .enumerate()
            .flat_map(|(i, e)| e.mentions.iter().map(move |&(s, t)| (s, t, i)))
            .collect();
        mentions.sort_unstable();
        let lang = sentences.lang();
        let mut article = Article {
            sentences,
            entities,
            lines,
            mentions,
            line_starts: Vec::new(),
            english: lang.code == "en",
            unspaced: lang.unspaced(),
        };
        article.line_starts = article.lines.iter().map(|l| article.to_src(l, 0, 0).0).collect();
        article
    }

    fn text(&self, line: &Line) -> &'a str {
        self.sentences
            .block_text(Origin::Paragraph(line.block))
            .get(line.start..line.end)
            .unwrap_or("")
    }

    /// Input byte span of a byte range of a line's text.
    fn to_src(&self, line: &Line, a: usize, b: usize) -> (usize, usize) {
        match self.sentences.block(Origin::Paragraph(line.block)) {
            Some(block) => (
                block.map.to_src(line.start + a),
                block.map.end_to_src(line.start + b),
            ),
            None => (0, 0),
        }
    }

    /// Entities mentioned inside an input byte span.
    fn entities_in(&self, (a, b): (usize, usize)) -> impl Iterator<Item = usize> + '_ {
        let from = self.mentions.partition_point(|m| m.0 < a);
        self.mentions[from..]
            .iter()
            .take_while(move |m| m.0 < b)
            .filter(move |m| m.1 <= b)
            .map(|m| m.2)
    }

    /// What scoring needs of the whole article.
    fn context(&self) -> ScoreContext<'a> {
        let lang = self.sentences.lang();
        let line_words: Vec<Vec<(usize, usize)>> =
            self.lines.iter().map(|l| text::words(self.text(l))).collect();
        let line_terms: Vec<Vec<Cow<'a, str>>> = self
            .lines
            .iter()
            .zip(&line_words)
            .map(|(l, ws)| score::terms_of_words(self.text(l), ws, lang))
            .collect();
        let centroid = Centroid::new(&line_terms);
        let names = score::known_names(
            self.lines
                .iter()
                .zip(&line_words)
                .map(|(l, ws)| (self.text(l), ws.as_slice())),
        );
        let title: Vec<String> = self
            .sentences
            .cleaned
            .meta
            .title
            .as_ref()
            .map(|t| score::terms(&t.text, lang))
            .unwrap_or_default();
        ScoreContext {
            line_terms,
            centroid,
            names,
            title,
        }
    }

    /// The features a sentence has before it is tightened.
    fn line_features(&self, cx: &ScoreContext, i: usize, text: &str, terms: &[String]) -> Features {
        let n = self.lines.len().max(1) as f32;
        let mut f = Features {
            lead: 1.0 / (1.0 + i as f32),
            depth: i as f32 / n,
            ..Features::default()
        };
        score::text_features(text, &cx.names, &mut f);
        let s = self.lines.get(i).map_or("", |l| self.text(l));
        f.opens_quote = f32::from(u8::from(s.starts_with(text::is_open_quote)));
        (f.centrality, f.recurrence) = cx.centroid.centrality_and_recurrence(terms);
        if !cx.title.is_empty() {
            f.title = cx.centroid.cosine(terms, &cx.title);
        }
        f
    }

    /// Body sentences, most promising first: tightening, the costly step,
    /// runs on them in this order and stops once there are enough drafts.
    fn reading_order(&self, cx: &ScoreContext) -> Vec<usize> {
        let mut order: Vec<(usize, f32)> = (0..self.lines.len())
            .map(|i| {
                // Position and centrality only: the cheap part of the score.
                let n = self.lines.len().max(1) as f32;
                let terms = &cx.line_terms[i];
                // An outcome (a death, an arrest, a verdict) is read early
                // too: the full score weighs it, so its draft must exist.
                let outcomes = &text::lists().outcomes;
                let mut f = Features {
                    lead: 1.0 / (1.0 + i as f32),
                    depth: i as f32 / n,
                    outcome: f32::from(u8::from(terms.iter().any(|t| outcomes.contains(t.as_ref())))),
                    ..Features::default()
                };
                (f.centrality, f.recurrence) = cx.centroid.centrality_and_recurrence(terms);
                if !cx.title.is_empty() {
                    f.title = cx.centroid.cosine(terms, &cx.title);
                }
                (i, f.score())
            })
            .collect();
        order.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        // The lede first, whatever its score: the lead event must be read.
        let lede = self.lede_lines();
        (0..lede)
            .chain(order.into_iter().map(|(i, _)| i).filter(|&i| i >= lede))
            .collect()
    }

    /// Tightens body sentences, in `order`, into at least `enough` draft
    /// facts (when there are so many).
    fn drafts(&self, order: &[usize], enough: usize) -> Vec<Candidate> {
        let mut out = Vec::new();
        // Worked out once an article, not once a draft: a big paste has
        // thousands of drafts and of people.
        let people = self.people_keys();
        let genders = if people.iter().any(|(_, p)| self.shared(p)) {
            self.genders()
        } else {
            Vec::new()
        };
        for &i in order {
            if out.len() >= enough {
                break;
            }
            let line = &self.lines[i];
            let s = self.text(line);
            if s.len() > tighten::MAX_SENTENCE_BYTES {
                continue;
            }
            let opens_block = line.start == 0;
            let (antecedent, subject_entity) = if self.english && opens_with_person_pronoun(s) {
                self.antecedent(i)
            } else {
                (None, None)
            };
            let cx = Context {
                opens_block,
                lede: i < self.lede_lines(),
                antecedent,
                english: self.english,
                unspaced: self.unspaced,
            };
            let draft = match tighten::tighten(s, &cx) {
                Ok(d) => {
                    let Some(mut d) = self.introduce_people(d, i, &people, &genders) else {
                        continue;
                    };
                    if d.refers.is_none() && self.english {
                        d.refers = self.definite_reference(i, &d.text);
                    }
                    d
                }
                Err(_e) => {
                    continue;
                }
            };
            let rest = match draft.cut {
                Some(Cut::Coordinate(at) | Cut::Subordinate(at)) => Some(at),
                _ => None,
            };
            out.push(self.candidate(i, 0, draft, subject_entity));
            // The clause after "; ", ", but" or " after" may stand alone.
            // Not when what comes before holds its speaker, a condition or
            // a contrast ("Police said …, and …"; "…, but …").
            let rest = rest
                .and_then(|at| standalone_rest(s, at))
                .filter(|&from| safe::may_drop_before(&s[..from]));
            if let Some(from) = rest {
                let cx = Context {
                    opens_block: false,
                    lede: false,
                    antecedent: None,
                    ..cx
                };
                if let Ok(draft) = tighten::tighten(&s[from..], &cx) {
                    out.push(self.candidate(i, from, draft, None));
                }
            }
        }
        out
    }

    fn candidate(
        &self,
        line: usize,
        offset: usize,
        draft: Draft,
        subject_entity: Option<usize>,
    ) -> Candidate {
        let terms = score::terms(&draft.text, self.sentences.lang());
        Candidate {
            line,
            offset,
            draft,
            subject_entity,
            stems: stems(&terms),
            terms,
            score: 0.0,
            plain: false,
        }
    }

    /// The person a leading "he"/"she" of line `i` stands for: the one
    /// person named in the nearest sentence before it that names any.
    fn antecedent(&self, i: usize) -> (Option<String>, Option<usize>) {
        let person = |e: usize| self.entities.items.get(e).is_some_and(|e| e.kind == "person");
        let has_people = self.entities.items.iter().any(|e| e.kind == "person");
        for j in (i.saturating_sub(2)..i).rev() {
            let line = &self.lines[j];
            if has_people {
                // The subject of the sentence before: a person named in its
                // first words.
                let text = self.text(line);
                let head_end = text::words(text).get(5).map_or(text.len(), |w| w.1);
                let people = |end: usize| {
                    let mut p: Vec<usize> = self
                        .entities_in(self.to_src(line, 0, end))
                        .filter(|&e| person(e))
                        .collect();
                    p.sort_unstable();
                    p.dedup();
                    p
                };
                match (people(text.len()).as_slice(), people(head_end).as_slice()) {
                    ([], _) => continue,
                    ([one], [subject]) if one == subject => {
                        return (self.entities.items.get(*one).map(|e| e.name.clone()), Some(*one))
                    }
                    _ => return (None, None),
                }
            }
            let text = self.text(line);
            let head_end = text::words(text).get(5).map_or(text.len(), |w| w.1);
            match (
                name_runs(text).as_slice(),
                name_runs(&text[..head_end]).as_slice(),
            ) {
                ([], _) => continue,
                ([one], [subject]) if one == subject => return (Some(one.clone()), None),
                _ => return (None, None),
            }
        }
        (None, None)
    }

    /// The noun of a definite description opening a fact of line `i`
    /// that points back to an earlier sentence ("The actor …", "The
    /// 23-year-old …" after "actor" or "a 23-year-old" was written before):
    /// the list must name it in an earlier fact, or the fact is not used.
    fn definite_reference(&self, i: usize, fact: &str) -> Option<String> {
        let ws = text::words(fact);
        let (&(a, b), &(c, d)) = (ws.first()?, ws.get(1)?);
        let noun = &fact[c..d];
        if &fact[a..b] != "The" || !fact[b..c].chars().all(|ch| ch == ' ') {
            return None;
        }
        if !noun.starts_with(|ch: char| ch.is_lowercase() || ch.is_ascii_digit()) {
            return None;
        }
        let said_before = self.lines[..i.min(self.lines.len())].iter().any(|l| {
            let t = self.text(l);
            text::words(t)
                .into_iter()
                .any(|(x, y)| t[x..y].eq_ignore_ascii_case(noun))
        });
        said_before.then(|| noun.to_string())
    }

    /// Body lines that may state the lead event: the first
    /// [`LEDE_LINES`] of the first paragraph that has any.
    fn lede_lines(&self) -> usize {
        LEDE_LINES.min(self.lines.len())
    }

    /// A person named by surname alone ("Shvydkoy noted") is named in
    /// full ("Mikhail Shvydkoy noted"), as the article last named them in
    /// full before line `line`. A surname two people share is written out
    /// only when the evidence is clear: one of them alone is named in full
    /// in the sentence before and agrees with the fact's own "he"/"she",
    /// or that pronoun fits one of them alone ([`Article::genders`]); else
    /// it stays bare, and a fact whose clause opens with it is not used
    /// (`None`).
    /// A surname whose one person is named only later is written out.
    /// `keys`: [`Article::people_keys`]; `genders`: [`Article::genders`].
    fn introduce_people(
        &self,
        mut d: Draft,
        line: usize,
        keys: &[(&'a str, Vec<usize>)],
        genders: &[Option<Gender>],
    ) -> Option<Draft> {
        let here = self.line_starts.get(line).copied().unwrap_or(usize::MAX);
        for (key, people) in keys {
            let Some(at) = bare_word(&d.text, key) else {
                continue;
            };
            let gender = text_gender(&d.text[at + key.len()..]);
            let Some(full) = self.nearest_full_name(key, people, here, gender, genders) else {
                // The surname opens the fact or its clause ("In May, Okafor …").
                let clause = tighten::clause_start(&d.text).min(at);
                if self.shared(people) && d.text[clause..at].chars().all(|c| !c.is_alphanumeric()) {
                    return None;
                }
                continue;
            };
            if d.text.contains(full) {
                continue;
            }
            let longer = format!("{}{}{}", &d.text[..at], full, &d.text[at + key.len()..]);
            if text::count_words(&longer) <= tighten::HARD_MAX_WORDS {
                d.text = longer;
            }
        }
        Some(d)
    }

    /// Whether `people` are two or more persons: not one person named in
    /// full in two ways ("Lena Okafor", "Lena M. Okafor").
    fn shared(&self, people: &[usize]) -> bool {
        let first = |p: &usize| self.entities.items.get(*p).and_then(|e| e.name.split(' ').next());
        people
            .iter()
            .map(first)
            .any(|f| f != people.first().and_then(first))
    }

    /// The gender the article's own pronouns give each person (by entity):
    /// the "he"/"his"/"him" or "she"/"her" after the person's name in a
    /// sentence that names no other person, and a "He"/"She" opening the
    /// next sentence; known when one side outweighs the other two to one.
    fn genders(&self) -> Vec<Option<Gender>> {
        let items = &self.entities.items;
        let mut votes = vec![(0u32, 0u32); items.len()];
        let mut vote = |p: usize, g: Gender| {
            if let Some(v) = votes.get_mut(p) {
                match g {
                    Gender::He => v.0 += 1,
                    Gender::She => v.1 += 1,
                }
            }
        };
        for (j, line) in self.lines.iter().enumerate() {
            let text = self.text(line);
            let mut people: Vec<usize> = self
                .entities_in(self.to_src(line, 0, text.len()))
                .filter(|&e| items.get(e).is_some_and(|e| e.kind == "person"))
                .collect();
            people.sort_unstable();
            people.dedup();
            let [one] = people.as_slice() else {
                continue;
            };
            let Some(e) = items.get(*one) else { continue };
            let surname = e.name.rsplit(' ').next().unwrap_or("");
            let Some(from) = text.find(surname).filter(|_| !surname.is_empty()) else {
                continue;
            };
            let after = &text[from..];
            for (a, b) in text::words(after) {
                if let Some(g) = pronoun_gender(&after[a..b]) {
                    vote(*one, g);
                }
            }
            if let Some(next) = self.lines.get(j + 1).map(|l| self.text(l)) {
                if let Some(&(a, b)) = text::words(next).first() {
                    match &next[a..b] {
                        "He" => vote(*one, Gender::He),
                        "She" => vote(*one, Gender::She),
                        _ => {}
                    }
                }
            }
        }
        votes
            .into_iter()
            .map(|(he, she)| {
                if he > 2 * she {
                    Some(Gender::He)
                } else if she > 2 * he {
                    Some(Gender::She)
                } else {
                    None
                }
            })
            .collect()
    }

    /// The words a fact may name a person by alone, each with the people
    /// it may stand for: the last word of a person's full name and its
    /// one-word aliases ("Lindqvist", "Sofia"); a one-word person's name
    /// ending a longer name the tagger took for something else than a
    /// place ("Lindqvist", "Sofia Lindqvist"). Not a word that also names
    /// a place ("Paris").
    fn people_keys(&self) -> Vec<(&'a str, Vec<usize>)> {
        let items = &self.entities.items;
        let full = |name: &str| name.contains(' ') && name.split(' ').all(text::is_capitalised);
        let last = |name: &'a str| name.rsplit(' ').next().unwrap_or("");
        let mut pairs: Vec<(&'a str, usize)> = Vec::new();
        // The full names that are not places, by their last word: found by
        // a binary search instead of a scan of every item per one-word person.
        let mut by_last: Vec<(&'a str, usize)> = items
            .iter()
            .enumerate()
            .filter(|(_, o)| full(&o.name) && o.kind != "place")
            .map(|(j, o)| (last(&o.name), j))
            .collect();
        by_last.sort_unstable();
        for (i, e) in items.iter().enumerate() {
            if e.kind == "person" && full(&e.name) {
                pairs.push((last(&e.name), i));
                for alias in e.aliases.iter().filter(|a| !a.contains(' ')) {
                    pairs.push((alias.as_str(), i));
                }
            } else if e.kind == "person" && !e.name.contains(' ') {
                let from = by_last.partition_point(|p| p.0 < e.name.as_str());
                for &(_, j) in by_last[from..].iter().take_while(|p| p.0 == e.name) {
                    pairs.push((e.name.as_str(), j));
                }
            }
        }
        let mut places: Vec<&str> = items
            .iter()
            .filter(|e| e.kind == "place")
            .flat_map(|e| std::iter::once(e.name.as_str()).chain(e.aliases.iter().map(String::as_str)))
            .collect();
        places.sort_unstable();
        pairs.retain(|&(w, _)| text::is_capitalised(w) && places.binary_search(&w).is_err());
        pairs.sort_unstable();
        pairs.dedup();
        let mut out: Vec<(&'a str, Vec<usize>)> = Vec::new();
        for (w, i) in pairs {
            match out.last_mut() {
                Some((k, v)) if *k == w => v.push(i),
                _ => out.push((w, vec![i])),
            }
        }
        out
    }

    /// The full name, as written there, of the one of `people` named in
    /// full nearest before input byte `here`, within the [`NEAR_LINES`]
    /// sentences before it; else the name of the only one, or of the one
    /// the article names most often. Of people who share the surname
    /// ([`Article::shared`]): the one of them alone named in full in the
    /// sentence before, when `gender` (the fact's pronouns after the
    /// surname) does not contradict theirs; else the one alone whose
    /// known gender is `gender` while the others' is the other; else none.
    fn nearest_full_name(
        &self,
        key: &str,
        people: &[usize],
        here: usize,
        gender: Option<Gender>,
        genders: &[Option<Gender>],
    ) -> Option<&'a str> {
        let items = &self.entities.items;
        let this_line = self.line_starts.partition_point(|&l| l <= here);
        let shared = self.shared(people);
        let fits = |p: usize| match (gender, genders.get(p).copied().flatten()) {
            (Some(f), Some(g)) => f == g,
            _ => true,
        };
        // (line, start, end, entity) of the full mentions before `here`.
        let mut best: Option<(usize, usize, usize, usize)> = None;
        // The people named in full within reach.
        let mut near: Vec<usize> = Vec::new();
        for &p in people {
            let Some(e) = items.get(p) else { continue };
            for &(s, t) in e
                .mentions
                .iter()
                .filter(|m| m.0 < here && m.1.saturating_sub(m.0) > key.len() + 1)
            {
                let line = self.line_starts.partition_point(|&l| l <= s);
                let better = best.is_none_or(|(bl, bs, _, _)| line > bl || line == bl && s < bs);
                if line + NEAR_LINES >= this_line {
                    near.push(p);
                    if better {
                        best = Some((line, s, t, p));
                    }
                }
            }
        }
        near.sort_unstable();
        near.dedup();
        if shared {
            if let (Some((_, s, t, p)), [_]) = (best, near.as_slice()) {
                if fits(p) {
                    return self.name_as_written(p, key, t.saturating_sub(s));
                }
            }
            let of = |g: Gender| {
                people
                    .iter()
                    .filter(|&&p| genders.get(p).copied().flatten() == Some(g))
                    .count()
            };
            return match gender {
                Some(g) if of(g) == 1 && of(g.other()) == people.len() - 1 => {
                    let p = *people
                        .iter()
                        .find(|&&p| genders.get(p).copied().flatten() == Some(g))?;
                    let name = items.get(p).map(|e| e.name.as_str())?;
                    Some(name).filter(|n| n.contains(' ') && (n.ends_with(key) || n.starts_with(key)))
                }
                _ => None,
            };
        }
        let Some((_, s, t, p)) = best else {
            let mut counts: Vec<(usize, usize)> = people
                .iter()
                .filter_map(|&p| items.get(p).map(|e| (e.count, p)))
                .collect();
            counts.sort_unstable_by(|a, b| b.cmp(a));
            let of_key = |n: &&str| n.ends_with(key) || n.starts_with(key);
            return match counts.as_slice() {
                [(_, one)] => items.get(*one).map(|e| e.name.as_str()).filter(of_key),
                [(a, one), (b, _), ..] if a > b => items.get(*one).map(|e| e.name.as_str()).filter(of_key),
                _ => None,
            };
        };
        self.name_as_written(p, key, t.saturating_sub(s))
    }

    /// The name of person `p` ending or opening with `key` as long as a
    /// mention of `len` bytes: the name as the article wrote it there
    /// ("Conrad Hilton", not a fuller name given later); a name that does
    /// not end or open with the word is no name of it.
    fn name_as_written(&self, p: usize, key: &str, len: usize) -> Option<&'a str> {
        let e = self.entities.items.get(p)?;
        let of_key = |n: &&String| n.contains(' ') && (n.ends_with(key) || n.starts_with(key));
        std::iter::once(&e.name)
            .chain(&e.aliases)
            .filter(of_key)
            .find(|n| n.len() == len)
            .or_else(|| Some(&e.name).filter(of_key))
            .map(String::as_str)
    }

    /// The first fact of the list that names a person gives the role the
    /// article gives them where it first names them in full, when that is
    /// a short appositive ("Lena Okafor, the harbour chief of Port Ellis,")
    /// and the fact has none: a name alone means nothing to the reader.
    fn introduce_roles(&self, chosen: &mut [Candidate]) {
        let mut named: Vec<&str> = Vec::new();
        for c in chosen.iter_mut() {
            for e in self.entities.items.iter().filter(|e| e.kind == "person") {
                let full = std::iter::once(&e.name)
                    .chain(&e.aliases)
                    .filter(|n| n.contains(' '))
                    .find(|n| c.draft.text.contains(n.as_str()));
                let Some(full) = full else { continue };
                if named.contains(&e.name.as_str()) {
                    continue;
                }
                named.push(e.name.as_str());
                let Some(at) = c.draft.text.find(full.as_str()) else {
                    continue;
                };
                let end = at + full.len();
                // Only a name the sentence goes on from with a space: not
                // "Okafor's", "Okafor, 44,", "Okafor:".
                if !c.draft.text[end..].starts_with(' ') {
                    continue;
                }
                // Not a name given a role before it ("harbour chief Lena Okafor").
                let before = c.draft.text[..at].trim_end();
                let prev = before.rsplit(' ').next().unwrap_or("");
                if prev.starts_with(char::is_lowercase) && !prev.is_empty() && !is_function_word(prev) {
                    continue;
                }
                let Some(role) = self.role_of(full) else { continue };
                let longer = format!("{}, {},{}", &c.draft.text[..end], role, &c.draft.text[end..]);
                if text::count_words(&longer) <= tighten::HARD_MAX_WORDS {
                    c.draft.text = longer;
                }
            }
        }
    }

    /// The short appositive after the first full mention of `name` in
    /// the body: "a spokeswoman for the port", "the harbour chief of Port
    /// Ellis"; two to eight words, no verb, no quote, no number alone.
    fn role_of(&self, name: &str) -> Option<&'a str> {
        for line in &self.lines {
            let t = self.text(line);
            let Some(at) = t.find(name) else { continue };
            let rest = t[at + name.len()..].strip_prefix(", ")?;
            let role = &rest[..rest.find(',')?];
            let ws = text::words(role);
            let first = ws.first().map(|&(a, b)| &role[a..b])?;
            let ok = (2..=8).contains(&ws.len())
                && first.starts_with(char::is_lowercase)
                && !matches!(
                    first,
                    "who" | "whom" | "whose" | "which" | "where" | "when" | "that" | "according"
                )
                && !role.contains(['"', '“', '”', '(', ')', ';', ':'])
                && !tighten::has_verb(role)
                && !safe::attributes(role);
            return ok.then_some(role);
        }
        None
    }

    /// Scores every candidate.
    fn score(&self, cx: &ScoreContext, candidates: &mut [Candidate]) {
        for c in candidates.iter_mut() {
            let mut f = self.line_features(cx, c.line, &c.draft.text, &c.terms);
            let ents = self.candidate_entities(c);
            f.entities = ents.len().min(4) as f32 / 4.0;
            f.salience = ents
                .iter()
                .filter_map(|&e| self.entities.items.get(e))
                .map(|e| e.salience)
                .sum::<f32>()
                .min(1.0);
            f.resolved = f32::from(u8::from(c.draft.subject.is_some()));
            f.clause = f32::from(u8::from(c.draft.cut.is_some()));
            f.trim = f32::from(u8::from(c.draft.cut == Some(Cut::Trim)));
            f.rest = f32::from(u8::from(c.offset > 0));
            c.score = f.score();
            c.plain = f.plain > 0.5;
        }
    }

    /// Input byte spans the fact keeps of its sentence.
    fn kept_spans(&self, c: &Candidate) -> Vec<(usize, usize)> {
        let line = &self.lines[c.line];
        let s = self.text(line);
        let part = &s[c.offset..];
        c.draft
            .ranges()
            .into_iter()
            .filter_map(|(a, b)| {
                let piece = &part[a..b];
                let lead = piece.len() - piece.trim_start().len();
                let trimmed = piece.trim();
                (!trimmed.is_empty()).then(|| {
                    let (a, b) = (c.offset + a + lead, c.offset + a + lead + trimmed.len());
                    self.to_src(line, a, b)
                })
            })
            .collect()
    }

    /// The entities a fact mentions, in order of first mention.
    fn candidate_entities(&self, c: &Candidate) -> Vec<usize> {
        let mut out: Vec<usize> = c.subject_entity.into_iter().collect();
        for span in self.kept_spans(c) {
            for e in self.entities_in(span) {
                if !out.contains(&e) {
                    out.push(e);
                }
            }
        }
        out
    }

    /// The fact, its span the whole source sentence: what a cut left out
    /// can be seen beside it.
    fn fact(&self, c: &Candidate) -> Fact {
        let line = &self.lines[c.line];
        let s = self.text(line);
        let lead = s.len() - s.trim_start().len();
        let (start, end) = self.to_src(line, lead, s.trim_end().len().max(lead));
        Fact {
            text: c.draft.text.clone(),
            start,
            end,
            entities: self
                .candidate_entities(c)
                .into_iter()
                .filter_map(|e| self.entities.items.get(e).map(|e| e.name.clone()))
                .collect(),
        }
    }
}

/// Where the clause after a cut starts, when it can stand alone: after
/// "; ", ", but", " after", " because" comes a subject and a verb
/// ("… issued an apology after one of its diplomats was caught …").
fn standalone_rest(s: &str, at: usize) -> Option<usize> {
    const JOINERS: &[&str] = &[
        "but", "and", "after", "because", "as", "while", "when", "although", "though", "since", "before",
        "until", "whereas", "so", "yet",
    ];
    let rest = s.get(at..)?;
    let skip = rest.len()
        - rest
            .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '—' | '–' | '-'))
            .len();
    let mut from = at + skip;
    let first = s[from..]
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    if JOINERS.contains(&first.to_lowercase().as_str()) && !first.starts_with(char::is_uppercase) {
        from += first.len();
        from += s[from..].len() - s[from..].trim_start().len();
    } else if !first.starts_with(char::is_uppercase) {
        // ", which …", ", saying …": no subject of its own.
        return None;
    }
    let clause = &s[from..];
    let subject = clause
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    let no_subject = subject.ends_with("ing")
        || matches!(
            subject.as_str(),
            "to" | "of" | "in" | "on" | "at" | "for" | "with" | "by" | "from" | "which" | "who" | "that"
        );
    (!no_subject && tighten::has_verb(clause)).then_some(from)
}

/// Articles, prepositions and conjunctions: a lower-case word before a
/// name that is not a role ("with Lena Okafor").
fn is_function_word(w: &str) -> bool {
    crate::lang::Lang::is_english_stopword(w)
}

/// Where `name` stands alone in `text` as a word: not inside a longer
/// word, not after another capitalised word (a first name), not before
/// one (a surname).
fn bare_word(text: &str, name: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(off) = text[from..].find(name) {
        let at = from + off;
        let end = at + name.len();
        let before = text[..at].chars().next_back();
        let after = text[end..].chars().next();
        let whole = !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric);
        let prev_word = text[..at]
            .trim_end()
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        let first_name = text[..at].ends_with(' ') && text::is_capitalised(prev_word);
        // A first name whose surname follows ("Conrad Hilton").
        let next_word = text[end..]
            .strip_prefix(' ')
            .and_then(|r| r.split(|c: char| !c.is_alphanumeric()).next())
            .unwrap_or("");
        let surname_follows = text::is_capitalised(next_word);
        if whole && !first_name && !surname_follows {
            return Some(at);
        }
        from = end;
    }
    None
}

/// Whom a person pronoun speaks of.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Gender {
    He,
    She,
}

impl Gender {
    fn other(self) -> Gender {
        match self {
            Gender::He => Gender::She,
            Gender::She => Gender::He,
        }
    }
}

/// The gender of "he", "him", "his", "himself", "she", "her", "hers", "herself".
fn pronoun_gender(w: &str) -> Option<Gender> {
    match w.to_ascii_lowercase().as_str() {
        "he" | "him" | "his" | "himself" => Some(Gender::He),
        "she" | "her" | "hers" | "herself" => Some(Gender::She),
        _ => None,
    }
}

/// The gender of a text's person pronouns, when they all agree.
fn text_gender(s: &str) -> Option<Gender> {
    let mut found = None;
    for (a, b) in text::words(s) {
        match (pronoun_gender(&s[a..b]), found) {
            (None, _) => {}
            (Some(g), None) => found = Some(g),
            (Some(g), Some(f)) if g != f => return None,
            _ => {}
        }
    }
    found
}

/// Whether a sentence may open with "he", "she", "his" or "her" once its
/// openers are dropped (a cheap test before looking for the antecedent).
fn opens_with_person_pronoun(s: &str) -> bool {
    text::words(s).into_iter().take(8).any(|(a, b)| {
        matches!(
            &s[a..b],
            "He" | "She" | "His" | "Her" | "he" | "she" | "his" | "her"
        )
    })
}

/// Person-like names of a sentence when no entities are known: runs of two
/// to four capitalised words that are not organisations or places, or a
/// single capitalised word before a speech verb ("Peskov clarified").
fn name_runs(s: &str) -> Vec<String> {
    const NOT_PERSON: &[&str] = &[
        "Ministry",
        "Department",
        "University",
        "Police",
        "Court",
        "Council",
        "Party",
        "Army",
        "Forces",
        "Force",
        "Government",
        "Company",
        "Inc",
        "Corp",
        "Agency",
        "Office",
        "House",
        "City",
        "State",
        "States",
        "Republic",
        "Kingdom",
        "Union",
        "Nations",
        "News",
        "Times",
        "Post",
        "Street",
        "Airport",
        "Hospital",
        "Church",
        "School",
        "College",
        "Committee",
        "Commission",
        "Bank",
        "Group",
        "Association",
        "Institute",
        "Center",
        "Centre",
        "Club",
        "League",
        "Federation",
        "Organization",
        "Organisation",
        "Service",
        "Guard",
        "Navy",
        "Airlines",
        "Journal",
        "Network",
        "Media",
        "Press",
        "Parliament",
        "Congress",
        "Senate",
        "Assembly",
        "Embassy",
        "County",
        "Province",
        "Island",
        "Islands",
        "River",
        "Sea",
        "Ocean",
        "Valley",
        "Park",
        "Museum",
        "Prize",
        "Cup",
        "Games",
        "Day",
        "Week",
    ];
    let ws = text::words(s);
    let mut runs: Vec<Vec<(usize, usize)>> = Vec::new();
    let mut run: Vec<(usize, usize)> = Vec::new();
    for &(a, b) in &ws {
        let w = &s[a..b];
        let joined = run
            .last()
            .is_some_and(|&(_, pe)| s[pe..a].chars().all(|c| c == ' '));
        if text::is_capitalised(w) && (run.is_empty() || joined) {
            run.push((a, b));
        } else {
            if !run.is_empty() {
                runs.push(std::mem::take(&mut run));
            }
            if text::is_capitalised(w) {
                run.push((a, b));
            }
        }
    }
    if !run.is_empty() {
        runs.push(run);
    }
    let lists = text::lists();
    let mut names: Vec<String> = Vec::new();
    for mut run in runs {
        // Drop a sentence-initial function word ("The", "On", "Whether").
        while let Some(&(a, b)) = run.first() {
            let w = text::lower(&s[a..b]);
            let opener = a == 0
                && (lists
                    .connectives
                    .iter()
                    .any(|c| c.trim_end_matches(',').eq_ignore_ascii_case(&w))
                    || lists.verbs.contains(&*w)
                    || w.ends_with("ly")
                    || matches!(
                        &*w,
                        "whether"
                            | "despite"
                            | "unlike"
                            | "like"
                            | "once"
                            | "even"
                            | "only"
                            | "just"
                            | "every"
                            | "each"
                            | "last"
                            | "next"
                    ));
            if opener || crate::lang::Lang::is_english_stopword(&w) || text::is_date_word(&w) {
                run.remove(0);
            } else {
                break;
            }
        }
        let Some(&(a, _)) = run.first() else { continue };
        let Some(&(_, b)) = run.last() else { continue };
        let ok = if run.len() >= 2 {
            run.len() <= 4 && !run.iter().any(|&(x, y)| NOT_PERSON.contains(&&s[x..y]))
        } else {
            // A lone surname opening the sentence before a speech verb.
            a == 0
                && ws
                    .get(1)
                    .is_some_and(|&(x, y)| lists.speech_verbs.contains(text::lower(&s[x..y]).as_ref()))
        };
        if ok {
            let name = s[a..b].to_string();
            let last = name.split(' ').next_back().unwrap_or("").to_string();
            if !names
                .iter()
                .any(|n| n.split(' ').next_back() == Some(last.as_str()))
            {
                names.push(name);
            }
        }
    }
    names
}

/// How many facts to give.
///
/// An article written in paragraphs gives one fact per two of them and
/// one more (the lead event takes a place of its own), from 3 up to
/// `max_facts`: a wire story of eight short paragraphs reports about five
/// things. Text pasted as one block gives 3, the length of a news site's
/// highlights.
fn fact_count(article: &Article, max_facts: usize) -> usize {
    let paragraphs = article.sentences.cleaned.kept.len();
    max_facts.min((paragraphs.div_ceil(2) + 1).clamp(3, MAX_COUNT))
}

/// Facts given at most, whatever `max_facts` says.
const MAX_COUNT: usize = 50;

/// How much a candidate's likeness to a fact already taken lowers its
/// score (maximal marginal relevance): the list should cover the article.
const NOVELTY: f32 = 1.0;

/// How many sentences back a full name settles who a bare surname is,
/// when two people share it.
const NEAR_LINES: usize = 1;

/// Sentences of the body that may state the lead event.
const LEDE_LINES: usize = 3;

/// The lede's best candidate, then the best candidates, none repeating
/// another, in article order after the lede's.
fn select(mut pool: Vec<Candidate>, count: usize, lede: usize) -> Vec<Candidate> {
    let mut chosen: Vec<Candidate> = Vec::new();
    // The highest likeness of each candidate to a chosen one.
    let mut likeness = vec![0.0f32; pool.len()];
    // The lead event: the first lede line that gives a draft, its best;
    // not a scene or a teaser that names nothing ("What a difference a
    // year makes.") when a later lede line names who or what.
    let opens = |c: &Candidate| c.line < lede && c.draft.refers.is_none();
    let news = |c: &Candidate| opens(c) && !c.plain;
    let lead_of = |ok: &dyn Fn(&Candidate) -> bool| {
        let first = pool.iter().filter(|c| ok(c)).map(|c| c.line).min()?;
        pool.iter()
            .enumerate()
            .filter(|(_, c)| ok(c) && c.line == first)
            .max_by(|a, b| a.1.score.total_cmp(&b.1.score).then(b.0.cmp(&a.0)))
            .map(|(i, _)| i)
    };
    let lead = lead_of(&news).or_else(|| lead_of(&opens));
    if let (Some(i), true) = (lead, count > 0) {
        let c = pool.swap_remove(i);
        likeness.swap_remove(i);
        for (j, other) in pool.iter().enumerate() {
            likeness[j] = likeness[j].max(cosine(&c.stems, &other.stems));
        }
        chosen.push(c);
    }
    while chosen.len() < count {
        let best = pool
            .iter()
            .enumerate()
            .filter(|(_, c)| !chosen.iter().any(|x| repeats(x, c)))
            .filter(|(_, c)| introduced(c, &chosen))
            .map(|(i, c)| (i, c.score - NOVELTY * likeness[i]))
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        let Some((i, _)) = best else { break };
        let c = pool.swap_remove(i);
        likeness.swap_remove(i);
        for (j, other) in pool.iter().enumerate() {
            likeness[j] = likeness[j].max(cosine(&c.stems, &other.stems));
        }
        chosen.push(c);
    }
    // The lead event first, the rest in article order.
    let rest = usize::from(lead.is_some() && !chosen.is_empty());
    chosen[rest..].sort_by_key(|c| (c.line, c.offset));
    chosen
}

/// Whether what a draft points back to ("these operations") is named by a
/// fact chosen before it in the article: the list reads on its own.
fn introduced(c: &Candidate, chosen: &[Candidate]) -> bool {
    let Some(noun) = &c.draft.refers else {
        return true;
    };
    let want = stems(&[score::terms(noun, crate::lang::Lang::ENGLISH).concat()]);
    chosen
        .iter()
        .filter(|x| x.line < c.line)
        .any(|x| want.iter().all(|w| x.stems.contains(w)))
}

/// Terms cut to their first five letters, so that "regret" and
/// "regretted", "Russia" and "Russian", "cancel" and "cancellation" match.
fn stems(terms: &[String]) -> Vec<String> {
    let mut out: Vec<String> = terms
        .iter()
        .map(|t| {
            t.char_indices()
                .nth(5)
                .map_or(t.as_str(), |(i, _)| &t[..i])
                .to_string()
        })
        .collect();
    out.sort_unstable_by(|a, b| score::cmp_terms(a, b));
    out.dedup();
    out
}

fn shared(a: &[String], b: &[String]) -> usize {
    a.iter()
        .filter(|t| b.binary_search_by(|x| score::cmp_terms(x, t)).is_ok())
        .count()
}

/// Cosine of two stem sets.
fn cosine(a: &[String], b: &[String]) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    shared(a, b) as f32 / ((a.len() * b.len()) as f32).sqrt()
}

/// Two facts say the same thing when they share most of their terms.
fn repeats(a: &Candidate, b: &Candidate) -> bool {
    // One fact per sentence.
    if a.line == b.line {
        return true;
    }
    let shared = shared(&a.stems, &b.stems) as f32;
    let (na, nb) = (a.stems.len() as f32, b.stems.len() as f32);
    if na == 0.0 || nb == 0.0 {
        return a.draft.text == b.draft.text;
    }
    shared / (na + nb - shared) >= 0.4 || shared / na.min(nb) >= 0.7
}
