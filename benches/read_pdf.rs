//! The PDF reader on the five fixtures.

use criterion::{criterion_group, criterion_main, Criterion};

fn bench(c: &mut Criterion) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/pdf");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    let opts = council_reports::ParseOptions::default();
    for path in files {
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        c.bench_function(&format!("pdf/{name}"), |b| {
            b.iter(|| council_reports::read::pdf::read(std::hint::black_box(&bytes), &opts))
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
