//! Scoring a complete assessment (70 items answered: TechServe at month 1).
//! Goal: ≤ 20 µs natively. `cargo bench -p aims-engine --bench scoring`.

#[cfg(not(target_arch = "wasm32"))]
use aims_engine::assessment::Assessment;
#[cfg(not(target_arch = "wasm32"))]
use aims_engine::readiness::score;
#[cfg(not(target_arch = "wasm32"))]
use criterion::{criterion_group, criterion_main, Criterion};
#[cfg(not(target_arch = "wasm32"))]
use std::hint::black_box;

#[cfg(not(target_arch = "wasm32"))]
fn bench(c: &mut Criterion) {
    let text = include_str!("../tests/fixtures/techserve-month1.json");
    let (a, _) = Assessment::read(text).expect("the fixture reads");
    c.bench_function("score techserve-month1 (70 answers)", |b| {
        b.iter(|| score(black_box(&a)))
    });
    let (all, _) = Assessment::read(include_str!("../tests/fixtures/all-zero.json"))
        .expect("the fixture reads");
    c.bench_function("score all-zero (70 majors)", |b| {
        b.iter(|| score(black_box(&all)))
    });
    c.bench_function("read techserve-month1 JSON", |b| {
        b.iter(|| Assessment::read(black_box(text)))
    });
}

#[cfg(not(target_arch = "wasm32"))]
criterion_group!(benches, bench);
#[cfg(not(target_arch = "wasm32"))]
criterion_main!(benches);

/// Benches run natively only.
#[cfg(target_arch = "wasm32")]
fn main() {}
