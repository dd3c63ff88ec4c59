//! The language server's work for one edit, in process, for a profiler (`perf record`,
//! `valgrind --tool=callgrind`): loads a repository made by `gen_repo` as `isms lsp` keeps
//! it, then re-judges EDITS one-character edits of one risk as the server does (the file
//! re-read, patched into the last workspace, judged). Prints the time of each stage.
//!
//! `cargo run --release --example lsp_edit_profile -- DIR [EDITS]`

use isms::workspace::Files;
use std::path::Path;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir =
        std::path::absolute(args.next().expect("usage: lsp_edit_profile DIR [EDITS]")).unwrap();
    let edits: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(20);
    let today = jiff::civil::date(2026, 11, 26);
    let none = |_: &Path| None::<String>;
    let mut files = Files::load(&dir, None, &none).unwrap();
    let rel = "risks/R-000000.yaml";
    let text = std::fs::read_to_string(dir.join(rel)).unwrap();
    let typo = text.replace("controls: [C-000000]", "controls: [C-00000X]");
    let mut judged = isms::judge::judge(files.workspace(), today);
    let mut total = std::time::Duration::ZERO;
    for i in 0..edits {
        let body = if i % 2 == 0 { &typo } else { &text };
        let t = Instant::now();
        let change = files.update(rel, body.clone()).unwrap();
        let mut ws = judged.ws;
        assert!(files.patch(&mut ws, &change));
        judged = isms::judge::rejudge(ws, judged.analysis, &[change.file()], today);
        total += t.elapsed();
        assert_eq!(judged.findings.len(), usize::from(i % 2 == 0));
    }
    println!(
        "{:.1} ms an edit ({edits} edits)",
        total.as_secs_f64() * 1000.0 / edits as f64
    );
    if std::env::var_os("STAGES").is_none() {
        return;
    }
    // The stages of one judgment, and each rule alone.
    let ws = &judged.ws;
    let catalogs = isms::catalog::catalogs();
    let reps = 10;
    let t = Instant::now();
    for _ in 0..reps {
        let a = isms::analysis::Analysis::new(&ws.model, &ws.config, catalogs);
        std::hint::black_box(&a);
    }
    println!(
        "analysis {:.2} ms",
        t.elapsed().as_secs_f64() * 1000.0 / reps as f64
    );
    let file = files.update(rel, text.clone()).unwrap().file();
    let mut previous = isms::analysis::Analysis::new(&ws.model, &ws.config, catalogs);
    let t = Instant::now();
    for _ in 0..reps {
        previous =
            isms::analysis::Analysis::patched(previous, &ws.model, &ws.config, catalogs, &[file]);
    }
    println!(
        "analysis patched {:.2} ms",
        t.elapsed().as_secs_f64() * 1000.0 / reps as f64
    );
    let cx = isms::rules::Context {
        model: &ws.model,
        config: &ws.config,
        config_file: ws.config_file,
        catalogs,
        today,
        analysis: &judged.analysis,
        root: &ws.root,
    };
    let t = Instant::now();
    for _ in 0..reps {
        std::hint::black_box(isms::rules::run(&cx));
    }
    println!(
        "rules {:.2} ms",
        t.elapsed().as_secs_f64() * 1000.0 / reps as f64
    );
    let t = Instant::now();
    for _ in 0..reps {
        let ws = files.workspace();
        std::hint::black_box(&ws);
    }
    println!(
        "workspace anew {:.2} ms",
        t.elapsed().as_secs_f64() * 1000.0 / reps as f64
    );
}
