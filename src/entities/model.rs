//! The name tagger: an averaged perceptron over hashed features, decoded
//! greedily left to right with well-formed BILOU tags.
//!
//! The weights ship in `data/ner/model.bin` (written by the `train-ner`
//! program; see `data/ner/README.md`):
//!
//! ```text
//! magic  "ACNER\x02\0\0"
//! u32 LE feature-set version, tag count T, hash bits B, dense feature count D
//! i32 LE × D·T   dense weights: bias, tag transitions, case classes
//! …              2^B·T i8 hashed weights, row per bucket, zero runs
//!                coded as 0x00 + run length (1-255), other bytes as is
//! ```
//!
//! Most hashed weights are zero, so the run coding keeps the file (and
//! the wasm, and a page that inlines it as base64) about three times
//! smaller than the plain table.
//!
//! Scores are integer sums, so tags are the same natively and in wasm.

use std::sync::OnceLock;

use super::features::{allowed, Extractor, History, TokFeat, BOS_TAG, DENSE, N_TAGS};

/// Version of the feature set; a model trained on another one is refused.
pub(crate) const FEATURE_VERSION: u32 = 5;
const MAGIC: &[u8; 8] = b"ACNER\x02\0\0";
const HEADER: usize = 8 + 4 * 4;

static MODEL_BYTES: &[u8] = include_bytes!("../data/ner/model.bin");

/// Anything that scores the tags of a token from its features.
pub(crate) trait Scorer {
    fn extractor(&self) -> &Extractor;
    fn score(&self, hashed: &[u32], dense: &[u32], out: &mut [i64; N_TAGS]);
}

/// The shipped model, decoded.
pub(crate) struct Model {
    extractor: Extractor,
    dense: Vec<i32>,
    hashed: Vec<i8>,
}

impl Model {
    /// Parses a model file; `None` when it is malformed or of another
    /// feature-set version.
    pub fn parse(bytes: &[u8]) -> Option<Model> {
        if bytes.len() < HEADER || &bytes[..8] != MAGIC {
            return None;
        }
        let word = |k: usize| -> u32 {
            let at = 8 + 4 * k;
            u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
        };
        let (version, tags, bits, dense_len) = (word(0), word(1), word(2), word(3));
        if version != FEATURE_VERSION || tags as usize != N_TAGS || dense_len as usize != DENSE {
            return None;
        }
        if !(8..=24).contains(&bits) {
            return None;
        }
        let dense_bytes = DENSE * N_TAGS * 4;
        let hashed_len = (1usize << bits) * N_TAGS;
        let dense = bytes
            .get(HEADER..HEADER + dense_bytes)?
            .chunks_exact(4)
            .map(|c| i32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        let mut hashed = Vec::with_capacity(hashed_len);
        let mut it = bytes[HEADER + dense_bytes..].iter();
        while let Some(&b) = it.next() {
            if b == 0 {
                let run = *it.next()?;
                hashed.resize(hashed.len() + usize::from(run), 0);
            } else {
                hashed.push(b as i8);
            }
        }
        if hashed.len() != hashed_len {
            return None;
        }
        Some(Model {
            extractor: Extractor { bits },
            dense,
            hashed,
        })
    }

    /// Serialises weights in the shipped format.
    #[cfg(feature = "train")]
    pub fn write(bits: u32, dense: &[i32], hashed: &[i8]) -> Vec<u8> {
        let mut out = Vec::with_capacity(HEADER + dense.len() * 4 + hashed.len());
        out.extend_from_slice(MAGIC);
        for v in [FEATURE_VERSION, N_TAGS as u32, bits, DENSE as u32] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        for v in dense {
            out.extend_from_slice(&v.to_le_bytes());
        }
        let mut zeros = 0u8;
        for &v in hashed {
            if v == 0 {
                if zeros == u8::MAX {
                    out.extend_from_slice(&[0, zeros]);
                    zeros = 0;
                }
                zeros += 1;
                continue;
            }
            if zeros > 0 {
                out.extend_from_slice(&[0, zeros]);
                zeros = 0;
            }
            out.push(v as u8);
        }
        if zeros > 0 {
            out.extend_from_slice(&[0, zeros]);
        }
        out
    }
}

impl Scorer for Model {
    fn extractor(&self) -> &Extractor {
        &self.extractor
    }

    #[inline]
    fn score(&self, hashed: &[u32], dense: &[u32], out: &mut [i64; N_TAGS]) {
        let mut acc = [0i32; N_TAGS];
        for &d in dense {
            let at = d as usize * N_TAGS;
            if let Some(row) = self.dense.get(at..at + N_TAGS) {
                for (a, &w) in acc.iter_mut().zip(row) {
                    *a += w;
                }
            }
        }
        for &b in hashed {
            let at = b as usize * N_TAGS;
            if let Some(row) = self.hashed.get(at..at + N_TAGS) {
                for (a, &w) in acc.iter_mut().zip(row) {
                    *a += i32::from(w);
                }
            }
        }
        for (o, a) in out.iter_mut().zip(acc) {
            *o = i64::from(a);
        }
    }
}

/// The shipped model, parsed once; `None` if the file is unusable.
pub(crate) fn shipped() -> Option<&'static Model> {
    static MODEL: OnceLock<Option<Model>> = OnceLock::new();
    MODEL.get_or_init(|| Model::parse(MODEL_BYTES)).as_ref()
}

/// Reusable buffers for tagging.
#[derive(Default)]
pub(crate) struct Scratch {
    hashed: Vec<u32>,
    dense: Vec<u32>,
}

/// Tags one sentence greedily, left to right, with well-formed tags;
/// `out` gets one tag per token.
pub(crate) fn tag_sentence<S: Scorer>(
    model: &S,
    sent: &[TokFeat],
    history: &mut History,
    scratch: &mut Scratch,
    out: &mut Vec<usize>,
) {
    let (mut p1, mut p2) = (BOS_TAG, BOS_TAG);
    let mut scores = [0i64; N_TAGS];
    for i in 0..sent.len() {
        model.extractor().extract(
            sent,
            i,
            p1,
            p2,
            history.get(&sent[i]),
            &mut scratch.hashed,
            &mut scratch.dense,
        );
        model.score(&scratch.hashed, &scratch.dense, &mut scores);
        let last = i + 1 == sent.len();
        let mut best = 0usize;
        let mut best_score = i64::MIN;
        for (t, &s) in scores.iter().enumerate() {
            if allowed(p1, t) && (!last || closes(t)) && s > best_score {
                best_score = s;
                best = t;
            }
        }
        out.push(best);
        history.record(&sent[i], best);
        p2 = p1;
        p1 = best;
    }
}

/// Whether a sentence may end after tag `t` (no entity left open).
pub(crate) fn closes(t: usize) -> bool {
    allowed(t, 0)
}
