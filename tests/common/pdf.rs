//! Small PDFs built by hand for the tests: object bodies in, a file with a
//! correct xref table out.

// Not every test binary that shares this file uses all of it.
#![allow(dead_code)]

/// Assembles a PDF from object bodies (object `k + 1` is `objects[k]`; the
/// catalog is object 1), with a correct xref table. `trailer_extra` goes
/// into the trailer dictionary (an `/Encrypt` entry, say).
/// Bodies may be text or bytes (a compressed stream, see [`deflated`]).
pub fn pdf_from<S: AsRef<[u8]>>(objects: &[S], trailer_extra: &str) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body.as_ref());
        out.extend_from_slice(b"\nendobj\n");
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

/// A stream object's body holding `content` compressed with
/// `/FlateDecode`: how a small file carries a large content stream.
pub fn deflated(content: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    z.write_all(content).expect("in memory");
    let z = z.finish().expect("in memory");
    let mut out = format!("<< /Filter /FlateDecode /Length {} >>\nstream\n", z.len()).into_bytes();
    out.extend_from_slice(&z);
    out.extend_from_slice(b"\nendstream");
    out
}

const PLACES: [&str; 7] = [
    "Cowley",
    "Headington",
    "Jericho",
    "Marston",
    "Botley",
    "Iffley",
    "Wolvercote",
];
const TOPICS: [&str; 5] = ["housing", "transport", "parks", "leisure", "planning"];

/// A PDF of `pages` pages, each painting its own compressed content stream
/// of `lines` lines of prose, sixty to a column, then over again (so that
/// a long stream compresses as well as a real one does).
pub fn pages_of_text(pages: usize, lines: usize) -> Vec<u8> {
    let kids: Vec<String> = (0..pages).map(|i| format!("{} 0 R", 4 + 2 * i)).collect();
    let mut objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        format!(
            "<< /Type /Pages /Kids [{}] /Count {pages} >>",
            kids.join(" ")
        )
        .into_bytes(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
    ];
    for page in 1..=pages {
        let mut content = String::new();
        for k in 0..lines {
            let y = 760 - (k % 60) * 12;
            let n = k % 60 + 1;
            // Words that differ from page to page: a line repeated on every
            // page is a running header and would be dropped.
            let place = PLACES[(page * 7 + n) % PLACES.len()];
            let topic = TOPICS[(page * 3 + n) % TOPICS.len()];
            content.push_str(&format!(
                "BT /F1 10 Tf 72 {y} Td ({page}.{n} The {topic} proposals for {place} are set out here.) Tj ET\n"
            ));
        }
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {} 0 R /Resources << /Font << /F1 3 0 R >> >> >>",
                5 + 2 * (page - 1)
            )
            .into_bytes(),
        );
        objects.push(deflated(content.as_bytes()));
    }
    pdf_from(&objects, "")
}
