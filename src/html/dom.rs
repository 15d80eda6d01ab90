//! HTML parsing: markup → [`Dom`], a tree kept in one vector in document
//! order. A tokenizer and a tree builder follow the browser rules that matter
//! for text: raw-text elements, comments, implied end tags (`p`, `li`, table
//! cells and rows), head/body placement. Nothing recurses, and every search
//! of the open elements either pops what it walked or is bounded, so the
//! parse is linear in the input, at any nesting depth.

use crate::words::FastMap;

/// "No node".
pub(crate) const NONE: u32 = u32::MAX;

/// An element name, interned: known names have fixed ids (the constants of
/// [`t`]), other names get ids as they are met.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Tag(pub u16);

macro_rules! known_tags {
    ($($id:ident $name:literal,)*) => {
        #[allow(non_camel_case_types, clippy::upper_case_acronyms, dead_code)]
        #[repr(u16)]
        enum Known { $($id,)* }
        /// The known element names.
        #[allow(dead_code)]
        pub(crate) mod t {
            $(pub(crate) const $id: super::Tag = super::Tag(super::Known::$id as u16);)*
        }
        const KNOWN_NAMES: &[&str] = &[$($name,)*];
    };
}

known_tags! {
    DOC "#document", TEXT "#text", UNKNOWN "#unknown",
    HTML "html", HEAD "head", BODY "body", TITLE "title", META "meta", LINK "link", BASE "base",
    STYLE "style", SCRIPT "script", NOSCRIPT "noscript", TEMPLATE "template", BASEFONT "basefont",
    BGSOUND "bgsound",
    P "p", DIV "div", SPAN "span", A "a", BR "br", HR "hr", IMG "img", PICTURE "picture",
    H1 "h1", H2 "h2", H3 "h3", H4 "h4", H5 "h5", H6 "h6", HGROUP "hgroup",
    UL "ul", OL "ol", LI "li", DL "dl", DT "dt", DD "dd", MENU "menu", DIR "dir",
    TABLE "table", CAPTION "caption", COLGROUP "colgroup", COL "col", THEAD "thead", TBODY "tbody",
    TFOOT "tfoot", TR "tr", TD "td", TH "th",
    ARTICLE "article", SECTION "section", MAIN "main", ASIDE "aside", NAV "nav", HEADER "header",
    FOOTER "footer", ADDRESS "address", BLOCKQUOTE "blockquote", CENTER "center", DETAILS "details",
    SUMMARY "summary", DIALOG "dialog", FIELDSET "fieldset", LEGEND "legend", FIGURE "figure",
    FIGCAPTION "figcaption", FORM "form", PRE "pre", LISTING "listing", PLAINTEXT "plaintext",
    XMP "xmp", IFRAME "iframe", NOEMBED "noembed", NOFRAMES "noframes", FRAME "frame",
    FRAMESET "frameset", OBJECT "object", EMBED "embed", PARAM "param", APPLET "applet",
    MARQUEE "marquee", SVG "svg", MATH "math", CANVAS "canvas", VIDEO "video", AUDIO "audio",
    SOURCE "source", TRACK "track", MAP "map", AREA "area", WBR "wbr", INPUT "input",
    KEYGEN "keygen", BUTTON "button", SELECT "select", OPTION "option", OPTGROUP "optgroup",
    DATALIST "datalist", TEXTAREA "textarea", LABEL "label", OUTPUT "output", PROGRESS "progress",
    METER "meter", NOBR "nobr", B "b", I "i", EM "em", STRONG "strong", SMALL "small", U "u",
    S "s", STRIKE "strike", FONT "font", BIG "big", TT "tt", CODE "code", SUB "sub", SUP "sup",
    Q "q", CITE "cite", ABBR "abbr", TIME "time", MARK "mark", DEL "del", INS "ins", KBD "kbd",
    SAMP "samp", VAR "var", DFN "dfn", BDI "bdi", BDO "bdo", RUBY "ruby", RT "rt", RP "rp",
    DATA "data",
}

// Category flags of known elements.
const VOID: u16 = 1;
/// Content is raw text up to the matching end tag.
const RAW: u16 = 1 << 1;
/// Never visible as text.
const SKIP: u16 = 1 << 2;
/// Starts a new line of text: a block box.
const BLOCK: u16 = 1 << 3;
/// A start tag of this element closes an open `p`.
const CLOSES_P: u16 = 1 << 4;
/// "Special" in the HTML parsing algorithm: stops the search for an
/// inline end tag's element, and for `li` / `dd` closing.
const SPECIAL: u16 = 1 << 5;
/// A boundary of the default element scope.
const BOUNDARY: u16 = 1 << 6;
/// Allowed inside `head` without closing it.
const HEAD_OK: u16 = 1 << 7;
/// Foreign content (SVG, MathML): self-closing tags are honoured.
const FOREIGN: u16 = 1 << 8;

fn flags(tag: Tag) -> u16 {
    use t::*;
    match tag {
        HTML => SPECIAL | BOUNDARY | BLOCK,
        HEAD => SPECIAL | SKIP | BLOCK,
        BODY => SPECIAL | BLOCK,
        TITLE => SPECIAL | RAW | SKIP | HEAD_OK,
        META | LINK | BASE | BASEFONT | BGSOUND => SPECIAL | VOID | SKIP | HEAD_OK,
        STYLE | SCRIPT | NOSCRIPT => SPECIAL | RAW | SKIP | HEAD_OK,
        TEMPLATE => SPECIAL | SKIP | BOUNDARY | HEAD_OK,
        P | DIV | ARTICLE | SECTION | MAIN | ASIDE | NAV | HEADER | FOOTER | ADDRESS | BLOCKQUOTE
        | CENTER | DETAILS | SUMMARY | FIELDSET | FIGURE | FIGCAPTION | HGROUP | UL | OL | DL | MENU
        | DIR | H1 | H2 | H3 | H4 | H5 | H6 | PRE | LISTING | FORM => SPECIAL | BLOCK | CLOSES_P,
        DIALOG => SPECIAL | BLOCK | CLOSES_P,
        LI | DD | DT => SPECIAL | BLOCK | CLOSES_P,
        PLAINTEXT | XMP => SPECIAL | BLOCK | CLOSES_P | RAW,
        HR => SPECIAL | BLOCK | CLOSES_P | VOID,
        TABLE => SPECIAL | BLOCK | CLOSES_P | BOUNDARY,
        CAPTION | TD | TH => SPECIAL | BLOCK | BOUNDARY,
        TR | THEAD | TBODY | TFOOT | COLGROUP => SPECIAL | BLOCK,
        COL => SPECIAL | VOID,
        LEGEND => BLOCK,
        BR => SPECIAL | VOID,
        IMG | EMBED | AREA | WBR | INPUT | KEYGEN | PARAM | SOURCE | TRACK | FRAME => SPECIAL | VOID,
        IFRAME | NOEMBED | NOFRAMES => SPECIAL | RAW | SKIP,
        FRAMESET => SPECIAL | SKIP,
        OBJECT | APPLET | MARQUEE => SPECIAL | BOUNDARY | SKIP,
        SVG | MATH => BOUNDARY | SKIP | FOREIGN,
        CANVAS | VIDEO | AUDIO | DATALIST | MAP => SKIP,
        SELECT | TEXTAREA => SPECIAL | SKIP,
        OPTION | OPTGROUP => SKIP,
        BUTTON => SPECIAL,
        _ => 0,
    }
}

/// One node: an element or a run of text.
#[derive(Clone, Debug)]
pub(crate) struct Node {
    pub tag: Tag,
    pub parent: u32,
    pub first_child: u32,
    pub last_child: u32,
    pub next_sibling: u32,
    /// Text: the raw text. Element: its content, from the end of the start
    /// tag to the start of the end tag (or where it was implicitly closed).
    pub start: u32,
    pub end: u32,
    /// The element's attributes: `Dom::attrs[attr_start..attr_start + attr_len]`.
    pub attr_start: u32,
    pub attr_len: u16,
}

/// One attribute: byte ranges of its name and raw value in the input.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Attr {
    pub name: (u32, u32),
    pub value: (u32, u32),
}

/// A parsed page.
pub(crate) struct Dom<'a> {
    pub input: &'a str,
    /// Node 0 is the document; a node's children come after it.
    pub nodes: Vec<Node>,
    pub attrs: Vec<Attr>,
    /// Element names by tag id (for debugging output).
    #[cfg_attr(not(test), allow(dead_code))]
    names: Vec<Box<str>>,
}

/// At most this many attributes are kept per element.
const MAX_ATTRS: usize = 256;
/// Bounded searches of the open elements (for `li`, `a` and inline end
/// tags) give up after this many steps.
const MAX_SCAN: usize = 256;

impl<'a> Dom<'a> {
    pub fn parse(input: &'a str) -> Dom<'a> {
        // Offsets are u32: parse at most 4 GB (the caller warns).
        let mut end = input.len().min(u32::MAX as usize - 1);
        while !input.is_char_boundary(end) {
            end -= 1;
        }
        Builder::new(&input[..end]).run(input)
    }

    pub fn is_element(&self, i: u32) -> bool {
        let tag = self.nodes[i as usize].tag;
        tag != t::TEXT && tag != t::DOC
    }

    pub fn text(&self, i: u32) -> &'a str {
        let n = &self.nodes[i as usize];
        self.input.get(n.start as usize..n.end as usize).unwrap_or("")
    }

    #[cfg_attr(not(test), allow(dead_code))]
    pub fn name(&self, tag: Tag) -> &str {
        self.names.get(tag.0 as usize).map(|s| &**s).unwrap_or("")
    }

    pub fn attrs(&self, i: u32) -> &[Attr] {
        let n = &self.nodes[i as usize];
        let s = n.attr_start as usize;
        self.attrs.get(s..s + n.attr_len as usize).unwrap_or(&[])
    }

    /// The raw value of the first attribute called `name` (lower case).
    pub fn attr(&self, i: u32, name: &str) -> Option<&'a str> {
        self.attrs(i).iter().find_map(|a| {
            let n = self.input.get(a.name.0 as usize..a.name.1 as usize)?;
            if n.eq_ignore_ascii_case(name) {
                self.input.get(a.value.0 as usize..a.value.1 as usize)
            } else {
                None
            }
        })
    }

    pub fn children(&self, i: u32) -> Children<'_, 'a> {
        Children {
            dom: self,
            next: self.nodes[i as usize].first_child,
        }
    }
}

pub(crate) struct Children<'d, 'a> {
    dom: &'d Dom<'a>,
    next: u32,
}

impl Iterator for Children<'_, '_> {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        if self.next == NONE {
            return None;
        }
        let cur = self.next;
        self.next = self.dom.nodes[cur as usize].next_sibling;
        Some(cur)
    }
}

pub(crate) fn is_block(tag: Tag) -> bool {
    flags(tag) & BLOCK != 0
}

pub(crate) fn is_skipped(tag: Tag) -> bool {
    flags(tag) & SKIP != 0
}

pub(crate) fn is_void(tag: Tag) -> bool {
    flags(tag) & VOID != 0
}

struct Builder<'a> {
    bytes: &'a [u8],
    pos: usize,
    nodes: Vec<Node>,
    attrs: Vec<Attr>,
    names: Vec<Box<str>>,
    interned: FastMap<Box<[u8]>, Tag>,
    /// Open elements (node ids), outermost first; the document is implicit.
    stack: Vec<u32>,
    /// For each tag id, the stack positions where it is open.
    open: Vec<Vec<u32>>,
    /// Stack positions of scope boundaries.
    bounds: Vec<u32>,
    /// Open foreign (SVG/MathML) elements.
    foreign: usize,
    seen_body: bool,
    seen_head: bool,
    seen_html: bool,
    /// Scratch for the current tag's attributes.
    tag_attrs: Vec<Attr>,
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0C)
}

fn find_byte(hay: &[u8], from: usize, b: u8) -> Option<usize> {
    hay.get(from..)?.iter().position(|&c| c == b).map(|p| from + p)
}

fn find_seq(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let first = *needle.first()?;
    let mut i = from;
    while let Some(p) = find_byte(hay, i, first) {
        if hay[p..].starts_with(needle) {
            return Some(p);
        }
        i = p + 1;
    }
    None
}

impl<'a> Builder<'a> {
    fn new(input: &'a str) -> Self {
        let mut b = Builder {
            bytes: input.as_bytes(),
            pos: 0,
            nodes: Vec::with_capacity(input.len() / 40 + 16),
            attrs: Vec::new(),
            names: KNOWN_NAMES.iter().map(|&s| Box::from(s)).collect(),
            interned: FastMap::default(),
            stack: Vec::new(),
            open: vec![Vec::new(); KNOWN_NAMES.len()],
            bounds: Vec::new(),
            foreign: 0,
            seen_body: false,
            seen_head: false,
            seen_html: false,
            tag_attrs: Vec::new(),
        };
        for (i, name) in KNOWN_NAMES.iter().enumerate() {
            if !name.starts_with('#') {
                b.interned.insert(Box::from(name.as_bytes()), Tag(i as u16));
            }
        }
        b.nodes.push(Node {
            tag: t::DOC,
            parent: NONE,
            first_child: NONE,
            last_child: NONE,
            next_sibling: NONE,
            start: 0,
            end: input.len() as u32,
            attr_start: 0,
            attr_len: 0,
        });
        b
    }

    fn intern(&mut self, raw: &[u8]) -> Tag {
        let lower: Vec<u8> = raw.iter().map(u8::to_ascii_lowercase).collect();
        if let Some(&tag) = self.interned.get(lower.as_slice()) {
            return tag;
        }
        if self.names.len() >= u16::MAX as usize {
            return t::UNKNOWN;
        }
        let tag = Tag(self.names.len() as u16);
        self.names.push(String::from_utf8_lossy(&lower).into());
        self.interned.insert(lower.into_boxed_slice(), tag);
        self.open.push(Vec::new());
        tag
    }

    fn run(mut self, full_input: &'a str) -> Dom<'a> {
        let len = self.bytes.len();
        while self.pos < len {
            let lt = find_byte(self.bytes, self.pos, b'<').unwrap_or(len);
            if lt > self.pos {
                self.text(self.pos, lt);
            }
            if lt >= len {
                break;
            }
            self.markup(lt);
        }
        let end = len as u32;
        while !self.stack.is_empty() {
            self.pop(end);
        }
        Dom {
            input: full_input,
            nodes: self.nodes,
            attrs: self.attrs,
            names: self.names,
        }
    }

    /// Handles the markup starting at `lt` (a `<`), advancing `pos`.
    fn markup(&mut self, lt: usize) {
        let b = self.bytes;
        let len = b.len();
        match b.get(lt + 1).copied() {
            Some(b'!') => {
                if b[lt..].starts_with(b"<!--") {
                    // A comment; "<!-->" and "<!--->" are empty ones, and an
                    // unclosed one runs to the end, as in browsers.
                    let body = lt + 4;
                    self.pos = if b[body..].starts_with(b">") {
                        body + 1
                    } else if b[body..].starts_with(b"->") {
                        body + 2
                    } else {
                        find_seq(b, body, b"-->").map_or(len, |p| p + 3)
                    };
                } else {
                    self.pos = find_byte(b, lt + 2, b'>').map_or(len, |p| p + 1);
                }
            }
            Some(b'?') => self.pos = find_byte(b, lt + 2, b'>').map_or(len, |p| p + 1),
            Some(b'/') => match b.get(lt + 2).copied() {
                Some(c) if c.is_ascii_alphabetic() => {
                    let name_end = self.name_end(lt + 2);
                    let tag = self.intern(&b[lt + 2..name_end]);
                    match self.skip_attributes(name_end) {
                        Some(end) => {
                            self.pos = end;
                            self.end_tag(tag, lt);
                        }
                        None => self.pos = len,
                    }
                }
                Some(b'>') => self.pos = lt + 3,
                None => {
                    self.text(lt, len);
                    self.pos = len;
                }
                Some(_) => self.pos = find_byte(b, lt + 2, b'>').map_or(len, |p| p + 1),
            },
            Some(c) if c.is_ascii_alphabetic() => {
                let name_end = self.name_end(lt + 1);
                let tag = self.intern(&b[lt + 1..name_end]);
                self.tag_attrs.clear();
                match self.read_attributes(name_end) {
                    Some((end, self_closing)) => {
                        self.pos = end;
                        self.start_tag(tag, self_closing, lt, end);
                    }
                    // End of input inside a tag: the tag is dropped.
                    None => self.pos = len,
                }
            }
            _ => {
                // A lone "<" is text.
                self.text(lt, lt + 1);
                self.pos = lt + 1;
            }
        }
    }

    fn name_end(&self, from: usize) -> usize {
        let b = self.bytes;
        let mut i = from;
        while i < b.len() && !is_space(b[i]) && b[i] != b'/' && b[i] != b'>' {
            i += 1;
        }
        i
    }

    /// Reads attributes up to the tag's `>`; returns the position after it
    /// and whether the tag ended with `/>`, or `None` at the end of input.
    fn read_attributes(&mut self, from: usize) -> Option<(usize, bool)> {
        let b = self.bytes;
        let len = b.len();
        let mut i = from;
        loop {
            while i < len && (is_space(b[i]) || b[i] == b'/') {
                i += 1;
            }
            if i >= len {
                return None;
            }
            if b[i] == b'>' {
                let self_closing = i > from && b[i - 1] == b'/';
                return Some((i + 1, self_closing));
            }
            let name_start = i;
            i += 1; // a first "=" belongs to the name
            while i < len && !is_space(b[i]) && !matches!(b[i], b'/' | b'>' | b'=') {
                i += 1;
            }
            let name_end = i;
            while i < len && is_space(b[i]) {
                i += 1;
            }
            let value;
            if i < len && b[i] == b'=' {
                i += 1;
                while i < len && is_space(b[i]) {
                    i += 1;
                }
                match b.get(i).copied() {
                    Some(q @ (b'"' | b'\'')) => {
                        let close = find_byte(b, i + 1, q)?;
                        value = ((i + 1) as u32, close as u32);
                        i = close + 1;
                    }
                    Some(_) => {
                        let start = i;
                        while i < len && !is_space(b[i]) && b[i] != b'>' {
                            i += 1;
                        }
                        value = (start as u32, i as u32);
                    }
                    None => return None,
                }
            } else {
                value = (name_end as u32, name_end as u32);
            }
            if self.tag_attrs.len() < MAX_ATTRS {
                self.tag_attrs.push(Attr {
                    name: (name_start as u32, name_end as u32),
                    value,
                });
            }
        }
    }

    fn skip_attributes(&mut self, from: usize) -> Option<usize> {
        self.tag_attrs.clear();
        let r = self.read_attributes(from).map(|(end, _)| end);
        self.tag_attrs.clear();
        r
    }

    fn current(&self) -> u32 {
        self.stack.last().copied().unwrap_or(0)
    }

    fn append(&mut self, mut node: Node) -> u32 {
        let id = self.nodes.len() as u32;
        let parent = self.current();
        node.parent = parent;
        let p = &mut self.nodes[parent as usize];
        let prev = p.last_child;
        if prev == NONE {
            p.first_child = id;
        }
        p.last_child = id;
        if prev != NONE {
            self.nodes[prev as usize].next_sibling = id;
        }
        self.nodes.push(node);
        id
    }

    fn text(&mut self, start: usize, end: usize) {
        if self.open[t::HEAD.0 as usize].last().is_some()
            && self.bytes[start..end].iter().any(|&c| !is_space(c))
        {
            self.close_head(start);
        }
        self.append(Node {
            tag: t::TEXT,
            parent: NONE,
            first_child: NONE,
            last_child: NONE,
            next_sibling: NONE,
            start: start as u32,
            end: end as u32,
            attr_start: 0,
            attr_len: 0,
        });
    }

    fn push(&mut self, id: u32, tag: Tag) {
        let pos = self.stack.len() as u32;
        self.stack.push(id);
        if let Some(v) = self.open.get_mut(tag.0 as usize) {
            v.push(pos);
        }
        let f = flags(tag);
        if f & BOUNDARY != 0 {
            self.bounds.push(pos);
        }
        if f & FOREIGN != 0 {
            self.foreign += 1;
        }
    }

    fn pop(&mut self, end: u32) {
        let Some(id) = self.stack.pop() else { return };
        let tag = self.nodes[id as usize].tag;
        if let Some(v) = self.open.get_mut(tag.0 as usize) {
            v.pop();
        }
        let f = flags(tag);
        if f & BOUNDARY != 0 {
            self.bounds.pop();
        }
        if f & FOREIGN != 0 {
            self.foreign = self.foreign.saturating_sub(1);
        }
        let n = &mut self.nodes[id as usize];
        n.end = end.max(n.start);
    }

    /// Pops every open element at stack position `pos` and above.
    fn close_from(&mut self, pos: u32, end: usize) {
        while self.stack.len() > pos as usize {
            self.pop(end as u32);
        }
    }

    fn last_open(&self, tag: Tag) -> Option<u32> {
        self.open.get(tag.0 as usize).and_then(|v| v.last().copied())
    }

    /// Position of `tag` when it is open inside the innermost scope.
    fn in_scope(&self, tag: Tag) -> Option<u32> {
        let pos = self.last_open(tag)?;
        match self.bounds.last() {
            Some(&b) if b > pos => None,
            _ => Some(pos),
        }
    }

    fn close_head(&mut self, at: usize) {
        if let Some(pos) = self.last_open(t::HEAD) {
            self.close_from(pos, at);
        }
    }

    /// Walks down the open elements looking for `tag`, stopping at special
    /// elements (unless `through_blocks`) and after [`MAX_SCAN`] steps.
    fn scan_for(&self, tag: Tag, stop: impl Fn(Tag) -> bool) -> Option<u32> {
        for (steps, (pos, &id)) in self.stack.iter().enumerate().rev().enumerate() {
            if steps >= MAX_SCAN {
                return None;
            }
            let here = self.nodes[id as usize].tag;
            if here == tag {
                return Some(pos as u32);
            }
            if stop(here) {
                return None;
            }
        }
        None
    }

    fn start_tag(&mut self, tag: Tag, self_closing: bool, lt: usize, end: usize) {
        use t::*;
        let f = flags(tag);
        if f & HEAD_OK == 0 && tag != HEAD && tag != HTML {
            self.close_head(lt);
        }
        match tag {
            HTML => {
                if self.seen_html || !self.stack.is_empty() {
                    return;
                }
                self.seen_html = true;
            }
            HEAD => {
                if self.seen_head || self.seen_body {
                    return;
                }
                self.seen_head = true;
            }
            BODY => {
                if self.seen_body {
                    return;
                }
                self.seen_body = true;
            }
            _ => {}
        }
        if self.foreign == 0 {
            if f & CLOSES_P != 0 {
                if let Some(p) = self.in_scope(P) {
                    self.close_from(p, lt);
                }
            }
            match tag {
                H1 | H2 | H3 | H4 | H5 | H6 => {
                    let top = self.nodes[self.current() as usize].tag;
                    if matches!(top, H1 | H2 | H3 | H4 | H5 | H6) {
                        self.pop(lt as u32);
                    }
                }
                LI | DD | DT => {
                    let targets: &[Tag] = if tag == LI { &[LI] } else { &[DD, DT] };
                    for &target in targets {
                        let found = self.scan_for(target, |here| {
                            flags(here) & SPECIAL != 0 && !matches!(here, ADDRESS | DIV | P)
                        });
                        if let Some(pos) = found {
                            self.close_from(pos, lt);
                            break;
                        }
                    }
                }
                A if self.in_scope(A).is_some() => {
                    if let Some(pos) = self.scan_for(A, |here| flags(here) & SPECIAL != 0) {
                        self.close_from(pos, lt);
                    }
                }
                BUTTON => {
                    if let Some(pos) = self.in_scope(BUTTON) {
                        self.close_from(pos, lt);
                    }
                }
                OPTION | OPTGROUP if self.nodes[self.current() as usize].tag == OPTION => {
                    self.pop(lt as u32);
                }
                CAPTION | COLGROUP | COL | TBODY | THEAD | TFOOT | TR | TD | TH => {
                    let Some(table) = self.last_open(TABLE) else {
                        // Table parts outside a table are ignored.
                        return;
                    };
                    let section = [TBODY, THEAD, TFOOT]
                        .iter()
                        .filter_map(|&s| self.last_open(s))
                        .filter(|&p| p > table)
                        .max();
                    match tag {
                        TR => self.close_from(section.unwrap_or(table) + 1, lt),
                        TD | TH => match self.last_open(TR).filter(|&p| p > table) {
                            Some(tr) => self.close_from(tr + 1, lt),
                            None => {
                                self.close_from(section.unwrap_or(table) + 1, lt);
                                // An implied row.
                                let id = self.element(TR, lt, lt);
                                self.push(id, TR);
                            }
                        },
                        COL => {}
                        _ => self.close_from(table + 1, lt),
                    }
                }
                _ => {}
            }
        }
        let id = self.element(tag, lt, end);
        let keeps_open = !(f & VOID != 0 || (self_closing && (self.foreign > 0 || f & FOREIGN != 0)));
        if !keeps_open {
            return;
        }
        self.push(id, tag);
        if f & RAW != 0 {
            self.raw_text(tag, end);
        }
    }

    /// Creates an element whose start tag spans `lt..end`, with the
    /// attributes just read.
    fn element(&mut self, tag: Tag, _lt: usize, end: usize) -> u32 {
        let attr_start = self.attrs.len() as u32;
        let attr_len = self.tag_attrs.len() as u16;
        self.attrs.append(&mut self.tag_attrs);
        self.append(Node {
            tag,
            parent: NONE,
            first_child: NONE,
            last_child: NONE,
            next_sibling: NONE,
            start: end as u32,
            end: self.bytes.len() as u32,
            attr_start,
            attr_len,
        })
    }

    /// The content of a raw-text element, up to its end tag (or the end of
    /// the input), as one text node; then the element is closed.
    fn raw_text(&mut self, tag: Tag, from: usize) {
        let b = self.bytes;
        let len = b.len();
        let name = self.names[tag.0 as usize].as_bytes();
        let mut close = len;
        let mut after = len;
        if tag != t::PLAINTEXT {
            let mut i = from;
            while let Some(p) = find_seq(b, i, b"</") {
                let n = p + 2;
                let matches_name =
                    b.len() >= n + name.len() && b[n..n + name.len()].eq_ignore_ascii_case(name);
                let ends = matches_name
                    && b.get(n + name.len())
                        .is_none_or(|&c| is_space(c) || c == b'/' || c == b'>');
                if ends {
                    close = p;
                    after = find_byte(b, n + name.len(), b'>').map_or(len, |q| q + 1);
                    break;
                }
                i = p + 2;
            }
        }
        if close > from {
            self.append(Node {
                tag: t::TEXT,
                parent: NONE,
                first_child: NONE,
                last_child: NONE,
                next_sibling: NONE,
                start: from as u32,
                end: close as u32,
                attr_start: 0,
                attr_len: 0,
            });
        }
        self.pop(close as u32);
        self.pos = after;
    }

    fn end_tag(&mut self, tag: Tag, lt: usize) {
        use t::*;
        let f = flags(tag);
        match tag {
            HEAD => self.close_head(lt),
            BODY | HTML => {}
            BR => {
                self.tag_attrs.clear();
                self.start_tag(BR, false, lt, lt);
            }
            P | LI | DD | DT | BUTTON => {
                if let Some(pos) = self.in_scope(tag) {
                    if tag == LI
                        && [UL, OL]
                            .iter()
                            .any(|&l| self.last_open(l).is_some_and(|q| q > pos))
                    {
                        return;
                    }
                    self.close_from(pos, lt);
                }
            }
            H1 | H2 | H3 | H4 | H5 | H6 => {
                let pos = [H1, H2, H3, H4, H5, H6]
                    .iter()
                    .filter_map(|&h| self.in_scope(h))
                    .max();
                if let Some(pos) = pos {
                    self.close_from(pos, lt);
                }
            }
            TABLE | CAPTION | COLGROUP | TBODY | THEAD | TFOOT | TR | TD | TH => {
                let floor = if tag == TABLE {
                    0
                } else {
                    self.last_open(TABLE).unwrap_or(u32::MAX)
                };
                if let Some(pos) = self.last_open(tag).filter(|&p| p >= floor) {
                    self.close_from(pos, lt);
                }
            }
            _ if f & (SPECIAL | FOREIGN | BOUNDARY) != 0 => {
                let pos = if f & BOUNDARY != 0 {
                    self.last_open(tag)
                } else {
                    self.in_scope(tag)
                };
                if let Some(pos) = pos {
                    self.close_from(pos, lt);
                }
            }
            _ => {
                // An inline element: close it unless a block lies between.
                if self.in_scope(tag).is_some() {
                    if let Some(pos) = self.scan_for(tag, |here| flags(here) & SPECIAL != 0) {
                        self.close_from(pos, lt);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tree as nested names, for assertions.
    fn outline(dom: &Dom<'_>) -> String {
        let mut out = String::new();
        // Iterative pre-order walk with explicit close markers.
        let mut stack: Vec<(u32, bool)> = vec![(0, false)];
        while let Some((i, closing)) = stack.pop() {
            let n = &dom.nodes[i as usize];
            if closing {
                out.push(')');
                continue;
            }
            if n.tag == t::TEXT {
                out.push_str(&format!("{:?}", dom.text(i)));
                continue;
            }
            if i != 0 {
                out.push_str(dom.name(n.tag));
                out.push('(');
                stack.push((i, true));
            }
            let kids: Vec<u32> = dom.children(i).collect();
            for &k in kids.iter().rev() {
                stack.push((k, false));
            }
        }
        out
    }

    fn tree(html: &str) -> String {
        outline(&Dom::parse(html))
    }

    #[test]
    fn implied_end_tags() {
        assert_eq!(tree("<p>a<p>b<div>c</div>"), r#"p("a")p("b")div("c")"#);
        assert_eq!(tree("<ul><li>a<li>b</ul>"), r#"ul(li("a")li("b"))"#);
        assert_eq!(
            tree("<table><tr><td>a<td>b<tr><td>c</table>x"),
            r#"table(tr(td("a")td("b"))tr(td("c")))"x""#
        );
        assert_eq!(tree("<table><td>a</table>"), r#"table(tr(td("a")))"#);
        assert_eq!(tree("<h2>a<h3>b</h2>c"), r#"h2("a")h3("b")"c""#);
        assert_eq!(tree("<b>a<p>b</b>c</p>"), r#"b("a"p("b""c"))"#);
        assert_eq!(tree("<div><span>a</div>b"), r#"div(span("a"))"b""#);
    }

    #[test]
    fn raw_text_and_comments() {
        assert_eq!(
            tree("<script>if (a<b) {}</p></script><p>x<!-- <p>no --></p>"),
            r#"script("if (a<b) {}</p>")p("x")"#
        );
        assert_eq!(tree("<p>a<!-- never closed <p>b"), r#"p("a")"#);
        assert_eq!(tree("<p>a<![CDATA[x]]>b"), r#"p("a""b")"#);
        assert_eq!(tree("<style>p{}</STYLE >q"), r#"style("p{}")"q""#);
        assert_eq!(tree("a < b"), r#""a ""<"" b""#);
    }

    #[test]
    fn head_and_body() {
        let d = tree("<html><head><title>T</title><meta charset=utf-8></head><body><p>x</body></html>y");
        assert_eq!(d, r#"html(head(title("T")meta())body(p("x""y")))"#);
        let d = tree("<head><title>T</title><div>x</div>");
        assert_eq!(d, r#"head(title("T"))div("x")"#);
    }

    #[test]
    fn attributes() {
        let dom = Dom::parse(r#"<div id=main class='a b' data-x="1>2" hidden>x</div>"#);
        assert_eq!(dom.attr(1, "id"), Some("main"));
        assert_eq!(dom.attr(1, "class"), Some("a b"));
        assert_eq!(dom.attr(1, "data-x"), Some("1>2"));
        assert_eq!(dom.attr(1, "hidden"), Some(""));
        assert_eq!(dom.text(2), "x");
    }

    #[test]
    fn hostile_input_is_linear() {
        let deep = "<div>".repeat(100_000) + "x" + &"</div>".repeat(100_000);
        let dom = Dom::parse(&deep);
        assert_eq!(dom.nodes.len(), 100_002);
        let inline = "<i><div>".to_string() + &"<b>".repeat(50_000) + &"</i>".repeat(50_000);
        assert!(Dom::parse(&inline).nodes.len() > 50_000);
        let lis = "<ul>".to_string() + &"<b>".repeat(50_000) + &"<li>x".repeat(50_000);
        assert!(Dom::parse(&lis).nodes.len() > 100_000);
        let cells = "<table>".to_string() + &"<td><span>".repeat(50_000);
        assert!(Dom::parse(&cells).nodes.len() > 100_000);
        let attr = format!("<p title=\"{}\">x</p>", "a".repeat(1_000_000));
        assert_eq!(Dom::parse(&attr).nodes.len(), 3);
        for broken in [
            "<",
            "<p",
            "<p title=\"x",
            "</",
            "</p",
            "<!--",
            "<!",
            "<a href=x",
            "&",
            "<p>&#x",
        ] {
            let _ = Dom::parse(broken);
        }
    }
}
