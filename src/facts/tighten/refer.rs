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
            w.to_lowercase().as_str(),
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
