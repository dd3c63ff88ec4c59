//! The commands agree: over every fixture repository (company-example, each folder of
//! tests/fixtures with an isms.yaml, and every tests/rules/<family>/<problem>/{fires,passes}
//! overlay on tests/fixtures/base), what `isms check` reports about the SoA and the risks
//! is exactly what `isms soa`, `isms risks` and `isms report` show.
//!
//! - `soa/missing` names exactly the rows `isms soa` decides `undecided`, in the frameworks
//!   of `frameworks:`; `soa/contradiction` exactly the `contradictory` rows (with the
//!   controls the row lists); `soa/included-without-control` exactly the
//!   `included-without-control` rows; `applicable` is null exactly on undecided and
//!   contradictory rows.
//! - `risk/untreated`, `risk/residual-above-appetite` and `risk/accepted-above-appetite`
//!   name exactly the register rows whose band or level, residual level or accepted level say so,
//!   with the same numbers, against `risk.acceptable` read from isms.yaml; each
//!   `risk/treatment-unapproved` names a register row above the appetite whose treatment
//!   has no approval by the owner it shows.
//! - `isms report` exits as `isms soa` does (with and without `--strict`), has one SoA
//!   section per framework, and each row's class is the decision `isms soa` gives it.
//!
//! The repositories are independent: they are split over two threads. A disagreement is a
//! bug in the commands, not in this test: every assertion names the repository.

mod common;

use common::*;
use scraper::{Html, Selector};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;

/// One repository under test; `_tmp` keeps an overlay's temporary folder alive.
struct Repo {
    name: String,
    path: PathBuf,
    _tmp: Option<tempfile::TempDir>,
}

fn repositories() -> Vec<Repo> {
    let mut repos = vec![Repo {
        name: "company-example".into(),
        path: root().join("company-example"),
        _tmp: None,
    }];
    let mut fixtures: Vec<PathBuf> = std::fs::read_dir(root().join("tests/fixtures"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("isms.yaml").is_file())
        .collect();
    fixtures.sort();
    for p in fixtures {
        repos.push(Repo {
            name: format!(
                "tests/fixtures/{}",
                p.file_name().unwrap().to_str().unwrap()
            ),
            path: p,
            _tmp: None,
        });
    }
    let mut overlays = Vec::new();
    for family in std::fs::read_dir(root().join("tests/rules")).unwrap() {
        let family = family.unwrap().path();
        for problem in std::fs::read_dir(&family).unwrap() {
            let problem = problem.unwrap().path();
            for case in ["fires", "passes"] {
                if problem.join(case).is_dir() {
                    overlays.push(problem.join(case));
                }
            }
        }
    }
    overlays.sort();
    for o in overlays {
        let rel = o.strip_prefix(root()).unwrap().display().to_string();
        let tmp = repo_with(Some(&o));
        repos.push(Repo {
            name: format!("{rel} (on tests/fixtures/base)"),
            path: tmp.path().to_path_buf(),
            _tmp: Some(tmp),
        });
    }
    repos
}

/// What the test reads from isms.yaml, by a line parse.
#[derive(Debug, Default)]
struct Config {
    frameworks: Vec<String>,
    acceptable: i64,
    /// Rules turned `off` under `rules:`.
    off: Vec<String>,
}

fn unquote(s: &str) -> String {
    s.trim().trim_matches(|c| c == '"' || c == '\'').to_owned()
}

/// The entries of a flow sequence or mapping, `[a, b]` or `{a: 1, b: 2}`.
fn flow_items(s: &str) -> Vec<String> {
    s.trim()
        .trim_start_matches(['[', '{'])
        .trim_end_matches([']', '}'])
        .split(',')
        .map(unquote)
        .filter(|x| !x.is_empty())
        .collect()
}

fn key_value(s: &str) -> Option<(String, String)> {
    let (k, v) = s.split_once(':')?;
    Some((unquote(k), unquote(v)))
}

fn read_config(repo: &Path) -> Config {
    let text = std::fs::read_to_string(repo.join("isms.yaml")).unwrap();
    let mut c = Config {
        acceptable: 2,
        ..Config::default()
    };
    let mut section = String::new();
    for raw in text.lines() {
        let line = raw.split(" #").next().unwrap().trim_end();
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let indented = line.starts_with([' ', '\t']);
        if !indented {
            let Some((key, rest)) = line.split_once(':') else {
                continue;
            };
            section = key.trim().to_owned();
            let rest = rest.trim();
            match section.as_str() {
                "frameworks" if !rest.is_empty() => c.frameworks = flow_items(rest),
                "risk" if rest.contains("acceptable") => {
                    for (k, v) in flow_items(rest).iter().filter_map(|i| key_value(i)) {
                        if k == "acceptable" {
                            c.acceptable = v.parse().unwrap();
                        }
                    }
                }
                "rules" if !rest.is_empty() => {
                    for (k, v) in flow_items(rest).iter().filter_map(|i| key_value(i)) {
                        if v == "off" {
                            c.off.push(k);
                        }
                    }
                }
                _ => {}
            }
            continue;
        }
        let item = line.trim();
        match section.as_str() {
            "frameworks" => {
                if let Some(f) = item.strip_prefix("- ") {
                    c.frameworks.push(unquote(f));
                }
            }
            "risk" => {
                if let Some(v) = item.strip_prefix("acceptable:") {
                    c.acceptable = v.trim().parse().unwrap();
                }
            }
            "rules" => {
                if let Some((k, v)) = key_value(item) {
                    if v == "off" {
                        c.off.push(k);
                    }
                }
            }
            _ => {}
        }
    }
    c
}

/// The `framework:` of the YAML document of `file` that holds `line` (1-based).
fn framework_at(repo: &Path, file: &str, line: u64) -> Option<String> {
    let text = std::fs::read_to_string(repo.join(file)).ok()?;
    let lines: Vec<&str> = text.lines().collect();
    let at = usize::try_from(line).ok()?.checked_sub(1)?;
    let start = (0..=at.min(lines.len().saturating_sub(1)))
        .rev()
        .find(|&i| lines[i].starts_with("---"))
        .map_or(0, |i| i + 1);
    lines[start..]
        .iter()
        .take_while(|l| !l.starts_with("---"))
        .find_map(|l| l.strip_prefix("framework:"))
        .map(|v| unquote(v.split(" #").next().unwrap()))
}

fn exit(out: &Output) -> i32 {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    out.status.code().unwrap()
}

/// `isms ARGS... --today TODAY PATH`.
fn isms(args: &[&str], path: &Path) -> Output {
    bin()
        .args(args)
        .args(["--today", TODAY])
        .arg(path)
        .output()
        .unwrap()
}

/// The built-in frameworks, as `isms soa` names them when refusing an unknown one.
fn builtin_frameworks() -> Vec<String> {
    let out = isms(
        &["soa", "--framework", "no-such-framework"],
        &fixture("base"),
    );
    assert_eq!(exit(&out), 2, "an unknown framework is a usage error");
    let stderr = String::from_utf8(out.stderr).unwrap();
    let list = stderr
        .split("the built-in ones are: ")
        .nth(1)
        .unwrap_or_else(|| panic!("no list of frameworks in: {stderr}"));
    let names: Vec<String> = list.trim().split(", ").map(str::to_owned).collect();
    assert!(names.len() >= 2, "{names:?}");
    names
}

/// A multiset of strings: the order findings and rows come in does not matter, their
/// number does (an id defined twice is two rows and two findings).
fn bag(items: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut v: Vec<String> = items.into_iter().collect();
    v.sort();
    v
}

/// The id after `risk ` in an English risk message: `risk R-001 is high …`,
/// `the residual level of risk R-1 is 3, …`.
fn risk_id(message: &str) -> String {
    let rest = message
        .split_once("risk ")
        .unwrap_or_else(|| panic!("no risk id in `{message}`"))
        .1;
    rest.split([' ', ',']).next().unwrap().to_owned()
}

/// The integer that follows `word ` in a message.
fn number_after(message: &str, word: &str) -> i64 {
    let rest = message
        .split_once(word)
        .unwrap_or_else(|| panic!("no `{word}` in `{message}`"))
        .1;
    rest.trim_start()
        .split(|c: char| !c.is_ascii_digit())
        .next()
        .unwrap()
        .parse()
        .unwrap_or_else(|_| panic!("no number after `{word}` in `{message}`"))
}

#[derive(Default)]
struct Tally {
    repos: usize,
    /// Every single comparison made: a row against the findings, a finding against a row,
    /// an HTML row against a JSON row, an exit code against another.
    comparisons: usize,
    undecided: usize,
    contradictory: usize,
    included_without_control: usize,
    untreated: usize,
    residual: usize,
    accepted: usize,
    html_rows: usize,
    /// Repositories with at least one row or finding of each kind.
    repos_undecided: usize,
    repos_contradictory: usize,
    repos_included: usize,
    repos_untreated: usize,
    repos_residual: usize,
    repos_accepted: usize,
}

impl Tally {
    fn add(&mut self, o: &Tally) {
        self.repos += o.repos;
        self.comparisons += o.comparisons;
        self.undecided += o.undecided;
        self.contradictory += o.contradictory;
        self.included_without_control += o.included_without_control;
        self.untreated += o.untreated;
        self.residual += o.residual;
        self.accepted += o.accepted;
        self.html_rows += o.html_rows;
        self.repos_undecided += o.repos_undecided;
        self.repos_contradictory += o.repos_contradictory;
        self.repos_included += o.repos_included;
        self.repos_untreated += o.repos_untreated;
        self.repos_residual += o.repos_residual;
        self.repos_accepted += o.repos_accepted;
    }
}

fn findings_of<'a>(check: &'a Value, code: &'a str) -> impl Iterator<Item = &'a Value> {
    check["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(move |f| f["code"] == code)
}

fn message(f: &Value) -> &str {
    f["message"].as_str().unwrap()
}

fn html_class(decision: &str) -> &'static str {
    match decision {
        "applied" | "included-without-control" => "d-applied",
        "excluded" => "d-excluded",
        "undecided" => "d-undecided",
        "contradictory" => "d-contradictory",
        other => panic!("unknown decision `{other}`"),
    }
}

fn agree(repo: &Repo, builtins: &[String]) -> Tally {
    let name = repo.name.as_str();
    let path = repo.path.as_path();
    let config = read_config(path);
    let mut t = Tally {
        repos: 1,
        ..Tally::default()
    };

    // isms check.
    let (check, check_exit) = check_json(path, &["--lang", "en"]);
    let errors = check["summary"]["errors"].as_u64().unwrap();
    let strict_exit = i32::from(errors > 0);

    // Frameworks of isms.yaml the binary does not know: `isms soa` refuses them.
    for f in config.frameworks.iter().filter(|f| !builtins.contains(f)) {
        let out = isms(&["soa", "--format", "json", "--framework", f], path);
        assert_eq!(exit(&out), 2, "{name}: isms soa --framework {f} (unknown)");
        t.comparisons += 1;
    }
    let listed: Vec<&String> = {
        let mut v: Vec<&String> = Vec::new();
        for f in config.frameworks.iter().filter(|f| builtins.contains(f)) {
            if !v.contains(&f) {
                v.push(f);
            }
        }
        v
    };

    // isms soa, for every built-in framework: contradictions and inclusions are judged in
    // every framework that has a `kind: soa` document, listed or not.
    let mut soas: BTreeMap<String, Value> = BTreeMap::new();
    let mut soa_exits = Vec::new();
    for f in builtins {
        let out = isms(&["soa", "--format", "json", "--framework", f], path);
        let code = exit(&out);
        soa_exits.push(code);
        if code == 0 {
            soas.insert(f.clone(), serde_json::from_slice(&out.stdout).unwrap());
        }
    }
    let risks_out = isms(&["risks", "--format", "json"], path);
    let risks_exit = exit(&risks_out);
    let html_file = tempfile::Builder::new().suffix(".html").tempfile().unwrap();
    let report_out = bin()
        .args(["report", "--today", TODAY, "-o"])
        .arg(html_file.path())
        .arg(path)
        .output()
        .unwrap();
    let report_exit = exit(&report_out);

    // The report commands load the repository alike: all write (0), or all refuse (2, a
    // file could not be read).
    for (what, code) in builtins
        .iter()
        .map(|f| format!("isms soa --framework {f}"))
        .zip(&soa_exits)
        .chain([("isms risks".to_owned(), &risks_exit)])
    {
        assert_eq!(
            *code, report_exit,
            "{name}: {what} and isms report exit alike"
        );
        t.comparisons += 1;
    }
    assert!(
        report_exit == 0 || report_exit == 2,
        "{name}: isms report exits {report_exit}"
    );
    // With --strict, both refuse exactly when `isms check` finds errors.
    if report_exit == 0 {
        let strict_html = tempfile::Builder::new().suffix(".html").tempfile().unwrap();
        let report_strict = bin()
            .args(["report", "--strict", "--today", TODAY, "-o"])
            .arg(strict_html.path())
            .arg(path)
            .output()
            .unwrap();
        let soa_strict = isms(
            &[
                "soa",
                "--strict",
                "--format",
                "json",
                "--framework",
                &builtins[0],
            ],
            path,
        );
        assert_eq!(
            exit(&report_strict),
            strict_exit,
            "{name}: isms report --strict against isms check's {errors} error(s)"
        );
        assert_eq!(
            exit(&soa_strict),
            exit(&report_strict),
            "{name}: isms soa --strict and isms report --strict"
        );
        assert_eq!(
            check_exit,
            i32::from(errors > 0),
            "{name}: isms check's exit and its errors"
        );
        t.comparisons += 3;
    } else {
        // Nothing else to compare: no report was written.
        return t;
    }

    // 2. The SoA.
    let soa_id = |f: &Value, which: &str| -> (String, String) {
        let m = message(f);
        let mut words = m.splitn(3, ' ');
        let (fw, id) = (words.next().unwrap(), words.next().unwrap());
        assert!(
            m.contains(which),
            "{name}: {} message `{m}`",
            f["code"].as_str().unwrap()
        );
        (fw.to_owned(), id.to_owned())
    };
    let missing = bag(findings_of(&check, "soa/missing").map(|f| {
        let (fw, id) = soa_id(f, ") is neither applied nor excluded");
        format!("{fw} {id}")
    }));
    let included = bag(
        findings_of(&check, "soa/included-without-control").map(|f| {
            let (fw, id) = soa_id(f, " is applicable, but no control implements it");
            format!("{fw} {id}")
        }),
    );
    let mut contradiction_controls: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let contradictions = bag(findings_of(&check, "soa/contradiction").map(|f| {
        let m = message(f);
        let (x, _) = m
            .split_once(" is excluded, but ")
            .unwrap_or_else(|| panic!("{name}: soa/contradiction message `{m}`"));
        let file = f["file"].as_str().unwrap();
        let line = f["line"].as_u64().unwrap();
        let fw = framework_at(path, file, line).unwrap_or_else(|| {
            panic!("{name}: soa/contradiction at {file}:{line} is in no `kind: soa` document")
        });
        let key = format!("{fw} {x}");
        let controls = f["related"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|r| r["message"].as_str()?.strip_prefix("mapped by control "))
            .map(str::to_owned);
        contradiction_controls
            .entry(key.clone())
            .or_default()
            .extend(controls);
        key
    }));

    let rows_where = |frameworks: &[&String], decision: &str| -> Vec<String> {
        bag(frameworks.iter().flat_map(|f| {
            soas[f.as_str()]["rows"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|r| r["decision"] == decision)
                .map(|r| format!("{f} {}", r["id"].as_str().unwrap()))
                .collect::<Vec<_>>()
        }))
    };
    let all: Vec<&String> = builtins.iter().collect();
    let undecided = rows_where(&listed, "undecided");
    assert_eq!(
        missing, undecided,
        "{name}: soa/missing findings (left) against the rows isms soa decides undecided (right)"
    );
    let contradictory = rows_where(&all, "contradictory");
    assert_eq!(
        contradictions, contradictory,
        "{name}: soa/contradiction findings (left) against the contradictory rows of isms soa (right)"
    );
    let without = rows_where(&all, "included-without-control");
    assert_eq!(
        included, without,
        "{name}: soa/included-without-control findings (left) against the rows isms soa decides so (right)"
    );
    t.comparisons += missing.len() + contradictions.len() + included.len();
    t.undecided += undecided.len();
    t.contradictory += contradictory.len();
    t.included_without_control += without.len();
    t.repos_undecided += usize::from(!undecided.is_empty());
    t.repos_contradictory += usize::from(!contradictory.is_empty());
    t.repos_included += usize::from(!without.is_empty());

    for (f, soa) in &soas {
        let rows = soa["rows"].as_array().unwrap();
        assert!(
            !rows.is_empty(),
            "{name}: isms soa --framework {f} has rows"
        );
        for r in rows {
            let id = r["id"].as_str().unwrap();
            let decision = r["decision"].as_str().unwrap();
            let open = matches!(decision, "undecided" | "contradictory");
            assert_eq!(
                r["applicable"].is_null(),
                open,
                "{name}: isms soa --framework {f}, row {id}: applicable {} with decision {decision}",
                r["applicable"]
            );
            t.comparisons += 1;
            if decision == "contradictory" {
                let key = format!("{f} {id}");
                let mut listed_controls: Vec<String> = r["controls"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|c| c.as_str().unwrap().to_owned())
                    .collect();
                listed_controls.sort();
                let mut named = contradiction_controls
                    .get(&key)
                    .cloned()
                    .unwrap_or_default();
                named.sort();
                named.dedup();
                assert_eq!(
                    named, listed_controls,
                    "{name}: the controls soa/contradiction names for {key} (left) against the row's controls in isms soa (right)"
                );
                t.comparisons += 1;
            }
        }
    }

    // 4. The report's SoA sections: one per framework of `frameworks:` (else per `kind: soa`
    // document), each row classed by the decision isms soa gives it.
    let html = std::fs::read_to_string(html_file.path()).unwrap();
    let doc = Html::parse_document(&html);
    let sections = Selector::parse("section[id^=\"soa-\"]").unwrap();
    let mut shown: Vec<String> = doc
        .select(&sections)
        .map(|s| s.value().id().unwrap()["soa-".len()..].to_owned())
        .collect();
    shown.sort();
    let mut expected: Vec<String> = if listed.is_empty() {
        soas.iter()
            .filter(|(_, s)| s["declared"] == true)
            .map(|(f, _)| f.clone())
            .collect()
    } else {
        listed.iter().map(|f| (*f).clone()).collect()
    };
    expected.sort();
    assert_eq!(shown, expected, "{name}: the SoA sections of isms report");
    t.comparisons += 1;
    let rows_sel = Selector::parse("table.soa tbody tr[id]:not(.trace)").unwrap();
    for f in &shown {
        let sel = Selector::parse(&format!("section[id=\"soa-{f}\"]")).unwrap();
        let section = doc.select(&sel).next().unwrap();
        let json_rows = soas[f]["rows"].as_array().unwrap();
        let html_rows: Vec<(String, String)> = section
            .select(&rows_sel)
            .map(|tr| {
                let v = tr.value();
                (
                    v.id().unwrap().to_owned(),
                    v.attr("class").unwrap_or("").to_owned(),
                )
            })
            .collect();
        let html_undecided = html_rows
            .iter()
            .filter(|(_, c)| c.split(' ').any(|c| c == "d-undecided"))
            .count();
        let json_undecided = json_rows
            .iter()
            .filter(|r| r["decision"] == "undecided")
            .count();
        assert_eq!(
            html_undecided, json_undecided,
            "{name}: undecided rows of {f} in isms report (left) and isms soa (right)"
        );
        assert_eq!(
            html_rows.len(),
            json_rows.len(),
            "{name}: rows of {f} in isms report (left) and isms soa (right)"
        );
        t.comparisons += 2;
        for ((html_id, class), r) in html_rows.iter().zip(json_rows) {
            let id = r["id"].as_str().unwrap();
            assert_eq!(
                html_id,
                &format!("soa-{f}-{id}"),
                "{name}: row order of {f} in isms report"
            );
            let want = html_class(r["decision"].as_str().unwrap());
            assert!(
                class.split(' ').any(|c| c == want),
                "{name}: isms report row {f} {id} has class `{class}`, isms soa decides {} ({want})",
                r["decision"]
            );
            t.comparisons += 1;
            t.html_rows += 1;
        }
    }

    // 3. The risks.
    let register: Value = serde_json::from_slice(&risks_out.stdout).unwrap();
    let appetite = config.acceptable;
    assert_eq!(
        register["method"]["acceptable"], appetite,
        "{name}: the appetite isms risks states against risk.acceptable of isms.yaml"
    );
    t.comparisons += 1;
    let rows: Vec<&Value> = register["risks"]
        .as_array()
        .unwrap()
        .iter()
        // A risk without an id has one finding, the schema's.
        .filter(|r| r["id"].as_str().is_some_and(|id| !id.is_empty()))
        .collect();
    let by_id = |id: &str| -> Vec<&Value> {
        rows.iter()
            .copied()
            .filter(|r| r["id"].as_str() == Some(id))
            .collect()
    };
    let expect = |code: &str, rows: Vec<String>| -> Vec<String> {
        if config.off.iter().any(|c| c == code) {
            Vec::new()
        } else {
            bag(rows)
        }
    };
    let id_of = |r: &&Value| r["id"].as_str().unwrap().to_owned();
    let accepted = |r: &Value| r["treatment"] == "accept";

    // risk/untreated: no treatment, and band high or the level above the appetite.
    let unaccepted =
        |r: &Value| r["band"] == "high" || r["level"].as_i64().is_some_and(|l| l > appetite);
    let untreated_findings = bag(findings_of(&check, "risk/untreated").map(|f| {
        let m = message(f);
        let id = risk_id(m);
        let level = number_after(m, "(level ");
        assert!(
            by_id(&id)
                .iter()
                .any(|r| unaccepted(r) && r["treatment"].is_null() && r["level"] == level),
            "{name}: risk/untreated `{m}`: isms risks shows {:?}",
            by_id(&id)
        );
        id
    }));
    let untreated_rows = expect(
        "risk/untreated",
        rows.iter()
            .filter(|r| unaccepted(r) && r["treatment"].is_null())
            .map(id_of)
            .collect(),
    );
    assert_eq!(
        untreated_findings, untreated_rows,
        "{name}: risk/untreated findings (left) against the rows above the appetite or high without treatment of isms risks (right)"
    );

    // risk/residual-above-appetite: the residual level exceeds the appetite (an accepted
    // risk's residual is accepted: accepted-above-appetite judges it).
    let residual_findings = bag(
        findings_of(&check, "risk/residual-above-appetite").map(|f| {
            let m = message(f);
            let id = risk_id(m);
            let level = number_after(m, " is ");
            assert_eq!(
                number_after(m, "appetite of "),
                appetite,
                "{name}: `{m}` against risk.acceptable"
            );
            assert!(
                level > appetite
                    && by_id(&id)
                        .iter()
                        .any(|r| r["residual"]["level"] == level && !accepted(r)),
                "{name}: risk/residual-above-appetite `{m}`: isms risks shows {:?}",
                by_id(&id)
            );
            id
        }),
    );
    let residual_rows = expect(
        "risk/residual-above-appetite",
        rows.iter()
            .filter(|r| {
                r["residual"]["level"]
                    .as_i64()
                    .is_some_and(|l| l > appetite)
                    && !accepted(r)
            })
            .map(id_of)
            .collect(),
    );
    assert_eq!(
        residual_findings, residual_rows,
        "{name}: risk/residual-above-appetite findings (left) against the register's residual levels above {appetite} (right)"
    );

    // risk/accepted-above-appetite: accepted at a level above the appetite.
    let accepted_findings = bag(
        findings_of(&check, "risk/accepted-above-appetite").map(|f| {
            let m = message(f);
            let id = risk_id(m);
            let level = number_after(m, "at level ");
            assert_eq!(
                number_after(m, "appetite of "),
                appetite,
                "{name}: `{m}` against risk.acceptable"
            );
            assert!(
                level > appetite
                    && by_id(&id)
                        .iter()
                        .any(|r| r["level"] == level && accepted(r)),
                "{name}: risk/accepted-above-appetite `{m}`: isms risks shows {:?}",
                by_id(&id)
            );
            id
        }),
    );
    let accepted_rows = expect(
        "risk/accepted-above-appetite",
        rows.iter()
            .filter(|r| accepted(r) && r["level"].as_i64().is_some_and(|l| l > appetite))
            .map(id_of)
            .collect(),
    );
    assert_eq!(
        accepted_findings, accepted_rows,
        "{name}: risk/accepted-above-appetite findings (left) against the register's accepted levels above {appetite} (right)"
    );

    // risk/treatment-unapproved: the register shows a treatment, other than an acceptance,
    // of a risk above the appetite, without the approval of the risk owner it names.
    let unapproved = findings_of(&check, "risk/treatment-unapproved").count();
    for f in findings_of(&check, "risk/treatment-unapproved") {
        let m = message(f);
        let id = risk_id(m);
        assert!(
            by_id(&id).iter().any(|r| {
                r["level"].as_i64().is_some_and(|l| l > appetite)
                    && !r["treatment"].is_null()
                    && !accepted(r)
                    && (r["approval"].is_null()
                        || r["approval"]["by"] != r["owner"]
                        || r["approval"]["on"].is_null())
            }),
            "{name}: risk/treatment-unapproved `{m}`: isms risks shows {:?}",
            by_id(&id)
        );
    }

    t.comparisons += 3 * rows.len()
        + unapproved
        + untreated_findings.len()
        + residual_findings.len()
        + accepted_findings.len();
    t.untreated += untreated_rows.len();
    t.residual += residual_rows.len();
    t.accepted += accepted_rows.len();
    t.repos_untreated += usize::from(!untreated_rows.is_empty());
    t.repos_residual += usize::from(!residual_rows.is_empty());
    t.repos_accepted += usize::from(!accepted_rows.is_empty());
    t
}

#[test]
fn check_soa_risks_and_report_agree_on_every_fixture_repository() {
    let builtins = builtin_frameworks();
    let repos = repositories();
    assert!(repos.len() > 40, "{} repositories", repos.len());
    // Two cores: two threads, each a share of the repositories.
    let (a, b) = repos.split_at(repos.len() / 2);
    let total = std::thread::scope(|s| {
        let ha = s.spawn(|| {
            let mut t = Tally::default();
            for r in a {
                t.add(&agree(r, &builtins));
            }
            t
        });
        let mut t = Tally::default();
        for r in b {
            t.add(&agree(r, &builtins));
        }
        t.add(&ha.join().unwrap());
        t
    });
    eprintln!(
        "{} repositories, {} comparisons: {} undecided, {} contradictory, {} included-without-control rows; {} untreated, {} residual, {} accepted risks; {} report rows",
        total.repos,
        total.comparisons,
        total.undecided,
        total.contradictory,
        total.included_without_control,
        total.untreated,
        total.residual,
        total.accepted,
        total.html_rows
    );
    assert_eq!(total.repos, repos.len());
    assert!(
        total.comparisons > 1000,
        "{} comparisons",
        total.comparisons
    );
    assert!(total.html_rows > 100, "{} report rows", total.html_rows);
    for (what, n) in [
        ("undecided rows", total.repos_undecided),
        ("contradictory rows", total.repos_contradictory),
        ("included-without-control rows", total.repos_included),
        ("untreated risks", total.repos_untreated),
        ("residual risks above the appetite", total.repos_residual),
        ("accepted risks above the appetite", total.repos_accepted),
    ] {
        assert!(
            n > 0,
            "no repository has {what}: the test compares nothing there"
        );
    }
}
