//! `isms init` never writes through a symbolic link and never leaves a partial starter: every
//! target is checked before the first file is written.

mod common;

use common::*;
use std::path::Path;

fn init(dir: &Path, extra: &[&str]) -> (String, i32) {
    let out = bin()
        .args(["init", "--level", "baseline", "--lang", "en"])
        .args(extra)
        .arg(dir)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    (stderr, out.status.code().unwrap())
}

/// Every entry below `dir`, links included, sorted.
fn entries(dir: &Path) -> Vec<String> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let e = e.unwrap();
            out.push(e.path().strip_prefix(root).unwrap().display().to_string());
            if e.file_type().unwrap().is_dir() {
                walk(root, &e.path(), out);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

#[test]
fn a_dangling_link_creates_nothing_outside() {
    let outside = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("planted.yaml"),
        dir.path().join("policy.yaml"),
    )
    .unwrap();
    let (err, code) = init(dir.path(), &[]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("policy.yaml is a symbolic link: isms init does not write through links"),
        "{err}"
    );
    assert!(!outside.path().join("planted.yaml").exists());
    assert_eq!(
        entries(dir.path()),
        vec!["policy.yaml"],
        "nothing else written"
    );
}

#[test]
fn force_does_not_overwrite_what_a_link_points_to() {
    let outside = tempfile::tempdir().unwrap();
    let victim = outside.path().join("victim.txt");
    std::fs::write(&victim, "keep me\n").unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(&victim, dir.path().join(".gitignore")).unwrap();
    let (err, code) = init(dir.path(), &["--force"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains(".gitignore is a symbolic link"), "{err}");
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me\n");
    assert_eq!(entries(dir.path()), vec![".gitignore"]);
}

#[test]
fn a_file_where_a_folder_belongs_leaves_no_partial_starter() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("roles"), "not a folder\n").unwrap();
    let (err, code) = init(dir.path(), &[]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("roles is a file, but the starter needs a folder there"),
        "{err}"
    );
    assert_eq!(entries(dir.path()), vec!["roles"], "nothing written");
}

#[test]
fn a_linked_folder_on_the_way_is_refused() {
    let outside = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(outside.path(), dir.path().join("controls")).unwrap();
    let (err, code) = init(dir.path(), &[]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("controls is a symbolic link"), "{err}");
    assert_eq!(entries(outside.path()), Vec::<String>::new());
}
