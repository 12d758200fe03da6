use std::io::Read;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = args.get(2).cloned().unwrap_or_default();
    let bytes = if path == "-" {
        let mut b = Vec::new();
        std::io::stdin().read_to_end(&mut b).unwrap();
        b
    } else {
        std::fs::read(&path).unwrap()
    };
    match xxgk::parse_bytes(&bytes) {
        Ok(r) => println!("{}", serde_json::to_string_pretty(&r).unwrap()),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1)
        }
    }
}
