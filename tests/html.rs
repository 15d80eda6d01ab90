//! HTML input: the sample pages in `tests/pages/` (written for these tests),
//! hostile markup, and offsets that slice back into the input.

use article_cleaner::{analyze, InputKind, Options, Report};

fn page(name: &str) -> String {
    let path = format!("{}/tests/pages/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn html(input: &str) -> Report {
    let options = Options {
        input: InputKind::Html,
        ..Options::default()
    };
    analyze(input, &options).expect("HTML input gives a report")
}

fn removed_with<'r>(report: &'r Report, needle: &str) -> Vec<&'r article_cleaner::RemovedPart> {
    report
        .removed
        .iter()
        .filter(|r| r.text.contains(needle))
        .collect()
}

/// The input between two code-point offsets.
fn slice(input: &str, start: usize, end: usize) -> String {
    input.chars().skip(start).take(end - start).collect()
}

/// Visible text of a piece of markup, roughly: tags dropped, a few entities
/// decoded, white space collapsed. Enough to check that a span holds a text.
fn strip_tags(markup: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in markup.chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    let decoded = out
        .replace("&rsquo;", "’")
        .replace("&ldquo;", "“")
        .replace("&rdquo;", "”")
        .replace("&pound;", "£")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
        .replace("&#8216;", "‘")
        .replace("&#8217;", "’");
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Every paragraph and removed part points at markup that holds its text.
fn assert_spans(input: &str, report: &Report) {
    let n = input.chars().count();
    for p in &report.paragraphs {
        assert!(p.start < p.end && p.end <= n, "{p:?}");
        let markup = slice(input, p.start, p.end);
        let visible = words(&strip_tags(&markup));
        let text = words(&p.text);
        assert!(
            text.iter().all(|w| visible.contains(w)),
            "paragraph {:?} not in its span {:?}",
            p.text,
            markup
        );
        assert_eq!(
            visible.first(),
            text.first(),
            "span starts at the text: {markup:?}"
        );
        assert_eq!(visible.last(), text.last(), "span ends at the text: {markup:?}");
    }
    for r in &report.removed {
        assert!(r.start < r.end && r.end <= n, "{r:?}");
        let visible = words(&strip_tags(&slice(input, r.start, r.end)));
        assert!(words(&r.text).iter().all(|w| visible.contains(w)), "{r:?}");
    }
}

#[test]
fn news_page_keeps_the_story_and_removes_the_rest() {
    let input = page("news-page.html");
    let r = html(&input);
    assert_eq!(
        r.title.as_deref(),
        Some("Harbour Bridge reopens after eight months of repairs")
    );
    assert_eq!(r.byline.as_deref(), Some("Mara Ellison"));
    assert_eq!(r.source.as_deref(), Some("The Coastal Courier"));
    assert_eq!(r.published.as_deref(), Some("2031-04-17"));

    // The story: paragraphs, the quote, the list, the table as rows.
    for part in [
        "The Harbour Bridge in Port Ellis reopened to traffic on Thursday morning",
        "Crews replaced two of the bridge’s five steel spans",
        "£41 million",
        "“People have waited a long time for this,” said the council leader",
        "It feels like the town has been cut in half",
        "The Anchor Bakery, which moved half of its staff",
        "The Lantern Bookshop, which stayed open only at weekends.",
        "Route | Before closure | During closure",
        "Ring road | 9,100 | 24,300",
        "Engineers will return in the autumn",
    ] {
        assert!(r.text.contains(part), "missing {part:?} in\n{}", r.text);
    }
    // The title is not repeated in the text.
    assert!(!r.text.contains("Harbour Bridge reopens"));
    // Page furniture is out of the text, but accounted for with a reason.
    let expect_removed = [
        ("We use cookies", "boilerplate"),
        ("Sport", "navigation"),
        ("Share on Facebook", "boilerplate"),
        ("Advertisement", "advertisement"),
        ("Council approves new ferry timetable", "related-links"),
        ("Sign up for our free morning newsletter", "boilerplate"),
        ("About time too", "comments"),
        ("Lifeboat crew rescues two sailors", "boilerplate"),
        ("All rights reserved", "boilerplate"),
    ];
    for (needle, reason) in expect_removed {
        assert!(!r.text.contains(needle), "{needle:?} should not be in the text");
        let found = removed_with(&r, needle);
        assert!(
            found.iter().any(|p| p.reason == reason),
            "{needle:?} should be removed as {reason}: {found:?}"
        );
    }
    // Never-visible content reaches neither the text nor the removed parts.
    let everything: String = r
        .removed
        .iter()
        .map(|p| p.text.as_str())
        .chain([r.text.as_str()])
        .collect();
    for hidden in ["MUST NOT SHOW", "tracking", "nope"] {
        assert!(!everything.contains(hidden), "{hidden:?} leaked");
    }
    assert!(r.removed.iter().all(|p| p.reason != "duplicate"));
    assert_spans(&input, &r);
}

#[test]
fn body_split_across_containers_is_joined() {
    let input = page("split-body.html");
    let r = html(&input);
    assert_eq!(
        r.title.as_deref(),
        Some("Orchard growers count the cost of a late frost")
    );
    assert_eq!(r.paragraphs.len(), 5, "{:#?}", r.paragraphs);
    assert!(r.paragraphs[0].text.starts_with("Apple and pear growers"));
    assert!(r.paragraphs[4].text.starts_with("The regional government said"));
    for gone in [
        "download our app",
        "Dairy prices climb",
        "feed costs are climbing",
        "Tractor run",
    ] {
        assert!(!r.text.contains(gone), "{gone:?} kept");
        assert!(!removed_with(&r, gone).is_empty(), "{gone:?} not accounted for");
    }
    assert_spans(&input, &r);
}

#[test]
fn clipboard_fragment_keeps_everything() {
    let input = page("clipboard-fragment.html");
    // Detected as HTML without being told.
    let r = analyze(&input, &Options::default()).unwrap();
    assert_eq!(
        r.text,
        "The night ferry from Skerra to the mainland will stop running in ‘low season’, the operator \
         said on Monday, leaving islanders with a single daytime crossing.\n\n\
         Residents said the change would make hospital visits much harder.\n\n\
         A petition has gathered 1,200 signatures & counting."
    );
    assert!(r.removed.is_empty(), "{:?}", r.removed);
    assert_spans(&input, &r);
    // The first paragraph's span is the content of its <p>.
    let p = &r.paragraphs[0];
    assert!(slice(&input, p.start, p.end).starts_with("The night ferry"));
    assert!(slice(&input, p.start, p.end).ends_with("crossing."));
}

#[test]
fn entities_and_whitespace() {
    let r = html(
        "<p>Caf&eacute; &amp; bar&nbsp;&nbsp;opened in  \n Ume&aring; on Friday&#44; with &#x2018;live&#x2019; music &mdash; and tea &lt;3 for every guest who came.</p>",
    );
    assert_eq!(
        r.text,
        "Café & bar opened in Umeå on Friday, with ‘live’ music — and tea <3 for every guest who came."
    );
}

#[test]
fn hostile_markup_gives_a_report() {
    let deep = format!(
        "{}<p>Deep text at the bottom of the tree.</p>{}",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    let r = html(&deep);
    assert_eq!(r.text, "Deep text at the bottom of the tree.");

    let deep_inline = format!("<p>start {} end</p>", "<b><i>".repeat(60_000));
    let r = html(&deep_inline);
    assert!(r.text.contains("start") && r.text.contains("end"));

    let unclosed_comment = "<p>Visible before the comment.</p><!-- never closed <p>hidden</p>";
    assert_eq!(html(unclosed_comment).text, "Visible before the comment.");

    let huge_attribute = format!(
        "<p title=\"{}\">Text after a huge attribute.</p>",
        "x".repeat(2_000_000)
    );
    assert_eq!(html(&huge_attribute).text, "Text after a huge attribute.");

    let unclosed_attribute = "<p>Kept text.</p><p title=\"never closed>Lost";
    assert_eq!(html(unclosed_attribute).text, "Kept text.");

    let soup = "<table><td><li><p><a><table><tr><h1>x</td></p><!DOCTYPE><![CDATA[y]]></b></i></table>&#xD800;&#99999999;&;&#;&#x;";
    let _ = html(soup);

    for broken in [
        "<", "<p", "</", "<!--", "<!", "<?", "&", "&#", "<p>&amp", "<script>", "<style>x", "<title>t",
    ] {
        let _ = html(broken);
    }
    let many_rows = format!("<table>{}</table>", "<tr><td>a<td>b".repeat(50_000));
    let report = html(&many_rows);
    assert!(report.removed.len() + report.paragraphs.len() > 0);
}

#[test]
fn scripts_and_hidden_content_never_reach_the_report() {
    let input = "<html><head><title>T</title><style>p { color: red }</style></head><body>\
        <script>document.write('<p>from script</p>')</script>\
        <p>The visible paragraph of this small page, long enough to be prose for sure.</p>\
        <div style=\"visibility: hidden\">invisible box</div><svg><text>svg label</text></svg>\
        <textarea>typed</textarea><select><option>Choice</option></select>\
        <template><p>template</p></template>\
        <p>Shown on wide screens only, but shown: a responsive class is not a hidden one.<span class=\"tooltip-box\">hover card</span></p>\
        <div class=\"hidden-xs\">Responsive block</div><div class=\"sr-only\">skip to content</div></body></html>";
    let r = html(input);
    let all: String = r
        .removed
        .iter()
        .map(|p| p.text.clone())
        .chain([r.text.clone()])
        .collect();
    for leak in [
        "from script",
        "color",
        "invisible box",
        "svg label",
        "typed",
        "Choice",
        "template",
    ] {
        assert!(!all.contains(leak), "{leak:?} leaked: {all}");
    }
}

#[test]
fn title_and_byline_inside_the_body_leave_the_text() {
    let input = r#"<html><head><meta property="og:title" content="Lighthouse keeper retires after forty years">
        <meta name="author" content="Ines Calloway"></head><body><div class="story-content">
        <p>The lamp room at Skerra Point, seen from the north pier on a clear evening in March.</p>
        <h1>Lighthouse keeper retires after forty years</h1>
        <p>By Ines Calloway</p>
        <p>The last resident keeper of the Skerra Point light climbed its ninety steps for the final time on Sunday, ending a career that began when the lamp still burned paraffin.</p>
        <p>The light has been automatic since 2009, but the harbour trust kept a keeper on the island to look after the buildings and to run the summer tours for visitors.</p>
        </div></body></html>"#;
    let r = html(input);
    assert_eq!(
        r.title.as_deref(),
        Some("Lighthouse keeper retires after forty years")
    );
    assert_eq!(r.byline.as_deref(), Some("Ines Calloway"));
    assert!(!r.text.contains("retires after forty years"), "{}", r.text);
    assert!(
        r.paragraphs.iter().all(|p| p.text != "Ines Calloway"),
        "{}",
        r.text
    );
    assert!(r.text.contains("The last resident keeper"));
}

#[test]
fn preformatted_text_splits_at_blank_lines() {
    let input = "<pre>\nStorm report\n\nThe storm reached the coast at dawn and brought down\npower lines across three villages, the operator said.\n\n\nRepairs will take two days.\n</pre>";
    let r = html(input);
    let texts: Vec<&str> = r.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "The storm reached the coast at dawn and brought down power lines across three villages, the operator said.",
            "Repairs will take two days."
        ]
    );
    assert_eq!(r.title.as_deref(), Some("Storm report"));
    assert_spans(input, &r);
}

#[test]
fn a_section_heading_inside_the_body_takes_its_section() {
    let input = "<div><p>The ferry company confirmed on Tuesday that the winter timetable will start a week early this year, because of the repairs at the northern pier.</p>\
        <p>Passengers with bookings for the cancelled sailings will be offered a refund or a place on the next crossing, the company said in a statement.</p>\
        <h3>Leave a comment</h3>\
        <p>Typical of this company, they never tell anyone anything until the very last minute and then expect us all to cope with it.</p>\
        <p>I hope the repairs are done properly this time, the pier has been falling apart for years and nobody seems to care about it.</p></div>";
    let r = html(input);
    assert_eq!(r.paragraphs.len(), 2, "{}", r.text);
    assert!(!r.text.contains("Typical of this company"));
    assert!(
        r.removed.iter().filter(|p| p.reason == "comments").count() >= 2,
        "{:?}",
        r.removed
    );
}
