//! The cost of each stage of a parse over the mixed corpus (`xxgk::stages`): each is timed on
//! what the stages before it returned, computed outside the measurement.

use criterion::{BatchSize, BenchmarkId, Criterion, Throughput};
use xxgk::stages;

use crate::{bytes, MIXED, SEED};

pub fn stages(c: &mut Criterion) {
    let items = xxgk_benches::corpus(SEED, MIXED, None);
    let texts: Vec<&str> = items.iter().map(|i| i.text.as_str()).collect();
    let mut group = c.benchmark_group("stage");
    group.throughput(Throughput::BytesDecimal(bytes(&items)));
    let id = |name: &str| BenchmarkId::new(name, MIXED);

    group.bench_function(id("decode"), |b| {
        b.iter(|| texts.iter().filter_map(|t| stages::decode(t.as_bytes()).ok()).sum::<usize>())
    });
    group.bench_function(id("normalize"), |b| {
        b.iter(|| texts.iter().map(|t| stages::normalize(t)).collect::<Vec<_>>())
    });
    let pages: Vec<stages::Page<'_>> = texts.iter().map(|t| stages::normalize(t)).collect();
    group.bench_function(id("sections"), |b| {
        b.iter(|| pages.iter().map(stages::sections).collect::<Vec<_>>())
    });
    let sections: Vec<stages::Sections> = pages.iter().map(stages::sections).collect();
    let both = || pages.iter().zip(&sections);
    let tokens = || both().map(|(p, s)| stages::tokens(p, s)).collect::<Vec<_>>();
    group.bench_function(id("layout"), |b| b.iter(tokens));
    group.bench_function(id("align"), |b| {
        b.iter_batched(
            tokens,
            |tokens| both().zip(tokens).map(|((p, s), t)| stages::tables(p, s, t)).collect::<Vec<_>>(),
            BatchSize::PerIteration,
        )
    });
    let tables = || both().zip(tokens()).map(|((p, s), t)| (s.clone(), stages::tables(p, s, t))).collect();
    group.bench_function(id("checks"), |b| {
        b.iter_batched(
            tables,
            |tables: Vec<_>| {
                pages
                    .iter()
                    .zip(tables)
                    .map(|(p, (s, t))| stages::report(p, s, t))
                    .filter(Result::is_ok)
                    .count()
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}
