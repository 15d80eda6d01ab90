//! Reference resolution: a leading "he"/"she" becomes the person's name;
//! "these operations" and "the company" are marked so that an earlier
//! fact must name them; any other leading pronoun refuses the sentence.

use super::*;

/// Replaces the subject "he"/"she" ("his"/"her") of the fact's clause by
/// the person's name, or refuses a fact whose subject is any other
/// pronoun. The subject opens the fact, or follows short opening phrases
/// ("In November, after 214 days, he was freed").
pub(super) fn resolve_pronoun(s: &str, d: &mut Draft, cx: &Context) -> Result<(), Skip> {
    let body = &s[d.head..d.end];
    let first = body
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .find(|w| !w.is_empty())
        .unwrap_or("");
    let first_base = first.split(['\'', '’']).next().unwrap_or(first).to_lowercase();
    // "So", "Yet", "Then" lean on the sentence before; "There's" too.
    if matches!(
        first_base.as_str(),
        "so" | "yet" | "then" | "also" | "however" | "and" | "but" | "still"
    ) || (first_base == "there" && first.len() > first_base.len())
    {
        return Err(Skip::Pronoun);
    }
    let clause = if lists().pronouns.contains(first_base.as_str()) {
        0
    } else {
        clause_start(body)
    };
    let Some(a) = body[clause..].find(char::is_alphanumeric).map(|a| clause + a) else {
        return Ok(());
    };
    let b = a + body[a..]
        .find(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .unwrap_or(body.len() - a);
    let word = &body[a..b];
    // "It's", "They're": the pronoun before the apostrophe.
    let base = word.split(['\'', '’']).next().unwrap_or(word).to_lowercase();
    // "The company said …": a thing the fact does not name.
    let second = body[b..]
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    if word.eq_ignore_ascii_case("the") && matches!(second, "company" | "firm") {
        d.refers = Some(second.to_string());
        return Ok(());
    }
    // Else its subject a few words in ("Good thing he changed his mind").
    let (a, b, word, base, later) = if lists().pronouns.contains(base.as_str()) {
        (a, b, word, base, false)
    } else {
        let Some((x, y)) = subject_pronoun(&body[clause..]) else {
            return Ok(());
        };
        let word = &body[clause + x..clause + y];
        (clause + x, clause + y, word, word.to_string(), true)
    };
    // "These operations led to …": a determiner and its noun.
    if matches!(base.as_str(), "this" | "these" | "that" | "those") && body[clause..a].trim().is_empty() {
        let noun = body[b..]
            .split(|c: char| !c.is_alphanumeric())
            .find(|w| !w.is_empty())
            .filter(|n| body[b..].starts_with(' ') && n.starts_with(char::is_lowercase))
            .filter(|n| n.len() >= 4 && !has_verb(n) && !lists().pronouns.contains(*n));
        if let Some(noun) = noun {
            // "This week": a time, not a thing named before.
            if !is_time_word(&noun.to_lowercase()) {
                d.refers = Some(noun.to_string());
            }
            return Ok(());
        }
    }
    // Only a bare pronoun opening the fact or its clause, or its subject
    // after a few words ("Good thing he …"), can be replaced.
    let plain = (body[clause..a].trim().is_empty() || later) && base.len() == word.len();
    let Some(name) = cx.antecedent.as_ref().filter(|_| plain) else {
        return Err(Skip::Pronoun);
    };
    let subject = match base.as_str() {
        "he" | "she" => name.clone(),
        "his" | "her" => {
            let apostrophe = if s.contains('’') { '’' } else { '\'' };
            format!("{name}{apostrophe}s")
        }
        _ => return Err(Skip::Pronoun),
    };
    if a == 0 {
        d.head += b;
        d.subject = Some((d.head, subject));
    } else {
        d.holes.push((d.head + a, d.head + b));
        d.subject = Some((d.head + a, subject));
    }
    Ok(())
}

/// A "he", "she" or "they" after the first word of a clause and before
/// its first verb: the clause's subject ("Good thing he changed his
/// mind"), which points outside the fact as a leading one does.
fn subject_pronoun(clause: &str) -> Option<(usize, usize)> {
    for (k, (a, b)) in words(clause).into_iter().enumerate().take(8) {
        let w = &clause[a..b];
        if k > 0 && matches!(w, "he" | "she" | "they") {
            return Some((a, b));
        }
        // A verb, a pause, or a subordinate clause ("… grins as he …",
        // "… forgets that he …"): the subject came before.
        let subordinate = matches!(
            &*lower(w),
            "as" | "that"
                | "when"
                | "while"
                | "because"
                | "after"
                | "before"
                | "if"
                | "since"
                | "until"
                | "who"
                | "whom"
                | "which"
                | "what"
                | "where"
                | "how"
                | "why"
                | "whether"
                | "though"
                | "although"
                | "once"
                | "unless"
        );
        let stop = subordinate
            || has_verb(&clause[..b])
            || clause[b..].starts_with([',', ';', ':', '"', '“', '”', '(']);
        if stop {
            return None;
        }
    }
    None
}

/// Where the main clause of `body` starts: after up to two short opening
/// phrases without a verb ("In November,", "after 214 days,").
pub(in crate::facts) fn clause_start(body: &str) -> usize {
    let mut at = 0;
    for _ in 0..2 {
        let Some(&comma) = top_level_commas(&body[at..]).first() else {
            break;
        };
        let phrase = &body[at..at + comma];
        let opener = phrase
            .split(|c: char| !c.is_alphanumeric())
            .find(|w| !w.is_empty())
            .unwrap_or("")
            .to_lowercase();
        let adverbial = matches!(
            opener.as_str(),
            "in" | "on"
                | "at"
                | "after"
                | "before"
                | "during"
                | "since"
                | "until"
                | "by"
                | "for"
                | "within"
                | "over"
                | "last"
                | "earlier"
                | "later"
                | "yesterday"
                | "today"
                | "now"
                | "then"
                | "once"
                | "when"
                | "while"
                | "despite"
                | "amid"
                | "following"
                | "under"
                | "with"
                | "without"
                | "according"
                | "like"
                | "unlike"
        ) || is_date_word(&opener)
            || opener.starts_with(|c: char| c.is_ascii_digit());
        if !adverbial || count_words(phrase) > 8 || has_verb(phrase) || phrase.contains(['"', '“', '”']) {
            break;
        }
        at = skip_space(body, at + comma + 1);
    }
    at
}

/// What makes a sentence lean on the one before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(in crate::facts) enum Leans {
    /// "Nor …", "Yet …", "Still, …", "Instead, …", "Even so, …": the
    /// sentence continues or answers the one before.
    Continues,
    /// "That was …", "This is …", "One such …", "By this time …",
    /// "Another …", "The other …", "The rest …", "One of them …": it
    /// points back at something the sentence before said.
    PointsBack,
    /// "The same …", "The latter …", "The former said …", "The pair …",
    /// "The two …": a group or a thing named only before.
    NamedBefore,
}

/// Whether `body` (a sentence from its first word) opens on words that
/// only make sense after the sentence before it. Case is ignored, so a
/// clause split off a sentence is read the same way.
pub(super) fn leans_on_previous(body: &str) -> Option<Leans> {
    let body = body.trim_start_matches(|c: char| c.is_whitespace());
    // The first few words, lower-cased, each with the character after it.
    let mut ws: Vec<(String, char)> = Vec::with_capacity(4);
    let mut rest = body;
    while ws.len() < 4 {
        let Some(a) = rest.find(|c: char| !c.is_whitespace()) else {
            break;
        };
        rest = &rest[a..];
        let b = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
            .unwrap_or(rest.len());
        if b == 0 {
            break;
        }
        let after = rest[b..].chars().next().unwrap_or(' ');
        ws.push((rest[..b].to_lowercase(), after));
        // Only spaces run words on; a comma or a hyphen ends the opener.
        if after != ' ' {
            break;
        }
        rest = &rest[b..];
    }
    let w = |i: usize| ws.get(i).map_or("", |(w, _)| w.as_str());
    let after = |i: usize| ws.get(i).map_or(' ', |&(_, c)| c);
    match (w(0), w(1), w(2)) {
        ("nor", ..) | ("yet", ..) | ("instead", ..) => Some(Leans::Continues),
        ("still", ..) if after(0) == ',' => Some(Leans::Continues),
        ("even", "so", _) if after(1) == ',' => Some(Leans::Continues),
        ("that" | "this", "was" | "is", _) => Some(Leans::PointsBack),
        ("one", "such", _) | ("another", ..) => Some(Leans::PointsBack),
        // "One of them …", "Most of those …": a part of a group named before.
        (
            "one" | "two" | "some" | "many" | "most" | "all" | "none" | "each" | "both" | "several" | "few",
            "of",
            "them" | "these" | "those",
        ) => Some(Leans::PointsBack),
        ("by", "this" | "that", "time" | "point") | ("by", "then", _) => Some(Leans::PointsBack),
        ("the", "other" | "rest", _) if after(1) != '-' => Some(Leans::PointsBack),
        ("the", "same" | "latter" | "pair", _) if after(1) != '-' => Some(Leans::NamedBefore),
        // "The two candidates are Ana Ruiz and Ben Cole": the sentence names them.
        ("the", "two" | "pair", _) if names_a_pair(body) => None,
        ("the", "two", _) if after(1) == ' ' && !w(2).is_empty() => Some(Leans::NamedBefore),
        // "The former said …", not "The former president said …".
        ("the", "former", next) if after(1) == ',' || (!next.is_empty() && is_verb_word(next)) => {
            Some(Leans::NamedBefore)
        }
        _ => None,
    }
}

/// A verb that may follow a subject: "is", "was", "said", "added".
fn is_verb_word(w: &str) -> bool {
    matches!(
        w,
        "is" | "was" | "are" | "were" | "has" | "had" | "have" | "will" | "would" | "can" | "could"
    ) || lists().speech_verbs.contains(w)
        || lists().verbs.contains(w)
        || w.ends_with("ed")
}

/// A capitalised word, " and ", and a capitalised word among the next
/// three: "Ana Ruiz and Ben Cole", "Ruiz and retired general Ben Cole".
fn names_a_pair(body: &str) -> bool {
    body.match_indices(" and ").any(|(at, _)| {
        let before = body[..at]
            .rsplit(|c: char| !(c.is_alphanumeric() || c == '.'))
            .next()
            .unwrap_or("");
        at > 0
            && before.starts_with(char::is_uppercase)
            && body[at + 5..]
                .split_whitespace()
                .take(3)
                .any(|w| w.starts_with(char::is_uppercase))
    })
}
