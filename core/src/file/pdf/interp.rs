//! Running content streams: the interpreter of page and form operators,
//! within the limits of the budget.

use super::fonts::{Font, StandardFont, Widths, load_font, simple_texts};
use super::geometry::{Matrix, deref, name_arg, num, num_arg, str_arg};
use super::ink::{Glyph, Ink, Mark};
use super::layout::Page;
use std::rc::Rc;

use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

use super::{BYTES_PER_OP, Budget, MAX_FORM_DEPTH, MAX_MARK_DEPTH, MAX_STATE_DEPTH};
use crate::error::Result;
use crate::hash::Map;

/// Where names in a content stream are looked up, nearest first.
#[derive(Clone, Default)]
pub(super) struct Resources<'d> {
    /// Resource dictionaries, nearest first.
    dicts: Vec<&'d Dictionary>,
}

impl<'d> Resources<'d> {
    /// Resource `name` of `category` (`Font`, `XObject`, `Properties`),
    /// dereferenced.
    fn lookup(&self, doc: &'d Document, category: &[u8], name: &[u8]) -> Option<&'d Object> {
        self.dicts.iter().find_map(|res| {
            let cat = res.get_deref(category, doc).ok()?.as_dict().ok()?;
            cat.get_deref(name, doc).ok()
        })
    }
}

/// The graphics state that matters for text.
#[derive(Debug, Clone)]
pub(super) struct GState {
    /// Current transformation matrix.
    ctm: Matrix,
    /// Key of the font in [`Interp::fonts`].
    pub(super) font: Option<usize>,
    /// Font size (`Tf`).
    pub(super) size: f32,
    /// Character spacing (`Tc`).
    char_space: f32,
    /// Word spacing (`Tw`).
    word_space: f32,
    /// Horizontal scaling, as a fraction (`Tz`).
    pub(super) scale: f32,
    /// Leading (`TL`).
    leading: f32,
    /// Text rise (`Ts`).
    rise: f32,
}

impl GState {
    /// The initial state (for a page, or a form drawn with `ctm`).
    pub(super) fn new(ctm: Matrix) -> GState {
        GState {
            ctm,
            font: None,
            size: 0.0,
            char_space: 0.0,
            word_space: 0.0,
            scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        }
    }
}

/// A content stream to run.
#[derive(Clone, Copy)]
pub(super) enum Ops<'c> {
    /// Unpacked bytes, parsed as they run.
    Raw(&'c [u8]),
    /// Operations parsed before (a small form drawn again).
    Parsed(&'c [Operation]),
}

/// The content of a form, kept between draws.
pub(super) enum FormContent {
    /// Unpacked, parsed at each draw (a large form).
    Raw(Vec<u8>),
    /// Parsed once.
    Parsed(Vec<Operation>),
}

impl FormContent {
    /// The content to run.
    pub(super) fn ops(&self) -> Ops<'_> {
        match self {
            FormContent::Raw(b) => Ops::Raw(b),
            FormContent::Parsed(o) => Ops::Parsed(o),
        }
    }
}

/// Forms this small are parsed once and kept parsed.
const MAX_PARSED_FORM_BYTES: usize = 16 << 10;
/// Most operations kept parsed for all forms together (bounds the memory
/// of the cache; forms past it are parsed at each draw).
const MAX_PARSED_FORM_OPS: usize = 1 << 18;

/// The state of one content stream being run.
pub(super) struct Frame<'r, 'd> {
    /// Where its names are looked up.
    res: &'r Resources<'d>,
    /// The marked-content state it was drawn in.
    pub(super) mark: Mark,
    /// Forms it is nested in.
    pub(super) depth: usize,
    /// The graphics state.
    gs: GState,
    /// Graphics states saved by `q`, [`MAX_STATE_DEPTH`] at most.
    saved: Nesting<GState>,
    /// Marked-content sequences open (`BMC`/`BDC`), [`MAX_MARK_DEPTH`] at
    /// most.
    marks: Nesting<Mark>,
    /// Text matrix.
    tm: Matrix,
    /// Text line matrix.
    tlm: Matrix,
}

/// A stack of nested sequences (`q`..`Q`, `BMC`..`EMC`) that keeps the
/// outermost `max`: an opening past them is counted, not kept, and the
/// closing that matches it takes nothing off the stack.
struct Nesting<T> {
    open: Vec<T>,
    max: usize,
    /// openings past `max`, still to be matched by a closing
    lost: usize,
}

impl<T> Nesting<T> {
    fn new(max: usize) -> Self {
        Nesting {
            open: Vec::new(),
            max,
            lost: 0,
        }
    }

    /// The innermost sequence kept.
    fn last(&self) -> Option<&T> {
        self.open.last()
    }

    /// A sequence opens: `item()` is kept unless the stack is full.
    fn open(&mut self, item: impl FnOnce() -> T) {
        if self.open.len() < self.max {
            self.open.push(item());
        } else {
            self.lost += 1;
        }
    }

    /// A sequence closes: what it kept, if it was kept.
    fn close(&mut self) -> Option<T> {
        if self.lost > 0 {
            self.lost -= 1;
            None
        } else {
            self.open.pop()
        }
    }
}

/// Key of the fallback font (Helvetica, standard encoding) for text drawn
/// without a font that can be found.
const FALLBACK_FONT: usize = 0;

/// Runs content streams and collects what they draw.
pub(super) struct Interp<'d, 'o> {
    /// The document.
    pub(super) doc: &'d Document,
    /// What is left of the limits.
    pub(super) budget: Budget<'o>,
    /// Fonts by the address of their dictionary.
    fonts: Map<usize, Font<'d>>,
    /// Content of forms, by the address of their stream.
    pub(super) forms: Map<usize, Rc<FormContent>>,
    /// Operations kept parsed in [`Interp::forms`].
    parsed_ops: usize,
    /// What the current page drew.
    pub(super) ink: Ink,
    /// Bytes of text drawn on the pages before this one (bounded, with
    /// this page's, by `max_unpacked_bytes`).
    text_bytes: usize,
}

impl<'d, 'o> Interp<'d, 'o> {
    /// An interpreter for `doc` within `budget`.
    pub(super) fn new(doc: &'d Document, budget: Budget<'o>) -> Self {
        Interp {
            doc,
            budget,
            fonts: Map::default(),
            forms: Map::default(),
            parsed_ops: 0,
            ink: Ink::default(),
            text_bytes: 0,
        }
    }

    /// Run page `id` and lay out what it draws.
    pub(super) fn page(&mut self, id: ObjectId) -> Result<Page> {
        let doc = self.doc;
        self.ink = Ink {
            bbox: page_box(doc, id),
            ..Ink::default()
        };
        let mut resources = Resources::default();
        if let Ok((inline, ids)) = doc.get_page_resources(id) {
            resources.dicts.extend(inline);
            resources
                .dicts
                .extend(ids.iter().filter_map(|id| doc.get_dictionary(*id).ok()));
        }
        let mut content = Vec::new();
        for stream_id in doc.get_page_contents(id) {
            let Ok(stream) = doc.get_object(stream_id).and_then(Object::as_stream) else {
                continue;
            };
            if let Some(data) = self.budget.unpack(stream)? {
                content.extend_from_slice(&data);
                content.push(b'\n');
            }
        }
        self.run(
            Ops::Raw(&content),
            &resources,
            GState::new(Matrix::IDENTITY),
            Mark::Body,
            0,
            &mut Vec::new(),
        )?;
        let ink = std::mem::take(&mut self.ink);
        self.text_bytes = self.text_bytes.saturating_add(ink.drawn);
        Ok(Page::new(ink))
    }

    /// Run a content stream (or a form's parsed operations).
    fn run(
        &mut self,
        ops: Ops<'_>,
        res: &Resources<'d>,
        gs: GState,
        mark: Mark,
        depth: usize,
        forms: &mut Vec<usize>,
    ) -> Result<()> {
        let mut frame = Frame {
            res,
            mark,
            depth,
            gs,
            saved: Nesting::new(MAX_STATE_DEPTH),
            marks: Nesting::new(MAX_MARK_DEPTH),
            tm: Matrix::IDENTITY,
            tlm: Matrix::IDENTITY,
        };
        match ops {
            Ops::Raw(bytes) => {
                self.budget.ops(bytes.len() / BYTES_PER_OP + 1)?;
                for op in Content::decode_iter(bytes) {
                    // a syntax error ends the stream: keep what was drawn before it
                    let Ok(op) = op else { break };
                    self.op(&op, &mut frame, forms)?;
                }
            }
            Ops::Parsed(list) => {
                self.budget.ops(1)?;
                for op in list {
                    self.op(op, &mut frame, forms)?;
                }
            }
        }
        Ok(())
    }

    /// Run one operation.
    fn op(&mut self, op: &Operation, f: &mut Frame<'_, 'd>, forms: &mut Vec<usize>) -> Result<()> {
        self.budget.ops(1)?;
        let args = op.operands.as_slice();
        let here = f.marks.last().copied().unwrap_or(f.mark);
        match op.operator.as_str() {
            "q" => f.saved.open(|| f.gs.clone()),
            "Q" => {
                if let Some(g) = f.saved.close() {
                    f.gs = g;
                }
            }
            "cm" => {
                if let Some(m) = Matrix::from_objects(args) {
                    f.gs.ctm = m.then(f.gs.ctm);
                }
            }
            "BT" => {
                f.tm = Matrix::IDENTITY;
                f.tlm = Matrix::IDENTITY;
            }
            "Tf" => {
                if let (Some(name), Some(size)) = (name_arg(args, 0), num_arg(args, 1)) {
                    f.gs.font = Some(self.font(f.res, name)?);
                    f.gs.size = size;
                }
            }
            "Td" | "TD" => {
                if let (Some(x), Some(y)) = (num_arg(args, 0), num_arg(args, 1)) {
                    if op.operator == "TD" {
                        f.gs.leading = -y;
                    }
                    f.tlm = Matrix::translate(x, y).then(f.tlm);
                    f.tm = f.tlm;
                }
            }
            "Tm" => {
                if let Some(m) = Matrix::from_objects(args) {
                    f.tm = m;
                    f.tlm = m;
                }
            }
            "T*" => {
                f.tlm = Matrix::translate(0.0, -f.gs.leading).then(f.tlm);
                f.tm = f.tlm;
            }
            "TL" => f.gs.leading = num_arg(args, 0).unwrap_or(f.gs.leading),
            "Tc" => f.gs.char_space = num_arg(args, 0).unwrap_or(f.gs.char_space),
            "Tw" => f.gs.word_space = num_arg(args, 0).unwrap_or(f.gs.word_space),
            "Tz" => f.gs.scale = num_arg(args, 0).map_or(f.gs.scale, |s| s / 100.0),
            "Ts" => f.gs.rise = num_arg(args, 0).unwrap_or(f.gs.rise),
            "Tj" => {
                if let Some(s) = str_arg(args, 0) {
                    self.show(s, &f.gs, &mut f.tm, here)?;
                }
            }
            "'" | "\"" => {
                let text = if op.operator == "'" {
                    str_arg(args, 0)
                } else {
                    f.gs.word_space = num_arg(args, 0).unwrap_or(f.gs.word_space);
                    f.gs.char_space = num_arg(args, 1).unwrap_or(f.gs.char_space);
                    str_arg(args, 2)
                };
                f.tlm = Matrix::translate(0.0, -f.gs.leading).then(f.tlm);
                f.tm = f.tlm;
                if let Some(s) = text {
                    self.show(s, &f.gs, &mut f.tm, here)?;
                }
            }
            "TJ" => {
                if let Some(Object::Array(items)) = args.first() {
                    for item in items {
                        self.budget.ops(1)?;
                        match item {
                            Object::String(s, _) => self.show(s, &f.gs, &mut f.tm, here)?,
                            other => {
                                if let Some(n) = num(other) {
                                    let tx = -n / 1000.0 * f.gs.size * f.gs.scale;
                                    f.tm = Matrix::translate(tx, 0.0).then(f.tm);
                                }
                            }
                        }
                    }
                }
            }
            "Do" => {
                if let Some(name) = name_arg(args, 0) {
                    self.draw(name, f.res, &f.gs, here, f.depth, forms)?;
                }
            }
            "BI" => self.ink.images = self.ink.images.saturating_add(1),
            "BMC" | "BDC" => f.marks.open(|| {
                if op.operator == "BDC" {
                    self.artifact(args, f.res).unwrap_or(here)
                } else {
                    here
                }
            }),
            "EMC" => {
                f.marks.close();
            }
            _ => {}
        }
        Ok(())
    }

    /// The key of font resource `name`, loading it the first time.
    fn font(&mut self, res: &Resources<'d>, name: &[u8]) -> Result<usize> {
        let doc = self.doc;
        let Some(dict) = res
            .lookup(doc, b"Font", name)
            .and_then(|f| f.as_dict().ok())
        else {
            self.fallback_font()?;
            return Ok(FALLBACK_FONT);
        };
        let key = std::ptr::from_ref(dict) as usize;
        if !self.fonts.contains_key(&key) {
            let font = load_font(doc, dict, &mut self.budget)?;
            self.fonts.insert(key, font);
        }
        Ok(key)
    }

    /// Load the fallback font (Helvetica, standard encoding) once.
    fn fallback_font(&mut self) -> Result<()> {
        if !self.fonts.contains_key(&FALLBACK_FONT) {
            let doc = self.doc;
            let font = Font {
                two_byte: false,
                scale: 0.001,
                widths: Widths::Simple(
                    (0..256).map(|c| StandardFont::Helvetica.width(c)).collect(),
                ),
                simple: simple_texts(doc, &Dictionary::new(), &mut self.budget)?,
                to_unicode: None,
                ucs2: false,
                memo: Map::default(),
            };
            self.fonts.insert(FALLBACK_FONT, font);
        }
        Ok(())
    }

    /// Draw a string.
    fn show(&mut self, bytes: &[u8], gs: &GState, tm: &mut Matrix, mark: Mark) -> Result<()> {
        let key = match gs.font {
            Some(k) => k,
            None => {
                self.fallback_font()?;
                FALLBACK_FONT
            }
        };
        let Some(font) = self.fonts.get_mut(&key) else {
            return Ok(());
        };
        let step = if font.two_byte { 2 } else { 1 };
        for chunk in bytes.chunks(step) {
            self.budget.ops(1)?;
            let code = chunk.iter().fold(0u32, |c, &b| (c << 8) | u32::from(b));
            let width = font.width(code);
            let word = if chunk == [32] { gs.word_space } else { 0.0 };
            // the pen moves by the glyph's width and the character (and
            // word) spacing: letter-spaced text is still one word
            let tx = (width * gs.size + gs.char_space + word) * gs.scale;
            let m = tm.then(gs.ctm);
            let (x, y) = m.apply(0.0, gs.rise);
            let (x_end, y_end) = m.apply(tx, gs.rise);
            let [a, b, c, d, _, _] = m.0;
            let em = gs.size.abs() * c.hypot(d);
            if [x, y, x_end, y_end, em].iter().all(|v| v.is_finite()) {
                let glyph = Glyph {
                    x,
                    y,
                    x_end,
                    y_end,
                    em,
                    horizontal: a > 0.0 && b.abs() <= 0.1 * a,
                    text: font.text(code, chunk.len()),
                    mark,
                };
                self.ink.glyph(&glyph);
                let drawn = self.text_bytes.saturating_add(self.ink.drawn);
                if drawn > self.budget.options.max_unpacked_bytes {
                    return Err(self.budget.options.over(
                        "bytes of text extracted (at least)",
                        drawn as u64,
                        "max_unpacked_bytes",
                    ));
                }
            }
            *tm = Matrix::translate(tx, 0.0).then(*tm);
        }
        Ok(())
    }

    /// `Do`: count an image, draw a form.
    fn draw(
        &mut self,
        name: &[u8],
        res: &Resources<'d>,
        gs: &GState,
        mark: Mark,
        depth: usize,
        forms: &mut Vec<usize>,
    ) -> Result<()> {
        let doc = self.doc;
        let Some(Ok(stream)) = res.lookup(doc, b"XObject", name).map(Object::as_stream) else {
            return Ok(());
        };
        match stream.dict.get(b"Subtype").and_then(Object::as_name) {
            Ok(b"Image") => self.ink.images = self.ink.images.saturating_add(1),
            Ok(b"Form") => {
                let key = std::ptr::from_ref(stream) as usize;
                if depth >= MAX_FORM_DEPTH || forms.contains(&key) {
                    return Ok(());
                }
                let content = match self.forms.get(&key) {
                    Some(c) => Rc::clone(c),
                    None => {
                        let c = Rc::new(self.form_content(stream)?);
                        self.forms.insert(key, Rc::clone(&c));
                        c
                    }
                };
                let matrix = stream
                    .dict
                    .get_deref(b"Matrix", doc)
                    .and_then(Object::as_array)
                    .ok()
                    .and_then(|m| Matrix::from_objects(m))
                    .unwrap_or(Matrix::IDENTITY);
                let form_res = match stream
                    .dict
                    .get_deref(b"Resources", doc)
                    .and_then(Object::as_dict)
                {
                    Ok(d) => Resources { dicts: vec![d] },
                    Err(_) => res.clone(),
                };
                let mut inner = gs.clone();
                inner.ctm = matrix.then(gs.ctm);
                forms.push(key);
                let done = self.run(content.ops(), &form_res, inner, mark, depth + 1, forms);
                forms.pop();
                done?;
            }
            _ => {}
        }
        Ok(())
    }

    /// A form's content, unpacked, and parsed when it is small and the
    /// cache has room (parsing is charged once, as when it runs).
    fn form_content(&mut self, stream: &Stream) -> Result<FormContent> {
        let bytes = self.budget.unpack(stream)?.unwrap_or_default();
        if bytes.len() > MAX_PARSED_FORM_BYTES || self.parsed_ops >= MAX_PARSED_FORM_OPS {
            return Ok(FormContent::Raw(bytes));
        }
        self.budget.ops(bytes.len() / BYTES_PER_OP + 1)?;
        let ops: Vec<Operation> = Content::decode_iter(&bytes)
            .map_while(|op| op.ok())
            .collect();
        self.parsed_ops += ops.len();
        Ok(FormContent::Parsed(ops))
    }

    /// What a `BDC` marks: a header or footer artifact, or `None` for
    /// anything else (which keeps the enclosing mark).
    fn artifact(&self, args: &[Object], res: &Resources<'d>) -> Option<Mark> {
        if name_arg(args, 0) != Some(b"Artifact".as_slice()) {
            return None;
        }
        let props = match args.get(1) {
            Some(Object::Dictionary(d)) => d,
            Some(Object::Name(n)) => res.lookup(self.doc, b"Properties", n)?.as_dict().ok()?,
            _ => return None,
        };
        let name = |key: &[u8]| props.get(key).and_then(Object::as_name).ok();
        match name(b"Subtype") {
            Some(b"Header") => return Some(Mark::Header),
            Some(b"Footer") => return Some(Mark::Footer),
            _ => {}
        }
        (name(b"Type") == Some(b"Pagination".as_slice())).then_some(Mark::Pagination)
    }
}

/// A page's visible box: its crop box within its media box (inherited from
/// the page tree), US Letter when it has none.
fn page_box(doc: &Document, page: ObjectId) -> [f32; 4] {
    let mut media = None;
    let mut crop = None;
    let mut node = doc.get_dictionary(page).ok();
    for _ in 0..32 {
        let Some(n) = node else { break };
        let rect = |key: &[u8]| -> Option<[f32; 4]> {
            let a = n.get_deref(key, doc).ok()?.as_array().ok()?;
            if a.len() != 4 {
                return None;
            }
            let mut v = [0.0f32; 4];
            for (slot, o) in v.iter_mut().zip(a) {
                *slot = num(deref(doc, o))?;
            }
            let r = [
                v[0].min(v[2]),
                v[1].min(v[3]),
                v[0].max(v[2]),
                v[1].max(v[3]),
            ];
            (r[2] > r[0] && r[3] > r[1]).then_some(r)
        };
        media = media.or_else(|| rect(b"MediaBox"));
        crop = crop.or_else(|| rect(b"CropBox"));
        node = n
            .get(b"Parent")
            .and_then(Object::as_reference)
            .and_then(|id| doc.get_dictionary(id))
            .ok();
    }
    let media = media.unwrap_or([0.0, 0.0, 612.0, 792.0]);
    match crop {
        Some(c) => {
            let r = [
                c[0].max(media[0]),
                c[1].max(media[1]),
                c[2].min(media[2]),
                c[3].min(media[3]),
            ];
            if r[2] > r[0] && r[3] > r[1] { r } else { media }
        }
        None => media,
    }
}
