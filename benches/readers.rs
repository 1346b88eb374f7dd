//! Each reader alone (`Parser::read_document`): bytes to `Document`, per
//! fixture, so a regression in one reader shows up as that reader's number.
//!
//! Run: `cargo bench --bench readers` (add `-- pdf` to run one format).

use std::hint::black_box;
use std::path::{Path, PathBuf};

use council_reports::{Format, Parser};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

/// Every fixture of one format, sorted, as (name, bytes).
fn fixtures(format: Format) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(format.name());
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.sort();
    paths
        .into_iter()
        .filter(|p| Format::from_extension(p) == Some(format))
        .filter_map(|p| {
            let name = p.file_stem()?.to_string_lossy().into_owned();
            Some((name, std::fs::read(&p).ok()?))
        })
        .collect()
}

fn readers(c: &mut Criterion) {
    let parser = Parser::new();
    for format in [Format::Txt, Format::Docx, Format::Pdf] {
        let mut group = c.benchmark_group(format!("read/{format}"));
        for (name, bytes) in fixtures(format) {
            // A reader that still answers "not supported" is timed all the
            // same: the number then says so, and BENCHMARKS.md marks it.
            group.throughput(Throughput::Bytes(bytes.len() as u64));
            group.bench_with_input(BenchmarkId::from_parameter(&name), &bytes, |b, bytes| {
                b.iter(|| parser.read_document(black_box(bytes), format).is_ok())
            });
        }
        group.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = readers
}
criterion_main!(benches);
