//! The built-in roles are written in TOML (`roles/*.toml`, easy to read and
//! edit) and embedded as JSON: the library then parses them with the JSON
//! reader it needs anyway, so a build that never reads TOML role files (the
//! browser page's module) leaves the TOML parser out (~45 KB gzipped).
use std::{env, fs, path::Path};

fn main() {
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("roles");
    fs::create_dir_all(&out).expect("create OUT_DIR/roles");
    println!("cargo::rerun-if-changed=roles");
    let mut names: Vec<_> = fs::read_dir("roles")
        .expect("read core/roles")
        .map(|e| e.expect("list core/roles").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    names.sort();
    for path in names {
        let src = fs::read_to_string(&path).expect("read a built-in role");
        let value: toml::Value = toml::from_str(&src)
            .unwrap_or_else(|e| panic!("{}: not valid TOML: {e}", path.display()));
        let json = serde_json::to_string(&value).expect("TOML values are JSON values");
        let name = path.file_stem().expect("a file name").to_string_lossy();
        fs::write(out.join(format!("{name}.json")), json).expect("write OUT_DIR/roles");
    }
}
