//! How scoring and the crosswalk grow with the catalog's size: the same code on a generated
//! catalog 1, 10 and 100 times the shipped one (`aims_engine::scale`: items, sections,
//! subcategories, categories and pairs all multiplied), the answers of techserve-month1 (ISO)
//! and nist-all-at-target (NIST) given to every copy of their item. Linear cost reads ~10x and
//! ~100x the 1x time; each group also times the shipped catalog on the same answers. The
//! throughput is the number of rows computed (assessable items, or subcategories for the
//! forward crosswalk), for a time per item. `cargo bench -p aims-engine --bench scale`.

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use aims_engine::assessment::Assessment;
    use aims_engine::catalog::{IsoId, SubcategoryId};
    use aims_engine::crosswalk;
    use aims_engine::scale::Synthetic;
    use criterion::{criterion_group, BenchmarkId, Criterion, Throughput};
    use std::hint::black_box;

    const FACTORS: [usize; 3] = [1, 10, 100];

    fn bench(c: &mut Criterion) {
        let read = |text: &str| Assessment::read(text).expect("the fixture reads").0;
        let iso = read(include_str!("../tests/fixtures/techserve-month1.json"));
        let nist = read(include_str!("../tests/fixtures/nist-all-at-target.json"));
        let iso_answers = iso.iso_answers().expect("an ISO/IEC 42001 fixture");
        let nist_answers = nist.nist_answers().expect("a NIST AI RMF fixture");
        let catalogs: Vec<(usize, Synthetic)> = FACTORS
            .iter()
            .map(|&f| (f, Synthetic::new(f).expect("the factor fits")))
            .collect();
        let assessable = IsoId::assessable().count() as u64;
        let subcategories = SubcategoryId::all().count() as u64;
        let id = |f: &usize| BenchmarkId::from_parameter(format!("{f}x"));

        let mut g = c.benchmark_group("scale score");
        g.throughput(Throughput::Elements(assessable));
        g.bench_function("shipped", |b| {
            b.iter(|| aims_engine::readiness::score(black_box(&iso)))
        });
        for (f, cat) in &catalogs {
            let answers = cat.iso_answers(iso_answers);
            g.throughput(Throughput::Elements(cat.sizes().assessable as u64));
            g.bench_with_input(id(f), &answers, |b, a| {
                b.iter(|| cat.score(black_box(a), &iso.organisation, iso.planning.as_ref()))
            });
        }
        g.finish();

        let mut g = c.benchmark_group("scale forward");
        g.throughput(Throughput::Elements(subcategories));
        g.bench_function("shipped", |b| {
            b.iter(|| crosswalk::forward(black_box(&iso)))
        });
        for (f, cat) in &catalogs {
            let answers = cat.iso_answers(iso_answers);
            g.throughput(Throughput::Elements(cat.sizes().subcategories as u64));
            g.bench_with_input(id(f), &answers, |b, a| b.iter(|| cat.forward(black_box(a))));
        }
        g.finish();

        let mut g = c.benchmark_group("scale reverse");
        g.throughput(Throughput::Elements(assessable));
        g.bench_function("shipped", |b| {
            b.iter(|| crosswalk::reverse(black_box(&nist)))
        });
        for (f, cat) in &catalogs {
            let answers = cat.nist_answers(nist_answers);
            g.throughput(Throughput::Elements(cat.sizes().assessable as u64));
            g.bench_with_input(id(f), &answers, |b, a| {
                b.iter(|| cat.reverse(black_box(a), &nist.organisation, nist.planning.as_ref()))
            });
        }
        g.finish();
    }

    criterion_group!(benches, bench);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

/// Benches run natively only.
#[cfg(target_arch = "wasm32")]
fn main() {}
