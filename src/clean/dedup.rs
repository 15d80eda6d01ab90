//! Repeated paragraphs: exact and near copies of an earlier paragraph are
//! removed, the first one is kept.
//!
//! Paragraphs are compared as sequences of normalised words (quotes, dashes,
//! spaces and case folded; an agency marker such as "(AP)" at either end
//! ignored). Candidates come from an index of word 4-grams, so the work is
//! linear in the input, whatever it repeats.

use super::Verdict;
use crate::blocks::Block;
use crate::words::FastMap;

/// Fewer words than this: never a copy on its own (a short line such as
/// "Photo: AP" may legitimately repeat), unless inside a repeated run.
const MIN_WORDS: usize = 6;
/// A copy that is not word for word needs at least this many words.
const NEAR_WORDS: usize = 12;
/// Word-sequence similarity of a near copy.
const NEAR_RATIO: f32 = 0.85;
/// At most this many earlier paragraphs are remembered per 4-gram, and at
/// most this many candidates are compared per paragraph.
const MAX_POSTINGS: usize = 24;
const MAX_CANDIDATES: usize = 6;
/// How many 4-grams of a paragraph are indexed.
const SKETCH: usize = 12;
/// LCS cells the banded comparisons of one input may fill: a fixed amount
/// plus some per word. The band grows with the length difference, so two
/// huge paragraphs would otherwise cost the square of their length; past
/// the budget the word-bag bound decides alone. Real articles use a tiny
/// fraction of it.
const LCS_CELLS_BASE: usize = 1 << 22;
const LCS_CELLS_PER_WORD: usize = 64;

/// Marks repeats among the kept blocks as [`Verdict::Duplicate`].
pub(crate) fn mark(blocks: &[Block], verdicts: &mut [Verdict]) {
    let words: Vec<Vec<u64>> = blocks
        .iter()
        .zip(verdicts.iter())
        .map(|(b, v)| {
            if *v == Verdict::Keep {
                word_hashes(&b.text)
            } else {
                Vec::new()
            }
        })
        .collect();
    let mut exact: FastMap<u64, usize> = FastMap::default();
    let mut grams: FastMap<u64, Vec<usize>> = FastMap::default();
    let total_words: usize = words.iter().map(Vec::len).sum();
    let mut lcs_budget = LCS_CELLS_BASE.saturating_add(total_words.saturating_mul(LCS_CELLS_PER_WORD));
    // Short blocks that repeat an earlier one: (block, earlier block).
    let mut short_repeats: Vec<(usize, usize)> = Vec::new();

    for i in 0..blocks.len() {
        if verdicts[i] != Verdict::Keep || words[i].is_empty() {
            continue;
        }
        let w = &words[i];
        let key = hash_seq(w);
        if let Some(&first) = exact.get(&key) {
            if w.len() >= MIN_WORDS {
                verdicts[i] = Verdict::Duplicate(first);
            } else {
                short_repeats.push((i, first));
            }
            continue;
        }
        // The sketch serves both the search and the index.
        let sketched = if w.len() >= MIN_WORDS {
            sketch(w)
        } else {
            Vec::new()
        };
        if w.len() >= NEAR_WORDS {
            if let Some(of) = near_copy_of(w, &sketched, &words, &grams, &mut lcs_budget) {
                verdicts[i] = Verdict::Duplicate(of);
                continue;
            }
        }
        exact.insert(key, i);
        if w.len() >= MIN_WORDS {
            for g in sketched {
                let list = grams.entry(g).or_default();
                if list.len() < MAX_POSTINGS {
                    list.push(i);
                }
            }
        }
    }
    mark_short_runs(&short_repeats, verdicts);
    mark_repeated_meta(blocks, &words, verdicts);
}

/// A paragraph that repeats the title or the byline line, word for word,
/// is not article text: it goes, with a rule saying which it repeats.
fn mark_repeated_meta(blocks: &[Block], words: &[Vec<u64>], verdicts: &mut [Verdict]) {
    let meta: Vec<(Vec<u64>, &'static str)> = blocks
        .iter()
        .zip(verdicts.iter())
        .filter_map(|(b, v)| match v {
            Verdict::Title => Some((word_hashes(&b.text), "repeated-title")),
            Verdict::Byline => Some((word_hashes(&b.text), "repeated-byline")),
            _ => None,
        })
        .collect();
    for (i, w) in words.iter().enumerate() {
        if verdicts[i] != Verdict::Keep || w.is_empty() {
            continue;
        }
        if let Some((_, rule)) = meta.iter().find(|(m, _)| m == w) {
            verdicts[i] = Verdict::Remove(crate::blocks::Removal {
                reason: "boilerplate",
                rule,
            });
        }
    }
    // A copy of a paragraph just removed as a repeat of the title or byline
    // goes the same way: a duplicate always points at a kept paragraph.
    for i in 0..verdicts.len() {
        if let Verdict::Duplicate(of) = verdicts[i] {
            if let Some(Verdict::Remove(r)) = verdicts.get(of) {
                verdicts[i] = Verdict::Remove(r.clone());
            }
        }
    }
}

/// The paragraph's [`SKETCH`] smallest 4-gram hashes: near copies share
/// most of them, and indexing only these keeps the index small whatever
/// the vocabulary.
fn sketch(w: &[u64]) -> Vec<u64> {
    // The smallest distinct values, kept sorted as they come: the same as
    // sorting all of them, dropping repeats and keeping the first SKETCH.
    let mut least: Vec<u64> = Vec::with_capacity(SKETCH + 1);
    for h in shingles(w) {
        if least.len() == SKETCH && least.last().is_some_and(|&l| h >= l) {
            continue;
        }
        if let Err(at) = least.binary_search(&h) {
            least.insert(at, h);
            least.truncate(SKETCH);
        }
    }
    least
}

/// A short repeat is a copy when it sits inside a repeated run: a neighbour
/// is a copy of the neighbour of its first occurrence. One pass forward and
/// one backward let runs grow both ways in linear time.
fn mark_short_runs(short_repeats: &[(usize, usize)], verdicts: &mut [Verdict]) {
    let copy_of = |j: usize, verdicts: &[Verdict]| match verdicts.get(j) {
        Some(Verdict::Duplicate(of)) => Some(*of),
        _ => None,
    };
    let forward = short_repeats.iter();
    let backward = short_repeats.iter().rev();
    for &(i, first) in forward.chain(backward) {
        if verdicts[i] != Verdict::Keep {
            continue;
        }
        let before = i > 0 && first > 0 && copy_of(i - 1, verdicts) == Some(first - 1);
        let after = copy_of(i + 1, verdicts) == Some(first + 1);
        if before || after {
            verdicts[i] = Verdict::Duplicate(first);
        }
    }
}

fn near_copy_of(
    w: &[u64],
    sketched: &[u64],
    words: &[Vec<u64>],
    grams: &FastMap<u64, Vec<usize>>,
    lcs_budget: &mut usize,
) -> Option<usize> {
    let mut votes: FastMap<usize, usize> = FastMap::default();
    for &g in sketched {
        if let Some(list) = grams.get(&g) {
            for &j in list {
                *votes.entry(j).or_default() += 1;
            }
        }
    }
    // Near copies share most of their sketch; one shared 4-gram is chance.
    let need = if w.len() >= 16 { 2 } else { 1 };
    let mut cands: Vec<(usize, usize)> = votes.into_iter().filter(|&(_, v)| v >= need).collect();
    cands.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut best: Option<usize> = None;
    for &(j, _) in cands.iter().take(MAX_CANDIDATES) {
        let orig = &words[j];
        if orig.len() < MIN_WORDS {
            continue;
        }
        if is_near_copy(w, orig, lcs_budget) {
            best = Some(best.map_or(j, |b: usize| b.min(j)));
        }
    }
    best
}

/// True when `copy` is `orig` up to a small edit: one changed, dropped or
/// added word, or a truncation to at least three quarters of its words.
/// The LCS is charged to `lcs_budget`; without enough left, the word-bag
/// bound decides.
fn is_near_copy(copy: &[u64], orig: &[u64], lcs_budget: &mut usize) -> bool {
    let (a, b) = (copy.len(), orig.len());
    if a.max(b) < NEAR_WORDS {
        return false;
    }
    // A truncated copy: the start of the original, cut at a word or inside
    // the last one.
    if a < b && a * 4 >= b * 3 && a >= NEAR_WORDS - 2 && copy[..a - 1] == orig[..a - 1] {
        return true;
    }
    if 2 * a.min(b) * 100 < (a + b) * 85 {
        return false;
    }
    // The shared words bound the LCS from above: a cheap test first.
    let mut x = copy.to_vec();
    let mut y = orig.to_vec();
    x.sort_unstable();
    y.sort_unstable();
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    if (2 * shared) as f32 / (a + b) as f32 >= NEAR_RATIO {
        let cells = similarity_cells(a, b);
        if cells > *lcs_budget {
            return true;
        }
        *lcs_budget -= cells;
        similarity(copy, orig) >= NEAR_RATIO
    } else {
        false
    }
}

/// The cells [`similarity`] fills for sequences of `n` and `m` words.
fn similarity_cells(n: usize, m: usize) -> usize {
    let band = 8 + n.abs_diff(m);
    n.saturating_mul(2 * band + 1)
}

/// 2·LCS / (|a| + |b|), the word-sequence similarity. The LCS is computed
/// on a band around the diagonal (cells outside it count as no match), which
/// is exact for the small edits looked for and keeps the cost at
/// O(len × band).
fn similarity(a: &[u64], b: &[u64]) -> f32 {
    let (n, m) = (a.len(), b.len());
    if n + m == 0 {
        return 1.0;
    }
    let band = 8 + n.abs_diff(m);
    let width = 2 * band + 1;
    // Row i holds cells j = i - band + d for d in 0..width.
    let mut prev = vec![0u32; width];
    let mut cur = vec![0u32; width];
    for i in 1..=n {
        for d in 0..width {
            let j = (i + d) as isize - band as isize;
            if j < 1 || j as usize > m {
                cur[d] = 0;
                continue;
            }
            let j = j as usize;
            cur[d] = if a[i - 1] == b[j - 1] {
                prev[d] + 1
            } else {
                let up = if d + 1 < width { prev[d + 1] } else { 0 };
                let left = if d > 0 { cur[d - 1] } else { 0 };
                up.max(left)
            };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = m + band - n;
    let lcs = if n == 0 { 0 } else { prev[d] };
    2.0 * lcs as f32 / (n + m) as f32
}

fn shingles(w: &[u64]) -> impl Iterator<Item = u64> + '_ {
    let k = 4.min(w.len());
    w.windows(k).map(hash_seq)
}

/// A hash of a run of word hashes. Word and run hashes are the crate's
/// own, fixed functions (not `DefaultHasher`, whose algorithm a Rust
/// release may change), so which 4-grams a paragraph's sketch keeps, and
/// so which near copies are found, is the same whatever builds it.
fn hash_seq(w: &[u64]) -> u64 {
    w.iter().fold(0x9e37_79b9_7f4a_7c15 ^ w.len() as u64, |h, &x| {
        crate::words::finish(h.rotate_left(23) ^ x)
    })
}

/// Normalised word hashes of a paragraph: the hashes of the words
/// `normalized_words` gives, computed without building the words.
pub(crate) fn word_hashes(text: &str) -> Vec<u64> {
    let hash = |w: &str| crate::words::hash_bytes(w.as_bytes());
    // Ends the word in `cur`: trailing apostrophes dropped, then hashed
    // unless nothing is left.
    let flush = |cur: &mut String, out: &mut Vec<u64>| {
        let w = cur.trim_end_matches('\'');
        if !w.is_empty() {
            out.push(hash(w));
        }
        cur.clear();
    };
    let text = strip_marker(text.trim());
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut buf = [0u8; 4];
    for c in text.chars() {
        if is_cjk(c) {
            flush(&mut cur, &mut out);
            out.push(hash(c.encode_utf8(&mut buf)));
        } else if c.is_alphanumeric() {
            if c.is_ascii() {
                cur.push(c.to_ascii_lowercase());
            } else {
                cur.extend(c.to_lowercase());
            }
        } else if (c == '\'' || c == '’') && !cur.is_empty() {
            // Keep "don't" one word whichever apostrophe it uses.
            cur.push('\'');
        } else {
            flush(&mut cur, &mut out);
        }
    }
    flush(&mut cur, &mut out);
    out
}

/// The words of a paragraph, lower-cased, with quotes, dashes and a leading
/// or trailing agency marker such as "(AP)" or "(Reuters) —" left out. Han
/// and kana characters count as one word each. (The reference for
/// [`word_hashes`], which computes their hashes directly.)
#[cfg(test)]
pub(crate) fn normalized_words(text: &str) -> Vec<String> {
    let text = strip_marker(text.trim());
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in text.chars() {
        if is_cjk(c) {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            out.push(c.to_string());
        } else if c.is_alphanumeric() {
            cur.extend(c.to_lowercase());
        } else if (c == '\'' || c == '’') && !cur.is_empty() {
            // Keep "don't" one word whichever apostrophe it uses.
            cur.push('\'');
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    for w in &mut out {
        while w.ends_with('\'') {
            w.pop();
        }
    }
    out.retain(|w| !w.is_empty());
    out
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF)
}

/// Strips an agency marker such as "(AP) —" at the start or " (Reuters)" at
/// the end.
fn strip_marker(text: &str) -> &str {
    let mut t = text;
    if t.starts_with('(') {
        if let Some(close) = t.find(')') {
            if is_marker(&t[1..close]) {
                t = t[close + 1..]
                    .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '—' | '–'));
            }
        }
    }
    if t.ends_with(')') {
        if let Some(open) = t.rfind('(') {
            if is_marker(&t[open + 1..t.len() - 1]) {
                t = t[..open].trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '—' | '–'));
            }
        }
    }
    t
}

fn is_marker(inner: &str) -> bool {
    let words: Vec<&str> = inner.split_whitespace().collect();
    !inner.is_empty()
        && inner.len() <= 32
        && words.len() <= 2
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '&'))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sketch_is_the_least_distinct_shingles() {
        for n in [1usize, 4, 5, 12, 15, 16, 40, 200] {
            // Words that repeat, so that shingles repeat too.
            let w: Vec<u64> = (0..n as u64).map(|i| (i * 7919) % 23).collect();
            let mut all: Vec<u64> = shingles(&w).collect();
            all.sort_unstable();
            all.dedup();
            all.truncate(SKETCH);
            assert_eq!(sketch(&w), all, "{n} words");
        }
    }

    #[test]
    fn hashes_are_fixed() {
        // Whatever Rust builds them: the sketches, and so which near copies
        // are found, must not move with the toolchain.
        let w = word_hashes("The council met on Tuesday");
        assert_eq!(w[0], crate::words::hash_bytes(b"the"));
        assert_eq!(hash_seq(&w[..4]), PINNED);
    }

    #[test]
    fn word_hashes_are_the_hashes_of_the_normalized_words() {
        for text in [
            "(AP) — “Don’t go,” he said.",
            "Rain fell all day (Reuters)",
            "東京で 'quoted'' words'' ÀÉÎ ǅungla İstanbul ß 12,5 km''",
            "'' ' ’’ rock'n'roll o’neill’ x'''y",
            "",
        ] {
            let want: Vec<u64> = normalized_words(text)
                .iter()
                .map(|w| crate::words::hash_bytes(w.as_bytes()))
                .collect();
            assert_eq!(word_hashes(text), want, "{text}");
        }
    }

    const PINNED: u64 = 9_177_495_346_998_310_780;

    fn sim(a: &str, b: &str) -> bool {
        let mut budget = usize::MAX;
        is_near_copy(&word_hashes(a), &word_hashes(b), &mut budget)
    }

    const P: &str = "The city council approved the new budget on Tuesday after a long debate about road repairs and school funding.";

    #[test]
    fn near_copy_table() {
        assert!(sim(&P.replace("approved", "passed"), P), "a changed word");
        assert!(sim(&P.replace("new ", ""), P), "a dropped word");
        assert!(sim(&format!("{P} (AP)"), P), "a trailing agency marker");
        assert!(sim(&P[..P.len() * 85 / 100], P), "a truncated copy");
        assert!(sim(&P.replace("  ", " ").replace(' ', "  "), P), "doubled spaces");
        assert!(!sim(
            "The city council rejected the old budget on Monday after a short debate about parks.",
            P
        ));
        // The first sentence of a paragraph, quoted alone, is not a copy.
        let long = format!("{P} Members said the vote was close. Several abstained and the mayor said she would veto part of it.");
        assert!(!sim(P, &long));
    }

    #[test]
    fn words_fold_quotes_and_markers() {
        assert_eq!(
            normalized_words("(AP) — “Don’t go,” he said."),
            ["don't", "go", "he", "said"]
        );
        assert_eq!(
            normalized_words("Rain fell all day (Reuters)"),
            ["rain", "fell", "all", "day"]
        );
        assert_eq!(normalized_words("東京で"), ["東", "京", "で"]);
    }

    #[test]
    fn the_lcs_budget_bounds_the_work() {
        let a = word_hashes(P);
        let b = word_hashes(&P.replace("new ", ""));
        let mut budget = usize::MAX;
        assert!(is_near_copy(&b, &a, &mut budget));
        assert_eq!(usize::MAX - budget, similarity_cells(b.len(), a.len()));
        // Without budget left, the word-bag bound decides: a shuffled copy
        // passes it, the LCS would not.
        let mut shuffled: Vec<u64> = a.clone();
        shuffled.reverse();
        let mut plenty = usize::MAX;
        assert!(!is_near_copy(&shuffled, &a, &mut plenty));
        let mut none = 0;
        assert!(is_near_copy(&shuffled, &a, &mut none));
    }

    #[test]
    fn similarity_is_lcs_ratio() {
        let a = word_hashes("a b c d e f g h");
        let b = word_hashes("a b c x e f g h");
        assert!((similarity(&a, &b) - 0.875).abs() < 1e-6);
        assert_eq!(similarity(&a, &a), 1.0);
    }
}
