//! The layering, checked: the pipeline modules under `src/` never print, never exit and
//! never reach up into the command layer (`src/commands/`), which alone reads the command
//! line, writes output and fails a run. (`.ci/run` also runs `modcycles.py` for import cycles.)

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The text of a file without its unit tests (which may print what they like).
fn code_of(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    match text.find("#[cfg(test)]") {
        Some(i) => text[..i].to_owned(),
        None => text,
    }
}

#[test]
fn pipeline_modules_do_not_print_exit_or_import_commands() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut checked = 0;
    let mut problems = Vec::new();
    for f in &files {
        let rel = f
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if rel.starts_with("commands/") || rel == "main.rs" {
            continue;
        }
        checked += 1;
        let code = code_of(f);
        for (i, line) in code.lines().enumerate() {
            let l = line.trim_start();
            if l.starts_with("//") {
                continue;
            }
            for bad in [
                "println!",
                "eprintln!",
                "print!(",
                "eprint!(",
                "std::process::exit",
                "crate::commands",
                "std::io::stdout",
                "std::io::stderr",
            ] {
                if l.contains(bad) {
                    problems.push(format!("src/{rel}:{}: {bad}", i + 1));
                }
            }
        }
    }
    assert!(checked > 20, "the pipeline modules were found ({checked})");
    assert_eq!(problems, Vec::<String>::new());
}
