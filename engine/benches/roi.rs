//! The ROI Monte Carlo at 10,000 and 100,000 trials (goal: 100,000 in at most 15 ms natively,
//! single-threaded), and a one-trial run: the fixed cost of validation, the PERT tables, the
//! tornado and the report. Native only (on wasm32 the bench is an empty program).

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use aims_engine::roi::{self, RoiInputs};
    use criterion::{criterion_group, Criterion};
    use std::hint::black_box;

    fn inputs(trials: u32) -> RoiInputs {
        let mut i = RoiInputs::default();
        i.monte_carlo.trials = trials;
        i
    }

    fn bench(c: &mut Criterion) {
        let mut group = c.benchmark_group("roi");
        for trials in [10_000u32, 100_000, 1] {
            let i = inputs(trials);
            group.bench_function(format!("run_{trials}_trials"), |b| {
                b.iter(|| roi::run(black_box(&i)))
            });
        }
        group.finish();
    }

    criterion_group!(benches, bench);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
