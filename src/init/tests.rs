//! The starter data of `starters/`: every file parses, every template renders in both
//! languages, and the two languages cannot drift: same files, same documents, same kinds,
//! ids, numbers and mappings; only the texts differ.

use super::emit::{Body, File};
use super::{Level, baseline, common, comprehensive, quick};
use crate::i18n::Lang;
use serde_json::Value;

/// Every file init can write at a level, in one language (Lv.1: all ten standards, with the
/// likelihood derived and stated).
fn all_files(level: Level, lang: Lang) -> Vec<File> {
    let mut files = vec![common::config(level, lang, None)];
    match level {
        Level::Quick => {
            let all: Vec<&quick::Standard> = quick::standards().iter().collect();
            files.extend(quick::files(&all, lang, false));
            files.extend(quick::files(&all[..1], lang, true));
        }
        Level::Baseline => files.extend(baseline::files(lang)),
        Level::Comprehensive => files.extend(comprehensive::files(lang)),
    }
    files.extend(common::tooling(lang));
    files
}

fn yaml_json(text: &str, what: &str) -> Vec<Value> {
    let (docs, findings) = crate::yaml::parse(crate::source::FileId(0), text);
    assert!(findings.is_empty(), "{what}: {findings:?}");
    docs.iter().map(|d| d.root.to_json()).collect()
}

/// The fields that hold a text; everything else must be the same in both languages.
const TEXT_FIELDS: &[&str] = &[
    "title",
    "name",
    "description",
    // The ISMS's own records.
    "measure",
    "target",
    "scope",
    "criteria",
    "text",
    "steps",
    "responsibilities",
    "location",
    "source",
];

/// `v` with its texts replaced by their shape (a list keeps its length).
fn skeleton(v: &Value, texts: &[&str]) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.iter()
                .map(|(k, x)| {
                    let x = if texts.contains(&k.as_str()) {
                        match x {
                            Value::Array(items) => Value::from(vec!["<text>"; items.len()]),
                            _ => Value::from("<text>"),
                        }
                    } else {
                        skeleton(x, texts)
                    };
                    (k.clone(), x)
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(|x| skeleton(x, texts)).collect()),
        _ => v.clone(),
    }
}

/// What a file says beyond its texts and comments.
fn structure(f: &File) -> Vec<Value> {
    match &f.body {
        Body::Docs(docs) => docs
            .iter()
            .map(|d| skeleton(&yaml_json(d.text(), &f.path)[0], TEXT_FIELDS))
            .collect(),
        Body::Config(text) => yaml_json(text, &f.path)
            .iter()
            .map(|v| skeleton(v, &["organization", "language", "labels"]))
            .collect(),
        Body::Plain(text) if f.path.ends_with(".yaml") || f.path.ends_with(".yml") => {
            yaml_json(text, &f.path)
        }
        Body::Plain(text) if f.path.ends_with(".json") => {
            let code: String = text
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .collect();
            vec![serde_json::from_str(&code).expect("a JSON starter file")]
        }
        // Markdown: the same headings and numbered items, whatever the language.
        Body::Plain(text) if f.path.ends_with(".md") => text
            .lines()
            .map(|l| {
                let mark: String = l
                    .chars()
                    .take_while(|c| matches!(c, '#' | '0'..='9' | '.' | '-'))
                    .collect();
                Value::from(mark)
            })
            .collect(),
        Body::Plain(text) => text
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(Value::from)
            .collect(),
    }
}

fn ids(files: &[File]) -> Vec<(String, Option<String>, Option<String>)> {
    files
        .iter()
        .filter_map(|f| match &f.body {
            Body::Docs(docs) => Some(
                docs.iter()
                    .map(|d| (f.path.clone(), d.id.clone(), d.soa_framework.clone())),
            ),
            _ => None,
        })
        .flatten()
        .collect()
}

fn mappings(files: &[File]) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    for f in files {
        if let Body::Docs(docs) = &f.body {
            for d in docs {
                let v = &yaml_json(d.text(), &f.path)[0];
                for key in [
                    "maps_to",
                    "implements",
                    "threats",
                    "vulnerabilities",
                    "assets",
                    "treatment",
                ] {
                    if let Some(m) = v.get(key) {
                        out.push((format!("{} {key}", v["id"]), m.clone()));
                    }
                }
            }
        }
    }
    out
}

#[test]
fn every_data_file_parses() {
    // The loaders panic on a file that is not valid YAML or has the wrong shape.
    let _ = common::data();
    assert_eq!(quick::data().roles, ["ROLE-CISO", "ROLE-SYSADMIN"]);
    assert_eq!(baseline::data().roles.len(), 5);
    assert_eq!(comprehensive::data().roles, baseline::data().roles);
    assert_eq!(quick::standards().len(), 10);
}

#[test]
fn both_languages_define_the_same_ids_and_mappings() {
    for level in [Level::Quick, Level::Baseline, Level::Comprehensive] {
        let en = all_files(level, Lang::En);
        let ja = all_files(level, Lang::Ja);
        let paths = |fs: &[File]| fs.iter().map(|f| f.path.clone()).collect::<Vec<_>>();
        assert_eq!(paths(&en), paths(&ja), "{level:?}: the same files");
        let (ids_en, ids_ja) = (ids(&en), ids(&ja));
        assert!(ids_en.len() > 5, "{level:?}: {ids_en:?}");
        assert_eq!(ids_en, ids_ja, "{level:?}: the same ids");
        let (maps_en, maps_ja) = (mappings(&en), mappings(&ja));
        assert!(!maps_en.is_empty());
        assert_eq!(maps_en, maps_ja, "{level:?}: the same mappings");
        for (e, j) in en.iter().zip(&ja) {
            assert_eq!(
                structure(e),
                structure(j),
                "{}: only the texts differ",
                e.path
            );
        }
    }
}

#[test]
fn every_mapping_names_a_catalog_control() {
    let cat = crate::catalog::catalogs();
    let ipa = cat.framework("ipa-sme").unwrap();
    let mut ipa_covered = std::collections::BTreeSet::new();
    for level in [Level::Quick, Level::Baseline, Level::Comprehensive] {
        for (what, m) in mappings(&all_files(level, Lang::En)) {
            if !what.ends_with("maps_to") {
                continue;
            }
            for target in m.as_array().unwrap() {
                let target = target.as_str().unwrap();
                let (fw, id) = target.split_once(':').unwrap();
                assert!(
                    cat.framework(fw).and_then(|f| f.control(id)).is_some(),
                    "{what}: unknown {target}"
                );
                if level == Level::Baseline && fw == "ipa-sme" {
                    ipa_covered.insert(id.to_owned());
                }
            }
        }
    }
    // Lv.2 answers every item of IPA's self-assessment.
    for item in &ipa.controls {
        assert!(
            ipa_covered.contains(&item.id),
            "ipa-sme:{} is not covered",
            item.id
        );
    }
}
