use super::*;
use crate::extract::testdoc::DocBuilder;

fn numbers(doc: &Document) -> Vec<String> {
    extract(doc, &mut Vec::new())
        .into_iter()
        .map(|p| p.number)
        .collect()
}

#[test]
fn main_sequence_beats_a_recommendations_list() {
    let doc = DocBuilder::new()
        .para(0, "1. That the partnership notes the report.")
        .para(0, "2. Note and agree the programme.")
        .para(0, "1) The partnership will recall the vision.")
        .para(0, "2) With the deal reaching a conclusion.")
        .heading(2, "Workshop")
        .para(0, "3) A workshop was held. The key messages were:")
        .para(0, "• That projects should be scoped.")
        .para(0, "4) Alongside these messages.")
        .build();
    assert_eq!(numbers(&doc), ["1", "2", "3", "4"]);
    let paras = extract(&doc, &mut Vec::new());
    let p3 = paras.get(2).unwrap();
    assert_eq!(p3.label, "3)");
    assert_eq!(p3.section.as_deref(), Some("Workshop"));
    assert_eq!(p3.items.len(), 1);
    assert_eq!(p3.items[0].marker, "•");
    assert_eq!(p3.items[0].level, 1);
}

#[test]
fn lists_restarting_later_are_not_paragraphs() {
    let mut b = DocBuilder::new().heading(2, "Introduction");
    for n in 1..=7 {
        b = b.para(0, &format!("{n}. Paragraph {n} of the report."));
    }
    b = b.heading(2, "A profile");
    for n in 1..=4 {
        b = b.para(0, &format!("{n}. Profile list item {n}."));
    }
    assert_eq!(numbers(&b.build()), ["1", "2", "3", "4", "5", "6", "7"]);
}

#[test]
fn lettered_items_and_bullets_after_a_lead_in() {
    let doc = DocBuilder::new()
        .para(0, "1) This report proposes the following:")
        .para(1, "a) That FOP cease to progress the project.")
        .para(
            1,
            "b) That the remaining projects be categorised, these being:",
        )
        .para(0, "• Projects Underway-")
        .para(
            0,
            "Projects that partners are already taking forward collectively.",
        )
        .para(0, "• Projects Committed-")
        .para(0, "2) Prioritising projects.")
        .build();
    let paras = extract(&doc, &mut Vec::new());
    let p8 = paras.first().unwrap();
    let got: Vec<(&str, u8)> = p8
        .items
        .iter()
        .map(|i| (i.marker.as_str(), i.level))
        .collect();
    assert_eq!(got, [("a)", 1), ("b)", 1), ("•", 2), ("•", 2)]);
    assert_eq!(
        p8.items[2].text,
        "Projects Underway- Projects that partners are already taking forward collectively."
    );
    assert_eq!(p8.text, "This report proposes the following:");
}

#[test]
fn decimal_paragraphs_under_numbered_headings() {
    let doc = DocBuilder::new()
        .bold("1. Introduction")
        .para(0, "1.1 The council is asked to note.")
        .para(0, "(a) a lettered item;")
        .para(
            0,
            "“An indented quotation that belongs to the paragraph above.”",
        )
        .para(0, "1.2. Second paragraph.")
        .para(0, "2. Devolution")
        .para(0, "2.1 Text.")
        .para(0, "2.1.1 Deeper text.")
        .para(0, "2.2 More text.")
        .para(0, "Contact Officer: Jane Smith")
        .build();
    assert_eq!(numbers(&doc), ["1.1", "1.2", "2.1", "2.1.1", "2.2"]);
    let paras = extract(&doc, &mut Vec::new());
    assert_eq!(paras[0].section.as_deref(), Some("Introduction"));
    assert_eq!(paras[0].items[0].marker, "(a)");
    assert!(paras[0].text.ends_with("belongs to the paragraph above.”"));
    assert_eq!(paras[2].section.as_deref(), Some("Devolution"));
    assert_eq!(paras[4].text, "More text.");
}

#[test]
fn continuation_and_stops() {
    let doc = DocBuilder::new()
        .para(0, "1. That the partnership meets annually.")
        .para(0, "To:")
        .para(0, "• Provide a forum.")
        .para(0, "2. Briefings could be scheduled.")
        .para(
            0,
            "It is proposed that the following steps should be in place – do you agree?",
        )
        .para(0, "• An annual check")
        .para(0, "Ben Threadgold Policy and Performance Manager")
        .para(0, "• Not an item of paragraph 2")
        .build();
    let paras = extract(&doc, &mut Vec::new());
    assert_eq!(paras[0].text, "That the partnership meets annually.\nTo:");
    assert_eq!(paras[0].items.len(), 1);
    assert_eq!(
        paras[1].text,
        "Briefings could be scheduled.\nIt is proposed that the following steps should be in place – do you agree?"
    );
    assert_eq!(paras[1].items.len(), 1);
}

#[test]
fn no_numbering_no_paragraphs() {
    let doc = DocBuilder::new()
        .heading(1, "Our progress")
        .para(0, "• Convene the anchor institutions.")
        .table(1, &[&["1. Action", "Status"], &["2. Do it", "Complete"]])
        .build();
    assert!(numbers(&doc).is_empty());
}

#[test]
fn a_nested_list_does_not_cut_the_numbering() {
    let doc = DocBuilder::new()
        .para(0, "1.1 First.")
        .para(1, "1. nested one")
        .para(1, "2. nested two")
        .para(0, "1.2 Second.")
        .para(0, "1.4 Fourth, the third was lost.")
        .build();
    assert_eq!(numbers(&doc), ["1.1", "1.2", "1.4"]);
    let paras = extract(&doc, &mut Vec::new());
    assert_eq!(paras[0].items.len(), 2);
}

#[test]
fn integers_are_headings_in_a_decimal_numbered_report() {
    let doc = DocBuilder::new()
        .para(0, "1. Introduction")
        .para(0, "1.1 The first paragraph.")
        .para(0, "1.2 The second paragraph.")
        .para(
            0,
            "2. How does the proposed decision support Framing Kent’s Future.",
        )
        .para(0, "2.1 The third paragraph.")
        .para(0, "2.2 The fourth paragraph.")
        .para(0, "2.3 The fifth paragraph.")
        .para(0, "3. Recommendation(s):")
        .para(0, "Cabinet is asked to:")
        .para(0, "(i) NOTE the report.")
        .para(0, "4. Contact details")
        .build();
    assert_eq!(numbers(&doc), ["1.1", "1.2", "2.1", "2.2", "2.3"]);
    let s = crate::extract::sections::extract(&doc);
    let nums: Vec<Option<&str>> = s.iter().map(|s| s.number.as_deref()).collect();
    assert_eq!(nums, [Some("1"), Some("2"), Some("3"), Some("4")]);
}

#[test]
fn back_out_of_a_nested_list_and_stop_at_a_block_label() {
    let doc = DocBuilder::new()
        .para(0, "1.1 There are four pathways:")
        .para(0, "• The service oversees transitions.")
        .para(1, "o Multi-Agency Collaboration")
        .para(1, "o A Sensory Team")
        .para(0, "• Young adults are assessed.")
        .para(0, "1.2 As of October")
        .para(0, "2024, the service was working with 894 young adults.")
        .para(0, "1.3 Last paragraph.")
        .para(0, "Recommendation(s):")
        .para(0, "Cabinet is asked to:")
        .para(0, "A. Agree the transfer.")
        .build();
    let paras = extract(&doc, &mut Vec::new());
    let levels: Vec<u8> = paras[0].items.iter().map(|i| i.level).collect();
    assert_eq!(levels, [1, 2, 2, 1]);
    assert_eq!(
        paras[1].text,
        "As of October 2024, the service was working with 894 young adults."
    );
    assert_eq!(paras[2].text, "Last paragraph.");
    assert!(paras[2].items.is_empty());
}

#[test]
fn point_zero_headings_and_bracketed_recommendations() {
    let doc = DocBuilder::new()
        .para(0, "The Executive is recommended to:")
        .para(0, "(1) Approve the strategy.")
        .para(0, "(2) Note the funding.")
        .para(0, "1.0 Introduction")
        .para(0, "1.1 The first paragraph.")
        .para(0, "1.2 The second paragraph.")
        .para(0, "2.0 Background")
        .para(0, "2.1 The third paragraph.")
        .para(
            0,
            "3. Approve the recommendations at the front of the report.",
        )
        .para(0, "3.4 A paragraph out of order.")
        .build();
    let s = crate::extract::sections::extract(&doc);
    let heads: Vec<(Option<&str>, &str)> = s
        .iter()
        .map(|s| (s.number.as_deref(), s.heading.as_str()))
        .collect();
    assert_eq!(
        heads,
        [(Some("1.0"), "Introduction"), (Some("2.0"), "Background")]
    );
}
