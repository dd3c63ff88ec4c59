//! Linear in every shape: for each shape of hostile input, `isms check` (human output, the
//! renderer included) on a file of size 4n takes well under 16 times as long as on size n,
//! which is what a quadratic step would give. A ratio of two sizes measured in one run, not an
//! absolute time: the machine's speed cancels out. What is measured is the CPU time the child
//! process used (getrusage), one child at a time, and the smaller of two runs: other work on
//! the machine does not change it much.

mod common;

use common::*;
use std::sync::Mutex;
use std::time::Duration;

/// One child at a time, so that the children's CPU time is this one's.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

fn children_cpu() -> Duration {
    // SAFETY: getrusage only writes the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    let t = |tv: libc::timeval| {
        Duration::from_secs(tv.tv_sec as u64) + Duration::from_micros(tv.tv_usec as u64)
    };
    t(usage.ru_utime) + t(usage.ru_stime)
}

/// Linear gives 4, quadratic 16; the fixed cost of a run (the base repository, the
/// process) pulls the ratio below 4.
const MAX_RATIO: f64 = 8.0;

fn time_check(file: &str, text: &str) -> Duration {
    let repo = repo_with(None);
    std::fs::write(repo.path().join(file), text).unwrap();
    let mut best = Duration::MAX;
    for _ in 0..2 {
        let guard = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
        let before = children_cpu();
        let out = bin()
            .args(["check", "--today", TODAY])
            .arg(repo.path())
            .output()
            .unwrap();
        best = best.min(children_cpu() - before);
        drop(guard);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{file}: {stderr}");
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{file}: exit {:?}: {stderr}",
            out.status.code()
        );
    }
    best
}

fn assert_linear(shape: &str, n: usize, make: impl Fn(usize) -> String) {
    let small = time_check("shape.yaml", &make(n));
    let large = time_check("shape.yaml", &make(4 * n));
    let ratio = large.as_secs_f64() / small.as_secs_f64();
    eprintln!("{shape}: n={n} {small:?}, 4n {large:?}, ratio {ratio:.2}");
    assert!(
        ratio < MAX_RATIO,
        "{shape}: 4× the input took {ratio:.1}× the time ({small:?} → {large:?})"
    );
}

#[test]
fn many_documents() {
    assert_linear("documents", 2_000, |n| {
        (0..n)
            .map(|i| {
                format!("kind: threat\nid: T-D{i}\nname: t\norigin: deliberate\nbogus: 1\n---\n")
            })
            .collect()
    });
}

#[test]
fn many_unknown_keys_in_one_mapping() {
    assert_linear("keys", 5_000, |n| {
        let mut s = String::from("kind: threat\nid: T-K\nname: t\norigin: deliberate\n");
        for i in 0..n {
            s.push_str(&format!("unknown{i}: 1\n"));
        }
        s
    });
}

#[test]
fn many_bad_values_in_one_mapping() {
    assert_linear("values", 5_000, |n| {
        let mut s = String::from("kind: soa\nframework: iso27001-2022\nexclusions:\n");
        for i in 0..n {
            s.push_str(&format!("  \"x{i}\": [1]\n"));
        }
        s
    });
}

#[test]
fn many_findings_in_one_place() {
    assert_linear("duplicates", 3_000, |n| {
        let mut s = String::from("kind: threat\nid: T-P\nname: t\norigin: deliberate\n");
        for _ in 0..n {
            s.push_str("name: again\n");
        }
        s
    });
}

#[test]
fn deep_nesting_many_times() {
    let flow = format!("{}x{}", "[".repeat(60), "]".repeat(60));
    assert_linear("flow nesting", 300, |n| {
        let mut s = String::from("kind: threat\nid: T-N\nname: t\norigin: deliberate\nextra:\n");
        for _ in 0..n {
            s.push_str(&format!("  - {flow}\n"));
        }
        s
    });
    let block = "- ".repeat(60);
    assert_linear("block nesting", 300, |n| {
        let mut s = String::from("kind: threat\nid: T-N\nname: t\norigin: deliberate\nextra:\n");
        for _ in 0..n {
            s.push_str(&format!("  - {block}x\n"));
        }
        s
    });
}

#[test]
fn a_long_line_with_a_finding_at_its_end() {
    assert_linear("long line", 200_000, |n| {
        format!(
            "kind: threat\nid: T-L\nname: t\norigin: deliberate\ndescription: '{}' junk\n",
            "a".repeat(n)
        )
    });
}

#[test]
fn many_misspelt_references_among_many_ids() {
    assert_linear("did-you-mean", 400, |n| {
        let mut s = String::new();
        for i in 0..n {
            s.push_str(&format!(
                "kind: threat\nid: T-{i:05}\nname: t\norigin: deliberate\n---\n"
            ));
        }
        for i in 0..n {
            s.push_str(&format!(
                "kind: vulnerability\nid: V-{i:05}\nname: v\ncategory: software\nthreats: [T-{i:05}X]\n---\n"
            ));
        }
        s
    });
}

/// Found by the fuzzer (examples/fuzz.rs, seed 1): a reference 300,000 characters long took
/// minutes in did-you-mean (every deletion of the word, each as long as the word).
#[test]
fn a_very_long_misspelt_reference() {
    assert_linear("long reference", 100_000, |n| {
        format!(
            "kind: vulnerability\nid: V-LONG\nname: v\ncategory: software\nthreats: [T-THEFT{}]\n",
            "x".repeat(n)
        )
    });
}
