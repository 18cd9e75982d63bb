//! `make posters`: writes `core::poster::script_table()` between the POSTERS markers of `static/embed.js`.

fn main() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../static/embed.js");
    let script = std::fs::read_to_string(path).expect("static/embed.js");
    let (begin, end) = ("  // POSTERS BEGIN\n", "  // POSTERS END");
    let (Some(from), Some(to)) = (script.find(begin), script.find(end)) else {
        panic!("static/embed.js has no POSTERS markers");
    };
    let updated = format!("{}{}{}", &script[..from + begin.len()], async_lab_core::poster::script_table(), &script[to..]);
    if updated != script {
        std::fs::write(path, &updated).expect("static/embed.js written");
    }
    println!("posters: static/embed.js {}", if updated == script { "unchanged" } else { "updated" });
}
