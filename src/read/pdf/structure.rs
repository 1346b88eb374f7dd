//! The structure tree of a tagged PDF: the order in which its author's tool
//! says the marked content of each page is read.
//!
//! Only the order is used (see `layout::columns`): for each page, the
//! position of each marked-content id in a depth-first walk of the tree.

use std::collections::{HashMap, HashSet};

use lopdf::{Document, Object, ObjectId};

use super::obj::{as_dict, deref, get, get_dict};

/// Structure elements walked at most (a hostile tree cannot take long).
const MAX_NODES: usize = 200_000;
/// Nesting walked at most.
const MAX_DEPTH: u32 = 256;

/// For each page (by object id), each MCID's rank in reading order.
pub type Order = HashMap<ObjectId, HashMap<u32, u32>>;

/// The reading order the structure tree gives, or an empty map for an
/// untagged file.
pub fn reading_order(doc: &Document) -> Order {
    let mut out = Order::new();
    let Some(root) = doc
        .trailer
        .get(b"Root")
        .ok()
        .and_then(|o| as_dict(doc, o))
        .and_then(|cat| get_dict(doc, cat, b"StructTreeRoot"))
    else {
        return out;
    };
    let mut walk = Walk {
        doc,
        out: &mut out,
        seen: HashSet::new(),
        nodes: 0,
        rank: 0,
    };
    if let Some(k) = get(doc, root, b"K") {
        walk.kids(k, None, 0);
    }
    out
}

struct Walk<'a> {
    doc: &'a Document,
    out: &'a mut Order,
    seen: HashSet<ObjectId>,
    nodes: usize,
    rank: u32,
}

impl Walk<'_> {
    fn kids(&mut self, k: &Object, page: Option<ObjectId>, depth: u32) {
        if depth > MAX_DEPTH || self.nodes > MAX_NODES {
            return;
        }
        self.nodes += 1;
        if let Object::Reference(id) = k {
            // A tree that points back into itself is walked once.
            if !self.seen.insert(*id) {
                return;
            }
        }
        let Some(obj) = deref(self.doc, k) else {
            return;
        };
        match obj {
            Object::Integer(mcid) => self.mark(page, *mcid),
            Object::Array(items) => {
                for item in items {
                    self.kids(item, page, depth + 1);
                }
            }
            Object::Dictionary(d) => {
                let page = match d.get(b"Pg") {
                    Ok(Object::Reference(id)) => Some(*id),
                    _ => page,
                };
                // A marked-content reference, or an element with kids.
                if let Some(mcid) = get(self.doc, d, b"MCID").and_then(|o| o.as_i64().ok()) {
                    self.mark(page, mcid);
                } else if let Ok(k) = d.get(b"K") {
                    self.kids(k, page, depth + 1);
                }
            }
            _ => {}
        }
    }

    fn mark(&mut self, page: Option<ObjectId>, mcid: i64) {
        let (Some(page), Ok(mcid)) = (page, u32::try_from(mcid)) else {
            return;
        };
        let ranks = self.out.entry(page).or_default();
        if let std::collections::hash_map::Entry::Vacant(e) = ranks.entry(mcid) {
            e.insert(self.rank);
            self.rank += 1;
        }
    }
}
