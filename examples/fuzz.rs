//! A seeded, structure-aware mutation fuzzer for the load pipeline and the report builders
//! (`cargo fuzz` needs a nightly toolchain; this runs on stable).
//!
//! Each round takes company-example, mutates one or two of its files the ways people and
//! attackers break YAML — deleted and duplicated lines, shifted indentation and tabs, anchors
//! and aliases, tags, merge keys, huge scalars, NUL bytes, invalid UTF-8, CR and CRLF line
//! ends, numbers such as `1e400` and `.nan`, control and bidi characters, broken brackets and
//! document markers — then loads, judges and renders the result in every `isms check` format
//! in this process (bytes → findings), and every few rounds runs the binary's report builders
//! (`isms soa`, `isms risks`, `isms report`) on it. A panic, a crash of the binary or a round
//! that takes too long stops the run and leaves the input in `fuzz-crashes/` (to become a
//! regression fixture in tests/fuzz/ with its expected outcome).
//!
//!   cargo run --release --example fuzz -- [--seconds N] [--seed N] [--isms PATH]
//!
//! `.ci/fuzz.sh` runs it for about a minute with a seed from the date; a longer run is the
//! same command with `--seconds 3600`.

use isms::render::{self, Report};
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// A round (load, judge, five renderers) slower than this is a hang.
const ROUND_LIMIT: Duration = Duration::from_secs(20);
/// Every this many rounds, the report builders run through the binary.
const REPORTS_EVERY: u64 = 8;
/// A mutated file is cut to this size: compounding copies of a huge line would otherwise make
/// inputs of hundreds of megabytes, which are slow for being big, not for being hostile (the
/// linearity tests cover size).
const MAX_INPUT: usize = 2 * 1024 * 1024;

/// xorshift64*: small, seeded, the same sequence on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const SNIPPETS: &[&str] = &[
    "&a ",
    "*a",
    "!!str ",
    "!!int ",
    "!!binary ",
    "!custom ",
    "<<: *a",
    "<<: [*a, *b]",
    "? ",
    "- ",
    ": ",
    "[",
    "]",
    "{",
    "}",
    "\"",
    "'",
    "|",
    ">-",
    "#",
    "---",
    "...",
    "%YAML 1.2",
    "1e400",
    "-1e400",
    ".nan",
    ".inf",
    "-0",
    "3.0",
    "0x7fffffffffffffff",
    "99999999999999999999",
    "0o17",
    "~",
    "null",
    "yes",
    "2026-02-30",
    "2026-13-01",
    "\u{3000}",
    "：",
    "\u{202e}",
    "\u{1b}[31m",
    "\u{85}",
    "\u{feff}",
    "\t",
    "\\ud842\\udfb7",
    "\"\\ud842\\udfb7\"",
];

/// One mutation of a text, as bytes (some mutations leave UTF-8).
fn mutate(rng: &mut Rng, text: &[u8]) -> Vec<u8> {
    let lines: Vec<&[u8]> = text.split_inclusive(|&b| b == b'\n').collect();
    let mut lines: Vec<Vec<u8>> = lines.into_iter().map(<[u8]>::to_vec).collect();
    if lines.is_empty() {
        lines.push(Vec::new());
    }
    let i = rng.below(lines.len());
    match rng.below(16) {
        0 => {
            lines.remove(i);
        }
        1 => {
            let l = lines[i].clone();
            lines.insert(i, l);
        }
        2 => {
            let indents: [&[u8]; 3] = [b"  ", b"\t", b" "];
            let indent = *rng.pick(&indents);
            lines[i].splice(0..0, indent.iter().copied());
        }
        3 => {
            let n = lines[i].iter().take_while(|&&b| b == b' ').count();
            lines[i].drain(..n.min(2));
        }
        4 | 5 => {
            let at = rng.below(lines[i].len() + 1);
            let s = rng.pick(SNIPPETS).as_bytes();
            lines[i].splice(at..at, s.iter().copied());
        }
        6 => {
            // A huge scalar or a long line.
            let n = *rng.pick(&[1_000, 70_000, 300_000]);
            let at = lines[i].len().saturating_sub(1);
            lines[i].splice(at..at, std::iter::repeat_n(b'x', n));
        }
        7 => {
            let at = rng.below(lines[i].len() + 1);
            lines[i].insert(at, *rng.pick(&[0u8, 0xff, 0xc3, 0x80, 0x93]));
        }
        8 => {
            // Line ends: CR only, or CRLF.
            let ends: [&[u8]; 2] = [b"\r", b"\r\n"];
            let to = *rng.pick(&ends);
            for l in &mut lines {
                if l.last() == Some(&b'\n') {
                    l.pop();
                    l.extend_from_slice(to);
                }
            }
        }
        9 => {
            // An alias bomb of a few levels.
            let mut bomb = b"x0: &x0 [a, a, a, a, a, a, a, a]\n".to_vec();
            for k in 1..=rng.below(8) + 1 {
                let refs = vec![format!("*x{}", k - 1); 8].join(", ");
                bomb.extend(format!("x{k}: &x{k} [{refs}]\n").bytes());
            }
            lines.insert(i, bomb);
        }
        10 => {
            let depth = *rng.pick(&[10, 63, 64, 65, 1_000]);
            let nest = format!("deep: {}x{}\n", "[".repeat(depth), "]".repeat(depth));
            lines.insert(i, nest.into_bytes());
        }
        11 => {
            // Swap two lines.
            let j = rng.below(lines.len());
            lines.swap(i, j);
        }
        12 => lines.insert(i, b"---\n".to_vec()),
        13 => {
            // Many copies of one line: a mapping with many keys, many findings in one place.
            let l = lines[i].clone();
            for _ in 0..rng.below(500) {
                lines.insert(i, l.clone());
            }
        }
        14 => {
            // Replace a value with a number or a special scalar.
            if let Some(colon) = lines[i].iter().position(|&b| b == b':') {
                let v = rng.pick(&["1e400", ".nan", "3.0", "-1", "0", "2.5", "[]", "{}", "~"]);
                lines[i].truncate(colon + 1);
                lines[i].extend(format!(" {v}\n").bytes());
            }
        }
        _ => {
            let cut = rng.below(lines[i].len() + 1);
            lines[i].truncate(cut);
        }
    }
    lines.concat()
}

fn read_repo(root: &Path) -> Vec<(String, Vec<u8>)> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap())
            .collect();
        entries.sort_by_key(std::fs::DirEntry::path);
        for e in entries {
            let p = e.path();
            if p.is_dir() {
                walk(root, &p, out);
            } else {
                let rel = p
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((rel, std::fs::read(&p).unwrap()));
            }
        }
    }
    let mut out = Vec::new();
    walk(root, root, &mut out);
    out
}

/// Load, judge and render in every check format and every report: what a panic anywhere
/// would show.
fn pipeline(files: Vec<(String, Vec<u8>)>, xlsx: bool) -> usize {
    let mut config = Vec::new();
    let mut rest = Vec::new();
    for (rel, bytes) in files {
        if rel == "isms.yaml" {
            config = bytes;
        } else {
            rest.push((rel, bytes));
        }
    }
    let today = jiff::civil::date(2026, 11, 26);
    let Ok(ws) = isms::workspace::load_files(PathBuf::from("fuzz"), config, rest, None) else {
        return 0;
    };
    let j = isms::judge::judge(ws, today);
    let report = Report {
        findings: &j.findings,
        sources: &j.ws.sources,
        files: j.ws.sources.len() - j.ws.unread.len(),
        unread: &j.ws.unread,
        entities: j.ws.model.entity_count(),
        lang: j.ws.lang,
        name: None,
        count_line: true,
    };
    let mut n = render::human::render(&report, false, None).len();
    n += render::human::render(&report, true, Some(80)).len();
    n += render::concise::render(&report).len();
    n += render::json::render(&report).len();
    n += render::sarif::render(&report, "").len();
    n += render::github::render(&report, "").len();
    n + report_builders(&j, xlsx)
}

/// The schema stage validates the YAML tree itself and copies it to JSON only for the
/// errors: on every document of the mutated files, both get the same verdict.
fn agreement(files: &[(String, Vec<u8>)], changed: &[String]) {
    for (rel, bytes) in files.iter().filter(|(rel, _)| changed.contains(rel)) {
        let Ok(text) = std::str::from_utf8(bytes) else {
            continue;
        };
        let (docs, _) = isms::yaml::parse(isms::source::FileId(0), text);
        for doc in &docs {
            if let Some(schema) = isms::schema::disagreement(&doc.root) {
                panic!("{rel}: the tree and its JSON copy get different verdicts from {schema}");
            }
        }
    }
}

/// Every report builder in every format, as the report commands call them: the SoA of each
/// framework, the risk, asset and documents registers, the HTML report, and `isms show` of
/// every id in text and JSON. Workbooks only when `xlsx` (they are the slow ones).
fn report_builders(j: &isms::judge::Judged, xlsx: bool) -> usize {
    use isms::report::format::{self, Format, status};
    use isms::report::{AsOf, assets, overview, risks, soa, trace};
    let formats: &[Format] = if xlsx {
        &[
            Format::Md,
            Format::Html,
            Format::Csv,
            Format::Json,
            Format::Xlsx,
        ]
    } else {
        &[Format::Md, Format::Html, Format::Csv, Format::Json]
    };
    let len = |r: Result<Vec<u8>, format::WriteError>| r.map_or(0, |b| b.len());
    let cats = isms::catalog::catalogs();
    let as_of = AsOf {
        today: "2026-11-26".into(),
        ..AsOf::default()
    };
    let mut n = 0;
    for framework in overview::frameworks(j, cats) {
        let mut t = soa::build(j, framework);
        t.as_of = as_of.clone();
        n += formats
            .iter()
            .map(|&f| len(format::soa(&t, f)))
            .sum::<usize>();
    }
    let mut r = risks::build(j);
    r.as_of = as_of.clone();
    n += formats
        .iter()
        .map(|&f| len(format::risks(&r, f)))
        .sum::<usize>();
    let mut a = assets::build(j);
    a.as_of = as_of.clone();
    n += formats
        .iter()
        .map(|&f| len(format::assets(&a, f)))
        .sum::<usize>();
    let mut s = isms::report::status::build(j, cats);
    s.as_of = as_of.clone();
    n += status::documents_md(&s).len() + status::documents_html(&s).len();
    n += status::documents_json(&s).len() + len(status::documents_csv(&s));
    if xlsx {
        n += len(status::documents_xlsx(&s));
    }
    let mut o = overview::build(j, cats);
    o.set_as_of(&as_of);
    n += format::html::report(&o).len();
    let sources = trace::Sources::new(&o, &a);
    for id in sources.ids() {
        if let Some(node) = sources.show(&id) {
            n += trace::text(&node, j.ws.lang).len();
            n += serde_json::to_string_pretty(&node).map_or(0, |t| t.len());
        }
    }
    n
}

/// The report builders, through the binary: `None` when all ran, else what went wrong.
fn reports(isms: &Path, files: &[(String, Vec<u8>)], dir: &Path, worst: i32) -> Option<String> {
    let _ = std::fs::remove_dir_all(dir);
    for (rel, bytes) in files {
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }
    let out = dir.join("out");
    // The command layer (loading, refusing, writing -o); every format is built in-process
    // by `report_builders`. Each exits 0 on company-example itself (checked at the start).
    let runs: [&[&str]; 7] = [
        &["soa", "--format", "md"],
        &["soa", "--format", "xlsx", "-o"],
        &["risks", "--format", "csv"],
        &["documents", "--format", "html"],
        &["assets", "--format", "json"],
        &["report", "-o"],
        &["show", "R-001", "--format", "json"],
    ];
    for args in runs {
        let mut c = std::process::Command::new(isms);
        c.args(args);
        if args.last() == Some(&"-o") {
            c.arg(&out);
        }
        c.args(["--today", "2026-11-26"]).arg(dir);
        let o = c.output().ok()?;
        let stderr = String::from_utf8_lossy(&o.stderr);
        if o.status.code().is_none_or(|c| c > worst) || stderr.contains("panicked") {
            return Some(format!("isms {}: {:?}\n{stderr}", args.join(" "), o.status));
        }
    }
    None
}

fn save(
    files: &[(String, Vec<u8>)],
    changed: &[String],
    why: &str,
    seed: u64,
    round: u64,
) -> PathBuf {
    let dir = PathBuf::from(format!("fuzz-crashes/seed-{seed}-round-{round}"));
    for (rel, bytes) in files {
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }
    std::fs::write(
        dir.join("CRASH.txt"),
        format!("{why}\nmutated: {}\n", changed.join(", ")),
    )
    .unwrap();
    dir
}

fn main() {
    let mut seconds = 60u64;
    let mut seed = 1u64;
    let mut isms_bin: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().expect("a value after the option");
        match a.as_str() {
            "--seconds" => seconds = value().parse().expect("--seconds N"),
            "--seed" => seed = value().parse().expect("--seed N"),
            "--isms" => isms_bin = Some(PathBuf::from(value())),
            _ => panic!("usage: fuzz [--seconds N] [--seed N] [--isms PATH]"),
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let base = read_repo(&root.join("company-example"));
    let isms_bin = isms_bin.unwrap_or_else(|| {
        let profile = if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        };
        root.join("target").join(profile).join("isms")
    });
    let scratch = std::env::temp_dir().join(format!("isms-fuzz-{}", std::process::id()));
    // Panics are caught and reported below; the default hook would print each one twice.
    std::panic::set_hook(Box::new(|_| {}));
    // The runs are what they mean to be: each succeeds on the unmutated example.
    if isms_bin.exists() {
        if let Some(why) = reports(&isms_bin, &base, &scratch, 0) {
            eprintln!("fuzz: the report runs fail on company-example itself: {why}");
            std::process::exit(1);
        }
    }
    let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let start = Instant::now();
    let mut round = 0u64;
    let mut report_runs = 0u64;
    while start.elapsed() < Duration::from_secs(seconds) {
        round += 1;
        let mut files = base.clone();
        let mut changed = Vec::new();
        for _ in 0..rng.below(2) + 1 {
            let k = rng.below(files.len());
            let mut bytes = files[k].1.clone();
            for _ in 0..rng.below(4) + 1 {
                bytes = mutate(&mut rng, &bytes);
                bytes.truncate(MAX_INPUT);
            }
            files[k].1 = bytes;
            changed.push(files[k].0.clone());
        }
        let (tx, rx) = mpsc::channel();
        let input = files.clone();
        let xlsx = round % REPORTS_EVERY == 0;
        let mutated = changed.clone();
        std::thread::spawn(move || {
            let r = std::panic::catch_unwind(AssertUnwindSafe(|| {
                agreement(&input, &mutated);
                pipeline(input, xlsx)
            }));
            let _ = tx.send(r.map_err(|e| {
                e.downcast_ref::<String>()
                    .cloned()
                    .or_else(|| e.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                    .unwrap_or_default()
            }));
        });
        let why = match rx.recv_timeout(ROUND_LIMIT) {
            Ok(Ok(_)) => None,
            Ok(Err(panic)) => Some(format!("panic: {panic}")),
            Err(_) => Some(format!("hang: no result after {ROUND_LIMIT:?}")),
        };
        let why = why.or_else(|| {
            (round % REPORTS_EVERY == 0 && isms_bin.exists()).then(|| {
                report_runs += 1;
                reports(&isms_bin, &files, &scratch, 2)
            })?
        });
        if let Some(why) = why {
            let dir = save(&files, &changed, &why, seed, round);
            eprintln!("fuzz: {why}\n  input kept in {}", dir.display());
            let _ = std::fs::remove_dir_all(&scratch);
            std::process::exit(1);
        }
    }
    let _ = std::fs::remove_dir_all(&scratch);
    println!(
        "fuzz: seed {seed}, {round} rounds in {}s ({report_runs} through the report builders): no panic, no hang",
        start.elapsed().as_secs()
    );
}
