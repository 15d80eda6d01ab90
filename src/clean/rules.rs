//! The named boilerplate rules: every pattern the cleaner knows, in one table.
//!
//! A rule looks at one block's text. Its name is what `removed[].rule` says;
//! its reason is one of SPEC.md's. A rule marked `section` also starts a
//! trailing section when it fires on a heading-like block: everything after
//! it that is not clearly article prose goes with it.

/// How a rule's patterns are matched against a block (after lower-casing and
/// trimming punctuation at both ends).
#[derive(Clone, Copy, Debug)]
pub(crate) enum Match {
    /// The whole block is one of the patterns.
    Whole(&'static [&'static str]),
    /// The block starts with one of the patterns (at a word boundary).
    Prefix(&'static [&'static str]),
    /// The block contains one of the patterns, within its first 300 bytes
    /// or anywhere when the block is short (≤ 60 words).
    Contains(&'static [&'static str]),
    /// A test of its own, for shapes a word list cannot state.
    Test(fn(&str) -> bool),
}

/// One named rule.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Rule {
    pub name: &'static str,
    pub reason: &'static str,
    pub matcher: Match,
    /// A heading matching this rule starts a trailing section.
    pub section: bool,
}

const fn rule(name: &'static str, reason: &'static str, matcher: Match, section: bool) -> Rule {
    Rule {
        name,
        reason,
        matcher,
        section,
    }
}

use std::sync::OnceLock;

use crate::words::{contains_str, find_str, WordMap};
use Match::{Contains, Prefix, Test, Whole};

/// Every rule, tried in order; the first that matches names the removal.
pub(crate) const RULES: &[Rule] = &[
    rule(
        "legal-disclaimer",
        "boilerplate",
        Prefix(&[
            "legal disclaimer",
            "disclaimer",
            "haftungsausschluss",
            "aviso legal",
            "avertissement",
        ]),
        true,
    ),
    rule(
        "legal-disclaimer",
        "boilerplate",
        Contains(&[
            "provides the information \"as is\"",
            "provides the information “as is”",
            "without warranty of any kind",
            "does not necessarily reflect the views",
            "do not necessarily reflect the views",
            "for informational purposes only",
            "not intended as investment advice",
        ]),
        false,
    ),
    rule(
        "copyright",
        "boilerplate",
        Contains(&[
            "all rights reserved",
            "todos los derechos reservados",
            "alle rechte vorbehalten",
            "tous droits réservés",
            "todos os direitos reservados",
            "tutti i diritti riservati",
            "все права защищены",
            "may not be published, broadcast, rewritten",
            "may not be reproduced",
            "material may not be published",
        ]),
        false,
    ),
    rule(
        "copyright",
        "boilerplate",
        Prefix(&[
            "©",
            "(c) 19",
            "(c) 20",
            "copyright ©",
            "copyright 19",
            "copyright 20",
            "copyright (c)",
        ]),
        false,
    ),
    rule(
        "most-popular",
        "related-links",
        Whole(&[
            "most popular",
            "most popular stories",
            "most read",
            "most viewed",
            "most shared",
            "trending",
            "trending now",
            "trending stories",
            "popular stories",
            "popular now",
            "top stories",
            "editor's picks",
            "editors' picks",
            "meistgelesen",
            "am meisten gelesen",
            "les plus lus",
            "lo más leído",
            "más leídas",
            "mais lidas",
            "i più letti",
            "самое читаемое",
            "популярное",
            "많이 본 뉴스",
            "人気記事",
            "热门",
        ]),
        true,
    ),
    rule(
        "related",
        "related-links",
        Whole(&[
            "related",
            "related stories",
            "related articles",
            "related news",
            "related posts",
            "related content",
            "related coverage",
            "related topics",
            "related links",
            "related reading",
            "you may also like",
            "you might also like",
            "you may be interested in",
            "recommended",
            "recommended for you",
            "recommended articles",
            "recommended reading",
            "recommended videos",
            "more to read",
            "read these next",
            "more like this",
            "around the web",
            "from around the web",
            "you might be interested in",
            "other stories",
            "in other news",
            "trending articles",
            "popular posts",
            "recent posts",
            "latest posts",
            "related posts",
            "random posts",
            "recommended stories",
            "more stories",
            "more news",
            "more from",
            "more on this story",
            "more on this",
            "more in",
            "latest news",
            "latest stories",
            "latest",
            "what to read next",
            "elsewhere",
            "market research",
            "mehr zum thema",
            "das könnte sie auch interessieren",
            "lesen sie auch",
            "à lire aussi",
            "lire aussi",
            "sur le même sujet",
            "te puede interesar",
            "noticias relacionadas",
            "leia também",
            "veja também",
            "notícias relacionadas",
            "potrebbe interessarti",
            "articoli correlati",
            "читайте также",
            "похожие новости",
            "по теме",
            "관련기사",
            "관련 기사",
            "関連記事",
            "関連ニュース",
            "相关新闻",
            "相关阅读",
            "baca juga",
            "artikel terkait",
            "berita terkait",
        ]),
        true,
    ),
    rule(
        "related",
        "related-links",
        Prefix(&[
            "more from ",
            "more stories from",
            "more news from",
            "more articles from",
            "related:",
            "related stories:",
            "related articles:",
            "see also:",
            "also read:",
            "read also:",
            "recommended:",
            "baca juga:",
            "lesen sie auch:",
            "leia também:",
            "veja também:",
            "lire aussi :",
            "lire aussi:",
            "читайте также:",
        ]),
        true,
    ),
    rule(
        "read-more",
        "related-links",
        Whole(&[
            "up next",
            "don't miss",
            "also read",
            "see also",
            "read also",
            "read more",
            "more",
        ]),
        false,
    ),
    rule(
        "read-more",
        "related-links",
        Prefix(&[
            "read more",
            "read the full story",
            "read full story",
            "read next",
            "click here to read",
            "continue reading",
            "keep reading",
            "read the latest",
            "more:",
            "read:",
            "watch:",
            "listen:",
            "leer más",
            "lire la suite",
            "weiterlesen",
            "leia mais",
            "continua a leggere",
            "читать далее",
        ]),
        false,
    ),
    rule(
        "comments",
        "comments",
        Whole(&[
            "comments",
            "comment",
            "no comment",
            "no comments",
            "no comments yet",
            "leave a comment",
            "leave a reply",
            "post a comment",
            "post comment",
            "add a comment",
            "add comment",
            "show comments",
            "view comments",
            "join the conversation",
            "join the discussion",
            "discussion",
            "reader comments",
            "kommentare",
            "commentaires",
            "comentarios",
            "comentários",
            "commenti",
            "комментарии",
            "댓글",
            "コメント",
            "评论",
            "komentar",
        ]),
        true,
    ),
    rule(
        "comments",
        "comments",
        Prefix(&[
            "comments (",
            "comments:",
            "post comment (",
            "be the first to comment",
            "you must be logged in to post a comment",
            "log in to comment",
            "sign in to comment",
            "commenting is closed",
            "comments are closed",
            "comments have been closed",
            "we welcome your comments",
            "please read our comment policy",
        ]),
        true,
    ),
    rule("comments", "comments", Test(is_comment_count), true),
    rule("comment-author", "comments", Test(is_comment_author), false),
    rule(
        "comments",
        "comments",
        Contains(&[
            "as you comment, please",
            "comment policy",
            "commenting guidelines",
            "community guidelines",
            "be respectful of other commenters",
            "your email address will not be published",
            "required fields are marked",
            "this site uses akismet",
            "notify me of follow-up comments",
            "notify me of new posts",
            "save my name, email, and website",
        ]),
        false,
    ),
    rule("author-bio", "boilerplate", Test(is_author_bio), false),
    rule(
        "reading-time",
        "boilerplate",
        Prefix(&[
            "reading time",
            "tempo de leitura",
            "lesezeit",
            "temps de lecture",
            "tiempo de lectura",
            "время чтения",
        ]),
        false,
    ),
    rule("reading-time", "boilerplate", Test(is_reading_time), false),
    rule(
        "photo-caption",
        "boilerplate",
        Test(ends_with_photo_credit),
        false,
    ),
    rule(
        "share",
        "boilerplate",
        Whole(&[
            "share",
            "share this",
            "share this article",
            "share this story",
            "share this post",
            "share on facebook",
            "share on twitter",
            "share via email",
            "share article",
            "share story",
            "facebook",
            "twitter",
            "linkedin",
            "whatsapp",
            "pinterest",
            "reddit",
            "email",
            "e-mail",
            "print",
            "copy link",
            "copy link url",
            "link copied",
            "tweet",
            "show more sharing options",
            "close extra sharing options",
            "share close extra sharing options",
            "teilen",
            "partager",
            "compartir",
            "compartilhar",
            "condividi",
            "поделиться",
            "공유",
            "シェア",
            "分享",
            "bagikan",
        ]),
        false,
    ),
    rule(
        "share",
        "boilerplate",
        Prefix(&[
            "share this article",
            "share this story",
            "share on ",
            "share via ",
            "click to share",
            "tweet this",
            "follow us on",
            "follow us:",
            "follow @",
            "like us on facebook",
        ]),
        false,
    ),
    rule(
        "newsletter",
        "boilerplate",
        Contains(&[
            "sign up for our newsletter",
            "sign up for the newsletter",
            "subscribe to our newsletter",
            "subscribe to the newsletter",
            "get our newsletter",
            "newsletter sign-up",
            "newsletter signup",
            "sign up to receive",
            "sign up for free",
            "sign up for newsletters",
            "sign up for our",
            "sign up to our",
            "you are signed in as",
            "you are logged in as",
            "get the latest news delivered",
            "delivered to your inbox",
            "straight to your inbox",
            "thanks for signing up",
            "thank you for signing up",
            "you have successfully subscribed",
            "enter your email",
            "your email address",
            "by signing up, you agree",
            "by subscribing, you agree",
            "check the opt-in box",
            "no longer wish to receive",
            "to unsubscribe",
            "unsubscribe from",
            "click here to unsubscribe",
            "do not reply to this message",
            "do not reply to this email",
            "change your preferences",
            "update your preferences",
            "manage your preferences",
            "you are receiving this",
            "you received this",
            "invalid email",
            "newsletter abonnieren",
            "inscrivez-vous à la newsletter",
            "suscríbete",
            "assine a newsletter",
        ]),
        false,
    ),
    rule(
        "newsletter",
        "boilerplate",
        Whole(&[
            "newsletter",
            "newsletters",
            "subscribe",
            "subscribe now",
            "sign up",
            "sign up now",
            "see all newsletters",
        ]),
        false,
    ),
    rule(
        "cookie-notice",
        "boilerplate",
        Contains(&[
            "we use cookies",
            "this website uses cookies",
            "this site uses cookies",
            "uses cookies to",
            "use of cookies",
            "accept cookies",
            "accept all cookies",
            "cookie policy",
            "cookie settings",
            "by continuing to use this site",
            "by continuing to browse",
            "by using this site, you agree",
            "wir verwenden cookies",
            "utilise des cookies",
            "utilizamos cookies",
            "utilizziamo i cookie",
        ]),
        false,
    ),
    rule(
        "advertisement",
        "advertisement",
        Whole(&[
            "advertisement",
            "advertisements",
            "advertising",
            "advertise",
            "advertise with us",
            "ad",
            "ads",
            "sponsored",
            "sponsored content",
            "sponsored links",
            "paid content",
            "paid post",
            "promoted",
            "promoted stories",
            "story continues below advertisement",
            "article continues below advertisement",
            "continue reading below",
            "scroll to continue with content",
            "anzeige",
            "werbung",
            "publicité",
            "publicidad",
            "publicidade",
            "pubblicità",
            "реклама",
            "광고",
            "広告",
            "广告",
            "iklan",
        ]),
        false,
    ),
    rule(
        "advertisement",
        "advertisement",
        Prefix(&[
            "advertisement -",
            "advertisement:",
            "sponsored by",
            "presented by",
            "promoted by",
            "ad feedback",
        ]),
        false,
    ),
    rule(
        "photo-credit",
        "boilerplate",
        Prefix(&[
            "photo:",
            "photo by",
            "photo credit",
            "photograph:",
            "photograph by",
            "image:",
            "image credit",
            "image source",
            "picture:",
            "pictured:",
            "credit:",
            "(photo",
            "(image",
            "foto:",
            "bild:",
            "фото:",
        ]),
        false,
    ),
    rule(
        "photo-credit",
        "boilerplate",
        Whole(&[
            "getty images",
            "reuters",
            "ap",
            "afp",
            "ap photo",
            "afp/getty images",
            "shutterstock",
            "istock",
            "file photo",
            "photo",
            "photos",
            "image",
            "video",
            "gallery",
            "photo gallery",
            "view gallery",
            "enlarge this image",
            "toggle caption",
            "hide caption",
            "expand",
            "play video",
            "watch video",
            "click to enlarge",
        ]),
        false,
    ),
    rule(
        "tag-list",
        "navigation",
        Prefix(&[
            "tags:",
            "tags :",
            "tagged:",
            "tagged with",
            "topics:",
            "related tags",
            "related topics:",
            "filed under",
            "posted in",
            "categories:",
            "category:",
            "keywords:",
            "schlagworte",
            "étiquettes",
            "etiquetas",
            "темы:",
        ]),
        true,
    ),
    rule(
        "tag-list",
        "navigation",
        Whole(&[
            "tags",
            "topics",
            "related tags",
            "related topics",
            "keywords",
            "categories",
            "explore more",
        ]),
        true,
    ),
    rule(
        "navigation",
        "navigation",
        Whole(&[
            "home",
            "menu",
            "main menu",
            "search",
            "close",
            "open",
            "toggle navigation",
            "skip to content",
            "skip to main content",
            "skip navigation",
            "back to top",
            "top",
            "next",
            "previous",
            "next article",
            "previous article",
            "next post",
            "previous post",
            "log in",
            "login",
            "log out",
            "sign in",
            "sign out",
            "register",
            "my account",
            "subscribe sign in",
            "sections",
            "more",
            "show more",
            "load more",
            "see more",
            "view all",
            "see all",
            "all",
            "about us",
            "contact us",
            "contact",
            "privacy policy",
            "terms of use",
            "terms of service",
            "terms and conditions",
            "sitemap",
            "site map",
            "rss",
            "feedback",
            "help",
            "faq",
            "careers",
            "jobs",
            "you are here",
            "you are at",
            "breadcrumb",
            "startseite",
            "accueil",
            "inicio",
            "início",
            "главная",
            "홈",
            "ホーム",
            "首页",
            "beranda",
        ]),
        false,
    ),
    rule(
        "navigation",
        "navigation",
        Prefix(&[
            "you are here:",
            "you are at:",
            "home >",
            "home »",
            "home /",
            "home |",
            "skip to ",
        ]),
        false,
    ),
    rule(
        "subscription",
        "boilerplate",
        Contains(&[
            "subscribe to continue",
            "subscribe to read",
            "already a subscriber",
            "already have an account",
            "create a free account",
            "this article is for subscribers",
            "to continue reading",
            "become a member",
            "support our journalism",
            "support independent journalism",
            "please disable your ad blocker",
            "turn off your ad blocker",
            "javascript is disabled",
            "enable javascript",
            "your browser does not support",
            "please update your browser",
        ]),
        false,
    ),
    rule(
        "contact-credit",
        "boilerplate",
        Prefix(&[
            "contributed to this report",
            "additional reporting by",
            "editing by",
            "edited by",
            "compiled by",
            "writing by",
            "this story has been corrected",
            "this article was originally published",
            "this story was originally published",
            "originally published",
            "corrections & clarifications",
            "send us a tip",
            "got a tip",
            "got a news tip",
            "report an error",
            "report a correction",
            "write to ",
            "contact the author",
            "email the author",
            "follow the author",
        ]),
        false,
    ),
];

/// "34 Comments", "0 comments", "12 responses to …", "5 thoughts on …",
/// "Comments (3)", "3 replies".
fn is_comment_count(norm: &str) -> bool {
    let mut words = norm.split_whitespace();
    let Some(first) = words.next() else { return false };
    if !first.chars().all(|c| c.is_ascii_digit()) || first.len() > 6 {
        return false;
    }
    match words.next() {
        Some("comments" | "comment" | "replies" | "reply") => words.count() <= 2,
        Some("responses" | "response" | "thoughts") => matches!(words.next(), Some("to" | "on")),
        _ => false,
    }
}

/// "5 min read", "3 minute read", "Read time: 4 minutes".
fn is_reading_time(norm: &str) -> bool {
    norm.split_whitespace().take(7).count() <= 6
        && norm
            .split_whitespace()
            .any(|w| w.chars().all(|c| c.is_ascii_digit()))
        && (norm.ends_with("min read")
            || norm.ends_with("minute read")
            || norm.ends_with("minutes read")
            || norm.starts_with("read time"))
}

/// "janedoe says:", "1. thelastfan says:", "Jane Doe said on May 5, 2019:".
fn is_comment_author(norm: &str) -> bool {
    let words = norm.split_whitespace().count();
    words <= 8
        && (norm.ends_with(" says") || norm.ends_with(" says:") || norm.contains(" says: ") && words <= 5)
}

/// "Jane Doe is a staff writer at …", "Regan is a native of … who writes
/// about …": a short biography of the author.
fn is_author_bio(norm: &str) -> bool {
    const ROLES: &[&str] = &[
        "writer",
        "reporter",
        "editor",
        "journalist",
        "correspondent",
        "columnist",
        "contributor",
        "author",
        "blogger",
        "freelance",
        "covering",
        "covers",
        "writes about",
        "host of",
    ];
    // Every verb below starts with " is " or " was ".
    if !contains_str(norm, " is ") && !contains_str(norm, " was ") {
        return false;
    }
    let Some(at) = [
        " is a ",
        " is an ",
        " is the ",
        " was a ",
        " is senior ",
        " is our ",
    ]
    .iter()
    .filter_map(|v| find_str(norm, v))
    .min() else {
        return false;
    };
    let name_words = norm[..at].split_whitespace().count();
    if !(1..=4).contains(&name_words) || norm.split_whitespace().count() > 90 {
        return false;
    }
    let head: String = norm.split_whitespace().take(25).collect::<Vec<_>>().join(" ");
    ROLES.iter().any(|r| contains_str(&head, r))
}

/// A caption: a block ending with a photo credit in brackets, "(Photo:
/// Jane Roe/Agency)", "(Reuters)", "(AP Photo/John Doe)", or "Getty Images".
fn ends_with_photo_credit(norm: &str) -> bool {
    const CREDITS: &[&str] = &[
        "photo",
        "photos",
        "photograph",
        "getty",
        "images",
        "reuters",
        "afp",
        "ap",
        "epa",
        "shutterstock",
        "istock",
        "credit",
        "courtesy",
        "handout",
    ];
    if norm.ends_with("getty images") || norm.ends_with("/ getty images") {
        return true;
    }
    // "…in Vienna.Jane Roe / Reuters file", "…on Monday. John Doe / AP"
    if let Some((_, credit)) = norm.rsplit_once(" / ") {
        let words: Vec<&str> = credit.split_whitespace().collect();
        if (1..=4).contains(&words.len())
            && words
                .iter()
                .any(|w| CREDITS.contains(w) || matches!(*w, "getty" | "afp" | "ap" | "reuters" | "file"))
        {
            return true;
        }
    }
    let Some(inner) = norm
        .strip_suffix(')')
        .and_then(|t| t.rfind('(').map(|i| &t[i + 1..]))
    else {
        return false;
    };
    let words: Vec<&str> = inner
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.len() >= 2
        && words.len() <= 10
        && (inner.contains('/') || words.iter().any(|w| CREDITS.contains(w)))
}

/// Lower-cases a block and trims punctuation, bullets and spaces at the ends,
/// so that "Comments (12)" and "* Share" meet the table as "comments (12)"
/// and "share".
pub(crate) fn normalize(text: &str) -> String {
    let t = text
        .trim_start_matches(|c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    '*' | '-' | '•' | '·' | '|' | '»' | '›' | '>' | '#' | '–' | '—' | '▪' | '+'
                )
        })
        .trim_end_matches(|c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    ':' | '.' | '!' | '|' | '»' | '›' | '>' | '…' | '-' | '–' | '—' | '+'
                )
        });
    let mut out = String::with_capacity(t.len());
    let mut prev_space = false;
    for c in t.chars() {
        if c.is_whitespace() {
            if !prev_space {
                out.push(' ');
            }
            prev_space = true;
        } else {
            prev_space = false;
            let c = match c {
                '’' | '‘' => '\'',
                c => c,
            };
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        }
    }
    out
}

fn starts_with_word(text: &str, prefix: &str) -> bool {
    text.starts_with(prefix)
        && (prefix.ends_with([' ', ':', '(', '>', '»', '|', '/'])
            || !prefix.ends_with(char::is_alphanumeric)
            || text[prefix.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric()))
}

/// The first rule that matches a block, given its normalised text and its
/// word count.
#[cfg(test)]
pub(crate) fn find(norm: &str, words: usize) -> Option<&'static Rule> {
    find_entry(norm, words).map(|i| &RULES[i])
}

/// The index in [`RULES`] of the first rule that matches a block, given its
/// normalised text and its word count.
pub(crate) fn find_entry(norm: &str, words: usize) -> Option<usize> {
    // Long blocks are prose; only their start can hold a marker.
    let head = if words > 60 { prefix(norm, 300) } else { norm };
    let pairs = BytePairs::of(head);
    // The `Whole` rules the block is a pattern of, as bits: one lookup.
    let whole = if words <= 12 {
        whole_patterns().get(norm).unwrap_or(0)
    } else {
        0
    };
    let first = head.as_bytes().first().copied();
    RULES.iter().enumerate().find_map(|(i, r)| {
        let hit = match r.matcher {
            Whole(_) => whole & (1 << i) != 0,
            Prefix(pats) => pats
                .iter()
                .any(|p| p.as_bytes().first().is_none_or(|&b| Some(b) == first) && starts_with_word(head, p)),
            Contains(pats) => pats.iter().any(|p| pairs.may_contain(p) && contains_str(head, p)),
            Test(test) => test(norm),
        };
        hit.then_some(i)
    })
}

// One bit per rule in a u64.
const _: () = assert!(RULES.len() <= 64);

/// Every pattern of a `Whole` rule, with the rules it belongs to as bits
/// (bit `i` for `RULES[i]`).
fn whole_patterns() -> &'static WordMap<u64> {
    static MAP: OnceLock<WordMap<u64>> = OnceLock::new();
    MAP.get_or_init(|| {
        WordMap::new(
            RULES.iter().enumerate().flat_map(|(i, r)| match r.matcher {
                Whole(pats) => pats.iter().map(move |&p| (p, 1u64 << i)).collect(),
                _ => Vec::new(),
            }),
            |a, b| a | b,
        )
    })
}

/// The byte pairs of a text, hashed into a small bit set: a pattern whose
/// first or last pair is missing cannot occur in the text, which spares
/// most substring searches (the answer is the search's, only faster).
struct BytePairs([u64; 8]);

impl BytePairs {
    fn bit(a: u8, b: u8) -> usize {
        (usize::from(a).wrapping_mul(31) ^ usize::from(b)) & 511
    }

    fn of(text: &str) -> BytePairs {
        let mut bits = [0u64; 8];
        for w in text.as_bytes().windows(2) {
            let k = Self::bit(w[0], w[1]);
            bits[k / 64] |= 1 << (k % 64);
        }
        BytePairs(bits)
    }

    fn has(&self, a: u8, b: u8) -> bool {
        let k = Self::bit(a, b);
        self.0[k / 64] & (1 << (k % 64)) != 0
    }

    fn may_contain(&self, pattern: &str) -> bool {
        match pattern.as_bytes() {
            [a, b, .., y, z] => self.has(*a, *b) && self.has(*y, *z),
            [a, b] => self.has(*a, *b),
            _ => true,
        }
    }
}

/// The rule matching a block's text, if any.
pub(crate) fn find_in(text: &str, words: usize) -> Option<&'static Rule> {
    entry_in(text, words).map(|i| &RULES[i])
}

/// The index in [`RULES`] of the rule matching a block's text, if any.
pub(crate) fn entry_in(text: &str, words: usize) -> Option<usize> {
    // Normalising a long block's first kilobyte is enough: the tests that
    // read whole blocks only fire on short ones.
    let text = if words > 60 { prefix(text, 1024) } else { text };
    find_entry(&normalize(text), words)
}

/// The longest prefix of `s` of at most `max` bytes, on a char boundary.
fn prefix(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(text: &str) -> Option<&'static str> {
        let n = normalize(text);
        let words = n.split_whitespace().count();
        find(&n, words).map(|r| r.name)
    }

    #[test]
    fn rule_table() {
        let cases: &[(&str, Option<&str>)] = &[
            ("Legal Disclaimer:", Some("legal-disclaimer")),
            ("Most popular stories", Some("most-popular")),
            ("Market Research", Some("related")),
            ("Comments", Some("comments")),
            ("No comment", Some("comments")),
            ("Comments (12)", Some("comments")),
            ("* Share", Some("share")),
            ("ADVERTISEMENT", Some("advertisement")),
            ("Story continues below advertisement", Some("advertisement")),
            (
                "© 2024 The Daily Example. All rights reserved.",
                Some("copyright"),
            ),
            (
                "Sign up for our newsletter to get the latest news.",
                Some("newsletter"),
            ),
            (
                "We use cookies to improve your experience on our site.",
                Some("cookie-notice"),
            ),
            ("Photo: Jane Roe/Example Agency", Some("photo-credit")),
            ("Tags: politics, elections, budget", Some("tag-list")),
            ("Read more: Why the council voted no", Some("read-more")),
            ("Lesen Sie auch", Some("related")),
            ("Home > World > Europe", Some("navigation")),
            // Article prose that shares words with the rules is not touched.
            ("The home team scored twice in the second half.", None),
            (
                "Readers left hundreds of comments on the mayor's post, he said.",
                None,
            ),
            ("Sharing economy firms reported higher revenue this year.", None),
            ("Disclaimers aside, the fund grew.", None),
        ];
        for (text, want) in cases {
            assert_eq!(name(text), *want, "{text}");
        }
    }
}
