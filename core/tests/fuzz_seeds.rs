//! The seed files of the fuzz corpora (fuzz/corpus/<target>/seed-*) are inputs the app
//! accepts: maps, a backup and a share link as the app writes them, and CSV and Mermaid
//! files that import. `JOURNEY_WRITE_FUZZ_SEEDS=1 cargo test -p journey-core --test
//! fuzz_seeds` rewrites the generated ones from today's writers; without it the test only
//! checks that every committed seed still reads (older formats go through the migrations).

use std::path::PathBuf;

use journey_core::interop::{decode_share_fragment, encode_share_fragment, export_backup, import_mermaid, parse_backup, parse_import_file};
use journey_core::model::schema::{parse_map, to_json};
use journey_core::model::{JourneyMap, Lang};
use journey_core::templates::{coffee_to_go, Template};

fn corpus(target: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fuzz/corpus").join(target)
}

fn small_map() -> JourneyMap {
    JourneyMap::blank("m", "Kleine Karte", 0.0, Lang::De)
}

/// The generated seeds: (target, file name, content).
fn generated() -> Vec<(&'static str, &'static str, String)> {
    let coffee = coffee_to_go("c", 0.0, Lang::En);
    let welcome = Template::Welcome.build("w", 0.0, Lang::De);
    let link = |m: &JourneyMap| encode_share_fragment(m).unwrap();
    vec![
        ("map_json", "seed-blank.json", to_json(&small_map())),
        ("map_json", "seed-coffee.json", to_json(&coffee)),
        ("roundtrip", "seed-blank.json", to_json(&small_map())),
        ("roundtrip", "seed-welcome.json", to_json(&welcome)),
        ("backup_json", "seed-backup.json", export_backup(&[small_map()], 0.0)),
        ("backup_json", "seed-map.json", to_json(&small_map())),
        ("share_link", "seed-blank.txt", link(&small_map())),
        ("share_link", "seed-payload.txt", link(&small_map()).trim_start_matches("v1.").to_string()),
    ]
}

#[test]
fn fuzz_seeds_read() {
    if std::env::var_os("JOURNEY_WRITE_FUZZ_SEEDS").is_some() {
        for (target, name, content) in generated() {
            std::fs::create_dir_all(corpus(target)).unwrap();
            std::fs::write(corpus(target).join(name), content).unwrap();
        }
    }
    let seeds = |target: &str| -> Vec<(String, Vec<u8>)> {
        let mut files: Vec<_> = std::fs::read_dir(corpus(target))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("seed-"))
            .map(|p| (p.display().to_string(), std::fs::read(&p).unwrap()))
            .collect();
        files.sort();
        assert!(!files.is_empty(), "{target}: no seeds");
        files
    };
    let text = |b: &[u8]| String::from_utf8(b.to_vec()).unwrap();
    for target in ["map_json", "roundtrip"] {
        for (name, bytes) in seeds(target) {
            parse_map(&text(&bytes)).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        }
    }
    for (name, bytes) in seeds("backup_json") {
        parse_import_file(&text(&bytes)).unwrap_or_else(|e| panic!("{name}: {e:?}"));
    }
    let (_, backup) = &seeds("backup_json")[0];
    assert_eq!(parse_backup(&text(backup)).unwrap().maps.len(), 1);
    for (name, bytes) in seeds("share_link") {
        let t = text(&bytes);
        let t = if t.starts_with("v1.") { t } else { format!("v1.{t}") };
        decode_share_fragment(&t).unwrap_or_else(|e| panic!("{name}: {e:?}"));
    }
    for (name, bytes) in seeds("mermaid") {
        let r = import_mermaid(&text(&bytes), "m", 0.0, Lang::En).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert!(!r.has_errors(), "{name}");
    }
}
