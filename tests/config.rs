//! The configuration judged like an entity: each `config/...` problem is one finding at its
//! setting of isms.yaml, and no configuration makes a command allocate beyond its input or
//! abort (the scales are capped before anything is built from them).

mod common;

use common::*;

fn with_risk_method(method: &str) -> tempfile::TempDir {
    let dir = repo_with(None);
    let config = dir.path().join("isms.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    let head = text.split("risk:\n").next().unwrap();
    std::fs::write(&config, format!("{head}risk:\n{method}")).unwrap();
    dir
}

fn risks_json(dir: &std::path::Path) -> (serde_json::Value, i32) {
    let out = bin()
        .args(["risks", "--format", "json", "--today", TODAY])
        .arg(dir)
        .output()
        .unwrap();
    let json = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stderr)));
    (json, out.status.code().unwrap())
}

#[test]
fn an_absurd_scale_is_one_finding_each_and_the_heat_map_stays_small() {
    let dir = with_risk_method("  likelihood: 100000\n  impact: 100000\n");
    let (json, code) = check_json(dir.path(), &[]);
    // One finding per setting; no rating is judged against a scale that is wrong.
    assert_eq!(
        finding_lines(&json),
        [
            "config/scale-out-of-range isms.yaml:5:15",
            "config/scale-out-of-range isms.yaml:6:11"
        ]
    );
    assert_eq!(code, 1);
    assert_eq!(
        json["findings"][0]["message"],
        "`risk.likelihood` is 100000 steps, more than 10; no risk level is computed until it is fixed"
    );
    // isms risks writes its register: the scales are capped at 10, no risk has a level, so
    // every risk is unplaced and the map has at most 10 × 10 cells.
    let (register, code) = risks_json(dir.path());
    assert_eq!(code, 0);
    let before = &register["heatmap"]["before"];
    assert_eq!(
        (&before["impact"], &before["likelihood"]),
        (&10.into(), &10.into())
    );
    assert_eq!(before["cells"].as_array().unwrap().len(), 100);
    assert_eq!(before["unplaced"].as_array().unwrap().len(), 2);
    assert!(
        register["risks"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["level"].is_null())
    );
    // The other reports build too.
    for args in [&["report"][..], &["risks", "--format", "xlsx", "-o"]] {
        let mut c = bin();
        c.args(args);
        if args.len() > 1 {
            c.arg(dir.path().join("r.xlsx"));
        }
        let out = c.args(["--today", TODAY]).arg(dir.path()).output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn importance_as_a_sum_needs_an_impact_scale_that_holds_it() {
    // C + I + A reaches 9 on a C/I/A scale of 3: an impact scale of 3 cannot hold it.
    let dir =
        with_risk_method("  likelihood: 3\n  impact: 3\n  importance: sum\n  acceptable: 2\n");
    let (json, code) = check_json(dir.path(), &["--lang", "ja"]);
    assert_eq!(
        finding_lines(&json),
        ["config/importance-exceeds-impact isms.yaml:7:15"]
    );
    assert_eq!(code, 1);
    assert_eq!(
        json["findings"][0]["message"],
        "`importance: sum` では重要度が 9（機密性 + 完全性 + 可用性）まで上がりますが、`risk.impact` は 3 段階です"
    );
    // No level is computed: the register says 1〜3 and shows no level of 27.
    let (register, _) = risks_json(dir.path());
    assert!(
        register["risks"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["level"].is_null())
    );
    // With an impact scale of 9 the same repository is judged: R-001 is 7 × 2 = 14.
    let dir = with_risk_method(
        "  likelihood: 3\n  impact: 9\n  importance: sum\n  bands: {high: 14, medium: 6}\n  acceptable: 3\n",
    );
    let (register, _) = risks_json(dir.path());
    let r1 = register["risks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "R-001")
        .unwrap();
    assert_eq!((&r1["impact"], &r1["level"]), (&7.into(), &14.into()));
}

#[test]
fn an_appetite_above_every_level_and_bands_out_of_order() {
    let dir = with_risk_method(
        "  likelihood: 3\n  impact: 3\n  bands: {high: 4, medium: 6}\n  acceptable: 12\n",
    );
    let (json, _) = check_json(dir.path(), &["--lang", "en"]);
    assert_eq!(
        finding_lines(&json),
        [
            "config/level-out-of-range isms.yaml:7:28",
            "config/level-out-of-range isms.yaml:8:15"
        ]
    );
    let messages: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        messages,
        [
            "`risk.bands.medium` is 6, above `risk.bands.high` (4)",
            "`risk.acceptable` is 12, but the method's levels go up to 9"
        ]
    );
}

#[test]
fn labels_that_do_not_fit_are_reported_and_not_printed() {
    let dir = with_risk_method(
        "  likelihood: 3\n  impact: 3\n  labels:\n    likelihood: [低, 高]\n    impact: [小, 中, 大]\n",
    );
    let (json, _) = check_json(dir.path(), &[]);
    assert_eq!(
        finding_lines(&json),
        ["config/labels-mismatch isms.yaml:8:5"]
    );
    let (register, _) = risks_json(dir.path());
    assert_eq!(
        register["method"]["likelihood_labels"],
        serde_json::json!([])
    );
    assert_eq!(
        register["method"]["impact_labels"],
        serde_json::json!(["小", "中", "大"])
    );
}
