//! Small accessors over lopdf's object model that follow references and
//! answer `None` instead of failing, so damaged files degrade gracefully.

use lopdf::{Dictionary, Document, Object, Stream};

/// Follows references (bounded by lopdf) to the object itself.
pub fn deref<'a>(doc: &'a Document, obj: &'a Object) -> Option<&'a Object> {
    doc.dereference(obj).ok().map(|(_, o)| o)
}

/// `dict[key]`, dereferenced.
pub fn get<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    deref(doc, dict.get(key).ok()?)
}

/// The dictionary of an object that is a dictionary or a stream.
pub fn as_dict<'a>(doc: &'a Document, obj: &'a Object) -> Option<&'a Dictionary> {
    match deref(doc, obj)? {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    }
}

/// `dict[key]` as a dictionary (or a stream's dictionary).
pub fn get_dict<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Dictionary> {
    as_dict(doc, dict.get(key).ok()?)
}

/// `dict[key]` as a stream.
pub fn get_stream<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Stream> {
    match get(doc, dict, key)? {
        Object::Stream(s) => Some(s),
        _ => None,
    }
}

/// `dict[key]` as an array.
pub fn get_array<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a [Object]> {
    match get(doc, dict, key)? {
        Object::Array(a) => Some(a),
        _ => None,
    }
}

/// `dict[key]` as a name.
pub fn get_name<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a [u8]> {
    match get(doc, dict, key)? {
        Object::Name(n) => Some(n),
        _ => None,
    }
}

/// A number (integer or real).
pub fn num(obj: &Object) -> Option<f32> {
    match obj {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) if r.is_finite() => Some(*r),
        _ => None,
    }
}

/// `dict[key]` as a number.
pub fn get_num(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<f32> {
    num(get(doc, dict, key)?)
}

/// A stream's decoded content, bounded by `max` bytes.
pub fn stream_bytes(stream: &Stream, max: u64) -> lopdf::Result<Vec<u8>> {
    stream.get_plain_content_with_limit(usize::try_from(max).unwrap_or(usize::MAX))
}

/// Whether an error is lopdf's decompression limit.
pub fn is_limit(e: &lopdf::Error) -> bool {
    matches!(
        e,
        lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. })
    )
}
