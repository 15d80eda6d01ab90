//! A small JSON reader for JSON-LD: values as a tree, built with an explicit
//! stack (no recursion) and at most [`MAX_DEPTH`] levels deep. Much smaller
//! in WebAssembly than a general deserializer, and all that metadata needs.

/// A JSON value.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Json {
    Null,
    Bool(bool),
    /// Numbers are kept as written.
    Num(String),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

/// Deeper documents are refused (they are not metadata).
const MAX_DEPTH: usize = 64;

impl Json {
    /// The value of `key`, when this is an object that has it.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }

    /// Parses a JSON document; `None` when it is not valid JSON.
    pub fn parse(text: &str) -> Option<Json> {
        let mut p = Parser {
            b: text.as_bytes(),
            text,
            i: 0,
        };
        let v = p.document()?;
        p.skip_ws();
        (p.i == p.b.len()).then_some(v)
    }
}

/// A container being built: an array, or an object and its pending key.
enum Open {
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>, Option<String>),
}

struct Parser<'a> {
    b: &'a [u8],
    text: &'a str,
    i: usize,
}

impl Parser<'_> {
    fn skip_ws(&mut self) {
        while self.i < self.b.len() && matches!(self.b[self.i], b' ' | b'\t' | b'\n' | b'\r') {
            self.i += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.skip_ws();
        self.b.get(self.i).copied()
    }

    fn document(&mut self) -> Option<Json> {
        let mut stack: Vec<Open> = Vec::new();
        loop {
            // Read a value (or open a container).
            let mut value = match self.peek()? {
                b'{' => {
                    self.i += 1;
                    if self.peek()? == b'}' {
                        self.i += 1;
                        Json::Obj(Vec::new())
                    } else {
                        if stack.len() >= MAX_DEPTH {
                            return None;
                        }
                        let key = self.key()?;
                        stack.push(Open::Obj(Vec::new(), Some(key)));
                        continue;
                    }
                }
                b'[' => {
                    self.i += 1;
                    if self.peek()? == b']' {
                        self.i += 1;
                        Json::Arr(Vec::new())
                    } else {
                        if stack.len() >= MAX_DEPTH {
                            return None;
                        }
                        stack.push(Open::Arr(Vec::new()));
                        continue;
                    }
                }
                b'"' => Json::Str(self.string()?),
                b't' => self.literal("true", Json::Bool(true))?,
                b'f' => self.literal("false", Json::Bool(false))?,
                b'n' => self.literal("null", Json::Null)?,
                b'-' | b'0'..=b'9' => self.number()?,
                _ => return None,
            };
            // Add it to the open containers, closing those that end.
            loop {
                let Some(top) = stack.last_mut() else {
                    return Some(value);
                };
                match top {
                    Open::Arr(items) => items.push(value),
                    Open::Obj(fields, key) => fields.push((key.take()?, value)),
                }
                match (self.peek()?, &mut *top) {
                    (b',', Open::Arr(_)) => {
                        self.i += 1;
                        break;
                    }
                    (b',', Open::Obj(_, key)) => {
                        self.i += 1;
                        *key = Some(self.key()?);
                        break;
                    }
                    (b']', Open::Arr(_)) | (b'}', Open::Obj(..)) => {
                        self.i += 1;
                        value = match stack.pop()? {
                            Open::Arr(items) => Json::Arr(items),
                            Open::Obj(fields, _) => Json::Obj(fields),
                        };
                    }
                    _ => return None,
                }
            }
        }
    }

    /// An object key and its colon.
    fn key(&mut self) -> Option<String> {
        if self.peek()? != b'"' {
            return None;
        }
        let k = self.string()?;
        (self.peek()? == b':').then(|| self.i += 1)?;
        Some(k)
    }

    fn literal(&mut self, word: &str, v: Json) -> Option<Json> {
        self.b[self.i..].starts_with(word.as_bytes()).then(|| {
            self.i += word.len();
            v
        })
    }

    fn number(&mut self) -> Option<Json> {
        let start = self.i;
        while self.i < self.b.len()
            && matches!(self.b[self.i], b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E')
        {
            self.i += 1;
        }
        self.text.get(start..self.i).map(|s| Json::Num(s.to_string()))
    }

    fn hex4(&mut self) -> Option<u32> {
        let s = self.text.get(self.i..self.i + 4)?;
        let v = u32::from_str_radix(s, 16).ok()?;
        self.i += 4;
        Some(v)
    }

    /// A string, from its opening quote.
    fn string(&mut self) -> Option<String> {
        self.i += 1;
        let mut out = String::new();
        loop {
            let start = self.i;
            while self.i < self.b.len() && self.b[self.i] != b'"' && self.b[self.i] != b'\\' {
                self.i += 1;
            }
            out.push_str(self.text.get(start..self.i)?);
            match self.b.get(self.i)? {
                b'"' => {
                    self.i += 1;
                    return Some(out);
                }
                _ => {
                    let esc = *self.b.get(self.i + 1)?;
                    self.i += 2;
                    let c = match esc {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let hi = self.hex4()?;
                            let code =
                                if (0xD800..0xDC00).contains(&hi) && self.b[self.i..].starts_with(b"\\u") {
                                    self.i += 2;
                                    let lo = self.hex4()?;
                                    0x10000 + ((hi - 0xD800) << 10) + (lo.wrapping_sub(0xDC00) & 0x3FF)
                                } else {
                                    hi
                                };
                            char::from_u32(code).unwrap_or('\u{FFFD}')
                        }
                        _ => return None,
                    };
                    out.push(c);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values() {
        let v = Json::parse(
            r#" {"a": [1, -2.5e3, true, false, null, "x\"y\u00e9\ud83d\ude00"], "b": {}, "c": []} "#,
        )
        .unwrap();
        assert_eq!(
            v.get("a"),
            Some(&Json::Arr(vec![
                Json::Num("1".into()),
                Json::Num("-2.5e3".into()),
                Json::Bool(true),
                Json::Bool(false),
                Json::Null,
                Json::Str("x\"yé😀".into()),
            ]))
        );
        assert_eq!(v.get("b"), Some(&Json::Obj(Vec::new())));
        assert_eq!(v.get("c"), Some(&Json::Arr(Vec::new())));
        assert_eq!(
            Json::parse("[[[\"deep\"]]]").unwrap(),
            Json::Arr(vec![Json::Arr(vec![Json::Arr(vec![Json::Str("deep".into())])])])
        );
    }

    #[test]
    fn invalid_and_hostile() {
        for bad in [
            "",
            "{",
            "[1,]",
            "{\"a\" 1}",
            "{\"a\":}",
            "\"open",
            "[1 2]",
            "{} x",
            "tru",
            "\"\\x\"",
            "{1:2}",
        ] {
            assert_eq!(Json::parse(bad), None, "{bad}");
        }
        let deep = "[".repeat(100_000) + &"]".repeat(100_000);
        assert_eq!(Json::parse(&deep), None);
        let ok_deep = "[".repeat(60) + &"]".repeat(60);
        assert!(Json::parse(&ok_deep).is_some());
    }
}

#[cfg(test)]
mod corpus {
    /// `JSON_DIR=dir cargo test --lib json::corpus -- --ignored --nocapture`:
    /// files named `*_1.json` (valid JSON) must parse. (Invalid ones may too:
    /// raw line breaks inside strings are accepted, as pages write them.)
    #[test]
    #[ignore]
    fn agrees_with_a_reference() {
        let Ok(dir) = std::env::var("JSON_DIR") else {
            return;
        };
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            if path.to_string_lossy().ends_with("_1.json") {
                assert!(super::Json::parse(text.trim()).is_some(), "{}", path.display());
            }
        }
    }
}
