//! Writes a synthetic, valid ISMS repository of N risks for benchmarks: one entity per
//! file, N/2 assets, N/2 controls each with a procedure, 20 threats, 40 vulnerabilities.
//!
//! `cargo run --release --example gen_repo -- 10000 /tmp/isms-10k`

use std::fmt::Write as _;
use std::path::Path;

fn write(dir: &Path, rel: &str, text: &str) {
    let path = dir.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args
        .next()
        .and_then(|s| s.parse().ok())
        .expect("usage: gen_repo N DIR");
    let dir = args.next().expect("usage: gen_repo N DIR");
    let dir = Path::new(&dir);
    let half = (n / 2).max(1);
    write(
        dir,
        "isms.yaml",
        "organization: 株式会社ベンチマーク\nlanguage: en\nframeworks: []\nrisk: {likelihood: 3, impact: 3, bands: {high: 6, medium: 4}, acceptable: 2}\n",
    );
    write(
        dir,
        "roles.yaml",
        "kind: role\nid: ROLE-CISO\ntitle: 情報セキュリティ責任者\n---\nkind: role\nid: ROLE-SYSADMIN\ntitle: システム管理者\n",
    );
    for t in 0..20 {
        let origin = ["environmental", "deliberate", "accidental"][t % 3];
        write(
            dir,
            &format!("threats/T-{t:03}.yaml"),
            &format!("kind: threat\nid: T-{t:03}\nname: 脅威 {t}\norigin: {origin}\n"),
        );
    }
    for v in 0..40 {
        write(
            dir,
            &format!("vulnerabilities/V-{v:03}.yaml"),
            &format!(
                "kind: vulnerability\nid: V-{v:03}\nname: 脆弱性 {v}\ncategory: software\nthreats: [T-{:03}]\n",
                v % 20
            ),
        );
    }
    for a in 0..half {
        write(
            dir,
            &format!("assets/A-{a:06}.yaml"),
            &format!(
                "kind: asset\nid: A-{a:06}\nname: 資産 {a}（顧客情報）\ntype: information\nowner: ROLE-CISO\nconfidentiality: 3\nintegrity: {}\navailability: 2\n",
                1 + a % 3
            ),
        );
    }
    for c in 0..half {
        write(
            dir,
            &format!("controls/C-{c:06}.yaml"),
            &format!(
                "kind: control\nid: C-{c:06}\ntitle: 管理策 {c}\ncategory: technological\nmaps_to: [\"iso27001-2022:8.{}\"]\nstatus: implemented\nowner: ROLE-SYSADMIN\n",
                1 + c % 34
            ),
        );
        write(
            dir,
            &format!("procedures/P-{c:06}.yaml"),
            &format!(
                "kind: procedure\nid: P-{c:06}\ntitle: 実施手順 {c}\nimplements: [C-{c:06}]\nowner: ROLE-SYSADMIN\nsteps:\n  - 設定を確認する\n  - 記録を残す\nreview: {{interval_months: 12, last: 2026-06-01}}\n"
            ),
        );
    }
    for r in 0..n {
        let mut text = String::new();
        let _ = write!(
            text,
            "kind: risk\nid: R-{r:06}\ntitle: リスク {r}：資産の漏えい\nassets: [A-{:06}]\nthreat: T-{:03}\nvulnerabilities: [V-{:03}]\nlikelihood: {}\nowner: ROLE-CISO\ntreatment:\n  option: reduce\n  controls: [C-{:06}]\n  due: 2027-03-31\n  approved_by: ROLE-CISO\n  approved_on: 2026-10-01\nresidual: {{likelihood: 1, impact: 1, impact_reason: 暗号化により漏えいしても読めない}}\n",
            (r / 2) % half,
            r % 20,
            r % 40,
            1 + r % 3,
            (r / 2) % half
        );
        write(dir, &format!("risks/R-{r:06}.yaml"), &text);
    }
}
