//! What is never a fact: questions, web furniture, a speech tag cut off
//! its quotation, the page or the author talking, a bare quotation.

use super::*;

pub(super) fn is_question(s: &str) -> bool {
    let core = s
        .trim_end()
        .trim_end_matches(|c: char| is_close_quote(c) || matches!(c, ')' | ']'));
    core.ends_with(['?', '!', '？', '！'])
}

/// A headline run into the text ("Jury reaches verdict in case ."): a
/// full stop after a space is no sentence end.
pub(super) fn is_headline_fragment(s: &str) -> bool {
    let t = s.trim_end();
    t.ends_with(" .") || t.ends_with("\u{a0}.")
}

/// A speech tag cut off its quotation: "Rowling wrote in her reply."
pub(super) fn attribution_only(s: &str) -> bool {
    if count_words(s) > 13 {
        return false;
    }
    let l = lists();
    let spans = words(s);
    let Some(v) = spans
        .iter()
        .take(6)
        .position(|&(a, b)| l.speech_verbs.contains(&*lower(&s[a..b])))
    else {
        return false;
    };
    if spans.len() > v + 7 || s.contains(['"', '“', ':']) {
        return false;
    }
    let ws: Vec<String> = spans.iter().map(|&(a, b)| s[a..b].to_lowercase()).collect();
    // After the verb: nothing, or a time, a place, an audience.
    ws.get(v + 1).is_none_or(|w| {
        matches!(
            w.as_str(),
            "in" | "on"
                | "at"
                | "during"
                | "to"
                | "after"
                | "before"
                | "later"
                | "earlier"
                | "yesterday"
                | "today"
                | "last"
                | "this"
                | "reporters"
                | "cnn"
                | "afterward"
                | "afterwards"
                | "recently"
                | "then"
        ) || is_date_word(w)
    })
}

/// An instruction to the reader: "Please note …", "Click …", "Share …".
pub(super) fn addresses_reader(s: &str) -> bool {
    const IMPERATIVES: &[&str] = &[
        "please",
        "click",
        "share",
        "follow",
        "watch",
        "read",
        "see",
        "sign",
        "subscribe",
        "join",
        "check",
        "visit",
        "download",
        "tap",
        "scroll",
        "note",
        "let's",
        "let’s",
        "imagine",
        "consider",
        "remember",
    ];
    let first = s.split_whitespace().next().unwrap_or("").to_lowercase();
    IMPERATIVES.contains(&first.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’'))
}

/// A transcript's speaker label: "Moss: It is more …", "Q: …".
pub(super) fn speaker_label(s: &str) -> bool {
    let Some(colon) = s.find(':') else { return false };
    let label = &s[..colon];
    let ws: Vec<&str> = label.split_whitespace().collect();
    !ws.is_empty()
        && ws.len() <= 3
        && ws
            .iter()
            .all(|w| is_capitalised(w) && w.chars().all(|c| c.is_alphabetic() || c == '.'))
        && s[colon + 1..].starts_with(' ')
}

/// Web furniture that may survive cleaning inside a paragraph.
pub(super) fn is_boilerplate(s: &str) -> bool {
    const MARKS: &[&str] = &[
        "http://",
        "https://",
        "www.",
        "click here",
        "read more",
        "contributed to this report",
        "contributed reporting",
        "all rights reserved",
        "©",
        "declined to comment",
        "declined comment",
        "reached for comment",
        "request for comment",
        "requests for comment",
        "immediately respond",
        "published:",
        "updated:",
        "sign up for",
        "subscribe to",
        "follow us",
        "this page",
        "this article",
        "this story",
    ];
    const TRIGGERS: &[&str] = &[
        "http",
        "https",
        "www",
        "click",
        "read",
        "contributed",
        "all",
        "declined",
        "reached",
        "request",
        "requests",
        "immediately",
        "published",
        "updated",
        "sign",
        "subscribe",
        "follow",
        "this",
    ];
    let triggered = s.contains(['@', '©'])
        || words(s)
            .into_iter()
            .any(|(a, b)| TRIGGERS.contains(&&*lower(&s[a..b])));
    if !triggered {
        return false;
    }
    let lower = s.to_lowercase();
    if MARKS.iter().any(|m| contains_str(&lower, m)) {
        return true;
    }
    // An e-mail address, or a "follow … on Twitter" credit.
    let email = lower.split_whitespace().any(|w| {
        w.find('@')
            .is_some_and(|at| at > 0 && w[at + 1..].contains('.') && !w.ends_with('@'))
    });
    email || (contains_str(&lower, "follow ") && contains_str(&lower, " on twitter"))
}

/// "I", "we", "you" outside quotation marks: the page or the author
/// talking, not the news.
pub(super) fn has_personal_voice(s: &str, d: &Draft) -> bool {
    let mut nesting = None;
    d.ranges().into_iter().any(|(start, end)| {
        let piece = &s[start..end];
        words(piece).into_iter().any(|(a, b)| {
            let w = &piece[a..b];
            let personal = matches!(
                w,
                "I" | "I'm"
                    | "I’m"
                    | "we"
                    | "We"
                    | "we're"
                    | "We're"
                    | "we’re"
                    | "We’re"
                    | "you"
                    | "You"
                    | "your"
                    | "Your"
                    | "our"
                    | "Our"
                    | "us"
                    | "my"
                    | "My"
                    | "me"
            );
            personal && !nesting.get_or_insert_with(|| Nesting::of(s)).at(start + a)
        })
    })
}

/// Opens with a capital, a digit, or a letter of a script without case.
pub(super) fn starts_well(text: &str) -> bool {
    let core = text.trim_start_matches(is_open_quote);
    core.chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() && !c.is_lowercase())
}

/// A quotation and nothing else: `“We will win.”`.
pub(super) fn is_bare_quote(text: &str) -> bool {
    let t = text.trim();
    let Some(first) = t.chars().next() else {
        return false;
    };
    if !is_open_quote(first) {
        return false;
    }
    let inner = &t[first.len_utf8()..];
    match inner.find(['”', '"']) {
        Some(i) => inner[i..]
            .trim_start_matches(['”', '"'])
            .trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ','))
            .is_empty(),
        None => true,
    }
}
