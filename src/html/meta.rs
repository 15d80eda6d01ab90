//! Page metadata: title, byline, outlet and date from JSON-LD, `<meta>`
//! tags, `rel=author`, `.byline` and the `<title>`; and the JSON-LD
//! `articleBody`, which the body search uses as evidence.

use super::dom::{t, Dom};
use super::entities;
use super::json::Json;
use crate::blocks::PageMeta;

/// What the page says about itself.
#[derive(Clone, Debug, Default)]
pub(crate) struct Found {
    pub meta: PageMeta,
    /// JSON-LD `articleBody`, when the page gives one.
    pub article_body: Option<String>,
    /// The `<title>` text, as is.
    pub page_title: Option<String>,
}

/// Collapses white space and decodes entities of an attribute or raw text.
pub(crate) fn clean_text(raw: &str) -> String {
    let decoded = entities::decode(raw, true);
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// JSON-LD types that describe an article.
fn is_article_type(v: &Json) -> bool {
    let names: Vec<&str> = match v.get("@type") {
        Some(Json::Str(s)) => vec![s.as_str()],
        Some(Json::Arr(a)) => a.iter().filter_map(Json::as_str).collect(),
        _ => Vec::new(),
    };
    names.iter().any(|n| {
        let n = n.to_ascii_lowercase();
        n.ends_with("article") || n.contains("posting") || n == "report" || n == "review" || n == "webpage"
    })
}

/// The names of a JSON-LD `author`: a string, an object with `name`, or a
/// list of either.
fn author_names(v: &Json) -> Vec<String> {
    let mut out = Vec::new();
    let mut todo = vec![v];
    while let Some(v) = todo.pop() {
        match v {
            Json::Str(s) => {
                let s = clean_text(s);
                if !s.is_empty() && !s.starts_with("http") && s.chars().count() <= 80 {
                    out.push(s);
                }
            }
            Json::Obj(_) => {
                if let Some(Json::Str(name)) = v.get("name") {
                    let s = clean_text(name);
                    if !s.is_empty() && s.chars().count() <= 80 {
                        out.push(s);
                    }
                }
            }
            Json::Arr(a) => todo.extend(a.iter().rev().take(10)),
            _ => {}
        }
    }
    out.dedup();
    out
}

fn join_names(names: &[String]) -> Option<String> {
    match names.len() {
        0 => None,
        1 => Some(names[0].clone()),
        _ => {
            let (last, rest) = names.split_last()?;
            Some(format!("{} and {}", rest.join(", "), last))
        }
    }
}

/// The date part of an ISO 8601 date-time ("2019-11-19T08:03:00Z" →
/// "2019-11-19").
fn iso_date(s: &str) -> Option<String> {
    let s = s.trim();
    let b = s.as_bytes();
    let ok = b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit);
    // Placeholder dates ("0001-01-01") are no dates.
    (ok && s[..4] >= *"1900").then(|| s[..10].to_string())
}

/// Article objects in a JSON-LD document (top level, lists, `@graph`,
/// `mainEntity`), found without recursion.
fn article_objects(root: &Json) -> Vec<&Json> {
    let mut out = Vec::new();
    let mut todo = vec![(root, 0usize)];
    while let Some((v, depth)) = todo.pop() {
        if depth > 6 {
            continue;
        }
        match v {
            Json::Arr(a) => todo.extend(a.iter().rev().map(|x| (x, depth + 1))),
            Json::Obj(_) => {
                if is_article_type(v) || v.get("articleBody").is_some() {
                    out.push(v);
                }
                for key in ["@graph", "mainEntity", "mainEntityOfPage"] {
                    if let Some(x) = v.get(key) {
                        todo.push((x, depth + 1));
                    }
                }
            }
            _ => {}
        }
    }
    out
}

fn parse_json_ld(raw: &str) -> Option<Json> {
    let trimmed = raw
        .trim()
        .trim_start_matches("<!--")
        .trim_end_matches("-->")
        .trim()
        .trim_start_matches("//<![CDATA[")
        .trim_end_matches("//]]>")
        .trim();
    Json::parse(trimmed)
}

/// Reads the page's metadata.
pub(crate) fn find(dom: &Dom<'_>, hidden: &[bool]) -> Found {
    let mut f = Found::default();
    let mut og_title = None;
    let mut twitter_title = None;
    let mut meta_author = None;
    let mut meta_date = None;
    let mut site_name = None;
    let mut ld_title = None;
    let mut ld_author = None;
    let mut ld_date = None;
    let mut ld_publisher = None;
    let mut rel_author = None;
    let mut class_byline = None;
    for i in 1..dom.nodes.len() as u32 {
        let tag = dom.nodes[i as usize].tag;
        match tag {
            t::META => {
                let key = dom
                    .attr(i, "property")
                    .or_else(|| dom.attr(i, "name"))
                    .or_else(|| dom.attr(i, "itemprop"))
                    .unwrap_or("")
                    .trim()
                    .to_ascii_lowercase();
                let Some(content) = dom.attr(i, "content").map(clean_text) else {
                    continue;
                };
                if content.is_empty() {
                    continue;
                }
                match key.as_str() {
                    "og:title" => og_title = og_title.or(Some(content)),
                    "twitter:title" => twitter_title = twitter_title.or(Some(content)),
                    "og:site_name" | "application-name" => site_name = site_name.or(Some(content)),
                    "author" | "article:author" | "byl" | "sailthru.author" | "parsely-author"
                    | "dc.creator" => meta_author = meta_author.or(Some(content)),
                    "article:published_time"
                    | "datepublished"
                    | "pubdate"
                    | "publishdate"
                    | "date"
                    | "dc.date"
                    | "dc.date.issued"
                    | "sailthru.date"
                    | "parsely-pub-date"
                    | "og:published_time" => {
                        meta_date = meta_date.or_else(|| iso_date(&content));
                    }
                    _ => {}
                }
            }
            t::TITLE if f.page_title.is_none() => {
                if let Some(c) = dom.children(i).next() {
                    let text = clean_text(dom.text(c));
                    if !text.is_empty() {
                        f.page_title = Some(text);
                    }
                }
            }
            t::SCRIPT => {
                let is_ld = dom
                    .attr(i, "type")
                    .is_some_and(|v| v.trim().eq_ignore_ascii_case("application/ld+json"));
                let Some(c) = dom.children(i).next().filter(|_| is_ld) else {
                    continue;
                };
                let Some(json) = parse_json_ld(dom.text(c)) else {
                    continue;
                };
                for obj in article_objects(&json) {
                    if let Some(Json::Str(h)) = obj.get("headline").or_else(|| obj.get("name")) {
                        if ld_title.is_none()
                            && is_article_type(obj)
                            && obj.get("@type").and_then(Json::as_str) != Some("WebPage")
                        {
                            ld_title = Some(clean_text(h)).filter(|s| !s.is_empty());
                        }
                    }
                    if ld_author.is_none() {
                        if let Some(a) = obj.get("author").or_else(|| obj.get("creator")) {
                            ld_author = join_names(&author_names(a));
                        }
                    }
                    if ld_date.is_none() {
                        if let Some(Json::Str(d)) =
                            obj.get("datePublished").or_else(|| obj.get("dateCreated"))
                        {
                            ld_date = iso_date(d);
                        }
                    }
                    if ld_publisher.is_none() {
                        if let Some(p) = obj.get("publisher") {
                            ld_publisher = author_names(p).into_iter().next();
                        }
                    }
                    if f.article_body.is_none() {
                        if let Some(Json::Str(body)) = obj.get("articleBody") {
                            let body = clean_text(body);
                            if body.split_whitespace().count() >= 20 {
                                f.article_body = Some(body);
                            }
                        }
                    }
                }
            }
            t::A | t::LINK if rel_author.is_none() && !hidden[i as usize] => {
                let rel = dom.attr(i, "rel").unwrap_or("");
                if tag == t::A
                    && rel
                        .split_ascii_whitespace()
                        .any(|r| r.eq_ignore_ascii_case("author"))
                {
                    let text = visible_text(dom, hidden, i);
                    if !text.is_empty() && text.chars().count() <= 60 {
                        rel_author = Some(text);
                    }
                }
            }
            _ if class_byline.is_none() && !hidden[i as usize] && has_byline_class(dom, i) => {
                let text = visible_text(dom, hidden, i);
                class_byline = crate::meta::byline(&text).or_else(|| {
                    let short = !text.is_empty() && text.split_whitespace().count() <= 5;
                    let capital = text.chars().next().is_some_and(char::is_uppercase);
                    (short && capital).then_some(text)
                });
            }
            _ => {}
        }
    }
    f.meta.title = ld_title.or(og_title).or(twitter_title);
    f.meta.byline = [ld_author, rel_author, class_byline, meta_author]
        .into_iter()
        .flatten()
        .find_map(|b| person(&b));
    f.meta.source = [site_name, ld_publisher]
        .into_iter()
        .flatten()
        .find(|s| !s.contains("://") && !s.starts_with("www."));
    f.meta.published = ld_date.or(meta_date);
    f
}

/// A byline as a name: "By Jane Doe" → "Jane Doe"; CMS account names
/// ("admin") and addresses are not bylines.
fn person(byline: &str) -> Option<String> {
    let t = byline.trim();
    let t = ["By ", "by ", "BY ", "By: ", "by: "]
        .iter()
        .find_map(|p| t.strip_prefix(p))
        .unwrap_or(t)
        .trim();
    let lower = t.to_lowercase();
    if t.is_empty()
        || t.chars().count() > 80
        || lower.contains("admin")
        || t.contains("://")
        || t.contains('@')
    {
        return None;
    }
    Some(t.to_string())
}

/// An element whose class says it is the byline (`.byline`, `.c-byline`).
fn has_byline_class(dom: &Dom<'_>, i: u32) -> bool {
    dom.is_element(i)
        && dom.attr(i, "class").is_some_and(|c| {
            c.split(|ch: char| ch.is_ascii_whitespace() || ch == '-' || ch == '_')
                .any(|w| w.eq_ignore_ascii_case("byline"))
        })
}

/// The visible text of an element, collapsed (for short elements only).
pub(crate) fn visible_text(dom: &Dom<'_>, hidden: &[bool], i: u32) -> String {
    let mut out = String::new();
    let end = subtree_end(dom, i);
    for k in i + 1..end {
        if dom.nodes[k as usize].tag == t::TEXT && !hidden[k as usize] {
            out.push_str(&entities::decode(dom.text(k), false));
            out.push(' ');
            if out.len() > 4096 {
                break;
            }
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The end of the subtree of `i` (exclusive), in document order: the next
/// sibling of the nearest node that has one.
pub(crate) fn subtree_end(dom: &Dom<'_>, i: u32) -> u32 {
    let mut x = i;
    while x != 0 && x != super::dom::NONE {
        let n = &dom.nodes[x as usize];
        if n.next_sibling != super::dom::NONE {
            return n.next_sibling;
        }
        x = n.parent;
    }
    dom.nodes.len() as u32
}

/// Words of a text, lower-cased, for comparing titles.
pub(crate) fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The title without the site name: "Storm hits port | Daily Wire" →
/// "Storm hits port".
pub(crate) fn strip_site_name(title: &str, site: Option<&str>) -> String {
    let seps = [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " / "];
    if let Some(site) = site {
        let sw = words(site);
        for sep in seps {
            if let Some((head, tail)) = title.rsplit_once(sep) {
                if words(tail) == sw {
                    return head.trim().to_string();
                }
            }
            if let Some((head, tail)) = title.split_once(sep) {
                if words(head) == sw {
                    return tail.trim().to_string();
                }
            }
        }
    }
    for sep in seps {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            if words(head).len() >= 3 && words(tail).len() <= 4 {
                return head.trim().to_string();
            }
        }
    }
    title.trim().to_string()
}
