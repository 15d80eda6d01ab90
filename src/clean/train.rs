//! `train-cleaner`: learns the block labeller's weights from the
//! article-extraction training sets, chooses the decoder's two constants on
//! dev, and writes `src/data/clean/weights.rs`. With `--cv DIR` it also
//! writes site-disjoint 5-fold cross-validation predictions (every page of
//! a site in one fold; each fold's model never saw a page of its sites) and
//! dev predictions, one `<id>.txt` per page, for `scripts/eval-cleaning` to
//! score with the reference scorer.
//!
//! Deterministic: pages are read in a fixed order, the learner is a
//! logistic regression trained by plain gradient steps in that order, and
//! the weights are written with a fixed number of digits, so retraining
//! writes the same bytes.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::model::{Decoder, Weights, DIM, HIDDEN};
use crate::options::{InputKind, Options};

/// The training sets, in training order.
const SETS: &[&str] = &["dragnet-train", "cleaneval", "readability", "cleanportaleval"];
const FOLDS: u64 = 5;
const EPOCHS: usize = 12;

/// How much each set's pages weigh in training. CleanEval's gold is all
/// the content text of a page (comments and side text too), not only an
/// article: it counts half.
fn set_weight(set: &str) -> f32 {
    if set == "cleaneval" {
        0.5
    } else {
        1.0
    }
}

struct Page {
    set: String,
    id: String,
    site: String,
    gold: String,
    dir: PathBuf,
}

impl Page {
    fn fold(&self) -> u64 {
        // FNV-1a of the site name.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in self.site.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        h % FOLDS
    }

    fn input(&self, mode: InputKind) -> Result<String, String> {
        let ext = if mode == InputKind::Html { "html" } else { "txt" };
        let path = self.dir.join(format!("{}.{ext}", self.id));
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }
}

fn host_of(url: &str) -> String {
    let rest = url.split("://").nth(1).unwrap_or(url);
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    host.trim_start_matches("www.").to_ascii_lowercase()
}

fn load(dir: &Path, set: &str) -> Result<Vec<Page>, String> {
    let gt = dir.join("ground-truth.json");
    let text = std::fs::read_to_string(&gt).map_err(|e| format!("{}: {e}", gt.display()))?;
    let json: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", gt.display()))?;
    let ids_path = dir.join("ids.txt");
    let ids = std::fs::read_to_string(&ids_path).map_err(|e| format!("{}: {e}", ids_path.display()))?;
    let mut pages = Vec::new();
    for id in ids.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let entry = &json[id];
        let gold = entry["articleBody"].as_str().unwrap_or("").to_string();
        let site = match entry["site"].as_str() {
            Some(s) if !s.is_empty() => s.to_ascii_lowercase(),
            _ => host_of(entry["url"].as_str().unwrap_or(id)),
        };
        pages.push(Page {
            set: set.to_string(),
            id: id.to_string(),
            site,
            gold,
            dir: dir.to_path_buf(),
        });
    }
    Ok(pages)
}

/// The reference scorer's tokens: runs of letters, digits and `_`.
fn tokens(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty())
        .collect()
}

fn shingles(text: &str) -> HashMap<String, u32> {
    let t = tokens(text);
    let mut out = HashMap::new();
    if t.is_empty() {
        return out;
    }
    if t.len() < 4 {
        *out.entry(t.join("\u{1}")).or_insert(0) += 1;
        return out;
    }
    for w in t.windows(4) {
        *out.entry(w.join("\u{1}")).or_insert(0) += 1;
    }
    out
}

/// Per page (precision, recall), as the reference scorer defines them;
/// `None` where undefined.
fn page_pr(gold: &str, pred: &str) -> (Option<f64>, Option<f64>) {
    let g = shingles(gold);
    let p = shingles(pred);
    let mut tp = 0u64;
    let mut fp = 0u64;
    for (k, &c) in &p {
        let gc = g.get(k).copied().unwrap_or(0);
        tp += u64::from(c.min(gc));
        fp += u64::from(c.saturating_sub(gc));
    }
    let gt: u64 = g.values().map(|&c| u64::from(c)).sum();
    let fn_ = gt - tp;
    let (tp, fp, fn_) = (tp as f64, fp as f64, fn_ as f64);
    let prec = if tp + fp > 0.0 {
        Some(if fp == 0.0 && fn_ == 0.0 {
            1.0
        } else {
            tp / (tp + fp)
        })
    } else {
        None
    };
    let rec = if tp + fn_ > 0.0 {
        Some(if fp == 0.0 && fn_ == 0.0 {
            1.0
        } else {
            tp / (tp + fn_)
        })
    } else {
        None
    };
    (prec, rec)
}

fn f1_of(pairs: &[(Option<f64>, Option<f64>)]) -> f64 {
    let ps: Vec<f64> = pairs.iter().filter_map(|p| p.0).collect();
    let rs: Vec<f64> = pairs.iter().filter_map(|p| p.1).collect();
    let mean = |v: &[f64]| {
        if v.is_empty() {
            0.0
        } else {
            v.iter().sum::<f64>() / v.len() as f64
        }
    };
    let (p, r) = (mean(&ps), mean(&rs));
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

/// The block's label: most of its token n-grams are in the gold text.
/// `None` for a block without a token.
fn block_label(text: &str, gold: &[HashSet<String>; 4]) -> Option<bool> {
    let t = tokens(text);
    if t.is_empty() {
        return None;
    }
    let n = t.len().min(4);
    let total = t.len() + 1 - n;
    let hits = t
        .windows(n)
        .filter(|w| gold[n - 1].contains(&w.join("\u{1}")))
        .count();
    Some(hits * 2 >= total)
}

fn gold_sets(gold: &str) -> [HashSet<String>; 4] {
    let t = tokens(gold);
    std::array::from_fn(|k| t.windows(k + 1).map(|w| w.join("\u{1}")).collect())
}

/// One labelled block.
struct Sample {
    x: [f32; DIM],
    y: bool,
    weight: f32,
    fold: u64,
}

fn options(mode: InputKind) -> Options {
    Options {
        input: mode,
        ..Options::default()
    }
}

fn samples_of(page: &Page, mode: InputKind, out: &mut Vec<Sample>) -> Result<(), String> {
    if page.gold.trim().is_empty() {
        return Ok(());
    }
    let input = page.input(mode)?;
    let doc = crate::read::read(&input, &options(mode));
    let blocks = crate::blocks::split(doc);
    let Some(vectors) = super::vectors_of(&blocks) else {
        return Ok(());
    };
    let gold = gold_sets(&page.gold);
    let words: Vec<usize> = blocks.blocks.iter().map(|b| tokens(&b.text).len()).collect();
    let total = words.iter().sum::<usize>().max(1) as f32;
    let n = blocks.blocks.len() as f32;
    for (i, blk) in blocks.blocks.iter().enumerate() {
        let Some(y) = block_label(&blk.text, &gold) else {
            continue;
        };
        let mut x = [0f32; DIM];
        x.copy_from_slice(&vectors[i * DIM..(i + 1) * DIM]);
        let share = (words[i] as f32 / total * n).clamp(0.05, 20.0);
        out.push(Sample {
            x,
            y,
            weight: share * set_weight(&page.set),
            fold: page.fold(),
        });
    }
    Ok(())
}

/// The network of `model::score` trained by gradient steps on the
/// logistic loss, samples in their fixed order, from a fixed pseudo-random
/// start (deterministic).
fn learn(samples: &[Sample], skip_fold: Option<u64>) -> Vec<f32> {
    let h = HIDDEN;
    let mut w1 = vec![0f64; h * DIM];
    let mut b1 = vec![0f64; h];
    let mut w2 = vec![0f64; h];
    let mut b2 = 0f64;
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for x in &mut w1 {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        *x = ((seed >> 11) as f64 / (1u64 << 53) as f64 - 0.5) * 0.4;
    }
    for (j, x) in w2.iter_mut().enumerate() {
        *x = if j % 2 == 0 { 0.1 } else { -0.1 };
    }
    let mut act = vec![0f64; h];
    for epoch in 0..EPOCHS {
        let rate = 0.02 / (1.0 + 0.5 * epoch as f64);
        let (mut wrong, mut all) = (0f64, 0f64);
        for s in samples {
            if Some(s.fold) == skip_fold {
                continue;
            }
            let mut z = b2;
            for j in 0..h {
                let row = &w1[j * DIM..(j + 1) * DIM];
                let a: f64 = row.iter().zip(&s.x).map(|(r, &x)| r * f64::from(x)).sum::<f64>() + b1[j];
                act[j] = a.tanh();
                z += w2[j] * act[j];
            }
            let p = 1.0 / (1.0 + (-z.clamp(-30.0, 30.0)).exp());
            all += f64::from(s.weight);
            if (p > 0.5) != s.y {
                wrong += f64::from(s.weight);
            }
            let g = (f64::from(u8::from(s.y)) - p) * f64::from(s.weight) * rate;
            for j in 0..h {
                let back = g * w2[j] * (1.0 - act[j] * act[j]);
                w2[j] += g * act[j];
                b1[j] += back;
                for (r, &x) in w1[j * DIM..(j + 1) * DIM].iter_mut().zip(&s.x) {
                    *r += back * f64::from(x);
                }
            }
            b2 += g;
        }
        if skip_fold.is_none() {
            eprintln!(
                "  epoch {epoch}: weighted training error {:.4}",
                wrong / all.max(1e-9)
            );
        }
    }
    w1.iter()
        .chain(&b1)
        .chain(&w2)
        .chain(std::iter::once(&b2))
        .map(|&x| x as f32)
        .collect()
}

/// The article text the pipeline keeps for a page under these weights.
fn predict(page: &Page, mode: InputKind, weights: &Weights<'_>) -> Result<String, String> {
    let input = page.input(mode)?;
    let opts = options(mode);
    let doc = crate::read::read(&input, &opts);
    let blocks = crate::blocks::split(doc);
    let cleaned = super::clean_with(blocks, &opts, Some(weights));
    Ok(cleaned
        .kept
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n"))
}

const MODES: [(InputKind, &str); 2] = [(InputKind::Text, "text"), (InputKind::Html, "html")];

/// Dev F1 of one mode under these weights.
fn dev_f1(dev: &[Page], mode: InputKind, weights: &Weights<'_>) -> Result<f64, String> {
    let mut pairs = Vec::new();
    for p in dev {
        pairs.push(page_pr(&p.gold, &predict(p, mode, weights)?));
    }
    Ok(f1_of(&pairs))
}

/// Chooses the switch cost and the threshold on dev, for text and for HTML.
fn choose(dev: &[Page], w: &[f32]) -> Result<(Decoder, Decoder), String> {
    let mut best = [(
        f64::MIN,
        Decoder {
            switch: 0.0,
            bias: 0.0,
        },
    ); 2];
    for switch in [0.0f32, 1.0, 2.0, 3.0, 4.0] {
        for bias in [-1.5f32, -1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0] {
            let d = Decoder { switch, bias };
            let weights = Weights { w, text: d, html: d };
            for (k, (mode, name)) in MODES.iter().enumerate() {
                let f = dev_f1(dev, *mode, &weights)?;
                eprintln!("  {name}: switch {switch} bias {bias}: dev F1 {f:.4}");
                if f > best[k].0 {
                    best[k] = (f, d);
                }
            }
        }
    }
    Ok((best[0].1, best[1].1))
}

fn write_weights(path: &Path, w: &[f32], text: Decoder, html: Decoder) -> Result<(), String> {
    let mut s = String::new();
    s.push_str("//! The cleaning model's weights, written by `train-cleaner`; do not edit.\n\n");
    s.push_str("/// One weight per feature of `clean::model`.\n");
    let _ = writeln!(s, "pub(crate) const W: [f32; {}] = [", w.len());
    for x in w {
        let _ = writeln!(s, "    {x:.6},");
    }
    s.push_str("];\n/// The decoder's switch cost, pasted text.\n");
    let _ = writeln!(s, "pub(crate) const SWITCH: f32 = {:.6};", text.switch);
    s.push_str("/// The threshold between keep and drop, pasted text.\n");
    let _ = writeln!(s, "pub(crate) const BIAS: f32 = {:.6};", text.bias);
    s.push_str("/// The decoder's switch cost, HTML.\n");
    let _ = writeln!(s, "pub(crate) const HTML_SWITCH: f32 = {:.6};", html.switch);
    s.push_str("/// The threshold between keep and drop, HTML.\n");
    let _ = writeln!(s, "pub(crate) const HTML_BIAS: f32 = {:.6};", html.bias);
    std::fs::write(path, s).map_err(|e| format!("{}: {e}", path.display()))
}

fn write_predictions(dir: &Path, page: &Page, text: &str) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let path = dir.join(format!("{}.txt", page.id));
    std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Round-trips weights through the written precision, so that what CV and
/// dev measure is what the shipped file holds.
fn rounded(w: &[f32]) -> Vec<f32> {
    w.iter()
        .map(|x| format!("{x:.6}").parse().unwrap_or(0.0))
        .collect()
}

/// Entry point of `train-cleaner`.
pub fn main(args: &[String]) -> Result<(), String> {
    let mut data = PathBuf::from("target/extraction-train");
    let mut dev_dir = PathBuf::from("../shared/eval/extraction/dev");
    let mut out = PathBuf::from("src/data/clean/weights.rs");
    let mut cv: Option<PathBuf> = None;
    let mut rules_only = false;
    let mut rule_counts = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = || it.next().cloned().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--data" => data = PathBuf::from(value()?),
            "--dev" => dev_dir = PathBuf::from(value()?),
            "--out" => out = PathBuf::from(value()?),
            "--cv" => cv = Some(PathBuf::from(value()?)),
            "--rules-only" => rules_only = true,
            "--rule-counts" => rule_counts = true,
            other => {
                return Err(format!(
                    "unknown argument {other:?} (--data DIR, --dev DIR, --out FILE, --cv DIR, --rules-only, --rule-counts)"
                ))
            }
        }
    }
    let mut pages = Vec::new();
    for set in SETS {
        pages.extend(load(&data.join(set), set)?);
    }
    let dev = load(&dev_dir, "dev")?;
    eprintln!("{} training pages, {} dev pages", pages.len(), dev.len());

    if rule_counts {
        return count_rules(&pages);
    }

    if rules_only {
        // The rule-based build: no training, so CV is the plain score.
        let dir = cv.ok_or("--rules-only needs --cv DIR")?;
        for (mode, name) in MODES {
            for p in pages.iter().chain(&dev) {
                let input = p.input(mode)?;
                let opts = options(mode);
                let blocks = crate::blocks::split(crate::read::read(&input, &opts));
                let cleaned = super::clean_with(blocks, &opts, None);
                let text = cleaned
                    .kept
                    .iter()
                    .map(|b| b.text.as_str())
                    .collect::<Vec<_>>()
                    .join("\n\n");
                write_predictions(&dir.join(name).join(&p.set), p, &text)?;
            }
        }
        return Ok(());
    }

    let mut samples = Vec::new();
    for (mode, _) in MODES {
        for p in &pages {
            samples_of(p, mode, &mut samples)?;
        }
    }
    eprintln!("{} labelled blocks", samples.len());
    let w = rounded(&learn(&samples, None));
    let (text, html) = choose(&dev, &w)?;
    eprintln!("chosen on dev: text {text:?}, HTML {html:?}");
    write_weights(&out, &w, text, html)?;
    eprintln!("wrote {}", out.display());

    if let Some(dir) = cv {
        for fold in 0..FOLDS {
            let wf = rounded(&learn(&samples, Some(fold)));
            let weights = Weights { w: &wf, text, html };
            for (mode, name) in MODES {
                for p in pages.iter().filter(|p| p.fold() == fold) {
                    write_predictions(&dir.join(name).join(&p.set), p, &predict(p, mode, &weights)?)?;
                }
            }
            eprintln!("fold {fold} done");
        }
        let weights = Weights { w: &w, text, html };
        for (mode, name) in MODES {
            for p in &dev {
                write_predictions(&dir.join(name).join("dev"), p, &predict(p, mode, &weights)?)?;
            }
        }
    }
    Ok(())
}

/// What one entry of the rule table matched over the training pages (both
/// inputs): blocks in all, blocks the gold article holds (most of their
/// token n-grams are in it, as the labeller's labels), and of those, the
/// ones that are prose (a sentence of more than 12 words): a rule firing
/// there is a bug.
#[derive(Default, Clone, Copy)]
struct RuleCount {
    matched: usize,
    matched_without_cleaneval: usize,
    in_gold: usize,
    in_gold_prose: usize,
    in_gold_without_cleaneval: usize,
}

/// `--rule-counts`: prints, for every entry of the rule table, how often it
/// matches a block of the training pages and how often that block is gold
/// article text, so that a rule earns its place by counts.
fn count_rules(pages: &[Page]) -> Result<(), String> {
    let rules = super::rules::RULES;
    let mut counts = vec![RuleCount::default(); rules.len()];
    for (mode, _) in MODES {
        for p in pages.iter().filter(|p| !p.gold.trim().is_empty()) {
            let input = p.input(mode)?;
            let blocks = crate::blocks::split(crate::read::read(&input, &options(mode)));
            let gold = gold_sets(&p.gold);
            for b in blocks.blocks.iter().filter(|b| b.preset.is_none()) {
                let words = b.text.split_whitespace().count();
                let Some(i) = super::rules::entry_in(&b.text, words) else {
                    continue;
                };
                let c = &mut counts[i];
                c.matched += 1;
                c.matched_without_cleaneval += usize::from(p.set != "cleaneval");
                if block_label(&b.text, &gold) == Some(true) {
                    c.in_gold += 1;
                    c.in_gold_prose +=
                        usize::from(words > 12 && b.text.trim_end().ends_with(['.', '!', '?', '"', '”']));
                    c.in_gold_without_cleaneval += usize::from(p.set != "cleaneval");
                }
            }
        }
    }
    println!(
        "entry\trule\tmatcher\tmatched\tin gold\tin gold, prose\twithout cleaneval: matched\tin gold\tshare in gold, without cleaneval"
    );
    for (i, (r, c)) in rules.iter().zip(&counts).enumerate() {
        let kind = match r.matcher {
            super::rules::Match::Whole(_) => "whole",
            super::rules::Match::Prefix(_) => "prefix",
            super::rules::Match::Contains(_) => "contains",
            super::rules::Match::Test(_) => "test",
        };
        println!(
            "{i}\t{}\t{kind}\t{}\t{}\t{}\t{}\t{}\t{:.3}",
            r.name,
            c.matched,
            c.in_gold,
            c.in_gold_prose,
            c.matched_without_cleaneval,
            c.in_gold_without_cleaneval,
            c.in_gold_without_cleaneval as f64 / c.matched_without_cleaneval.max(1) as f64
        );
    }
    Ok(())
}
