//! What a cut may drop. A fact may be shorter than its sentence, but it
//! must say the same thing with the same force: a cut never drops who said
//! it ("said", "according to", "told", "alleged"), a negation, a condition
//! or a contrast ("not", "only", "unless", "but", "if"), nor the time or
//! place of the event. What is left to cut: appositives, parentheticals,
//! and clauses that carry no name, number or date.

use super::text::{is_capitalised, is_date_word, is_number_word, lists, lower, words};

/// Words that change the force of what they come with: negation,
/// condition, contrast, hedging.
fn is_qualifier(w: &str) -> bool {
    matches!(
        w,
        "not"
            | "no"
            | "never"
            | "nor"
            | "neither"
            | "none"
            | "nobody"
            | "nothing"
            | "nowhere"
            | "without"
            | "cannot"
            | "hardly"
            | "barely"
            | "only"
            | "if"
            | "unless"
            | "except"
            | "provided"
            | "whether"
            | "until"
            | "but"
            | "however"
            | "although"
            | "though"
            | "yet"
            | "despite"
            | "whereas"
            | "while"
            | "instead"
            | "nevertheless"
            | "nonetheless"
            | "otherwise"
            | "unlike"
            | "possibly"
            | "probably"
            | "likely"
            | "unlikely"
            | "reportedly"
            | "allegedly"
            | "apparently"
            | "suspected"
    ) || w.ends_with("n't")
        || w.ends_with("n’t")
}

/// Words that open a clause of its own: what follows is said about
/// something in it, not about the rest of the sentence.
fn opens_own_clause(w: &str) -> bool {
    matches!(w, "who" | "whom" | "whose" | "which" | "where" | "when" | "that")
        || (w.len() >= 5 && w.ends_with("ing") && w != "according")
}

/// Whether a piece of a sentence says who claims the rest: ", police
/// said", ", according to prosecutors", ", said Ana Ruiz", ", officials
/// told reporters". A relative or participle clause that holds a speech
/// verb (", who police said was armed", ", saying …") speaks of itself.
pub(super) fn attributes(text: &str) -> bool {
    // Each part between commas: ", seizing weapons, officials said".
    text.split([',', ';']).any(attributes_part)
}

fn attributes_part(text: &str) -> bool {
    let ws: Vec<String> = words(text)
        .into_iter()
        .map(|(a, b)| lower(&text[a..b]).into_owned())
        .collect();
    let Some(first) = ws.first() else {
        return false;
    };
    if first == "according" || lists().speech_verbs.contains(first.as_str()) {
        return true;
    }
    !opens_own_clause(first) && ws.iter().any(|w| lists().speech_verbs.contains(w.as_str()))
}

/// Whether a dropped aside (an appositive, a parenthetical, a relative
/// aside between commas or dashes) leaves the fact's force intact: it may
/// name, count and say things of its own ("a spokeswoman for the port",
/// "born 1956", "who police said was armed"), but it does not say who
/// claims the rest, does not open with a negation, a condition or a
/// contrast ("(not his real name)", ", if confirmed,"), and holds none of
/// the words SPEC names (", who was not identified,").
pub(super) fn may_drop_aside(text: &str) -> bool {
    let first = words(text).first().map(|&(a, b)| lower(&text[a..b]).into_owned());
    !attributes(text)
        && !first.is_some_and(|w| is_qualifier(&w))
        && !words(text)
            .into_iter()
            .any(|(a, b)| is_named_qualifier(&lower(&text[a..b])))
}

/// The words SPEC names: "not", "only", "but", "unless", "if" (and
/// "never", "n't"). No cut drops one, wherever it stands.
fn is_named_qualifier(w: &str) -> bool {
    matches!(w, "not" | "only" | "but" | "unless" | "if" | "never")
        || w.ends_with("n't")
        || w.ends_with("n’t")
}

/// Whether a dropped clause (the end of a sentence, or its opening
/// clause) leaves the fact true and complete: besides [`may_drop_aside`],
/// it holds no negation, condition or contrast, no number and no time;
/// and it names no one and nothing (a place) unless it is a clause of its
/// own (", which …", ", explaining …").
pub(super) fn may_drop_clause(text: &str) -> bool {
    if !may_drop_aside(text) || text.bytes().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let ws = words(text);
    // ", which …": after a comma; " involving Russian groups" is a
    // phrase of the clause before.
    let own = text.trim_start().starts_with([',', ';'])
        && ws
            .first()
            .is_some_and(|&(a, b)| opens_own_clause(&lower(&text[a..b])));
    ws.into_iter().enumerate().all(|(i, (a, b))| {
        let word = &text[a..b];
        let w = lower(word);
        let name = i > 0 && is_capitalised(word) && word != "I" && !own;
        !name && !is_qualifier(&w) && !is_number_word(&w) && !is_date_word(&w) && !is_time_word(&w)
    })
}

/// Whether the clause after `before` may stand alone as a fact: what
/// comes before does not say who claims it ("Police said …, and …"), and
/// the word that joins them is no contrast or condition ("…, but …").
pub(super) fn may_drop_before(before: &str) -> bool {
    let last = words(before)
        .last()
        .map(|&(a, b)| lower(&before[a..b]).into_owned());
    !attributes(before) && !last.is_some_and(|w| is_qualifier(&w))
}

/// Whether a whole conjunct may go between a claim and its speaker
/// ("A, and B, the envoy said" → "A, the envoy said"): it does not say who
/// claims what, and holds no condition or contrast that could bear on the
/// claim kept. (A negation of its own goes with it.)
pub(super) fn may_drop_conjunct(text: &str) -> bool {
    !attributes(text)
        && !words(text)
            .into_iter()
            .any(|(a, b)| is_named_qualifier(&lower(&text[a..b])))
        && words(text).into_iter().all(|(a, b)| {
            !matches!(
                lower(&text[a..b]).as_ref(),
                "if" | "unless"
                    | "only"
                    | "but"
                    | "although"
                    | "though"
                    | "except"
                    | "provided"
                    | "whether"
                    | "until"
                    | "however"
                    | "yet"
                    | "despite"
            )
        })
}

/// Words that date an event without a month or a weekday.
pub(super) fn is_time_word(w: &str) -> bool {
    matches!(
        w,
        "yesterday"
            | "today"
            | "tonight"
            | "tomorrow"
            | "morning"
            | "afternoon"
            | "evening"
            | "night"
            | "week"
            | "weekend"
            | "month"
            | "year"
            | "earlier"
            | "later"
            | "ago"
            | "hours"
            | "days"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_a_clause_cut_may_drop() {
        // Plain detail, or a clause of its own that names things.
        for text in [
            ", which delayed the ships.",
            " leaving the crew shaken",
            ", making the trip longer for everyone",
            ", explaining the decision as a reaction to what it described as attacks on Azerbaijanis",
        ] {
            assert!(may_drop_clause(text), "{text}");
        }
        for text in [
            ", but only with the support of a majority of the cabinet",
            ", police said",
            ", according to prosecutors",
            ", said Ana Ruiz, a spokeswoman",
            ", seizing weapons and arresting suspects, officials said",
            " unless the council agrees",
            ", if the weather holds",
            " after the storm on Friday",
            ", killing 12 people",
            " in Port Ellis",
            " involving Russian groups",
            ", which did not reopen",
            ", who allegedly fled",
            " last week",
        ] {
            assert!(!may_drop_clause(text), "{text}");
        }
    }

    #[test]
    fn what_a_conjunct_may_drop() {
        assert!(may_drop_conjunct(", and there are no deep reasons to wait"));
        assert!(!may_drop_conjunct(", and only if the cabinet agrees"));
        assert!(!may_drop_conjunct(", and officials said it would reopen"));
    }

    #[test]
    fn what_an_aside_may_drop() {
        for text in [
            "(born 1956)",
            ", a spokeswoman for the port,",
            ", who is 45,",
            ", who police said was armed,",
        ] {
            assert!(may_drop_aside(text), "{text}");
        }
        for text in [
            ", police said,",
            ", according to the ministry,",
            "(not his real name)",
            ", if confirmed,",
            ", however,",
            ", who was not identified,",
        ] {
            assert!(!may_drop_aside(text), "{text}");
        }
    }
}
