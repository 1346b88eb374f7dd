#!/usr/bin/env bash
# Builds the seed corpora fuzz/corpus/<target>/ from fixtures/ (gitignored;
# rerun at will, libFuzzer adds to these directories as it runs).
#
#   read_txt     the text fixtures whole, and cut at blank lines into ~2 KB
#                pieces (small inputs run many times faster)
#   read_docx    the docx fixtures
#   docx_parts   each docx fixture's XML parts joined by NUL (see the target)
#   read_pdf     with qpdf installed: each page of the pdf fixtures as a PDF
#                of its own, and first pages with streams uncompressed (so
#                mutations reach content streams); else the whole fixtures
#   parse_bytes  all of the above
#   every target also gets fixtures/bad/*, the kept regression inputs.
set -euo pipefail
cd "$(dirname "$0")/.."
C=fuzz/corpus
mkdir -p $C/read_txt $C/read_docx $C/docx_parts $C/read_pdf $C/parse_bytes

cp fixtures/txt/*.txt $C/read_txt/
python3 - "$C/read_txt" fixtures/txt/*.txt <<'PY'
import sys, pathlib
out = pathlib.Path(sys.argv[1])
for name in sys.argv[2:]:
    text = pathlib.Path(name).read_bytes()
    piece, n = b"", 0
    for para in text.split(b"\n\n"):
        piece += para + b"\n\n"
        if len(piece) > 2048:
            (out / f"{pathlib.Path(name).stem}-{n:03}.txt").write_bytes(piece)
            piece, n = b"", n + 1
PY

cp fixtures/docx/*.docx $C/read_docx/
python3 - "$C/docx_parts" fixtures/docx/*.docx <<'PY'
import sys, pathlib, zipfile
parts = ["word/document.xml", "word/styles.xml", "word/numbering.xml",
         "word/footnotes.xml", "word/endnotes.xml", "word/settings.xml",
         "word/_rels/document.xml.rels"]
out = pathlib.Path(sys.argv[1])
for name in sys.argv[2:]:
    z = zipfile.ZipFile(name)
    have = set(z.namelist())
    data = b"\0".join(z.read(p) if p in have else b"" for p in parts)
    (out / (pathlib.Path(name).stem + ".parts")).write_bytes(data)
PY

# Whole PDFs run at ~5 inputs/s; one page each (with its fonts) at ~40/s.
if command -v qpdf >/dev/null; then
    for f in fixtures/pdf/*.pdf; do
        b=$(basename "$f" .pdf)
        qpdf --split-pages "$f" "$C/read_pdf/$b-p%d.pdf" || true
        qpdf --qdf --object-streams=disable "$C/read_pdf/$b-p01.pdf" "$C/read_pdf/$b-p01-qdf.pdf" || true
    done
else
    cp fixtures/pdf/*.pdf $C/read_pdf/
fi

cp $C/read_txt/* $C/read_docx/* $C/read_pdf/* $C/parse_bytes/
if [ -d fixtures/bad ]; then
    for t in read_txt read_docx docx_parts read_pdf parse_bytes; do
        cp fixtures/bad/* $C/$t/ 2>/dev/null || true
    done
fi
for t in read_txt read_docx docx_parts read_pdf parse_bytes; do
    echo "$t: $(ls $C/$t | wc -l) files, $(du -sh $C/$t | cut -f1)"
done
