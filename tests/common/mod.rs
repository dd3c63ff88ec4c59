//! Helpers shared by the integration tests: run the real binary on real repositories.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const TODAY: &str = "2026-11-26";

pub fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_isms"));
    c.env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("ISMS_FORMAT");
    c
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures").join(name)
}

/// Copies a folder's contents into another (files overwrite; symbolic links stay links).
pub fn copy_into(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_symlink() {
            let _ = std::fs::remove_file(&target);
            std::os::unix::fs::symlink(std::fs::read_link(entry.path()).unwrap(), &target).unwrap();
        } else if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_into(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A temporary repository: the base fixture with an overlay of files on top.
pub fn repo_with(overlay: Option<&Path>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_into(&fixture("base"), dir.path());
    if let Some(o) = overlay {
        copy_into(o, dir.path());
    }
    dir
}

pub fn run(args: &[&str], dir: &Path) -> Output {
    bin().args(args).arg(dir).output().unwrap()
}

/// `isms check --format json` on a folder: the parsed output and the exit code.
pub fn check_json(dir: &Path, extra: &[&str]) -> (serde_json::Value, i32) {
    let out = bin()
        .args(["check", "--format", "json", "--today", TODAY])
        .args(extra)
        .arg(dir)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let json = serde_json::from_str(&stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {stdout}\nstderr: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (json, out.status.code().unwrap())
}

/// Each finding as `code file:line:col`.
pub fn finding_lines(json: &serde_json::Value) -> Vec<String> {
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{} {}:{}:{}",
                f["code"].as_str().unwrap(),
                f["file"].as_str().unwrap(),
                f["line"],
                f["column"]
            )
        })
        .collect()
}
