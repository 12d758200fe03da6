//! What the adversarial inputs of issue 8 cost: `cargo bench -p xxgk-tests --bench adversarial`.
//!
//! `tests/adversarial.rs` asserts that the same inputs complete; this measures them. The
//! medians are recorded in `fuzz/README.md` ("Adversarial inputs"). Every input should take
//! well under a second natively; one that does not is a finding for `core/`.

mod inputs;

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};

/// `xxgk::parse` on each input, by name.
fn whole_pipeline(c: &mut Criterion) {
    let cases: Vec<(&str, String)> = vec![
        ("digits_10mb", inputs::digits_10mb()),
        ("digits_10mb_in_table", inputs::digits_10mb_in_table()),
        ("one_line_10mb", inputs::one_line_10mb()),
        ("long_label_10mb", inputs::long_label_10mb()),
        ("nested_divs_100k", inputs::nested_divs(100_000)),
        ("nested_tables_100k", inputs::nested_tables(100_000)),
        ("pipes_1mb", inputs::pipes_1mb()),
        ("markdown_rows_100k", inputs::markdown_rows(100_000)),
        ("html_rows_100k", inputs::html_rows(100_000)),
        ("glued_row_10k_digits", inputs::glued_row(10_000)),
        ("glued_rows_to_the_bound", inputs::glued_rows_to_the_bound()),
    ];
    let mut group = c.benchmark_group("parse");
    group.sample_size(10).measurement_time(Duration::from_secs(10));
    for (name, text) in &cases {
        group.bench_function(*name, |b| b.iter(|| xxgk::parse(black_box(text))));
    }
    group.finish();
}

/// The readers alone, through `xxgk::fuzzing`, on the inputs aimed at them.
fn readers(c: &mut Criterion) {
    let digits = inputs::digits_10mb();
    let line = inputs::one_line_10mb();
    let pipes = inputs::pipes_1mb();
    let nested = inputs::nested_tables(100_000);
    let glued = inputs::glued_digits(10_000);
    let mut group = c.benchmark_group("readers");
    group.sample_size(10).measurement_time(Duration::from_secs(10));
    group.bench_function("lex/digits_10mb", |b| b.iter(|| xxgk::fuzzing::lex(black_box(&digits))));
    group.bench_function("read_lines/one_line_10mb", |b| {
        b.iter(|| xxgk::fuzzing::read_lines(black_box(&line)))
    });
    group.bench_function("read_lines/pipes_1mb", |b| b.iter(|| xxgk::fuzzing::read_lines(black_box(&pipes))));
    group.bench_function("sections/one_line_10mb", |b| b.iter(|| xxgk::fuzzing::sections(black_box(&line))));
    group.bench_function("flatten_html/nested_tables_100k", |b| {
        b.iter(|| xxgk::fuzzing::flatten_html(black_box(&nested)))
    });
    for width in [2, 7, 15] {
        group.bench_function(format!("split_glued/10k_digits_width_{width}"), |b| {
            b.iter(|| xxgk::fuzzing::split_glued(black_box(&glued), width))
        });
    }
    group.finish();
}

/// The size limit: 16 MiB + 1 byte is refused before it is decoded; a custom limit likewise.
fn size_limit(c: &mut Criterion) {
    let over = vec![b'1'; xxgk::DEFAULT_MAX_BYTES + 1];
    let small = inputs::over_limit(1 << 20);
    let options = xxgk::Options { max_bytes: 1 << 20 };
    let mut group = c.benchmark_group("limit");
    group.bench_function("default_64mib_plus_1", |b| {
        b.iter(|| assert!(xxgk::parse_bytes(black_box(&over)).is_err()))
    });
    group.bench_function("custom_1mib_plus_1", |b| {
        b.iter(|| assert!(options.parse_bytes(black_box(&small)).is_err()))
    });
    group.finish();
}

criterion_group!(benches, whole_pipeline, readers, size_limit);
criterion_main!(benches);
