//! Options that steer parsing, chiefly the limits that keep hostile input
//! from exhausting time or memory.

/// How to parse a file. Build with [`ParseOptions::default`] and change what
/// you need; every limit, when exceeded, ends the parse with an
/// [`ErrorKind::Limit`](crate::ErrorKind::Limit) error that names the field.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ParseOptions {
    /// The largest input accepted, in bytes. Default: 256 MiB.
    pub max_input_bytes: u64,
    /// The most bytes a container may decompress to in all (the sum of a
    /// docx's parts, or of a PDF's streams). Default: 512 MiB.
    pub max_decompressed_bytes: u64,
    /// The most bytes one docx part or one PDF stream may decompress to.
    /// Default: 128 MiB.
    pub max_part_bytes: u64,
    /// The most entries a docx zip may hold. Default: 10,000.
    pub max_zip_entries: u64,
    /// The most pages of a PDF that are read. Default: 5,000.
    pub max_pages: u64,
    /// The most objects a PDF may hold. Default: 2,000,000.
    pub max_objects: u64,
    /// The deepest nesting followed (form XObjects, nested tables, XML
    /// elements). Default: 64.
    pub max_depth: u32,
    /// The most blocks (paragraphs, table rows…) a document may produce.
    /// Default: 2,000,000.
    pub max_blocks: u64,
    /// The most glyphs one PDF page may paint. Counted as each glyph is
    /// made, so a small file whose content stream draws millions of glyphs
    /// ends with a `limit` error (naming the page) before it holds them.
    /// A dense page of 8-point text paints about 15,000. Default: 250,000.
    pub max_glyphs_per_page: u64,
    /// The most glyphs all pages of a PDF may paint together, counted the
    /// same way. A 1,000-page agenda pack paints about 3 million.
    /// Default: 10,000,000.
    pub max_glyphs: u64,
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions {
            max_input_bytes: 256 << 20,
            max_decompressed_bytes: 512 << 20,
            max_part_bytes: 128 << 20,
            max_zip_entries: 10_000,
            max_pages: 5_000,
            max_objects: 2_000_000,
            max_depth: 64,
            max_blocks: 2_000_000,
            max_glyphs_per_page: 250_000,
            max_glyphs: 10_000_000,
        }
    }
}
