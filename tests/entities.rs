//! The entity stage through the public API: names, dates and numbers in
//! tables of invented sentences, the invented sample articles under
//! `tests/articles/`, a German article with no false entities, and inputs
//! that must not break anything.

use article_cleaner::{analyze, Entity, InputKind, Options, Report};

fn raw(text: &str) -> Report {
    let options = Options {
        input: InputKind::Text,
        raw: true,
        ..Options::default()
    };
    analyze(text, &options).expect("report")
}

fn article(folder: &str) -> (String, Report) {
    let path = format!("{}/tests/articles/{folder}/input.txt", env!("CARGO_MANIFEST_DIR"));
    let input = std::fs::read_to_string(&path).expect("sample article");
    let report = analyze(&input, &Options::default()).expect("report");
    (input, report)
}

/// The entity of `kind` that has `name` as its name or one of its aliases.
fn entity<'a>(report: &'a Report, kind: &str, name: &str) -> Option<&'a Entity> {
    report
        .entities
        .iter()
        .find(|e| e.kind == kind && (e.name == name || e.aliases.iter().any(|a| a == name)))
}

fn describe(report: &Report) -> String {
    report
        .entities
        .iter()
        .map(|e| format!("{}:{}", e.kind, e.name))
        .collect::<Vec<_>>()
        .join(", ")
}

fn check_table(cases: &[(&str, &[(&str, &str)])]) {
    for (text, want) in cases {
        let report = raw(text);
        for (kind, name) in *want {
            assert!(
                entity(&report, kind, name).is_some(),
                "{text:?}: no {kind} {name:?} in [{}]",
                describe(&report)
            );
        }
    }
}

#[test]
fn names_table() {
    check_table(&[
        (
            "Russian President Vladimir Putin met Azerbaijani leader Ilham Aliyev in Moscow, and the two \
             men said that they had agreed on a plan for the region.",
            &[
                ("person", "Vladimir Putin"),
                ("person", "Ilham Aliyev"),
                ("place", "Moscow"),
                ("group", "Russian"),
                ("group", "Azerbaijani"),
            ],
        ),
        (
            "The European Commission said it would fine Baltic Freight Corp for breaking competition rules.",
            &[("organization", "European Commission"), ("organization", "Baltic Freight Corp")],
        ),
        (
            "Georgia's Interior Ministry said the border crossing near Tbilisi had reopened.",
            &[("place", "Georgia"), ("organization", "Interior Ministry"), ("place", "Tbilisi")],
        ),
        (
            "Kremlin spokesman Dmitry Peskov told reporters the talks would go on. Peskov added that no date was set.",
            &[("person", "Dmitry Peskov"), ("person", "Peskov")],
        ),
        (
            "BRAZIL BEAT GHANA IN FRIENDLY\nRIO DE JANEIRO 2024-05-02\nBrazil beat Ghana 3-1 in a friendly match that was \
             played in Rio de Janeiro on a wet evening, and the home fans were happy with it.",
            &[("place", "Brazil"), ("place", "Ghana"), ("place", "Rio de Janeiro"), ("date", "2024-05-02")],
        ),
        (
            "Prime Minister Anna Lindqvist of Sweden arrived in Oslo for the Nordic Council summit.",
            &[("person", "Anna Lindqvist"), ("place", "Sweden"), ("place", "Oslo")],
        ),
        (
            "Ferries to Gull Island stopped on Monday, and the road along Lake Orla was closed by the floods.",
            &[("place", "Gull Island"), ("place", "Lake Orla"), ("date", "Monday")],
        ),
    ]);
}

#[test]
fn byline_names_are_people() {
    // A byline line has no context to go on; its names are the authors,
    // even a surname that is also a town's name. The agency after the dot
    // is the source, not an author.
    for input in [
        "Harbour Board Approves Ferry Timetable\nBy Priya Anand\n\nThe harbour board approved a new ferry \
         timetable on Tuesday, the chair said.\n",
        "Harbour Board Approves Ferry Timetable\nBy Sofia Marin and Tomas Lindqvist · Coastal Wire\n\nThe \
         harbour board approved a new ferry timetable on Tuesday, the chair said.\n",
    ] {
        let report = analyze(input, &Options::default()).expect("report");
        let byline = report.byline.clone().unwrap_or_default();
        for name in byline.split(" and ") {
            assert!(
                entity(&report, "person", name).is_some(),
                "{name:?} is no person in [{}]",
                describe(&report)
            );
        }
        assert!(!byline.is_empty(), "no byline in {input:?}");
    }
}

#[test]
fn titles_stay_outside_names() {
    let report = raw("Russian Presidential Envoy Mikhail Orlov said on Friday that the talks had stalled.");
    assert!(
        entity(&report, "person", "Mikhail Orlov").is_some(),
        "{}",
        describe(&report)
    );
    assert!(
        !report.entities.iter().any(|e| e.name.contains("Envoy")),
        "a title is not an entity: {}",
        describe(&report)
    );
}

#[test]
fn dates_and_numbers_table() {
    check_table(&[
        (
            "The raid took place on June 27, 2025, in the early morning.",
            &[("date", "June 27, 2025")],
        ),
        (
            "The two leaders spoke by telephone on October 24.",
            &[("date", "October 24")],
        ),
        (
            "The ministry said on Sunday that talks had failed.",
            &[("date", "Sunday")],
        ),
        (
            "Omar Haddad (born 1956) died on the same day.",
            &[("date", "1956")],
        ),
        (
            "The startup raised $1.2 million from investors.",
            &[("money", "$1.2 million")],
        ),
        (
            "Revenue reached USD 887.0 Million last year.",
            &[("money", "USD 887.0 Million")],
        ),
        (
            "Consumer prices rose 5.4% in the year to May.",
            &[("percent", "5.4%")],
        ),
        (
            "The attack killed two Azerbaijani citizens and injured others.",
            &[("quantity", "two Azerbaijani citizens")],
        ),
        (
            "Police said nine people had been detained.",
            &[("quantity", "nine people")],
        ),
    ]);
}

#[test]
fn envoy_article() {
    let (input, report) = article("entities-envoy");
    for (kind, name) in [
        ("person", "Teresa Albuquerque"),
        ("person", "Youssef Benali"),
        ("person", "Karim Benali"),
        ("place", "Portugal"),
        ("place", "Morocco"),
        ("place", "Lisbon"),
        ("place", "Madeira"),
        ("place", "Tangier"),
        ("group", "Moroccan"),
        ("organization", "Ministry of the Sea"),
        ("organization", "Foreign Ministry"),
        ("organization", "European Fisheries Control Agency"),
        ("date", "Tuesday"),
        ("date", "March 3, 2024"),
        ("date", "1961"),
        ("money", "$3.5 million"),
        ("percent", "7.2%"),
        ("quantity", "eleven Moroccan trawlers"),
        ("quantity", "nine crew members"),
    ] {
        assert!(
            entity(&report, kind, name).is_some(),
            "no {kind} {name:?} in [{}]",
            describe(&report)
        );
    }
    // The surname alone is an alias of the full name.
    let envoy = entity(&report, "person", "Teresa Albuquerque").expect("envoy");
    assert_eq!(envoy.name, "Teresa Albuquerque");
    assert_eq!(envoy.aliases, vec!["Albuquerque".to_string()]);
    assert!(envoy.count >= 2);
    // Two brothers sharing a surname stay two people.
    let benalis = report
        .entities
        .iter()
        .filter(|e| e.kind == "person" && e.name.ends_with("Benali"))
        .count();
    assert_eq!(benalis, 2, "{}", describe(&report));
    // The envoy, named first and quoted, is the most salient person.
    let first_person = report
        .entities
        .iter()
        .find(|e| e.kind == "person")
        .expect("a person");
    assert_eq!(first_person.name, "Teresa Albuquerque");
    // Titles are not names.
    assert!(
        !report.entities.iter().any(|e| e.name.contains("Envoy")),
        "{}",
        describe(&report)
    );
    check_mentions(&input, &report);
}

#[test]
fn harbour_article_has_no_entities_from_boilerplate() {
    let (input, report) = article("harbour-storm");
    for (kind, name) in [
        ("place", "Port Ellis"),
        ("person", "Ingrid Vale"),
        ("person", "Tobias Renn"),
        ("date", "Friday"),
        ("money", "$4.2 million"),
        ("percent", "12%"),
    ] {
        assert!(
            entity(&report, kind, name).is_some(),
            "no {kind} {name:?} in [{}]",
            describe(&report)
        );
    }
    for junk in ["Garden", "Lighthouse", "Chowder", "Ferry", "Winter"] {
        assert!(
            !report.entities.iter().any(|e| e.name.contains(junk)),
            "{junk} comes from removed text: {}",
            describe(&report)
        );
    }
    // Repeated paragraphs are removed, so Vale is counted from the kept
    // text only: the full name once, the surname once.
    let vale = entity(&report, "person", "Ingrid Vale").expect("Vale");
    assert_eq!(vale.count, 2);
    check_mentions(&input, &report);
}

#[test]
fn german_article_has_no_false_entities() {
    let (input, report) = article("entities-german");
    assert_eq!(report.language, "de");
    assert!(
        report.warnings.iter().any(|w| w.contains("English-first")),
        "{:?}",
        report.warnings
    );
    let allowed = ["Bremen", "Hamburg", "ADAC", "Weser", "Katrin Vogel"];
    for e in &report.entities {
        if matches!(
            e.kind.as_str(),
            "person" | "place" | "organization" | "group" | "other"
        ) {
            assert!(
                allowed.contains(&e.name.as_str()),
                "false entity {}:{}",
                e.kind,
                e.name
            );
        }
    }
    assert!(
        entity(&report, "place", "Bremen").is_some(),
        "{}",
        describe(&report)
    );
    check_mentions(&input, &report);
}

#[test]
fn english_text_has_no_warning() {
    let (_, report) = article("entities-envoy");
    assert!(!report.warnings.iter().any(|w| w.contains("English-first")));
}

#[test]
fn salience_is_sorted_and_bounded() {
    for folder in ["entities-envoy", "harbour-storm", "entities-german"] {
        let (_, report) = article(folder);
        for pair in report.entities.windows(2) {
            assert!(pair[0].salience >= pair[1].salience, "{folder}: not sorted");
        }
        for e in &report.entities {
            assert!(
                e.salience > 0.0 && e.salience < 1.0,
                "{folder}: {} {}",
                e.name,
                e.salience
            );
            assert!(e.count >= e.mentions.len().max(1));
        }
    }
}

/// Every mention is a code-point span of the input whose text is the
/// entity's name or one of its aliases (up to white space and case: a
/// headline's "PORT ELLIS" is "Port Ellis").
fn check_mentions(input: &str, report: &Report) {
    let chars: Vec<char> = input.chars().collect();
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    for e in &report.entities {
        for m in &e.mentions {
            assert!(m.start < m.end && m.end <= chars.len(), "{}: bad span", e.name);
            let text: String = chars[m.start..m.end].iter().collect();
            let text = squash(&text);
            assert!(
                text == squash(&e.name) || e.aliases.iter().any(|a| squash(a) == text),
                "{}: mention {text:?} is neither the name nor an alias",
                e.name
            );
        }
    }
}

#[test]
fn odd_inputs_give_reports() {
    let long_word = "A".repeat(100_000);
    let many_caps = "Alpha Beta Gamma Delta ".repeat(5_000);
    let inputs = [
        "",
        " \n\n ",
        "$ % , . — “ ” ’s",
        long_word.as_str(),
        many_caps.as_str(),
        "東京で会議が開かれた。プーチン大統領が出席した。",
        "Москва и Баку договорились о встрече в понедельник.",
        "’s 's ’ ' $1.2 million million % 1,2,3 99999999999999999999 June 31, 99999",
        "\u{0}\u{1}\u{7f}ÿ\u{feff}Zürich İstanbul ß",
    ];
    for text in inputs {
        let report = raw(text);
        for e in &report.entities {
            for m in &e.mentions {
                assert!(m.start < m.end && m.end <= text.chars().count());
            }
        }
        let _ = analyze(text, &Options::default()).expect("report");
    }
}

#[test]
fn a_huge_paste_with_many_names_finishes() {
    // Thousands of people sharing surnames, acronyms and places: merging
    // must stay near-linear (no test of time; a quadratic pass would hang).
    let mut text = String::new();
    for i in 0..6000 {
        text.push_str(&format!(
            "Officer Maria Novak{i} of the Harbour Safety Agency (HSA) told reporters in Port Ellis that \
             Novak{i} and John Novak had met 12 people on June {} this year. Novak added that HSA paid $1.5 million.\n",
            i % 28 + 1
        ));
    }
    let report = raw(&text);
    assert!(report.entities.iter().any(|e| e.kind == "person"));
    assert!(report.entities.iter().any(|e| e.kind == "money"));
}

/// The texts of every name mention of a report, with their kinds.
fn mentions(input: &str, report: &Report) -> Vec<(String, String)> {
    let chars: Vec<char> = input.chars().collect();
    let mut out = Vec::new();
    for e in &report.entities {
        if !matches!(
            e.kind.as_str(),
            "person" | "place" | "organization" | "group" | "other"
        ) {
            continue;
        }
        for m in &e.mentions {
            let text: String = chars[m.start..m.end].iter().collect();
            out.push((e.kind.clone(), text));
        }
    }
    out
}

/// A text, the mentions (kind, text) it must have, and the words no
/// mention of it may contain.
type BoundaryCase<'a> = (&'a str, &'a [(&'a str, &'a str)], &'a [&'a str]);

#[test]
fn mention_boundaries_table() {
    let cases: &[BoundaryCase] = &[
        (
            "Harbour officials in Tellmark said on Monday that the Nordvik Shipping Company (a former state \
             ferry line) would add a second route.",
            &[("organization", "Nordvik Shipping Company")],
            &["(", "a former"],
        ),
        (
            "The trade talks between Ostavia and Brelland will resume in Austria September 14, officials said.",
            &[("place", "Austria")],
            &["Austria September"],
        ),
        (
            "Ministers met in Lisbon on Friday. The next round is set for Madrid Thursday, a diplomat said.",
            &[("place", "Madrid")],
            &["Madrid Thursday"],
        ),
        (
            "European Commission President Ursula von der Leyen said the plan would be published soon.",
            &[("organization", "European Commission"), ("person", "Ursula von der Leyen")],
            &["President"],
        ),
        (
            "Prime Minister Theresa May spoke to reporters outside the building on Tuesday.",
            &[("person", "Theresa May")],
            &[],
        ),
    ];
    for (text, want, never) in cases {
        let report = raw(text);
        let got = mentions(text, &report);
        for (kind, name) in *want {
            assert!(
                got.iter().any(|(k, t)| k == kind && t == name),
                "{text:?}: no {kind} {name:?} in {got:?}"
            );
        }
        for bad in *never {
            assert!(
                !got.iter().any(|(_, t)| t.contains(bad)),
                "{text:?}: a mention contains {bad:?}: {got:?}"
            );
        }
    }
}

#[test]
fn captions_and_page_furniture_name_nothing() {
    let text = "Storm Shuts Ferry Routes Along the Coast\n\n\
                FILE PHOTO: A ferry leaves the harbour at Tellmark in heavy rain.\n\n\
                Slideshow (3 images)\n\n\
                TELLMARK (Coast Herald) - Ferries between Tellmark and the islands stopped on Friday, \
                the operator Brisklane said. Brisklane expects to sail again on Sunday.\n";
    let report = analyze(text, &Options::default()).expect("report");
    let got = mentions(text, &report);
    for furniture in ["FILE", "PHOTO", "Slideshow", "images"] {
        assert!(
            !got.iter().any(|(_, t)| t.contains(furniture)),
            "{furniture:?} in {got:?}"
        );
    }
    // The dateline is a place, and so is the town further on.
    assert!(
        got.iter().any(|(k, t)| k == "place" && t == "TELLMARK"),
        "{got:?}"
    );
    assert!(
        got.iter().any(|(k, t)| k == "place" && t == "Tellmark"),
        "{got:?}"
    );
    // "the operator Brisklane": an organisation, at each mention.
    let brisk: Vec<_> = got.iter().filter(|(_, t)| t == "Brisklane").collect();
    assert_eq!(brisk.len(), 2, "{got:?}");
    assert!(brisk.iter().all(|(k, _)| k == "organization"), "{got:?}");
}

#[test]
fn the_example_article_of_the_page() {
    let path = format!("{}/www/example.txt", env!("CARGO_MANIFEST_DIR"));
    let input = std::fs::read_to_string(&path).expect("the example article");
    let report = analyze(&input, &Options::default()).expect("report");
    for (kind, name) in [
        ("organization", "Valdorail"),
        ("place", "Selmor"),
        ("place", "Port Amaro"),
        ("person", "Aurelio Brandt"),
        ("person", "Ines Okafor"),
        ("person", "Petra Lindqvist"),
        ("organization", "Ministry of Transport"),
        ("organization", "Green Union"),
        ("organization", "Union of Rail Workers"),
        ("organization", "Northline Press"),
        ("place", "Kessel Valley"),
    ] {
        assert!(
            entity(&report, kind, name).is_some(),
            "no {kind} {name:?} in [{}]",
            describe(&report)
        );
    }
    // Nor under another kind as well.
    for (name, wrong) in [
        ("Valdorail", "person"),
        ("Selmor", "organization"),
        ("Port Amaro", "organization"),
    ] {
        assert!(
            entity(&report, wrong, name).is_none(),
            "{name} as {wrong}: [{}]",
            describe(&report)
        );
    }
}

#[test]
fn a_name_starts_at_its_given_name() {
    let text = "The band played in Tellmark on Friday.\nDrummer Maria Kessler said the tour would go on.";
    let report = raw(text);
    let got = mentions(text, &report);
    assert!(
        got.iter().any(|(k, t)| k == "person" && t == "Maria Kessler"),
        "{got:?}"
    );
    assert!(!got.iter().any(|(_, t)| t.contains("Drummer")), "{got:?}");
}

#[test]
fn a_pronoun_after_a_person_is_one_of_her_mentions() {
    // "She" opening the sentence after one about Nadia Ferrand is one more
    // mention of her (SPEC counts it), and the count is the mentions.
    let text = "Nadia Ferrand opened the new library in Corvel on Monday.\nShe said it had taken four years to build.";
    let report = raw(text);
    let got = mentions(text, &report);
    assert!(
        got.iter().any(|(k, t)| k == "person" && t == "Nadia Ferrand"),
        "{got:?}"
    );
    let person = entity(&report, "person", "Nadia Ferrand").expect("the person");
    assert_eq!(person.count, 2, "{got:?}");
    assert_eq!(person.count, person.mentions.len());
    assert!(got.iter().any(|(k, t)| k == "person" && t == "She"), "{got:?}");
}
