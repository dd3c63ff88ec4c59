//! Stamps the binary with the commit it was built from, for `isms --version`:
//! `ISMS_COMMIT_SUFFIX` is ` (abc1234)` in a git checkout and empty anywhere else (a crate
//! unpacked from crates.io, an sdist, a folder without git). Nothing here may fail a build.

use std::path::Path;
use std::process::Command;

fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8(out.stdout).ok()?;
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let manifest = std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default();
    let dir = Path::new(&manifest);
    let mut suffix = String::new();
    // `.git` is a folder in a clone and a file in a worktree; only this crate's own
    // checkout counts (never a repository that happens to enclose an unpacked crate).
    if dir.join(".git").exists() {
        if let Some(commit) = git(dir, &["rev-parse", "--short", "HEAD"]) {
            suffix = format!(" ({commit})");
        }
        // Build again when HEAD moves: HEAD itself, the branch it names, packed refs.
        let mut watched = vec!["HEAD".to_string(), "packed-refs".to_string()];
        if let Some(branch) = git(dir, &["symbolic-ref", "-q", "HEAD"]) {
            watched.push(branch);
        }
        for name in watched {
            if let Some(path) = git(
                dir,
                &["rev-parse", "--path-format=absolute", "--git-path", &name],
            ) {
                // A missing file would make cargo rerun this script on every build.
                if Path::new(&path).exists() {
                    println!("cargo:rerun-if-changed={path}");
                }
            }
        }
    }
    println!("cargo:rustc-env=ISMS_COMMIT_SUFFIX={suffix}");
}
