// Scratch timing (not committed): parse every file of the given folders N times.
fn main() {
    let dirs: Vec<String> = std::env::args().skip(1).collect();
    let mut files = Vec::new();
    for d in &dirs {
        for e in std::fs::read_dir(d).unwrap() {
            files.push(std::fs::read(e.unwrap().path()).unwrap());
        }
    }
    let bytes: usize = files.iter().map(|f| f.len()).sum();
    let n: usize = std::env::var("N").ok().and_then(|v| v.parse().ok()).unwrap_or(200);
    let t = std::time::Instant::now();
    for _ in 0..n {
        for f in &files {
            let _ = xxgk::parse_bytes(f);
        }
    }
    let s = t.elapsed().as_secs_f64();
    println!("{:.1} MB/s, {:.1} us/report", (bytes * n) as f64 / s / 1e6, s * 1e6 / (n * files.len()) as f64);
}
