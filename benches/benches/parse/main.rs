//! `cargo bench`: the parser's throughput on the generated corpus (`xxgk_benches`), by layout
//! and mixed, the cost of each stage, how the time grows with the input, and with threads.
//!
//! Throughput is in bytes of input (MB/s, decimal); a benchmark's id ends with the number of
//! reports it parses, so reports/s is that number over the median time. Run times are kept
//! short (10 samples, 3 s each group member) so that the whole run takes a few minutes; pass
//! `-- --measurement-time 10` for tighter intervals.

mod stages;

use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use rayon::prelude::*;
use xxgk_benches::{corpus, item_lengthened, Item, LAYOUTS};

/// The corpus seed of every benchmark (the one BENCHMARKS.md's files are generated with).
pub const SEED: u64 = 1;
/// Reports per layout in the per-layout benchmarks.
const PER_LAYOUT: u64 = 32;
/// Reports of the mixed corpus: every layout equally (report `i` is in `LAYOUTS[i % 8]`).
pub const MIXED: u64 = 128;

/// Bytes of text of `items`.
pub fn bytes(items: &[Item]) -> u64 {
    items.iter().map(|i| i.text.len() as u64).sum()
}

/// Parses every item; how many gave a report, so that the work cannot be optimised away.
pub fn parse_all(items: &[Item]) -> usize {
    items.iter().filter(|i| xxgk::parse(&i.text).is_ok()).count()
}

fn layouts(c: &mut Criterion) {
    let mut group = c.benchmark_group("layout");
    for layout in LAYOUTS {
        let items = corpus(SEED, PER_LAYOUT, Some(layout));
        group.throughput(Throughput::BytesDecimal(bytes(&items)));
        group.bench_with_input(BenchmarkId::new(layout.as_str(), PER_LAYOUT), &items, |b, items| {
            b.iter(|| parse_all(items))
        });
    }
    group.finish();
}

fn mixed(c: &mut Criterion) {
    let items = corpus(SEED, MIXED, None);
    let mut group = c.benchmark_group("mixed");
    group.throughput(Throughput::BytesDecimal(bytes(&items)));
    group.bench_with_input(BenchmarkId::new("parse", MIXED), &items, |b, items| b.iter(|| parse_all(items)));
    group.finish();
}

/// The time must grow linearly with the input: 8 reports (one of each layout) parsed 1, 10
/// and 100 times over, and the same 8 reports 1×, 10× and 100× as long (the same tables in
/// more prose), where a cost above linear in the length of one input would show.
fn scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("scaling");
    let eight: Vec<Item> = (0..8).map(|i| item_lengthened(SEED, i, None, 1)).collect();
    for times in [1, 10, 100] {
        let items: Vec<Item> = eight.iter().cycle().take(8 * times).cloned().collect();
        group.throughput(Throughput::BytesDecimal(bytes(&items)));
        group.bench_with_input(BenchmarkId::new("copies", format!("{times}x/8")), &items, |b, items| {
            b.iter(|| parse_all(items))
        });
    }
    for times in [1, 10, 100] {
        let items: Vec<Item> = (0..8).map(|i| item_lengthened(SEED, i, None, times)).collect();
        group.throughput(Throughput::BytesDecimal(bytes(&items)));
        group.bench_with_input(BenchmarkId::new("length", format!("{times}x/8")), &items, |b, items| {
            b.iter(|| parse_all(items))
        });
    }
    group.finish();
}

/// The mixed corpus on rayon pools of 1 and 2 threads: what `xxgk batch` gains from cores.
fn threads(c: &mut Criterion) {
    let items = corpus(SEED, MIXED, None);
    let mut group = c.benchmark_group("threads");
    group.throughput(Throughput::BytesDecimal(bytes(&items)));
    for n in [1, 2] {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(n).build().expect("a thread pool");
        group.bench_with_input(BenchmarkId::new(format!("{n}"), MIXED), &items, |b, items| {
            b.iter(|| pool.install(|| items.par_iter().filter(|i| xxgk::parse(&i.text).is_ok()).count()))
        });
    }
    group.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
}

criterion_group! {
    name = benches;
    config = config();
    targets = layouts, mixed, stages::stages, scaling, threads
}
criterion_main!(benches);
