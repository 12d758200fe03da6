//! Adversarial inputs (issue 8): each must complete — no panic, no stack overflow, no hang.
//!
//! These tests assert completion only, with a generous overall limit (30 s in release, 300 s in
//! a debug build), never a timing: machines are shared and noisy. What the inputs cost is
//! measured by the benchmark `tests/benches/adversarial.rs` (`cargo bench -p xxgk-tests --bench
//! adversarial`) and recorded in `fuzz/README.md`.
//!
//! Each input runs on a spawned thread with the default 2 MiB stack, smaller than a main
//! thread's: a reader that recurses on nesting fails here first.
//!
//! Memory is bounded too: a counting allocator measures the peak heap of each run, and the
//! pipeline may use at most [`HEAP_PER_BYTE`] bytes of heap per input byte, so that an input at
//! the default limit (`xxgk::DEFAULT_MAX_BYTES`, 16 MiB) stays under 2 GiB. The tests of this
//! file run one at a time (a lock), so that the peak is one input's.

#[path = "benches/inputs/mod.rs"]
mod inputs;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant};

const LIMIT: Duration =
    if cfg!(debug_assertions) { Duration::from_secs(300) } else { Duration::from_secs(30) };

/// Heap the pipeline may use per byte of input: 2 GiB at the 16 MiB default limit.
const HEAP_PER_BYTE: usize = (2 << 30) / xxgk::DEFAULT_MAX_BYTES;

/// The system allocator, counting the bytes in use and their peak.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed to `System` unchanged; only the counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
            grew(new_size);
        }
        p
    }
}

fn grew(size: usize) {
    let now = IN_USE.fetch_add(size, Ordering::Relaxed) + size;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// One test at a time, so that the peak heap is one input's.
fn one_at_a_time() -> MutexGuard<'static, ()> {
    static LOCK: Mutex<()> = Mutex::new(());
    LOCK.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Runs `f` on its own thread and fails if it panics or takes longer than [`LIMIT`]; returns
/// its result and the peak heap it used beyond what was in use before.
fn measured<T: Send + 'static>(name: &str, f: impl FnOnce() -> T + Send + 'static) -> (T, usize) {
    let base = IN_USE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let out = completes(name, f);
    let peak = PEAK.load(Ordering::Relaxed).saturating_sub(base);
    eprintln!("{name}: peak heap {:.1} MB", peak as f64 / 1e6);
    (out, peak)
}

/// Runs `f` on its own thread and fails if it panics or takes longer than [`LIMIT`].
fn completes<T: Send + 'static>(name: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    let start = Instant::now();
    let handle = thread::Builder::new()
        .name(name.to_string())
        .spawn(move || {
            let out = f();
            let _ = tx.send(());
            out
        })
        .unwrap();
    match rx.recv_timeout(LIMIT) {
        Ok(()) => {
            eprintln!("{name}: {:.2?}", start.elapsed());
            handle.join().unwrap()
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => match handle.join() {
            Err(panic) => std::panic::resume_unwind(panic),
            Ok(_) => unreachable!("the thread sends before it returns"),
        },
        // The thread is left running: the test process ends with the failure.
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("{name} did not complete within {LIMIT:?}"),
    }
}

/// `xxgk::parse` on `text`, on a thread of its own: fails if it does not complete, and returns
/// the peak heap it used per byte of input.
fn parses(name: &str, text: String) -> usize {
    let len = text.len();
    let (_, peak) = measured(name, move || drop(xxgk::parse(&text)));
    peak / len.max(1)
}

/// [`parses`], and fails if the heap it used exceeds [`HEAP_PER_BYTE`] per byte of input.
fn parses_in_bounded_memory(name: &str, text: String) {
    let per_byte = parses(name, text);
    assert!(
        per_byte <= HEAP_PER_BYTE,
        "{name}: {per_byte} bytes of heap per input byte, more than {HEAP_PER_BYTE}: \
         an input of this shape at the default limit would need {:.1} GB",
        (per_byte * xxgk::DEFAULT_MAX_BYTES) as f64 / 1e9
    );
}

#[test]
fn ten_megabytes_of_digits() {
    let _one = one_at_a_time();
    parses_in_bounded_memory("10 MB of digits", inputs::digits_10mb());
    parses_in_bounded_memory("10 MB of digits in table 三", inputs::digits_10mb_in_table());
    completes("lex on 10 MB of digits", || xxgk::fuzzing::lex(&inputs::digits_10mb()));
}

#[test]
fn one_ten_megabyte_line() {
    let _one = one_at_a_time();
    parses_in_bounded_memory("one 10 MB line", inputs::one_line_10mb());
    completes("read_lines on one 10 MB line", || xxgk::fuzzing::read_lines(&inputs::one_line_10mb()));
    completes("sections on one 10 MB line", || xxgk::fuzzing::sections(&inputs::one_line_10mb()));
    completes("sections on one 10 MB line without a title", || {
        xxgk::fuzzing::sections(&inputs::one_line_10mb()[inputs::TITLE.len()..])
    });
    parses_in_bounded_memory("one 10 MB label", inputs::long_label_10mb());
}

#[test]
fn a_hundred_thousand_nested_tags() {
    let _one = one_at_a_time();
    parses_in_bounded_memory("100,000 nested <div>", inputs::nested_divs(100_000));
    parses_in_bounded_memory("100,000 nested <table>", inputs::nested_tables(100_000));
    completes("flatten_html on 100,000 nested <table>", || {
        xxgk::fuzzing::flatten_html(&inputs::nested_tables(100_000))
    });
}

#[test]
fn a_megabyte_of_pipes() {
    let _one = one_at_a_time();
    parses_in_bounded_memory("1 MB of |", inputs::pipes_1mb());
    completes("read_lines on 1 MB of |", || xxgk::fuzzing::read_lines(&inputs::pipes_1mb()));
}

#[test]
fn a_table_of_a_hundred_thousand_rows() {
    let _one = one_at_a_time();
    parses_in_bounded_memory("100,000 markdown rows", inputs::markdown_rows(100_000));
    parses_in_bounded_memory("100,000 HTML rows", inputs::html_rows(100_000));
}

/// A table's region far larger than any table (here 100,000 rows) is read only in part: the
/// report says so at the place reading stopped, and doubts every cell it gives.
#[test]
fn a_region_past_the_bound_is_read_in_part_and_doubted() {
    for (name, text) in
        [("markdown rows", inputs::markdown_rows(100_000)), ("one line", inputs::one_line_10mb())]
    {
        let report = xxgk::parse(&text).unwrap();
        let cut = report.diagnostics.iter().find(|d| d.code == "table_truncated");
        let cut = cut.unwrap_or_else(|| panic!("{name}: no table_truncated diagnostic"));
        assert!(cut.message.contains("table 三"), "{name}: {}", cut.message);
        let offset = cut.offset.unwrap();
        assert!((1 << 19..=1 << 21).contains(&offset), "{name}: reading stopped at byte {offset}");
        let requests = serde_json::to_value(report.requests.as_ref().unwrap()).unwrap();
        let mut cells = 0;
        for (row, values) in requests.as_object().unwrap() {
            for col in values.as_object().unwrap().keys() {
                cells += 1;
                let path = format!("requests.{row}.{col}");
                assert!(report.uncertain.contains(&path), "{name}: {path} read from a cut region, certain");
            }
        }
        assert!(cells > 0, "{name}: no row read");
    }
}

#[test]
fn a_glued_run_of_ten_thousand_digits() {
    let _one = one_at_a_time();
    parses_in_bounded_memory("10,000 glued digits", inputs::glued_row(10_000));
    for width in [2, 7, 15] {
        completes(&format!("split_glued, 10,000 digits, width {width}"), move || {
            xxgk::fuzzing::split_glued(&inputs::glued_digits(10_000), width)
        });
    }
}

/// Searches that each run to their bound: the heap they use is bounded per row (the splits a
/// search lists), not per byte, and a report has one table 三.
#[test]
fn glued_rows_searched_to_the_bound() {
    let _one = one_at_a_time();
    let text = inputs::glued_rows_to_the_bound();
    let (_, peak) = measured("25 rows of 30 glued digits", move || drop(xxgk::parse(&text)));
    assert!(peak < 1 << 30, "{peak} bytes of heap for 25 rows");
}

#[test]
fn memory_at_the_default_limit_stays_under_2_gib() {
    let _one = one_at_a_time();
    let over: Vec<String> = [
        ("1 MB of |", inputs::pipes_1mb()),
        ("one 10 MB line", inputs::one_line_10mb()),
        ("100,000 markdown rows", inputs::markdown_rows(100_000)),
    ]
    .into_iter()
    .filter_map(|(name, text)| {
        let per_byte = parses(name, text);
        (per_byte > HEAP_PER_BYTE).then(|| format!("{name}: {per_byte} bytes of heap per input byte"))
    })
    .collect();
    assert!(over.is_empty(), "more than {HEAP_PER_BYTE} bytes of heap per input byte: {over:#?}");
}

#[test]
fn one_byte_over_the_limit_is_refused() {
    let options = xxgk::Options { max_bytes: 1000 };
    let over = inputs::over_limit(1000);
    assert_eq!(over.len(), 1001);
    let err = options.parse_bytes(&over).unwrap_err();
    assert_eq!(err, xxgk::Error::TooLarge { size: 1001, limit: 1000 });
    let text = String::from_utf8(over).unwrap();
    assert_eq!(options.parse(&text).unwrap_err(), xxgk::Error::TooLarge { size: 1001, limit: 1000 });
    // At the limit the input is read, not refused.
    let at = &text.as_bytes()[..1000];
    assert!(!matches!(options.parse_bytes(at), Err(xxgk::Error::TooLarge { .. })));
}

#[test]
fn the_default_limit_refuses_16_mib_and_one_byte() {
    let _one = one_at_a_time();
    // Refused on its size, before it is decoded: quick, whatever the bytes.
    let over = vec![b'1'; xxgk::DEFAULT_MAX_BYTES + 1];
    let err = completes("16 MiB + 1", move || xxgk::parse_bytes(&over).unwrap_err());
    assert_eq!(
        err,
        xxgk::Error::TooLarge { size: xxgk::DEFAULT_MAX_BYTES + 1, limit: xxgk::DEFAULT_MAX_BYTES }
    );
}
