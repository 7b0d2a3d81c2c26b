//! Conformance driver: the role each job posting asks for, as the role-file
//! JSON of `Role::to_json`, one file per posting in OUT_DIR (`N.json`, N the
//! posting's position), or `error` when the posting is refused.
//!
//! `cargo run -p atscore --example posting_json -- OUT_DIR POSTING...`
fn main() {
    let mut args = std::env::args().skip(1);
    let out =
        std::path::PathBuf::from(args.next().expect("usage: posting_json OUT_DIR POSTING..."));
    for (i, path) in args.enumerate() {
        let bytes = std::fs::read(&path).expect("readable posting");
        let json = atscore::text_from_bytes(&bytes)
            .and_then(atscore::Role::from_job_description)
            .map_or_else(|_| "error".to_string(), |r| r.to_json());
        std::fs::write(out.join(format!("{i}.json")), json.trim_end()).expect("writable output");
    }
}
