//! Gazetteers: word lists of places, given names, groups (nationalities,
//! religions, parties) and organisation words, marked on tokens as feature
//! bits. The lists are `data/gazetteer/*.txt`; their origins are named in
//! their first lines.

use std::sync::OnceLock;

use super::features::{mix, word_hash, HashKeyed, TokFeat};
use super::tokens::{tokenize, Token};

/// The token is part of a place name.
pub(crate) const PLACE: u8 = 1;
/// The token is part of a place name of several words, and not its last.
pub(crate) const PLACE_MORE: u8 = 2;
/// A given name.
pub(crate) const FIRST_NAME: u8 = 4;
/// A nationality or other group ("Azerbaijani", "Muslims").
pub(crate) const GROUP: u8 = 8;
/// A word that heads or ends organisation names ("Ministry", "Bank").
pub(crate) const ORG_WORD: u8 = 16;
/// A title or role written before a name ("President", "spokesperson").
pub(crate) const TITLE_WORD: u8 = 32;
/// The token is part of a known organisation or sports team name.
pub(crate) const ORG_NAME: u8 = 64;
/// A company legal form ("Inc", "GmbH", "S.A.").
pub(crate) const LEGAL_FORM: u8 = 128;

const LISTS: &[(u8, &str)] = &[
    (PLACE, include_str!("../data/gazetteer/places.txt")),
    (PLACE, include_str!("../data/gazetteer/places_extra.txt")),
    (FIRST_NAME, include_str!("../data/gazetteer/first_names.txt")),
    (GROUP, include_str!("../data/gazetteer/groups.txt")),
    (ORG_NAME, include_str!("../data/gazetteer/orgs.txt")),
    (LEGAL_FORM, include_str!("../data/gazetteer/legal_forms.txt")),
    (ORG_WORD, include_str!("../data/gazetteer/org_words.txt")),
    (TITLE_WORD, include_str!("../data/gazetteer/titles.txt")),
];

/// Longest entry, in tokens.
const MAX_LEN: usize = 5;
/// Lists whose entries may have several words, matched longest first.
const PHRASES: u8 = PLACE | ORG_NAME;
/// Bits of a word's own entry that say how long the longest place or
/// organisation name starting with it is, less one (0: none of several
/// words starts with it). Internal to the table: lookups keep the low
/// eight bits only.
const LONGER: u16 = 0x700;
const LONGER_SHIFT: u32 = 8;
const _: () = assert!((MAX_LEN - 1) as u16 <= LONGER >> LONGER_SHIFT);

/// Hash of a token sequence, from its tokens' lower-case hashes.
fn seq_hash(words: impl Iterator<Item = u64>) -> u64 {
    words.fold(0x6a09_e667_f3bc_c908, mix)
}

struct Table {
    /// Sequence hash → list bits (`PLACE` for a place of any length) and
    /// [`LONGER`].
    entries: HashKeyed<u16>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut entries = HashKeyed::default();
        let mut toks = Vec::new();
        for &(bit, list) in LISTS {
            for line in list.lines() {
                let line = line.trim();
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                toks.clear();
                tokenize(line, 0, line.len(), &mut toks);
                if toks.is_empty() || toks.len() > MAX_LEN {
                    continue;
                }
                let words: Vec<u64> = toks
                    .iter()
                    .map(|t| word_hash(&line[t.start..t.end].to_lowercase()))
                    .collect();
                *entries.entry(seq_hash(words.iter().copied())).or_insert(0) |= u16::from(bit);
                if bit & PHRASES != 0 && words.len() > 1 {
                    let first = entries
                        .entry(seq_hash(words.iter().copied().take(1)))
                        .or_insert(0);
                    let longer = ((*first & LONGER) >> LONGER_SHIFT).max(words.len() as u16 - 1);
                    *first = (*first & !LONGER) | longer << LONGER_SHIFT;
                }
            }
        }
        Table { entries }
    })
}

/// The list bits of a single word, lower-case (for the filters of the
/// entity stage).
pub(crate) fn lookup_words(lower_words: &[&str]) -> u8 {
    let h = seq_hash(lower_words.iter().map(|w| word_hash(w)));
    table().entries.get(&h).copied().unwrap_or(0) as u8
}

/// Marks the gazetteer bits of the tokens of one sentence.
pub(crate) fn mark(text: &str, toks: &[Token], feats: &mut [TokFeat], scratch: &mut String) {
    let table = table();
    let lookup = |h: u64| table.entries.get(&h).copied().unwrap_or(0);
    // Each word's own entry: its list bits, and how long a place or an
    // organisation name may start with it.
    let own: Vec<u16> = feats
        .iter()
        .map(|f| lookup(seq_hash(std::iter::once(f.lower))))
        .collect();
    let n = feats.len();
    let mut i = 0;
    while i < n {
        // Places: the longest match starting here. The hashes of the
        // sequences starting at i, one word longer each.
        let longest = 1 + usize::from((own[i] & LONGER) >> LONGER_SHIFT);
        let mut prefix = [0u64; MAX_LEN];
        let mut h = seq_hash(std::iter::empty());
        for (k, f) in feats[i..].iter().take(longest).enumerate() {
            h = mix(h, f.lower);
            prefix[k] = h;
        }
        let mut matched = 0;
        for len in (2..=longest.min(n - i)).rev() {
            if lookup(prefix[len - 1]) & u16::from(PLACE) != 0 {
                matched = len;
                break;
            }
        }
        if matched == 0 && own[i] & u16::from(PLACE) != 0 {
            matched = 1;
        }
        for (k, f) in feats[i..i + matched].iter_mut().enumerate() {
            f.gaz |= PLACE;
            if k + 1 < matched {
                f.gaz |= PLACE_MORE;
            }
        }
        // Organisations: the longest match starting here, every word
        // marked (it may overlap a place: "Manchester United").
        for len in (1..=longest.min(n - i)).rev() {
            let bits = if len == 1 { own[i] } else { lookup(prefix[len - 1]) };
            if bits & u16::from(ORG_NAME) != 0 {
                feats[i..i + len].iter_mut().for_each(|f| f.gaz |= ORG_NAME);
                break;
            }
        }
        i += matched.max(1);
    }
    // Single-word lists.
    for (i, f) in feats.iter_mut().enumerate() {
        let mut bits = (own[i] as u8) & !(PLACE | ORG_NAME);
        if bits & GROUP == 0 {
            // A plural group: "Azerbaijanis", "Muslims".
            if let Some(word) = toks.get(i).and_then(|t| text.get(t.start..t.end)) {
                if word.len() > 3 && word.ends_with('s') {
                    scratch.clear();
                    scratch.extend(word[..word.len() - 1].chars().flat_map(char::to_lowercase));
                    let h = seq_hash(std::iter::once(word_hash(scratch)));
                    bits |= (lookup(h) as u8) & GROUP;
                }
            }
        }
        f.gaz |= bits;
    }
}
