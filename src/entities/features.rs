//! What the name tagger sees of a token: its word, shape, affixes and
//! context, as hashed feature indices. Shared by inference and the training
//! program (`train-ner`), so both compute exactly the same features.
//!
//! Each token is summarised once ([`TokFeat`]: hashes of its lower-case
//! form, shape and affixes, a small case class, gazetteer and document
//! bits); a feature is then a mix of a template number and one or two of
//! those hashes, reduced to a bucket of the weight table. Nothing is
//! allocated per token.

/// Entity types of the tagger, in tag order.
pub(crate) const TYPES: [&str; 4] = ["PER", "LOC", "ORG", "MISC"];
/// Tags: `O`, then for each type `B`, `I`, `L` (last), `U` (unit).
pub(crate) const N_TAGS: usize = 1 + 4 * TYPES.len();
/// The "previous tag" of the first token of a sentence.
pub(crate) const BOS_TAG: usize = N_TAGS;

/// Tag of `type_index` at `part` (0 B, 1 I, 2 L, 3 U).
#[cfg(any(test, feature = "train"))]
#[cfg(feature = "train")]
pub(crate) const fn tag(type_index: usize, part: usize) -> usize {
    1 + 4 * type_index + part
}

/// `(type index, part)` of a tag, `None` for `O` (and the BOS marker).
pub(crate) const fn split_tag(t: usize) -> Option<(usize, usize)> {
    if t == 0 || t >= N_TAGS {
        None
    } else {
        Some(((t - 1) / 4, (t - 1) % 4))
    }
}

/// Whether tag `t` may follow tag `prev` (BILOU well-formedness).
#[inline]
pub(crate) fn allowed(prev: usize, t: usize) -> bool {
    match ALLOWED.get(prev).and_then(|row| row.get(t)) {
        Some(&ok) => ok,
        None => follows(prev, t),
    }
}

/// [`follows`] of every tag after every tag and the BOS marker, looked up
/// by the decoder for each tag of each token.
static ALLOWED: [[bool; N_TAGS]; N_TAGS + 1] = {
    let mut table = [[false; N_TAGS]; N_TAGS + 1];
    let mut prev = 0;
    while prev <= N_TAGS {
        let mut t = 0;
        while t < N_TAGS {
            table[prev][t] = follows(prev, t);
            t += 1;
        }
        prev += 1;
    }
    table
};

/// The rule behind [`allowed`]: after `B` or `I` of a type only `I` or
/// `L` of that type; elsewhere `O`, `B` or `U` of any type.
const fn follows(prev: usize, t: usize) -> bool {
    let open = match split_tag(prev) {
        Some((ty, part)) if part <= 1 => Some(ty),
        _ => None,
    };
    match (open, split_tag(t)) {
        (Some(ty), Some((t2, p))) => t2 == ty && (p == 1 || p == 2),
        (Some(_), None) => false,
        (None, Some((_, p))) => p == 0 || p == 3,
        (None, None) => true,
    }
}

/// Case classes of a token (dense features).
pub(crate) mod class {
    pub const LOWER: u8 = 0;
    pub const TITLE: u8 = 1;
    pub const UPPER: u8 = 2;
    pub const INITIAL: u8 = 3;
    pub const DIGITS: u8 = 4;
    pub const NUMERIC: u8 = 5;
    pub const MIXED: u8 = 6;
    pub const PUNCT: u8 = 7;
    pub const OTHER: u8 = 8;
    /// Outside the sentence.
    pub const EDGE: u8 = 9;
    pub const COUNT: usize = 10;
}

/// Token flags.
pub(crate) const FIRST: u8 = 1;
/// The sentence has no lower-case letter (an ALL-CAPS headline, a dateline).
pub(crate) const HEADLINE: u8 = 2;
/// The sentence is a Title-Case Headline (its case was restored).
pub(crate) const TITLE_CASE: u8 = 4;

/// Document bits: what the rest of the document says about a word.
pub(crate) mod doc {
    /// The word appears in lower case somewhere.
    pub const SEEN_LOWER: u8 = 1;
    /// It appears capitalised in mixed-case text, not first in a sentence.
    pub const SEEN_CAP_MID: u8 = 2;
    /// It appears capitalised next to another capitalised word there.
    pub const SEEN_IN_NAME: u8 = 4;
    /// It appears first in a capitalised run of two or more words there.
    pub const SEEN_NAME_START: u8 = 8;
}

/// A hasher for keys that already are well-mixed 64-bit hashes (word and
/// sequence hashes): it passes them through.
#[derive(Default, Clone, Copy)]
pub(crate) struct PassHasher(u64);

impl std::hash::Hasher for PassHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Not used by u64 keys; kept correct for any other.
        self.0 = fnv(self.0 ^ FNV_OFFSET, bytes);
    }

    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

/// A map keyed by hashes.
pub(crate) type HashKeyed<V> = std::collections::HashMap<u64, V, std::hash::BuildHasherDefault<PassHasher>>;

/// What the tagger decided earlier in the document about capitalised
/// words: the type each got last (the "prediction history" of Ratinov and
/// Roth), so that a name is read the same way throughout an article.
#[derive(Default)]
pub(crate) struct History {
    last: HashKeyed<u8>,
}

impl History {
    /// An empty history with room for the capitalised words of an
    /// article of `tokens` tokens (about one token in eight).
    pub fn for_tokens(tokens: usize) -> History {
        History {
            last: HashKeyed::with_capacity_and_hasher(tokens / 8, Default::default()),
        }
    }

    /// The history value of a token: 0 unseen, 1-4 a type, 5 outside names.
    pub fn get(&self, t: &TokFeat) -> u8 {
        if capitalised(t.class) {
            self.last.get(&t.lower).copied().unwrap_or(0)
        } else {
            0
        }
    }

    /// Records the tag given to a token.
    pub fn record(&mut self, t: &TokFeat, tag: usize) {
        if capitalised(t.class) {
            let v = split_tag(tag).map_or(5, |(ty, _)| ty as u8 + 1);
            self.last.insert(t.lower, v);
        }
    }
}

/// What the tagger knows of one token.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct TokFeat {
    pub lower: u64,
    pub shape: u64,
    pub prefix: [u64; 3],
    pub suffix: [u64; 4],
    pub class: u8,
    pub flags: u8,
    pub gaz: u8,
    pub doc: u8,
    /// Word length in characters, capped at 15.
    pub len: u8,
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

fn fnv(h: u64, bytes: &[u8]) -> u64 {
    let mut h = h;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// Mixes two hashes (a splitmix64 finaliser over their combination).
pub(crate) const fn mix(a: u64, b: u64) -> u64 {
    let z = mix_top(a, b);
    z ^ (z >> 31)
}

/// [`mix`] without its last step, which changes none of the top 33 bits:
/// enough for a bucket of up to 33 bits, one step cheaper.
const fn mix_top(a: u64, b: u64) -> u64 {
    let mut z = a.rotate_left(23) ^ b.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb)
}

/// The most hash bits a model may have: the buckets are the top bits of
/// [`mix_top`].
pub(crate) const MAX_BITS: u32 = 24;
const _: () = assert!(MAX_BITS <= 33);

/// Hash of a lower-case word (the same as [`TokFeat::lower`]).
pub(crate) fn word_hash(lower: &str) -> u64 {
    fnv(FNV_OFFSET, lower.as_bytes())
}

fn char_class(c: char) -> u8 {
    if c.is_uppercase() {
        b'X'
    } else if c.is_lowercase() {
        b'x'
    } else if c.is_ascii_digit() {
        b'd'
    } else if c.is_alphabetic() {
        b'a'
    } else if c.is_ascii_punctuation() {
        c as u8
    } else {
        b'o'
    }
}

/// What [`tok_feat`] counts of a word's characters, with its shape.
#[derive(Debug, Default, PartialEq)]
struct Counts {
    upper: usize,
    lowers: usize,
    digits: usize,
    letters: usize,
    chars: usize,
    shape: [u8; 8],
    shape_len: usize,
}

impl Counts {
    /// Adds a character of class `k` ([`char_class`]) to the shape: one
    /// letter per run of a class, at most eight runs.
    #[inline]
    fn shape_push(&mut self, k: u8) {
        if (self.shape_len == 0 || self.shape[self.shape_len - 1] != k) && self.shape_len < self.shape.len() {
            self.shape[self.shape_len] = k;
            self.shape_len += 1;
        }
    }
}

/// Counts the characters of any word and writes its lower-case form
/// (typographic quotes and dashes as the ASCII ones) into `lower`.
fn count_chars(word: &str, lower: &mut String) -> Counts {
    let mut n = Counts::default();
    for c in word.chars() {
        n.chars += 1;
        if c.is_uppercase() {
            n.upper += 1;
        } else if c.is_lowercase() {
            n.lowers += 1;
        }
        if c.is_alphabetic() {
            n.letters += 1;
        }
        if c.is_ascii_digit() {
            n.digits += 1;
        }
        // Typographic quotes and dashes read as the ASCII ones of the
        // training text ("Azerbaijan’s" as "Azerbaijan's").
        let c = match c {
            '’' | '‘' | '‛' | '′' => '\'',
            '“' | '”' | '„' | '«' | '»' => '"',
            '–' | '‐' | '‑' => '-',
            c => c,
        };
        if c.is_ascii() {
            lower.push(c.to_ascii_lowercase());
        } else if c == '—' {
            lower.push_str("--");
        } else {
            lower.extend(c.to_lowercase());
        }
        n.shape_push(char_class(c));
    }
    n
}

/// [`count_chars`] for an ASCII word (most words), byte by byte.
fn count_ascii(word: &str, lower: &mut String) -> Counts {
    let mut n = Counts {
        chars: word.len(),
        ..Counts::default()
    };
    for &b in word.as_bytes() {
        let k = if b.is_ascii_uppercase() {
            n.upper += 1;
            b'X'
        } else if b.is_ascii_lowercase() {
            n.lowers += 1;
            b'x'
        } else if b.is_ascii_digit() {
            n.digits += 1;
            b'd'
        } else if b.is_ascii_punctuation() {
            b
        } else {
            b'o'
        };
        n.shape_push(k);
    }
    n.letters = n.upper + n.lowers;
    lower.push_str(word);
    lower.make_ascii_lowercase();
    n
}

/// Summarises the token `word`; `lower` is scratch space.
pub(crate) fn tok_feat(word: &str, lower: &mut String) -> TokFeat {
    lower.clear();
    let Counts {
        upper,
        lowers,
        digits,
        letters,
        chars,
        shape,
        shape_len,
    } = if word.is_ascii() {
        count_ascii(word, lower)
    } else {
        count_chars(word, lower)
    };
    let first_upper = word.chars().next().is_some_and(char::is_uppercase);
    let cls = if letters == 0 && digits == 0 {
        if word.chars().any(char::is_alphanumeric) {
            class::OTHER
        } else {
            class::PUNCT
        }
    } else if letters == 0 {
        if digits == chars {
            class::DIGITS
        } else {
            class::NUMERIC
        }
    } else if digits > 0 {
        class::NUMERIC
    } else if upper == 0 && lowers == 0 {
        class::OTHER
    } else if lowers == 0 {
        if letters == 1 {
            class::INITIAL
        } else {
            class::UPPER
        }
    } else if upper == 0 {
        class::LOWER
    } else if first_upper && (upper == 1 || word.contains(['-', '\'', '’'])) {
        class::TITLE
    } else {
        class::MIXED
    };
    let mut f = TokFeat {
        lower: fnv(FNV_OFFSET, lower.as_bytes()),
        shape: fnv(FNV_OFFSET ^ 1, &shape[..shape_len]),
        class: cls,
        len: chars.min(15) as u8,
        ..TokFeat::default()
    };
    // Affixes of the lower-case form, by characters (in ASCII text, a
    // character is a byte).
    let ascii = lower.is_ascii();
    let n = if ascii { lower.len() } else { lower.chars().count() };
    let char_at = |k: usize| {
        if ascii {
            Some(k)
        } else {
            lower.char_indices().nth(k).map(|(i, _)| i)
        }
    };
    for (k, slot) in f.prefix.iter_mut().enumerate() {
        let take = k + 1;
        if take < n {
            let end = char_at(take).unwrap_or(lower.len());
            *slot = fnv(FNV_OFFSET ^ 2, &lower.as_bytes()[..end]);
        }
    }
    for (k, slot) in f.suffix.iter_mut().enumerate() {
        let take = k + 1;
        if take < n {
            let start = char_at(n - take).unwrap_or(0);
            *slot = fnv(FNV_OFFSET ^ 3, &lower.as_bytes()[start..]);
        }
    }
    f
}

/// True for a class that starts with a capital letter.
pub(crate) fn capitalised(c: u8) -> bool {
    matches!(c, class::TITLE | class::UPPER | class::INITIAL | class::MIXED)
}

/// Sets the sentence flags of the tokens `toks` of one sentence.
pub(crate) fn sentence_flags(toks: &mut [TokFeat]) {
    let has_lower = toks
        .iter()
        .any(|t| matches!(t.class, class::LOWER | class::TITLE | class::MIXED));
    let words = toks.iter().filter(|t| t.class != class::PUNCT).count();
    let headline = !has_lower && words >= 1;
    let mut first = true;
    for t in toks.iter_mut() {
        if headline {
            t.flags |= HEADLINE;
        }
        if first && t.class != class::PUNCT {
            t.flags |= FIRST;
            first = false;
        }
    }
}

/// Sets the document bits of every token from all the sentences of a
/// document (`sentences` are ranges of `toks`). `seen` is scratch space.
pub(crate) fn document_bits(toks: &mut [TokFeat], sentences: &[(usize, usize)], seen: &mut HashKeyed<u8>) {
    seen.clear();
    for &(s, e) in sentences {
        for i in s..e {
            let t = toks[i];
            let mut bits = 0u8;
            if t.class == class::LOWER {
                bits |= doc::SEEN_LOWER;
            } else if capitalised(t.class) && t.flags & (FIRST | HEADLINE | TITLE_CASE) == 0 {
                bits |= doc::SEEN_CAP_MID;
                let prev_cap = i > s && capitalised(toks[i - 1].class);
                let next_cap = i + 1 < e && capitalised(toks[i + 1].class);
                if prev_cap || next_cap {
                    bits |= doc::SEEN_IN_NAME;
                }
                if next_cap && !prev_cap {
                    bits |= doc::SEEN_NAME_START;
                }
            }
            if bits != 0 {
                *seen.entry(t.lower).or_insert(0) |= bits;
            }
        }
    }
    for t in toks.iter_mut() {
        t.doc = seen.get(&t.lower).copied().unwrap_or(0);
    }
}

// Dense features: a small table of large weights.
const D_BIAS: usize = 0;
const D_P1: usize = 1;
const D_P1P2: usize = D_P1 + N_TAGS + 1;
const D_CLASS0: usize = D_P1P2 + (N_TAGS + 1) * (N_TAGS + 1);
const D_CLASS_PREV: usize = D_CLASS0 + class::COUNT * 4;
const D_CLASS_NEXT: usize = D_CLASS_PREV + class::COUNT;
const D_CLASS_P1: usize = D_CLASS_NEXT + class::COUNT;
/// Number of dense features.
pub(crate) const DENSE: usize = D_CLASS_P1 + class::COUNT * (N_TAGS + 1);

// Hashed feature templates.
const T_W0: u64 = 1;
const T_WM1: u64 = 2;
const T_WP1: u64 = 3;
const T_WM2: u64 = 4;
const T_WP2: u64 = 5;
const T_SHAPE0: u64 = 6;
const T_SHAPE_M1: u64 = 7;
const T_SHAPE_P1: u64 = 8;
const T_PREFIX: u64 = 10;
const T_SUFFIX: u64 = 20;
const T_WM1_W0: u64 = 30;
const T_W0_WP1: u64 = 31;
const T_P1_W0: u64 = 32;
const T_WM1_CLASS0: u64 = 33;
const T_WP1_CLASS0: u64 = 34;
const T_W0_FLAGS: u64 = 35;
const T_DOC: u64 = 36;
const T_GAZ: u64 = 37;
const T_GAZ_M1: u64 = 38;
const T_GAZ_P1: u64 = 39;
const T_P1_SHAPE0: u64 = 40;
const T_LEN: u64 = 41;
const T_P1_WM1: u64 = 42;
const T_HISTORY: u64 = 43;
const T_W0_CLASS: u64 = 44;

const BOS: u64 = 0x5b0c_5b0c_5b0c_5b0c;
const EOS: u64 = 0xe0c5_e0c5_e0c5_e0c5;

/// Feature indices of token `i` of a sentence, given the two previous tags.
pub(crate) struct Extractor {
    pub bits: u32,
}

impl Extractor {
    /// The bucket of the feature `mix(a, b)` (its top `bits` bits).
    #[inline]
    fn bucket(&self, a: u64, b: u64) -> u32 {
        (mix_top(a, b) >> (64 - self.bits)) as u32
    }

    /// Fills `hashed` (buckets) and `dense` (dense indices) for `sent[i]`.
    // The arguments are the decoder's state, kept flat for speed.
    #[allow(clippy::too_many_arguments)]
    pub fn extract(
        &self,
        sent: &[TokFeat],
        i: usize,
        p1: usize,
        p2: usize,
        history: u8,
        hashed: &mut Vec<u32>,
        dense: &mut Vec<u32>,
    ) {
        hashed.clear();
        dense.clear();
        let t0 = &sent[i];
        let word = |k: isize| -> u64 {
            let j = i as isize + k;
            if j < 0 {
                BOS
            } else {
                sent.get(j as usize).map_or(EOS, |t| t.lower)
            }
        };
        let tok = |k: isize| -> Option<&TokFeat> {
            let j = i as isize + k;
            if j < 0 {
                None
            } else {
                sent.get(j as usize)
            }
        };
        let cls = |t: Option<&TokFeat>| t.map_or(class::EDGE, |t| t.class);
        let (cm1, cp1) = (cls(tok(-1)), cls(tok(1)));
        let sflags = (t0.flags & (FIRST | HEADLINE)) as usize;

        dense.push(D_BIAS as u32);
        dense.push((D_P1 + p1) as u32);
        dense.push((D_P1P2 + p1 * (N_TAGS + 1) + p2) as u32);
        dense.push((D_CLASS0 + t0.class as usize * 4 + sflags) as u32);
        dense.push((D_CLASS_PREV + cm1 as usize) as u32);
        dense.push((D_CLASS_NEXT + cp1 as usize) as u32);
        dense.push((D_CLASS_P1 + t0.class as usize * (N_TAGS + 1) + p1) as u32);

        let (wm2, wm1, w0, wp1, wp2) = (word(-2), word(-1), t0.lower, word(1), word(2));
        let mut push = |a: u64, b: u64| hashed.push(self.bucket(a, b));
        push(T_W0, w0);
        push(T_WM1, wm1);
        push(T_WP1, wp1);
        push(T_WM2, wm2);
        push(T_WP2, wp2);
        push(T_SHAPE0, t0.shape);
        let shape = |t: Option<&TokFeat>, edge: u64| t.map_or(edge, |t| t.shape);
        push(mix(T_SHAPE_M1, shape(tok(-1), BOS)), t0.shape);
        push(mix(T_SHAPE_P1, t0.shape), shape(tok(1), EOS));
        for (k, &p) in t0.prefix.iter().enumerate() {
            if p != 0 {
                push(T_PREFIX + k as u64, p);
            }
        }
        for (k, &s) in t0.suffix.iter().enumerate() {
            if s != 0 {
                push(T_SUFFIX + k as u64, s);
            }
        }
        push(mix(T_WM1_W0, wm1), w0);
        push(mix(T_W0_WP1, w0), wp1);
        push(mix(T_P1_W0, p1 as u64), w0);
        push(mix(T_P1_WM1, p1 as u64), wm1);
        push(mix(T_P1_SHAPE0, p1 as u64), t0.shape);
        push(mix(T_WM1_CLASS0, wm1), u64::from(t0.class));
        push(mix(T_WP1_CLASS0, wp1), u64::from(t0.class));
        push(mix(T_W0_FLAGS, w0), sflags as u64);
        push(mix(T_W0_CLASS, w0), u64::from(t0.class));
        push(T_LEN, u64::from(t0.len) << 8 | u64::from(t0.class));
        if capitalised(t0.class) {
            let key = u64::from(t0.doc) | (sflags as u64) << 8 | u64::from(t0.class) << 16;
            push(T_DOC, key);
        }
        if history != 0 {
            push(
                T_HISTORY,
                u64::from(history) | u64::from(t0.class) << 8 | (sflags as u64) << 16,
            );
        }
        let gaz = |t: Option<&TokFeat>| t.map_or(0xff, |t| t.gaz);
        if t0.gaz != 0 {
            push(T_GAZ, u64::from(t0.gaz) | u64::from(t0.class) << 8);
        }
        let (gm1, gp1) = (gaz(tok(-1)), gaz(tok(1)));
        if gm1 != 0 {
            push(mix(T_GAZ_M1, u64::from(gm1)), u64::from(t0.class));
        }
        if gp1 != 0 {
            push(mix(T_GAZ_P1, u64::from(gp1)), u64::from(t0.class));
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Both counts of `word`, with the lower-case forms they write.
    fn both(word: &str) -> ((Counts, String), (Counts, String)) {
        let (mut a, mut b) = (String::new(), String::new());
        ((count_ascii(word, &mut a), a), (count_chars(word, &mut b), b))
    }

    #[test]
    fn tag_transitions_table() {
        // Tags: O, then B I L U of PER (1-4), LOC (5-8), ORG, MISC.
        let (o, b_per, i_per, l_per, u_per, b_loc, l_loc) = (0, 1, 2, 3, 4, 5, 7);
        for (prev, t, ok) in [
            (BOS_TAG, o, true),
            (BOS_TAG, b_per, true),
            (BOS_TAG, u_per, true),
            (BOS_TAG, i_per, false),
            (BOS_TAG, l_per, false),
            (o, b_loc, true),
            (o, l_loc, false),
            (b_per, i_per, true),
            (b_per, l_per, true),
            (b_per, o, false),
            (b_per, l_loc, false),
            (i_per, i_per, true),
            (i_per, b_per, false),
            (l_per, o, true),
            (l_per, b_loc, true),
            (l_per, i_per, false),
            (u_per, u_per, true),
            (u_per, l_per, false),
        ] {
            assert_eq!(allowed(prev, t), ok, "{prev} -> {t}");
        }
        // Outside the table: the rule itself.
        assert!(allowed(BOS_TAG + 1, N_TAGS + 3));
        assert!(!allowed(b_per, N_TAGS));
    }

    #[test]
    fn ascii_counts_table() {
        for word in [
            "",
            "a",
            "Azerbaijan's",
            "U.S.",
            "COVID-19",
            "5.4%",
            "--",
            "x\ty",
            "McDONALD",
            "\u{7f}",
        ] {
            let (ascii, any) = both(word);
            assert_eq!(ascii, any, "{word:?}");
        }
        let ((n, lower), _) = both("McDonald's-2");
        assert_eq!(lower, "mcdonald's-2");
        assert_eq!(&n.shape[..n.shape_len], b"XxXx'x-d");
        assert_eq!(
            (n.upper, n.lowers, n.letters, n.digits, n.chars),
            (2, 7, 9, 1, 12)
        );
    }

    proptest! {
        #[test]
        fn buckets_are_the_top_bits_of_the_whole_mix(a in any::<u64>(), b in any::<u64>()) {
            for bits in 8..=MAX_BITS {
                prop_assert_eq!(Extractor { bits }.bucket(a, b), (mix(a, b) >> (64 - bits)) as u32);
            }
        }

        #[test]
        fn ascii_words_count_the_same_either_way(word in "[ -~\t\u{0}-\u{1f}\u{7f}]{0,24}") {
            let (ascii, any) = both(&word);
            prop_assert_eq!(ascii, any);
        }
    }
}
