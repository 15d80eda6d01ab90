//! What an element says it is: its tag, ARIA role, `itemprop`, and the words
//! of its class and id, matched against one table of named patterns.

use super::dom::{t, Dom};

/// What an element is, by its own markup.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Hint {
    /// Nothing said.
    None,
    /// The article, or its text: `article`, `main`, `.entry-content`,
    /// `itemprop=articleBody`.
    Body,
    /// Not article text; the removal to use for what it holds.
    Not(Kind),
}

/// The kinds of page furniture, each with its removal reason and rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Navigation,
    Comments,
    Related,
    Advertisement,
    Share,
    Header,
    Footer,
    Sidebar,
    Newsletter,
    Cookie,
    /// Byline, date, tags, author box: metadata around the article.
    Meta,
    /// A form, a search box, a login.
    Form,
    /// A caption or a credit of a picture.
    Caption,
}

impl Kind {
    pub fn reason(self) -> &'static str {
        match self {
            Kind::Navigation => "navigation",
            Kind::Comments => "comments",
            Kind::Related => "related-links",
            Kind::Advertisement => "advertisement",
            _ => "boilerplate",
        }
    }

    pub fn rule(self) -> &'static str {
        match self {
            Kind::Navigation => "navigation-menu",
            Kind::Comments => "comment-section",
            Kind::Related => "related-box",
            Kind::Advertisement => "ad-slot",
            Kind::Share => "share-bar",
            Kind::Header => "page-header",
            Kind::Footer => "page-footer",
            Kind::Sidebar => "sidebar",
            Kind::Newsletter => "newsletter-promo",
            Kind::Cookie => "cookie-notice",
            Kind::Meta => "article-meta",
            Kind::Form => "form",
            Kind::Caption => "caption",
        }
    }
}

/// Class and id words, by what they mark. A word matches a whole part of a
/// class name split at `-`, `_` and case changes ("article-comments",
/// "relatedPosts"); words ending in `*` match parts that start with them.
#[rustfmt::skip]
const NOT_BODY: &[(Kind, &[&str])] = &[
    (Kind::Comments, &[
        "comment*", "disqus*", "respond", "replies", "reply", "discussion", "livefyre", "coral", "commento",
        "reactions", "spotim*", "openweb", "vuukle",
    ]),
    (Kind::Related, &[
        "related*", "recommend*", "outbrain*", "taboola*", "trending", "popular", "mostread", "mostpopular",
        "recirc*", "readnext", "upnext", "morestories", "morenews", "seealso", "alsoread",
        "youmay*", "nextarticle*", "prevnext", "nextprev", "teaser*", "latest",
    ]),
    (Kind::Advertisement, &[
        "ad", "ads", "adv", "advert*", "adsense", "adsbygoogle", "adslot", "adunit", "adcontainer",
        "adwrapper", "adbox", "adblock", "dfp", "gpt", "sponsor*", "doubleclick", "banner*", "commercial",
        "billboard", "skyscraper", "leaderboard", "mpu",
    ]),
    (Kind::Share, &[
        "share*", "sharing", "social*", "sociable", "addthis", "sharethis", "shareaholic", "follow",
        "whatsapp", "facebook", "linkedin", "pinterest", "print", "toolbar",
    ]),
    (Kind::Navigation, &[
        "nav*", "menu*", "breadcrumb*", "crumbs", "pagination", "pager", "paging", "skip", "skiplink",
        "sitemap", "topbar", "subnav", "prev", "previous",
    ]),
    (Kind::Newsletter, &[
        "newsletter*", "subscribe*", "subscription*", "signup", "promo*", "cta", "donate", "membership",
        "register", "login", "signin", "popup", "modal", "overlay", "download",
    ]),
    (Kind::Cookie, &["cookie*", "consent", "gdpr", "privacy", "cmp"]),
    (Kind::Footer, &["footer*", "foot", "copyright", "colophon", "legal", "disclaimer"]),
    (Kind::Header, &["header*", "masthead", "branding", "logo"]),
    (Kind::Sidebar, &[
        "sidebar*", "aside", "rail", "widget*", "sidebox", "secondary", "complementary", "column2",
    ]),
    (Kind::Meta, &[
        "byline*", "author*", "dateline", "timestamp", "date", "time", "published", "meta", "tags", "tag",
        "taglist", "keywords", "categories", "category", "bio", "contributor*", "credits", "info",
    ]),
    (Kind::Caption, &["caption*", "credit"]),
    (Kind::Form, &["search*", "form"]),
];

/// Class and id words of embedded posts (tweets, Instagram): article text,
/// whatever other words their class has ("social-media-embed").
const EMBED: &[&str] = &["embed*", "tweet", "instagram*"];

/// Class and id words of the article and its text.
const BODY: &[&str] = &[
    "article*", "content*", "entry*", "main", "post", "postbody", "story*", "body", "bodytext", "blog",
    "hentry", "prose", "richtext", "single", "page",
];

/// Splits a class or id value into lower-case parts: at spaces, `-`, `_`,
/// `:` and lower-to-upper case changes.
fn parts(value: &str, out: &mut Vec<String>) {
    for token in value.split_ascii_whitespace().take(32) {
        let mut part = String::new();
        let mut prev_lower = false;
        for c in token.chars().take(128) {
            if matches!(c, '-' | '_' | ':' | '.' | '/') || (c.is_ascii_uppercase() && prev_lower) {
                if !part.is_empty() {
                    out.push(std::mem::take(&mut part));
                }
                prev_lower = false;
                if !c.is_ascii_uppercase() {
                    continue;
                }
            }
            prev_lower = c.is_ascii_lowercase();
            part.push(c.to_ascii_lowercase());
        }
        if !part.is_empty() {
            out.push(part);
        }
        out.push(String::new()); // token boundary
    }
}

/// What one class or id token says: the furniture it names (the first
/// negative word of the token), or whether it names the body.
fn token_hint(token: &str) -> (Option<Kind>, bool) {
    let mut words = Vec::new();
    parts(token, &mut words);
    let mut token_not: Option<Kind> = None;
    let mut token_body = false;
    let mut token_embed = false;
    let mut prev: &str = "";
    for part in words.iter().filter(|w| !w.is_empty()) {
        // A part, or two parts written as one word ("most-read" as "mostread").
        let joined = format!("{prev}{part}");
        let matches = |p: &&str| word_matches(p, part) || (!prev.is_empty() && word_matches(p, &joined));
        if EMBED.iter().any(matches) {
            token_embed = true;
        }
        if token_not.is_none() {
            token_not = NOT_BODY
                .iter()
                .find(|(_, pats)| pats.iter().any(matches))
                .map(|(k, _)| *k);
        }
        token_body |= BODY.iter().any(matches);
        prev = part;
    }
    if token_embed && token_not == Some(Kind::Share) {
        token_not = None;
    }
    (token_not, token_body)
}

fn word_matches(pattern: &str, part: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(prefix) => part.starts_with(prefix),
        None => part == pattern,
    }
}

/// The hint of one element.
#[cfg(test)]
pub(crate) fn of(dom: &Dom<'_>, i: u32) -> Hint {
    of_with(dom, i, &mut Tokens::default())
}

/// What each class or id token said, for one page: a page repeats the same
/// few class names on hundreds of elements, so each is read once.
pub(crate) type Tokens<'a> = std::collections::HashMap<&'a str, (Option<Kind>, bool)>;

/// The hint of one element, with the page's token cache.
pub(crate) fn of_with<'a>(dom: &Dom<'a>, i: u32, tokens: &mut Tokens<'a>) -> Hint {
    let tag = dom.nodes[i as usize].tag;
    if let Some(role) = dom.attr(i, "role") {
        match role.trim().to_ascii_lowercase().as_str() {
            "navigation" | "menu" | "menubar" | "tablist" => return Hint::Not(Kind::Navigation),
            "banner" => return Hint::Not(Kind::Header),
            "contentinfo" => return Hint::Not(Kind::Footer),
            "complementary" => return Hint::Not(Kind::Sidebar),
            "search" => return Hint::Not(Kind::Form),
            "dialog" | "alertdialog" => return Hint::Not(Kind::Newsletter),
            "main" | "article" => return Hint::Body,
            _ => {}
        }
    }
    if let Some(prop) = dom.attr(i, "itemprop") {
        let p = prop.to_ascii_lowercase();
        if p.contains("articlebody") || p.contains("reviewbody") || p == "text" {
            return Hint::Body;
        }
        if p.contains("author") || p.contains("date") {
            return Hint::Not(Kind::Meta);
        }
        if p.contains("comment") {
            return Hint::Not(Kind::Comments);
        }
    }
    let by_tag = match tag {
        t::NAV => Some(Kind::Navigation),
        t::FOOTER => Some(Kind::Footer),
        t::HEADER => Some(Kind::Header),
        t::ASIDE => Some(Kind::Sidebar),
        t::FORM | t::FIELDSET => Some(Kind::Form),
        t::FIGCAPTION => Some(Kind::Caption),
        _ => None,
    };
    // Per class token: the first negative word wins over positive ones in
    // the same token ("article-comments"); across tokens, a body word wins
    // over furniture ("post-content clearfix share-enabled") except comments.
    let mut not: Option<Kind> = None;
    let mut body = false;
    for name in ["class", "id"] {
        let Some(value) = dom.attr(i, name) else { continue };
        for token in value.split_ascii_whitespace().take(32) {
            let (token_not, token_body) = *tokens.entry(token).or_insert_with(|| token_hint(token));
            if let Some(k) = token_not {
                if not.is_none() || k == Kind::Comments {
                    not = Some(k);
                }
            } else if token_body {
                body = true;
            }
        }
    }
    // The tag of page furniture outweighs class words, except comments.
    match (not, body, by_tag) {
        (Some(Kind::Comments), _, _) => Hint::Not(Kind::Comments),
        (_, _, Some(k)) => Hint::Not(k),
        (Some(_), true, _) => Hint::Body,
        (Some(k), false, _) => Hint::Not(k),
        (None, true, _) => Hint::Body,
        (None, false, None) if matches!(tag, t::ARTICLE | t::MAIN) => Hint::Body,
        (None, false, None) => Hint::None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hint(html: &str) -> Hint {
        let dom = Dom::parse(html);
        of(&dom, 1)
    }

    #[test]
    fn the_page_token_cache_changes_no_hint() {
        let page = "<div class='article-body share-bar'><nav class='menu'></nav>\
            <div id='mostRead' class='article-body'></div><div class='share-bar social-media-embed'></div>\
            <section class='comments article-body'></section><div class='menu x'></div>\
            <div class='share-bar'></div><footer class='article-body'></footer><div class='lead post'></div></div>";
        let dom = Dom::parse(page);
        let mut tokens = Tokens::default();
        let elements: Vec<u32> = (0..dom.nodes.len() as u32)
            .filter(|&i| dom.is_element(i))
            .collect();
        assert!(elements.len() >= 9);
        for i in elements {
            assert_eq!(of_with(&dom, i, &mut tokens), of(&dom, i), "element {i}");
        }
        assert!(tokens.contains_key("article-body") && tokens.contains_key("mostRead"));
    }

    #[test]
    fn class_words() {
        assert_eq!(hint("<div class='article-body'>"), Hint::Body);
        assert_eq!(hint("<div class='article-comments'>"), Hint::Not(Kind::Comments));
        assert_eq!(hint("<div id='relatedPosts'>"), Hint::Not(Kind::Related));
        assert_eq!(hint("<div class='ad-slot'>"), Hint::Not(Kind::Advertisement));
        assert_eq!(
            hint("<div class='header shadow loaded'>"),
            Hint::Not(Kind::Header)
        );
        assert_eq!(hint("<div class='entry-content share-enabled'>"), Hint::Body);
        assert_eq!(hint("<nav class='x'>"), Hint::Not(Kind::Navigation));
        assert_eq!(
            hint("<div role=navigation class=content>"),
            Hint::Not(Kind::Navigation)
        );
        assert_eq!(hint("<div itemprop=articleBody class=ads>"), Hint::Body);
        assert_eq!(hint("<div class='lead'>"), Hint::None);
        assert_eq!(hint("<article class='post'>"), Hint::Body);
        // Two parts written as one word.
        assert_eq!(hint("<div class='most-read'>"), Hint::Not(Kind::Related));
        assert_eq!(hint("<div id='mostRead'>"), Hint::Not(Kind::Related));
        assert_eq!(hint("<div class='social-media-embed'>"), Hint::None);
        assert_eq!(
            hint("<figcaption class='article-caption'>"),
            Hint::Not(Kind::Caption)
        );
    }
}
