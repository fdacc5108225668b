//! Both directions of the crosswalk on complete assessments. Goal: both together ≤ 20 µs
//! natively. `cargo bench -p aims-engine --bench crosswalk`.

#[cfg(not(target_arch = "wasm32"))]
use aims_engine::assessment::Assessment;
#[cfg(not(target_arch = "wasm32"))]
use aims_engine::crosswalk::{forward, reverse};
#[cfg(not(target_arch = "wasm32"))]
use criterion::{criterion_group, criterion_main, Criterion};
#[cfg(not(target_arch = "wasm32"))]
use std::hint::black_box;

#[cfg(not(target_arch = "wasm32"))]
fn bench(c: &mut Criterion) {
    let (iso, _) = Assessment::read(include_str!("../tests/fixtures/techserve-month1.json"))
        .expect("the fixture reads");
    let (nist, _) = Assessment::read(include_str!("../tests/fixtures/nist-all-at-target.json"))
        .expect("the fixture reads");
    c.bench_function(
        "forward techserve-month1 (70 ISO answers → 72 subcategories)",
        |b| b.iter(|| forward(black_box(&iso))),
    );
    c.bench_function(
        "reverse nist-all-at-target (72 answers → 70 items + report)",
        |b| b.iter(|| reverse(black_box(&nist))),
    );
    c.bench_function("both directions", |b| {
        b.iter(|| (forward(black_box(&iso)), reverse(black_box(&nist))))
    });
}

#[cfg(not(target_arch = "wasm32"))]
criterion_group!(benches, bench);
#[cfg(not(target_arch = "wasm32"))]
criterion_main!(benches);

/// Benches run natively only.
#[cfg(target_arch = "wasm32")]
fn main() {}
