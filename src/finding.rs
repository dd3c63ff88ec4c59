//! Findings: what every stage and rule reports, as plain data. A finding is made from its
//! rule (code and default severity come from the registry), carries its words in both
//! languages (renderers pick one), and has an identity that does not depend on them.

use crate::i18n::Lang;
use crate::source::Span;

pub use crate::rule::{RuleMeta, Severity};

/// A text in English and Japanese, both made when the finding is: every message exists
/// in both languages by construction.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Message {
    pub en: String,
    pub ja: String,
}

impl Message {
    /// Why an I/O operation failed, in both languages: the common kinds by name; for the
    /// rest, the system's own words (which the system gives in one language only).
    pub fn io(e: &std::io::Error) -> Message {
        use std::io::ErrorKind as K;
        let (en, ja) = match e.kind() {
            K::NotFound => (
                "no such file or folder",
                "ファイルまたはフォルダがありません",
            ),
            K::PermissionDenied => ("permission denied", "アクセスが許可されていません"),
            K::AlreadyExists => ("it already exists", "すでに存在します"),
            K::IsADirectory => ("it is a folder, not a file", "ファイルではなくフォルダです"),
            K::NotADirectory => (
                "a part of the path is not a folder",
                "パスの途中がフォルダではありません",
            ),
            K::ReadOnlyFilesystem => (
                "the file system is read-only",
                "読み取り専用のファイルシステムです",
            ),
            K::StorageFull => (
                "no space left on the device",
                "ディスクの空き容量がありません",
            ),
            K::InvalidData => (
                "the data is not valid (not UTF-8?)",
                "データが不正です（UTF-8 ではない可能性があります）",
            ),
            K::BrokenPipe => (
                "the reader closed the pipe",
                "出力先のパイプが閉じられました",
            ),
            _ => return Message::same(e.to_string()),
        };
        Message::new(en, ja)
    }

    pub fn new(en: impl Into<String>, ja: impl Into<String>) -> Message {
        Message {
            en: en.into(),
            ja: ja.into(),
        }
    }

    /// The same words in both languages (an id, a file name).
    pub fn same(text: impl Into<String>) -> Message {
        let text = text.into();
        Message {
            en: text.clone(),
            ja: text,
        }
    }

    /// Built by a function of the language, for texts whose arguments are worded too.
    pub fn from_fn(f: impl Fn(Lang) -> String) -> Message {
        Message {
            en: f(Lang::En),
            ja: f(Lang::Ja),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Ja => &self.ja,
        }
    }
}

/// `msg!("english {x}", "日本語 {x}")`: a [`Message`] in both languages.
#[macro_export]
macro_rules! msg {
    ($en:literal, $ja:literal $(, $arg:expr)* $(,)?) => {
        $crate::finding::Message {
            en: format!($en $(, $arg)*),
            ja: format!($ja $(, $arg)*),
        }
    };
}

/// A second place that explains a finding: the first definition of a duplicate, the risk
/// that names a missing control.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Related {
    pub span: Span,
    pub message: Message,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub code: &'static str,
    pub severity: Severity,
    pub message: Message,
    pub help: Option<Message>,
    pub span: Span,
    pub related: Vec<Related>,
    /// What the finding is about, for its identity: the entity's id (a SoA's framework),
    /// or empty for a finding about a whole file.
    pub subject: String,
    /// Where in the subject: a field path (`treatment.controls`, `exclusions.8.31`), or
    /// what distinguishes two findings of one rule on one subject (`schema/invalid`'s
    /// JSON pointer). Never the wording.
    pub field: String,
}

/// What stays the same when a finding's wording, language or line changes: `isms diff`
/// matches findings between revisions by it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Identity<'a> {
    pub code: &'static str,
    pub file: &'a str,
    pub subject: &'a str,
    pub field: &'a str,
}

impl Finding {
    pub fn new(rule: &'static RuleMeta, span: Span, message: Message) -> Finding {
        Finding {
            code: rule.code,
            severity: rule.severity,
            message,
            help: None,
            span,
            related: Vec::new(),
            subject: String::new(),
            field: String::new(),
        }
    }

    pub fn help(mut self, help: Message) -> Finding {
        self.help = Some(help);
        self
    }

    pub fn help_opt(mut self, help: Option<Message>) -> Finding {
        self.help = help;
        self
    }

    pub fn related(mut self, span: Span, message: Message) -> Finding {
        self.related.push(Related { span, message });
        self
    }

    /// What the finding is about: the entity and the field (see [`Identity`]).
    pub fn about(mut self, subject: impl Into<String>, field: impl Into<String>) -> Finding {
        self.subject = subject.into();
        self.field = field.into();
        self
    }

    /// The order of every output: by file path, position, then code. Findings that share
    /// all of these keep the order the rules emitted them in (a stable sort), which is
    /// deterministic: the SoA's missing controls stay in catalog order, 5.2 before 5.10.
    pub fn sort_key<'a>(&'a self, path: &'a str) -> impl Ord + 'a {
        (path, self.span.start, self.span.end, self.code)
    }
}
