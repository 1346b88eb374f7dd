//! People named as author, director or contact.

use crate::report::Contact;
use crate::Document;

/// Finds the contacts of `doc`.
pub fn extract(_doc: &Document) -> Vec<Contact> {
    Vec::new()
}
