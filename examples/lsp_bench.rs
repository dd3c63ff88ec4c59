//! Drives `isms lsp` over stdio on a repository made by `gen_repo` and prints its speed:
//! the time from opening one file to the whole repository judged and published, the time
//! from a one-character edit to its diagnostics (a reference made unknown, then fixed),
//! and the server's peak memory (Linux `VmHWM`).
//!
//! `cargo run --release --example lsp_bench -- target/release/isms DIR [EDITS]`

use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn read_message(r: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if r.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(n) = line.strip_prefix("Content-Length: ") {
            length = n.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    r.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

fn send(w: &mut impl Write, v: Value) {
    let body = v.to_string();
    write!(w, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
    w.flush().unwrap();
}

fn peak_kb(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse().ok())
        .unwrap_or(0)
}

/// CPU time of a process so far (user + system), from `/proc/PID/stat` in clock ticks
/// (100 a second on Linux): what an edit costs whatever else the machine runs.
fn cpu(pid: u32) -> Duration {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // Fields after the command name, which is in parentheses.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<u64> = rest
        .split_whitespace()
        .map(|x| x.parse().unwrap_or(0))
        .collect();
    let ticks = f.get(11).copied().unwrap_or(0) + f.get(12).copied().unwrap_or(0);
    Duration::from_millis(ticks * 10)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let mut args = std::env::args().skip(1);
    let bin = args.next().expect("usage: lsp_bench ISMS DIR [EDITS]");
    let dir = std::path::absolute(args.next().expect("usage: lsp_bench ISMS DIR [EDITS]")).unwrap();
    let edits: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(20);
    let mut child = Command::new(&bin)
        .args(["lsp", "--today", "2026-11-26"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let mut w = child.stdin.take().unwrap();
    let mut r = BufReader::new(child.stdout.take().unwrap());
    let next = |w: &mut std::process::ChildStdin, method: &str, params: Value| {
        send(
            w,
            json!({"jsonrpc": "2.0", "id": 1, "method": method, "params": params}),
        );
    };
    let root_uri = format!("file://{}", dir.display());
    next(
        &mut w,
        "initialize",
        json!({"processId": null, "rootUri": root_uri, "capabilities": {}}),
    );
    while read_message(&mut r).is_some_and(|m| m.get("result").is_none()) {}
    send(
        &mut w,
        json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}),
    );

    let path = dir.join("risks/R-000000.yaml");
    let uri = format!("file://{}", path.display());
    let text = std::fs::read_to_string(&path).unwrap();
    let start = Instant::now();
    send(
        &mut w,
        json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument":
            {"uri": uri, "languageId": "yaml", "version": 1, "text": text}}}),
    );
    // The server judges before it answers a request: the answer marks the first judgment.
    next(&mut w, "workspace/symbol", json!({"query": "\u{0}"}));
    while read_message(&mut r).is_some_and(|m| m.get("result").is_none()) {}
    let first = start.elapsed();

    // `controls: [C-000000]` → `[C-000009]`... a one-character edit to an unknown id and back.
    let typo = text.replace("controls: [C-000000]", "controls: [C-00000X]");
    assert_ne!(typo, text, "the generated risk names C-000000");
    let mut times = Vec::new();
    let cpu_before = cpu(pid);
    for i in 0..edits {
        let body = if i % 2 == 0 { &typo } else { &text };
        let t = Instant::now();
        send(
            &mut w,
            json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
                "textDocument": {"uri": uri, "version": i + 2}, "contentChanges": [{"text": body}]}}),
        );
        loop {
            let m = read_message(&mut r).expect("the server answers");
            if m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == json!(uri)
            {
                let n = m["params"]["diagnostics"].as_array().map_or(0, Vec::len);
                assert_eq!(n, usize::from(i % 2 == 0), "{m}");
                break;
            }
        }
        times.push(t.elapsed());
    }
    let cpu_per_edit = (cpu(pid) - cpu_before) / edits as u32;
    times.sort();
    let peak = peak_kb(pid);
    next(&mut w, "shutdown", Value::Null);
    while read_message(&mut r).is_some_and(|m| m.get("result").is_none()) {}
    send(&mut w, json!({"jsonrpc": "2.0", "method": "exit"}));
    child.wait().unwrap();
    println!(
        "first judgment {:.0} ms; one-character edit → diagnostics: median {:.1} ms, max {:.1} ms, CPU {:.0} ms an edit ({} edits); peak memory {} MB",
        ms(first),
        ms(times[times.len() / 2]),
        ms(*times.last().unwrap()),
        ms(cpu_per_edit),
        times.len(),
        peak / 1024
    );
}
