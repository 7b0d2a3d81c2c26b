//! Train the skill and knowledge phrase tagger (`atscore::posting::tagger`) and write
//! its weights to `core/data/tagger.bin`.
//!
//! ```text
//! cargo run --release -p atscore --example train_tagger -- ../shared/corpus [--classes 1|2] [--dry-run]
//! ```
//!
//! Data: `peer-tests/skillspan/gold_spans.jsonl` (SkillSpan, Zhang et al.,
//! NAACL 2022; MIT). The model learns from `split == "train"` only; `dev`
//! picks the number of epochs, the pruning and the score calibration; `test`
//! is measured once at the end, for reporting. The green-skill set
//! (`peer-tests/green-skill-extraction`, CC BY 4.0) holds only its test set,
//! so it is not trained on.
//!
//! Same input, same bytes: the training order is shuffled with a fixed seed,
//! features are hashed with a fixed seed, and rows are written sorted.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use atscore::posting::tagger::train::{self, Line, Model};
use serde_json::Value;

/// Most epochs tried (dev picks the best).
const EPOCHS: usize = 60;
/// Features seen fewer times in training are dropped.
const MIN_COUNT: u32 = 2;
/// Largest weights file written.
const MAX_BYTES: usize = 1_450_000;

/// One posting: its text (one sentence a line) and gold phrases.
struct Posting {
    split: String,
    text: String,
    /// `(class, start, end)`: class 0 knowledge, 1 skill; bytes of `text`
    gold: Vec<(usize, usize, usize)>,
    lines: Vec<Line>,
}

/// Spans of a gold list inside a sentence, by first unused occurrence (as
/// `core/tests/jd.rs` does).
fn locate(sentence: &str, spans: &[Value]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for s in spans.iter().filter_map(Value::as_str) {
        let mut from = 0;
        while let Some(i) = sentence[from..].find(s) {
            let r = (from + i, from + i + s.len());
            if !out.contains(&r) {
                out.push(r);
                break;
            }
            from += i + 1;
        }
    }
    out
}

fn load(corpus: &Path) -> Vec<Posting> {
    let path = corpus.join("peer-tests/skillspan/gold_spans.jsonl");
    let data = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut out = Vec::new();
    for l in data.lines().filter(|l| !l.trim().is_empty()) {
        let v: Value = serde_json::from_str(l).expect("a JSON line");
        let mut text = String::new();
        let mut gold = Vec::new();
        for s in v["sentences"].as_array().expect("sentences") {
            let sentence = s["text"].as_str().unwrap_or("").replace(['\n', '\r'], " ");
            let at = text.len();
            for (class, key) in [(0, "knowledge_spans"), (1, "skill_spans")] {
                let spans = s[key].as_array().map(Vec::as_slice).unwrap_or(&[]);
                for (a, b) in locate(&sentence, spans) {
                    gold.push((class, at + a, at + b));
                }
            }
            text.push_str(&sentence);
            text.push('\n');
        }
        let lines = train::lines(&text, train::SEED);
        out.push(Posting {
            split: v["split"].as_str().unwrap_or("").to_string(),
            text,
            gold,
            lines,
        });
    }
    out
}

/// Where a byte range lands in the lines: `(line, first token, end token)`.
fn to_tokens(lines: &[Line], start: usize, end: usize) -> Option<(usize, usize, usize)> {
    for (k, l) in lines.iter().enumerate() {
        let (Some(first), Some(last)) = (l.spans.first(), l.spans.last()) else {
            continue;
        };
        if last.end <= start || first.start >= end {
            continue;
        }
        let a = l.spans.iter().position(|s| s.end > start)?;
        let b = l.spans.iter().rposition(|s| s.start < end)? + 1;
        return (a < b).then_some((k, a, b));
    }
    None
}

/// The gold tag sequence of every line. Two classes: tags O, B-K, I-K, B-S,
/// I-S; where a knowledge phrase nests in a skill phrase, knowledge wins and
/// the rest of the skill phrase restarts. One class: the union, overlapping
/// phrases merged.
fn gold_tags(p: &Posting, classes: usize) -> Vec<Vec<u8>> {
    let mut tags: Vec<Vec<u8>> = p.lines.iter().map(|l| vec![0; l.spans.len()]).collect();
    let mut spans: Vec<(usize, usize, usize, usize)> = p
        .gold
        .iter()
        .filter_map(|&(c, s, e)| to_tokens(&p.lines, s, e).map(|(k, a, b)| (c, k, a, b)))
        .collect();
    if classes == 1 {
        spans.sort_by_key(|&(_, k, a, b)| (k, a, b));
        let mut merged: Vec<(usize, usize, usize, usize)> = Vec::new();
        for (_, k, a, b) in spans {
            match merged.last_mut() {
                Some(m) if m.1 == k && a < m.3 => m.3 = m.3.max(b),
                _ => merged.push((0, k, a, b)),
            }
        }
        spans = merged;
    } else {
        // skills first, knowledge over them
        spans.sort_by_key(|&(c, k, a, b)| (std::cmp::Reverse(c), k, a, b));
    }
    for (c, k, a, b) in spans {
        let t = &mut tags[k];
        t[a] = 1 + 2 * c as u8;
        for x in &mut t[a + 1..b] {
            *x = 2 + 2 * c as u8;
        }
    }
    // repair: an inside tag after another class's tag, or after punctuation
    // that ends phrases, begins a phrase
    for (t, l) in tags.iter_mut().zip(&p.lines) {
        for i in 0..t.len() {
            let y = t[i];
            if y != 0 && y % 2 == 0 {
                let prev = if i == 0 { 0 } else { t[i - 1] };
                if prev == 0 || (prev - 1) / 2 != (y - 1) / 2 || l.breaks[i] {
                    t[i] = y - 1;
                }
            }
        }
    }
    tags
}

/// A deterministic xorshift generator (for the training order).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// A line ready for the float model: dense feature indices per token.
struct Example {
    feats: Vec<Vec<u32>>,
    breaks: Vec<bool>,
    tags: Vec<u8>,
}

/// The averaged perceptron's weights (dense over the kept features).
struct Perceptron {
    nt: usize,
    w: Vec<f64>,
    /// sum of `c × update` for averaging: average = w - u / c
    u: Vec<f64>,
    c: f64,
    /// dense index of the transition feature from each tag (and the start)
    trans: Vec<u32>,
}

impl Perceptron {
    fn upd(&mut self, f: u32, y: u8, d: f64) {
        let i = f as usize * self.nt + y as usize;
        self.w[i] += d;
        self.u[i] += self.c * d;
    }

    fn averaged(&self) -> Vec<f64> {
        self.w
            .iter()
            .zip(&self.u)
            .map(|(w, u)| w - u / self.c)
            .collect()
    }
}

/// Emission and transition scores of a line under weights `w`.
fn scores(w: &[f64], nt: usize, trans_ids: &[u32], feats: &[Vec<u32>]) -> (Vec<f64>, Vec<f64>) {
    let mut emit = vec![0.0; feats.len() * nt];
    for (i, fs) in feats.iter().enumerate() {
        for &f in fs {
            for y in 0..nt {
                emit[i * nt + y] += w[f as usize * nt + y];
            }
        }
    }
    let mut trans = vec![0.0; (nt + 1) * nt];
    for (p, &f) in trans_ids.iter().enumerate() {
        for y in 0..nt {
            trans[p * nt + y] = w[f as usize * nt + y];
        }
    }
    (emit, trans)
}

fn train_epoch(m: &mut Perceptron, data: &[Example], order: &[usize]) {
    let nt = m.nt;
    for &k in order {
        let ex = &data[k];
        m.c += 1.0;
        let (emit, trans) = scores(&m.w, nt, &m.trans, &ex.feats);
        let (pred, _) = train::decode(ex.feats.len(), nt, &emit, &trans, &ex.breaks);
        if pred == ex.tags {
            continue;
        }
        for i in 0..pred.len() {
            let (g, p) = (ex.tags[i], pred[i]);
            if g != p {
                for &f in &ex.feats[i] {
                    m.upd(f, g, 1.0);
                    m.upd(f, p, -1.0);
                }
            }
            let gp = if i == 0 { nt } else { ex.tags[i - 1] as usize };
            let pp = if i == 0 { nt } else { pred[i - 1] as usize };
            if (gp, g) != (pp, p) {
                m.upd(m.trans[gp], g, 1.0);
                m.upd(m.trans[pp], p, -1.0);
            }
        }
    }
}

/// Counts for precision, recall and F1.
#[derive(Default, Clone, Copy)]
struct Prf {
    tp: usize,
    pred: usize,
    gold: usize,
}

impl Prf {
    fn p(&self) -> f64 {
        self.tp as f64 / self.pred.max(1) as f64
    }
    fn r(&self) -> f64 {
        self.tp as f64 / self.gold.max(1) as f64
    }
    fn f(&self) -> f64 {
        let (p, r) = (self.p(), self.r());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn show(&self) -> String {
        format!(
            "P {:.3} R {:.3} F1 {:.3} ({}/{}/{})",
            self.p(),
            self.r(),
            self.f(),
            self.tp,
            self.pred,
            self.gold
        )
    }
}

/// Scores of one evaluation: token-level and strict span, for knowledge,
/// skill and both; and the posting-level numbers of `core/tests/jd.rs`.
#[derive(Default)]
struct Eval {
    token: [Prf; 3],
    span: [Prf; 3],
    /// predicted phrases, those overlapping a gold phrase of either class
    mentions: usize,
    mentions_in_gold: usize,
    /// gold knowledge phrases, those some predicted phrase overlaps
    gold_knowledge: usize,
    gold_knowledge_found: usize,
}

impl Eval {
    /// Add a posting: predicted `(class, start, end)` bytes.
    fn add(&mut self, p: &Posting, pred: &[(usize, usize, usize)], classes: usize) {
        let overlaps = |a: (usize, usize), b: (usize, usize)| a.0 < b.1 && b.0 < a.1;
        // strict spans in token units (gold trimmed to whole tokens)
        let gold_tok: Vec<(usize, (usize, usize, usize))> = p
            .gold
            .iter()
            .filter_map(|&(c, s, e)| Some((c, to_tokens(&p.lines, s, e)?)))
            .collect();
        let pred_tok: Vec<(usize, (usize, usize, usize))> = pred
            .iter()
            .filter_map(|&(c, s, e)| Some((c, to_tokens(&p.lines, s, e)?)))
            .collect();
        for k in 0..3 {
            let keep = |c: usize| k == 2 || c == k;
            // with one class, a prediction counts for whichever class it matches
            let pc = |c: usize| if classes == 1 { k } else { c };
            let g: Vec<_> = gold_tok.iter().filter(|x| keep(x.0)).map(|x| x.1).collect();
            let pr: Vec<_> = pred_tok
                .iter()
                .filter(|x| keep(pc(x.0)))
                .map(|x| x.1)
                .collect();
            let mut gd = g.clone();
            gd.sort();
            gd.dedup();
            let mut pd = pr.clone();
            pd.sort();
            pd.dedup();
            let e = &mut self.span[k];
            e.gold += gd.len();
            if classes == 1 && k < 2 {
                // one class: precision is not defined per class; count recall only
                e.pred += pd.iter().filter(|x| gd.contains(x)).count();
            } else {
                e.pred += pd.len();
            }
            e.tp += pd.iter().filter(|x| gd.contains(x)).count();
            // token level
            let mut gt = std::collections::BTreeSet::new();
            for &(l, a, b) in &g {
                gt.extend((a..b).map(|i| (l, i)));
            }
            let mut pt = std::collections::BTreeSet::new();
            for &(l, a, b) in &pr {
                pt.extend((a..b).map(|i| (l, i)));
            }
            let t = &mut self.token[k];
            t.gold += gt.len();
            t.tp += pt.intersection(&gt).count();
            t.pred += if classes == 1 && k < 2 {
                pt.intersection(&gt).count()
            } else {
                pt.len()
            };
        }
        // posting level (as core/tests/jd.rs evaluate)
        self.mentions += pred.len();
        self.mentions_in_gold += pred
            .iter()
            .filter(|m| p.gold.iter().any(|g| overlaps((m.1, m.2), (g.1, g.2))))
            .count();
        for g in p.gold.iter().filter(|g| g.0 == 0) {
            self.gold_knowledge += 1;
            if pred.iter().any(|m| overlaps((m.1, m.2), (g.1, g.2))) {
                self.gold_knowledge_found += 1;
            }
        }
    }

    fn posting(&self) -> (f64, f64) {
        (
            self.mentions_in_gold as f64 / self.mentions.max(1) as f64,
            self.gold_knowledge_found as f64 / self.gold_knowledge.max(1) as f64,
        )
    }

    fn print(&self, name: &str, classes: usize) {
        println!("== {name}");
        for (k, label) in ["knowledge", "skill", "both"].iter().enumerate() {
            let note = if classes == 1 && k < 2 {
                " (recall only: one class)"
            } else {
                ""
            };
            println!("  {label:<9} token  {}{note}", self.token[k].show());
            println!("  {label:<9} span   {}{note}", self.span[k].show());
        }
        let (p, r) = self.posting();
        println!(
            "  posting-level (jd.rs): precision {p:.3} ({}/{}), knowledge recall {r:.3} ({}/{})",
            self.mentions_in_gold, self.mentions, self.gold_knowledge_found, self.gold_knowledge
        );
    }
}

/// Predictions of the float model for a posting.
fn predict_float(
    w: &[f64],
    nt: usize,
    trans: &[u32],
    ex: &[Example],
    p: &Posting,
) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    for (l, e) in p.lines.iter().zip(ex) {
        let (emit, tr) = scores(w, nt, trans, &e.feats);
        let (tags, _) = train::decode(e.feats.len(), nt, &emit, &tr, &e.breaks);
        for (c, a, b) in train::phrases(&tags) {
            out.push((c, l.spans[a].start, l.spans[b - 1].end));
        }
    }
    out
}

/// Predictions of a weights file (as `atscore::posting::tagger::tag` makes them),
/// with each phrase's mean margin.
fn predict_model(m: &Model, p: &Posting) -> Vec<(usize, usize, usize, f64)> {
    m.tag_raw(&p.text)
        .into_iter()
        .map(|(s, k, margin)| {
            let c = usize::from(m.classes() == 2 && k == atscore::posting::tagger::Kind::Skill);
            (c, s.start, s.end, margin)
        })
        .collect()
}

/// Fit `σ(a·m + b)` to whether each phrase overlaps gold (Newton's method
/// on the standardized margin).
fn fit_logistic(xs: &[(f64, bool)]) -> (f64, f64) {
    let n = xs.len().max(1) as f64;
    let mean = xs.iter().map(|x| x.0).sum::<f64>() / n;
    let sd = (xs.iter().map(|x| (x.0 - mean).powi(2)).sum::<f64>() / n)
        .sqrt()
        .max(1e-9);
    let xs: Vec<(f64, bool)> = xs.iter().map(|&(x, y)| ((x - mean) / sd, y)).collect();
    let (a, b) = fit_standard(&xs);
    (a / sd, b - a * mean / sd)
}

fn fit_standard(xs: &[(f64, bool)]) -> (f64, f64) {
    let (mut a, mut b) = (0.0f64, 0.0f64);
    for _ in 0..50 {
        let (mut ga, mut gb, mut haa, mut hab, mut hbb) = (0.0, 0.0, 1e-6, 0.0, 1e-6);
        for &(x, y) in xs {
            let p = 1.0 / (1.0 + (-(a * x + b)).exp());
            let d = p - f64::from(u8::from(y));
            ga += d * x;
            gb += d;
            let h = p * (1.0 - p);
            haa += h * x * x;
            hab += h * x;
            hbb += h;
        }
        let det = haa * hbb - hab * hab;
        if det.abs() < 1e-12 {
            break;
        }
        let da = (hbb * ga - hab * gb) / det;
        let db = (haa * gb - hab * ga) / det;
        a -= da;
        b -= db;
        if da.abs() + db.abs() < 1e-9 {
            break;
        }
    }
    (a, b)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let corpus = PathBuf::from(
        args.iter()
            .find(|a| !a.starts_with("--"))
            .map_or("../shared/corpus", String::as_str),
    );
    let classes: usize = args
        .iter()
        .position(|a| a == "--classes")
        .and_then(|i| args.get(i + 1))
        .map_or(2, |s| s.parse().expect("--classes 1 or 2"));
    let dry_run = args.iter().any(|a| a == "--dry-run");
    let no_test = args.iter().any(|a| a == "--no-test");
    let nt = train::ntags(classes);
    let started = Instant::now();

    let postings = load(&corpus);
    let split = |name: &str| -> Vec<usize> {
        (0..postings.len())
            .filter(|&i| postings[i].split == name)
            .collect()
    };
    let (tr, dev, test) = (split("train"), split("dev"), split("test"));
    println!(
        "postings: train {}, dev {}, test {} ({} classes)",
        tr.len(),
        dev.len(),
        test.len(),
        classes
    );

    // the kept features: seen MIN_COUNT times in train, plus the transitions
    let mut counts: HashMap<u32, u32> = HashMap::new();
    for &i in &tr {
        for l in &postings[i].lines {
            for &f in &l.feats {
                *counts.entry(f).or_default() += 1;
            }
        }
    }
    let mut kept: Vec<u32> = counts
        .iter()
        .filter(|&(_, &n)| n >= MIN_COUNT)
        .map(|(&f, _)| f)
        .collect();
    let trans_ids: Vec<u32> = (0..=nt)
        .map(|p| train::transition_feature(train::SEED, p))
        .collect();
    kept.extend(&trans_ids);
    kept.sort_unstable();
    kept.dedup();
    let dense: HashMap<u32, u32> = kept
        .iter()
        .enumerate()
        .map(|(i, &f)| (f, i as u32))
        .collect();
    println!(
        "features: {} distinct in train, {} kept (seen >= {MIN_COUNT} times)",
        counts.len(),
        kept.len()
    );

    let examples = |i: usize| -> Vec<Example> {
        let p = &postings[i];
        let tags = gold_tags(p, classes);
        p.lines
            .iter()
            .zip(tags)
            .map(|(l, tags)| Example {
                feats: (0..l.spans.len())
                    .map(|t| {
                        l.token(t)
                            .iter()
                            .filter_map(|f| dense.get(f).copied())
                            .collect()
                    })
                    .collect(),
                breaks: l.breaks.clone(),
                tags,
            })
            .collect()
    };
    let train_ex: Vec<Example> = tr.iter().flat_map(|&i| examples(i)).collect();
    let dev_ex: Vec<Vec<Example>> = dev.iter().map(|&i| examples(i)).collect();

    let mut m = Perceptron {
        nt,
        w: vec![0.0; kept.len() * nt],
        u: vec![0.0; kept.len() * nt],
        c: 0.0,
        trans: trans_ids.iter().map(|f| dense[f]).collect(),
    };
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let mut order: Vec<usize> = (0..train_ex.len()).collect();
    let mut best: Option<(f64, usize, Vec<f64>)> = None;
    for epoch in 1..=EPOCHS {
        rng.shuffle(&mut order);
        train_epoch(&mut m, &train_ex, &order);
        let avg = m.averaged();
        let mut ev = Eval::default();
        for (k, &i) in dev.iter().enumerate() {
            let pred = predict_float(&avg, nt, &m.trans, &dev_ex[k], &postings[i]);
            ev.add(&postings[i], &pred, classes);
        }
        // selection: strict span F1 of both classes, and knowledge recall at
        // posting level (what a posting reader needs most)
        let (_, r) = ev.posting();
        let key = ev.span[2].f() + 0.5 * r;
        println!(
            "epoch {epoch:2}: dev span F1 knowledge {:.3} skill {:.3} both {:.3}; posting P {:.3} R {:.3}",
            ev.span[0].f(),
            ev.span[1].f(),
            ev.span[2].f(),
            ev.posting().0,
            r
        );
        if best.as_ref().is_none_or(|b| key > b.0) {
            best = Some((key, epoch, avg));
        }
    }
    let (_, best_epoch, w) = best.expect("at least one epoch");
    println!("best epoch on dev: {best_epoch}");

    // quantize; prune rows whose largest weight rounds below `cut` until the
    // file fits
    let max = w.iter().fold(0.0f64, |a, &x| a.max(x.abs()));
    let scale = (max / 32767.0).max(1e-12) as f32;
    let row_bytes = 4 + 2 * nt;
    let quantized: Vec<(u32, Vec<i16>)> = kept
        .iter()
        .enumerate()
        .map(|(i, &f)| {
            let q = w[i * nt..(i + 1) * nt]
                .iter()
                .map(|&x| (x / scale as f64).round().clamp(-32767.0, 32767.0) as i16)
                .collect();
            (f, q)
        })
        .collect();
    let mut cut = 1i32;
    let rows: Vec<(u32, Vec<i16>)> = loop {
        let rows: Vec<(u32, Vec<i16>)> = quantized
            .iter()
            .filter(|(f, q)| trans_ids.contains(f) || q.iter().any(|&x| (x as i32).abs() >= cut))
            .cloned()
            .collect();
        if 32 + rows.len() * row_bytes <= MAX_BYTES {
            break rows;
        }
        cut = cut * 5 / 4 + 1;
    };
    println!(
        "quantized: scale {scale:e}, {} of {} rows kept (|q| >= {cut})",
        rows.len(),
        kept.len()
    );

    // calibrate the score on dev: does a phrase overlap any gold phrase?
    let bytes = train::encode(classes, train::SEED, scale, (1.0, 0.0), &rows);
    let model = Model::parse(&bytes).expect("the written model parses");
    let mut xs = Vec::new();
    for &i in &dev {
        let p = &postings[i];
        for (_, s, e, margin) in predict_model(&model, p) {
            let hit = p.gold.iter().any(|g| s < g.2 && g.1 < e);
            xs.push((margin, hit));
        }
    }
    if std::env::var_os("TAGGER_DEBUG").is_some() {
        let mut v = xs.clone();
        v.sort_by(|a, b| a.0.total_cmp(&b.0));
        for c in v.chunks(v.len().div_ceil(10).max(1)) {
            let hits = c.iter().filter(|x| x.1).count();
            println!(
                "  margin {:.4}..{:.4}: {}/{} hit",
                c[0].0,
                c[c.len() - 1].0,
                hits,
                c.len()
            );
        }
    }
    let (a, b) = fit_logistic(&xs);
    println!("calibration on dev: score = sigmoid({a:.5} * margin + {b:.5})");
    let bytes = train::encode(classes, train::SEED, scale, (a as f32, b as f32), &rows);
    let model = Model::parse(&bytes).expect("the written model parses");
    let train_secs = started.elapsed().as_secs_f64();

    // the shipped model, measured
    let measure = |ids: &[usize], min_score: f32| {
        let mut ev = Eval::default();
        for &i in ids {
            let p = &postings[i];
            let pred: Vec<(usize, usize, usize)> = predict_model(&model, p)
                .into_iter()
                .filter(|x| model.calibrate(x.3) >= min_score)
                .map(|x| (x.0, x.1, x.2))
                .collect();
            ev.add(p, &pred, classes);
        }
        ev
    };
    measure(&dev, 0.0).print("dev (shipped weights, all phrases)", classes);
    println!("dev, by score threshold:");
    for th in [0.3f32, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9] {
        let ev = measure(&dev, th);
        let (p, r) = ev.posting();
        println!(
            "  score >= {th:.1}: span F1 both {:.3} knowledge {:.3}; posting precision {p:.3}, knowledge recall {r:.3}, {} phrases",
            ev.span[2].f(),
            ev.span[0].f(),
            ev.mentions
        );
    }
    if !dry_run {
        let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/tagger.bin");
        std::fs::write(&out, &bytes).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
        println!("wrote {} ({} bytes)", out.display(), bytes.len());
    }
    println!("training took {train_secs:.1} s");
    // reported once, never used to choose anything
    if no_test {
        return;
    }
    measure(&test, 0.0).print("test (for reporting only; all phrases)", classes);
    let ev = measure(&test, 0.5);
    let (p, r) = ev.posting();
    println!(
        "test, score >= 0.5: span F1 both {:.3}; posting precision {p:.3}, knowledge recall {r:.3}",
        ev.span[2].f()
    );
}
