//! Grammar tests a cut must pass: a verb, the main clause kept, no word
//! left wanting the next one.

use super::*;

/// Words after which a word in "-ed" is an adjective: "an adjusted target".
pub(super) const NOT_BEFORE_VERB: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my", "your",
    "of", "to", "for", "with", "by", "in", "on", "at", "from", "most", "more", "less", "very", "so",
];

/// Verb forms that are never nouns: a text with one has a clause.
pub(super) const FINITE: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "may", "might",
    "must", "should", "shall", "did", "does", "says", "said", "told", "went", "took", "came", "gave",
    "found", "began", "became", "knew", "brought", "thought", "sought", "remains", "appears", "seems",
];

/// Subordinators: a clause they open is not the main clause.
pub(super) const SUBORDINATORS: &[&str] = &[
    "when", "while", "as", "after", "before", "because", "although", "though", "if", "since", "unless",
    "until", "whether", "where", "who", "which", "whose", "whom", "once", "whereas",
];

/// Whether a text has a finite verb: one of `lists/verbs.txt`, a speech
/// verb, or a word in "-ed" that no article or preposition precedes.
pub(in crate::facts) fn has_verb(text: &str) -> bool {
    let l = lists();
    let mut prev = String::new();
    let mut prev_name = false;
    words(text).into_iter().any(|(a, b)| {
        let word = &text[a..b];
        let w = lower(word);
        // "isn't", "didn't": the verb before the negation.
        let base = w
            .strip_suffix("n't")
            .or_else(|| w.strip_suffix("n’t"))
            .unwrap_or(&w);
        // "Josephus mentions", "it remains": a name or a subject pronoun
        // before a word in "-s".
        let third_person = (prev_name || matches!(prev.as_str(), "he" | "she" | "it" | "who" | "that"))
            && w.len() >= 4
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && !w.ends_with("is")
            && !w.ends_with("'s")
            && !w.ends_with("’s")
            && word.starts_with(char::is_lowercase);
        let verb = l.verbs.contains(base)
            || l.speech_verbs.contains(&*w)
            || third_person
            || (w.len() >= 5 && w.ends_with("ed") && !NOT_BEFORE_VERB.contains(&prev.as_str()));
        // Reuses one buffer: this runs on every word of every draft.
        prev.clear();
        prev.push_str(&w);
        prev_name = a > 0 && is_capitalised(word);
        verb
    })
}

/// A finite verb outside any relative clause: "… in 2012 says Pellegrini
/// is lucky" holds the sentence's main verb; "… to anyone who felt" does not.
pub(super) fn has_main_verb(text: &str) -> bool {
    let mut relative = false;
    words(text).into_iter().any(|(a, b)| {
        let w = lower(&text[a..b]);
        let base = w.split(['\'', '’']).next().unwrap_or("");
        if matches!(
            base,
            "who" | "which" | "that" | "whose" | "whom" | "where" | "when"
        ) {
            relative = true;
        }
        !relative && FINITE.contains(&base)
    })
}

/// Whether a shortened text still has its main clause: it does not end
/// inside a subordinate clause ("Last week, when X faced off") nor consist
/// of an opening phrase alone ("Chasing a target of 298 in 43 overs").
pub(super) fn main_clause_kept(kept: &str) -> bool {
    let commas = top_level_commas(kept);
    let first_word = |seg: &str| {
        seg.split(|c: char| !c.is_alphanumeric())
            .find(|w| !w.is_empty())
            .unwrap_or("")
            .to_lowercase()
    };
    let opening = first_word(kept);
    let subordinate = SUBORDINATORS.contains(&opening.as_str());
    let opener = subordinate
        || (opening.ends_with("ing") && opening.len() >= 5)
        || matches!(
            opening.as_str(),
            "in" | "on" | "at" | "during" | "for" | "from" | "with" | "after" | "amid" | "despite" | "by"
        );
    if commas.is_empty() && opener {
        return false;
    }
    if let Some(&last) = commas.last() {
        // Not ending inside a subordinate clause, nor in ", with the win".
        let opening = first_word(&kept[last + 1..]);
        if SUBORDINATORS.contains(&opening.as_str()) || opening == "with" {
            return false;
        }
        // After an opening phrase, the main clause keeps its verb: not "As
        // the first candidate …, the Texas senator".
        if opener && !has_verb(&kept[commas[0] + 1..]) {
            return false;
        }
        // A subordinate clause at the start ends at a comma after its verb,
        // and the main clause follows with a verb of its own: not "When X,
        // an activist in …, first went to the doctor to talk" (the comma
        // closes an aside inside the subordinate clause).
        if subordinate
            && !commas
                .iter()
                .any(|&c| has_verb(&kept[..c]) && has_verb(&kept[c + 1..]))
        {
            return false;
        }
    }
    // Not cut inside a clause that has just begun: "… in what a police
    // official", "… nuzzling up to what".
    let ws = words(kept);
    let tail = &ws[ws.len().saturating_sub(4)..];
    if tail.iter().any(|&(a, b)| {
        matches!(
            lower(&kept[a..b]).as_ref(),
            "what" | "which" | "who" | "whom" | "whose" | "where" | "whether" | "how"
        )
    }) {
        return false;
    }
    // "An Australian man who had taken his family to Syria": the main verb
    // comes after the relative clause, so it was cut off.
    // "The widow of the man whose life was portrayed in the film has penned
    // a letter" has both verbs: the relative's and the main one.
    let relative = ws.iter().skip(1).find(|&&(a, b)| {
        matches!(
            lower(&kept[a..b]).as_ref(),
            "who" | "which" | "that" | "whose" | "whom"
        )
    });
    relative.is_none_or(|&(a, _)| has_verb(&kept[..a]) || finite_verbs(&kept[a..]) >= 2)
}

/// Finite verbs of a text: forms that are never nouns ("was", "has",
/// "said") and words in "-ed" that no auxiliary or article precedes.
pub(super) fn finite_verbs(text: &str) -> usize {
    let mut prev = String::new();
    let mut n = 0;
    for (a, b) in words(text) {
        let w = lower(&text[a..b]).into_owned();
        let auxiliary = FINITE.contains(&prev.as_str())
            || matches!(prev.as_str(), "be" | "been" | "being" | "get" | "got");
        if FINITE.contains(&w.as_str())
            || (w.len() >= 5 && w.ends_with("ed") && !auxiliary && !NOT_BEFORE_VERB.contains(&prev.as_str()))
        {
            n += 1;
        }
        prev = w;
    }
    n
}

/// A text that ends on a word that needs another after it: "… escaped
/// Nazis and", "… known for the".
pub(super) fn ends_dangling(text: &str) -> bool {
    const NEEDS_MORE: &[&str] = &[
        "and", "or", "but", "nor", "the", "a", "an", "of", "to", "for", "with", "in", "on", "at", "by",
        "from", "as", "than", "that", "which", "who", "whose", "his", "her", "their", "its", "our", "my",
        "your", "this", "these", "those", "very", "more", "most", "such", "about", "into", "is", "are",
        "was", "were", "be", "been", "has", "have", "had", "will", "would", "can", "could", "not", "also",
        "often", "always", "never", "ever", "just", "still", "even", "only", "then", "now", "so", "too",
    ];
    // Half of a compound preposition: "… charged with murder in
    // connection", "… according".
    const HALF: &[&str] = &["according", "because", "owing", "regardless"];
    const HALF_AFTER_IN: &[&str] = &[
        "connection",
        "regard",
        "accordance",
        "spite",
        "response",
        "addition",
        "relation",
        "respect",
        "terms",
        "front",
        "favour",
        "favor",
        "view",
        "light",
        "line",
        "search",
        "exchange",
        "memory",
        "honour",
        "honor",
    ];
    let ws = words(text);
    let last_two = |k: usize| {
        ws.len()
            .checked_sub(k)
            .and_then(|i| ws.get(i))
            .map(|&(a, b)| lower(&text[a..b]))
    };
    if let (Some(prev), Some(last)) = (last_two(2), last_two(1)) {
        if matches!(&*prev, "in" | "on" | "with") && HALF_AFTER_IN.contains(&&*last)
            || prev == "on" && last == "behalf"
        {
            return true;
        }
        // A gerund just begun wants its object: "… accused of spying and
        // bringing", "… arrested for selling".
        let gerund_opener = matches!(
            &*prev,
            "and" | "or" | "of" | "for" | "by" | "from" | "about" | "without" | "while" | "after" | "before"
        );
        if gerund_opener && last.len() > 5 && last.ends_with("ing") {
            return true;
        }
    }
    // A possessive wants its noun: "… a palace housing Yemen's".
    ws.last().is_some_and(|&(a, b)| {
        let w = lower(&text[a..b]);
        NEEDS_MORE.contains(&&*w) || HALF.contains(&&*w) || w.ends_with("'s") || w.ends_with("’s")
    })
}

/// A subordinator among the last words: the cut fell inside its clause.
pub(super) fn ends_in_subordinate(kept: &str) -> bool {
    let ws = words(kept);
    ws[ws.len().saturating_sub(4)..].iter().any(|&(a, b)| {
        matches!(
            lower(&kept[a..b]).as_ref(),
            "as" | "when" | "while" | "because" | "if" | "although" | "though" | "once" | "until" | "since"
        )
    })
}
