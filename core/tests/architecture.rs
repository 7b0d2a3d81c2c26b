//! The pipeline's stages (the top-level modules of core/src) import each
//! other without a cycle, so each stage can be read, tested and changed
//! with only the stages below it in mind.
//!
//! Read from the source: every `crate::stage` path outside comments is an
//! import of `stage`. A path through the crate root's re-exports
//! (`crate::Matcher`) would hide the stage it comes from, so it is refused.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The stage a file belongs to: its folder under src, or its file stem.
fn stage_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap();
    let first = rel
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_string_lossy();
    first.trim_end_matches(".rs").to_string()
}

/// The code of a file without its comments (line and doc comments; the
/// crate has no block comments) and without string literals' text.
fn code(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let mut in_str = false;
        let mut prev = ' ';
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            if !in_str && c == '/' && chars.peek() == Some(&'/') {
                break;
            }
            if c == '"' && prev != '\\' && prev != '\'' {
                in_str = !in_str;
            } else if !in_str {
                out.push(c);
            }
            prev = if prev == '\\' && c == '\\' { ' ' } else { c };
        }
        out.push('\n');
    }
    out
}

/// `crate::x` paths of `code`, braces expanded one level:
/// `crate::{a, b::c}` gives a and b.
fn crate_paths(code: &str) -> Vec<String> {
    paths(code, "crate::")
}

/// The names that follow `prefix` (`crate::`, `super::`) in `code`.
fn paths(code: &str, prefix: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find(prefix) {
        let before = rest[..i].chars().next_back();
        rest = &rest[i + prefix.len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
            continue; // `$crate::`, `atscore_crate::`
        }
        if let Some(inner) = rest.strip_prefix('{') {
            let end = inner.find('}').unwrap_or(inner.len());
            for item in inner[..end].split(',') {
                let name: String = item
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    out.push(name);
                }
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            out.push(name);
        }
    }
    out
}

#[test]
fn stages_import_each_other_without_a_cycle() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let stages: BTreeSet<String> = files
        .iter()
        .map(|f| stage_of(&src, f))
        .filter(|s| s != "lib")
        .collect();
    assert!(
        [
            "text", "document", "matching", "analysis", "report", "posting"
        ]
        .iter()
        .all(|s| stages.contains(*s)),
        "the pipeline's stages are folders under core/src: {stages:?}"
    );

    let mut imports: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut through_root = Vec::new();
    for f in &files {
        let from = stage_of(&src, f);
        if from == "lib" {
            continue; // the crate root declares and re-exports the stages
        }
        let text = fs::read_to_string(f).unwrap();
        for name in crate_paths(&code(&text)) {
            if stages.contains(&name) {
                if name != from {
                    imports.entry(from.clone()).or_default().insert(name);
                }
            } else {
                through_root.push(format!(
                    "{}: crate::{name}",
                    f.strip_prefix(&src).unwrap().display()
                ));
            }
        }
    }
    assert!(
        through_root.is_empty(),
        "name the stage, not the crate root's re-export: {through_root:#?}"
    );

    // Kahn's algorithm: whatever cannot be ordered lies on a cycle.
    let mut left: BTreeMap<&str, BTreeSet<&str>> = stages
        .iter()
        .map(|s| {
            let deps = imports.get(s).into_iter().flatten().map(String::as_str);
            (s.as_str(), deps.collect())
        })
        .collect();
    let mut order = Vec::new();
    while let Some(ready) = left
        .iter()
        .find(|(_, deps)| deps.is_empty())
        .map(|(s, _)| *s)
    {
        left.remove(ready);
        for deps in left.values_mut() {
            deps.remove(ready);
        }
        order.push(ready);
    }
    println!("stages, lowest first: {}", order.join(" → "));
    assert!(left.is_empty(), "import cycle among the stages: {left:#?}");
    // the layers the crate documents, in an order the imports allow
    let pos = |s: &str| order.iter().position(|x| *x == s).unwrap();
    for pair in ["text", "document", "matching", "analysis"].windows(2) {
        assert!(
            pos(pair[0]) < pos(pair[1]),
            "{} must come before {}",
            pair[0],
            pair[1]
        );
    }
}

/// The files of each stage folder import each other (`super::file`,
/// `crate::stage::file`) without a cycle: the folder's mod.rs composes them.
#[test]
fn files_of_a_stage_import_each_other_without_a_cycle() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut checked = 0;
    for entry in fs::read_dir(&src).unwrap() {
        let dir = entry.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        let stage = dir.file_name().unwrap().to_string_lossy().to_string();
        let mut files: Vec<PathBuf> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "rs"))
            .filter(|p| p.file_stem().is_some_and(|s| s != "mod"))
            .collect();
        files.sort();
        let stems: BTreeSet<String> = files
            .iter()
            .map(|f| f.file_stem().unwrap().to_string_lossy().to_string())
            .collect();
        let mut left: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for f in &files {
            let from = f.file_stem().unwrap().to_string_lossy().to_string();
            let text = fs::read_to_string(f).unwrap();
            // a file's own tests say `super::` for the file itself
            let body = text.split("#[cfg(test)]\nmod tests").next().unwrap();
            let c = code(body);
            let own = format!("crate::{stage}::");
            let deps = paths(&c, "super::")
                .into_iter()
                .chain(paths(&c, &own))
                .filter(|n| stems.contains(n) && *n != from)
                .collect::<Vec<_>>();
            left.entry(from).or_default().extend(deps);
        }
        checked += left.len();
        while let Some(ready) = left
            .iter()
            .find(|(_, deps)| deps.is_empty())
            .map(|(s, _)| s.clone())
        {
            left.remove(&ready);
            for deps in left.values_mut() {
                deps.remove(&ready);
            }
        }
        assert!(
            left.is_empty(),
            "import cycle among the files of {stage}/: {left:#?}"
        );
    }
    assert!(checked > 20, "{checked} files read");
}

#[test]
fn the_path_reader_sees_every_form_of_import() {
    let c = code(
        "use crate::{text::Span, roles}; // crate::analysis\nlet s = \"crate::report\"; crate::file::extract(b)",
    );
    assert_eq!(crate_paths(&c), ["text", "roles", "file"]);
    assert_eq!(crate_paths("$crate::x + crate::hash::Map"), ["hash"]);
    assert_eq!(
        paths("use super::{score::Tally, round2};", "super::"),
        ["score", "round2"]
    );
}
