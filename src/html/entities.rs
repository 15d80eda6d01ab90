//! Character references: `&amp;`, `&#8217;`, `&#x2014;`, decoded with a
//! compact table of the named references pages actually use (the HTML 4 set
//! and a few common HTML 5 names).

/// Latin-1 names, in code point order from U+00A0.
const LATIN1: [&str; 96] = [
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf", "laquo",
    "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot",
    "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc",
    "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute",
    "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute", "Ocirc", "Otilde", "Ouml", "times", "Oslash",
    "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute", "THORN", "szlig", "agrave", "aacute", "acirc", "atilde",
    "auml", "aring", "aelig", "ccedil", "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc",
    "iuml", "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave",
    "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml",
];

/// Greek letters, capital then small, from U+0391 and U+03B1 (U+03A2 is
/// unassigned; the small final sigma sits at U+03C2).
const GREEK: [&str; 25] = [
    "Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta", "Iota", "Kappa", "Lambda", "Mu",
    "Nu", "Xi", "Omicron", "Pi", "Rho", "", "Sigma", "Tau", "Upsilon", "Phi", "Chi", "Psi", "Omega",
];

/// Every other name, with its code point.
const OTHER: &[(&str, u32)] = &[
    ("amp", 38),
    ("lt", 60),
    ("gt", 62),
    ("quot", 34),
    ("apos", 39),
    ("AMP", 38),
    ("LT", 60),
    ("GT", 62),
    ("QUOT", 34),
    ("COPY", 169),
    ("REG", 174),
    ("Tab", 9),
    ("NewLine", 10),
    ("excl", 33),
    ("num", 35),
    ("dollar", 36),
    ("percnt", 37),
    ("lpar", 40),
    ("rpar", 41),
    ("ast", 42),
    ("plus", 43),
    ("comma", 44),
    ("period", 46),
    ("sol", 47),
    ("colon", 58),
    ("semi", 59),
    ("equals", 61),
    ("quest", 63),
    ("commat", 64),
    ("lsqb", 91),
    ("bsol", 92),
    ("rsqb", 93),
    ("Hat", 94),
    ("lowbar", 95),
    ("grave", 96),
    ("lcub", 123),
    ("verbar", 124),
    ("vert", 124),
    ("rcub", 125),
    ("half", 189),
    ("centerdot", 183),
    ("OElig", 338),
    ("oelig", 339),
    ("Scaron", 352),
    ("scaron", 353),
    ("Yuml", 376),
    ("fnof", 402),
    ("circ", 710),
    ("tilde", 732),
    ("sigmaf", 962),
    ("thetasym", 977),
    ("upsih", 978),
    ("piv", 982),
    ("ensp", 8194),
    ("emsp", 8195),
    ("numsp", 8199),
    ("puncsp", 8200),
    ("thinsp", 8201),
    ("hairsp", 8202),
    ("ZeroWidthSpace", 8203),
    ("zwnj", 8204),
    ("zwj", 8205),
    ("lrm", 8206),
    ("rlm", 8207),
    ("hyphen", 8208),
    ("dash", 8208),
    ("ndash", 8211),
    ("mdash", 8212),
    ("horbar", 8213),
    ("Verbar", 8214),
    ("lsquo", 8216),
    ("rsquo", 8217),
    ("rsquor", 8217),
    ("sbquo", 8218),
    ("lsquor", 8218),
    ("ldquo", 8220),
    ("rdquo", 8221),
    ("rdquor", 8221),
    ("bdquo", 8222),
    ("ldquor", 8222),
    ("dagger", 8224),
    ("Dagger", 8225),
    ("bull", 8226),
    ("bullet", 8226),
    ("nldr", 8229),
    ("hellip", 8230),
    ("mldr", 8230),
    ("permil", 8240),
    ("prime", 8242),
    ("Prime", 8243),
    ("lsaquo", 8249),
    ("rsaquo", 8250),
    ("oline", 8254),
    ("frasl", 8260),
    ("MediumSpace", 8287),
    ("NoBreak", 8288),
    ("euro", 8364),
    ("image", 8465),
    ("weierp", 8472),
    ("real", 8476),
    ("trade", 8482),
    ("TRADE", 8482),
    ("alefsym", 8501),
    ("larr", 8592),
    ("uarr", 8593),
    ("rarr", 8594),
    ("darr", 8595),
    ("harr", 8596),
    ("crarr", 8629),
    ("lArr", 8656),
    ("uArr", 8657),
    ("rArr", 8658),
    ("dArr", 8659),
    ("hArr", 8660),
    ("forall", 8704),
    ("part", 8706),
    ("exist", 8707),
    ("empty", 8709),
    ("nabla", 8711),
    ("isin", 8712),
    ("notin", 8713),
    ("ni", 8715),
    ("prod", 8719),
    ("sum", 8721),
    ("minus", 8722),
    ("lowast", 8727),
    ("radic", 8730),
    ("prop", 8733),
    ("infin", 8734),
    ("ang", 8736),
    ("and", 8743),
    ("or", 8744),
    ("cap", 8745),
    ("cup", 8746),
    ("int", 8747),
    ("there4", 8756),
    ("sim", 8764),
    ("cong", 8773),
    ("asymp", 8776),
    ("ne", 8800),
    ("equiv", 8801),
    ("le", 8804),
    ("ge", 8805),
    ("sub", 8834),
    ("sup", 8835),
    ("nsub", 8836),
    ("sube", 8838),
    ("supe", 8839),
    ("oplus", 8853),
    ("otimes", 8855),
    ("perp", 8869),
    ("sdot", 8901),
    ("lceil", 8968),
    ("rceil", 8969),
    ("lfloor", 8970),
    ("rfloor", 8971),
    ("lang", 10216),
    ("rang", 10217),
    ("loz", 9674),
    ("spades", 9824),
    ("clubs", 9827),
    ("hearts", 9829),
    ("diams", 9830),
    ("check", 10003),
    ("cross", 10007),
    ("star", 9734),
    ("starf", 9733),
];

/// Names that older pages write without the closing semicolon and that
/// browsers still decode in text.
const LEGACY: &[&str] = &[
    "amp", "lt", "gt", "quot", "nbsp", "copy", "reg", "AMP", "LT", "GT", "QUOT",
];

/// Windows-1252 characters that numeric references in 0x80-0x9F stand for.
const C1: [u32; 32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
    0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161,
    0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
];

fn named(name: &str) -> Option<char> {
    if let Some(i) = LATIN1.iter().position(|&n| n == name) {
        return char::from_u32(0xA0 + i as u32);
    }
    for (i, &greek) in GREEK.iter().enumerate() {
        if greek.is_empty() {
            continue;
        }
        if greek == name {
            return char::from_u32(0x391 + i as u32);
        }
        // Small letters: the capital's name with a small first letter.
        let mut chars = name.chars();
        if chars.next().is_some_and(|c| c.is_ascii_lowercase())
            && greek.len() == name.len()
            && greek.eq_ignore_ascii_case(name)
            && greek[1..] == name[1..]
        {
            return char::from_u32(0x3B1 + i as u32);
        }
    }
    OTHER
        .iter()
        .find(|(n, _)| *n == name)
        .and_then(|&(_, c)| char::from_u32(c))
}

/// A decoded reference: the character and how many input bytes it took.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Decoded {
    pub ch: char,
    pub len: usize,
}

/// Decodes the character reference at the start of `s` (which starts with
/// `&`), or `None` when it is not one (the `&` is then text). In attribute
/// values a reference without `;` followed by `=` or a letter or digit is
/// left alone, as browsers do.
pub(crate) fn decode_at(s: &str, in_attribute: bool) -> Option<Decoded> {
    let b = s.as_bytes();
    if b.first() != Some(&b'&') {
        return None;
    }
    if b.get(1) == Some(&b'#') {
        let hex = matches!(b.get(2), Some(b'x' | b'X'));
        let digits_start = if hex { 3 } else { 2 };
        let mut i = digits_start;
        let mut value: u32 = 0;
        while i < b.len() {
            let d = match (hex, b[i]) {
                (_, c @ b'0'..=b'9') => u32::from(c - b'0'),
                (true, c @ b'a'..=b'f') => u32::from(c - b'a' + 10),
                (true, c @ b'A'..=b'F') => u32::from(c - b'A' + 10),
                _ => break,
            };
            value = value.saturating_mul(if hex { 16 } else { 10 }).saturating_add(d);
            i += 1;
        }
        if i == digits_start {
            return None;
        }
        if b.get(i) == Some(&b';') {
            i += 1;
        }
        let ch = match value {
            0 => '\u{FFFD}',
            0x80..=0x9F => char::from_u32(C1[(value - 0x80) as usize]).unwrap_or('\u{FFFD}'),
            v => char::from_u32(v).unwrap_or('\u{FFFD}'),
        };
        return Some(Decoded { ch, len: i });
    }
    let name_len = b[1..]
        .iter()
        .take(33)
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    if name_len == 0 || name_len > 32 {
        return None;
    }
    let name = &s[1..1 + name_len];
    if b.get(1 + name_len) == Some(&b';') {
        return named(name).map(|ch| Decoded {
            ch,
            len: name_len + 2,
        });
    }
    // Without a semicolon: only the legacy names, and in attributes only
    // when nothing that could continue a name follows.
    let legacy = LEGACY
        .iter()
        .chain(LATIN1.iter())
        .filter(|n| name.starts_with(**n))
        .max_by_key(|n| n.len())?;
    let next = b.get(1 + legacy.len()).copied();
    if in_attribute && (legacy.len() < name_len || next == Some(b'=')) {
        return None;
    }
    named(legacy).map(|ch| Decoded {
        ch,
        len: legacy.len() + 1,
    })
}

/// Decodes every reference in `s` (an attribute value or raw text).
pub(crate) fn decode(s: &str, in_attribute: bool) -> std::borrow::Cow<'_, str> {
    if !s.contains('&') {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        match decode_at(&rest[at..], in_attribute) {
            Some(d) => {
                out.push(d.ch);
                rest = &rest[at + d.len..];
            }
            None => {
                out.push('&');
                rest = &rest[at + 1..];
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_and_numeric() {
        assert_eq!(decode("a &amp; b", false), "a & b");
        assert_eq!(decode("&eacute;t&eacute;", false), "été");
        assert_eq!(decode("&rsquo;&#8217;&#x2019;&#X2019", false), "’’’’");
        assert_eq!(decode("&alpha;&Omega;&sigmaf;", false), "αΩς");
        assert_eq!(decode("&#146;&#0;&#xFFFFFFFFFF;", false), "’\u{FFFD}\u{FFFD}");
        assert_eq!(decode("&nbsp&copy 2020", false), "\u{a0}© 2020");
        assert_eq!(decode("&unknown; & &; &#;", false), "&unknown; & &; &#;");
        assert_eq!(decode("?a=1&copy=2&amp;b", true), "?a=1&copy=2&b");
        assert_eq!(decode("&hellip;&mdash;&euro;&trade;", false), "…—€™");
    }
}
