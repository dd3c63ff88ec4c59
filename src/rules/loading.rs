//! Rules reported while loading files (the `yaml` and `schema` stages). They are declared
//! here so that `explain`, `rules` and SARIF know them like any other.

use super::declare_rule;

declare_rule! {
    /// ## What it does
    /// Reports a file that is not valid YAML: a missing colon, a bad indentation, a tab used
    /// for indentation, an unclosed bracket or quote, nesting deeper than 64 levels, or aliases
    /// that expand beyond a safe size ("billion laughs").
    ///
    /// ## Why is this bad?
    /// Nothing in a broken document can be checked or reported: its entities are missing from
    /// every report. Parsing resumes at the next `---`, so other documents are still checked.
    ///
    /// ## Example
    /// ```yaml
    /// kind: risk
    /// id: R-001
    /// 	likelihood: 2    # indented with a tab
    /// ```
    /// Use instead:
    /// ```yaml
    /// kind: risk
    /// id: R-001
    /// likelihood: 2
    /// ```
    pub struct YamlSyntax {
        code: "yaml/syntax",
        severity: Error,
        summary: "The file is not valid YAML",
        summary_ja: "YAML の構文が正しくない",
    }
}

declare_rule! {
    /// ## What it does
    /// Reports a file that is not UTF-8 text: Shift_JIS (common from Excel on Japanese
    /// Windows), UTF-16, or a binary file with a YAML name. A UTF-8 byte-order mark and CRLF
    /// line ends are fine.
    ///
    /// ## Why is this bad?
    /// YAML is UTF-8; other tools (editors, GitHub, the schema validator) would read the file
    /// as garbage or refuse it.
    ///
    /// ## Example
    /// A `risks.yaml` saved as Shift_JIS.
    ///
    /// Use instead: re-save it as UTF-8 (VS Code: "Save with Encoding" → UTF-8).
    pub struct YamlEncoding {
        code: "yaml/encoding",
        severity: Error,
        summary: "The file is not UTF-8 text",
        summary_ja: "ファイルが UTF-8 のテキストではない",
    }
}

declare_rule! {
    /// ## What it does
    /// Reports a key given twice in the same mapping.
    ///
    /// ## Why is this bad?
    /// YAML forbids it, and tools disagree on which value wins: the linter, the editor and an
    /// auditor's script could each read a different likelihood.
    ///
    /// ## Example
    /// ```yaml
    /// kind: risk
    /// id: R-001
    /// likelihood: 2
    /// likelihood: 3
    /// ```
    /// Use instead: keep one `likelihood`.
    pub struct YamlDuplicateKey {
        code: "yaml/duplicate-key",
        severity: Error,
        summary: "A key is given twice in one mapping",
        summary_ja: "同じマッピングにキーが重複している",
    }
}

declare_rule! {
    /// ## What it does
    /// Reports a YAML file below the repository root that holds no document at all (empty,
    /// or only comments).
    ///
    /// ## Why is this bad?
    /// It is usually a file whose content was lost or never written; an entity someone meant
    /// to add is missing.
    ///
    /// ## Example
    /// An empty `risks/R-020.yaml`.
    ///
    /// Use instead: write the entity, or delete the file (or list it under `exclude:`).
    pub struct YamlEmpty {
        code: "yaml/empty",
        severity: Warning,
        summary: "A YAML file holds no entity",
        summary_ja: "YAML ファイルにエンティティがない",
    }
}

declare_rule! {
    /// ## What it does
    /// Reports a document that breaks the JSON Schema of its kind (`schema/<kind>.schema.json`):
    /// an unknown `kind`, a missing required field, a value of the wrong type or outside its
    /// range, an unknown or misspelt field, a malformed date, a number where an id belongs
    /// (`5.10` is read as 5.1: quote it), or a setting in `isms.yaml` that does not exist.
    ///
    /// ## Why is this bad?
    /// The rules and reports read the typed model; a field they cannot read is as good as
    /// missing, and a misspelt field (`likelyhood`) is silently ignored by anything less strict.
    ///
    /// ## Example
    /// ```yaml
    /// kind: control
    /// id: C-PASSWORD
    /// title: 多要素認証
    /// category: technological
    /// status: implemented
    /// maps_to: [iso27001-2022:5.10, 8.5]
    /// ```
    /// Use instead:
    /// ```yaml
    /// maps_to: ["iso27001-2022:5.10", "iso27001-2022:8.5"]
    /// ```
    pub struct SchemaInvalid {
        code: "schema/invalid",
        severity: Error,
        summary: "A document breaks the schema of its kind",
        summary_ja: "文書が kind のスキーマに違反している",
    }
}
