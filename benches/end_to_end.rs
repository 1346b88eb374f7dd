//! The whole pipeline (`parse_bytes`: read, extract, build the Report) and
//! the JSON serialisation a bulk run adds, per fixture.
//!
//! Run: `cargo bench --bench end_to_end`.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use council_reports::{parse_bytes, Format};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

fn fixtures() -> Vec<(String, Format, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut out = Vec::new();
    for format in [Format::Txt, Format::Docx, Format::Pdf] {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(root.join(format.name()))
            .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        paths.sort();
        for path in paths {
            if Format::from_extension(&path) != Some(format) {
                continue;
            }
            if let (Some(stem), Ok(bytes)) = (path.file_stem(), std::fs::read(&path)) {
                out.push((
                    format!("{format}/{}", stem.to_string_lossy()),
                    format,
                    bytes,
                ));
            }
        }
    }
    out
}

fn end_to_end(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse_bytes");
    for (name, format, bytes) in fixtures() {
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(&name), &bytes, |b, bytes| {
            b.iter(|| {
                parse_bytes(black_box(bytes), format)
                    .ok()
                    .and_then(|report| serde_json::to_string(&report).ok())
                    .map_or(0, |json| json.len())
            })
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = end_to_end
}
criterion_main!(benches);
