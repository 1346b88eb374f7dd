//! Text helpers shared by every reader and extractor: the one normalisation
//! function, the list-label grammar and the date parser.

pub mod appendix;
pub mod date;
pub mod field_label;
pub mod label;
mod normalize;
pub mod phone;
pub mod tick_box;

pub use date::{find_date, parse_date};
pub use label::{parse_label, LabelOptions};
pub use normalize::{is_private_use_bullet, join_wrapped, normalize, normalize_keeping_marker};

/// Whether `text` opens with an interrogative ("What is the review?"): the
/// mark of a question heading, with or without its question mark.
pub fn opens_question(text: &str) -> bool {
    const ASKING: &[&str] = &["What", "How", "Why", "Who", "When", "Where", "Which"];
    ASKING.contains(&text.split_whitespace().next().unwrap_or(""))
}
