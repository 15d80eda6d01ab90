//! Fast lookups of short words: a set (or a map to small values) of static
//! words, and a hasher for keys that are words or already hashes. Every
//! answer is the one a linear search or a `HashSet` would give; only the
//! time differs.

use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a over bytes, then a final mix so that every bit of the result
/// depends on every byte (hash tables use the top and the bottom bits).
#[inline]
pub(crate) fn hash_bytes(bytes: &[u8]) -> u64 {
    hash_each(bytes.iter().copied())
}

/// [`hash_bytes`] of the bytes `bytes` yields.
#[inline]
fn hash_each(bytes: impl Iterator<Item = u8>) -> u64 {
    finish(bytes.fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    }))
}

/// The splitmix64 finaliser.
#[inline]
pub(crate) const fn finish(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Where `needle` first occurs in `hay`: the answer of `str::find`. The
/// rules search short needles in sentences and blocks, where the Two-Way
/// searcher behind `str::find` spends more on its set-up than on the
/// search; this scans for the needle's first byte eight bytes at a time and
/// compares the rest where it is found. (A match of a whole UTF-8 needle
/// always starts on a character boundary.)
pub(crate) fn find_str(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else {
        return Some(0);
    };
    let last = h.len().checked_sub(n.len())?;
    let mut i = 0;
    while i <= last {
        let at = i + first_byte(&h[i..=last], first)?;
        if h[at..at + n.len()] == *n {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

/// Whether `needle` occurs in `hay` ([`find_str`]).
#[inline]
pub(crate) fn contains_str(hay: &str, needle: &str) -> bool {
    find_str(hay, needle).is_some()
}

/// The first position of byte `b` in `h`, eight bytes at a time: a byte of
/// `x` is zero where `h` has `b`, and the lowest flag of the zero-byte test
/// is always a true one.
fn first_byte(h: &[u8], b: u8) -> Option<usize> {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let pattern = LO * u64::from(b);
    let mut chunks = h.chunks_exact(8);
    let mut base = 0;
    for chunk in &mut chunks {
        let Ok(bytes) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let x = u64::from_le_bytes(bytes) ^ pattern;
        let zero = x.wrapping_sub(LO) & !x & HI;
        if zero != 0 {
            return Some(base + (zero.trailing_zeros() / 8) as usize);
        }
        base += 8;
    }
    h[base..].iter().position(|&c| c == b).map(|k| base + k)
}

/// A static set of words mapped to small values, built once: open
/// addressing over a power-of-two table at most half full.
pub(crate) struct WordMap<V: Copy> {
    slots: Vec<u32>,
    entries: Vec<(&'static str, V)>,
    mask: usize,
}

const EMPTY: u32 = u32::MAX;

impl<V: Copy> WordMap<V> {
    /// A map from `(word, value)` pairs; a word given twice keeps the
    /// value `merge` makes of both.
    pub fn new(pairs: impl IntoIterator<Item = (&'static str, V)>, merge: impl Fn(V, V) -> V) -> Self {
        let pairs: Vec<(&'static str, V)> = pairs.into_iter().collect();
        let size = (pairs.len() * 2).next_power_of_two().max(8);
        let mut map = WordMap {
            slots: vec![EMPTY; size],
            entries: Vec::with_capacity(pairs.len()),
            mask: size - 1,
        };
        for (w, v) in pairs {
            let mut at = hash_bytes(w.as_bytes()) as usize & map.mask;
            loop {
                match map.slots[at] {
                    EMPTY => {
                        map.slots[at] = map.entries.len() as u32;
                        map.entries.push((w, v));
                        break;
                    }
                    e if map.entries[e as usize].0 == w => {
                        let old = map.entries[e as usize].1;
                        map.entries[e as usize].1 = merge(old, v);
                        break;
                    }
                    _ => at = (at + 1) & map.mask,
                }
            }
        }
        map
    }

    /// The value of `word`, if it is in the map.
    #[inline]
    pub fn get(&self, word: &str) -> Option<V> {
        self.probe(hash_bytes(word.as_bytes()), |w| w == word)
    }

    /// The value of `word` in lower case (`str::to_lowercase`), without
    /// building the lower-case string when `word` is ASCII.
    pub fn get_lowercase(&self, word: &str) -> Option<V> {
        if !word.is_ascii() {
            return self.get(&word.to_lowercase());
        }
        let hash = hash_each(word.bytes().map(|b| b.to_ascii_lowercase()));
        self.probe(hash, |w| {
            w.len() == word.len()
                && w.bytes()
                    .zip(word.bytes())
                    .all(|(a, b)| a == b.to_ascii_lowercase())
        })
    }

    /// The value of the entry of hash `hash` that `is_word` accepts.
    #[inline]
    fn probe(&self, hash: u64, is_word: impl Fn(&str) -> bool) -> Option<V> {
        let mut at = hash as usize & self.mask;
        loop {
            let e = *self.slots.get(at)?;
            if e == EMPTY {
                return None;
            }
            let (w, v) = *self.entries.get(e as usize)?;
            if is_word(w) {
                return Some(v);
            }
            at = (at + 1) & self.mask;
        }
    }
}

/// A static set of words.
pub(crate) struct WordSet(WordMap<()>);

impl WordSet {
    pub fn new(words: impl IntoIterator<Item = &'static str>) -> Self {
        WordSet(WordMap::new(words.into_iter().map(|w| (w, ())), |_, _| ()))
    }

    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        self.0.get(word).is_some()
    }

    /// Whether `word` is ASCII and in the set in lower case, without
    /// building the lower-case string; false for any other word.
    #[inline]
    pub fn contains_ascii_lowercase(&self, word: &str) -> bool {
        word.is_ascii() && self.0.get_lowercase(word).is_some()
    }
}

/// Declares a function returning a lazily built [`WordSet`] of a list.
macro_rules! word_set {
    ($(#[$doc:meta])* $name:ident, $list:expr) => {
        $(#[$doc])*
        fn $name() -> &'static $crate::words::WordSet {
            static SET: std::sync::OnceLock<$crate::words::WordSet> = std::sync::OnceLock::new();
            SET.get_or_init(|| $crate::words::WordSet::new($list.iter().copied()))
        }
    };
}
pub(crate) use word_set;

/// A hasher for hash maps whose keys are words or integers: FNV-1a with a
/// final mix. Deterministic (no per-process seed), which no output depends
/// on: maps keyed this way are only looked up, never iterated into output
/// order.
#[derive(Clone, Copy)]
pub(crate) struct WordHasher(u64);

impl Default for WordHasher {
    fn default() -> Self {
        WordHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for WordHasher {
    #[inline]
    fn finish(&self) -> u64 {
        finish(self.0)
    }

    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    #[inline]
    fn write_u64(&mut self, v: u64) {
        self.0 = (self.0 ^ v).wrapping_mul(0x0000_0100_0000_01b3).rotate_left(29);
    }

    #[inline]
    fn write_usize(&mut self, v: usize) {
        self.write_u64(v as u64);
    }
}

/// A `HashMap` with [`WordHasher`].
pub(crate) type FastMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<WordHasher>>;
/// A `HashSet` with [`WordHasher`].
pub(crate) type FastSet<K> = std::collections::HashSet<K, BuildHasherDefault<WordHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_answers_like_a_linear_search() {
        let list: &[&'static str] = &["two", "three", "", "dozen", "two", "é", "forty"];
        let set = WordSet::new(list.iter().copied());
        for w in [
            "two", "three", "", "dozen", "é", "forty", "four", "Two", "tw", "twoo", "x",
        ] {
            assert_eq!(set.contains(w), list.contains(&w), "{w:?}");
        }
    }

    #[test]
    fn find_table() {
        for (hay, needle) in [
            ("", ""),
            ("", "a"),
            ("abc", ""),
            ("a", "a"),
            ("ab", "abc"),
            ("the cat sat on the mat", "the"),
            ("the cat sat on the mat", " the "),
            ("the cat sat on the mat", "mat"),
            ("the cat sat on the mat", "hat"),
            ("aaaaaaaaaaaaaaaaab", "aab"),
            ("01234567x01234567y", "7y"),
            ("Zürich’s ‘Ærø’ — 5€", "’ —"),
            ("Zürich’s ‘Ærø’ — 5€", "€"),
            ("Zürich’s ‘Ærø’ — 5€", "ø’ — 5€!"),
            ("visit www.example.org today", "www."),
        ] {
            assert_eq!(find_str(hay, needle), hay.find(needle), "{hay:?} {needle:?}");
        }
    }

    #[test]
    fn lowercase_lookups_answer_for_the_lower_case_word() {
        let map = WordMap::new(
            [
                ("the", 1u16),
                ("über", 2),
                ("a", 4),
                ("mcdonald's", 8),
                ("Odd", 16),
            ],
            |x, y| x | y,
        );
        for w in [
            "the",
            "The",
            "THE",
            "tHe",
            "th",
            "thee",
            "Über",
            "ÜBER",
            "über",
            "A",
            "a",
            "McDonald's",
            "Odd",
            "odd",
            "ODD",
            "",
        ] {
            assert_eq!(map.get_lowercase(w), map.get(&w.to_lowercase()), "{w:?}");
        }
    }

    #[test]
    fn map_merges_repeated_words() {
        let map = WordMap::new([("a", 1u16), ("b", 2), ("a", 4)], |x, y| x | y);
        assert_eq!(map.get("a"), Some(5));
        assert_eq!(map.get("b"), Some(2));
        assert_eq!(map.get("c"), None);
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::super::{find_str, WordMap};
        use proptest::prelude::*;

        proptest! {
            /// Small alphabets, so that needles often occur, in part or whole.
            #[test]
            fn find_answers_like_str_find(hay in "[ab ’é]{0,40}", needle in "[ab ’é]{0,5}") {
                prop_assert_eq!(find_str(&hay, &needle), hay.find(&needle));
            }

            #[test]
            fn lowercase_lookups_answer_like_lowering_first(word in "[a-zA-Z'İK\u{212a}ß]{0,6}") {
                let map = WordMap::new(["a", "the", "it's", "k", "i̇", "ss", "ß"].map(|w| (w, ())), |_, _| ());
                prop_assert_eq!(map.get_lowercase(&word), map.get(&word.to_lowercase()));
            }

            #[test]
            fn find_answers_like_str_find_in_any_text(hay in "\\PC{0,60}", needle in "\\PC{0,3}") {
                prop_assert_eq!(find_str(&hay, &needle), hay.find(&needle));
            }
        }
    }
}
