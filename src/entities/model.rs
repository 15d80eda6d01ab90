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

use crate::words::FastMap;

use super::features::{allowed, Extractor, History, TokFeat, BOS_TAG, DENSE, MAX_BITS, N_TAGS};

/// Version of the feature set; a model trained on another one is refused.
pub(crate) const FEATURE_VERSION: u32 = 6;
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
    /// Per bucket, which of the distinct weight rows it has: many buckets
    /// share a row (all-zero rows above all), so the index and the
    /// distinct rows take less memory than a row per bucket.
    index: Vec<u16>,
    /// The hashed weights of tag 0 (outside any name), per distinct row.
    outside: Vec<i8>,
    /// The hashed weights of the other tags, one packed row (see
    /// [`pack`]) per distinct row: 16 bytes, a quarter of a cache line.
    rows: Vec<PackedRow>,
}

/// Tags in a packed row: every tag but tag 0.
const PACKED: usize = N_TAGS - 1;
/// Byte lanes per `u64` word of a packed row.
const LANES: usize = 8;
/// One bucket's weights of tags 1 to 16: tag `t` in byte `(t - 1) % 8` of
/// word `(t - 1) / 8`, stored as `weight + 128` (0 to 255). Masking a word
/// with [`EVEN`] (or shifting it right by 8 first) spreads every other
/// byte into a 16-bit lane, and adding those adds four tags' weights at
/// once; no lane carries into the next while fewer than 257 rows are
/// summed (255 × 257 < 2^16).
type PackedRow = [u64; PACKED / LANES];
const _: () = assert!(PACKED % LANES == 0 && PACKED == 16);
/// The even bytes of a word, each in its own 16-bit lane.
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
const EVEN: u64 = 0x00ff_00ff_00ff_00ff;
/// Rows summed before the lanes are read out (so no lane overflows).
const ROWS_PER_SUM: usize = 256;
/// Buckets whose row numbers are read before their rows.
const ROW_BATCH: usize = 32;
/// A row number no row has: a model has fewer distinct rows.
const NO_ROW: u16 = u16::MAX;

/// Packs the weights of tags 1 to 16 of a bucket.
fn pack(weights: &[i8]) -> PackedRow {
    let mut row = [0u64; PACKED / LANES];
    for (k, &w) in weights.iter().skip(1).enumerate().take(PACKED) {
        let biased = (i16::from(w) + 128) as u64;
        row[k / LANES] |= biased << (8 * (k % LANES));
    }
    row
}

impl Model {
    /// Parses a model file; `None` when it is malformed or of another
    /// feature-set version.
    pub fn parse(bytes: &[u8]) -> Option<Model> {
        let (bits, dense, hashed) = decode(bytes)?;
        let mut ids: FastMap<&[i8], u16> = FastMap::default();
        let (mut outside, mut rows) = (Vec::new(), Vec::new());
        let mut index = Vec::with_capacity(1 << bits);
        for weights in hashed.chunks_exact(N_TAGS) {
            let next = u16::try_from(rows.len()).ok().filter(|&id| id != NO_ROW);
            let id = match ids.get(weights) {
                Some(&id) => id,
                None => {
                    // More distinct rows than a u16 can number (with
                    // NO_ROW left over): not a model this build can hold.
                    let id = next?;
                    ids.insert(weights, id);
                    outside.push(weights[0]);
                    rows.push(pack(weights));
                    id
                }
            };
            index.push(id);
        }
        Some(Model {
            extractor: Extractor { bits },
            dense,
            index,
            outside,
            rows,
        })
    }

    /// Calls `add` with the packed row of every bucket in `chunk` (at most
    /// [`ROWS_PER_SUM`]); returns the sum of those buckets' tag-0 weights
    /// and how many there were.
    #[inline]
    fn each_row(&self, chunk: &[u32], mut add: impl FnMut(&PackedRow)) -> (i32, i32) {
        let mut outside = 0i32;
        let mut n = 0i32;
        // A few buckets' row numbers first, then their rows: the reads of
        // one loop depend on nothing in it, so they overlap (about 2 % of a
        // typical article in wasm, against reading each row as soon as its
        // number comes). A small batch, so that no large array is filled
        // for every token.
        for batch in chunk.chunks(ROW_BATCH) {
            let mut ids = [NO_ROW; ROW_BATCH];
            for (id, &b) in ids.iter_mut().zip(batch) {
                *id = self.index.get(b as usize).copied().unwrap_or(NO_ROW);
            }
            for &id in &ids[..batch.len()] {
                let id = usize::from(id);
                if let (Some(row), Some(&o)) = (self.rows.get(id), self.outside.get(id)) {
                    outside = outside.wrapping_add(i32::from(o));
                    add(row);
                    n += 1;
                }
            }
        }
        (outside, n)
    }

    /// The rows of the buckets in `chunk` (at most [`ROWS_PER_SUM`]),
    /// summed: per tag 1 to 16 the sum of its biased weights, the sum of
    /// tag 0's weights, and how many rows were summed.
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    #[inline]
    fn sum_rows(&self, chunk: &[u32]) -> ([u16; PACKED], i32, i32) {
        // even[w] / odd[w]: the even / odd bytes of word w, summed in
        // 16-bit lanes.
        let mut even = [0u64; PACKED / LANES];
        let mut odd = [0u64; PACKED / LANES];
        let (outside, n) = self.each_row(chunk, |row| {
            for w in 0..PACKED / LANES {
                even[w] += row[w] & EVEN;
                odd[w] += (row[w] >> 8) & EVEN;
            }
        });
        let mut sums = [0u16; PACKED];
        for (k, s) in sums.iter_mut().enumerate() {
            let (w, byte) = (k / LANES, k % LANES);
            let lanes = if byte % 2 == 0 { even[w] } else { odd[w] };
            *s = (lanes >> (16 * (byte / 2))) as u16;
        }
        (sums, outside, n)
    }

    /// The same sums with WebAssembly SIMD: a row is one 128-bit value
    /// whose bytes widen into two vectors of 16-bit lanes.
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    #[inline]
    fn sum_rows(&self, chunk: &[u32]) -> ([u16; PACKED], i32, i32) {
        use core::arch::wasm32::{
            u16x8_add, u16x8_extend_high_u8x16, u16x8_extend_low_u8x16, u16x8_splat, u64x2,
            u64x2_extract_lane,
        };
        let (mut low, mut high) = (u16x8_splat(0), u16x8_splat(0));
        let (outside, n) = self.each_row(chunk, |row| {
            let v = u64x2(row[0], row[1]);
            low = u16x8_add(low, u16x8_extend_low_u8x16(v));
            high = u16x8_add(high, u16x8_extend_high_u8x16(v));
        });
        // Tags 1-4, 5-8, 9-12, 13-16: four 16-bit lanes to a word.
        let words = [
            u64x2_extract_lane::<0>(low),
            u64x2_extract_lane::<1>(low),
            u64x2_extract_lane::<0>(high),
            u64x2_extract_lane::<1>(high),
        ];
        let mut sums = [0u16; PACKED];
        for (k, s) in sums.iter_mut().enumerate() {
            *s = (words[k / 4] >> (16 * (k % 4))) as u16;
        }
        (sums, outside, n)
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
        // The same sums as adding every weight to an i32 one by one (the
        // arithmetic wraps the same way), in far fewer steps.
        let mut acc = [0i32; N_TAGS];
        for &d in dense {
            let at = d as usize * N_TAGS;
            if let Some(row) = self.dense.get(at..at + N_TAGS) {
                for (a, &w) in acc.iter_mut().zip(row) {
                    *a = a.wrapping_add(w);
                }
            }
        }
        for chunk in hashed.chunks(ROWS_PER_SUM) {
            let (sums, outside, n) = self.sum_rows(chunk);
            acc[0] = acc[0].wrapping_add(outside);
            for (a, &lane) in acc.iter_mut().skip(1).zip(&sums) {
                *a = a.wrapping_add(i32::from(lane) - 128 * n);
            }
        }
        for (o, a) in out.iter_mut().zip(acc) {
            *o = i64::from(a);
        }
    }
}

/// The parts of a model file: hash bits, dense weights and the hashed
/// weights (bucket by bucket, tag by tag); `None` when it is malformed or
/// of another feature-set version.
fn decode(bytes: &[u8]) -> Option<(u32, Vec<i32>, Vec<i8>)> {
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
    if !(8..=MAX_BITS).contains(&bits) {
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
    (hashed.len() == hashed_len).then_some((bits, dense, hashed))
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The weights of every tag of `bucket`, unpacked from the tables.
    fn weights(model: &Model, bucket: usize) -> Vec<i8> {
        let id = usize::from(model.index[bucket]);
        let row = model.rows[id];
        let mut w = vec![model.outside[id]];
        w.extend((0..PACKED).map(|k| ((row[k / LANES] >> (8 * (k % LANES))) as u8 as i16 - 128) as i8));
        w
    }

    #[test]
    fn the_shipped_model_keeps_every_weight_of_the_file() {
        let (bits, dense, hashed) = decode(MODEL_BYTES).expect("the shipped model decodes");
        let model = shipped().expect("the shipped model parses");
        assert_eq!(model.dense, dense);
        assert_eq!(model.index.len(), 1 << bits);
        assert!(model.rows.len() < model.index.len(), "rows are shared");
        for (bucket, want) in hashed.chunks_exact(N_TAGS).enumerate() {
            assert_eq!(weights(model, bucket), want, "bucket {bucket}");
        }
    }

    #[test]
    fn scores_are_the_sums_of_the_weights() {
        let (_, dense, hashed) = decode(MODEL_BYTES).expect("the shipped model decodes");
        let model = shipped().expect("the shipped model parses");
        // Buckets of every kind (zero rows, shared rows, repeats) and more
        // than one chunk of rows.
        let buckets: Vec<u32> = (0..600u32).map(|k| k.wrapping_mul(2_654_435_761) >> 16).collect();
        let dense_ids = [0u32, 3, 40];
        let mut want = [0i32; N_TAGS];
        for &d in &dense_ids {
            for (t, w) in want.iter_mut().enumerate() {
                *w = w.wrapping_add(dense[d as usize * N_TAGS + t]);
            }
        }
        for &b in &buckets {
            for (t, w) in want.iter_mut().enumerate() {
                *w = w.wrapping_add(i32::from(hashed[b as usize * N_TAGS + t]));
            }
        }
        let mut got = [0i64; N_TAGS];
        model.score(&buckets, &dense_ids, &mut got);
        assert_eq!(got, want.map(i64::from));
    }
}
