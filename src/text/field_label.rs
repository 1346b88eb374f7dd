//! The labels of front-matter and profile fields ("Report of", "Key
//! decision", "Wards affected"), lower case, shared by the readers that
//! must tell a label from text set beside it.

/// Labels of the label/value lines of front matter and partnership profiles.
/// A line that starts with one always begins a new paragraph.
pub const FIELD_LABELS: &[&str] = &[
    "to",
    "from",
    "by",
    "cc",
    "date",
    "subject",
    "status",
    "classification",
    "title of report",
    "report of",
    "report by",
    "reporting officer",
    "report to",
    "report author",
    "report authors",
    "report author(s)",
    "author",
    "lead officer",
    "lead member",
    "occ lead member",
    "occ lead officer",
    "contact officer",
    "contact officers",
    "contact information",
    "contact details",
    "contact",
    "relevant director",
    "lead director",
    "lead directors",
    "lead director(s)",
    "job title",
    "telephone",
    "tel",
    "phone",
    "email",
    "e-mail",
    "background papers",
    "background documents",
    "decision no",
    "decision number",
    "key decision",
    "electoral division",
    "electoral divisions",
    "divisions affected",
    "wards affected",
    "ward",
    "wards",
    "past pathway of report",
    "future pathway of report",
    "past pathway",
    "future pathway",
    "purpose of report",
    "purpose of the report",
    "reason for recommendations",
    "reasons for recommendations",
    "reason for recommendation(s)",
    "reasons for recommendation(s)",
    "report contact",
    "cabinet member with responsibility",
    "portfolio holder",
    "portfolio",
    "senior responsible officer",
    "corporate priority",
    "policy framework",
    "recommendation",
    "recommendations",
    "recommendation(s)",
    "summary",
    "date of completion",
    "chairman/ vice chairman",
    "chairman/vice chairman",
    "chairman",
    "vice chairman",
    "chair",
    "last meeting date",
    "next meeting date",
    "website address",
    "board name",
    "partnership name",
    "name of partnership",
    "website",
    "meeting",
    "agenda item",
    "agenda item no",
    "agenda item number",
    "item no",
    "item number",
    "report no",
    "report number",
    "report reference",
    "report ref",
    "committee",
    "meeting date",
    "date of meeting",
    "ward(s)",
    "ward(s) affected",
    "final decision-maker",
    "final decision maker",
    "decision maker",
    "decision-maker",
    "lead head of service",
    "forward plan reference",
    "is the decision eligible for call-in",
    // Records of decision.
    "decision",
    "decision to be taken by",
    "subject matter / title of decision",
    "title of decision",
    "reason(s) for decision",
    "reasons for decision",
    "reason for decision",
];

/// Whether `text` is one of the [`FIELD_LABELS`] and nothing more, with
/// or without a closing colon or question mark ("Wards", "Key decision:").
pub fn is_field_label(text: &str) -> bool {
    let t = text
        .trim()
        .trim_end_matches([':', '?'])
        .trim()
        .to_lowercase();
    FIELD_LABELS.contains(&t.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_labels_only() {
        assert!(is_field_label("Wards"));
        assert!(is_field_label("Key decision:"));
        assert!(is_field_label(" Report author "));
        assert!(!is_field_label("Report author and contact details"));
        assert!(!is_field_label("Wardsworth"));
    }
}
