//! Files that records name: a document's content, evidence, a certificate.

use super::{Context, declare_rule};
use crate::fields::Text;
use crate::finding::Finding;
use crate::msg;
use std::path::Component;

declare_rule! {
    /// ## What it does
    /// Reports a `path` of a `document`, an `evidence` or a `competence` record that names no
    /// file or folder in the repository. Paths are relative to the repository root (the
    /// folder of isms.yaml) and must stay inside it: an absolute path or one that climbs out
    /// with `..` is reported too.
    ///
    /// ## Why is this bad?
    /// The record says the policy or the evidence is there; an auditor who follows the link
    /// finds nothing. A renamed or deleted file is the most common way documented
    /// information goes missing.
    ///
    /// ## Example
    /// ```yaml
    /// kind: document
    /// id: DOC-POLICY
    /// path: docs/polcy.md
    /// ```
    /// Use instead: `path: docs/policy.md`, the file as it is in the repository.
    ///
    /// # 日本語
    ///
    /// ## 何をするか
    /// `document`・`evidence`・`competence` の `path` が、リポジトリ内のどのファイルやフォルダも
    /// 指していないときに報告します。パスはリポジトリのルート（isms.yaml のフォルダ）からの相対パスで、
    /// その中に収まっていなければなりません。絶対パスや `..` で外に出るパスも報告します。
    ///
    /// ## なぜ問題か
    /// 記録には方針や証跡がそこにあると書かれているのに、審査員がたどると何もありません。
    /// ファイルの名前の変更や削除は、文書化した情報が失われるいちばんよくある原因です。
    ///
    /// ## 例
    /// ```yaml
    /// kind: document
    /// id: DOC-POLICY
    /// path: docs/polcy.md
    /// ```
    /// 代わりに: `path: docs/policy.md` のように、リポジトリにあるとおりのパスを書いてください。
    pub struct FileMissing {
        code: "file/missing",
        severity: Error,
        summary: "A path names no file in the repository",
        summary_ja: "パスの指すファイルがリポジトリにない",
    }
}

impl FileMissing {
    pub fn check(cx: &Context, out: &mut Vec<Finding>) {
        let rec = &cx.model.records;
        let paths = rec
            .documents
            .iter()
            .map(|d| (&d.id, d.path.as_ref()))
            .chain(rec.evidence.iter().map(|e| (&e.id, e.path.as_ref())))
            .chain(rec.competences.iter().map(|c| (&c.id, c.path.as_ref())));
        for (id, path) in paths {
            if let Some(path) = path {
                check_path(cx, id, path, out);
            }
        }
    }
}

fn check_path(cx: &Context, id: &Text, path: &Text, out: &mut Vec<Finding>) {
    let p = std::path::Path::new(path.as_str());
    let value = path.as_str();
    let outside = p.is_absolute()
        || p.components().any(|c| {
            matches!(
                c,
                Component::ParentDir | Component::Prefix(_) | Component::RootDir
            )
        });
    let (message, help) = if outside {
        (
            msg!(
                "`{value}` is not a path inside the repository",
                "`{value}` はリポジトリ内のパスではありません"
            ),
            msg!(
                "write the path relative to the folder of isms.yaml, without `..`; use `url:` for a file elsewhere",
                "isms.yaml のフォルダからの相対パスを `..` なしで書いてください。リポジトリ外のファイルは `url:` で示してください"
            ),
        )
    } else if cx.root.join(p).exists() {
        return;
    } else {
        (
            msg!(
                "no file `{value}` in the repository",
                "リポジトリにファイル `{value}` がありません"
            ),
            msg!(
                "add the file, or correct the path (relative to the folder of isms.yaml)",
                "ファイルを追加するか、パス（isms.yaml のフォルダからの相対パス）を直してください"
            ),
        )
    };
    out.push(
        cx.finding(&FileMissing::META, path.span, message)
            .help(help)
            .about(id.as_str(), format!("path={value}")),
    );
}
