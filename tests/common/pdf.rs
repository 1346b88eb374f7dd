//! Small PDFs built by hand for the tests: object bodies in, a file with a
//! correct xref table out.

/// Assembles a PDF from object bodies (object `k + 1` is `objects[k]`; the
/// catalog is object 1), with a correct xref table. `trailer_extra` goes
/// into the trailer dictionary (an `/Encrypt` entry, say).
pub fn pdf_from<S: AsRef<str>>(objects: &[S], trailer_extra: &str) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{}\nendobj\n", i + 1, body.as_ref()).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R {} >>\nstartxref\n{}\n%%EOF\n",
            objects.len() + 1,
            trailer_extra,
            xref
        )
        .as_bytes(),
    );
    out
}

/// A stream object's body: `dict` entries, the right `/Length`, `content`.
pub fn stream(content: &str, dict: &str) -> String {
    format!(
        "<< {dict} /Length {} >>\nstream\n{content}\nendstream",
        content.len()
    )
}
