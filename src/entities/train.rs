//! The training program of the name tagger (`train-ner`, feature `train`):
//! an averaged perceptron over the same features as inference, trained on
//! CoNLL-2003-style documents (`gold.jsonl` + texts), written as the
//! shipped model file. Deterministic: the same data and options give the
//! same bytes.
//!
//! Each document goes through the same pipeline as `--raw --input text`
//! (blocks, sentences, tokens), so training sees exactly what inference
//! sees.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use super::doc::{self, DocTokens};
use super::features::{
    allowed, split_tag, tag, Extractor, History, TokFeat, BOS_TAG, DENSE, MAX_BITS, N_TAGS, TYPES,
};
use super::model::{tag_sentence, Model, Scorer, Scratch};
use crate::options::{InputKind, Options};

const USAGE: &str = "\
Usage: train-ner [--data DIR]... [--dev DIR]... [--out FILE] [--epochs N] [--bits B] [--clip Q]
       train-ner --score FILE --dev DIR...

Trains the name tagger on each DIR/gold.jsonl (text documents with gold
names) and writes the model file. --dev scores each epoch on other splits
(for choosing settings only; they are never trained on).

A record's `annotated_types` (default: all four) and `partial_types` say
which types its source marks, and marks completely: where the gold says
\"no name\", a guess of a type the source does not mark (completely) is
not counted as an error (partial labels). Scoring a dev split counts only
its annotated types.

  --data DIR[*N] a training split, read N times an epoch (default 1); repeat
                 for several (default: the CoNLL-2003 train split twice and
                 the train splits of ../shared/eval/ner/extra once)
  --dev DIR      a split to score after each epoch; repeat for several
  --out FILE     model file (default src/data/ner/model.bin)
  --epochs N     passes over the data (default 17)
  --bits B       log2 of the hashed feature buckets (default 16)
  --clip Q       quantile of |weight| that maps to 127 (default 0.9999)
  --prune P      quantised hashed weights with |w| <= P become 0 (default 2)
  --dropout P    percent of a token's hashed features left out of each
                 training step, at random (fixed seed; default 0)
  --score FILE   score the model FILE on the --dev splits; no training
";

/// The training splits, relative to the repository root, and how many
/// times an epoch reads each: CoNLL-2003 twice, so that the news of the
/// other sets does not outweigh it (chosen on the dev splits).
pub const DEFAULT_DATA: &[(&str, usize)] = &[
    ("../shared/eval/ner/train", 2),
    ("../shared/eval/ner/extra/uner_ewt/train", 1),
    ("../shared/eval/ner/extra/gum/train", 1),
    ("../shared/eval/ner/extra/crossner/train", 1),
];

struct Args {
    /// Training splits, each with how many times an epoch reads it.
    data: Vec<(PathBuf, usize)>,
    dev: Vec<PathBuf>,
    out: PathBuf,
    epochs: usize,
    bits: u32,
    clip: f64,
    prune: i8,
    score: Option<PathBuf>,
    dropout: u64,
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut a = Args {
        data: DEFAULT_DATA.iter().map(|&(d, n)| (PathBuf::from(d), n)).collect(),
        dev: Vec::new(),
        out: PathBuf::from("src/data/ner/model.bin"),
        epochs: 17,
        bits: 16,
        clip: 0.9999,
        prune: 2,
        score: None,
        dropout: 0,
    };
    let mut own_data = false;
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let mut value = || {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))
        };
        match flag.as_str() {
            "--data" => {
                if !own_data {
                    a.data.clear();
                    own_data = true;
                }
                let v = value()?;
                let (dir, times) = match v.rsplit_once('*') {
                    Some((dir, n)) => (dir, n.parse().map_err(|e| format!("--data {v}: {e}"))?),
                    None => (v.as_str(), 1),
                };
                a.data.push((PathBuf::from(dir), times));
            }
            "--dev" => a.dev.push(PathBuf::from(value()?)),
            "--out" => a.out = PathBuf::from(value()?),
            "--epochs" => a.epochs = value()?.parse().map_err(|e| format!("--epochs: {e}"))?,
            "--bits" => a.bits = value()?.parse().map_err(|e| format!("--bits: {e}"))?,
            "--clip" => a.clip = value()?.parse().map_err(|e| format!("--clip: {e}"))?,
            "--prune" => a.prune = value()?.parse().map_err(|e| format!("--prune: {e}"))?,
            "--dropout" => a.dropout = value()?.parse().map_err(|e| format!("--dropout: {e}"))?,
            "--score" => a.score = Some(PathBuf::from(value()?)),
            "-h" | "--help" => return Err(USAGE.to_string()),
            other => return Err(format!("unknown argument {other}\n{USAGE}")),
        }
    }
    if !(8..=MAX_BITS).contains(&a.bits) {
        return Err(format!("--bits must be between 8 and {MAX_BITS}"));
    }
    Ok(a)
}

/// One training or scoring document.
struct Doc {
    toks: DocTokens,
    /// Gold tag per token.
    gold: Vec<usize>,
    /// Gold entities: input byte span (normalised) and type index.
    spans: HashSet<(usize, usize, usize)>,
    text: String,
    /// Bit per type index: types whose absence the gold does not vouch
    /// for (not annotated, or annotated partially).
    unmarked: u8,
    /// Bit per type index: types the gold annotates (scored on dev).
    scored: u8,
}

/// The bits of the type names listed under `key` of a gold record (`all`
/// when the record has no such list).
fn type_bits(v: &serde_json::Value, key: &str, all: u8) -> u8 {
    match v[key].as_array() {
        None => all,
        Some(list) => list
            .iter()
            .filter_map(|t| t.as_str())
            .filter_map(|t| TYPES.iter().position(|&x| x == t))
            .fold(0, |bits, k| bits | 1 << k),
    }
}

fn load(dir: &Path) -> Result<Vec<Doc>, String> {
    let gold_path = dir.join("gold.jsonl");
    let lines = fs::read_to_string(&gold_path).map_err(|e| format!("{}: {e}", gold_path.display()))?;
    let options = Options {
        input: InputKind::Text,
        raw: true,
        ..Options::default()
    };
    let mut docs = Vec::new();
    let mut misaligned = 0usize;
    let mut total = 0usize;
    for line in lines.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).map_err(|e| format!("gold.jsonl: {e}"))?;
        let file = v["file"].as_str().ok_or("gold.jsonl: no file")?;
        let all = (1u8 << TYPES.len()) - 1;
        let scored = type_bits(&v, "annotated_types", all);
        let unmarked = (all & !scored) | type_bits(&v, "partial_types", 0);
        let text = fs::read_to_string(dir.join(file)).map_err(|e| format!("{file}: {e}"))?;
        // Code-point offsets to byte offsets.
        let mut byte_of: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        byte_of.push(text.len());
        let sentences = {
            let document = crate::read::read(&text, &options);
            let blocks = crate::blocks::split(document);
            let cleaned = crate::clean::clean(blocks, &options);
            crate::sentences::split(cleaned)
        };
        let toks = doc::prepare(&sentences);
        let mut gold = vec![0usize; toks.feats.len()];
        let mut spans = HashSet::new();
        for e in v["entities"].as_array().ok_or("gold.jsonl: no entities")? {
            let (Some(s), Some(t), Some(ty)) = (e["start"].as_u64(), e["end"].as_u64(), e["type"].as_str())
            else {
                continue;
            };
            let Some(ty) = TYPES.iter().position(|&x| x == ty) else {
                continue;
            };
            if s as usize >= byte_of.len() || t as usize >= byte_of.len() || s >= t {
                continue;
            }
            let (s, t) = (byte_of[s as usize], byte_of[t as usize]);
            total += 1;
            spans.insert(normalise(&text, s, t, ty));
            let inside: Vec<usize> = (0..toks.src.len())
                .filter(|&i| toks.src[i].is_some_and(|(a, b)| a >= s && b <= t))
                .collect();
            let covered = inside
                .first()
                .zip(inside.last())
                .map(|(&a, &b)| (toks.src[a].map_or(0, |x| x.0), toks.src[b].map_or(0, |x| x.1)));
            if covered != Some((s, t)) {
                misaligned += 1;
            }
            match inside.len() {
                0 => {}
                1 => gold[inside[0]] = tag(ty, 3),
                n => {
                    for (k, &i) in inside.iter().enumerate() {
                        gold[i] = tag(
                            ty,
                            if k == 0 {
                                0
                            } else if k + 1 == n {
                                2
                            } else {
                                1
                            },
                        );
                    }
                }
            }
        }
        docs.push(Doc {
            toks,
            gold,
            spans,
            text,
            unmarked,
            scored,
        });
    }
    eprintln!(
        "{}: {} documents, {} entities, {} not aligned with tokens",
        dir.display(),
        docs.len(),
        total,
        misaligned
    );
    Ok(docs)
}

/// The scorer's span normalisation (see `score_ner.py`).
fn normalise(text: &str, mut s: usize, mut e: usize, ty: usize) -> (usize, usize, usize) {
    const TRIM: &[u8] = b" \t\r\n.,;:!?\"'()[]";
    let b = text.as_bytes();
    let mut changed = true;
    while changed && s < e {
        changed = false;
        while s < e && TRIM.contains(&b[s]) {
            s += 1;
            changed = true;
        }
        while s < e && TRIM.contains(&b[e - 1]) {
            e -= 1;
            changed = true;
        }
        if e - s >= 2 && (b[e - 2..e] == *b"'s" || b[e - 2..e] == *b"'S") {
            e -= 2;
            changed = true;
        } else if s < e && b[e - 1] == b'\'' {
            e -= 1;
            changed = true;
        }
        if e - s > 4 && (&b[s..s + 4] == b"the " || &b[s..s + 4] == b"The ") {
            s += 4;
            changed = true;
        }
    }
    (s, e, ty)
}

/// Weights being learnt, with the sums for averaging.
struct Weights {
    extractor: Extractor,
    hashed: Vec<i32>,
    hashed_sum: Vec<i64>,
    dense: Vec<i32>,
    dense_sum: Vec<i64>,
    step: i64,
}

impl Scorer for Weights {
    fn extractor(&self) -> &Extractor {
        &self.extractor
    }

    fn score(&self, hashed: &[u32], dense: &[u32], out: &mut [i64; N_TAGS]) {
        *out = [0; N_TAGS];
        for &d in dense {
            let row = &self.dense[d as usize * N_TAGS..][..N_TAGS];
            for (o, &w) in out.iter_mut().zip(row) {
                *o += i64::from(w);
            }
        }
        for &b in hashed {
            let row = &self.hashed[b as usize * N_TAGS..][..N_TAGS];
            for (o, &w) in out.iter_mut().zip(row) {
                *o += i64::from(w);
            }
        }
    }
}

impl Weights {
    fn new(bits: u32) -> Weights {
        let n = (1usize << bits) * N_TAGS;
        Weights {
            extractor: Extractor { bits },
            hashed: vec![0; n],
            hashed_sum: vec![0; n],
            dense: vec![0; DENSE * N_TAGS],
            dense_sum: vec![0; DENSE * N_TAGS],
            step: 1,
        }
    }

    fn update(&mut self, hashed: &[u32], dense: &[u32], t: usize, delta: i32) {
        let c = self.step * i64::from(delta);
        for &b in hashed {
            let k = b as usize * N_TAGS + t;
            self.hashed[k] += delta;
            self.hashed_sum[k] += c;
        }
        for &d in dense {
            let k = d as usize * N_TAGS + t;
            self.dense[k] += delta;
            self.dense_sum[k] += c;
        }
    }

    /// The averaged weights, quantised: hashed weights to i8 with the
    /// `clip` quantile of their magnitudes mapped to 127, dense weights to
    /// i32 at the same scale.
    fn quantised(&self, clip: f64, prune: i8) -> (Vec<i32>, Vec<i8>) {
        let avg = |w: i32, s: i64| f64::from(w) - s as f64 / self.step as f64;
        let hashed: Vec<f64> = self
            .hashed
            .iter()
            .zip(&self.hashed_sum)
            .map(|(&w, &s)| avg(w, s))
            .collect();
        let mut mags: Vec<f64> = hashed.iter().map(|v| v.abs()).filter(|&v| v > 0.0).collect();
        mags.sort_by(f64::total_cmp);
        let top = if mags.is_empty() {
            1.0
        } else {
            let k = ((mags.len() - 1) as f64 * clip).round() as usize;
            mags[k.min(mags.len() - 1)].max(1e-9)
        };
        let scale = 127.0 / top;
        let q_hashed = hashed
            .iter()
            .map(|v| (v * scale).round().clamp(-127.0, 127.0) as i8)
            .map(|q| if q.abs() <= prune { 0 } else { q })
            .collect();
        let q_dense = self
            .dense
            .iter()
            .zip(&self.dense_sum)
            .map(|(&w, &s)| (avg(w, s) * scale).round() as i32)
            .collect();
        (q_dense, q_hashed)
    }
}

fn xorshift(state: &mut u64) -> u64 {
    let mut x = *state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    *state = x;
    x
}

/// Entity spans `(first token, end token, type)` of one tagged sentence.
pub(crate) fn spans(tags: &[usize]) -> Vec<(usize, usize, usize)> {
    super::spans_from_tags(tags)
}

/// Scores a model on documents: (precision, recall, F1, per-type F1), on
/// the types each document's gold annotates.
fn evaluate<S: Scorer>(model: &S, docs: &[Doc]) -> (f64, f64, f64, [f64; 4]) {
    let mut scratch = Scratch::default();
    let mut tags = Vec::new();
    let (mut tp, mut np, mut ng) = ([0usize; 4], [0usize; 4], [0usize; 4]);
    for d in docs {
        let mut pred = HashSet::new();
        let mut history = History::default();
        for s in &d.toks.sents {
            tags.clear();
            tag_sentence(
                model,
                &d.toks.feats[s.start..s.end],
                &mut history,
                &mut scratch,
                &mut tags,
            );
            for (a, b, ty) in spans(&tags) {
                let (Some(x), Some(y)) = (d.toks.src[s.start + a], d.toks.src[s.start + b - 1]) else {
                    continue;
                };
                let n = normalise(&d.text, x.0, y.1, ty);
                if n.0 < n.1 && d.scored & 1 << ty != 0 {
                    pred.insert(n);
                }
            }
        }
        for &(_, _, ty) in &d.spans {
            if d.scored & 1 << ty != 0 {
                ng[ty] += 1;
            }
        }
        for p in &pred {
            np[p.2] += 1;
            if d.spans.contains(p) {
                tp[p.2] += 1;
            }
        }
    }
    let f = |tp: usize, np: usize, ng: usize| {
        let p = if np > 0 { tp as f64 / np as f64 } else { 0.0 };
        let r = if ng > 0 { tp as f64 / ng as f64 } else { 0.0 };
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        (p, r, f)
    };
    let mut per = [0.0; 4];
    for k in 0..4 {
        per[k] = f(tp[k], np[k], ng[k]).2;
    }
    let (p, r, f1) = f(tp.iter().sum(), np.iter().sum(), ng.iter().sum());
    (p, r, f1, per)
}

/// A dev split's scores, as a line.
fn score_line<S: Scorer>(model: &S, dir: &Path, docs: &[Doc]) -> String {
    let (p, r, f, per) = evaluate(model, docs);
    format!(
        "\n  {}: P {p:.4} R {r:.4} F1 {f:.4} (PER {:.3} LOC {:.3} ORG {:.3} MISC {:.3})",
        dir.display(),
        per[0],
        per[1],
        per[2],
        per[3]
    )
}

/// Runs the training program with command-line arguments (without the
/// program name).
pub fn main(args: &[String]) -> Result<(), String> {
    let args = parse_args(args)?;
    let mut train = Vec::new();
    let mut order: Vec<usize> = Vec::new();
    for (dir, times) in &args.data {
        let docs = load(dir)?;
        for _ in 0..*times {
            order.extend(train.len()..train.len() + docs.len());
        }
        train.extend(docs);
    }
    let mut dev = Vec::new();
    for dir in &args.dev {
        dev.push((dir, load(dir)?));
    }
    if let Some(file) = &args.score {
        let bytes = fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
        let model = Model::parse(&bytes).ok_or("the model does not parse")?;
        for (dir, docs) in &dev {
            eprintln!("{}", score_line(&model, dir, docs).trim_start());
        }
        return Ok(());
    }
    let mut w = Weights::new(args.bits);
    let mut rng = 0x2545_f491_4f6c_dd1du64;
    let mut drop_rng = 0x9e37_79b9_7f4a_7c15u64;
    let mut hashed = Vec::new();
    let mut dense = Vec::new();
    for epoch in 0..args.epochs {
        // A fixed-seed shuffle per epoch (Fisher-Yates).
        for i in (1..order.len()).rev() {
            let j = (xorshift(&mut rng) % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let (mut right, mut seen) = (0usize, 0usize);
        let mut scores = [0i64; N_TAGS];
        for &di in &order {
            let d = &train[di];
            let mut history = History::default();
            for s in &d.toks.sents {
                let sent: &[TokFeat] = &d.toks.feats[s.start..s.end];
                let (mut p1, mut p2) = (BOS_TAG, BOS_TAG);
                for i in 0..sent.len() {
                    let gold = d.gold[s.start + i];
                    let h = history.get(&sent[i]);
                    w.extractor.extract(sent, i, p1, p2, h, &mut hashed, &mut dense);
                    if args.dropout > 0 {
                        hashed.retain(|_| xorshift(&mut drop_rng) % 100 >= args.dropout);
                    }
                    w.score(&hashed, &dense, &mut scores);
                    let mut best = usize::MAX;
                    for t in 0..N_TAGS {
                        if (allowed(p1, t) || t == gold) && (best == usize::MAX || scores[t] > scores[best]) {
                            best = t;
                        }
                    }
                    // Partial labels: a name of a type the source does not
                    // mark, where the gold says "no name", may be right.
                    let unmarked =
                        gold == 0 && split_tag(best).is_some_and(|(ty, _)| d.unmarked & 1 << ty != 0);
                    if best != gold && !unmarked {
                        w.update(&hashed, &dense, gold, 1);
                        w.update(&hashed, &dense, best, -1);
                    } else {
                        right += 1;
                    }
                    history.record(&sent[i], best);
                    seen += 1;
                    w.step += 1;
                    p2 = p1;
                    p1 = best;
                }
            }
        }
        let mut line = format!(
            "epoch {:2}: train token accuracy {:.4}",
            epoch + 1,
            right as f64 / seen.max(1) as f64
        );
        if !dev.is_empty() {
            let (q_dense, q_hashed) = w.quantised(args.clip, args.prune);
            let bytes: &'static [u8] =
                Box::leak(Model::write(args.bits, &q_dense, &q_hashed).into_boxed_slice());
            let model = Model::parse(bytes).ok_or("the written model does not parse")?;
            for (dir, docs) in &dev {
                line.push_str(&score_line(&model, dir, docs));
            }
        }
        eprintln!("{line}");
    }
    let (q_dense, q_hashed) = w.quantised(args.clip, args.prune);
    let bytes = Model::write(args.bits, &q_dense, &q_hashed);
    let zeros = q_hashed.iter().filter(|&&v| v == 0).count();
    fs::write(&args.out, &bytes).map_err(|e| format!("{}: {e}", args.out.display()))?;
    eprintln!(
        "wrote {} ({} bytes; {:.1}% of hashed weights are zero)",
        args.out.display(),
        bytes.len(),
        100.0 * zeros as f64 / q_hashed.len().max(1) as f64
    );
    Ok(())
}
