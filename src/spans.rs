//! Offsets: how text built by the pipeline points back into the input.
//!
//! Every stage works in byte offsets of UTF-8 strings. A block's text is not
//! always a slice of the input (hard-wrapped lines are joined with a space,
//! HTML entities are decoded), so each block carries a [`SpanMap`] from its
//! own byte offsets to input byte offsets. The report converts input byte
//! offsets to code points once, with a [`CharIndex`].

/// One run of block text that came from one run of the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Seg {
    /// Byte offset of the run in the block text.
    pub text: usize,
    /// Byte offset of the run in the input.
    pub src: usize,
    /// Length in the block text.
    pub text_len: usize,
    /// Length in the input; equal to `text_len` when the run was copied.
    pub src_len: usize,
}

/// Maps byte offsets of a block's text to byte offsets of the input.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct SpanMap {
    segs: Vec<Seg>,
}

impl SpanMap {
    /// A map for text that is a verbatim copy of `input[src..src + len]`.
    #[cfg(test)]
    pub fn verbatim(src: usize, len: usize) -> Self {
        SpanMap {
            segs: vec![Seg {
                text: 0,
                src,
                text_len: len,
                src_len: len,
            }],
        }
    }

    /// Appends a run; runs must be pushed in text order.
    pub fn push(&mut self, seg: Seg) {
        if let Some(last) = self.segs.last_mut() {
            // Merge a verbatim run that continues the previous one.
            if last.text_len == last.src_len
                && seg.text_len == seg.src_len
                && last.text + last.text_len == seg.text
                && last.src + last.src_len == seg.src
            {
                last.text_len += seg.text_len;
                last.src_len += seg.src_len;
                return;
            }
        }
        self.segs.push(seg);
    }

    /// Input offset of text offset `off`. Inside a copied run the mapping is
    /// exact; inside a changed run (a decoded entity, a joining space) an
    /// offset maps to the start of the run, or to its end when it is past the
    /// run's start.
    pub fn to_src(&self, off: usize) -> usize {
        self.map(off, false)
    }

    /// Like [`SpanMap::to_src`], for an exclusive end offset: an end that
    /// falls on the start of a run maps to the end of the previous run, so a
    /// span never swallows a joining space or a tag that follows it.
    pub fn end_to_src(&self, off: usize) -> usize {
        self.map(off, true)
    }

    fn map(&self, off: usize, is_end: bool) -> usize {
        if self.segs.is_empty() {
            return 0;
        }
        // Index of the last run starting at or before `off`.
        let idx = match self.segs.binary_search_by(|s| s.text.cmp(&off)) {
            Ok(i) => {
                if is_end && i > 0 {
                    let prev = self.segs[i - 1];
                    return prev.src + prev.src_len;
                }
                i
            }
            Err(0) => return self.segs[0].src,
            Err(i) => i - 1,
        };
        let seg = self.segs[idx];
        let delta = off - seg.text;
        if delta >= seg.text_len {
            seg.src + seg.src_len
        } else if seg.text_len == seg.src_len {
            seg.src + delta
        } else if delta == 0 {
            seg.src
        } else {
            seg.src + seg.src_len
        }
    }

    /// The map of `text[start..end]`: offsets re-based to `start`.
    pub fn slice(&self, start: usize, end: usize) -> SpanMap {
        let mut out = SpanMap::default();
        for seg in &self.segs {
            let (s, e) = (seg.text.max(start), (seg.text + seg.text_len).min(end));
            if s >= e {
                continue;
            }
            let copied = seg.text_len == seg.src_len;
            let (src, src_len) = if copied {
                (seg.src + (s - seg.text), e - s)
            } else {
                (seg.src, seg.src_len)
            };
            out.push(Seg {
                text: s - start,
                src,
                text_len: e - s,
                src_len,
            });
        }
        out
    }

    /// The runs, in text order.
    #[cfg(test)]
    pub fn segs(&self) -> &[Seg] {
        &self.segs
    }
}

/// Builds a block's text from pieces of the input, keeping its [`SpanMap`].
#[derive(Default)]
pub(crate) struct TextBuilder {
    pub text: String,
    pub map: SpanMap,
}

impl TextBuilder {
    /// Appends `input[src..src + piece.len()]`, copied as is.
    pub fn copy(&mut self, piece: &str, src: usize) {
        if piece.is_empty() {
            return;
        }
        self.map.push(Seg {
            text: self.text.len(),
            src,
            text_len: piece.len(),
            src_len: piece.len(),
        });
        self.text.push_str(piece);
    }

    /// Appends `replacement` standing for `input[src..src + src_len]`.
    pub fn replace(&mut self, replacement: &str, src: usize, src_len: usize) {
        if replacement.is_empty() {
            return;
        }
        self.map.push(Seg {
            text: self.text.len(),
            src,
            text_len: replacement.len(),
            src_len,
        });
        self.text.push_str(replacement);
    }

    /// Appends one joining space standing for the input between two pieces,
    /// unless the text is empty or already ends with a space.
    pub fn space(&mut self, src: usize, src_len: usize) {
        if !self.text.is_empty() && !self.text.ends_with(' ') {
            self.replace(" ", src, src_len);
        }
    }

    pub fn finish(self) -> (String, SpanMap) {
        (self.text, self.map)
    }
}

/// Converts input byte offsets to code-point offsets in O(1) amortised time
/// with a checkpoint every [`CharIndex::STRIDE`] bytes.
pub(crate) struct CharIndex<'a> {
    input: &'a str,
    checkpoints: Vec<usize>,
}

impl<'a> CharIndex<'a> {
    const STRIDE: usize = 256;

    pub fn new(input: &'a str) -> Self {
        let bytes = input.as_bytes();
        let mut checkpoints = Vec::with_capacity(bytes.len() / Self::STRIDE + 1);
        let mut chars = 0usize;
        // A stride at a time: the count of bytes that start a character
        // is a loop the compiler turns into vector instructions.
        for stride in bytes.chunks(Self::STRIDE) {
            checkpoints.push(chars);
            chars += stride.iter().filter(|&&b| b & 0xC0 != 0x80).count();
        }
        CharIndex { input, checkpoints }
    }

    /// Code-point offset of byte offset `byte` (clamped to the input, and
    /// moved back to a character boundary if it falls inside one).
    pub fn chars(&self, byte: usize) -> usize {
        let bytes = self.input.as_bytes();
        let byte = byte.min(bytes.len());
        let block = byte / Self::STRIDE;
        let Some(&base) = self.checkpoints.get(block) else {
            return self.input.chars().count();
        };
        let from = block * Self::STRIDE;
        base + bytes[from..byte].iter().filter(|&&b| b & 0xC0 != 0x80).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbatim_maps_one_to_one() {
        let m = SpanMap::verbatim(10, 5);
        assert_eq!(m.to_src(0), 10);
        assert_eq!(m.to_src(3), 13);
        assert_eq!(m.end_to_src(5), 15);
    }

    #[test]
    fn joined_lines_skip_the_newline() {
        // "ab\ncd" joined as "ab cd": the space stands for the newline.
        let mut m = SpanMap::default();
        m.push(Seg {
            text: 0,
            src: 0,
            text_len: 2,
            src_len: 2,
        });
        m.push(Seg {
            text: 2,
            src: 2,
            text_len: 1,
            src_len: 1,
        });
        m.push(Seg {
            text: 3,
            src: 3,
            text_len: 2,
            src_len: 2,
        });
        assert_eq!(m.segs().len(), 1, "adjacent verbatim runs merge");
        let mut m = SpanMap::default();
        m.push(Seg {
            text: 0,
            src: 0,
            text_len: 2,
            src_len: 2,
        });
        m.push(Seg {
            text: 2,
            src: 2,
            text_len: 1,
            src_len: 3,
        }); // "\r\n  "
        m.push(Seg {
            text: 3,
            src: 5,
            text_len: 2,
            src_len: 2,
        });
        assert_eq!(m.to_src(3), 5);
        assert_eq!(m.to_src(4), 6);
        assert_eq!(m.end_to_src(2), 2);
        assert_eq!(m.end_to_src(5), 7);
    }

    #[test]
    fn decoded_entity_maps_to_its_edges() {
        // "a&amp;b" decoded as "a&b".
        let mut m = SpanMap::default();
        m.push(Seg {
            text: 0,
            src: 0,
            text_len: 1,
            src_len: 1,
        });
        m.push(Seg {
            text: 1,
            src: 1,
            text_len: 1,
            src_len: 5,
        });
        m.push(Seg {
            text: 2,
            src: 6,
            text_len: 1,
            src_len: 1,
        });
        assert_eq!(m.to_src(1), 1);
        assert_eq!(m.end_to_src(2), 6);
        assert_eq!(m.to_src(2), 6);
    }

    #[test]
    fn slice_rebases() {
        let m = SpanMap::verbatim(100, 20).slice(3, 10);
        assert_eq!(m.to_src(0), 103);
        assert_eq!(m.end_to_src(7), 110);
    }

    #[test]
    fn char_index_counts_code_points() {
        let s = "aé😀b".repeat(200);
        let idx = CharIndex::new(&s);
        for (chars, (byte, _)) in s.char_indices().enumerate() {
            assert_eq!(idx.chars(byte), chars);
        }
        assert_eq!(idx.chars(s.len()), s.chars().count());
    }
}
